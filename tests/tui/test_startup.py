"""Start-up as a bare `govtui` does it: what is ready on disk opens before the first frame."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from govtui.content.cache import load_library_cached
from govtui.paths import cache_dir
from govtui.search import open_index
from govtui.tui.app import make_app, open_ready
from tests.tui.conftest import DATA, SIZE, settle, type_text


@pytest.fixture(autouse=True)
def unfreeze() -> Iterator[None]:
    """`make_app` freezes what it loaded; the rest of the test run should not keep it."""
    yield
    gc.unfreeze()


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(DATA, root)
    return root


def _prepare(root: Path) -> None:
    """What an earlier session leaves behind: the parsed library and a built index."""
    library = load_library_cached(root, cache_dir()).library
    open_index(library).close()


def test_open_ready_opens_only_what_needs_no_parsing_or_building(tmp_path: Path) -> None:
    root = _content(tmp_path)
    assert open_ready(root) == (None, None)
    _prepare(root)
    library, index = open_ready(root)
    assert library is not None and index is not None
    assert library.guides
    index.close()
    # The index gone (or stale): the library still opens, the index is left to the worker.
    shutil.rmtree(cache_dir() / "search")
    library, index = open_ready(root)
    assert library is not None and index is None
    # A content file edited: both must be read again.
    _prepare(root)
    guide = next((root / "guides").rglob("*.yaml"))
    guide.write_text(guide.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert open_ready(root) == (None, None)


def test_a_damaged_index_is_left_to_the_worker(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _prepare(root)
    for segment in (cache_dir() / "search").glob("index-*/*.trm"):
        segment.unlink()
    library, index = open_ready(root)
    assert library is not None and index is None


async def test_a_ready_app_searches_without_a_load_worker(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _prepare(root)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        assert app.library is not None and app.index is not None
        assert not [worker for worker in app.workers if worker.name == "load"]
        name = next(iter(app.library.guides.values())).name
        await type_text(pilot, name)
        await settle(pilot)
        results = app.screen.query_one("#results", OptionList)
        first = results.get_option_at_index(0)
        assert first.id is not None and first.id.startswith("guide:")
    app.index.close()


async def test_an_app_with_nothing_ready_builds_in_the_background(tmp_path: Path) -> None:
    root = _content(tmp_path)
    app = make_app(root)
    assert app.library is None and app.index is None
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(400):
            if app.index is not None:
                break
            await pilot.pause(0.05)
        assert app.library is not None and app.index is not None
    app.index.close()
