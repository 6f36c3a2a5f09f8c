"""Fixtures for the render tests: the synthetic library, outcomes from it, and golden files."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pytest

from govtui.content import load_library
from govtui.content.models import AnswerValue, Library
from govtui.i18n import Language
from govtui.interview import Outcome, evaluate_target
from tests.render.helpers import AS_OF, CONTENT, GOLDEN, UPDATE_GOLDENS, Evaluate, Golden


@pytest.fixture(scope="session")
def library() -> Library:
    result = load_library(CONTENT)
    assert not result.report.errors, result.report.errors
    return result.library


@pytest.fixture(scope="session")
def evaluate(library: Library) -> Evaluate:
    """`evaluate("living-allowance", {"applicant_role": "agent"})`: the engine on that library."""

    def run(
        target_id: str,
        answers: Mapping[str, AnswerValue] | None = None,
        as_of: datetime.date = AS_OF,
        language: Language = "zh",
    ) -> Outcome:
        target = library.guides.get(target_id) or library.bundles[target_id]
        return evaluate_target(library, target, answers or {}, as_of, language)

    return run


@pytest.fixture(scope="session")
def golden() -> Golden:
    """Compare text with `tests/golden/<name>` byte for byte (or rewrite it when updating)."""

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        expected_bytes = (text + "\n").encode("utf-8")
        if UPDATE_GOLDENS:
            path.write_bytes(expected_bytes)
            return
        assert path.exists(), f"no golden file {name}; run with GOVTUI_UPDATE_GOLDENS=1 to make it"
        # Decoded without newline translation, so the comparison is byte for byte but a failure
        # shows a readable diff.
        assert path.read_bytes().decode("utf-8") == expected_bytes.decode("utf-8"), (
            f"{name} differs from the golden file; if the change is intended, rerun with "
            "GOVTUI_UPDATE_GOLDENS=1 and review the diff"
        )

    return compare
