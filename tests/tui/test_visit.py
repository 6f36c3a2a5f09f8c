"""The visit as a clerk lives it: ticks on the handout, shared answers, keys that reach "why"."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from textual.message import Message
from textual.widgets import Input, Static

from govtui.content.loader import load_library
from govtui.content.models import AnswerValue, Library
from govtui.interview import evaluate_target
from govtui.render.checklist import render_checklist
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.checklist import ChecklistScreen, TickRow
from govtui.tui.screens.dialogs import WhyDialog
from govtui.tui.screens.guide import GuideScreen
from govtui.tui.screens.interview import InterviewScreen
from govtui.tui.screens.review import ReviewScreen
from govtui.tui.widgets.rows import Row
from tests.tui.conftest import SIZE, app_on
from tests.tui.test_flows import notices, open_allowance_checklist


async def test_ticks_reach_every_export_and_say_what_is_still_missing(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    """M2: tick the ID card only; the handout marks it and asks for the rest next time."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "2")
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        first = screen.query(TickRow).first()
        first.focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.session is not None and app.session.brought == {first.item.id}
        library = app.library
        assert library is not None
        outcome = app.outcome(app.session)
        for fmt in ("text", "receipt", "markdown", "html"):
            handout = render_checklist(library, outcome, fmt, brought=app.session.brought)
            assert "下次请带来" in handout, fmt
        text = render_checklist(library, outcome, "text", brought=app.session.brought)
        assert f"[✔] {first.item.material.name}" in text
        missing_part = text.split("下次请带来：", 1)[1].split("\n\n", 1)[0]
        assert first.item.material.name not in missing_part
        assert "授权委托书" in missing_part


async def test_a_second_service_reuses_the_answers_of_the_visit_and_says_so(
    make_app: Callable[..., GovTuiApp],
) -> None:
    """M4: the senior card after the allowance does not ask the age again."""
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        library = app.library
        assert library is not None
        app.start_application(library.guides["senior-card"])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert any(
            "已沿用本次来访已回答的：" in notice and "年龄" in notice for notice in notices(seen)
        )
        assert screen.outcome is not None
        asked = screen.outcome.next_question
        assert asked is None or asked.id != "age"
        assert app.session is not None and app.session.answers["age"] == 85
        # Both services on one notice, the shared ID card listed once.
        app.visit_checklist()
        await pilot.pause()
        combined = app.screen
        assert isinstance(combined, ChecklistScreen)
        rows = [row.item.id for row in combined.query(TickRow)]
        assert rows.count("applicant-id-card") == 1
        # Finish and clear from the palette's action: the whole visit goes.
        app.action_finish_visit()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not app.visit.open and app.session is None


async def test_arrows_walk_a_guides_requirements_and_enter_says_why(
    make_app: Callable[..., GovTuiApp],
) -> None:
    """M8: ↓ highlights a requirement at once, Enter opens why; W does it on the checklist."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("longevity-allowance", None)
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("down")
        assert isinstance(app.focused, Row)
        first = app.focused
        await pilot.press("down")
        assert isinstance(app.focused, Row) and app.focused is not first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WhyDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        app.screen.query(TickRow).first().focus()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhyDialog)


async def test_the_chinese_ui_says_its_own_words_in_chinese(
    make_app: Callable[..., GovTuiApp],
) -> None:
    """M10: the palette's box, the visit hint and the help are Chinese in the Chinese UI."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.placeholder == "搜索命令…"
        await pilot.press("escape")
        await pilot.pause()
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "1")
        await app.return_to_search()
        await pilot.pause()
        assert app.screen.sub_title == "本次来访还有未清除的回答（F9 办结清除）"
        await pilot.press("f1")
        await pilot.pause()
        help_text = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
        for english in ("Move cursor", "Delete character", "Focus Next", "Copy selected"):
            assert english not in help_text


async def test_a_bundle_does_not_ask_what_its_event_implies(
    repository: Path, tmp_path: Path
) -> None:
    """M5: in every shipped bundle, nothing it implies outright is ever the next question."""
    library: Library = load_library(repository).library
    today = datetime.date(2026, 12, 3)
    app = app_on(library, tmp_path, today)
    checked = 0
    async with app.run_test(size=SIZE) as pilot:
        for bundle in library.bundles.values():
            implied = {
                fact
                for implication in bundle.implies
                if implication.when is None
                for fact in implication.then.facts()
            }
            if not implied:
                continue
            app.start_application(bundle)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, InterviewScreen)
            worded = {label.fact: label.label for label in bundle.labels}
            answers: dict[str, AnswerValue] = {}
            for _ in range(40):
                outcome = evaluate_target(library, bundle, answers, today)
                fact = outcome.next_question
                if fact is None:
                    break
                assert fact.id not in implied, (bundle.id, fact.id)
                if fact.id in worded:
                    assert fact.label == worded[fact.id], (bundle.id, fact.id)
                answers[fact.id] = fact.choices[0].value if fact.choices else True
            checked += 1
            await app.return_to_search()
            app.visit.clear()
    assert checked >= 1


async def test_a_matter_handled_elsewhere_says_where_to_go(
    repository: Path, tmp_path: Path
) -> None:
    """M9: "passport" opens an honest "not here: go to the exit-entry office", in English too."""
    from govtui.tui.screens.dialogs import ElsewhereDialog

    library = load_library(repository).library
    app = app_on(library, tmp_path, datetime.date(2026, 12, 3), "en")
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("chinese-passport", None)
        await pilot.pause()
        assert isinstance(app.screen, ElsewhereDialog)
        shown = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "Not handled at this window" in shown and "exit-entry" in shown


async def test_back_shows_earlier_answers_without_withdrawing_any(
    repository: Path, tmp_path: Path
) -> None:
    """m2: Esc walks back over answers and keeps them; confirming walks forward over the rest."""
    library: Library = load_library(repository).library
    app = app_on(library, tmp_path, datetime.date(2026, 12, 3))
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("dibao-application", None)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("1", "1", "1", "2")
        await pilot.pause()
        assert app.session is not None
        given = dict(app.session.answers)
        assert len(given) == 4
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.session.answers == given
        third = app.session.asked[2]
        assert app.session.revisited() == third
        assert "回看第3题" in str(app.screen.query_one("#progress-text", Static).render())
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert len(app.screen.query(f"#answer-{third}")) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("1")  # the same answer again: on to the fourth, still answered
        await pilot.pause()
        assert app.session.revisited() == app.session.asked[3]
        await pilot.press("2")  # and past the last answered one, to the first new question
        await pilot.pause()
        assert app.session.revisited() is None
        assert app.session.answers == given
        assert "第5题" in str(app.screen.query_one("#progress-text", Static).render())
