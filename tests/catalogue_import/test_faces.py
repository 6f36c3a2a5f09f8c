"""`govtui search`, `checklist` and the TUI on a catalogue a county imported."""

from __future__ import annotations

import datetime
import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList
from typer.testing import CliRunner

from govtui import cli
from govtui.catalogue.importer import import_catalogue
from govtui.content.cache import load_library_cached
from govtui.paths import cache_dir
from govtui.search import open_index
from govtui.tui.app import make_app
from tests.catalogue_import.conftest import county_folder, without_extension
from tests.tui.conftest import SIZE, settle, type_text

runner = CliRunner()
DIBAO = "item-990105050200000100100001"


@pytest.fixture
def imported(sample_workbook: Path, tmp_path: Path) -> Path:
    plain = without_extension(sample_workbook, tmp_path / "plain.xlsx")
    folder = county_folder(tmp_path / "county")
    import_catalogue(plain, folder, reviewed=datetime.date(2026, 12, 1))
    return folder


@pytest.fixture(autouse=True)
def unfreeze() -> Iterator[None]:
    """`make_app` freezes what it loaded; the rest of the test run should not keep it."""
    yield
    gc.unfreeze()


def test_search_and_checklist_work_on_the_import(imported: Path) -> None:
    found = runner.invoke(cli.app, ["--content", str(imported), "search", "最低生活保障", "--json"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)[0]["id"] == DIBAO
    checklist = runner.invoke(
        cli.app, ["--content", str(imported), "checklist", DIBAO, "--format", "json"]
    )
    assert checklist.exit_code == 0, checklist.output
    names = json.dumps(json.loads(checklist.stdout), ensure_ascii=False)
    assert "申请人居民身份证" in names


async def test_the_tui_searches_the_import(imported: Path) -> None:
    library = load_library_cached(imported, cache_dir()).library
    open_index(library).close()
    app = make_app(imported)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):  # the content is read after the first frame
            if app.library is not None:
                break
            await pilot.pause(0.05)
        assert app.library is not None and DIBAO in app.library.guides
        await type_text(pilot, "最低生活保障审核确认")
        await settle(pilot)
        first = app.screen.query_one("#results", OptionList).get_option_at_index(0)
        assert first.id == f"guide:{DIBAO}"
    assert app.index is not None
    app.index.close()


def test_index_shows_plain_progress_when_stderr_is_no_terminal(imported: Path) -> None:
    result = runner.invoke(
        cli.app, ["--content", str(imported), "--lang", "en", "index", "--rebuild"]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "building the search index" in line]
    assert 2 <= len(lines) <= 12 and lines[-1].endswith(tuple("0123456789"))
