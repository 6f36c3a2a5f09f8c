"""Content tests: run every worked example and report what no example reaches."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from govtui.content.conditions import evaluate
from govtui.content.models import Example, Library
from govtui.interview.engine import GOING_AHEAD, Outcome, Target, evaluate_target, member_guides

# Examples describe the content as written, so they run on a fixed date inside every guide's range
# rather than on the clock; `govtui test --as-of` can move it.
DEFAULT_EXAMPLE_DATE = datetime.date(2026, 11, 1)


@dataclass(frozen=True, slots=True)
class ExampleResult:
    target: str
    example: Example
    outcome: Outcome
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass
class Coverage:
    """What no example reaches: conditional materials never applied, conditions never true or
    never false, facts never answered."""

    unreached_materials: list[str] = field(default_factory=list)
    unreached_conditions: list[str] = field(default_factory=list)
    unreached_facts: list[str] = field(default_factory=list)
    targets_without_examples: list[str] = field(default_factory=list)


def citizen_material_ids(outcome: Outcome) -> list[str]:
    """The ids an example's `expect.materials` lists: everything that applies, except documents
    produced inside a bundle (the citizen does not bring those)."""
    return sorted(item.id for item in outcome.items if item.produced_by is None)


def run_example(
    library: Library, target: Target, example: Example, as_of: datetime.date
) -> ExampleResult:
    outcome = evaluate_target(library, target, example.answers, as_of)
    problems: list[str] = []
    expected = example.expect
    if outcome.eligibility.state != expected.eligibility:
        problems.append(
            f"eligibility is {outcome.eligibility.state}, expected {expected.eligibility}"
        )
    actual = citizen_material_ids(outcome)
    wanted = sorted(set(expected.materials))
    # A citizen who cannot apply gets reasons, not a list of things to bring; the materials an
    # example lists for that case document the guide but are not compared.
    # A referred case is the other office's to list.
    compare = expected.eligibility in GOING_AHEAD and outcome.eligibility.state in GOING_AHEAD
    if compare and actual != wanted:
        extra = sorted(set(actual) - set(wanted))
        lacking = sorted(set(wanted) - set(actual))
        detail = []
        if lacking:
            detail.append(f"missing {', '.join(lacking)}")
        if extra:
            detail.append(f"unexpected {', '.join(extra)}")
        problems.append("materials differ: " + "; ".join(detail))
    if expected.missing is not None and sorted(outcome.eligibility.missing) != sorted(
        expected.missing
    ):
        problems.append(
            f"missing facts are {sorted(outcome.eligibility.missing)}, "
            f"expected {sorted(expected.missing)}"
        )
    return ExampleResult(target.id, example, outcome, tuple(problems))


def run_examples(
    library: Library, targets: Iterable[Target], as_of: datetime.date = DEFAULT_EXAMPLE_DATE
) -> tuple[list[ExampleResult], Coverage]:
    results: list[ExampleResult] = []
    coverage = Coverage()
    for target in targets:
        if not target.examples:
            coverage.targets_without_examples.append(target.id)
        target_results = [run_example(library, target, ex, as_of) for ex in target.examples]
        results.extend(target_results)
        _cover(library, target, target_results, coverage)
    return results, coverage


def _member_goes_ahead(outcome: Outcome, guide_id: str) -> bool:
    """Only a member that is needed and not ruled out puts its materials on the checklist."""
    return any(
        member.guide.id == guide_id
        and member.needed is True
        and member.eligibility.state in GOING_AHEAD
        for member in outcome.members
    )


def _cover(
    library: Library, target: Target, results: list[ExampleResult], coverage: Coverage
) -> None:
    answered: set[str] = set()
    for result in results:
        answered.update(result.example.answers)
    for guide in member_guides(library, target):
        owner = guide.id if guide.id == target.id else f"{target.id}/{guide.id}"
        for material in guide.materials:
            if material.when is None:
                continue
            reached = any(
                evaluate(material.when, result.outcome.answers_used) is True
                and _member_goes_ahead(result.outcome, guide.id)
                for result in results
            )
            if not reached:
                coverage.unreached_materials.append(f"{owner}: {material.id}")
        conditions = [(f"eligibility {rule.id}", rule.when) for rule in guide.eligibility]
        conditions += [(f"material {m.id}", m.when) for m in guide.materials if m.when]
        for label, condition in conditions:
            values = {evaluate(condition, result.example.answers) for result in results}
            for truth in (True, False):
                if truth not in values:
                    coverage.unreached_conditions.append(
                        f"{owner}: {label} ({condition.source}) never {str(truth).lower()}"
                    )
            for fact in condition.facts():
                if fact not in answered:
                    entry = f"{owner}: {fact}"
                    if entry not in coverage.unreached_facts:
                        coverage.unreached_facts.append(entry)
