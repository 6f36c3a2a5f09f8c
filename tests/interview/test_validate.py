"""Answer validation: types, ranges, dates, GB 11643 ID numbers and mobile numbers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govtui.content import load_library
from govtui.content.models import Fact
from govtui.interview.validate import (
    AnswerInvalid,
    check_id_number,
    check_mobile,
    coerce_answer,
    id_number_check_digit,
    parse_answer,
    parse_date,
)
from tests.content.helpers import write_content


@pytest.fixture
def facts(tmp_path: Path) -> dict[str, Fact]:
    return dict(load_library(write_content(tmp_path)).library.facts)


def test_check_digit_matches_the_standard_example() -> None:
    # The worked example of GB 11643-1999: 11010519491231002X.
    assert id_number_check_digit("11010519491231002") == "X"
    assert check_id_number("11010519491231002X") is None
    assert check_id_number("11010519491231002x") is None


@pytest.mark.parametrize(
    "value", ["110105194912310021", "1101051949123100", "11010519491331002X", "ABCDEFGHIJKLMNOPQR"]
)
def test_bad_id_numbers(value: str) -> None:
    problem = check_id_number(value)
    assert problem is not None
    assert problem.zh and problem.en


def test_mobile_numbers() -> None:
    assert check_mobile("13800138000") is None
    assert check_mobile("+86 138-0013-8000") is None
    assert check_mobile("12800138000") is not None
    assert check_mobile("1380013800") is not None


def test_boolean_choice_and_number(facts: dict[str, Fact]) -> None:
    assert parse_answer(facts["hukou_local"], "是") is True
    assert parse_answer(facts["hukou_local"], "No") is False
    assert parse_answer(facts["applicant_role"], "2") == "agent"
    assert parse_answer(facts["applicant_role"], "委托代理人") == "agent"
    assert parse_answer(facts["applicant_role"], "agent") == "agent"
    assert parse_answer(facts["age"], " 70 ") == 70


@pytest.mark.parametrize(
    ("fact", "raw", "english"),
    [
        ("hukou_local", "maybe", "yes or no"),
        ("applicant_role", "boss", "choose one of"),
        ("age", "old", "a number"),
        ("age", "200", "at most 150"),
        ("age", "-1", "at least 0"),
        ("age", "7.5", "whole number"),
        ("age", "nan", "a number"),
    ],
)
def test_refusals_speak_both_languages(
    facts: dict[str, Fact], fact: str, raw: str, english: str
) -> None:
    with pytest.raises(AnswerInvalid) as error:
        parse_answer(facts[fact], raw)
    assert english in error.value.problem.get("en")
    assert error.value.problem.get("zh") != error.value.problem.get("en")


def test_dates() -> None:
    assert parse_date("2026-03-01") == datetime.date(2026, 3, 1)
    assert parse_date("2026年3月1日") == datetime.date(2026, 3, 1)
    with pytest.raises(AnswerInvalid):
        parse_date("2026-02-30")
    with pytest.raises(AnswerInvalid):
        parse_date("yesterday")


def test_coerce_typed_values(facts: dict[str, Fact]) -> None:
    assert coerce_answer(facts["hukou_local"], True) is True
    assert coerce_answer(facts["age"], 81) == 81
    assert coerce_answer(facts["hukou_local"], "yes") is True
    with pytest.raises(AnswerInvalid):
        coerce_answer(facts["age"], 900)
