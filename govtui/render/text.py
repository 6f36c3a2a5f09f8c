"""Plain terminal text: documents for `govtui show`, with CJK-aware wrapping for receipts."""

from __future__ import annotations

import unicodedata

from govtui.content.describe import describe_condition
from govtui.content.models import Bundle, Document, Guide, Library, Material, Policy, article_label
from govtui.i18n import Language, text
from govtui.render.citation import basis_text
from govtui.render.elements import ElementWriter
from govtui.render.titles import document_title, heading_title


def display_width(value: str) -> int:
    """Terminal columns: wide and full-width characters (CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in value)


def printed_width(value: str) -> int:
    """Columns on a CJK receipt printer or terminal: ambiguous-width characters take two as well.

    Receipt printers print in GB18030, where dashes, dots and curly quotes (–·“) are double-byte
    and so double-width; counting them as two keeps every line within the paper.
    """
    total = 0
    for char in value:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WFA" else 1
    return total


# Chinese line-breaking rules (禁则): these never start a line, and those never end one.
_NO_LINE_START = frozenset("，。、；：！？）》」』】〕…％,.;:!?)]}%")
_NO_LINE_END = frozenset("（《「『【〔([{")


def _units(paragraph: str) -> list[str]:
    """Split into unbreakable pieces: runs of ASCII non-space, single spaces, single characters."""
    units: list[str] = []
    word = ""
    for char in paragraph:
        if char.isascii() and not char.isspace():
            word += char
            continue
        if word:
            units.append(word)
            word = ""
        units.append(" " if char.isspace() else char)
    if word:
        units.append(word)
    return units


def wrap(value: str, width: int, indent: str = "", first_indent: str | None = None) -> list[str]:
    """Wrap text to `width` printed columns (CJK as two), never letting a line run over.

    English breaks at spaces, Chinese between characters, following the rule that closing
    punctuation does not start a line. `first_indent` (default `indent`) starts the first line,
    so a list item can hang: `wrap(text, 32, indent="    ", first_indent="[ ] ")`.
    """
    # Control characters in content must not reach a terminal or a printer; tabs become spaces.
    value = "".join(
        char
        for char in value.replace("\t", " ")
        if char == "\n" or unicodedata.category(char) != "Cc"
    )
    lines: list[str] = []
    prefix = indent if first_indent is None else first_indent

    def fits(units: list[str]) -> bool:
        return printed_width(prefix + "".join(units)) <= width

    for paragraph in value.split("\n"):
        current: list[str] = []
        for unit in _units(paragraph):
            if unit == " ":
                if current and current[-1] != " ":
                    current.append(unit)
                continue
            if fits([*current, unit]):
                current.append(unit)
                continue
            while current and current[-1] == " ":
                current.pop()
            carried: list[str] = []
            if unit[0] in _NO_LINE_START:
                # Carry a character over with the punctuation: "例）》", never a bare "）》".
                while len(current) > 1 and (not carried or carried[0][0] in _NO_LINE_START):
                    carried.insert(0, current.pop())
            while len(current) > 1 and current[-1][-1] in _NO_LINE_END:
                carried.insert(0, current.pop())
            if current:
                lines.append((prefix + "".join(current)).rstrip())
                prefix = indent
            current = [*carried, unit]
            while not fits(current):  # a word longer than the whole line is cut where it must be
                joined = "".join(current)
                cut = len(joined)
                while cut > 1 and printed_width(prefix + joined[:cut]) > width:
                    cut -= 1
                lines.append(prefix + joined[:cut])
                prefix = indent
                current = [joined[cut:]]
        lines.append((prefix + "".join(current)).rstrip())
        prefix = indent
    return lines


def _state_label(material: Material, language: Language) -> str:
    label = text(f"state_{material.state}", language)
    if material.state == "deferrable" and material.defer_days:
        label += "，" + text("defer_within", language, days=material.defer_days)
    return label


def _guide(library: Library, guide: Guide, language: Language) -> list[str]:
    title = heading_title(guide, language)
    lines = [f"{title}  [{guide.id}]", "=" * min(display_width(title) + 4, 60)]
    if guide.aliases:
        lines.append(f"{text('aliases', language)}：{'、'.join(guide.aliases)}")
    lines += ["", f"{text('summary', language)}：{guide.summary}", ""]
    elements = ElementWriter(library, language, None)
    if guide.eligibility:
        lines.append(f"{text('who_can_apply', language)}：")
        for rule in guide.eligibility:
            lines.append(f"  • {rule.text}")
            if refer := elements.referral(guide, rule.id):
                lines.append(f"    {refer}")
        lines.append("")
    lines.append(f"{text('what_to_bring', language)}：")
    for material in guide.materials:
        condition = (
            describe_condition(material.when, library.facts, language)
            if material.when
            else text("always", language)
        )
        lines.append(
            f"  • {material.name}（{material.form}，{_state_label(material, language)}）"
            f" — {text('when', language)}：{condition}"
        )
    lines.append("")
    office = library.locality.office(guide.office)
    if office:
        lines += [
            f"{text('where_to_go', language)}：{office.name}",
            f"  {office.address}",
            f"  {text('hours', language)}：{office.hours}",
            f"  {text('phone', language)}：{office.phone}",
        ]
    visits = visits_text(guide.visits, language)
    lines += [
        f"{text('cost', language)}：{guide.fee}",
        f"{text('visits', language)}：{visits}",
        f"{text('case_type', language)}：{guide.case_type}",
        f"{text('channels', language)}：{'、'.join(guide.channels)}",
        *(f"{label}：{value}" for label, value in elements.rows(guide)),
        "",
        f"{text('steps', language)}：",
        *[f"  {number}. {step}" for number, step in enumerate(guide.steps, 1)],
    ]
    for heading, items in (
        ("refusal_heading", elements.refusals([guide])),
        ("remedies_heading", elements.remedies()),
    ):
        if items:
            lines += ["", f"{text(heading, language)}：", *(f"  • {item}" for item in items)]
    if complaint := elements.complaint():
        lines.append(f"{text('complaint_phone', language)}：{complaint}")
    if guide.basis:
        lines += ["", f"{text('basis', language)}："]
        lines += [f"  • {basis_text(library, basis)}" for basis in guide.basis]
    if guide.note:
        lines += ["", f"{text('note', language)}：{guide.note}"]
    return lines


def _bundle(library: Library, bundle: Bundle, language: Language) -> list[str]:
    title = heading_title(bundle, language)
    lines = [f"{title}  [{bundle.id}]", "=" * min(display_width(title) + 4, 60), ""]
    lines += [
        f"{text('summary', language)}：{bundle.summary}",
        f"{text('lead_department', language)}：{bundle.lead_department}",
        "",
        f"{text('members', language)}：",
    ]
    for member in bundle.guides:
        guide = library.guides.get(member)
        lines.append(f"  • {document_title(guide, language) if guide else member}  [{member}]")
    return lines


def _policy(library: Library, policy: Policy, language: Language) -> list[str]:
    title = heading_title(policy, language)
    lines = [f"{title}  [{policy.id}]", "=" * min(display_width(title) + 4, 60)]
    lines += [
        f"{text('issuer', language)}：{policy.issuer}",
        f"{text('doc_number', language)}：{policy.doc_number}",
    ]
    if policy.issued:
        lines.append(f"{text('issued', language)}：{policy.issued.isoformat()}")
    if policy.effective:
        lines.append(f"{text('effective', language)}：{policy.effective.isoformat()}")
    lines.append(f"{text('status', language)}：{text('status_' + policy.status, language)}")
    if policy.articles:
        lines += ["", text(articles_note(policy), language)]
        for article in policy.articles:
            lines += [
                "",
                f"{article_label(article.number)} {article.heading}",
                f"  {article.digest}",
            ]
    citing = library.guides_citing(policy.id)
    if citing:
        lines += ["", f"{text('cited_by', language)}："]
        lines += [f"  • {guide.name}  [{guide.id}]" for guide in citing]
    return lines


def render_document(library: Library, document: Document, language: Language = "zh") -> str:
    if isinstance(document, Guide):
        lines = _guide(library, document, language)
    elif isinstance(document, Bundle):
        lines = _bundle(library, document, language)
    else:
        lines = _policy(library, document, language)
    return "\n".join(lines)


def visits_text(visits: int, language: Language) -> str:
    """How many trips to the office the service takes at most, in plain words."""
    if visits == 0:
        return text("visits_zero", language)
    return text("visits_value", language, n=visits)


def articles_note(policy: Policy) -> str:
    """The catalogue key saying whose words the articles are: our digests or the official text."""
    kinds = {article.text for article in policy.articles}
    if kinds == {"official"}:
        return "official_text_note"
    return "mixed_text_note" if "official" in kinds else "digest_note"
