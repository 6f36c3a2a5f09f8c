"""Options for the search screen's list: hits with marked snippets, headings and suggestions."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from govtui.content.models import Document, Library, Policy
from govtui.i18n import STRINGS, Language, text
from govtui.tui.index import SearchHit

# Each hit says why it matched as "<field>: <term>"; the field is shown in the UI language when
# the catalogue has a `match_<field>` word for it.
INDENT = "    "


def marked_snippet(hit: SearchHit, width: int) -> Content:
    """One line of the snippet, matched terms in reverse video, cut to `width` columns."""
    # Replacing newlines keeps every offset, so the spans still point at the matched terms.
    snippet = Content(hit.snippet_text.replace("\n", " "))
    for start, end in hit.snippet_spans:
        snippet = snippet.stylize("bold reverse", start, end)
    return snippet.truncate(width, ellipsis=True)


def match_reason(reason: str, language: Language) -> str:
    """ "alias: 低保" as "别名：低保" in the Chinese UI."""
    field, separator, term = reason.partition(": ")
    key = f"match_{field.replace(' ', '_')}"
    if not separator or key not in STRINGS:
        return reason
    label = text(key, language)
    return text("label_value", language, label=label, value=term)


def document_title(document: Document, language: Language) -> str:
    """The English name in the English UI where the content has one, else the Chinese."""
    if language == "en":
        english = document.title_en if isinstance(document, Policy) else document.name_en
        if english:
            return english
    return document.title


def heading_title(document: Document, language: Language) -> str:
    """A document screen's heading: the title in the UI language, then the Chinese one if other."""
    title = document_title(document, language)
    return title if title == document.title else f"{title}  {document.title}"


def option_id(kind: str, document_id: str, article: str | None = None) -> str:
    """What choosing an option does, as `kind:id[:article]`."""
    return f"{kind}:{document_id}" + (f":{article}" if article else "")


def parse_option_id(value: str) -> tuple[str, str, str | None]:
    kind, _, rest = value.partition(":")
    document_id, _, article = rest.partition(":")
    return kind, document_id, article or None


def heading(label: str) -> Option:
    """A line that groups the options below it; it cannot be chosen."""
    return Option(Content.from_markup("[b]$label[/b]", label=label), disabled=True)


def note(label: str) -> Option:
    return Option(Content(label), disabled=True)


def _kind_tag(kind: str, language: Language) -> Content:
    return Content.from_markup("[reverse] $kind [/reverse]", kind=text(kind, language))


def hit_option(hit: SearchHit, library: Library, language: Language, width: int) -> Option:
    """Three lines: kind and title with where it belongs, the marked snippet, why it matched."""
    title = hit.title
    where: list[str] = []
    if hit.kind == "guide":
        guide = library.guides.get(hit.id)
        if guide and language == "en":
            title = guide.name_en or title
        category = library.categories.get(guide.category) if guide else None
        if category:
            where.append(category.name_en if language == "en" else category.name)
        if guide:
            where.append(guide.department)
    elif hit.kind == "bundle":
        bundle = library.bundles.get(hit.id)
        if bundle and language == "en":
            title = bundle.name_en or title
    elif hit.policy or hit.kind == "policy":
        policy = library.policies.get(hit.policy or hit.id)
        if policy and hit.kind == "article":
            where.append(f"《{policy.title}》")
        if policy and policy.status != "effective":
            where.append(text(f"status_{policy.status}", language))
    first = Content.assemble(
        _kind_tag(hit.kind, language), " ", (title, "bold"), ("  " + " · ".join(where), "dim")
    )
    lines = [first.truncate(width, ellipsis=True)]
    room = max(width - len(INDENT), 10)
    if hit.snippet_text:
        lines.append(Content(INDENT).append(marked_snippet(hit, room)))
    if hit.matched:
        reasons = text("list_separator", language).join(
            match_reason(reason, language) for reason in hit.matched
        )
        because = Content(text("matched_because", language, reasons=reasons))
        lines.append(Content(INDENT).append(because.truncate(room, ellipsis=True)).stylize("dim"))
    article = _article_number(hit) if hit.kind == "article" else None
    document = hit.policy if hit.kind == "article" and hit.policy else hit.id
    kind = "policy" if hit.kind == "article" else hit.kind
    # A blank line after each result gives the eye a rest (options cannot have vertical padding).
    lines.append(Content(""))
    return Option(Content("\n").join(lines), id=option_id(kind, document, article))


def _article_number(hit: SearchHit) -> str | None:
    """An article hit's number: its id is `<policy>#<number>`."""
    _, separator, number = hit.id.rpartition("#")
    return number if separator else None


def document_option(
    kind: str, document_id: str, title: str, detail: str, language: Language, width: int
) -> Option:
    """A browse line for a guide, bundle or policy: the kind, the title and one line of detail."""
    lines = [Content.assemble(_kind_tag(kind, language), " ", (title, "bold"))]
    if detail:
        one_line = Content(detail.replace("\n", " ")).truncate(
            max(width - len(INDENT), 10), ellipsis=True
        )
        lines.append(Content(INDENT).append(one_line).stylize("dim"))
    lines.append(Content(""))
    return Option(Content("\n").join(lines), id=option_id(kind, document_id))
