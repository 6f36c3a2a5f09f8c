"""Start-up as a bare `govtui` does it: what is ready on disk opens before the first frame."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import OptionList

from govtui.content.cache import load_library_cached
from govtui.paths import cache_dir
from govtui.search import open_index
from govtui.tui.app import GovTuiApp, make_app, open_ready
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
    segments = list((cache_dir() / "search").glob("index-*/*.trm"))
    assert segments
    for segment in segments:
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


def _damage_library_cache() -> None:
    [copy] = cache_dir().glob("library-*.pickle")
    data = bytearray(copy.read_bytes())
    data[0] = 0x63  # the damage that once ended start-up with "internal error"
    copy.write_bytes(bytes(data))


def _damage_index() -> None:
    segments = list((cache_dir() / "search").glob("index-*/*.trm"))
    assert segments
    for segment in segments:
        segment.write_bytes(segment.read_bytes()[:100])


def _damage_both() -> None:
    _damage_library_cache()
    _damage_index()


async def _started(app: GovTuiApp, seen: list[Message]) -> list[str]:
    """Run the app until its index is open and a search answers; the notices it showed."""
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        for _ in range(400):
            if app.index is not None:
                break
            await pilot.pause(0.05)
        assert app.library is not None and app.index is not None
        await type_text(pilot, next(iter(app.library.guides.values())).name)
        results = app.screen.query_one("#results", OptionList)
        first = results.get_option_at_index(0)
        assert first.id is not None and first.id.startswith("guide:")
    app.index.close()
    notices = [message.notification for message in seen if isinstance(message, Notify)]
    assert all(notice.severity == "information" for notice in notices)
    return [notice.message for notice in notices]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_damage_library_cache, ["保存的内容副本已损坏，已重新读取内容。"]),
        (_damage_index, ["搜索索引已损坏，已重新建立。"]),
        (
            _damage_both,
            ["保存的内容副本已损坏，已重新读取内容。", "搜索索引已损坏，已重新建立。"],
        ),
    ],
    ids=["library cache", "index", "both"],
)
async def test_a_damaged_cache_is_rebuilt_with_a_notice(
    tmp_path: Path, damage: Callable[[], None], expected: list[str]
) -> None:
    root = _content(tmp_path)
    _prepare(root)
    damage()
    app = make_app(root)
    seen: list[Message] = []
    assert await _started(app, seen) == expected
    # Healed: the next start opens both before the first frame, and says nothing.
    library, index = open_ready(root)
    assert library is not None and index is not None
    index.close()
    assert await _started(make_app(root), []) == []


async def test_the_repair_notice_speaks_english_too(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _prepare(root)
    _damage_index()
    app = make_app(root, language="en")
    assert await _started(app, []) == ["The search index was damaged and has been rebuilt."]
