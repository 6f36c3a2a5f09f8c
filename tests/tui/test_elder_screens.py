"""Elder mode as drawn: every character on every screen stands at least 4.5:1 on its background.

The theme test checks the colours a theme defines; this one reads what the screens really draw
(tcss rules, component styles, dim and blended text) from Textual's own screenshot.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from textual.color import Color
from textual.pilot import Pilot

from govtui.tui.app import GovTuiApp
from tests.tui.conftest import SIZE, type_text
from tests.tui.test_contrast import LEAST_CONTRAST, contrast
from tests.tui.test_flows import open_allowance_checklist, open_allowance_interview

CELL_WIDTH = 12.2  # Rich's SVG: one terminal column
# Lines and blocks draw borders, bars and scrollbars, not text to read.
DRAWING = re.compile(r"[\u2500-\u259f\u25a0-\u25ff\s]")


def faint_text(svg: str) -> tuple[int, list[str]]:
    """How many runs of readable text were checked, and each drawn below 4.5:1, with its ratio."""
    fills = {
        name: Color.parse(value)
        for name, value in re.findall(r"\.(terminal-(?:\d+-)?r\d+) \{ fill: (#[0-9a-f]{6})", svg)
    }
    backgrounds: dict[tuple[int, int], Color] = {}
    rect = r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"'
    for fill, x, y, width in re.findall(rect, svg):
        row = round((float(y) - 1.5) / 24.65)
        first = round(float(x) / CELL_WIDTH)
        for column in range(first, first + max(1, round(float(width) / CELL_WIDTH))):
            backgrounds[row, column] = Color.parse(fill)
    found = []
    checked = 0
    runs = (
        r'<text class="(terminal-(?:\d+-)?r\d+)" x="([\d.]+)" y="[\d.]+" '
        r'[^>]*line-(\d+)\)">([^<]*)</text>'
    )
    for name, x, row, words in re.findall(runs, svg):
        words = html.unescape(words)
        if not DRAWING.sub("", words):
            continue
        column = round(float(x) / CELL_WIDTH)
        ground = backgrounds.get((int(row), column))
        if ground is None or name not in fills:
            continue
        checked += 1
        ratio = contrast(fills[name], ground)
        if ratio < LEAST_CONTRAST:
            found.append(f"{words.strip()!r} {fills[name].hex} on {ground.hex}: {ratio:.2f}")
    return checked, found


async def tour(app: GovTuiApp, pilot: Pilot[None]) -> dict[str, str]:
    """Screenshots of every kind of screen the clerk meets, in elder mode."""
    shots: dict[str, str] = {}
    await pilot.press("f7")
    await pilot.pause()
    shots["search-browse"] = app.export_screenshot()
    await type_text(pilot, "高龄")
    shots["search-results"] = app.export_screenshot()
    await pilot.press("enter")
    await pilot.pause()
    shots["guide"] = app.export_screenshot()
    await app.pop_screen()
    await open_allowance_interview(app, pilot)
    shots["question-number"] = app.export_screenshot()
    await pilot.press("8", "5", "enter")
    await pilot.pause()
    shots["question-choice"] = app.export_screenshot()
    await pilot.press("f1")
    await pilot.pause()
    shots["help"] = app.export_screenshot()
    await pilot.press("escape")
    await app.pop_screen()
    await pilot.pause()
    await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "2")
    shots["review"] = app.export_screenshot()
    await pilot.press("c")
    await pilot.pause()
    shots["checklist"] = app.export_screenshot()
    app.notify("通知示例", title="标题")
    await pilot.pause()
    shots["notice"] = app.export_screenshot()
    return shots


async def test_every_screen_of_elder_mode_draws_text_at_4_5_to_1(
    make_app: Callable[..., GovTuiApp],
) -> None:
    for dark in (True, False):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            if not dark:
                app.action_toggle_theme()
            shots = await tour(app, pilot)
        read = {name: faint_text(svg) for name, svg in shots.items()}
        assert all(checked >= 10 for checked, _found in read.values()), read
        faint = {name: found for name, (_checked, found) in read.items() if found}
        assert faint == {}, f"{'dark' if dark else 'light'}: {faint}"


def test_the_reader_finds_faint_text_where_there_is_some() -> None:
    svg = (
        "<style>.terminal-r1 { fill: #777777 }.terminal-r2 { fill: #000000 }</style>"
        '<rect fill="#ffffff" x="0" y="1.5" width="24.4" height="24.65"/>'
        '<text class="terminal-r1" x="0" y="20" textLength="12.2" '
        'clip-path="url(#terminal-line-0)">淡</text>'
        '<text class="terminal-r2" x="12.2" y="20" textLength="12.2" '
        'clip-path="url(#terminal-line-0)">无</text>'
    )
    assert faint_text(svg) == (2, ["'淡' #777777 on #FFFFFF: 4.48"])
