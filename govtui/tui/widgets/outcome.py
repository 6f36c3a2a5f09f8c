"""The interview's outcome on screen: the verdict, and the checklist as it grows, from the view."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from govtui.content.models import MaterialState
from govtui.i18n import Language, text
from govtui.render.blocks import colon_for
from govtui.render.view import ChecklistView
from govtui.tui.widgets.prose import Prose

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


def eligibility_content(view: ChecklistView) -> Content:
    """The verdict, then what is missing, why not, or where to go; a bundle adds its services."""
    language = view.language
    summary = view.eligibility
    state = summary.state
    parts = [
        Content.from_markup("[b]$mark $verdict[/b]", mark=_MARKS[state], verdict=summary.verdict)
    ]
    if state == "likely":
        parts.append(Content(text("eligibility_note", language)))
    if state == "unknown" and summary.missing_short:
        names = joined(summary.missing_short, language)
        parts.append(Content(text("eligibility_missing", language, facts=names)))
    if summary.referrals:
        parts.append(Content(text("refer_heading", language)))
        colon = colon_for(language)
        for referral in summary.referrals:
            place = referral.to
            if referral.office is not None:
                office = referral.office
                place += f"{colon}{office.name}  {office.address}  {office.phone}"
            parts.append(Content.from_markup("[b]• $place[/b]", place=place))
            parts.append(Content(f"  {referral.text}"))
            parts.append(Content(f"  {text('label_refer_why', language)}{colon}{referral.why}"))
            if referral.basis:
                parts.append(
                    Content("  " + text("basis_suffix", language, basis=referral.basis).strip())
                )
    if state == "not_eligible" and summary.failed:
        # The rule as written says what is required; the heading says it is what is not met.
        parts.append(Content(text("failed_conditions", language)))
        for reason in summary.failed:
            line = f"• {reason.text}"
            if reason.basis:
                line += text("basis_suffix", language, basis=reason.basis)
            parts.append(Content(line))
    for member in summary.members:
        parts.append(Content(f"  {_MARKS[member.state]} {member.name}: {member.verdict}"))
    return Content("\n").join(parts)


class EligibilityView(Prose):
    """Likely / refer / not eligible / not yet known, coloured by state, with what decides it."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(hang=2, id=id)

    def show(self, view: ChecklistView) -> None:
        self.update(eligibility_content(view))
        for state in _MARKS:
            self.set_class(view.eligibility.state == state, f"-{state.replace('_', '-')}")


def checklist_content(view: ChecklistView) -> Content:
    """The checklist so far, in the same groups as the printout, then the open branches.

    No space follows a bullet: the narrow panel would break the line there, leaving it alone.
    """
    lines: list[Content] = []
    for group in view.groups:
        lines.append(Content.from_markup("[b]$label[/b]", label=group.heading))
        lines += [Content(f" •{item.line}") for item in group.items]
    for branch in view.branches:
        lines.append(Content.from_markup("[b]$heading[/b]", heading=branch.lead_in))
        lines += [Content(f" •{item.line}") for item in branch.items]
    if not lines:
        # While questions are open, nothing listed yet is not "nothing to bring".
        settled = view.eligibility.state in ("not_eligible", "refer")
        empty = view.empty if settled and view.empty else text("checklist_empty", view.language)
        lines.append(Content(empty))
    return Content("\n").join(lines)
