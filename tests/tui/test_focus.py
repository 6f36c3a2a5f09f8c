"""A screen composed while the app is blurred (as textual-serve starts apps) still gets keys."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from govtui.tui.app import GovTuiApp
from govtui.tui.screens.search import SearchScreen
from tests.tui.conftest import SIZE, settle


async def test_the_first_key_after_a_blurred_start_reaches_the_search_box(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.app_focus = False  # what the web driver says as the app starts
        await app.push_screen(SearchScreen())  # composed while blurred: no first focus
        await pilot.pause()
        assert app.screen.focused is None
        await pilot.press("d", "i")
        await settle(pilot)
        assert app.screen.query_one("#query", Input).value == "di"
