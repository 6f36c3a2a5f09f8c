"""The real sample content: it lints clean, and every guide and bundle has passing examples."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from govtui.content.files import content_files
from govtui.content.lint import lint
from govtui.interview.examples import run_examples

SHARED_FACTS = Path(__file__).resolve().parents[3] / "shared" / "facts" / "services.yaml"
ADDED_GUIDES = {"childcare-subsidy"}
BUNDLE_IDS = {"newborn", "retirement", "after-death", "open-restaurant", "disability-services"}


@pytest.fixture(scope="module")
def shipped(repository: Path):  # type: ignore[no-untyped-def]
    # A date before November: the calendar's look-ahead warning depends on the day the suite
    # runs, and tests/content/test_currency.py checks it on both sides of 1 November.
    return lint(repository, datetime.date(2026, 10, 1))


def test_sample_content_lints_clean(shipped) -> None:  # type: ignore[no-untyped-def]
    _, findings = shipped
    assert [str(finding) for finding in findings] == []


def test_every_file_parses_with_the_pure_python_safe_loader(repository: Path) -> None:
    for path in content_files(repository):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def test_all_services_from_the_facts_are_guides(shipped) -> None:  # type: ignore[no-untyped-def]
    result, _ = shipped
    if SHARED_FACTS.exists():
        services = yaml.safe_load(SHARED_FACTS.read_text(encoding="utf-8"))["services"]
        # Every service of the fact sheet is a guide; the one guide beyond it is the national
        # 育儿补贴 (2025), added with its own policy file and marked as an addition in its note.
        assert {service["id"] for service in services} | ADDED_GUIDES == set(result.library.guides)
    for guide_id in ADDED_GUIDES:
        guide = result.library.guides[guide_id]
        said = f"{guide.note or ''} {guide.editor_note or ''}"
        assert "added" in said or "新增" in said
    assert len(result.library.guides) == 43
    assert len(result.library.policies) >= 20
    assert set(result.library.bundles) == BUNDLE_IDS


def test_locality_is_fictional(shipped) -> None:  # type: ignore[no-untyped-def]
    result, _ = shipped
    locality = result.library.locality
    assert locality.fictional
    assert all(office.phone.startswith("0000-") for office in locality.offices)


def test_every_example_passes_and_reaches_every_conditional_material(shipped) -> None:  # type: ignore[no-untyped-def]
    result, _ = shipped
    library = result.library
    results, coverage = run_examples(library, [*library.guides.values(), *library.bundles.values()])
    failures = [f"{r.target}: {r.example.name}: {r.problems}" for r in results if not r.passed]
    assert failures == []
    assert coverage.unreached_materials == []
    assert coverage.targets_without_examples == []


def test_issue_acceptance_checks_on_the_sample_content(shipped) -> None:  # type: ignore[no-untyped-def]
    import datetime

    from govtui.interview import evaluate_target

    result, _ = shipped
    library = result.library
    today = datetime.date(2026, 11, 22)
    dibao = library.guides["dibao-application"]
    for role, expected in (("agent", True), ("self", False)):
        outcome = evaluate_target(library, dibao, {"applicant_role": role}, today)
        assert any("委托书" in item.material.name for item in outcome.items) is expected
    allowance = library.guides["elderly-longevity-allowance"]
    unknown = evaluate_target(library, allowance, {}, today)
    assert unknown.eligibility.state == "unknown" and "age" in unknown.eligibility.missing
    refused = evaluate_target(library, allowance, {"age": 70}, today)
    assert refused.eligibility.state == "not_eligible" and refused.eligibility.reasons
    newborn = evaluate_target(library, library.bundles["newborn"], {}, today)
    ids = [item.id for item in newborn.items]
    shared = [item for item in newborn.items if len(item.needed_by) > 1]
    assert shared and all(ids.count(item.id) == 1 for item in shared)
