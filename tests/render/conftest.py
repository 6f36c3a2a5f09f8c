"""Fixtures for the render tests: the synthetic library and outcomes from it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pytest

from govtui.content import load_library
from govtui.content.models import AnswerValue, Library
from govtui.i18n import Language
from govtui.interview import Outcome, evaluate_target
from tests.render.helpers import AS_OF, CONTENT, Evaluate


def pytest_configure(config: pytest.Config) -> None:
    # The golden files are named after their case on purpose (see GoldenFile), which syrupy warns
    # about on every --snapshot-update.
    config.addinivalue_line("filterwarnings", "ignore:Can not relate snapshot name:UserWarning")


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
        return evaluate_target(library, target, answers or {}, as_of)

    return run
