"""The test hook: with GOVTUI_TEST_HOOK the app writes what it shows, and never an answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from govtui.content import Library, load_library
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.guide import GuideScreen
from govtui.tui.screens.interview import InterviewScreen
from govtui.tui.testhook import ENVIRONMENT, install_test_hook
from tests.tui.conftest import SIZE, app_on, type_text
from tests.tui.test_flows import open_allowance_interview

FIELDS = {"screen", "ready", "query", "results", "document"}


@pytest.fixture(scope="module")
def shipped(repository: Path) -> Library:
    result = load_library(repository)
    assert not result.report.errors, result.report.errors
    return result.library


def read(path: Path) -> dict[str, object]:
    state = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(state, dict)
    assert set(state) == FIELDS
    return state


async def test_the_hook_follows_a_search_and_the_guide_opened(
    shipped: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = tmp_path / "hook" / "state.json"
    monkeypatch.setenv(ENVIRONMENT, str(hook))
    app = app_on(shipped, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state = read(hook)
        assert state["screen"] == "SearchScreen"
        assert state["ready"] is True
        assert state["query"] == "" and state["document"] is None
        assert state["results"], "the browse list is shown before anything is typed"
        await type_text(pilot, "低保")
        state = read(hook)
        assert state["query"] == "低保"
        results = state["results"]
        assert isinstance(results, list) and 0 < len(results) <= 10
        assert any("最低生活保障" in title for title in results), results
        first = app.screen.query_one("#results", OptionList).get_option_at_index(0)
        assert first.id is not None and first.id.startswith("guide:")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        state = read(hook)
        assert state["screen"] == "GuideScreen"
        assert state["document"] == first.id.split(":")[1] == app.screen.guide.id
        await pilot.press("escape")
        await pilot.pause()
        assert read(hook)["screen"] == "SearchScreen"
    # Every write replaced the file whole: no temporary file is left beside it.
    assert sorted(path.name for path in hook.parent.iterdir()) == ["state.json"]


async def test_the_hook_holds_no_answer(
    make_app: Callable[..., GovTuiApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = tmp_path / "state.json"
    monkeypatch.setenv(ENVIRONMENT, str(hook))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        assert read(hook) == {
            "screen": "InterviewScreen",
            "ready": True,
            "query": "",
            "results": read(hook)["results"],
            "document": "longevity-allowance",
        }
        await pilot.press("8", "7", "enter")  # the citizen's age
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.session is not None and app.session.answers == {"age": 87}
        await pilot.press("1")  # 是: the hukou is local
        await pilot.pause()
        assert app.session.answers["hukou_local"] is True
        words = hook.read_text(encoding="utf-8")
        state = read(hook)
        assert state["screen"] == "InterviewScreen"
        assert "87" not in words and "age" not in words and "hukou" not in words
        assert "true" not in words.replace('"ready": true', "")


async def test_without_the_variable_nothing_is_installed_or_written(
    make_app: Callable[..., GovTuiApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.rglob("*"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄")
        assert install_test_hook(app) is None
    # The app's own folders (ratings) are made on demand; the hook adds nothing of its own.
    assert not any("json" in path.name for path in set(tmp_path.rglob("*")) - before)
