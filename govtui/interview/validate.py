"""Check and convert answers: types, ranges, dates, ID numbers (GB 11643) and mobile numbers."""

from __future__ import annotations

import datetime
import re

from govtui.content.models import AnswerValue, Fact
from govtui.i18n.phrase import Phrase

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# The province-level codes of GB/T 2260 (the same list as python-stdnum's region table), plus
# 83: 港澳台居民居住证 numbers follow GB 11643 with 810000, 820000 or 830000 (Taiwan residents).
# Only the province is checked: county codes are renamed and retired over the years, and a
# citizen keeps the number issued under the old code.
ID_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
# Older birth dates in a number are typing slips: nobody alive was born before 1900.
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LONGEST_TEXT = 500
_YES = {"y", "yes", "true", "1", "是", "对", "有", "要", "会", "需要", "shi"}
# "2" is 否 as in the TUI, whose yes/no questions number 是 1 and 否 2.
_NO = {"n", "no", "false", "0", "2", "否", "不", "不是", "没有", "无", "不要", "不会", "fou"}


class Invalid(Phrase):
    """Why an answer was refused: a key of the catalogue (`invalid_…`) with its parameters.

    `get(language)` words it for the face that shows it; `zh` and `en` give both.
    """


class AnswerInvalid(ValueError):
    def __init__(self, problem: Invalid) -> None:
        super().__init__(problem.en)
        self.problem = problem


def id_number_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of a citizen ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_id_number(value: str, *, today: datetime.date) -> Invalid | None:
    """None when `value` is a plausible 18-character 公民身份号码 (GB 11643-1999).

    It must have a real province code, a birth date between 1900 and `today` (the date the case
    is dealt with, passed in so the check stays a pure function) and the right check digit.
    15-digit numbers (issued before 1999) are refused: every card in use now has 18.
    """
    value = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return Invalid("invalid_id_number_shape")
    if value[:2] not in ID_PROVINCES:
        return Invalid("invalid_id_number_region", region=value[:6])
    try:
        born = datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return Invalid("invalid_id_number_birth_date", digits=value[6:14])
    if born > today:
        return Invalid("invalid_id_number_born_later", date=born.isoformat())
    if born < EARLIEST_BIRTH_DATE:
        return Invalid(
            "invalid_id_number_born_too_early", date=born.isoformat(), year=EARLIEST_BIRTH_DATE.year
        )
    if id_number_check_digit(value[:17]) != value[17]:
        return Invalid("invalid_id_number_check_digit")
    return None


def check_mobile(value: str) -> Invalid | None:
    digits = re.sub(r"[\s-]", "", value)
    if digits.startswith("+86"):
        digits = digits[3:]
    if not _MOBILE.fullmatch(digits):
        return Invalid("invalid_mobile")
    return None


def _boolean(raw: str) -> bool:
    word = raw.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerInvalid(Invalid("invalid_yes_no"))


def _choice(fact: Fact, raw: str) -> str:
    wanted = raw.strip()
    for index, choice in enumerate(fact.choices, 1):
        if wanted in (choice.value, choice.label.zh, str(index)) or (
            wanted.lower() == choice.label.en.lower()
        ):
            return choice.value
    options = [
        Phrase("invalid_choice_option", number=index, label=choice.label)
        for index, choice in enumerate(fact.choices, 1)
    ]
    raise AnswerInvalid(Invalid("invalid_choice", options=options))


def _number(fact: Fact, raw: str) -> int | float:
    try:
        number = float(raw.strip())
    except ValueError:
        raise AnswerInvalid(Invalid("invalid_number")) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerInvalid(Invalid("invalid_number"))
    if fact.integer and not number.is_integer():
        raise AnswerInvalid(Invalid("invalid_whole_number"))
    unit = Phrase("invalid_unit", unit=fact.unit) if fact.unit else ""
    if fact.minimum is not None and number < fact.minimum:
        raise AnswerInvalid(Invalid("invalid_below_minimum", minimum=fact.minimum, unit=unit))
    if fact.maximum is not None and number > fact.maximum:
        raise AnswerInvalid(Invalid("invalid_above_maximum", maximum=fact.maximum, unit=unit))
    return int(number) if number.is_integer() else number


def parse_date(raw: str) -> datetime.date:
    text = raw.strip()
    match = re.fullmatch(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?", text)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise AnswerInvalid(Invalid("invalid_date"))


def _text(fact: Fact, raw: str, today: datetime.date) -> str:
    value = raw.strip()
    if not value:
        raise AnswerInvalid(Invalid("invalid_empty"))
    if len(value) > _LONGEST_TEXT:
        raise AnswerInvalid(Invalid("invalid_too_long", limit=_LONGEST_TEXT))
    problem = None
    if fact.format == "id_number":
        problem = check_id_number(value, today=today)
        value = value.upper()
    elif fact.format == "mobile":
        problem = check_mobile(value)
        value = re.sub(r"[\s-]", "", value).removeprefix("+86")
    if problem:
        raise AnswerInvalid(problem)
    return value


def parse_answer(fact: Fact, raw: str, *, today: datetime.date) -> AnswerValue:
    """Turn what the clerk typed into a typed answer, or raise AnswerInvalid with both languages.

    `today` is the date the case is dealt with: a birth date in an ID number may not be later.
    """
    if fact.type == "boolean":
        return _boolean(raw)
    if fact.type == "choice":
        return _choice(fact, raw)
    if fact.type == "number":
        return _number(fact, raw)
    if fact.type == "date":
        return parse_date(raw)
    return _text(fact, raw, today)


def coerce_answer(fact: Fact, value: object, *, today: datetime.date) -> AnswerValue:
    """Check an answer that may already be typed (from a YAML answers file) or still be text."""
    if fact.type == "boolean" and isinstance(value, bool):
        return value
    if fact.type == "date" and isinstance(value, datetime.date):
        return value
    if fact.type == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(fact, str(value))
    if isinstance(value, bool | int | float | str):
        raw = value if isinstance(value, str) else str(value).lower()
        return parse_answer(fact, raw, today=today)
    raise AnswerInvalid(Invalid("invalid_unreadable"))
