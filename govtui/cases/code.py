"""The case code (QH-7K4Q): a short prefix and four characters no one misreads aloud or on paper."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from govtui.errors import UsageError

# No 0/O, 1/I/L: a clerk reads the code off a crumpled slip, or hears it over the counter.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 4
DEFAULT_PREFIX = "QH"
# Letters only, so the prefix never mixes with the code's digits; short, so the code stays short.
PREFIX_PATTERN = re.compile(r"[A-Z]{1,4}")
_CODE_PATTERN = re.compile(rf"([A-Z]{{1,4}})-?([{ALPHABET}]{{{CODE_LENGTH}}})")


def new_case_code(
    prefix: str = DEFAULT_PREFIX, choose: Callable[[str], str] = secrets.choice
) -> str:
    """A fresh code such as QH-7K4Q; `choose` is `secrets.choice` (a test passes a seeded one).

    `secrets`, not `random`: the code names a file in a shared folder, so it must not be
    guessable from the codes before it.
    """
    return f"{prefix}-{''.join(choose(ALPHABET) for _ in range(CODE_LENGTH))}"


def valid_prefix(prefix: str) -> bool:
    return PREFIX_PATTERN.fullmatch(prefix) is not None


def parse_case_code(typed: str) -> str:
    """The code as the clerk typed it (any case, spaces, the dash left out) in its one spelling.

    Raises:
        UsageError: it is not a code of this form.
    """
    squeezed = re.sub(r"\s+", "", typed).upper()
    match = _CODE_PATTERN.fullmatch(squeezed)
    if match is None:
        raise UsageError("error_case_code_form", code=typed.strip(), example="QH-7K4Q")
    return f"{match.group(1)}-{match.group(2)}"
