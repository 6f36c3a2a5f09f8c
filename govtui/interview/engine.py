"""The interview engine: a pure, deterministic function of (guide or bundle, answers, date).

Long because it is one idea: the rules of the interview (who is asked what, when a bundle's
member is needed, how materials merge), kept together so they can be read as one algorithm.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from govtui.content.calendar import add_working_days
from govtui.content.conditions import Condition, deciding_facts, evaluate, implied_answers
from govtui.content.models import (
    AnswerValue,
    Basis,
    Bundle,
    EligibilityRule,
    EligibilityState,
    Fact,
    FormField,
    Guide,
    Library,
    Material,
    MaterialState,
    Referral,
)

Answers = Mapping[str, AnswerValue]
Target = Guide | Bundle

# When members of a bundle ask for the same document in different states, the citizen must meet the
# most demanding one: an original someone needs beats a copy the office could fetch.
_STATE_PRIORITY: dict[MaterialState, int] = {
    "required": 0,
    "deferrable": 1,
    "commitment": 2,
    "optional": 3,
    "shared": 4,
}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why eligibility failed, is still open or goes elsewhere: the rule, as data.

    No words here: a face says it in its own language from the rule (or, for a reason that is
    no rule, from `key` in the string catalogue).
    """

    guide: str
    rule: str
    eligibility_rule: EligibilityRule | None
    condition: Condition | None
    basis: tuple[Basis, ...]
    refer: Referral | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Eligibility:
    state: EligibilityState
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One material as the citizen must deal with it, with why and on what basis.

    `sources` are the members' own entries for it (one per member that asks for it): why it is
    needed is their conditions, said by the face.
    """

    material: Material
    state: MaterialState
    sources: tuple[Material, ...]
    basis: tuple[Basis, ...]
    needed_by: tuple[str, ...]
    produced_by: str | None = None
    # The last day to supply a 容缺 material, counted in working days from the date of the visit;
    # None where the calendar does not know the days it would run through.
    due: datetime.date | None = None

    @property
    def id(self) -> str:
        return self.material.id


@dataclass(frozen=True, slots=True)
class Branch:
    """Materials that depend on a fact not yet answered: "如由他人代办，另需携带……".

    `conditions` must all hold for the items to apply: the member's need, the material's own.
    """

    conditions: tuple[Condition, ...]
    facts: tuple[str, ...]
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    answered: int
    remaining_at_most: int


@dataclass(frozen=True, slots=True)
class FormFieldValue:
    """One row of the merged form: the datum asked once, with every service that needs it."""

    id: str
    label: str
    fact: str | None
    value: AnswerValue | None
    needed_by: tuple[str, ...]
    signature: bool = False
    """A row the citizen signs: always after the rows to fill in."""


@dataclass(frozen=True, slots=True)
class MemberResult:
    """For a bundle: how one member service came out."""

    guide: Guide
    eligibility: Eligibility
    needed: bool | None = True


@dataclass(frozen=True, slots=True)
class Outcome:
    """Everything a face needs after an answer: the next question, eligibility, the checklist."""

    target: Target
    guides: tuple[Guide, ...]
    as_of: datetime.date
    in_force: bool
    not_in_force: tuple[str, ...]
    not_needed: tuple[str, ...]
    next_question: Fact | None
    progress: Progress
    eligibility: Eligibility
    members: tuple[MemberResult, ...]
    items: tuple[ChecklistItem, ...]
    branches: tuple[Branch, ...]
    form_name: str | None
    form: tuple[FormFieldValue, ...]
    answers_used: Mapping[str, AnswerValue]
    set_aside: Mapping[str, AnswerValue]
    # What the life event answers by itself: never asked, shown so the clerk knows why.
    implied: Mapping[str, AnswerValue] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_bundle(self) -> bool:
        return isinstance(self.target, Bundle)


# Members whose materials the checklist lists: the ones the citizen applies for here.
GOING_AHEAD = ("likely", "unknown")


def in_force(start: datetime.date | None, end: datetime.date | None, as_of: datetime.date) -> bool:
    return (start is None or start <= as_of) and (end is None or as_of <= end)


def member_guides(library: Library, target: Target) -> tuple[Guide, ...]:
    if isinstance(target, Guide):
        return (target,)
    return tuple(library.guides[member] for member in target.guides if member in library.guides)


def _material_conditions(guide: Guide, as_of: datetime.date) -> list[Condition]:
    """The `when` of every material in force on the date."""
    return [
        material.when
        for material in guide.materials
        if material.when is not None
        and in_force(material.effective_from, material.effective_to, as_of)
    ]


def _conditions(guide: Guide, as_of: datetime.date) -> list[Condition]:
    return [rule.when for rule in guide.eligibility] + _material_conditions(guide, as_of)


def _eligibility(guide: Guide, answers: Answers) -> Eligibility:
    failed: list[Reason] = []
    referred: list[Reason] = []
    open_reasons: list[Reason] = []
    missing: dict[str, None] = {}
    for rule in guide.eligibility:
        truth = evaluate(rule.when, answers)
        if truth is True:
            continue
        reason = Reason(
            guide=guide.id,
            rule=rule.id,
            eligibility_rule=rule,
            condition=rule.when,
            basis=rule.basis,
            refer=rule.refer,
        )
        if truth is False:
            (referred if rule.refer is not None else failed).append(reason)
        else:
            open_reasons.append(reason)
            for fact in deciding_facts(rule.when, answers):
                missing.setdefault(fact, None)
    if failed:
        return Eligibility("not_eligible", (), tuple(failed))
    # Another office takes the case: the questions it would ask are not ours to ask.
    if referred:
        return Eligibility("refer", (), tuple(referred))
    if open_reasons:
        return Eligibility("unknown", tuple(missing), tuple(open_reasons))
    return Eligibility("likely", (), ())


def _eligibility_truth(guide: Guide, answers: Answers) -> bool | None:
    """All rules must hold: false as soon as one fails, unknown while one is open."""
    truths = [evaluate(rule.when, answers) for rule in guide.eligibility]
    if False in truths:
        return False
    return None if None in truths else True


Member = tuple[Guide, Condition | None]


def _members(target: Target, guides: Sequence[Guide]) -> list[Member]:
    """Each member guide with the condition under which the bundle needs it (None: always)."""
    if isinstance(target, Bundle):
        return [(guide, target.member_conditions.get(guide.id)) for guide in guides]
    return [(guide, None) for guide in guides]


def _open_facts(members: Sequence[Member], answers: Answers, as_of: datetime.date) -> list[str]:
    """Facts an open condition still depends on, in the order the interview asks them.

    Which members of a bundle are needed comes first, then eligibility, because a failed
    condition makes every other question moot; a member that is not needed or already not
    eligible asks nothing more.
    """
    found: dict[str, None] = {}
    for _, need in members:
        if need is not None:
            for fact in deciding_facts(need, answers):
                found.setdefault(fact, None)
    active = [
        guide
        for guide, need in members
        if (need is None or evaluate(need, answers) is not False)
        and _eligibility_truth(guide, answers) is not False
    ]
    for guide in active:
        for rule in guide.eligibility:
            for fact in deciding_facts(rule.when, answers):
                found.setdefault(fact, None)
    for guide in active:
        for condition in _material_conditions(guide, as_of):
            for fact in deciding_facts(condition, answers):
                found.setdefault(fact, None)
    return list(found)


def _relevant_answers(
    members: Sequence[Member], answers: Answers, as_of: datetime.date
) -> dict[str, AnswerValue]:
    """The answers that can still change the result; the rest are set aside, not lost.

    Replay the interview: take the questions in the order they would be asked, keeping each one
    the citizen has answered, until no open question is left. An answer that would never be asked
    given the others (age 70 makes the hukou question moot) is not kept.
    """
    kept: dict[str, AnswerValue] = {}
    skipped: set[str] = set()
    while True:
        open_facts = [f for f in _open_facts(members, kept, as_of) if f not in skipped]
        if not open_facts:
            return kept
        fact = open_facts[0]
        if fact in answers:
            kept[fact] = answers[fact]
        else:
            skipped.add(fact)


def _due(library: Library, material: Material, as_of: datetime.date) -> datetime.date | None:
    if material.state != "deferrable" or material.defer_days is None:
        return None
    return add_working_days(library.calendar, as_of, material.defer_days)


def _merge(items: list[ChecklistItem]) -> list[ChecklistItem]:
    """De-duplicate by material id across members, keeping the most demanding state."""
    merged: dict[str, ChecklistItem] = {}
    for item in items:
        existing = merged.get(item.id)
        if existing is None:
            merged[item.id] = item
            continue
        strongest = min(existing, item, key=lambda candidate: _STATE_PRIORITY[candidate.state])
        merged[item.id] = ChecklistItem(
            material=strongest.material,
            state=strongest.state,
            sources=tuple(dict.fromkeys([*existing.sources, *item.sources])),
            basis=tuple(dict.fromkeys([*existing.basis, *item.basis])),
            needed_by=tuple(dict.fromkeys([*existing.needed_by, *item.needed_by])),
            produced_by=existing.produced_by if existing.produced_by == item.produced_by else None,
        )
    return list(merged.values())


def _produced_by(
    target: Target, material_id: str, guide_id: str, producers: Sequence[str]
) -> str | None:
    """The member that issues this document inside the bundle, if that member is going ahead."""
    if isinstance(target, Bundle):
        for production in target.produces:
            if (
                production.material == material_id
                and guide_id in production.for_guides
                and production.by in producers
            ):
                return production.by
    return None


def evaluate_target(
    library: Library,
    target: Target,
    answers: Answers,
    as_of: datetime.date,
) -> Outcome:
    """Compute the whole outcome for a guide or a bundle from the answers given so far.

    Pure and deterministic: no I/O, no clock (the date is passed in), and no words: every face
    says the outcome in its own language. A missing fact is unknown, never false.
    """
    guides = member_guides(library, target)
    current = tuple(
        guide for guide in guides if in_force(guide.effective_from, guide.effective_to, as_of)
    )
    not_in_force = tuple(guide.id for guide in guides if guide not in current)
    candidates = _members(target, current)
    implied = _implied(target, answers)
    answers = {**implied, **answers}
    used = _relevant_answers(candidates, answers, as_of)
    needed = {
        guide.id: True if need is None else evaluate(need, used) for guide, need in candidates
    }
    in_play = [(guide, need) for guide, need in candidates if needed[guide.id] is not False]
    condition_facts = {
        fact
        for guide, need in candidates
        for condition in [*_conditions(guide, as_of), *([need] if need else [])]
        for fact in condition.facts()
    }
    # Only answers to questions the conditions ask can stop mattering; a name typed for the form
    # is never set aside. A set-aside answer is still true, so it still fills the form.
    set_aside = {
        fact: value
        for fact, value in answers.items()
        if fact in condition_facts and fact not in used
    }

    members = tuple(
        MemberResult(guide, _eligibility(guide, used), needed[guide.id]) for guide, _ in in_play
    )
    conditions_of = {guide.id: need for guide, need in in_play}
    active = [member.guide for member in members if member.eligibility.state in GOING_AHEAD]
    # Only a member certain to go ahead can issue a document for the others.
    active_ids = [guide.id for guide in active if needed[guide.id] is True]
    eligibility = _overall(members) if current else _not_in_force(target)

    items: list[ChecklistItem] = []
    pending: dict[tuple[Condition, ...], tuple[list[str], list[ChecklistItem]]] = {}
    # A document one member rules out by a condition (the deceased's ID card, when it is lost) is
    # not demanded by another member that lists it without one: it is the same document.
    ruled_out = {
        material.id
        for guide in active
        for material in guide.materials
        if material.when is not None and evaluate(material.when, used) is False
    }
    for guide in active:
        for material in guide.materials:
            if not in_force(material.effective_from, material.effective_to, as_of):
                continue
            truth = True if material.when is None else evaluate(material.when, used)
            if truth is False or (material.when is None and material.id in ruled_out):
                continue
            item = ChecklistItem(
                material=material,
                state=material.state,
                sources=(material,),
                basis=material.basis,
                needed_by=(guide.id,),
                produced_by=_produced_by(target, material.id, guide.id, active_ids),
                due=_due(library, material, as_of),
            )
            need = conditions_of[guide.id] if needed[guide.id] is None else None
            if truth is True and need is None:
                items.append(item)
                continue
            # Not yet known to apply: list it under the open condition, never guess.
            open_conditions = tuple(
                c for c in (need, material.when if truth is None else None) if c
            )
            facts, grouped = pending.setdefault(open_conditions, ([], []))
            for condition in open_conditions:
                facts.extend(f for f in deciding_facts(condition, used) if f not in facts)
            grouped.append(item)
    merged = _merge(items)
    present = {item.id for item in merged}
    branches = tuple(
        Branch(
            conditions,
            tuple(facts),
            tuple(i for i in _merge(grouped) if i.id not in present),
        )
        for conditions, (facts, grouped) in pending.items()
    )
    branches = tuple(branch for branch in branches if branch.items)

    next_fact, remaining = _next_question(library, candidates, used, as_of)
    if next_fact is not None and isinstance(target, Bundle):
        next_fact = _as_the_bundle_asks(target, next_fact)
    form_name, form = _form(target, active, answers)
    return Outcome(
        target=target,
        guides=guides,
        as_of=as_of,
        in_force=bool(current),
        not_in_force=not_in_force,
        not_needed=tuple(guide.id for guide, _ in candidates if needed[guide.id] is False),
        next_question=next_fact,
        progress=Progress(answered=len(used), remaining_at_most=remaining),
        eligibility=eligibility,
        members=members,
        items=tuple(merged),
        branches=branches,
        form_name=form_name,
        form=form,
        answers_used=used,
        set_aside=set_aside,
        implied={fact: value for fact, value in implied.items() if fact in condition_facts},
    )


def _not_in_force(target: Target) -> Eligibility:
    """Nothing can be applied for on that date: say so instead of a stale checklist."""
    reason = Reason(
        guide=target.id,
        rule="not-in-force",
        eligibility_rule=None,
        condition=None,
        basis=(),
        key="reason_not_in_force",
    )
    return Eligibility("not_eligible", (), (reason,))


def _overall(members: Sequence[MemberResult]) -> Eligibility:
    if not members:
        return Eligibility("not_eligible", (), ())
    if len(members) == 1:
        return members[0].eligibility
    # In a bundle one service the citizen cannot get does not block the others; the bundle is
    # not_eligible only when no member is left here, and refer when every one left goes elsewhere.
    states = [member.eligibility.state for member in members]
    failed = tuple(
        r
        for m in members
        if m.eligibility.state in ("not_eligible", "refer")
        for r in m.eligibility.reasons
    )
    if all(state == "not_eligible" for state in states):
        return Eligibility("not_eligible", (), failed)
    if all(state in ("not_eligible", "refer") for state in states):
        return Eligibility("refer", (), failed)
    missing = tuple(dict.fromkeys(f for m in members for f in m.eligibility.missing))
    open_reasons = tuple(
        r for m in members if m.eligibility.state == "unknown" for r in m.eligibility.reasons
    )
    if "unknown" in states:
        return Eligibility("unknown", missing, failed + open_reasons)
    return Eligibility("likely", (), failed)


def _implied(target: Target, answers: Answers) -> dict[str, AnswerValue]:
    """The answers a bundle's life event gives by itself, for the facts nobody has answered.

    An implication with `when` holds once its condition does, so it is applied again until
    nothing more follows (a home death implies no court ruling, once the place is answered).
    """
    if not isinstance(target, Bundle):
        return {}
    known: dict[str, AnswerValue] = dict(answers)
    implied: dict[str, AnswerValue] = {}
    changed = True
    while changed:
        changed = False
        for implication in target.implies:
            if implication.when is not None and evaluate(implication.when, known) is not True:
                continue
            for fact, value in implied_answers(implication.then) or ():
                if fact not in known:
                    known[fact] = implied[fact] = value
                    changed = True
    return implied


def question_for(library: Library, target: Target, fact_id: str) -> Fact:
    """The question for a fact as this target asks it (a bundle says whose fact it is)."""
    fact = library.facts[fact_id]
    return _as_the_bundle_asks(target, fact) if isinstance(target, Bundle) else fact


def _as_the_bundle_asks(bundle: Bundle, fact: Fact) -> Fact:
    """The question as the bundle words it, saying whose fact it is."""
    label = next((label.label for label in bundle.labels if label.fact == fact.id), None)
    return dataclasses.replace(fact, label=label) if label is not None else fact


def _next_question(
    library: Library, members: Sequence[Member], answers: Answers, as_of: datetime.date
) -> tuple[Fact | None, int]:
    """The first fact an open condition still depends on, and how many such facts remain."""
    known = [fact for fact in _open_facts(members, answers, as_of) if fact in library.facts]
    if not known:
        return None, 0
    return library.facts[known[0]], len(known)


def _form(
    target: Target, guides: Sequence[Guide], answers: Answers
) -> tuple[str | None, tuple[FormFieldValue, ...]]:
    """The one form, as a clerk fills it in: whom it is about first, each datum once, signed last.

    The members' rows come first, in member order, since each member's form opens with whom it is
    about; the bundle's own rows follow, and every row to be signed comes last. A row with the id
    or the fact of an earlier row asks for the same datum: it is that row, which keeps its place
    and label and adds whoever needs it.
    """
    sources: list[tuple[str, Sequence[FormField]]] = [
        (guide.id, guide.form.fields) for guide in guides if guide.form is not None
    ]
    name = next((guide.form.name for guide in guides if guide.form is not None), None)
    if isinstance(target, Bundle) and target.form is not None:
        name = target.form.name
        sources.append((target.id, target.form.fields))
    rows: list[FormFieldValue] = []
    # Where each id and each fact already has its row: "id:…" and "fact:…" never collide.
    row_of: dict[str, int] = {}
    for owner, form_fields in sources:
        for form_field in form_fields:
            keys = [f"id:{form_field.id}"]
            if form_field.fact is not None:
                keys.append(f"fact:{form_field.fact}")
            at = next((row_of[key] for key in keys if key in row_of), None)
            if at is None:
                at = len(rows)
                rows.append(_form_row(form_field, owner, answers))
            else:
                rows[at] = _merge_row(rows[at], form_field, owner, answers)
            for key in keys:
                row_of.setdefault(key, at)
    return name, (
        *(row for row in rows if not row.signature),
        *(row for row in rows if row.signature),
    )


def _form_row(form_field: FormField, owner: str, answers: Answers) -> FormFieldValue:
    fact = form_field.fact
    return FormFieldValue(
        id=form_field.id,
        label=form_field.label,
        fact=fact,
        value=answers.get(fact) if fact else None,
        needed_by=(owner,),
        signature=form_field.signature,
    )


def _merge_row(
    row: FormFieldValue, form_field: FormField, owner: str, answers: Answers
) -> FormFieldValue:
    fact = row.fact or form_field.fact
    return FormFieldValue(
        id=row.id,
        label=row.label,
        fact=fact,
        value=answers.get(fact) if fact else None,
        needed_by=tuple(dict.fromkeys([*row.needed_by, owner])),
        signature=row.signature or form_field.signature,
    )
