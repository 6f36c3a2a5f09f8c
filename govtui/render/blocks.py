"""The neutral blocks a notice is made of; each print target (text, Markdown, HTML) renders them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from govtui.i18n import Language


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: Literal[1, 2, 3]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; `warning` marks what must not be missed (the guide is not in force)."""

    text: str
    strong: bool = False
    warning: bool = False


@dataclass(frozen=True, slots=True)
class Detail:
    """One line under an entry; `label` (依据, 用于…) is None for a plain description."""

    label: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    title: str
    details: tuple[Detail, ...] = ()
    # Ticked at the counter: the citizen brought it (or signed it) today.
    checked: bool = False


@dataclass(frozen=True, slots=True)
class Entries:
    """Materials to tick off (`checkbox`), or reasons to read."""

    entries: tuple[Entry, ...]
    checkbox: bool


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Pairs:
    """Label and value rows: where to go, the fee, the content's version."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Blanks:
    """Rows to fill in by hand: a known value is printed, an unknown one gets a line to write on."""

    rows: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True, slots=True)
class Signer:
    """One person's line to sign by hand: a long blank after the label, then the date.

    `date_blank` is the date as printed, its runs of "_" the blanks (____年__月__日); `note`
    says when the line applies (代办时填写); `id_number` labels a blank for the signer's ID.
    """

    label: str
    date: str
    date_blank: str
    note: str | None = None
    id_number: str | None = None

    @property
    def heading(self) -> str:
        """The label with its note: 代理人（签字）（代办时填写）, "Agent (signature) (only …)"."""
        if self.note is None:
            return self.label
        # A half-width bracket follows a word after a space; a full-width one needs none.
        return f"{self.label} {self.note}" if self.note.startswith("(") else self.label + self.note


@dataclass(frozen=True, slots=True)
class Signatures:
    """Wet signatures, one signer a line, with room to sign on paper."""

    signers: tuple[Signer, ...]


@dataclass(frozen=True, slots=True)
class CaseCode:
    """The visit's case code: a line of text, and a QR code of it alone where pages are drawn."""

    label: str
    code: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A line across: the end of what the notice tells, before the clerk signs."""


Block = Heading | Paragraph | Entries | Bullets | Pairs | Blanks | Signatures | CaseCode | Rule


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the notice; print targets that know pages keep a `keep_together` one whole."""

    name: str
    blocks: tuple[Block, ...]
    keep_together: bool = False
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class Notice:
    title: str
    language: Language
    sections: tuple[Section, ...]


def colon_for(language: Language) -> str:
    """What follows a label: the full-width colon in Chinese, ": " in English."""
    return ": " if language == "en" else "："
