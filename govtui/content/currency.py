"""Lint rules that keep content true to the law in force: limits, citations, reviews, elements."""

from __future__ import annotations

import datetime
import re

from govtui.content.calendar import first_unknown_year
from govtui.content.findings import Report
from govtui.content.models import Basis, Guide, Library, Policy, TimeLimit

# A working day is never shorter than a calendar day, and the longest run of rest days in a
# year (the Spring Festival with its weekends) adds at most 9 calendar days to a working week.
_LONGEST_REST_RUN = 9
_LONGEST_WORKING_RUN = 7
# The standard's lengths, and the longer forms counties' spreadsheets use (the import takes both).
_BASIC_CODE = re.compile(r"^(?:[0-9A-Za-z]{10}|[0-9A-Za-z]{12})$")
_IMPLEMENTATION_CODE = re.compile(r"^(?:[0-9A-Za-z]{24}|[0-9A-Za-z]{36})$")


def check_currency(library: Library, report: Report, today: datetime.date) -> None:
    """Every rule that catches content telling a citizen something the law no longer says."""
    for guide in library.guides.values():
        _check_limits(guide, report)
        _check_citations(library, guide, report)
        _check_reviewed(library, guide, report)
        _check_commitments(library, guide, report)
        _check_referrals(library, guide, report)
        _check_elements(library, guide, report)
    _check_locality(library, report)
    _check_calendar(library, report, today)


def _calendar_days_at_most(limit: TimeLimit) -> int | None:
    """The longest a limit can run in calendar days, or None where it gives no count."""
    if limit.days is None:
        return None
    if limit.unit == "自然日":
        return limit.days
    weeks = -(-limit.days // 5)
    return weeks * 7 + _LONGEST_REST_RUN


def _check_limits(guide: Guide, report: Report) -> None:
    legal, promised = guide.time_limits.legal, guide.time_limits.promised
    if legal is not None and legal.days is not None and not legal.basis:
        report.warning(
            legal.where,
            "time_limits.legal.basis",
            "a legal time limit should cite the article that sets it",
            "basis",
        )
    if legal is None or promised is None or legal.days is None or promised.days is None:
        return
    if promised.unit == legal.unit:
        longer = promised.days > legal.days
    elif promised.unit == "工作日":
        # N working days span at least N calendar days, and more once they must include a rest
        # day: no run of working days, make-up weekends included, is longer than a week.
        longer = promised.days > legal.days or (
            promised.days == legal.days and promised.days > _LONGEST_WORKING_RUN
        )
    else:
        ceiling = _calendar_days_at_most(legal)
        longer = ceiling is not None and promised.days > ceiling
    if longer:
        report.error(
            promised.where,
            "time_limits.promised",
            f"the promised limit ({promised.words()}) is longer than the legal one "
            f"({legal.words()}); a locality may promise less than the law allows, never more",
            "time-limit",
        )


def guide_date(guide: Guide) -> datetime.date:
    """The date the guide speaks for: its last review, or its end where it ended before that."""
    if guide.effective_to is not None and guide.effective_to < guide.reviewed:
        return guide.effective_to
    return guide.reviewed


def in_force_version(library: Library, policy: Policy, date: datetime.date) -> Policy:
    """Follow `superseded_by` to the version of a policy that was in force on the date."""
    current, seen = policy, {policy.id}
    while (
        current.superseded_by
        and current.repealed is not None
        and current.repealed <= date
        and current.superseded_by in library.policies
        and current.superseded_by not in seen
    ):
        current = library.policies[current.superseded_by]
        seen.add(current.id)
    return current


def _check_citations(library: Library, guide: Guide, report: Report) -> None:
    date = guide_date(guide)
    for field, basis in guide.all_bases():
        policy = library.policies.get(basis.policy)
        if policy is None:
            if field.startswith(("time_limits", "fee_basis")) or ".refer." in field:
                # The older fields are checked for existence by the main lint pass.
                report.error(
                    basis.where, field, f"no policy has the id '{basis.policy}'", "reference"
                )
            continue
        if (
            (field.startswith(("time_limits", "fee_basis")) or ".refer." in field)
            and basis.article is not None
            and policy.article(basis.article) is None
        ):
            report.error(
                basis.where,
                field,
                f"policy '{policy.id}' has no article '{basis.article}'",
                "reference",
            )
        current = in_force_version(library, policy, date)
        if current.id != policy.id:
            article = ""
            if basis.article is not None and current.article(basis.article) is None:
                article = f"; it has no article '{basis.article}', so find the one that now sets it"
            report.error(
                basis.where,
                field,
                f"cites '{policy.id}', which '{current.id}' replaced on "
                f"{policy.repealed}; the guide speaks for {date}, so cite '{current.id}'"
                f"{article}",
                "superseded",
            )
        elif policy.status == "repealed" and (policy.repealed is None or policy.repealed <= date):
            report.error(
                basis.where,
                field,
                f"cites the repealed policy '{policy.id}'; a guide in force may not rest on it",
                "repealed",
            )
        elif policy.effective is not None and policy.effective > date:
            report.warning(
                basis.where,
                field,
                f"cites '{policy.id}', which takes effect only on {policy.effective}",
                "dates",
            )


def _check_reviewed(library: Library, guide: Guide, report: Report) -> None:
    cited = {basis.policy for _, basis in guide.all_bases() if basis.policy in library.policies}
    changed = [
        library.policies[policy_id]
        for policy_id in sorted(cited)
        if (effective := library.policies[policy_id].effective) is not None
        and effective > guide.reviewed
    ]
    for policy in changed:
        report.warning(
            guide.where,
            "reviewed",
            f"reviewed on {guide.reviewed}, before '{policy.id}' took effect on "
            f"{policy.effective}: reviewed before this rule changed",
            "reviewed",
        )


def _reaches_commitment_rule(library: Library, bases: tuple[Basis, ...]) -> bool:
    return any(
        basis.policy in library.policies and library.policies[basis.policy].commitment_rule
        for basis in bases
    )


def _check_commitments(library: Library, guide: Guide, report: Report) -> None:
    for index, material in enumerate(guide.materials):
        if material.state != "commitment":
            continue
        if not _reaches_commitment_rule(library, material.basis):
            report.warning(
                material.where,
                f"materials[{index}].basis",
                f"'{material.id}' is a commitment (告知承诺), but its basis cites no policy that "
                "sets commitment rules (commitment_rule: true), such as 国办发〔2020〕42号",
                "commitment",
            )


def _check_referrals(library: Library, guide: Guide, report: Report) -> None:
    referring = [rule for rule in guide.eligibility if rule.refer is not None]
    for rule in referring:
        assert rule.refer is not None
        if rule.refer.office and library.locality.office(rule.refer.office) is None:
            report.error(
                rule.refer.where,
                f"eligibility.{rule.id}.refer.office",
                f"unknown office '{rule.refer.office}'",
                "reference",
            )
    if (
        referring
        and guide.examples
        and not any(example.expect.eligibility == "refer" for example in guide.examples)
    ):
        report.warning(
            referring[0].where,
            f"eligibility.{referring[0].id}.refer",
            "no worked example expects eligibility: refer; add one so the referral is tested",
            "example",
        )


def _check_elements(library: Library, guide: Guide, report: Report) -> None:
    """The 办事指南 elements a clerk expects: missing ones are warnings, wrong ones errors."""
    missing = [
        name
        for name, present in (
            ("codes", bool(guide.codes)),
            ("refusal", bool(guide.refusal)),
            ("delivery", bool(guide.delivery)),
            ("fee_basis", guide.fee_basis is not None),
            ("online", guide.online is not None or not {"网办", "掌上办"} & set(guide.channels)),
            (
                "cross_province",
                guide.cross_province is not None or "跨省通办" not in guide.channels,
            ),
        )
        if not present
    ]
    if missing:
        report.warning(
            guide.where,
            ", ".join(missing),
            f"the guide lacks {', '.join(missing)} (see 'Guide elements a clerk expects' in "
            "docs/content-format.md)",
            "elements",
        )
    basic, implementation = guide.codes.get("basic"), guide.codes.get("implementation")
    if basic is not None and not _BASIC_CODE.match(basic):
        report.warning(
            guide.where, "codes.basic", f"基本编码 '{basic}' is not 10 (or 12) characters"
        )
    if implementation is not None:
        region = library.locality.region_code
        if not _IMPLEMENTATION_CODE.match(implementation):
            report.warning(
                guide.where,
                "codes.implementation",
                f"实施编码 '{implementation}' is not 24 (or 36) characters",
            )
        elif region and not implementation.startswith(region):
            report.warning(
                guide.where,
                "codes.implementation",
                f"实施编码 '{implementation}' does not start with the locality's region code "
                f"{region}",
            )
    if library.locality.fictional:
        for index, amount in enumerate(guide.amounts):
            if not amount.sample:
                report.error(
                    amount.where,
                    f"amounts[{index}].sample",
                    "the locality is fictional, so its figures are sample figures: "
                    "set sample: true",
                )


def _check_locality(library: Library, report: Report) -> None:
    for index, remedy in enumerate(library.locality.remedies):
        for basis in remedy.basis:
            policy = library.policies.get(basis.policy)
            if policy is None:
                report.error(
                    basis.where,
                    f"remedies[{index}].basis",
                    f"no policy has the id '{basis.policy}'",
                    "reference",
                )
            elif basis.article is not None and policy.article(basis.article) is None:
                report.error(
                    basis.where,
                    f"remedies[{index}].basis",
                    f"policy '{policy.id}' has no article '{basis.article}'",
                    "reference",
                )


def _check_calendar(library: Library, report: Report, today: datetime.date) -> None:
    """From November, next year's holidays should be in the calendar before deadlines reach it."""
    if today.month < 11 or first_unknown_year(library.calendar, today.year) > today.year + 1:
        return
    where = next(iter(library.calendar.years.values())).where if library.calendar.years else None
    if where is None:
        return
    report.warning(
        where,
        "years",
        f"the working-day calendar does not know {today.year + 1} yet: deadlines that run into "
        "it print as a count of working days instead of a date. Add the year from the State "
        "Council's holiday notice as soon as it is published.",
        "calendar",
    )
