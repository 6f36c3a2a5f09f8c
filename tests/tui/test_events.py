"""The TUI's events: the rating at finish-and-clear (or 未评价), and a search the clerk left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from govtui.events.store import STORE_FILE, EventStore
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.dialogs import RatingDialog
from govtui.tui.screens.search import SearchScreen
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.test_flows import open_allowance_checklist

ID_NUMBER = "11010519491231002X"


async def _finish(app: GovTuiApp, pilot: Pilot[None]) -> None:
    """A visit through to the checklist, then F (finish and clear) and Y: the rating dialog."""
    await open_allowance_checklist(app, pilot, "8", "7", "enter", "1", "2")
    await pilot.press("f")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    await pilot.pause()


def _events(tmp_path: Path) -> list[object]:
    with EventStore.terminal(tmp_path / "ratings") as store:
        return list(store.events())


async def test_a_rating_is_stored_scrubbed_and_nowhere_else(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _finish(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, RatingDialog)
        await pilot.press(*f"我叫张三{ID_NUMBER}等太久", "enter", "2")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    [event] = _events(tmp_path)
    assert (event.satisfaction, event.text) == ("dissatisfied", "我叫〔姓名〕〔证件号〕等太久")  # type: ignore[attr-defined]
    # The number typed in the visit is in no file the terminal keeps (the WAL included).
    for path in (tmp_path / "ratings").iterdir():
        assert ID_NUMBER.encode() not in path.read_bytes(), path
    assert (tmp_path / "ratings" / STORE_FILE).exists()


async def test_a_skipped_rating_is_unrated_never_a_score(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _finish(app, pilot)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    [event] = _events(tmp_path)
    assert (event.kind, event.satisfaction, event.text) == ("rating", "unrated", None)  # type: ignore[attr-defined]


async def test_a_search_counts_once_when_the_clerk_leaves_it(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "殡葬费报销")  # five keystrokes, nothing found
        assert _events(tmp_path) == []  # typing records nothing
        await pilot.press("escape")  # the clerk clears the box: the query is left
        await settle(pilot)
        await type_text(pilot, "高龄")  # found, but not opened ...
        await pilot.press("escape")  # ... and left: abandoned
        await settle(pilot)
        await type_text(pilot, "高龄")
        await pilot.press("enter")  # opened: a search that worked is no event
        await settle(pilot)
        assert isinstance(app.screen_stack[0], SearchScreen)
        assert app.screen_stack[0].query_one("#query", Input).value == "高龄"
        await app.workers.wait_for_complete()
    events = _events(tmp_path)
    assert [(e.query, e.search_outcome) for e in events] == [  # type: ignore[attr-defined]
        ("殡葬费报销", "nothing_found"),
        ("高龄", "abandoned"),
    ]


async def test_the_director_reads_the_report_on_its_own_screen(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    from govtui.tui.screens.report import ReportScreen
    from tests.events.helpers import rating, search

    with EventStore.terminal(tmp_path / "ratings") as store:
        store.add([rating("very_dissatisfied", text="等太久"), search("殡葬费报销")])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = str(app.screen.query_one("#report-text").render())
        assert "非常不满意" in body and "等太久" in body and "殡葬费报销" in body
        await pilot.press("f2")  # the other language, same figures
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Very dissatisfied" in str(app.screen.query_one("#report-text").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
