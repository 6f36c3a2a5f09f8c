"""Type a scalar's source text by one strict grammar, refusing what YAML 1.1 and 1.2 read apart."""

from __future__ import annotations

import datetime
import re

_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)")
_PREFIXED = re.compile(r"[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+(?:\.[0-9_]*)?")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
# PyYAML's YAML 1.1 base-60 forms: 8:30 is 510, 1:30.5 is 90.5.
_SEXAGESIMAL = re.compile(
    r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
)
_UNDERSCORED = re.compile(r"[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?")
_EXPONENT = re.compile(r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:.*")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# Yes/no values in YAML 1.1 only: YAML 1.2, and many readers, take them as words.
_YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})


class ScalarError(ValueError):
    """A scalar that does not fit the type its field asks for; the message says what to write."""


def integer(text: str) -> int:
    """A whole number in plain decimal digits."""
    if _INTEGER.fullmatch(text):
        return int(text)
    raise ScalarError(_number_problem(text, "a whole number"))


def number(text: str) -> int | float:
    """A number in plain decimal digits: an int when written without a point, else a float."""
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    raise ScalarError(_number_problem(text, "a number"))


def _number_problem(text: str, expected: str) -> str:
    digits = text.replace("_", "")
    if _PREFIXED.fullmatch(text):
        return f"'{text}' is not in decimal digits; write it as {int(digits, 0)}"
    if _LEADING_ZERO.fullmatch(text):
        plain = _without_leading_zeros(digits)
        if _OCTAL.fullmatch(text):
            return (
                f"'{text}' is ambiguous: YAML 1.1 reads a leading zero as octal "
                f"({int(digits, 8)}), YAML 1.2 as {plain}; write {plain}"
            )
        return f"'{text}' has a leading zero; write {plain}"
    if _SEXAGESIMAL.fullmatch(text):
        return (
            f"'{text}' is ambiguous: YAML 1.1 reads it as a base-60 number (as in a time), "
            f"YAML 1.2 as text; write {expected} in plain digits"
        )
    if "_" in text and _UNDERSCORED.fullmatch(text):
        return (
            f"'{text}' is ambiguous: YAML 1.1 reads it as a number, YAML 1.2 as text; "
            f"write {digits} without underscores"
        )
    if _EXPONENT.fullmatch(text):
        return (
            f"'{text}' is ambiguous: YAML 1.1 and 1.2 read exponents differently; "
            f"write {expected} in plain digits"
        )
    if _SPECIAL_FLOAT.fullmatch(text):
        return f"'{text}' is not a finite number; write {expected} in plain digits"
    return f"expected {expected}, found '{text}'"


def _without_leading_zeros(text: str) -> str:
    sign = text[0] if text[0] in "+-" else ""
    whole, point, fraction = text.lstrip("+-").partition(".")
    return f"{sign}{whole.lstrip('0') or '0'}{point}{fraction}"


def boolean(text: str) -> bool:
    """true or false; yes, no, on and off are refused because YAML 1.1 and 1.2 disagree on them."""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text.lower() in _YAML11_BOOLEANS:
        raise ScalarError(
            f"'{text}' is ambiguous: YAML 1.1 reads it as a yes/no value, YAML 1.2 as text; "
            "write true or false"
        )
    raise ScalarError(f"expected true or false, found '{text}'")


def date(text: str) -> datetime.date:
    """A calendar date written YYYY-MM-DD."""
    if _DATE.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ScalarError(f"'{text}' is not a day of the calendar") from None
    if _TIMESTAMP.fullmatch(text):
        raise ScalarError(f"'{text}' has a time of day; write the date alone as YYYY-MM-DD")
    raise ScalarError(f"expected a date as YYYY-MM-DD, found '{text}'")
