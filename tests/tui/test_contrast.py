"""Elder mode's themes: every text colour on every background it can stand on is at least 4.5:1."""

from __future__ import annotations

import re

import pytest
from textual.color import Color
from textual.theme import Theme

from govtui.tui.themes import ELDER_THEMES, HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT

# The 工信部 适老化 rules (2021) and WCAG 1.4.3 both ask 4.5:1 for ordinary text.
LEAST_CONTRAST = 4.5

# Where text stands: the screen, the surfaces of inputs and lists, the panels of dialogs and the
# footer, and Textual's hover boost over the screen.
BACKGROUNDS = ("background", "surface", "panel", "footer-background", "boost", "surface-active")
# Colours used for text: the foreground and its kin, Textual's text-* set, the six theme colours
# (the tcss writes `color: $accent`, `$secondary`, `$warning`, `$error`, `$success`), and the
# widgets' own text variables.
TEXT_PATTERN = re.compile(
    r"^(foreground(-muted|-disabled)?|text(-.+)?|primary|secondary|accent|warning|error|success"
    r"|footer-(foreground|key-foreground|description-foreground)|button-(color-)?foreground"
    r"|link-color|markdown-h\d-color)$"
)
# Text drawn on its own background, not on the screen's.
OWN_BACKGROUNDS = {
    "block-cursor-foreground": "block-cursor-background",
    "block-cursor-blurred-foreground": "block-cursor-blurred-background",
    "input-cursor-foreground": "input-cursor-background",
    "input-selection-foreground": "input-selection-background",
    "link-color-hover": "link-background-hover",
}


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def resolve(value: str, under: Color) -> Color:
    """A theme value as drawn over `under`: "auto 87%", "#RRGGBBAA" and "#RRGGBB 40%" blended."""
    words = value.split()
    alpha = float(words[1].rstrip("%")) / 100 if len(words) == 2 else 1.0
    if words[0] == "auto":
        color = under.get_contrast_text(alpha)
    elif words[0] == "transparent":
        color = Color(0, 0, 0, 0)
    else:
        color = Color.parse(words[0]).multiply_alpha(alpha)
    return under.blend(color, color.a, alpha=1.0) if color.a < 1 else color


def text_pairs(theme: Theme) -> list[tuple[str, str, float]]:
    """Every (text, background, contrast) the theme can draw."""
    variables = theme.to_color_system().generate()
    screen = Color.parse(variables["background"])
    grounds = {name: resolve(variables[name], screen) for name in BACKGROUNDS}
    pairs: list[tuple[str, str, float]] = []
    for name, value in sorted(variables.items()):
        if name in OWN_BACKGROUNDS:
            ground = resolve(variables[OWN_BACKGROUNDS[name]], screen)
            color = resolve(value, ground)
            pairs.append((name, OWN_BACKGROUNDS[name], contrast(color, ground)))
        elif TEXT_PATTERN.match(name) and value not in ("transparent", "initial"):
            for ground_name, ground in grounds.items():
                pairs.append((name, ground_name, contrast(resolve(value, ground), ground)))
    return pairs


@pytest.mark.parametrize("theme", ELDER_THEMES, ids=lambda theme: theme.name)
def test_every_text_colour_of_elder_mode_is_at_least_4_5_to_1(theme: Theme) -> None:
    pairs = text_pairs(theme)
    assert len(pairs) > 100  # the pattern really found the theme's text colours
    too_faint = [
        f"{text} on {ground}: {ratio:.2f}"
        for text, ground, ratio in pairs
        if ratio < LEAST_CONTRAST
    ]
    assert too_faint == []


def test_the_check_catches_what_the_everyday_themes_leave_faint() -> None:
    # Disabled text at Textual's 38 % is about 3:1: the test would have caught it in elder mode.
    faint = {
        (text, ground)
        for theme in (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)
        for text, ground, ratio in text_pairs(theme)
        if ratio < LEAST_CONTRAST
    }
    assert ("text-disabled", "background") in faint


def test_contrast_matches_the_wcag_examples() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast(Color(0x77, 0x77, 0x77), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
