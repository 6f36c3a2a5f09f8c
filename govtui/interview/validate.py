"""Check and convert answers: types, ranges, dates, ID numbers (GB 11643) and mobile numbers."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from govtui.content.models import AnswerValue, Fact, Language

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_YES = {"y", "yes", "true", "1", "是", "对", "有", "要", "会", "需要", "shi"}
_NO = {"n", "no", "false", "0", "否", "不", "不是", "没有", "无", "不要", "不会", "fou"}


@dataclass(frozen=True, slots=True)
class Invalid:
    """Why an answer was refused, in both UI languages."""

    zh: str
    en: str

    def get(self, language: Language) -> str:
        return self.en if language == "en" else self.zh


class AnswerInvalid(ValueError):
    def __init__(self, problem: Invalid) -> None:
        super().__init__(problem.en)
        self.problem = problem


def id_number_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of a citizen ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_id_number(value: str) -> Invalid | None:
    """None when `value` is a well-formed 18-character 公民身份号码 with a correct check digit."""
    value = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return Invalid(
            "公民身份号码应为18位：前17位是数字，最后一位是数字或X。",
            "A citizen ID number has 18 characters: 17 digits, then a digit or X.",
        )
    try:
        datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return Invalid(
            f"号码中的出生日期 {value[6:14]} 不是有效日期，请核对。",
            f"The birth date {value[6:14]} inside the number is not a real date; check it.",
        )
    if id_number_check_digit(value[:17]) != value[17]:
        return Invalid(
            "公民身份号码校验位不正确，可能有一位输错了，请对照证件核对。",
            "The ID number's check digit does not match; a digit is probably mistyped.",
        )
    return None


def check_mobile(value: str) -> Invalid | None:
    digits = re.sub(r"[\s-]", "", value)
    if digits.startswith("+86"):
        digits = digits[3:]
    if not _MOBILE.fullmatch(digits):
        return Invalid(
            "手机号码应为11位数字，以1开头，第二位是3至9。",
            "A mainland mobile number has 11 digits, starting with 1 and then 3 to 9.",
        )
    return None


def _boolean(raw: str) -> bool:
    word = raw.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerInvalid(Invalid("请回答“是”或“否”。", "Please answer yes or no."))


def _choice(fact: Fact, raw: str) -> str:
    wanted = raw.strip()
    for index, choice in enumerate(fact.choices, 1):
        if wanted in (choice.value, choice.label.zh, str(index)) or (
            wanted.lower() == choice.label.en.lower()
        ):
            return choice.value
    options_zh = "、".join(f"{i}. {c.label.zh}" for i, c in enumerate(fact.choices, 1))
    options_en = ", ".join(f"{i}. {c.label.en}" for i, c in enumerate(fact.choices, 1))
    raise AnswerInvalid(
        Invalid(f"请从以下选项中选择：{options_zh}", f"Please choose one of: {options_en}")
    )


def _number(fact: Fact, raw: str) -> int | float:
    try:
        number = float(raw.strip())
    except ValueError:
        raise AnswerInvalid(Invalid("请输入一个数字。", "Please enter a number.")) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerInvalid(Invalid("请输入一个数字。", "Please enter a number."))
    if fact.integer and not number.is_integer():
        raise AnswerInvalid(Invalid("请输入整数。", "Please enter a whole number."))
    unit_zh = fact.unit.zh if fact.unit else ""
    unit_en = f" {fact.unit.en}" if fact.unit else ""
    if fact.minimum is not None and number < fact.minimum:
        raise AnswerInvalid(
            Invalid(
                f"不能小于 {fact.minimum:g}{unit_zh}。",
                f"Must be at least {fact.minimum:g}{unit_en}.",
            )
        )
    if fact.maximum is not None and number > fact.maximum:
        raise AnswerInvalid(
            Invalid(
                f"不能大于 {fact.maximum:g}{unit_zh}。",
                f"Must be at most {fact.maximum:g}{unit_en}.",
            )
        )
    return int(number) if number.is_integer() else number


def parse_date(raw: str) -> datetime.date:
    text = raw.strip()
    match = re.fullmatch(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?", text)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise AnswerInvalid(
        Invalid(
            "请按“年-月-日”输入日期，例如 2026-03-01。",
            "Enter a date as YYYY-MM-DD, e.g. 2026-03-01.",
        )
    )


def _text(fact: Fact, raw: str) -> str:
    value = raw.strip()
    if not value:
        raise AnswerInvalid(Invalid("不能为空。", "This cannot be empty."))
    if len(value) > 500:
        raise AnswerInvalid(
            Invalid("内容过长（最多500字）。", "Too long (at most 500 characters).")
        )
    problem = None
    if fact.format == "id_number":
        problem = check_id_number(value)
        value = value.upper()
    elif fact.format == "mobile":
        problem = check_mobile(value)
        value = re.sub(r"[\s-]", "", value).removeprefix("+86")
    if problem:
        raise AnswerInvalid(problem)
    return value


def parse_answer(fact: Fact, raw: str) -> AnswerValue:
    """Turn what the clerk typed into a typed answer, or raise AnswerInvalid with both languages."""
    if fact.type == "boolean":
        return _boolean(raw)
    if fact.type == "choice":
        return _choice(fact, raw)
    if fact.type == "number":
        return _number(fact, raw)
    if fact.type == "date":
        return parse_date(raw)
    return _text(fact, raw)


def coerce_answer(fact: Fact, value: object) -> AnswerValue:
    """Check an answer that may already be typed (from a YAML answers file) or still be text."""
    if fact.type == "boolean" and isinstance(value, bool):
        return value
    if fact.type == "date" and isinstance(value, datetime.date):
        return value
    if fact.type == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(fact, str(value))
    if isinstance(value, bool | int | float | str):
        raw = value if isinstance(value, str) else str(value).lower()
        return parse_answer(fact, raw)
    raise AnswerInvalid(Invalid("无法识别这个回答。", "This answer cannot be read."))
