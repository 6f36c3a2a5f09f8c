"""The app's themes: high contrast for every day, and solid colours for elder mode (适老化)."""

from __future__ import annotations

import dataclasses

from textual.theme import Theme

# High contrast for elderly eyes: white on black, one strong yellow for focus and keys.
HIGH_CONTRAST_DARK = Theme(
    name="govtui-dark",
    primary="#FFD700",
    secondary="#5FD7FF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    success="#5FFF87",
    warning="#FFAF00",
    error="#FF5F5F",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD700",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#FFD700",
        "input-selection-background": "#5FD7FF 40%",
    },
)
# The same idea for bright village halls, where a dark screen reflects the windows.
HIGH_CONTRAST_LIGHT = Theme(
    name="govtui-light",
    primary="#00005F",
    secondary="#005F87",
    accent="#AF0000",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E4E4E4",
    success="#005F00",
    warning="#875F00",
    error="#AF0000",
    dark=False,
    variables={
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#00005F",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#AF0000",
    },
)

# Textual draws muted, disabled and placeholder text as the foreground at 38-60 % opacity, about
# 3:1 on black; the 工信部 rules ask 4.5:1 for all text, so elder mode names a solid colour for
# each of them, still a step below the foreground so disabled options look disabled.
_ELDER_DARK_TEXT = {
    "text": "#FFFFFF",
    "text-muted": "#E4E4E4",
    "text-disabled": "#BCBCBC",
    "foreground-muted": "#E4E4E4",
    "foreground-disabled": "#BCBCBC",
    "button-color-foreground": "#FFFFFF",
    "link-color": "#FFFFFF",
    "link-color-hover": "#000000",
    "markdown-h6-color": "#FFFFFF",
    "block-cursor-blurred-foreground": "#FFFFFF",
    "block-cursor-blurred-background": "#5F5F00",
}
_ELDER_LIGHT_TEXT = {
    "text": "#000000",
    "text-muted": "#1C1C1C",
    "text-disabled": "#4E4E4E",
    "foreground-muted": "#1C1C1C",
    "foreground-disabled": "#4E4E4E",
    "button-color-foreground": "#000000",
    "link-color": "#000000",
    "link-color-hover": "#FFFFFF",
    "markdown-h6-color": "#000000",
    "block-cursor-blurred-foreground": "#000000",
    "block-cursor-blurred-background": "#D7D7FF",
}

ELDER_DARK = dataclasses.replace(
    HIGH_CONTRAST_DARK,
    name="govtui-elder-dark",
    # Brighter than the everyday red: #FF5F5F is only 4.6:1 on the dialogs' panel grey.
    error="#FF8787",
    variables={
        **HIGH_CONTRAST_DARK.variables,
        **_ELDER_DARK_TEXT,
        "input-selection-background": "#005F87",
    },
)
ELDER_LIGHT = dataclasses.replace(
    HIGH_CONTRAST_LIGHT,
    name="govtui-elder-light",
    # Darker than the everyday brown, which is only just 4.5:1 on the dialogs' panel grey.
    warning="#6F4E00",
    variables={
        **HIGH_CONTRAST_LIGHT.variables,
        **_ELDER_LIGHT_TEXT,
        "input-selection-background": "#AFD7FF",
    },
)

THEMES: tuple[Theme, ...] = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, ELDER_DARK, ELDER_LIGHT)
ELDER_THEMES: tuple[Theme, ...] = (ELDER_DARK, ELDER_LIGHT)


def theme_name(*, elder: bool, dark: bool) -> str:
    """The theme for a mode: elder or everyday, dark or light."""
    if elder:
        return ELDER_DARK.name if dark else ELDER_LIGHT.name
    return HIGH_CONTRAST_DARK.name if dark else HIGH_CONTRAST_LIGHT.name


def is_dark(name: str) -> bool:
    return name in (HIGH_CONTRAST_DARK.name, ELDER_DARK.name)
