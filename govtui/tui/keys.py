"""Key bindings whose footer text follows the UI language at run time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding, BindingType

from govtui.i18n import Language, text

LANGUAGES: tuple[Language, ...] = ("zh", "en")
# Textual passes an action only as many parameters as its method takes, so this trailing marker
# never reaches the method; `check_action` reads it to keep one twin of each binding.
_MARKER = "ui-language:"


@dataclass(frozen=True, slots=True)
class Key:
    """One binding: keys, action, an i18n key for its description, and how the footer shows it."""

    keys: str
    action: str
    label: str
    show: bool = True
    key_display: str | None = None
    priority: bool = False


def _with_language(action: str, language: Language) -> str:
    marker = f"'{_MARKER}{language}'"
    if action.endswith(")"):
        opening = action.index("(")
        inside = action[opening + 1 : -1].strip()
        return f"{action[: opening + 1]}{inside + ', ' if inside else ''}{marker})"
    return f"{action}({marker})"


def bilingual(*keys: Key) -> list[BindingType]:
    """Each binding once per UI language; `language_allows` hides the twin of the other language.

    Textual's footer, help panel and command palette all read a binding's description, and that
    description is fixed when the binding is made, so each language gets its own binding.
    """
    return [
        Binding(
            key.keys,
            _with_language(key.action, language),
            text(key.label, language),
            show=key.show,
            key_display=key.key_display,
            priority=key.priority,
        )
        for key in keys
        for language in LANGUAGES
    ]


def is_bilingual(binding: Binding) -> bool:
    """True for a binding `bilingual` made: one of govtui's own, not a Textual widget's."""
    return _MARKER in binding.action


def language_allows(parameters: tuple[Any, ...], language: Language) -> bool:
    """False for the twin of a binding that belongs to the other UI language."""
    if parameters and isinstance(parameters[-1], str) and parameters[-1].startswith(_MARKER):
        return bool(parameters[-1] == f"{_MARKER}{language}")
    return True
