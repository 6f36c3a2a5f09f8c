"""The one checklist view model: an outcome said once, in one language, for every face to show.

The notice (text, receipt, Markdown, HTML), the JSON export, the checklist screen and the
interview's side panel all read this, so they list the same materials in the same groups.

Long because it is one idea: saying an outcome in one language, for every face at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from govtui.content.calendar import first_unknown_year
from govtui.content.conditions import Condition
from govtui.content.describe import describe_condition
from govtui.content.models import (
    Basis,
    Bundle,
    EligibilityState,
    Guide,
    Library,
    Material,
    MaterialForm,
    MaterialSource,
    MaterialState,
    Office,
)
from govtui.i18n import Language, long_date, text
from govtui.interview.engine import ChecklistItem, MemberResult, Outcome, Reason
from govtui.render.citation import basis_text
from govtui.render.titles import document_title

# What the citizen must do with a material; every face groups materials in this order.
Action = Literal["original", "copy", "commitment", "deferred", "shared", "produced"]
ACTIONS: tuple[Action, ...] = ("original", "copy", "commitment", "deferred", "shared", "produced")
# What the clerk ticks off at the counter: what the citizen brings or signs now, or owes.
TICKABLE: tuple[Action, ...] = ("original", "copy", "commitment", "deferred")

# The i18n key of each material form's label; the TUI uses the same labels.
FORM_KEYS: dict[MaterialForm, str] = {
    "原件": "form_original",
    "复印件": "form_copy",
    "原件和复印件": "form_original_and_copy",
    "电子证照": "form_electronic",
    "现场填写": "form_on_site",
}
_SOURCE_KEYS: dict[MaterialSource, str] = {
    "申请人自备": "source_own",
    "部门核发": "source_department",
    "第三方": "source_third_party",
    "数据共享": "source_data_sharing",
    "窗口领取": "source_counter",
}


def action_of(item: ChecklistItem) -> Action:
    """What the citizen must do with this material."""
    if item.produced_by is not None:
        return "produced"
    if item.state == "commitment":
        return "commitment"
    if item.state == "deferrable":
        return "deferred"
    if item.state == "shared":
        return "shared"
    return "copy" if item.material.form == "复印件" else "original"


@dataclass(frozen=True, slots=True)
class ItemView:
    """One material as every face shows it."""

    item: ChecklistItem
    action: Action
    name: str
    line: str
    form: str
    due: str | None
    commitment: str | None
    produced_by: str | None
    why: str | None
    needed_by: str | None
    basis: str
    note: str | None
    brought: bool = False

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def from_home(self) -> bool:
        """Something the citizen brings in by hand, not a form the counter hands out."""
        material = self.item.material
        brought_by_hand = self.action in ("original", "copy")
        return brought_by_hand and material.source != "窗口领取" and material.form != "现场填写"

    @property
    def missing(self) -> bool:
        """Required, brought from home, and not brought: what the citizen must bring next time."""
        return not self.brought and self.item.state == "required" and self.from_home

    @property
    def state(self) -> MaterialState:
        return self.item.state

    @property
    def tickable(self) -> bool:
        return self.action in TICKABLE


def tick_key(item: ItemView, ticked: bool) -> str:
    """The i18n key of the word a material's state is said in: 已带, 未带, 可后补 …

    The checklist screen shows it beside its colour and read-aloud speaks it, so no state is
    told by colour alone.
    """
    if ticked:
        return "tick_signed" if item.action == "commitment" else "tick_brought"
    if item.state == "required" and item.from_home:
        return "tick_missing"
    if item.action == "deferred":
        return "tick_later"
    if item.action == "commitment":
        return "tick_to_sign"
    if item.state == "optional":
        return "tick_optional"
    return "tick_at_counter"


@dataclass(frozen=True, slots=True)
class GroupView:
    action: Action
    heading: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class BranchView:
    """Materials that apply only if an open condition turns out true."""

    condition: str
    lead_in: str
    bring: bool
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class ReasonView:
    text: str
    condition: str
    basis: str
    guide: str | None


@dataclass(frozen=True, slots=True)
class ReferralView:
    """Where a case goes instead, with the office's details where it is one of ours."""

    to: str
    office: Office | None
    text: str
    why: str
    basis: str
    guide: str | None


@dataclass(frozen=True, slots=True)
class MemberView:
    id: str
    name: str
    state: EligibilityState
    verdict: str
    only_if: str


@dataclass(frozen=True, slots=True)
class EligibilitySummary:
    state: EligibilityState
    verdict: str
    failed: tuple[ReasonView, ...]
    open: tuple[ReasonView, ...]
    referrals: tuple[ReferralView, ...]
    missing: tuple[str, ...]
    missing_short: tuple[str, ...]
    members: tuple[MemberView, ...]
    not_needed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChecklistView:
    language: Language
    eligibility: EligibilitySummary
    groups: tuple[GroupView, ...]
    branches: tuple[BranchView, ...]
    empty: str | None
    # Whether the clerk ticked what the citizen brought (a visit), or nobody did (a plain export).
    ticked: bool = False
    # The visit's case code (issue 13), printed on every face so paper leads back to the case.
    case_code: str | None = None

    def missing(self) -> list[ItemView]:
        """Required materials not brought today, in the order the checklist lists them."""
        return [item for group in self.groups for item in group.items if item.missing]

    def owed(self) -> list[ItemView]:
        """容缺 materials not brought today: accepted now, to be supplied by their date."""
        return [
            item
            for group in self.groups
            for item in group.items
            if item.action == "deferred" and not item.brought
        ]

    def items(self) -> list[ItemView]:
        """Every material the checklist lists, groups first, then the branches'."""
        return [item for group in self.groups for item in group.items] + [
            item for branch in self.branches for item in branch.items
        ]


def material_line(material: Material, language: Language) -> str:
    """申请人居民身份证（原件和复印件、1份）: the name, the form, how many copies.

    The guide screen says a material this way before any answer, the checklist after.
    """
    details = [text(FORM_KEYS[material.form], language)]
    copies = material.copies
    if copies and material.form != "电子证照" and material.state != "shared":
        details.append(
            text("copy_count_one", language)
            if copies == 1
            else text("copy_count", language, n=copies)
        )
    note = text("list_separator", language).join(details)
    return text("with_note", language, main=material.display_name(language), note=note)


def document_name(document: Guide | Bundle, language: Language) -> str:
    return document_title(document, language)


def reason_words(reason: Reason, language: Language, as_of: datetime.date) -> str:
    """A reason in words: the content's rule, or the catalogue's sentence for its key."""
    rule = reason.eligibility_rule
    if rule is not None:
        return (rule.text_en or rule.text) if language == "en" else rule.text
    assert reason.key is not None, "a reason is a rule of the content or a catalogue key"
    return text(reason.key, language, date=as_of.isoformat())


def build_view(
    library: Library,
    outcome: Outcome,
    language: Language,
    brought: Collection[str] | None = None,
    *,
    case_code: str | None = None,
) -> ChecklistView:
    """Say the outcome once: the words every face of the checklist shows.

    `brought` is the material ids the clerk ticked at the counter; None where nobody ticked.
    `case_code` is the visit's code, printed so the paper leads back to the case; None without.
    """
    return _Builder(library, outcome, language, brought, case_code).view()


class _Builder:
    def __init__(
        self,
        library: Library,
        outcome: Outcome,
        language: Language,
        brought: Collection[str] | None,
        case_code: str | None = None,
    ) -> None:
        self.library = library
        self.case_code = case_code
        self.outcome = outcome
        self.language = language
        self.brought = frozenset(brought or ())
        self.ticked = brought is not None
        self.english = language == "en"
        self.list_separator = ", " if self.english else "、"
        self.clause_separator = "; " if self.english else "；"

    def say(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def describe(self, condition: Condition) -> str:
        return describe_condition(condition, self.library.facts, self.language)

    def citations(self, bases: Sequence[Basis]) -> str:
        unique = tuple(dict.fromkeys(bases))
        return self.clause_separator.join(basis_text(self.library, basis) for basis in unique)

    def guide_name(self, guide_id: str) -> str:
        guide = self.library.guides.get(guide_id)
        return document_name(guide, self.language) if guide else guide_id

    def view(self) -> ChecklistView:
        outcome = self.outcome
        groups = tuple(
            GroupView(action, self.say(f"group_{action}"), chosen)
            for action in ACTIONS
            if (chosen := tuple(self.item(i) for i in outcome.items if action_of(i) == action))
        )
        empty = None
        if not outcome.items:
            empty = self.say(
                {
                    "not_eligible": "no_materials_not_eligible",
                    "refer": "no_materials_refer",
                }.get(outcome.eligibility.state, "no_materials")
            )
        return ChecklistView(
            self.language,
            self.eligibility(),
            groups,
            self.branches(),
            empty,
            self.ticked,
            self.case_code,
        )

    # Eligibility ---------------------------------------------------------------------------

    def reason_text(self, reason: Reason) -> str:
        return reason_words(reason, self.language, self.outcome.as_of)

    def reason(self, member: MemberResult, reason: Reason) -> ReasonView:
        condition = self.describe(reason.condition) if reason.condition is not None else ""
        return ReasonView(
            text=self.reason_text(reason),
            condition=condition,
            basis=self.citations(reason.basis),
            guide=document_name(member.guide, self.language) if self.outcome.is_bundle else None,
        )

    def referral(self, member: MemberResult, reason: Reason) -> ReferralView:
        referral = reason.refer
        assert referral is not None
        office = self.library.locality.office(referral.office) if referral.office else None
        return ReferralView(
            to=(referral.to_en or referral.to) if self.english else referral.to,
            office=office,
            text=(referral.text_en or referral.text) if self.english else referral.text,
            why=self.reason_text(reason),
            basis=self.citations([*referral.basis, *reason.basis]),
            guide=document_name(member.guide, self.language) if self.outcome.is_bundle else None,
        )

    def only_if(self, member: MemberResult) -> str:
        """The "needed only if …" note for a bundle member whose need is still open."""
        target = self.outcome.target
        if member.needed is not None or not isinstance(target, Bundle):
            return ""
        condition = target.member_conditions.get(member.guide.id)
        if condition is None:
            return ""
        return self.say("member_only_if", condition=self.describe(condition))

    def eligibility(self) -> EligibilitySummary:
        outcome = self.outcome
        members = outcome.members
        if not members:
            # Not in force: the outcome's own reason, with no member behind it.
            reasons = tuple(
                ReasonView(self.reason_text(reason), "", "", None)
                for reason in outcome.eligibility.reasons
            )
        else:
            reasons = ()

        def of_state(state: EligibilityState) -> tuple[ReasonView, ...]:
            return tuple(
                self.reason(member, reason)
                for member in members
                if member.eligibility.state == state
                for reason in member.eligibility.reasons
            )

        referrals = tuple(
            self.referral(member, reason)
            for member in members
            if member.eligibility.state == "refer"
            for reason in member.eligibility.reasons
            if reason.refer is not None
        )
        missing = tuple(
            self.library.facts[fact].label.get(self.language)
            if fact in self.library.facts
            else fact
            for fact in outcome.eligibility.missing
        )
        missing_short = tuple(
            self.library.facts[fact].short.get(self.language)
            if fact in self.library.facts
            else fact
            for fact in outcome.eligibility.missing
        )
        member_views = (
            tuple(
                MemberView(
                    member.guide.id,
                    document_name(member.guide, self.language),
                    member.eligibility.state,
                    self.say(f"eligibility_{member.eligibility.state}"),
                    self.only_if(member),
                )
                for member in members
            )
            if outcome.is_bundle
            else ()
        )
        state = outcome.eligibility.state
        return EligibilitySummary(
            state=state,
            verdict=self.say(f"eligibility_{state}"),
            failed=reasons + of_state("not_eligible"),
            open=of_state("unknown"),
            referrals=referrals,
            missing=missing,
            missing_short=missing_short,
            members=member_views,
            not_needed=tuple(self.guide_name(guide) for guide in outcome.not_needed),
        )

    # Materials -----------------------------------------------------------------------------

    def why(self, item: ChecklistItem) -> str | None:
        """Why a material is needed, said only when it depends on the situation."""
        conditional = [source for source in item.sources if source.when is not None or source.why]
        if not conditional and item.material.when is None and item.material.why is None:
            return None
        words = [
            source.why
            or (self.describe(source.when) if source.when is not None else self.say("why_always"))
            for source in item.sources
        ]
        return self.clause_separator.join(dict.fromkeys(words))

    def describe_form(self, item: ChecklistItem) -> str:
        material = item.material
        parts = [self.say(FORM_KEYS[material.form])]
        if material.copies and material.form != "电子证照" and item.state != "shared":
            count = material.copies
            parts.append(
                self.say("copy_count_one") if count == 1 else self.say("copy_count", n=count)
            )
        parts.append(self.say(_SOURCE_KEYS[material.source]))
        return (", " if self.english else "，").join(parts)

    def line(self, item: ChecklistItem) -> str:
        return material_line(item.material, self.language)

    def due(self, item: ChecklistItem) -> str | None:
        """The real last day to supply a 容缺 material, or the count where no date is known."""
        days = item.material.defer_days
        if item.state != "deferrable" or not days:
            return None
        if item.due is not None:
            return self.say("due_by", date=long_date(item.due, self.language), days=days)
        year = first_unknown_year(self.library.calendar, self.outcome.as_of.year)
        return self.say("due_unknown", days=days, year=year)

    def item(self, item: ChecklistItem) -> ItemView:
        material = item.material
        action = action_of(item)
        return ItemView(
            item=item,
            action=action,
            name=material.display_name(self.language),
            line=self.line(item),
            form=self.describe_form(item),
            due=self.due(item),
            commitment=material.commitment if action == "commitment" else None,
            produced_by=self.guide_name(item.produced_by) if item.produced_by else None,
            why=self.why(item),
            needed_by=(
                self.list_separator.join(self.guide_name(g) for g in item.needed_by)
                if self.outcome.is_bundle
                else None
            ),
            basis=self.citations(item.basis),
            note=material.note,
            brought=item.id in self.brought,
        )

    def branches(self) -> tuple[BranchView, ...]:
        views = []
        joiner = " and " if self.english else "，且"
        for branch in self.outcome.branches:
            condition = joiner.join(self.describe(c) for c in branch.conditions)
            bring = all(action_of(item) in ("original", "copy") for item in branch.items)
            lead_in = self.say("branch_bring" if bring else "branch_other", condition=condition)
            items = tuple(self.item(item) for item in branch.items)
            views.append(BranchView(condition, lead_in, bring, items))
        return tuple(views)
