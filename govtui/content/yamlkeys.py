"""Marks on model fields for what a field's type alone does not say about its YAML key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Final

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FACT_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Final = _Required()
"""The default of a key that must be written."""


# Identity equality keeps a Key hashable whatever its default is (a typing Annotated is hashed).
@dataclass(frozen=True, eq=False, slots=True)
class Key:
    """A field's YAML key where it differs from the attribute, and its default where it may be
    left out. Without a Key, a field is optional when its type allows None (default None) or is
    bool (default false), and required otherwise."""

    name: str | None = None
    default: object = REQUIRED
    single: bool = False
    """True when one item may be written on its own instead of a list of one."""


@dataclass(frozen=True, slots=True)
class AtLeast:
    """The smallest whole number an integer field accepts."""

    minimum: int


Slug = Annotated[str, SLUG]
"""A kebab-case id: guides, policies, bundles, materials, offices, categories."""

FactId = Annotated[str, FACT_ID]
"""A snake_case fact id, as conditions name it."""
