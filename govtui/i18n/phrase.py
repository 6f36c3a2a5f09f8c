"""A catalogue key with its parameters, put into words only once the reader's language is known."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from govtui.i18n import Language, text


@runtime_checkable
class Bilingual(Protocol):
    """Words already in both languages: a Phrase, or a content string such as a fact's unit."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...

    def get(self, language: Language) -> str: ...


class Phrase:
    """`text(key, language, **params)`, deferred: errors are raised before anyone knows who reads.

    A parameter that is itself bilingual (a Phrase, a content `Text`) is put into the same
    language; a list or tuple is joined with that language's list separator.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def get(self, language: Language) -> str:
        """The words in `language`."""
        return text(
            self.key,
            language,
            **{name: _in_words(value, language) for name, value in self.params.items()},
        )

    @property
    def zh(self) -> str:
        return self.get("zh")

    @property
    def en(self) -> str:
        return self.get("en")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"{type(self).__name__}({self.key!r}{params})"


def _in_words(value: object, language: Language) -> object:
    # A Phrase first: on Python 3.11 the protocol check reads the properties, rendering it twice.
    if isinstance(value, Phrase | Bilingual):
        return value.get(language)
    if isinstance(value, list | tuple):
        return _joined(value, language)
    return value


def _joined(values: Iterable[object], language: Language) -> str:
    return text("list_separator", language).join(str(_in_words(v, language)) for v in values)
