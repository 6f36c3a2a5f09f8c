"""Whole visits, key by key: search to export, a life event, the policy reader, clearing up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Input, Static

from govtui.content import Library
from govtui.events.store import EventStore
from govtui.i18n import Language, text
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.bundle import BundleScreen
from govtui.tui.screens.checklist import ChecklistScreen, TickRow
from govtui.tui.screens.dialogs import ConfirmDialog, ExportDialog, RatingDialog, WhyDialog
from govtui.tui.screens.guide import GuideScreen
from govtui.tui.screens.interview import InterviewScreen
from govtui.tui.screens.policy import PolicyScreen
from govtui.tui.screens.review import ReviewScreen
from govtui.tui.screens.search import SearchScreen
from govtui.tui.widgets.question import QuestionForm
from govtui.tui.widgets.rows import Row
from tests.render.test_printing import install_spooler
from tests.tui.conftest import SIZE, TODAY, FakeIndex, type_text


def notices(seen: list[Message]) -> list[str]:
    return [m.notification.message for m in seen if isinstance(m, Notify)]


def screen_text(app: GovTuiApp) -> str:
    """Everything the current screen's static texts say, for substring checks."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def open_allowance_interview(app: GovTuiApp, pilot: Pilot[None]) -> None:
    """Straight to the first question; the search on the way is tested once, below."""
    app.open_document("longevity-allowance", None)
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, InterviewScreen)


async def open_allowance_checklist(app: GovTuiApp, pilot: Pilot[None], *answers: str) -> None:
    """Through the interview with `answers` (keys), to the checklist."""
    await open_allowance_interview(app, pilot)
    await pilot.press(*answers)
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, ChecklistScreen)


async def test_search_guide_interview_review_checklist_export(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await type_text(pilot, "高龄")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("s")
        await pilot.pause()
        # Eligibility comes first: the number question, then the yes/no one.
        assert "申请人几周岁？（周岁）" in screen_text(app)
        await pilot.press("8", "5", "enter")
        await pilot.pause()
        assert "户籍是否在本县？" in screen_text(app)
        await pilot.press("1")  # 是
        await pilot.pause()
        assert "谁来办理？" in screen_text(app)
        await pilot.press("2")  # 委托代理人: the last question
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = screen_text(app)
        assert "85 周岁" in review and "委托代理人" in review and "✔ 基本符合条件" in review

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        rows = {row.item.id: row for row in app.screen.query(TickRow)}
        assert set(rows) == {
            "applicant-id-card",
            "power-of-attorney",
            "income-declaration",
            "photo",
        }
        assert rows["applicant-id-card"].missing and rows["power-of-attorney"].missing
        assert "还缺2项必交材料" in screen_text(app)
        assert app.focused is rows["applicant-id-card"]
        await pilot.press("space")
        assert not rows["applicant-id-card"].missing
        assert app.session is not None and app.session.brought == {"applicant-id-card"}
        assert "还缺1项必交材料：授权委托书" in screen_text(app)

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        exported = tmp_path / "longevity-allowance-2026-11-22.txt"
        printed = exported.read_text(encoding="utf-8")
        assert "一次性告知单" in printed and "授权委托书" in printed
        assert f"已保存到 {exported}" in notices(seen)

        # A second export to the same file asks before overwriting.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert notices(seen).count(f"已保存到 {exported}") == 2

        # Markdown, to a file of the clerk's choosing.
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.press("shift+tab")  # to the list of formats
        await pilot.press("down", "down", "down", "down", "enter")  # Markdown
        await pilot.pause()
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(".md")
        path.value = str(tmp_path / "notice.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (tmp_path / "notice.md").read_text(encoding="utf-8").startswith("#")


async def test_the_checklist_prints_on_the_counter_printer(
    make_app: Callable[..., GovTuiApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog) and dialog.printing
        assert not dialog.query("#export-path")  # a printer needs no file name
        # m4: the footer says what Ctrl+S does here.
        assert dialog.active_bindings["ctrl+s"].binding.description == "打印"
        assert app.focused is dialog.query_one("#save")  # Enter prints at once
        await pilot.press("shift+tab", "shift+tab")  # to the layouts: the 80 mm receipt roll
        await pilot.press("down", "enter")
        await pilot.press("tab", "tab", "enter")  # past the personal-data box, to Print
        await app.workers.wait_for_complete()
        await pilot.pause()
        printed = Path(f"{record}.txt").read_text(encoding="utf-8")
        assert "一次性告知单" in printed
        assert max(len(line) for line in printed.splitlines()) <= 48
        assert "已发送到打印机。request id is counter-7 (1 file(s))" in notices(seen)
        # No printer set up: the clerk is told, and the checklist is still on screen.
        monkeypatch.setenv("FAKE_PRINTER_FAIL", "1")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("no default destination available" in notice for notice in notices(seen))
        assert isinstance(app.screen, ChecklistScreen)


async def test_an_invalid_answer_is_refused_and_back_shows_the_last_one(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("2", "0", "0", "enter")
        await pilot.pause()
        error = app.screen.query_one("#answer-error", Static)
        assert "不能大于 150周岁" in str(error.render())
        assert app.session is not None and app.session.answers == {}
        answer = app.screen.query_one("#answer-input", Input)
        answer.value = ""
        await pilot.press("8", "5", "enter")
        await pilot.pause()
        assert app.session.answers == {"age": 85}
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.answers == {"age": 85}
        assert app.screen.query_one("#answer-input", Input).value == "85"
        await pilot.press("escape")  # before the first question: back to the guide
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)


async def test_a_key_meant_for_the_next_question_cannot_change_the_last_answer(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("8", "5", "enter")
        await pilot.pause()
        hukou = app.screen.query_one(QuestionForm)
        await pilot.press("1")  # 是
        await pilot.pause()
        # A second key that reached the replaced form before it went: its answer is dropped.
        app.screen.post_message(QuestionForm.Answered(hukou, hukou.fact, False))
        await pilot.pause()
        assert app.session is not None and app.session.answers["hukou_local"] is True
        assert "谁来办理？" in screen_text(app)


async def test_review_changes_an_answer(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("8", "5", "enter", "1", "2")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("down", "down")  # the third answer: who applies
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # 本人
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session is not None and app.session.answers["applicant_role"] == "self"
        assert "本人" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        ids = {row.item.id for row in app.screen.query(TickRow)}
        assert "power-of-attorney" not in ids


async def test_not_eligible_says_why(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("6", "5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "✘ 不符合条件" in text
        assert "年满八十周岁（依据：《示例老年人权益保障条例》 第3条）" in text


async def test_a_life_event_runs_as_one_interview(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "一件事")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BundleScreen)
        assert "老年人优待证办理" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("8", "5", "enter")  # age, asked once for both services
        await pilot.pause()
        await pilot.press("1")  # local hukou
        await pilot.pause()
        await pilot.press("1")  # in person
        await pilot.pause()
        # The text question of the second service.
        assert "户口在哪个镇？" in screen_text(app)
        await pilot.press(*"北镇", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "老年人一件事" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        ids = [row.value for row in app.screen.query(Row)]
        assert ids.count("applicant-id-card") == 1  # merged across the two services
        assert "town-certificate" in ids and "income-declaration" in ids


async def test_why_leads_to_the_policy_reader_and_back_to_a_guide(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # focus the first requirement
        first = app.focused
        assert isinstance(first, Row) and first.value == "rule:old-enough"
        await pilot.press("down", "down")  # the identity card
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WhyDialog)
        assert "所有申请人" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        policy_screen = app.screen
        assert isinstance(policy_screen, PolicyScreen)
        assert policy_screen.policy.id == "elderly-law"
        focused = app.focused
        assert isinstance(focused, Row) and focused.value == "article:4"
        text = screen_text(app)
        assert "现行有效" in text and "津贴向户籍所在地申请" in text and "老年人优待证办理" in text
        while not (isinstance(app.focused, Row) and app.focused.value == "guide:senior-card"):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.guide.id == "senior-card"


async def test_a_repealed_policy_points_to_its_replacement(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("old-elderly-rule", None)
        await pilot.pause()
        assert "已废止" in screen_text(app)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PolicyScreen) and app.screen.policy.id == "elderly-law"


async def test_switching_language_keeps_the_answers(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("8", "5", "enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.language == "en"
        assert isinstance(app.screen, InterviewScreen)
        text = screen_text(app)
        assert "Is the hukou in this county?" in text
        assert "Longevity allowance: guided application" in text
        footer = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Previous", "Review", "中文"} <= footer
        assert not footer & {"上一题", "核对回答"}
        assert app.session is not None and app.session.answers == {"age": 85}
        await pilot.press("f2")
        await pilot.pause()
        assert "户籍是否在本县？" in screen_text(app)


async def test_the_app_starts_in_english_with_lang_en(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄")
        results = screen_text(app)
        assert "Older people" in results or "Longevity allowance" in str(
            app.screen.query_one("#results").render_line(0)
        )
        assert app.screen.query_one("#query", Input).placeholder.startswith("What does")


async def test_finish_and_clear_leaves_no_answers(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_allowance_checklist(app, pilot, "8", "7", "enter", "1", "2")
        session = app.session
        assert session is not None
        await pilot.press("space", "f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert app.session is None
        assert session.answers == {} and session.asked == [] and not session.brought
        assert isinstance(app.screen, RatingDialog)
        assert [type(screen) for screen in app.screen_stack] == [SearchScreen, RatingDialog]
        assert app.screen_stack[0].query_one("#query", Input).value == ""
        for widget in app.screen_stack[0].query(Static):
            assert "87" not in str(widget.render())
        await pilot.press(*"很快", "enter", "4")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        with EventStore.terminal(tmp_path / "ratings") as store:
            [event] = store.events()
        assert (event.service_id, event.satisfaction, event.text) == (
            "longevity-allowance",
            "satisfied",
            "很快",
        )
        assert "谢谢您的评价！" in notices(seen)


async def test_help_lists_the_keys_of_the_screen_below(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "一分钟上手" in text and "开始办理" in text and "为什么" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)


async def test_command_palette_opens_a_guide_by_name(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"身份证换领")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.guide.id == "id-card-renewal"


async def test_the_mouse_works_too(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "高龄")
        await pilot.click("#results", offset=(10, 0))
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await pilot.click(Row)
        await pilot.pause()
        assert isinstance(app.screen, WhyDialog)


async def test_date_answers_at_80_by_24(make_app: Callable[..., GovTuiApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_document("id-card-renewal", None)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "旧证有效期到哪天？" in screen_text(app)
        await pilot.press(*"20261301", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.answers == {}
        assert "年-月-日" in str(app.screen.query_one("#answer-error", Static).render())
        answer = app.screen.query_one("#answer-input", Input)
        answer.value = ""
        await pilot.press(*"20270301", "enter")
        await pilot.pause()
        assert str(app.session.answers["card_expiry"]) == "2027-03-01"


@pytest.mark.parametrize(
    ("language", "other", "said", "said_after_switching"),
    [
        (
            "zh",
            "en",
            "这台电脑没有打印命令（lp 或 lpr）",
            "This computer has no print command (lp or lpr).",
        ),
        (
            "en",
            "zh",
            "This computer has no print command (lp or lpr).",
            "这台电脑没有打印命令（lp 或 lpr）",
        ),
    ],
)
async def test_an_error_is_told_in_the_language_on_screen(
    make_app: Callable[..., GovTuiApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: Language,
    other: Language,
    said: str,
    said_after_switching: str,
) -> None:
    nothing = tmp_path / "no-programs"
    nothing.mkdir()
    monkeypatch.setenv("PATH", str(nothing))  # neither lp nor lpr: printing must fail
    seen: list[Message] = []

    def failures() -> list[tuple[str, str]]:
        return [
            (message.notification.title, message.notification.message)
            for message in seen
            if isinstance(message, Notify) and message.notification.severity == "error"
        ]

    async def print_checklist(pilot: Pilot[None]) -> None:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    app = make_app(language)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        await print_checklist(pilot)
        [(title, message)] = failures()
        assert said in message
        assert title == text("print_failed", language)
        await pilot.press("f2")
        await pilot.pause()
        assert app.language == other and isinstance(app.screen, ChecklistScreen)
        await print_checklist(pilot)
        assert said_after_switching in failures()[1][1]


async def test_exports_go_to_the_configured_folder_made_at_the_first_save(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """m3: not the folder govtui was started in, but `[export] folder`, created when first used;
    the next export proposes the folder the last one went to."""
    folder = tmp_path / "告知单"
    config = tmp_path / "config.toml"
    config.write_text(f'[export]\nfolder = "{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("GOVTUI_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    app = GovTuiApp(
        library=library,
        index=FakeIndex(library),
        language="zh",
        today=lambda: TODAY,
        ratings_dir=tmp_path / "ratings",
    )
    assert app.export_dir == folder
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert (folder / "longevity-allowance-2026-11-22.txt").is_file()
        assert not list(tmp_path.glob("*.txt"))

        # A folder the clerk types is never made: a typo is an error, and nothing is lost.
        stick = tmp_path / "usb"
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(folder / "longevity-allowance-2026-11-22.txt")
        path.value = str(stick / "notice.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not stick.exists()
        stick.mkdir()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value == str(stick / "notice.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (stick / "notice.txt").is_file()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        proposed = dialog.query_one("#export-path", Input).value
        assert proposed == str(stick / "longevity-allowance-2026-11-22.txt")
