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


def test_open_ready_opens_an_up_to_date_index_and_leaves_the_rest_to_the_worker(
    tmp_path: Path,
) -> None:
    root = _content(tmp_path)
    assert open_ready(root) is None
    _prepare(root)
    index = open_ready(root)
    assert index is not None
    index.close()
    # The index gone: left to the worker, which builds it.
    shutil.rmtree(cache_dir() / "search")
    assert open_ready(root) is None
    # A content file edited: the index is stale, and updating it is the worker's job too.
    _prepare(root)
    guide = next((root / "guides").rglob("*.yaml"))
    guide.write_text(guide.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert open_ready(root) is None


def test_a_damaged_index_is_left_to_the_worker(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _prepare(root)
    segments = list((cache_dir() / "search").glob("index-*/*.trm"))
    assert segments
    for segment in segments:
        segment.unlink()
    assert open_ready(root) is None


async def test_a_ready_index_answers_before_the_content_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index opens before the first frame; the content is read after it, in the worker.
    A search typed meanwhile is answered, and a hit chosen meanwhile opens once it is read."""
    import threading

    from govtui.content import cache

    root = _content(tmp_path)
    _prepare(root)
    guide = next(iter(load_library_cached(root, cache_dir()).library.guides.values()))
    release = threading.Event()
    real = cache.load_library_cached

    def held_back(*arguments: object, **keywords: object) -> object:
        release.wait(10)
        return real(*arguments, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "load_library_cached", held_back)
    app = make_app(root)
    assert app.index is not None and app.library is None
    async with app.run_test(size=SIZE) as pilot:
        # Not `type_text`: it waits for every worker, and the content's is held back.
        await pilot.press(*guide.name)
        results = app.screen.query_one("#results", OptionList)
        for _ in range(200):
            if results.option_count and results.get_option_at_index(0).id:
                break
            await pilot.pause(0.05)
        assert app.library is None
        first = results.get_option_at_index(0)
        assert first.id == f"guide:{guide.id}"
        # Where it belongs (its department) waits for the content.
        assert guide.department not in str(first.prompt)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert type(app.screen).__name__ == "SearchScreen"
        release.set()
        for _ in range(200):
            if type(app.screen).__name__ == "GuideScreen":
                break
            await pilot.pause(0.05)
        assert type(app.screen).__name__ == "GuideScreen"
        assert app.library is not None
    app.index.close()


async def test_a_ready_app_reads_the_content_after_the_first_frame_and_opens_no_index_again(
    tmp_path: Path,
) -> None:
    root = _content(tmp_path)
    _prepare(root)
    app = make_app(root)
    opened = app.index
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            if app.library is not None:
                break
            await pilot.pause(0.05)
        assert app.library is not None and app.index is opened
        name = next(iter(app.library.guides.values())).name
        await type_text(pilot, name)
        await settle(pilot)
        results = app.screen.query_one("#results", OptionList)
        first = results.get_option_at_index(0)
        assert first.id is not None and first.id.startswith("guide:")
        # With the content read, a hit says where it belongs.
        guide = app.library.guides[first.id.removeprefix("guide:")]
        assert guide.department in str(first.prompt)
    assert opened is not None
    opened.close()


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
            if app.index is not None and app.library is not None:
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
    # Healed: the next start opens the index before the first frame, and says nothing.
    index = open_ready(root)
    assert index is not None
    index.close()
    assert await _started(make_app(root), []) == []


async def test_the_repair_notice_speaks_english_too(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _prepare(root)
    _damage_index()
    app = make_app(root, language="en")
    assert await _started(app, []) == ["The search index was damaged and has been rebuilt."]
