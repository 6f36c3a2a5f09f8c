"""Conditions and answers in plain words, in zh-Hans or English, for "why" texts."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from govtui.content.conditions import All, Any_, Comparison, Condition, FactTest, Node, Not
from govtui.content.models import AnswerValue, Fact, Language

# Up to this many remaining choices are named outright in place of a negation.
_CHOICES_NAMED = 3
# Label words that are names in English and keep their capital inside a sentence.
_NAMES_IN_LABELS = frozenset({"china", "chinese", "hong", "macao", "taiwan"})
_SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}


def _short(fact: Fact | None, fact_id: str, language: Language) -> str:
    return fact.short.get(language) if fact else fact_id


def describe_value(fact: Fact | None, value: object, language: Language) -> str:
    """One answer as a person would say it: a choice's label, 是/否, a number with its unit."""
    if isinstance(value, bool):
        if fact and fact.type == "boolean":
            phrase = fact.yes if value else fact.no
            if phrase:
                return phrase.get(language)
        if language == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if fact and fact.type == "choice" and isinstance(value, str):
        choice = fact.choice(value)
        if choice:
            return choice.label.get(language)
    if fact and fact.type == "number" and isinstance(value, int | float):
        number = f"{value:g}"
        return f"{number} {fact.unit.get(language)}" if fact.unit else number
    return str(value)


def _describe_leaf(
    leaf: FactTest | Comparison, facts: Mapping[str, Fact], language: Language, negate: bool
) -> str:
    fact = facts.get(leaf.fact)
    short = _short(fact, leaf.fact, language)
    if isinstance(leaf, FactTest) or (
        fact is not None and fact.type == "boolean" and leaf.operator in ("==", "!=")
    ):
        truth = True
        if isinstance(leaf, Comparison):
            truth = (leaf.value is True) == (leaf.operator == "==")
        if negate:
            truth = not truth
        phrase = (fact.yes if truth else fact.no) if fact else None
        if phrase:
            return phrase.get(language)
        if language == "en":
            return f"{short}: {'yes' if truth else 'no'}"
        return f"{short}：{'是' if truth else '否'}"
    operator = leaf.operator
    if negate:
        operator = {
            "==": "!=",
            "!=": "==",
            "<": ">=",
            "<=": ">",
            ">": "<=",
            ">=": "<",
            "in": "not in",
            "not in": "in",
        }[operator]  # type: ignore[assignment]
    if fact is not None and fact.type == "choice" and operator in ("!=", "not in"):
        # "不是都不是" reads as nonsense: where few choices are left, name them instead.
        excluded = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
        rest = tuple(choice.value for choice in fact.choices if choice.value not in excluded)
        if 0 < len(rest) <= _CHOICES_NAMED:
            leaf = Comparison(leaf.fact, "in", rest)
            operator = "in"
    if isinstance(leaf.value, tuple):
        words = [
            _as_object(describe_value(fact, value, language), language) for value in leaf.value
        ]
        if language == "en":
            joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
            return f"{short} is {joined}" if operator == "in" else f"{short} is not {joined}"
        joined = _either(words) if operator == "in" else "、".join(words)
        return f"{short}为{joined}" if operator == "in" else f"{short}不是{joined}"
    if fact is not None and fact.type == "choice" and operator == "==":
        chosen = fact.choice(str(leaf.value))
        if chosen is not None and chosen.said is not None:
            return chosen.said.get(language)
    value_text = describe_value(fact, leaf.value, language)
    if fact is not None and fact.type == "choice" and operator in ("==", "!="):
        value_text = _as_object(value_text, language)
        if language == "en":
            return f"{short} is {'' if operator == '==' else 'not '}{value_text}"
        return f"{short}{'为' if operator == '==' else '不是'}{value_text}"
    return f"{short} {_SYMBOLS[operator]} {value_text}"


def _as_object(label: str, language: Language) -> str:
    """A choice's label inside a sentence: "is an authorised agent", not "is An authorised agent".

    Labels are written to stand alone, capitalised; an acronym or a name keeps its capitals.
    """
    first_word = label.split(" ", 1)[0]
    capitalised = first_word[:1].isupper() and (len(first_word) == 1 or first_word[1:].islower())
    if language != "en" or not capitalised or first_word.lower() in _NAMES_IN_LABELS:
        return label
    return label[0].lower() + label[1:]


def _either(words: list[str]) -> str:
    """低保对象、特困供养人员或低收入人口: one 或, before the last."""
    return words[0] if len(words) == 1 else "、".join(words[:-1]) + "或" + words[-1]


def _describe(node: Node, facts: Mapping[str, Fact], language: Language, negate: bool) -> str:
    if isinstance(node, FactTest | Comparison):
        return _describe_leaf(node, facts, language, negate)
    if isinstance(node, Not):
        return _describe(node.operand, facts, language, not negate)
    # De Morgan, so a negated group still reads as a plain sentence.
    conjunction = isinstance(node, All) != negate
    parts = []
    for operand in node.operands:
        text = _describe(operand, facts, language, negate)
        if isinstance(operand, All | Any_):
            text = f"({text})" if language == "en" else f"（{text}）"
        parts.append(text)
    if language == "en":
        return (" and " if conjunction else " or ").join(parts)
    return ("，且" if conjunction else "，或").join(parts)


def describe_condition(
    condition: Condition | Node, facts: Mapping[str, Fact], language: Language = "zh"
) -> str:
    """A condition in plain words, e.g. `applicant_role == "agent"` → 办理人为委托代理人."""
    node = condition.tree if isinstance(condition, Condition) else condition
    return _describe(node, facts, language, negate=False)


def describe_answer(
    fact_id: str, value: AnswerValue, facts: Mapping[str, Fact], language: Language = "zh"
) -> str:
    fact = facts.get(fact_id)
    separator = ": " if language == "en" else "："
    return f"{_short(fact, fact_id, language)}{separator}{describe_value(fact, value, language)}"
