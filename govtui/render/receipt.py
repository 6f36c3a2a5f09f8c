"""The short receipt: what to bring, where, when and what is missing, on a few inches of paper."""

from __future__ import annotations

from collections.abc import Collection

from govtui.content.models import Guide, Library
from govtui.i18n import Language, long_date, text
from govtui.interview import Outcome
from govtui.render.blocks import (
    Bullets,
    CaseCode,
    Heading,
    Notice,
    Pairs,
    Paragraph,
    Rule,
    Section,
)
from govtui.render.elements import ElementWriter
from govtui.render.view import build_view, document_name


def build_receipt(
    library: Library,
    outcome: Outcome,
    language: Language = "zh",
    brought: Collection[str] | None = None,
    *,
    case_code: str | None = None,
) -> Notice:
    """A compact handout beside the full notice: one line a material, where and when, no form.

    A citizen at a village point keeps a slip, not eight pages; the full notice stays the
    reference (its reasons, bases and the merged form are left out here). The case code, when
    given, is printed under the name, so the slip leads back to the case at any window.
    """
    view = build_view(library, outcome, language, brought, case_code=case_code)
    name = document_name(outcome.target, language)
    blocks: list[Section] = []
    header: list[Heading | Paragraph | Pairs | Bullets | Rule | CaseCode] = [
        Heading(text("receipt_title", language), 1),
        Paragraph(name, strong=True),
    ]
    if view.case_code is not None:
        header.append(CaseCode(text("paper_case_code", language), view.case_code))
    header.append(Paragraph(text("eligibility_state", language, state=view.eligibility.verdict)))
    for referral in view.eligibility.referrals:
        header.append(Paragraph(text("receipt_go_to", language, place=referral.to)))
    blocks.append(Section("header", tuple(header)))
    lines: list[Heading | Paragraph | Pairs | Bullets | Rule] = []
    for group in view.groups:
        marks = [
            ("✔ " if item.brought else "□ ")
            + item.line
            + (f" {item.due}" if item.due and not item.brought else "")
            for item in group.items
        ]
        lines += [Paragraph(group.heading, strong=True), Bullets(tuple(marks))]
    for branch in view.branches:
        lines += [Paragraph(branch.lead_in), Bullets(tuple(f"□ {i.line}" for i in branch.items))]
    if view.empty is not None:
        lines.append(Paragraph(view.empty))
    if lines:
        blocks.append(
            Section("materials", (Heading(text("materials_heading", language), 2), *lines))
        )
    if view.ticked:
        missing = view.missing()
        if missing:
            words = text("next_time_bring", language, n=len(missing))
            blocks.append(
                Section(
                    "next-time",
                    (Paragraph(words, strong=True), Bullets(tuple(i.line for i in missing))),
                )
            )
        else:
            blocks.append(Section("next-time", (Paragraph(text("next_time_complete", language)),)))
    blocks.append(Section("where", tuple(_where_and_when(library, outcome, language))))
    blocks.append(Section("closing", (Rule(), Paragraph(text("receipt_footer", language)))))
    return Notice(name, language, tuple(section for section in blocks if section.blocks))


def _where_and_when(
    library: Library, outcome: Outcome, language: Language
) -> list[Heading | Paragraph | Pairs | Bullets | Rule]:
    target = outcome.target
    office = library.locality.office(target.office)
    rows: list[tuple[str, str]] = []
    if office is not None:
        rows += [
            (text("office", language), office.name),
            (text("address", language), office.address),
            (text("hours", language), office.hours),
            (text("phone", language), office.phone),
        ]
    if isinstance(target, Guide):
        words = ElementWriter(library, language, outcome.as_of)
        # The slip says how long, not on what rule: the full notice carries the citation.
        limits = target.time_limits
        how_long = words.limit(limits.promised, with_basis=False) or words.limit(
            limits.legal, with_basis=False
        )
        if how_long:
            rows.append((text("how_long", language), how_long))
        rows.append(
            (
                text("cost", language),
                (target.fee_en or target.fee) if language == "en" else target.fee,
            )
        )
    rows.append((text("notice_as_of", language), long_date(outcome.as_of, language)))
    return [Pairs(tuple(rows))]
