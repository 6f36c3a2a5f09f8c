"""One string catalogue in zh-Hans and English, filed by area; `text(key, language)` picks one.

Every user-facing word lives here, errors included: a face never writes its own prose. The
areas (`ui`, `outcome`, `errors`, `commands`) are files of the same catalogue, so people
working on different faces do not edit one long file; a key defined in two areas is an error at
import.
"""

from __future__ import annotations

import datetime
from typing import Literal

from govtui.i18n.cases import CASES
from govtui.i18n.catalogue import CATALOGUE
from govtui.i18n.commands import COMMANDS
from govtui.i18n.elder import ELDER
from govtui.i18n.errors import ERRORS
from govtui.i18n.events import EVENTS
from govtui.i18n.outcome import OUTCOME
from govtui.i18n.paper import PAPER
from govtui.i18n.releases import RELEASES
from govtui.i18n.serve import SERVE
from govtui.i18n.situations import SITUATIONS
from govtui.i18n.speech import SPEECH
from govtui.i18n.ui import UI

Language = Literal["zh", "en"]


def _merge(*areas: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in areas:
        clash = merged.keys() & area.keys()
        if clash:
            raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(area)
    return merged


STRINGS: dict[str, tuple[str, str]] = _merge(
    UI,
    OUTCOME,
    ERRORS,
    COMMANDS,
    CATALOGUE,
    RELEASES,
    EVENTS,
    SITUATIONS,
    PAPER,
    CASES,
    SERVE,
    ELDER,
    SPEECH,
)


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(day: datetime.date, language: Language = "zh") -> str:
    """A date as a citizen reads it: 2026年12月17日, or 17 December 2026."""
    if language == "en":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def text(key: str, language: Language = "zh", /, **values: object) -> str:
    """The UI string for `key` in `language`, with `{name}` placeholders filled in.

    Where `n` is 1 and a `<key>_one` string exists, that one is used (English says "one visit").
    """
    if values.get("n") == 1 and f"{key}_one" in STRINGS:
        key = f"{key}_one"
    zh, en = STRINGS[key]
    chosen = en if language == "en" else zh
    return chosen.format(**values) if values else chosen
