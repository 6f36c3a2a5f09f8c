"""The checklist as JSON for scripts: a stable contract, documented in docs/checklist-exports.md."""

from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Sequence
from typing import Any

from govtui.content.describe import describe_condition
from govtui.content.models import (
    AnswerValue,
    Basis,
    Bundle,
    Guide,
    Library,
    Office,
    Referral,
    TimeLimit,
)
from govtui.i18n import text
from govtui.interview.engine import GOING_AHEAD, Eligibility, FormFieldValue, Outcome
from govtui.render.citation import basis_text
from govtui.render.date_warnings import basis_warnings
from govtui.render.masking import mask_answer
from govtui.render.view import ItemView, build_view, reason_words


def checklist_json(
    library: Library,
    outcome: Outcome,
    include_personal: bool = False,
    brought: Collection[str] | None = None,
    *,
    case_code: str | None = None,
) -> str:
    data = checklist_object(library, outcome, include_personal, brought, case_code=case_code)
    return json.dumps(data, ensure_ascii=False, indent=2)


def checklist_object(
    library: Library,
    outcome: Outcome,
    include_personal: bool = False,
    brought: Collection[str] | None = None,
    *,
    case_code: str | None = None,
) -> dict[str, Any]:
    """The contract's object; its keys are documented in docs/checklist-exports.md."""
    target = outcome.target
    active = [m.guide for m in outcome.members if m.eligibility.state in GOING_AHEAD]
    data: dict[str, Any] = {
        "id": target.id,
        "kind": target.kind,
        "title": target.name,
        "title_en": target.name_en,
        "locality": library.locality.name,
        "as_of": outcome.as_of.isoformat(),
        "case_code": case_code,
        "version": target.version,
        "reviewed": target.reviewed.isoformat(),
        "in_force": outcome.in_force,
        "not_in_force": list(outcome.not_in_force),
        "warnings": [warning.to_json() for warning in basis_warnings(library, outcome)],
        "eligibility": _eligibility(library, outcome.eligibility, outcome.as_of),
    }
    if isinstance(target, Bundle):
        data["members"] = [
            {
                "id": member.guide.id,
                "title": member.guide.name,
                "needed": member.needed,
                "eligibility": _eligibility(library, member.eligibility, outcome.as_of),
                **_service(library, member.guide),
            }
            for member in outcome.members
        ]
        data["not_needed"] = list(outcome.not_needed)
    # The same groups and words as every other face: the view model, in the content's language.
    view = build_view(library, outcome, "zh", brought, case_code=case_code)
    data["materials"] = [_material(library, item) for group in view.groups for item in group.items]
    data["branches"] = [
        {
            "condition": branch_view.condition,
            "facts": list(branch.facts),
            "materials": [_material(library, item) for item in branch_view.items],
        }
        for branch, branch_view in zip(outcome.branches, view.branches, strict=True)
    ]
    data["still_missing"] = [item.id for item in view.missing()] if view.ticked else None
    data["next_question"] = outcome.next_question.id if outcome.next_question else None
    data["progress"] = {
        "answered": outcome.progress.answered,
        "remaining_at_most": outcome.progress.remaining_at_most,
    }
    data["form"] = {
        "name": outcome.form_name,
        "fields": [_field(library, field, include_personal) for field in outcome.form],
    }
    if not outcome.in_force:
        # Out of force, the steps and fees may be stale: only where to ask is given.
        data.update(
            {
                "steps": [],
                "office": _office(library.locality.office(target.office)),
                "fee": None,
                "time_limits": {"legal": None, "promised": None},
                "visits": None,
                "channels": None,
            }
        )
    elif isinstance(target, Guide):
        data.update(_service(library, target))
    else:
        data.update(_bundle_service(library, target, active))
    return data


def _bases(library: Library, bases: Sequence[Basis]) -> list[dict[str, Any]]:
    return [
        {"policy": basis.policy, "article": basis.article, "citation": basis_text(library, basis)}
        for basis in bases
    ]


def _eligibility(
    library: Library, eligibility: Eligibility, as_of: datetime.date
) -> dict[str, Any]:
    return {
        "state": eligibility.state,
        "missing": list(eligibility.missing),
        "reasons": [
            {
                "guide": reason.guide,
                "rule": reason.rule,
                "text": reason_words(reason, "zh", as_of),
                "condition": (
                    describe_condition(reason.condition, library.facts, "zh")
                    if reason.condition is not None
                    else ""
                ),
                "basis": _bases(library, reason.basis),
                **({"refer": _referral(library, reason.refer)} if reason.refer else {}),
            }
            for reason in eligibility.reasons
        ],
    }


def _referral(library: Library, referral: Referral) -> dict[str, Any]:
    """Where the case goes, and the office's details where it is one of this locality's."""
    office = library.locality.office(referral.office) if referral.office else None
    return {
        "to": referral.to,
        "to_en": referral.to_en,
        "office": _office(office),
        "text": referral.text,
        "text_en": referral.text_en,
        "basis": _bases(library, referral.basis),
    }


def _material(library: Library, view: ItemView) -> dict[str, Any]:
    item = view.item
    material = item.material
    data: dict[str, Any] = {
        "id": material.id,
        "name": material.name,
        "group": view.action,
        # Ticked at the counter today; false where it was not (or nobody ticked).
        "brought": view.brought,
        "state": item.state,
        "form": material.form,
        "copies": material.copies,
        "source": material.source,
        "why": view.why or text("why_always", "zh"),
        "basis": _bases(library, item.basis),
        "needed_by": list(item.needed_by),
    }
    if item.produced_by is not None:
        data["produced_by"] = item.produced_by
    if item.state == "deferrable":
        data["defer_days"] = material.defer_days
        data["defer_unit"] = "working"
        # null where the calendar does not know the days in between yet: never a guessed date.
        data["due"] = item.due.isoformat() if item.due else None
    if item.state == "commitment":
        data["commitment"] = material.commitment
    if material.note:
        data["note"] = material.note
    return data


def _plain(value: AnswerValue | None) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def _field(library: Library, field: FormFieldValue, include_personal: bool) -> dict[str, Any]:
    value: Any = _plain(field.value)
    fact = library.facts.get(field.fact) if field.fact else None
    if field.value is not None and fact is not None and fact.personal and not include_personal:
        value = mask_answer(fact, field.value)
    return {"id": field.id, "label": field.label, "fact": field.fact, "value": value}


def _office(office: Office | None) -> dict[str, str] | None:
    if office is None:
        return None
    return {
        "id": office.id,
        "name": office.name,
        "address": office.address,
        "hours": office.hours,
        "phone": office.phone,
    }


def _service(library: Library, guide: Guide) -> dict[str, Any]:
    return {
        "codes": dict(guide.codes),
        "steps": list(guide.steps),
        "office": _office(library.locality.office(guide.office)),
        "fee": guide.fee,
        "time_limits": _time_limits(guide),
        "visits": guide.visits,
        "channels": list(guide.channels),
        "version": guide.version,
        "reviewed": guide.reviewed.isoformat(),
        **guide_elements(library, guide),
    }


def guide_elements(library: Library, guide: Guide) -> dict[str, Any]:
    """The 办事指南 elements beyond the checklist: refusals, remedies, channels, fee basis."""
    locality = library.locality
    return {
        "refusal": list(guide.refusal),
        "online": (
            {"entry": guide.online.entry, "url": guide.online.url} if guide.online else None
        ),
        "cross_province": (
            {"mode": guide.cross_province.mode, "scope": guide.cross_province.scope}
            if guide.cross_province
            else None
        ),
        "delivery": list(guide.delivery),
        "fee_basis": (
            {"text": guide.fee_basis.text, "basis": _bases(library, guide.fee_basis.basis)}
            if guide.fee_basis
            else None
        ),
        "amounts": [
            {"item": amount.item, "value": amount.value, "sample": amount.sample}
            for amount in guide.amounts
        ],
        "complaint": (
            {"name": locality.complaint.name, "phone": locality.complaint.phone}
            if locality.complaint
            else None
        ),
        "remedies": [
            {"kind": remedy.kind, "text": remedy.text, "basis": _bases(library, remedy.basis)}
            for remedy in locality.remedies
        ],
    }


def _time_limits(guide: Guide) -> dict[str, Any]:
    """The limits in the guide's words, and as counts of days where the guide gives a count."""
    limits = guide.time_limits
    promised, legal = limits.words("zh")
    return {
        "legal": legal,
        "promised": promised,
        "legal_days": _days(limits.legal),
        "promised_days": _days(limits.promised),
        "excluded": list(limits.excluded),
    }


def _days(limit: TimeLimit | None) -> dict[str, Any] | None:
    if limit is None or limit.days is None:
        return None
    return {"days": limit.days, "unit": "working" if limit.unit == "工作日" else "calendar"}


def _per_member(guides: Sequence[Guide], values: Sequence[str | None]) -> str | None:
    """One value when every member agrees, else "member：value" for each member that has one."""
    present = [(guide, value) for guide, value in zip(guides, values, strict=True) if value]
    if not present:
        return None
    if len({value for _, value in present}) == 1 and len(present) == len(guides):
        return present[0][1]
    return "；".join(f"{guide.name}：{value}" for guide, value in present)


def _bundle_service(library: Library, bundle: Bundle, active: Sequence[Guide]) -> dict[str, Any]:
    """A bundle's steps, fee and time limits gathered from its members (each is in `members`)."""
    return {
        "steps": [f"{guide.name}：{step}" for guide in active for step in guide.steps],
        "office": _office(library.locality.office(bundle.office)),
        "fee": _per_member(active, [guide.fee for guide in active]),
        "time_limits": {
            "legal": _per_member(active, [guide.time_limits.words("zh")[1] for guide in active]),
            "promised": _per_member(active, [guide.time_limits.words("zh")[0] for guide in active]),
        },
        # Visits and channels differ per member and do not add up; see each member.
        "visits": None,
        "channels": None,
    }
