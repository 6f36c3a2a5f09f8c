"""What read-aloud says: the question, the result or the checklist, as plain sentences."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from govtui.content.models import Fact
from govtui.i18n import Language, text
from govtui.render.view import ChecklistView, ItemView, tick_key


def _sentences(parts: Iterable[str]) -> str:
    """One sentence a part, each ended so the voice pauses after it."""
    ended = []
    for part in parts:
        part = part.strip().rstrip("。.；;，,：:")
        if part:
            ended.append(part + "。")
    return "".join(ended)


def question_words(fact: Fact, language: Language = "zh") -> str:
    """The question, its help, and the choices with the digit that picks each."""
    parts = [fact.label.get(language)]
    if fact.help is not None:
        parts.append(fact.help.get(language))
    labels: list[str] = []
    if fact.type == "boolean":
        labels = [text("answer_yes", language), text("answer_no", language)]
    elif fact.choices:
        labels = [choice.label.get(language) for choice in fact.choices]
    parts += [
        text("spoken_choice", language, number=number, label=label)
        for number, label in enumerate(labels, 1)
    ]
    if fact.unit is not None:
        parts.append(text("spoken_unit", language, unit=fact.unit.get(language)))
    return _sentences(parts)


def result_words(view: ChecklistView) -> str:
    """The verdict, then why not, what is still to ask, or where the case goes."""
    language = view.language
    summary = view.eligibility
    parts = [text("spoken_result", language, verdict=summary.verdict)]
    if summary.state == "unknown" and summary.missing_short:
        names = text("list_separator", language).join(summary.missing_short)
        parts.append(text("eligibility_missing", language, facts=names))
    if summary.state == "not_eligible":
        parts += [reason.text for reason in summary.failed]
    for referral in summary.referrals:
        parts.append(referral.to)
        if referral.office is not None:
            parts.append(f"{referral.office.name}，{referral.office.address}")
        parts.append(referral.text)
    parts += [f"{member.name}，{member.verdict}" for member in summary.members]
    return _sentences(parts)


def _item(item: ItemView, ticked: bool, language: Language) -> str:
    state = text(tick_key(item, ticked), language) if item.tickable else ""
    due = f"，{item.due}" if item.due else ""
    return f"{item.line}，{state}{due}" if state else f"{item.line}{due}"


def checklist_words(
    view: ChecklistView, ticked: Collection[str] = (), title: str | None = None
) -> str:
    """The notice read from the top: the result, each group's materials with their state."""
    language = view.language
    parts = [title] if title else []
    if view.case_code is not None:
        parts.append(f"{text('paper_case_code', language)} {view.case_code}")
    parts.append(result_words(view))
    if view.empty is not None and not view.branches:
        parts.append(view.empty)
    for group in view.groups:
        parts.append(group.heading)
        parts += [_item(item, item.id in ticked, language) for item in group.items]
    if view.branches:
        parts.append(text("branches_heading", language))
        for branch in view.branches:
            parts.append(branch.lead_in)
            parts += [_item(item, item.id in ticked, language) for item in branch.items]
    return _sentences(parts)


def document_words(title: str, summary: str) -> str:
    """A guide, life event or policy: its name and its summary."""
    return _sentences([title, summary])
