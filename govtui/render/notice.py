"""The one-time notice (一次性告知单) as neutral blocks, so every print target says the same.

Long because it is one idea: the order and wording of the notice's sections, from the view
model and the guide elements; the block types live in `blocks`, the words in `view`.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

from govtui.content.describe import describe_value
from govtui.content.models import (
    Basis,
    Bundle,
    Guide,
    Library,
    Office,
)
from govtui.i18n import Language, text
from govtui.interview.engine import (
    GOING_AHEAD,
    FormFieldValue,
    MemberResult,
    Outcome,
)
from govtui.render.blocks import (
    Blanks,
    Block,
    Bullets,
    CaseCode,
    Detail,
    Entries,
    Entry,
    Heading,
    Notice,
    Pairs,
    Paragraph,
    Rule,
    Section,
    Signatures,
    colon_for,
)
from govtui.render.citation import basis_text
from govtui.render.elements import ElementWriter
from govtui.render.masking import mask_answer
from govtui.render.signatures import clerk, signers
from govtui.render.text import visits_text
from govtui.render.view import (
    TICKABLE,
    ItemView,
    ReasonView,
    ReferralView,
    action_of,
    build_view,
)


def commitment_applies(outcome: Outcome) -> bool:
    """True when the citizen must sign a commitment (告知承诺) now: the notice needs signatures."""
    return any(action_of(item) == "commitment" for item in outcome.items)


def form_value(
    library: Library, field: FormFieldValue, language: Language, include_personal: bool
) -> str | None:
    """A pre-filled form value as printed: personal data masked unless asked otherwise."""
    if field.value is None:
        return None
    fact = library.facts.get(field.fact) if field.fact else None
    if fact is not None and fact.personal and not include_personal:
        return mask_answer(fact, field.value)
    return describe_value(fact, field.value, language)


def build_notice(
    library: Library,
    outcome: Outcome,
    language: Language = "zh",
    include_personal: bool = False,
    brought: Collection[str] | None = None,
    *,
    case_code: str | None = None,
) -> Notice:
    """Everything the one-time notice and the form say, in order, ready for any print target.

    `brought` is what the clerk ticked: the notice then says what is still to bring.
    `case_code` is the visit's code, printed at the top of the notice and of the form.
    """
    writer = _Writer(library, outcome, language, include_personal, brought, case_code)
    return Notice(writer.title, language, tuple(writer.sections()))


def _name(document: Guide | Bundle, language: Language) -> str:
    return document.name_en if language == "en" and document.name_en else document.name


class _Writer:
    """Builds the sections of the notice, one method each."""

    def __init__(
        self,
        library: Library,
        outcome: Outcome,
        language: Language,
        include_personal: bool,
        brought: Collection[str] | None = None,
        case_code: str | None = None,
    ) -> None:
        self.library = library
        self.outcome = outcome
        self.language = language
        self.include_personal = include_personal
        self.title = text("notice_title", language, name=_name(outcome.target, language))
        self.colon = colon_for(language)
        self.list_separator = ", " if language == "en" else "、"
        self.clause_separator = "; " if language == "en" else "；"
        self.elements = ElementWriter(library, language, outcome.as_of)
        self.view = build_view(library, outcome, language, brought, case_code=case_code)

    def say(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def guide_name(self, guide_id: str) -> str:
        guide = self.library.guides.get(guide_id)
        return _name(guide, self.language) if guide else guide_id

    def citations(self, bases: Sequence[Basis]) -> str:
        return self.clause_separator.join(basis_text(self.library, basis) for basis in bases)

    def sections(self) -> list[Section]:
        outcome = self.outcome
        header: list[Block] = [Heading(self.say("notice_heading"), 1)]
        if self.view.case_code is not None:
            header.append(CaseCode(self.say("paper_case_code"), self.view.case_code))
        header.append(self.meta())
        if not outcome.in_force:
            # A stale checklist is worse than none: say so, and say where to ask.
            header.append(Paragraph(self.not_in_force(), warning=True))
            office = self.library.locality.office(outcome.target.office)
            rows = self.office_rows(office)
            where: tuple[Block, ...] = (Heading(self.say("howto_heading"), 2), Pairs(tuple(rows)))
            return [
                Section("header", tuple(header)),
                *([Section("howto", where)] if rows else []),
                self.closing(),
            ]
        if outcome.not_in_force:
            names = self.list_separator.join(self.guide_name(g) for g in outcome.not_in_force)
            date = outcome.as_of.isoformat()
            header.append(
                Paragraph(self.say("members_not_in_force", date=date, names=names), warning=True)
            )
        # A case that goes elsewhere is not told where and how to apply here.
        referred = outcome.eligibility.state == "refer" and not outcome.is_bundle
        sections = [
            Section("header", tuple(header)),
            Section("eligibility", tuple(self.eligibility())),
            Section("materials", tuple(self.materials())),
            Section("next-time", tuple(self.next_time())),
            Section("branches", tuple(self.branches())),
            Section("howto", tuple(self.referred() if referred else self.how_and_where())),
            self.closing(),
            Section("form", tuple(self.form()), new_page=True),
        ]
        return [section for section in sections if section.blocks]

    # The header ----------------------------------------------------------------------------

    def meta(self) -> Pairs:
        target = self.outcome.target
        locality = self.library.locality
        place = locality.name_en if self.language == "en" and locality.name_en else locality.name
        rows = [
            (self.say(target.kind), _name(target, self.language)),
            (self.say("notice_locality"), place),
            # The 实施编码 a citizen can quote elsewhere, not our internal id.
            (
                self.say("codes"),
                target.codes.get("implementation", "") if isinstance(target, Guide) else "",
            ),
            (self.say("notice_version"), target.version),
            (self.say("notice_reviewed"), target.reviewed.isoformat()),
            (self.say("notice_as_of"), self.outcome.as_of.isoformat()),
        ]
        return Pairs(tuple((label, value) for label, value in rows if value))

    def period(self, start: datetime.date | None, end: datetime.date | None) -> str:
        open_date = self.say("open_date")
        return self.say(
            "in_force_period",
            start=start.isoformat() if start else open_date,
            end=end.isoformat() if end else open_date,
        )

    def not_in_force(self) -> str:
        guides = self.outcome.guides
        if isinstance(self.outcome.target, Guide):
            periods = [self.period(guide.effective_from, guide.effective_to) for guide in guides]
        else:
            periods = [
                f"{_name(guide, self.language)} "
                + self.period(guide.effective_from, guide.effective_to)
                for guide in guides
            ]
        return self.say(
            "not_in_force",
            date=self.outcome.as_of.isoformat(),
            period=self.clause_separator.join(periods),
        )

    # Eligibility ---------------------------------------------------------------------------

    def eligibility(self) -> list[Block]:
        view = self.view.eligibility
        blocks: list[Block] = [
            Heading(self.say("eligibility_heading"), 2),
            Paragraph(self.say("eligibility_state", state=view.verdict), strong=True),
        ]
        if view.members:
            lines = tuple(
                member.name + self.colon + member.verdict + self.parenthesised(member.only_if)
                for member in view.members
            )
            blocks.append(Bullets(lines))
            if view.not_needed:
                names = self.list_separator.join(view.not_needed)
                blocks.append(Paragraph(self.say("members_not_needed", names=names)))
        if view.referrals:
            blocks.append(Paragraph(self.say("refer_heading"), strong=True))
            blocks.append(Entries(tuple(self.referral_entry(r) for r in view.referrals), False))
        for reasons, heading in (
            (view.failed, "failed_conditions"),
            (view.open, "open_conditions"),
        ):
            if reasons:
                blocks.append(Paragraph(self.say(heading)))
                blocks.append(Entries(tuple(self.reason_entry(r) for r in reasons), False))
        if view.missing:
            blocks += [Paragraph(self.say("missing_facts")), Bullets(view.missing)]
        return blocks

    def parenthesised(self, value: str) -> str:
        if not value:
            return ""
        return f" ({value})" if self.language == "en" else f"（{value}）"

    def referral_entry(self, referral: ReferralView) -> Entry:
        """Where the case goes: the office or channel first, then why, and the rule."""
        details: list[Detail] = []
        if referral.guide is not None:
            details.append(Detail(self.say("guide"), referral.guide))
        office = referral.office
        if office is not None:
            details += [
                Detail(self.say("address"), office.address),
                Detail(self.say("hours"), office.hours),
                Detail(self.say("phone"), office.phone),
            ]
        details.append(Detail(None, referral.text))
        details.append(Detail(self.say("label_refer_why"), referral.why))
        if referral.basis:
            details.append(Detail(self.say("label_basis"), referral.basis))
        title = referral.to + (self.parenthesised(office.name) if office is not None else "")
        return Entry(title, tuple(details))

    def reason_entry(self, reason: ReasonView) -> Entry:
        details: list[Detail] = []
        if reason.guide is not None:
            details.append(Detail(self.say("guide"), reason.guide))
        if reason.basis:
            details.append(Detail(self.say("label_basis"), reason.basis))
        return Entry(reason.text, tuple(details))

    # Materials -----------------------------------------------------------------------------

    def materials(self) -> list[Block]:
        blocks: list[Block] = [Heading(self.say("materials_heading"), 2)]
        if self.view.empty is not None:
            blocks.append(Paragraph(self.view.empty))
        for group in self.view.groups:
            blocks.append(Heading(group.heading, 3))
            entries = tuple(self.item_entry(item, tagged=False) for item in group.items)
            # Nothing to tick for what the office fetches or the bundle issues.
            blocks.append(Entries(entries, checkbox=group.action in TICKABLE))
        return blocks

    def next_time(self) -> list[Block]:
        """After the clerk ticked what came: what to bring next time, and what is owed by when."""
        if not self.view.ticked or not self.view.groups:
            return []
        missing, owed = self.view.missing(), self.view.owed()
        blocks: list[Block] = [Heading(self.say("next_time_heading"), 2)]
        if not missing and not owed:
            return [*blocks, Paragraph(self.say("next_time_complete"), strong=True)]
        if missing:
            blocks.append(Paragraph(self.say("next_time_bring", n=len(missing)), strong=True))
            blocks.append(Bullets(tuple(item.line for item in missing)))
        if owed:
            blocks.append(Paragraph(self.say("next_time_owed")))
            blocks.append(Bullets(tuple(f"{item.line}{self.colon}{item.due}" for item in owed)))
        return blocks

    def item_entry(self, item: ItemView, tagged: bool, hide_why: str | None = None) -> Entry:
        marks = [self.say("optional_mark")] if item.state == "optional" else []
        if tagged:
            marks.append(self.say(f"tag_{item.action}"))
        title = item.name
        if marks:
            if self.language == "en":
                title += " (" + ", ".join(marks) + ")"
            else:
                title += "（" + "，".join(marks) + "）"
        details: list[Detail] = []
        if item.commitment is not None:
            details.append(Detail(self.say("label_commitment"), item.commitment))
        elif item.produced_by is not None:
            details.append(Detail(None, self.say("produced_by", name=item.produced_by)))
        else:
            details.append(Detail(None, item.form))
        if item.due is not None:
            details.append(Detail(None, item.due))
        if item.why is not None and item.why != hide_why:
            details.append(Detail(self.say("label_applies"), item.why))
        if item.needed_by is not None:
            details.append(Detail(self.say("label_needed_by"), item.needed_by))
        if item.basis:
            details.append(Detail(self.say("label_basis"), item.basis))
        if item.note:
            details.append(Detail(self.say("note"), item.note))
        return Entry(title, tuple(details), checked=item.brought)

    def branches(self) -> list[Block]:
        if not self.view.branches:
            return []
        blocks: list[Block] = [
            Heading(self.say("branches_heading"), 2),
            Paragraph(self.say("branches_intro")),
        ]
        for branch in self.view.branches:
            entries = tuple(
                self.item_entry(item, tagged=not branch.bring, hide_why=branch.condition)
                for item in branch.items
            )
            blocks += [Paragraph(branch.lead_in, strong=True), Entries(entries, checkbox=True)]
        return blocks

    # Where, when, how much -----------------------------------------------------------------

    def office_rows(self, office: Office | None) -> list[tuple[str, str]]:
        if office is None:
            return []
        return [
            (self.say("office"), office.name),
            (self.say("address"), office.address),
            (self.say("hours"), office.hours),
            (self.say("phone"), office.phone),
        ]

    def service_rows(self, guide: Guide) -> list[tuple[str, str]]:
        limits = guide.time_limits
        words = self.elements
        rows = [
            (self.say("codes"), words.codes(guide)),
            (self.say("department"), guide.department),
            (self.say("cost"), guide.fee),
            (self.say("fee_basis"), words.fee_basis(guide)),
            (self.say("amounts"), words.amounts(guide)),
            (self.say("legal_limit"), words.limit(limits.legal)),
            (self.say("promised_limit"), words.limit(limits.promised)),
            (self.say("excluded_from_limit"), self.list_separator.join(limits.excluded)),
            (self.say("visits"), visits_text(guide.visits, self.language)),
            (self.say("channels"), self.list_separator.join(guide.channels)),
            (self.say("online_entry"), words.online(guide)),
            (self.say("cross_province"), words.cross_province(guide)),
            (self.say("delivery"), self.list_separator.join(guide.delivery)),
            (self.say("basis"), self.citations(guide.basis)),
        ]
        return [(label, value) for label, value in rows if value]

    def referred(self) -> list[Block]:
        return [Heading(self.say("howto_heading"), 2), *self.rights(self.outcome.guides)]

    def rights(self, guides: Sequence[Guide]) -> list[Block]:
        """不予受理 cases, the complaint channel and the remedies: what a citizen may do next."""
        blocks: list[Block] = []
        refusals = self.elements.refusals(guides)
        if refusals:
            heading = Paragraph(self.say("refusal_heading") + self.colon.rstrip())
            blocks += [heading, Bullets(refusals)]
        complaint = self.elements.complaint()
        if complaint:
            blocks.append(Pairs(((self.say("complaint_phone"), complaint),)))
        remedies = self.elements.remedies()
        if remedies:
            heading = Paragraph(self.say("remedies_heading") + self.colon.rstrip())
            blocks += [heading, Bullets(remedies)]
        return blocks

    def steps(self, guide: Guide) -> list[Block]:
        if not guide.steps:
            return []
        steps_label = Paragraph(self.say("steps") + self.colon.rstrip())
        return [steps_label, Bullets(guide.steps, ordered=True)]

    def active_members(self) -> list[MemberResult]:
        return [
            member for member in self.outcome.members if member.eligibility.state in GOING_AHEAD
        ]

    def how_and_where(self) -> list[Block]:
        target = self.outcome.target
        office = self.library.locality.office(target.office)
        blocks: list[Block] = [Heading(self.say("howto_heading"), 2)]
        if isinstance(target, Guide):
            blocks.append(Pairs(tuple(self.office_rows(office) + self.service_rows(target))))
            return blocks + self.steps(target) + self.rights([target])
        lead = [(self.say("lead_department"), target.lead_department)]
        blocks.append(Pairs(tuple(lead + self.office_rows(office))))
        for member in self.active_members():
            guide = member.guide
            rows = self.service_rows(guide)
            own_office = self.library.locality.office(guide.office)
            if own_office is not None and own_office.id != target.office:
                rows = [
                    (self.say("office"), own_office.name),
                    (self.say("phone"), own_office.phone),
                    *rows,
                ]
            rows += [
                (self.say("notice_version"), guide.version),
                (self.say("notice_reviewed"), guide.reviewed.isoformat()),
            ]
            blocks.append(Heading(_name(guide, self.language), 3))
            if member.needed is None:
                only_if = next(m.only_if for m in self.view.eligibility.members if m.id == guide.id)
                blocks.append(Paragraph(only_if))
            blocks.append(Pairs(tuple(rows)))
            blocks += self.steps(guide)
        return blocks + self.rights([member.guide for member in self.active_members()])

    # Signatures and the form ---------------------------------------------------------------

    def closing(self) -> Section:
        """The citizen signs for the notice (or the commitment now due), the clerk always.

        A notice not in force only says where to ask: there is nothing for the citizen to sign.
        """
        blocks: list[Block] = [Rule()]
        if self.outcome.in_force:
            if commitment_applies(self.outcome):
                heading, statement = "signature_heading", "signature_statement"
            else:
                heading, statement = "paper_received_heading", "paper_received_statement"
            blocks = [
                Heading(self.say(heading), 2),
                Paragraph(self.say(statement)),
                Signatures(signers(self.outcome, self.language)),
                Paragraph(self.say("notice_footer")),
            ]
        if self.library.locality.fictional:
            blocks.append(Paragraph(self.say("fictional_note")))
        blocks.append(Signatures((clerk(self.language),)))
        return Section("closing", tuple(blocks), keep_together=True)

    def form(self) -> list[Block]:
        outcome = self.outcome
        if not outcome.form or outcome.eligibility.state not in GOING_AHEAD:
            return []
        blocks: list[Block] = [Heading(outcome.form_name or self.title, 1)]
        if self.view.case_code is not None:
            # The form is handed in apart from the notice: its own copy of the code.
            blocks.append(Pairs(((self.say("paper_case_code"), self.view.case_code),)))
        if outcome.is_bundle:
            names = self.list_separator.join(
                _name(member.guide, self.language) for member in self.active_members()
            )
            blocks.append(Paragraph(self.say("form_members", names=names)))
        rows = tuple(
            (field.label, form_value(self.library, field, self.language, self.include_personal))
            for field in outcome.form
        )
        return blocks + [Blanks(rows), Signatures(signers(outcome, self.language))]
