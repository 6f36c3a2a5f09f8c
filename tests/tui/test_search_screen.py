"""The search screen: as-you-type results, stale results dropped, filters, never a blank list."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable

from textual.content import Content
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Button, Input, OptionList
from textual.worker import WorkerFailed

from govtui.content import Library
from govtui.errors import GovtuiError
from govtui.tui.app import GovTuiApp
from govtui.tui.index import ProgressCallback, SearchHit, SearchIndex
from govtui.tui.messages import SearchFinished, SearchRequest
from govtui.tui.screens.dialogs import PickerDialog
from govtui.tui.screens.guide import GuideScreen
from tests.tui.conftest import DATA, SIZE, TODAY, FakeIndex, settle, type_text


def option_ids(app: GovTuiApp) -> set[str | None]:
    results = app.screen.query_one("#results", OptionList)
    return {results.get_option_at_index(i).id for i in range(results.option_count)}


def option_texts(app: GovTuiApp) -> list[str]:
    results = app.screen.query_one("#results", OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def test_empty_query_offers_life_events_and_categories(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        texts = "\n".join(option_texts(app))
        assert "老年人一件事" in texts
        assert "老年人服务（2项）" in texts
        assert "户籍与身份证（1项）" in texts
        assert isinstance(app.focused, Input)


async def test_typing_shows_marked_hits_and_enter_opens_the_first(
    make_app: Callable[..., GovTuiApp],
) -> None:
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await type_text(pilot, "高龄")
        finished = [m for m in seen if isinstance(m, SearchFinished)]
        assert finished, "the search worker posted no results"
        assert finished[-1].request.text == "高龄"
        results = app.screen.query_one("#results", OptionList)
        first = results.get_option_at_index(0)
        assert first.id == "guide:longevity-allowance"
        assert "高龄津贴申领" in str(first.prompt)
        # The matched term in the snippet is shown in reverse video.
        prompt = first.prompt
        assert isinstance(prompt, Content)
        marked = [
            prompt.plain[span.start : span.end]
            for span in prompt.spans
            if "reverse" in str(span.style)
        ]
        assert "高龄" in marked
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.guide.id == "longevity-allowance"


async def test_arrows_move_through_results_while_typing_goes_on(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "老")
        results = app.screen.query_one("#results", OptionList)
        assert results.highlighted == 0
        await pilot.press("down")
        assert results.highlighted == 1
        assert isinstance(app.focused, Input)


class SlowFirstIndex(FakeIndex):
    """Holds the first search until released, so a later one can finish first."""

    def __init__(self, library: Library) -> None:
        super().__init__(library)
        self.release = threading.Event()
        self.first = True

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        category: str | None = None,
        department: str | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        if self.first:
            self.first = False
            self.release.wait(timeout=5)
        return super().search(text, kind=kind, category=category, limit=limit)


async def test_stale_results_are_discarded(
    make_app: Callable[..., GovTuiApp], library: Library
) -> None:
    index = SlowFirstIndex(library)
    seen: list[Message] = []
    app = make_app(index=index)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await pilot.press("老")
        await pilot.pause(0.1)  # the search for 老 is now stuck in its worker
        await type_text(pilot, "年人")
        index.release.set()
        await settle(pilot)
        assert index.searched[-1] == "老"  # it did finish, last of all
        finished = [m.request.text for m in seen if isinstance(m, SearchFinished)]
        assert "老" not in finished
        assert finished[-1] == "老年人"
        shown = option_texts(app)
        # Results that arrive for an older generation are dropped as well.
        app.screen.post_message(SearchFinished(SearchRequest(0, "老", None, None), [], 0, ()))
        await pilot.pause()
        assert option_texts(app) == shown


async def test_kind_and_category_filters(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "老")
        assert "bundle:old-age" in option_ids(app)
        await pilot.press("f3")  # the kind picker
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog)
        await pilot.press("2")  # 办事指南
        await settle(pilot)
        assert option_ids(app) == {"guide:longevity-allowance", "guide:senior-card"}
        assert str(app.screen.query_one("#kind-filter", Button).label) == "类型：办事指南 ▾"
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("3")  # 户籍与身份证
        await settle(pilot)
        texts = "\n".join(option_texts(app))
        assert "没有找到" in texts
        assert "去掉筛选条件，可找到" in texts
        assert isinstance(app.focused, Input)


async def test_nothing_found_suggests_instead_of_a_blank_list(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄津帖申领")
        texts = option_texts(app)
        assert "没有找到与“高龄津帖申领”相关的内容。" in texts[0]
        assert any("是不是要找：高龄津贴申领" in text for text in texts)
        assert any("按分类浏览" in text for text in texts)


async def test_choosing_a_category_lists_its_services(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        assert isinstance(app.focused, OptionList)
        results = app.screen.query_one("#results", OptionList)
        category_index = next(
            i
            for i in range(results.option_count)
            if results.get_option_at_index(i).id == "category:identity"
        )
        results.highlighted = category_index
        await pilot.press("enter")
        await settle(pilot)
        texts = "\n".join(option_texts(app))
        assert "户籍与身份证：全部事项" in texts
        assert "居民身份证换领" in texts


async def test_index_builds_in_a_worker_while_the_screen_is_usable(library: Library) -> None:
    started = threading.Event()
    release = threading.Event()

    def build(built_library: Library, progress: ProgressCallback) -> SearchIndex:
        started.set()
        progress(1, 4)
        release.wait(timeout=5)
        progress(4, 4)
        return FakeIndex(built_library)

    app = GovTuiApp(library=library, index_factory=build, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert started.wait(timeout=5)
        await pilot.press(*"高龄")
        await pilot.pause(0.1)
        assert app.index is None
        assert app.screen.query_one("#query", Input).value == "高龄"
        assert "正在建立搜索索引 1/4" in str(app.screen.query_one("#search-status").render())
        release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.index is not None
        assert option_texts(app)[0].startswith(" 服务事项  高龄津贴申领")


async def test_a_failing_index_becomes_a_notification(library: Library) -> None:
    def broken(built_library: Library, progress: ProgressCallback) -> SearchIndex:
        raise GovtuiError("error_index_cache", folder="/cache", detail="read-only")

    seen: list[Message] = []
    app = GovTuiApp(content_root=DATA, index_factory=broken, today=lambda: TODAY)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        with contextlib.suppress(WorkerFailed):  # the failure is the point of this test
            await app.workers.wait_for_complete()
        await pilot.pause()
        [notice] = [m.notification for m in seen if isinstance(m, Notify)]
        assert notice.severity == "error"
        assert "无法使用 /cache 中的搜索索引缓存（read-only）" in notice.message
        # The content is loaded all the same, so the clerk can still browse.
        assert app.library is not None and app.index is None
        assert "老年人一件事" in "\n".join(option_texts(app))


def test_the_app_repaints_at_120_fps_unless_the_user_chose_a_rate() -> None:
    """Results after a keystroke wait for Textual's repaint timer; the rate is set before import."""
    probe = "import govtui.tui.app, textual.constants as c; print(c.MAX_FPS)"
    environment = {key: value for key, value in os.environ.items() if key != "TEXTUAL_FPS"}
    ours = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True
    )
    theirs = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**environment, "TEXTUAL_FPS": "30"},
        check=True,
    )
    assert (ours.stdout.strip(), theirs.stdout.strip()) == ("120", "30")
