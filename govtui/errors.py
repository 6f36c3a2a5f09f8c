"""Domain errors: each a catalogue key with parameters, put into the reader's language by a face."""

from __future__ import annotations

from govtui.i18n import Language
from govtui.i18n.phrase import Phrase


class GovtuiError(Exception):
    """Base class: shown to the user as `message(language)`, never with a traceback.

    `GovtuiError("error_key", path=path)` names a string of the catalogue (`govtui/i18n/errors.py`)
    and the values of its `{placeholders}`; `str(error)` is the English message, for logs.
    """

    exit_code = 1

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.phrase = Phrase(key, **params)

    @property
    def key(self) -> str:
        return self.phrase.key

    @property
    def params(self) -> dict[str, object]:
        return self.phrase.params

    def message(self, language: Language) -> str:
        """What went wrong and what to do, in `language`."""
        return self.phrase.get(language)

    def __str__(self) -> str:
        return self.message("en")


class ContentError(GovtuiError):
    """The content cannot be used (missing folder, unreadable files)."""

    exit_code = 2


class UnknownIdError(GovtuiError):
    """No guide, policy or bundle has this id."""


class UsageError(GovtuiError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class AnswerError(GovtuiError):
    """An answer given on the command line or in a file is not valid."""

    exit_code = 2


class OutputExistsError(GovtuiError):
    """Refusing to overwrite a file without --force."""
