"""Elder mode (适老化): a key and a flag, solid colours, more room, notices that stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList
from typer.testing import CliRunner

from govtui.content import Library
from govtui.tui.app import ELDER_NOTICE_SECONDS, GovTuiApp
from govtui.tui.screens.checklist import TickRow
from govtui.tui.themes import ELDER_DARK, ELDER_LIGHT, HIGH_CONTRAST_DARK
from tests.tui.conftest import SIZE, FakeIndex, type_text

GUIDE = "id-card-renewal"


def footer_keys(app: GovTuiApp) -> set[str]:
    return {key for key, active in app.active_bindings.items() if active.binding.show}


async def test_f7_switches_elder_mode_on_and_off(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == HIGH_CONTRAST_DARK.name and not app.has_class("-elder")
        assert "f5" not in footer_keys(app)
        await pilot.press("f7")
        assert app.elder and app.theme == ELDER_DARK.name and app.has_class("-elder")
        # Read aloud and closing notices come into the footer, where elder mode needs them.
        assert {"f5", "ctrl+l"} <= footer_keys(app)
        app.action_toggle_theme()
        assert app.theme == ELDER_LIGHT.name
        await pilot.press("f7")
        assert not app.elder and app.theme == "govtui-light" and not app.has_class("-elder")


async def test_notices_stay_in_elder_mode_until_closed(
    make_app: Callable[..., GovTuiApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    timeouts: list[float | None] = []
    original = App.notify

    def recorded(self: App[None], message: str, **options: object) -> None:
        timeouts.append(options.get("timeout"))  # type: ignore[arg-type]
        original(self, message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "notify", recorded)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.notify("everyday")
        await pilot.press("f7")
        app.notify("elder", timeout=3)
        await pilot.pause()
        assert timeouts[0] is None  # the everyday default
        assert timeouts[-1] == ELDER_NOTICE_SECONDS and timeouts[-2] == ELDER_NOTICE_SECONDS
        assert len(app._notifications) == 2  # the elder-mode notice, and this one
        await pilot.press("ctrl+l")
        assert len(app._notifications) == 0


async def test_elder_mode_gives_each_result_a_line_of_room(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "身份证")
        results = app.screen.query_one("#results", OptionList)
        everyday = results.virtual_size.height
        await pilot.press("f7")
        await pilot.pause()
        results = app.screen.query_one("#results", OptionList)  # built anew for elder mode
        assert results.virtual_size.height >= everyday + results.option_count - 1


async def test_the_flag_opens_the_app_in_elder_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govtui.cli import app as cli
    from govtui.tui import app as tui

    opened: list[bool] = []
    monkeypatch.setattr(
        tui, "run_app", lambda content_root, language="zh", *, elder=False: opened.append(elder)
    )
    result = CliRunner().invoke(cli, ["--elder"])
    assert result.exit_code == 0, result.output
    assert opened == [True]


async def test_every_material_says_its_state_in_words(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        assert app.library is not None
        from govtui.tui.screens.checklist import ChecklistScreen
        from govtui.tui.session import Session

        guide = app.library.guides[GUIDE]
        app.session = Session(guide)
        await app.push_screen(ChecklistScreen(app.session))
        await pilot.pause()
        rows = list(app.screen.query(TickRow))
        assert rows
        words = {"未带", "已带", "已签", "可后补", "现场签署", "可选", "窗口提供"}
        for row in rows:
            shown = str(row.render())
            assert any(word in shown for word in words), shown
        await pilot.press("space")
        assert "已带" in str(rows[0].render()) or "已签" in str(rows[0].render())


async def test_opened_in_elder_mode_it_says_how_to_enlarge_the_text(
    library: Library, tmp_path: Path
) -> None:
    app = GovTuiApp(library=library, index=FakeIndex(library), ratings_dir=tmp_path, elder=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == ELDER_DARK.name and app.has_class("-elder")
        assert any("Ctrl 加 +" in notice.message for notice in app._notifications)
