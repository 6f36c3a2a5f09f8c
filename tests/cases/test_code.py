"""The case code: its form, its alphabet, and reading back what a clerk types."""

from __future__ import annotations

import random
import re

import pytest

from govtui.cases.code import ALPHABET, new_case_code, parse_case_code, valid_prefix
from govtui.errors import UsageError


def test_the_alphabet_has_no_character_that_reads_as_another() -> None:
    assert not set("0O1IL") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31


def test_a_new_code_is_the_prefix_a_dash_and_four_characters_of_the_alphabet() -> None:
    codes = {new_case_code("QH") for _ in range(200)}
    for code in codes:
        assert re.fullmatch(rf"QH-[{ALPHABET}]{{4}}", code), code
    # 31**4 codes: 200 draws repeating more than a handful would mean a broken source.
    assert len(codes) > 190


def test_a_seeded_source_gives_the_same_codes() -> None:
    first = new_case_code("GT", random.Random(7).choice)
    assert first == new_case_code("GT", random.Random(7).choice)
    assert first.startswith("GT-")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("QH-7K4Q", "QH-7K4Q"),
        ("qh-7k4q", "QH-7K4Q"),
        (" qh7k4q ", "QH-7K4Q"),
        ("QH 7K 4Q", "QH-7K4Q"),
    ],
)
def test_typed_codes_are_read_back_in_one_spelling(typed: str, code: str) -> None:
    assert parse_case_code(typed) == code


@pytest.mark.parametrize("typed", ["", "QH-7K4", "QH-7K4QQ", "QH-0K4Q", "QH-IK4Q", "7K4Q", "../x"])
def test_anything_else_is_refused_with_the_form_to_use(typed: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_case_code(typed)
    assert "QH-7K4Q" in raised.value.message("zh")
    assert "QH-7K4Q" in raised.value.message("en")


def test_prefixes_are_one_to_four_capital_letters() -> None:
    assert valid_prefix("QH") and valid_prefix("A") and valid_prefix("GTQH")
    assert not valid_prefix("") and not valid_prefix("QH1") and not valid_prefix("QHGTX")
