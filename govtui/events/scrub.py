"""Personal data out of free text: ID numbers, mobile numbers and names after 我叫 / 本人."""

from __future__ import annotations

import re

# Digits may be typed in groups (110105 19491231 002X); a separator is one space or hyphen.
_GAP = r"[ \-]?"
_ID_18 = re.compile(rf"(?<![\dA-Za-z])\d{{6}}{_GAP}\d{{8}}{_GAP}\d{{3}}[\dXx](?![\dA-Za-z])")
_ID_15 = re.compile(rf"(?<![\dA-Za-z])\d{{6}}{_GAP}\d{{6}}{_GAP}\d{{3}}(?![\dA-Za-z])")
_MOBILE = re.compile(rf"(?<!\d)(?:\+?86{_GAP})?1[3-9]\d{_GAP}\d{{4}}{_GAP}\d{{4}}(?!\d)")
# A name follows 我叫 or 本人 (…是, …叫, …姓名): two to four Han characters. Over-removing a word
# of a reason is the safe error; keeping a name is not. After a bare 本人 the common verbs and
# adverbs (本人觉得, 本人不满意) are words, not names: no surname is written so.
_NOT_A_NAME = "觉得|认为|感觉|希望|表示|需要|申请|今天|不|对|很|非常|想|要|已|在|去|的|也|都|办"
_NAME = re.compile(rf"(我叫|本人(?:是|叫|姓名[:：]?|(?!{_NOT_A_NAME})))\s*[\u4e00-\u9fff·]{{2,4}}")

# Full-width digits, X and + are folded to ASCII, so １３８… is caught; the rest stays as typed.
_FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + digit): str(digit) for digit in range(10)}
    | {"Ｘ": "X", "ｘ": "x", "＋": "+", "－": "-", "\u3000": " "}
)

ID_NUMBER_MARK = "〔证件号〕"
MOBILE_MARK = "〔手机号〕"
NAME_MARK = "〔姓名〕"


def scrub(value: str) -> str:
    """`value` with every ID number, mobile number and introduced name replaced by a mark.

    Full-width digits are folded to ASCII first, so １３８… is caught as well.
    """
    folded = value.translate(_FULL_WIDTH)
    folded = _ID_18.sub(ID_NUMBER_MARK, folded)
    folded = _ID_15.sub(ID_NUMBER_MARK, folded)
    folded = _MOBILE.sub(MOBILE_MARK, folded)
    return _NAME.sub(lambda match: match.group(1) + NAME_MARK, folded)


def scrub_optional(value: str | None) -> str | None:
    """`scrub` for an optional field; blank text is no text."""
    if value is None:
        return None
    cleaned = scrub(value).strip()
    return cleaned or None
