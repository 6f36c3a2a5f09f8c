"""zh-Hans text to the tone-numbered pinyin that espeak-ng's cmn-latn-pinyin voice reads."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from pypinyin import Style, lazy_pinyin

# A sentence pause. espeak-ng 1.51 takes "." as the end of a sentence only when the next word
# does not start with a lowercase letter (its abbreviation rule), and every pinyin syllable does;
# the "," after it is swallowed by the full stop, so ". ," reads as one sentence pause.
SENTENCE_PAUSE: Final = ". ,"
# A clause pause: "," is honoured as it is.
CLAUSE_PAUSE: Final = ","

# Latin letters by the names Chinese speakers give them (the 汉语拼音字母 names are unknown to
# most elderly listeners; these are the English names as said in Mandarin), in pinyin so the voice
# never switches language. The voice reads a bare "a" or "x" as its own syllable, so every letter
# gets a full syllable with a tone.
LETTERS: Final[dict[str, str]] = {
    "a": "ei1",
    "b": "bi4",
    "c": "xi1",
    "d": "di4",
    "e": "yi4",
    "f": "ai2 fu1",
    "g": "ji4",
    "h": "ai2 qi1",
    "i": "ai4",
    "j": "jie4",
    "k": "kai4",
    "l": "ai2 le5",
    "m": "ai2 mu5",
    "n": "en1",
    "o": "ou1",
    "p": "pi4",
    "q": "qiu1",
    "r": "a1 er4",
    "s": "ai2 si1",
    "t": "ti4",
    "u": "you1",
    "v": "wei1",
    "w": "da2 bu5 liu3",
    "x": "ai2 ke4 si1",
    "y": "wai4",
    "z": "zei4",
}

DIGITS: Final = ("ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3")
_UNITS: Final = ("", "shi2", "bai3", "qian1")

# Han characters (the BMP blocks and the supplementary planes pypinyin knows) and 〇.
_HAN = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(
    rf"(?P<han>[{_HAN}]+)"
    r"|(?P<number>[0-9]+(?:\.[0-9]+)?)(?P<percent>\s*%)?"
    r"|(?P<latin>[A-Za-z]+)"
    r"|(?P<sentence>[.!?。！？…\n]+)"
    r"|(?P<clause>[,;:，、；：]+)"
    r"|(?P<hyphen>(?<=[0-9A-Za-z])-(?=[0-9A-Za-z]))"
)
# A syllable as the voice reads it: pypinyin writes ü as "v" in TONE3. Anything else it returns
# (a character it has no reading for, "ê") is dropped rather than sent.
_SYLLABLE = re.compile(r"[a-z]+[1-5]")
_YEAR_AFTER = re.compile(r"\s*年")


def _digits(number: str) -> list[str]:
    return [DIGITS[int(digit)] for digit in number]


def _below_ten_thousand(value: int) -> list[str]:
    """1 to 9999 as a cardinal: 15 shi2 wu3, 105 yi1 bai3 ling2 wu3, 300 san1 bai3."""
    words: list[str] = []
    places = [int(d) for d in f"{value:04d}"]
    pending_zero = False
    for index, digit in enumerate(places):
        unit = _UNITS[3 - index]
        if digit == 0:
            pending_zero = bool(words)
            continue
        if pending_zero:
            words.append(DIGITS[0])
            pending_zero = False
        # 10 to 19 are 十, 十五: nobody says 一十五 at the start of a number.
        if not (unit == "shi2" and digit == 1 and not words):
            words.append(DIGITS[digit])
        if unit:
            words.append(unit)
    return words


def _cardinal(value: int) -> list[str]:
    """0 to 99 999 999 as a cardinal (万 for the upper four digits)."""
    if value == 0:
        return [DIGITS[0]]
    high, low = divmod(value, 10_000)
    words: list[str] = []
    if high:
        words += _below_ten_thousand(high) + ["wan4"]
        # 10 005 is 一万零五: a zero is said where the lower four digits have a gap at the top.
        if 0 < low < 1000:
            words.append(DIGITS[0])
    if low:
        words += _below_ten_thousand(low)
    return words


def _number(text: str, start: int, end: int, number: str, percent: bool) -> list[str]:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    # Next to a letter (QH-7K4Q), a number is part of a code; with a leading zero (0971) it is a
    # dialling code or a serial; 5+ digits are phones and IDs; a year is said digit by digit.
    in_code = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
    if "." in number:
        whole, fraction = number.split(".")
        words = _number_words(whole, in_code) + ["dian3"] + _digits(fraction)
    elif percent:
        # 100000% is a cardinal too: nobody reads a percentage digit by digit.
        words = _cardinal(int(number)) if len(number) <= 8 else _digits(number)
    elif len(number) == 4 and _YEAR_AFTER.match(text, end):
        words = _digits(number)
    else:
        words = _number_words(number, in_code)
    return (["bai3", "fen1", "zhi1"] + words) if percent else words


def _number_words(number: str, in_code: bool) -> list[str]:
    if in_code or len(number) >= 5 or (len(number) > 1 and number.startswith("0")):
        return _digits(number)
    return _cardinal(int(number))


def _han(run: str) -> list[str]:
    # The whole run at once, so pypinyin sees phrases (银行 hang2, 重新 chong2).
    readings = lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
    return [syllable for syllable in readings if _SYLLABLE.fullmatch(syllable)]


def to_pinyin(text: str) -> str:
    """`text` as space-separated pinyin syllables with tone numbers, and "," / "." pauses.

    Han is read by pypinyin; numbers as cardinals, or digit by digit for years, codes, phones and
    IDs; Latin letters one by one by `LETTERS`; sentence and clause punctuation become pauses;
    every other character is dropped. The result holds only a-z, 0-9, space, "," and ".".
    """
    # NFKC turns full-width digits, letters and ％ into ASCII, which the patterns expect.
    text = unicodedata.normalize("NFKC", text)
    pieces: list[str] = []  # syllables, and pause marks

    def pause(mark: str) -> None:
        # A pause needs something before it; of two in a row the sentence pause wins.
        if not pieces:
            return
        if pieces[-1] in (CLAUSE_PAUSE, SENTENCE_PAUSE):
            if mark == SENTENCE_PAUSE:
                pieces[-1] = mark
            return
        pieces.append(mark)

    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if match.group("han"):
            pieces += _han(match.group("han"))
        elif match.group("number"):
            number = match.group("number")
            pieces += _number(
                text, match.start(), match.end("number"), number, bool(match.group("percent"))
            )
        elif match.group("latin"):
            for letter in match.group("latin").lower():
                pieces += LETTERS[letter].split()
        elif kind == "sentence":
            pause(SENTENCE_PAUSE)
        elif kind in ("clause", "hyphen"):
            pause(CLAUSE_PAUSE)
    while pieces and pieces[-1] in (CLAUSE_PAUSE, SENTENCE_PAUSE):
        pieces.pop()

    spoken = ""
    for piece in pieces:
        if piece in (CLAUSE_PAUSE, SENTENCE_PAUSE):
            spoken += piece
        else:
            spoken += (" " if spoken else "") + piece
    return spoken
