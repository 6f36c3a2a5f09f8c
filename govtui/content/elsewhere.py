"""Matters handled elsewhere: find the ones a query names, so a face can say "not here: go to …"."""

from __future__ import annotations

import re
import unicodedata

from govtui.content.models import Elsewhere, Library

_LATIN_WORD = re.compile(r"[a-z0-9']+")


def _fold(words: str) -> str:
    """Full-width to half-width, lower case: 护照、Passport and ＰＡＳＳＰＯＲＴ alike."""
    return unicodedata.normalize("NFKC", words).lower()


def _names(matter: Elsewhere) -> list[str]:
    return [_fold(name) for name in (matter.name, matter.name_en, *matter.aliases) if name]


def _mentions(query: str, name: str) -> bool:
    """A Chinese name anywhere in the query; a Latin one as whole words ("visa", not "advisa")."""
    if _LATIN_WORD.fullmatch(name.replace(" ", "")) is None:
        return len(name) >= 2 and name in query
    words = _LATIN_WORD.findall(query)
    wanted = _LATIN_WORD.findall(name)
    return any(words[start : start + len(wanted)] == wanted for start in range(len(words)))


def matters_elsewhere(library: Library, query: str) -> list[Elsewhere]:
    """The matters handled elsewhere that the query names, the most specific first."""
    folded = _fold(query)
    scored = []
    for matter in library.elsewhere:
        longest = max((len(name) for name in _names(matter) if _mentions(folded, name)), default=0)
        if longest:
            scored.append((longest, matter))
    scored.sort(key=lambda pair: -pair[0])
    return [matter for _, matter in scored]
