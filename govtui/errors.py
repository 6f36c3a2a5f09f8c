"""Domain errors, each carrying a message a clerk can act on."""

from __future__ import annotations


class GovtuiError(Exception):
    """Base class: the message is shown to the user as it is, never with a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ContentError(GovtuiError):
    """The content cannot be used (missing folder, unreadable files)."""

    exit_code = 2


class UnknownIdError(GovtuiError):
    """No guide, policy or bundle has this id."""

    def __init__(self, wanted: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No guide, policy or bundle has the id '{wanted}'.{hint}")
        self.wanted = wanted
        self.suggestions = suggestions


class UsageError(GovtuiError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class AnswerError(GovtuiError):
    """An answer given on the command line or in a file is not valid."""

    exit_code = 2


class OutputExistsError(GovtuiError):
    """Refusing to overwrite a file without --force."""
