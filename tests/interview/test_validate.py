"""Answer validation: types, ranges, dates, GB 11643 ID numbers and mobile numbers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govtui.content import load_library
from govtui.content.models import Fact
from govtui.interview.validate import (
    ID_PROVINCES,
    AnswerInvalid,
    check_id_number,
    check_mobile,
    coerce_answer,
    id_number_check_digit,
    parse_answer,
    parse_date,
)
from tests.content.helpers import FACTS, write_content

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def facts(tmp_path: Path) -> dict[str, Fact]:
    id_number = """\
  - id: applicant_id_number
    type: text
    label: {zh: 申请人公民身份号码, en: Applicant's citizen ID number}
    short: {zh: 身份号码, en: ID number}
    format: id_number
    personal: true
"""
    root = write_content(tmp_path, {"guides/_facts/common.yaml": FACTS + id_number})
    return dict(load_library(root).library.facts)


def with_check_digit(first17: str) -> str:
    return first17 + id_number_check_digit(first17)


def test_check_digit_matches_the_standard_example() -> None:
    # The worked example of GB 11643-1999: 11010519491231002X.
    assert id_number_check_digit("11010519491231002") == "X"
    assert check_id_number("11010519491231002X", today=TODAY) is None
    assert check_id_number("11010519491231002x", today=TODAY) is None


@pytest.mark.parametrize(
    "value", ["110105194912310021", "1101051949123100", "11010519491331002X", "ABCDEFGHIJKLMNOPQR"]
)
def test_bad_id_numbers(value: str) -> None:
    problem = check_id_number(value, today=TODAY)
    assert problem is not None
    assert problem.zh and problem.en


def test_a_valid_number_is_accepted_and_a_wrong_check_digit_still_refused() -> None:
    valid = with_check_digit("44030619851102123")
    assert check_id_number(valid, today=TODAY) is None
    wrong = valid[:17] + ("0" if valid[17] != "0" else "1")
    problem = check_id_number(wrong, today=TODAY)
    assert problem is not None and "check digit" in problem.en and "校验位" in problem.zh


def test_an_impossible_region_code_is_refused() -> None:
    # A correct check digit, so only the region can be what is wrong.
    problem = check_id_number(with_check_digit("99010119800101123"), today=TODAY)
    assert problem is not None
    assert "990101" in problem.zh and "行政区划代码" in problem.zh
    assert "990101" in problem.en and "region code" in problem.en


@pytest.mark.parametrize("province", ["00", "10", "16", "20", "24", "38", "47", "55", "66", "72"])
def test_codes_between_the_provinces_are_refused(province: str) -> None:
    assert check_id_number(with_check_digit(f"{province}010119800101123"), today=TODAY)


def test_every_province_and_the_residence_permits_are_accepted() -> None:
    # Hong Kong, Macao and Taiwan residents' residence permits use 810000, 820000 and 830000.
    assert {"11", "31", "44", "54", "65", "71", "81", "82", "83"} <= ID_PROVINCES
    for province in sorted(ID_PROVINCES):
        number = with_check_digit(f"{province}000019800101123")
        assert check_id_number(number, today=TODAY) is None, number


def test_a_birth_date_after_today_is_refused() -> None:
    born_tomorrow = with_check_digit("11010520261202123")
    problem = check_id_number(born_tomorrow, today=TODAY)
    assert problem is not None
    assert "2026-12-02" in problem.zh and "不能晚于今天" in problem.zh
    assert "after today" in problem.en
    # Born today is fine: a newborn is registered the day it is born.
    assert check_id_number(with_check_digit("11010520261201123"), today=TODAY) is None
    # The date is the caller's: the same number is accepted once that day has come.
    later = datetime.date(2026, 12, 2)
    assert check_id_number(born_tomorrow, today=later) is None


@pytest.mark.parametrize("birth", ["20260230", "20250229", "19801301", "19800100"])
def test_a_birth_date_that_does_not_exist_is_refused(birth: str) -> None:
    problem = check_id_number(with_check_digit(f"110105{birth}123"), today=TODAY)
    assert problem is not None
    assert birth in problem.zh and "不是有效日期" in problem.zh
    assert "not a real date" in problem.en


def test_a_birth_date_before_1900_is_refused() -> None:
    problem = check_id_number(with_check_digit("11010518991231123"), today=TODAY)
    assert problem is not None and "1899-12-31" in problem.en and "1900" in problem.zh
    assert check_id_number(with_check_digit("11010519000101123"), today=TODAY) is None


def test_fifteen_digit_numbers_are_still_refused_as_too_short() -> None:
    problem = check_id_number("110105491231002", today=TODAY)
    assert problem is not None and "18" in problem.zh and "18 characters" in problem.en


def test_an_id_number_answer_is_checked_against_the_date_given(facts: dict[str, Fact]) -> None:
    fact = facts["applicant_id_number"]
    born = with_check_digit("11010520261202123")
    with pytest.raises(AnswerInvalid) as refused:
        parse_answer(fact, born, today=TODAY)
    assert "after today" in refused.value.problem.get("en")
    with pytest.raises(AnswerInvalid):
        coerce_answer(fact, with_check_digit("99010119800101123"), today=TODAY)
    lower = with_check_digit("11010519491231002").lower()
    assert parse_answer(fact, lower, today=TODAY) == "11010519491231002X"
    assert coerce_answer(fact, born, today=datetime.date(2027, 1, 1)) == born


def test_mobile_numbers() -> None:
    assert check_mobile("13800138000") is None
    assert check_mobile("+86 138-0013-8000") is None
    assert check_mobile("12800138000") is not None
    assert check_mobile("1380013800") is not None


def test_boolean_choice_and_number(facts: dict[str, Fact]) -> None:
    assert parse_answer(facts["hukou_local"], "是", today=TODAY) is True
    assert parse_answer(facts["hukou_local"], "No", today=TODAY) is False
    assert parse_answer(facts["applicant_role"], "2", today=TODAY) == "agent"
    assert parse_answer(facts["applicant_role"], "委托代理人", today=TODAY) == "agent"
    assert parse_answer(facts["applicant_role"], "agent", today=TODAY) == "agent"
    assert parse_answer(facts["age"], " 70 ", today=TODAY) == 70


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
        parse_answer(facts[fact], raw, today=TODAY)
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
    assert coerce_answer(facts["hukou_local"], True, today=TODAY) is True
    assert coerce_answer(facts["age"], 81, today=TODAY) == 81
    assert coerce_answer(facts["hukou_local"], "yes", today=TODAY) is True
    with pytest.raises(AnswerInvalid):
        coerce_answer(facts["age"], 900, today=TODAY)
