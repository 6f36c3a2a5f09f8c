"""Reading one spreadsheet cell as what its column means, saying how each odd value was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from govtui.i18n import Language
from govtui.i18n.phrase import Phrase

Severity = Literal["error", "warning", "note"]
DayUnit = Literal["工作日", "自然日"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_POWERS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = r"(\d+|[零〇一二两三四五六七八九十百千]+)"
_DURATION = re.compile(rf"^(?:自受理之日起)?{_NUMBER}\s*个?\s*(工作日|自然日|日|天)?(?:内)?$")
_UNIT_WORDS: dict[str, DayUnit] = {"工作日": "工作日", "自然日": "自然日", "日": "自然日"}
_UNIT_WORDS.update({"天": "自然日", "1": "工作日", "2": "自然日", "W": "工作日", "N": "自然日"})
_YES = {"是", "1", "Y", "y", "yes", "Yes", "true", "TRUE", "√", "必要", "必须", "必备"}
_NO = {"否", "0", "N", "n", "no", "No", "false", "FALSE", "×", "非必要", "非必须", "可选"}


@dataclass(frozen=True, slots=True)
class Note:
    """What an import could not read, or read in a way worth saying, at one place of one file."""

    severity: Severity
    place: str
    phrase: Phrase

    def words(self, language: Language) -> str:
        return f"{self.place}: {self.phrase.get(language)}"


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's text, trimmed, and where it is: `清单.xlsx:事项!F17`."""

    column: str
    value: str
    place: str


@dataclass
class Notes:
    """Every note of one import, in the order found."""

    items: list[Note] = field(default_factory=list)

    def add(self, severity: Severity, place: str, message: str, /, **params: object) -> None:
        """Record a note; `message` is a catalogue key, `params` its placeholders' values."""
        self.items.append(Note(severity, place, Phrase(message, **params)))

    def count(self, severity: Severity) -> int:
        return sum(1 for note in self.items if note.severity == severity)


def chinese_number(text: str) -> int | None:
    """十五 → 15, 二十三 → 23, 一百二十 → 120, 45 → 45; None for anything else."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for character in text:
        if character in _DIGITS:
            digit = _DIGITS[character]
        elif character in _POWERS:
            total += (1 if digit is None else digit) * _POWERS[character]
            digit = None
        else:
            return None
    return total + (digit or 0) if text else None


def whole_number(cell: Cell, notes: Notes, default: int | None = None) -> int | None:
    """A count (份数, 次数): digits, a Chinese number, or `1.0` as a spreadsheet stores it."""
    value = cell.value
    if not value:
        return default
    if re.fullmatch(r"\d+\.0+", value):
        value = value.split(".")[0]
    number = chinese_number(value)
    if number is None:
        notes.add("warning", cell.place, "catalogue_not_a_number", column=cell.column, value=value)
        return default
    if not value.isdigit():
        notes.add(
            "note", cell.place, "catalogue_read_number", column=cell.column, value=value, n=number
        )
    return number


def yes_no(cell: Cell, notes: Notes) -> bool | None:
    """是/否, 1/0 and their spreadsheet spellings; None when empty or unreadable (noted)."""
    value = cell.value.removesuffix(".0")
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    notes.add("warning", cell.place, "catalogue_not_yes_no", column=cell.column, value=cell.value)
    return None


@dataclass(frozen=True, slots=True)
class Duration:
    days: int | None
    unit: DayUnit | None
    words: str | None


def duration(amount: Cell, unit: Cell | None, notes: Notes) -> Duration | None:
    """A 办结时限: `15` with its unit in the next column, `15个工作日`, `十五个工作日`, or words.

    A count without a unit anywhere is taken as working days, and said so.
    """
    value = amount.value.replace(" ", "")
    if not value:
        return None
    if re.fullmatch(r"\d+\.0+", value):
        value = value.split(".")[0]
    matched = _DURATION.match(value)
    if matched is None:
        # Words only (即时办结, 当场办结): kept as the limit's text, nothing to count.
        return Duration(None, None, amount.value)
    days = chinese_number(matched.group(1))
    written_unit = matched.group(2) or (unit.value.removesuffix(".0") if unit else "")
    chosen = _UNIT_WORDS.get(written_unit) if written_unit else None
    if written_unit and chosen is None:
        where = unit.place if unit is not None and unit.value else amount.place
        notes.add("warning", where, "catalogue_unknown_unit", value=written_unit)
    if chosen is None:
        chosen = "工作日"
        notes.add("note", amount.place, "catalogue_unit_assumed", column=amount.column, value=value)
    if not value.isdigit() or matched.group(2):
        notes.add(
            "note",
            amount.place,
            "catalogue_read_days",
            column=amount.column,
            value=amount.value,
            n=days,
            unit=Phrase(
                "catalogue_unit_working" if chosen == "工作日" else "catalogue_unit_calendar"
            ),
        )
    return Duration(days, chosen, None)


def split_list(value: str) -> list[str]:
    """A cell listing several things: by line, or by 、，；, and numbering removed."""
    parts = (
        re.split(r"[\n；;]+", value)
        if re.search(r"[\n；;]", value)
        else re.split(r"[、，,]", value)
    )
    cleaned = [re.sub(r"^\s*(?:\d+[.、)）]|[（(]\d+[）)])\s*", "", part).strip() for part in parts]
    return [part for part in cleaned if part]
