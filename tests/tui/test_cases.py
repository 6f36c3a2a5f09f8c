"""A case saved at one window opens at another with its passphrase, and at no other."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from govtui.cases.code import ALPHABET
from govtui.content.models import Library
from govtui.render.checklist import render_checklist
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.cases import CaseOpenDialog, CaseSaveDialog
from govtui.tui.screens.checklist import ChecklistScreen
from govtui.tui.screens.search import SearchScreen
from govtui.tui.session import Session
from govtui.tui.visit import facts_read_by
from tests.tui.conftest import SIZE, app_on

PASSPHRASE = "window-a-2026"


def checklist_text(app: GovTuiApp, session: Session) -> str:
    assert app.library is not None
    return render_checklist(
        app.library, app.outcome(session), "text", brought=session.brought, language="zh"
    )


async def test_a_case_saved_at_window_a_continues_at_window_b(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    window_a = app_on(library, tmp_path / "a")
    window_a.cases_dir = folder
    async with window_a.run_test(size=SIZE) as pilot:
        code = window_a.visit.code
        assert re.fullmatch(rf"QH-[{ALPHABET}]{{4}}", code)
        assert code in str(window_a.title)
        session = Session(library.guides["longevity-allowance"])
        window_a.visit.sessions[session.target.id] = session
        window_a.session = session
        session.answer("age", 82)
        await window_a.push_screen(ChecklistScreen(session))
        await pilot.pause()
        first_row = next(iter(window_a.screen.query("TickRow")))
        first_row.focus()
        await pilot.press("space")
        assert session.brought
        expected = checklist_text(window_a, session)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(window_a.screen, CaseSaveDialog)
        window_a.screen.query_one("#case-passphrase", Input).value = "short"
        window_a.screen.query_one("#case-passphrase-again", Input).value = "short"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(window_a.screen, CaseSaveDialog)  # too short: said, not saved
        assert not list(folder.iterdir())
        window_a.screen.query_one("#case-passphrase", Input).value = PASSPHRASE
        window_a.screen.query_one("#case-passphrase-again", Input).value = PASSPHRASE
        await pilot.press("ctrl+s")
        await window_a.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(window_a.screen, ChecklistScreen)
        assert (folder / f"{code}.govtui-case").is_file()

    window_b = app_on(library, tmp_path / "b")
    window_b.cases_dir = folder
    async with window_b.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(window_b.screen, CaseOpenDialog)
        window_b.screen.query_one("#case-code", Input).value = code.lower().replace("-", "")
        window_b.screen.query_one("#case-passphrase", Input).value = "wrong-passphrase"
        await pilot.press("ctrl+s")
        await window_b.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(window_b.screen, CaseOpenDialog)
        assert "口令不对" in str(window_b.screen.query_one("#case-problem").render())
        assert not window_b.visit.open and window_b.visit.sessions == {}
        window_b.screen.query_one("#case-passphrase", Input).value = PASSPHRASE
        await pilot.press("ctrl+s")
        await window_b.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = window_b.screen
        assert isinstance(screen, ChecklistScreen)
        assert window_b.visit.code == code and code in str(window_b.title)
        assert checklist_text(window_b, screen.session) == expected
        assert window_b.outcome(screen.session) == window_a.outcome(session)

        # A second service for the same citizen reuses the restored answers, and says so.
        other = next(
            guide
            for guide in library.guides.values()
            if guide.id != session.target.id and facts_read_by(library, guide, ["age"])
        )
        notices: list[str] = []
        window_b.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        window_b.start_application(other)
        await pilot.pause()
        assert window_b.visit.sessions[other.id].answers["age"] == 82
        assert any("已沿用" in notice for notice in notices), notices


async def test_finishing_the_visit_gives_a_new_code(library: Library, tmp_path: Path) -> None:
    app = app_on(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first = app.visit.code
        session = Session(library.guides["longevity-allowance"])
        app.visit.sessions[session.target.id] = session
        app.session = session
        session.answer("age", 82)
        await app.finish_session()
        await pilot.pause()
        assert app.visit.code != first and app.visit.code in str(app.title)
        assert isinstance(app.screen_stack[0], SearchScreen)
