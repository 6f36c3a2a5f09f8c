"""Reading aloud in Mandarin: text to tone-numbered pinyin, spoken by espeak-ng."""

from __future__ import annotations

from govtui.speech.engine import (
    DEFAULT_RATE,
    VOICE,
    Reading,
    SpeechError,
    SpeechUnavailable,
    find_espeak,
    speak,
)
from govtui.speech.spoken import LETTERS, to_pinyin

__all__ = [
    "DEFAULT_RATE",
    "LETTERS",
    "VOICE",
    "Reading",
    "SpeechError",
    "SpeechUnavailable",
    "find_espeak",
    "speak",
    "to_pinyin",
]
