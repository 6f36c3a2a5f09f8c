"""The interview's outcome on screen: three-state eligibility and the checklist as it grows."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from govtui.content.models import Library, Material, MaterialState
from govtui.i18n import Language, text
from govtui.interview import Outcome
from govtui.render.citation import basis_text
from govtui.render.notice import FORM_KEYS, colon_for

STATE_ORDER: tuple[MaterialState, ...] = (
    "required",
    "deferrable",
    "commitment",
    "optional",
    "shared",
)
_MARKS = {"likely": "✔", "refer": "→", "not_eligible": "✘", "unknown": "?"}


def joined(parts: Iterable[str], language: Language) -> str:
    return text("list_separator", language).join(parts)


def material_line(material: Material, language: Language) -> str:
    """申请人居民身份证（原件和复印件、1份）: the name, the form, how many copies."""
    details = [text(FORM_KEYS[material.form], language)]
    copies = material.copies
    if copies and material.form != "电子证照" and material.state != "shared":
        details.append(
            text("copy_count_one", language)
            if copies == 1
            else text("copy_count", language, n=copies)
        )
    return text("with_note", language, main=material.name, note=joined(details, language))


def fact_names(library: Library, fact_ids: Iterable[str], language: Language) -> str:
    names = [
        library.facts[fact].short.get(language) if fact in library.facts else fact
        for fact in fact_ids
    ]
    return joined(names, language)


def eligibility_content(library: Library, outcome: Outcome, language: Language) -> Content:
    """The verdict, then what is missing or why not; a bundle adds one line per service."""
    eligibility = outcome.eligibility
    state = eligibility.state
    parts = [
        Content.from_markup(
            "[b]$mark $verdict[/b]",
            mark=_MARKS[state],
            verdict=text(f"eligibility_{state}", language),
        )
    ]
    if state == "likely":
        parts.append(Content(text("eligibility_note", language)))
    if state == "unknown" and eligibility.missing:
        names = fact_names(library, eligibility.missing, language)
        parts.append(Content(text("eligibility_missing", language, facts=names)))
    if state == "refer":
        parts += referral_lines(library, outcome, language)
    if state == "not_eligible":
        for reason in eligibility.reasons:
            line = f"• {reason.text}"
            if reason.basis:
                citation = joined((basis_text(library, basis) for basis in reason.basis), language)
                line += text("basis_suffix", language, basis=citation)
            parts.append(Content(line))
    if outcome.is_bundle:
        for member in outcome.members:
            name = member.guide.name_en if language == "en" else member.guide.name
            verdict = text(f"eligibility_{member.eligibility.state}", language)
            parts.append(Content(f"  {_MARKS[member.eligibility.state]} {name}: {verdict}"))
    return Content("\n").join(parts)


def referral_lines(library: Library, outcome: Outcome, language: Language) -> list[Content]:
    """Where each referred case goes, why, and the rule: what the clerk tells the citizen."""
    lines: list[Content] = [Content(text("refer_heading", language))]
    english = language == "en"
    for member in outcome.members:
        for reason in member.eligibility.reasons:
            referral = reason.refer
            if member.eligibility.state != "refer" or referral is None:
                continue
            place = (referral.to_en or referral.to) if english else referral.to
            office = library.locality.office(referral.office) if referral.office else None
            if office is not None:
                place += f"{colon_for(language)}{office.name}  {office.address}  {office.phone}"
            lines.append(Content.from_markup("[b]• $place[/b]", place=place))
            lines.append(
                Content(f"  {(referral.text_en or referral.text) if english else referral.text}")
            )
            why = text("label_refer_why", language)
            lines.append(Content(f"  {why}{colon_for(language)}{reason.text}"))
            bases = [*referral.basis, *reason.basis]
            if bases:
                citation = joined(dict.fromkeys(basis_text(library, b) for b in bases), language)
                lines.append(Content("  " + text("basis_suffix", language, basis=citation).strip()))
    return lines


class EligibilityView(Static):
    """Likely / not eligible / not yet known, coloured by state, with what decides it."""

    def show(self, library: Library, outcome: Outcome, language: Language) -> None:
        self.update(eligibility_content(library, outcome, language))
        for state in _MARKS:
            self.set_class(outcome.eligibility.state == state, f"-{state.replace('_', '-')}")


def checklist_content(outcome: Outcome, language: Language) -> Content:
    """The checklist so far, grouped by what the citizen must do, then the open branches.

    No space follows a bullet: the narrow panel would break the line there, leaving it alone.
    """
    lines: list[Content] = []
    for state in STATE_ORDER:
        items = [item for item in outcome.items if item.state == state]
        if not items:
            continue
        lines.append(Content.from_markup("[b]$label[/b]", label=text(f"state_{state}", language)))
        lines += [Content(f" •{material_line(item.material, language)}") for item in items]
    for branch in outcome.branches:
        heading = text("branch_other", language, condition=branch.condition)
        lines.append(Content.from_markup("[b]$heading[/b]", heading=heading))
        lines += [Content(f" •{material_line(item.material, language)}") for item in branch.items]
    if not lines:
        lines.append(Content(text("checklist_empty", language)))
    return Content("\n").join(lines)
