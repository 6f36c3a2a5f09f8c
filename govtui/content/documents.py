"""Read the documents (guides, bundles, policies) and the parts only they hold."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from govtui.content.conditions import Condition, ConditionSyntaxError, parse_condition
from govtui.content.models import (
    AnswerValue,
    Bundle,
    Guide,
    Material,
    Policy,
    TimeLimit,
    frozen_mapping,
)
from govtui.content.records import Vocabulary
from govtui.content.yamlreader import Cursor, Invalid


def condition(cursor: Cursor) -> Condition:
    """A condition in the safe language; its source is the text as written."""
    source = cursor.text()
    try:
        return parse_condition(source)
    except ConditionSyntaxError as error:
        raise cursor.fail(
            f"malformed condition {source!r}: {error.message} (at character {error.offset + 1})"
        ) from None


def _answer(cursor: Cursor, fact_id: str) -> AnswerValue:
    """An example's answer, typed by the fact it answers: text stays as written."""
    if cursor.is_null():
        raise cursor.fail("an answer needs a value; leave an unanswered fact out")
    fact_type = cursor.source.fact_types.get(fact_id)
    if fact_type == "boolean":
        return cursor.boolean()
    if fact_type == "number":
        return cursor.numeric()
    if fact_type == "date":
        return cursor.date()
    # A choice, a text, or a fact no file defines (lint names it): the text as written.
    return cursor.text()


def _answers(cursor: Cursor) -> Mapping[str, AnswerValue]:
    answers: dict[str, AnswerValue] = {}
    for fact_id, child in cursor.entries().items():
        try:
            answers[fact_id] = _answer(child, fact_id)
        except Invalid:
            continue
    return frozen_mapping(answers)


def _codes(cursor: Cursor) -> Mapping[str, str]:
    fields = cursor.mapping([], ["basic", "implementation"])
    return frozen_mapping({key: fields.read(key, Cursor.text) for key in fields.children})


DOCUMENTS = Vocabulary({Condition: condition, Mapping[str, AnswerValue]: _answers})
_MATERIAL = DOCUMENTS.shape(Material)
_TIME_LIMIT = DOCUMENTS.shape(TimeLimit)
read_guide = DOCUMENTS.shape(Guide, readers={"codes": _codes})
read_policy = DOCUMENTS.shape(Policy)


def _material(cursor: Cursor) -> Material:
    record = _MATERIAL.read(cursor)
    state = record.get("state")
    if state == "deferrable" and not record.given("defer_days"):
        record.need("defer_days", "a deferrable (容缺) material needs defer_days")
    if state != "deferrable" and "defer_days" in record:
        record.refuse("defer_days", "defer_days belongs only to state: deferrable (容缺)")
    if state == "commitment" and not record.given("commitment"):
        record.need(
            "commitment", "a commitment (告知承诺) material needs the commitment text to sign"
        )
    if state != "commitment" and "commitment" in record:
        record.refuse("commitment", "commitment belongs only to state: commitment (告知承诺)")
    return record.build()


def _time_limit(cursor: Cursor) -> TimeLimit:
    """A limit is words only (`legal: 即时办结`) or a count with its unit, words and basis."""
    if cursor.is_scalar():
        return TimeLimit(None, None, cursor.text(), None, (), cursor.where)
    record = _TIME_LIMIT.read(cursor)
    if record.get("days") is not None and not record.given("unit"):
        record.need("unit", "a limit in days needs its unit: 工作日 or 自然日")
    if not record.given("days") and not record.given("text"):
        record.need("", "a time limit needs days (with unit) or text, or both")
    return record.build()


DOCUMENTS.use(Material, _material)
DOCUMENTS.use(TimeLimit, _time_limit)


def _member(cursor: Cursor) -> tuple[str, Condition | None]:
    """A bundle member: a guide id, or `{guide: id, when: condition}` for one not always needed."""
    if isinstance(cursor.node, yaml.ScalarNode):
        return cursor.slug(), None
    fields = cursor.mapping(["guide", "when"])
    member = (fields.read("guide", Cursor.slug), fields.read("when", condition))
    fields.done()
    return member


_BUNDLE = DOCUMENTS.shape(
    Bundle,
    readers={"guides": lambda cursor: cursor.list_of(_member)},
    computed=("member_conditions",),
)


def read_bundle(cursor: Cursor) -> Bundle:
    record = _BUNDLE.read(cursor)
    members: tuple[tuple[str, Condition | None], ...] = record.get("guides") or ()
    record.values["guides"] = tuple(guide for guide, _ in members)
    conditions = {guide: when for guide, when in members if when is not None}
    return record.build(member_conditions=frozen_mapping(conditions))
