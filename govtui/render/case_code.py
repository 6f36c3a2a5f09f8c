"""The case code's format, checked before one is printed or drawn as a QR code."""

from __future__ import annotations

import re

CASE_CODE_MAXIMUM = 16
# ASCII only: a code is read aloud and typed at another window, and `str.isalnum` lets 张 in.
_CASE_CODE = re.compile(r"[A-Za-z0-9]+-[A-Za-z0-9]+")


def valid_case_code(code: str) -> bool:
    """Letters and digits with one hyphen between them (QH-7K4Q), at most 16 characters."""
    return len(code) <= CASE_CODE_MAXIMUM and _CASE_CODE.fullmatch(code) is not None
