"""What every face calls a document or a search hit: the English name in the English UI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from govtui.i18n import STRINGS, Language, text

if TYPE_CHECKING:  # the models take 30 ms to import, and a cold search needs none of them
    from govtui.content.models import Document


class Titled(Protocol):
    """A search hit as far as its title goes: `govtui.search.Hit`, or the TUI's view of one."""

    @property
    def title(self) -> str: ...
    @property
    def title_en(self) -> str | None: ...


def document_title(document: Document, language: Language) -> str:
    """The English name in the English UI where the content has one, else the Chinese."""
    if language == "en":
        from govtui.content.models import Policy

        english = document.title_en if isinstance(document, Policy) else document.name_en
        if english:
            return english
    return document.title


def heading_title(document: Document, language: Language) -> str:
    """A document's heading: the title in the UI language, then the Chinese one if other."""
    title = document_title(document, language)
    return title if title == document.title else f"{title}  {document.title}"


def hit_title(hit: Titled, language: Language) -> str:
    """A hit's title by the same rule: the index keeps each document's English name beside it."""
    if language == "en" and hit.title_en:
        return hit.title_en
    return hit.title


# Each hit says why it matched as "<field>: <term>"; the field is shown in the UI language when
# the catalogue has a `match_<field>` word for it.
def match_reason(reason: str, language: Language) -> str:
    """ "alias: 低保" as "别名：低保" in the Chinese UI."""
    field, separator, term = reason.partition(": ")
    key = f"match_{field.replace(' ', '_')}"
    if not separator or key not in STRINGS:
        return reason
    label = text(key, language)
    return text("label_value", language, label=label, value=term)
