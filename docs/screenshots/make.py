"""Take the README's screenshots from the app itself, on the sample content.

Usage: python docs/screenshots/make.py

Writes search.svg, guide.svg, interview.svg and elder.svg beside this script. The index is built in a
temporary folder and the date is fixed, so the pictures only change when the app or the content
does.
"""

from __future__ import annotations

import asyncio
import datetime
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from govtui.content import load_library  # noqa: E402
from govtui.search import open_index  # noqa: E402
from govtui.tui.app import GovTuiApp  # noqa: E402
from govtui.tui.screens.search import DEBOUNCE_SECONDS  # noqa: E402

TODAY = datetime.date(2026, 11, 22)


async def take(cache: Path) -> None:
    library = load_library(ROOT).library
    index = open_index(library, cache_dir=cache)
    app = GovTuiApp(library=library, index=index, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"低保")
        await pilot.pause(DEBOUNCE_SECONDS * 3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("search.svg", str(HERE))
        await pilot.press("enter")
        await pilot.pause()
        app.save_screenshot("guide.svg", str(HERE))
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("1", "1")  # income below the standard; property within the limit
        await pilot.pause()
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        app.save_screenshot("interview.svg", str(HERE))
        await pilot.resize_terminal(100, 30)
        await pilot.press("f7")  # elder mode: the same question with room around each choice
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot("elder.svg", str(HERE))
    index.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="govtui-screenshots-") as folder:
        asyncio.run(take(Path(folder)))
    for name in ("search.svg", "guide.svg", "interview.svg", "elder.svg"):
        print(HERE / name)


if __name__ == "__main__":
    main()
