"""Conditions in plain words, in both languages."""

from __future__ import annotations

from pathlib import Path

from govtui.content import load_library
from govtui.content.conditions import parse_condition
from govtui.content.describe import describe_answer, describe_condition
from tests.content.helpers import write_content


def test_plain_words(tmp_path: Path) -> None:
    facts = load_library(write_content(tmp_path)).library.facts
    assert (
        describe_condition(parse_condition('applicant_role == "agent"'), facts)
        == "办理人为委托代理人"
    )
    assert describe_condition(parse_condition("age >= 80"), facts) == "年龄 ≥ 80"
    assert describe_condition(parse_condition("not hukou_local"), facts) == "户籍不在本县"
    assert (
        describe_condition(parse_condition("hukou_local and age < 16"), facts, "en")
        == "local hukou and Age < 16"
    )
    assert describe_condition(parse_condition("not (hukou_local and age >= 80)"), facts) == (
        "户籍不在本县，或年龄 < 80"
    )
    assert describe_answer("applicant_role", "agent", facts, "en") == "Applicant: An agent"
