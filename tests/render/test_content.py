"""The synthetic content the goldens are built from is itself clean and self-consistent."""

from __future__ import annotations

from govtui.content.lint import lint
from govtui.content.models import Library
from govtui.interview import Target
from govtui.interview.examples import run_examples
from tests.render.helpers import CONTENT


def test_synthetic_content_has_no_lint_findings() -> None:
    _, findings = lint(CONTENT)
    assert findings == []


def test_synthetic_content_covers_every_state_and_case(library: Library) -> None:
    materials = [m for guide in library.guides.values() for m in guide.materials]
    assert {m.state for m in materials} == {
        "required",
        "optional",
        "deferrable",
        "commitment",
        "shared",
    }
    conditions = {m.when.source for m in materials if m.when is not None}
    assert 'applicant_role == "agent"' in conditions
    assert 'applicant_role == "guardian"' in conditions
    assert all(guide.eligibility for guide in library.guides.values())
    [bundle] = library.bundles.values()
    assert bundle.produces


def test_synthetic_examples_pass(library: Library) -> None:
    targets: list[Target] = [*library.guides.values(), *library.bundles.values()]
    results, _ = run_examples(library, targets)
    assert [(r.target, r.example.name, r.problems) for r in results if not r.passed] == []
