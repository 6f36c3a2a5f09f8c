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


def test_a_negated_choice_names_what_is_left(tmp_path: Path) -> None:
    """m8: never "办理人不是本人" where the one other choice can be named, nor "不是都不是"."""
    facts = load_library(write_content(tmp_path)).library.facts
    assert describe_condition(parse_condition('applicant_role != "self"'), facts) == (
        "办理人为委托代理人"
    )
    assert describe_condition(parse_condition('not (applicant_role == "agent")'), facts, "en") == (
        "Applicant is in person"
    )


def test_choice_labels_read_inside_a_sentence(tmp_path: Path) -> None:
    """m8: "Applicant is an agent", not "Applicant is An agent"; one 或 before the last choice."""
    facts = load_library(write_content(tmp_path)).library.facts
    assert describe_condition(parse_condition('applicant_role == "agent"'), facts, "en") == (
        "Applicant is an agent"
    )


def test_shipped_choices_say_what_they_mean() -> None:
    """A choice with a `said` phrase states it; three remaining choices are joined with one 或."""
    facts = load_library(Path(__file__).resolve().parents[2]).library.facts
    status = 'household_assistance_status == "none"'
    assert describe_condition(parse_condition(status), facts) == "不是低保、特困或低收入救助对象"
    other = describe_condition(parse_condition('household_assistance_status != "none"'), facts)
    assert other.count("或") == 1 and "、" in other and "都不是" not in other
