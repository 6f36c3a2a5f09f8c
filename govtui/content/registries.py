"""Read the shared registries: facts, synonyms, situations, the locality, calendar, categories."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from govtui.content.calendar import CalendarYear, WorkingCalendar
from govtui.content.models import (
    Category,
    Elsewhere,
    Fact,
    Locality,
    Situations,
    SynonymGroup,
    frozen_mapping,
)
from govtui.content.records import Vocabulary
from govtui.content.yamlreader import Cursor

T = TypeVar("T")

REGISTRIES = Vocabulary()
# `short` defaults to the label; `note` is for the people who write the registry, not the UI.
_FACT = REGISTRIES.shape(Fact, defaults={"short": None}, readers={"note": Cursor.text})
_CALENDAR_YEAR = REGISTRIES.shape(
    CalendarYear, readers={"year": lambda cursor: cursor.integer(minimum=2000)}
)
# The keys that only one type of fact may have.
_KEYS_OF_TYPE = (
    ("min", "number"),
    ("max", "number"),
    ("integer", "number"),
    ("unit", "number"),
    ("format", "text"),
    ("yes", "boolean"),
    ("no", "boolean"),
)


def _fact(cursor: Cursor) -> Fact:
    record = _FACT.read(cursor)
    fact_type = record.get("type")
    if fact_type == "choice" and not record.get("choices") and not record.failed:
        record.need("choices", "a choice fact needs choices")
    if fact_type != "choice" and "choices" in record:
        record.refuse("choices", "only a choice fact has choices")
    for key, allowed_type in _KEYS_OF_TYPE:
        if key in record and fact_type != allowed_type:
            record.refuse(key, f"'{key}' belongs only to a {allowed_type} fact")
    if record.get("short") is None:
        record.values["short"] = record.get("label")
    return record.build()


def _calendar_year(cursor: Cursor) -> CalendarYear:
    record = _CALENDAR_YEAR.read(cursor)
    year = record.get("year")
    for key in ("rest_days", "working_days"):
        for day in record.get(key) or ():
            if day.year != year:
                record.entries.children[key].warn(f"{day.isoformat()} is not in {year}")
    return record.build()


def read_calendar(cursor: Cursor) -> WorkingCalendar:
    fields = cursor.mapping(["years"])
    years = fields.read("years", lambda c: c.list_of(_calendar_year))
    fields.done()
    return WorkingCalendar(frozen_mapping({year.year: year for year in years}))


def _list_file(key: str, read: Callable[[Cursor], T]) -> Callable[[Cursor], tuple[T, ...]]:
    """A registry file that is one list under one key, as `facts:` or `synonyms:`."""

    def read_file(cursor: Cursor) -> tuple[T, ...]:
        fields = cursor.mapping([key])
        items = fields.read(key, lambda c: c.list_of(read))
        fields.done()
        return items

    return read_file


read_facts = _list_file("facts", _fact)
read_synonyms = _list_file("synonyms", REGISTRIES.shape(SynonymGroup))
read_categories = _list_file("categories", REGISTRIES.shape(Category))
read_situations = _list_file("situations", REGISTRIES.shape(Situations))
read_elsewhere = _list_file("elsewhere", REGISTRIES.shape(Elsewhere))
read_locality = REGISTRIES.shape(Locality)
