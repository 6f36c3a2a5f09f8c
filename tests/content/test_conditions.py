"""The condition language: parsing, three-valued logic, deciding facts and plain words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govtui.content.conditions import (
    ConditionSyntaxError,
    deciding_facts,
    evaluate,
    parse_condition,
)


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ('role == "agent"', {"role": "agent"}, True),
        ('role == "agent"', {"role": "self"}, False),
        ('role == "agent"', {}, None),
        ("age >= 60", {"age": 60}, True),
        ("age >= 60", {"age": 59.5}, False),
        ("not local", {"local": False}, True),
        ("local", {"local": True}, True),
        ('role in ["agent", "guardian"]', {"role": "guardian"}, True),
        ('role not in ["agent", "guardian"]', {"role": "self"}, True),
        ("a and b", {"a": False}, False),  # false wins even with b unknown
        ("a and b", {"a": True}, None),
        ("a or b", {"a": True}, True),  # true wins even with b unknown
        ("a or b", {"a": False}, None),
        ("(a or b) and not c", {"a": True, "c": False}, True),
        ("d >= '2021-01-01'", {"d": "2022-03-04"}, True),
        ("age > 'x'", {"age": 3}, False),  # mismatched types are false, never an exception
    ],
)
def test_three_valued_evaluation(
    source: str, answers: dict[str, object], expected: bool | None
) -> None:
    assert evaluate(parse_condition(source), answers) is expected  # type: ignore[arg-type]


def test_missing_fact_is_never_false() -> None:
    condition = parse_condition("not local")
    assert evaluate(condition, {}) is None


def test_deciding_facts_skip_decided_branches() -> None:
    condition = parse_condition("(a and b) or c")
    assert deciding_facts(condition, {}) == ["a", "b", "c"]
    assert deciding_facts(condition, {"a": False}) == ["c"]
    assert deciding_facts(condition, {"c": True}) == []


def test_precedence_and_binds_tighter_than_or() -> None:
    condition = parse_condition("a or b and c")
    assert evaluate(condition, {"a": True, "b": False, "c": False}) is True
    assert evaluate(condition, {"a": False, "b": True, "c": False}) is False


@pytest.mark.parametrize(
    "source",
    [
        "",
        "age >=",
        "and",
        "age >= 1 1",
        "(a",
        "a )",
        "role in []",
        "role in [1",
        "1 == age",
        "a; import os",
        "a.b",
        "true",
        "x == @",
    ],
)
def test_malformed_conditions_raise_with_offset(source: str) -> None:
    with pytest.raises(ConditionSyntaxError) as error:
        parse_condition(source)
    assert 0 <= error.value.offset <= len(source)


@given(st.text(max_size=80))
def test_any_text_parses_or_raises_syntax_error(source: str) -> None:
    try:
        condition = parse_condition(source)
    except ConditionSyntaxError:
        return
    assert evaluate(condition, {}) in (True, False, None)
