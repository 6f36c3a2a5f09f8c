"""An ID number typed into a question is checked against the app's date, not the computer's."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from textual.widgets import Input, Static

from govtui.content.models import AnswerValue
from govtui.interview.validate import id_number_check_digit
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.dialogs import QuestionDialog
from tests.tui.conftest import SIZE, TODAY


def _number(born: datetime.date) -> str:
    first17 = f"110105{born:%Y%m%d}123"
    return first17 + id_number_check_digit(first17)


async def test_a_birth_date_after_the_apps_today_is_refused_in_the_form(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    answered: list[AnswerValue | None] = []
    async with app.run_test(size=SIZE) as pilot:
        assert app.library is not None
        # The synthetic content asks no ID number: its mobile question, turned into one.
        fact = dataclasses.replace(
            app.library.facts["applicant_phone"], id="applicant_id_number", format="id_number"
        )
        app.push_screen(QuestionDialog(fact, None), answered.append)
        await pilot.pause()
        box = app.screen.query_one("#answer-input", Input)
        # The day after the app's date (a fixed one here, long before the computer's today).
        box.value = _number(TODAY + datetime.timedelta(days=1))
        await pilot.press("enter")
        await pilot.pause()
        problem = str(app.screen.query_one("#answer-error", Static).render())
        assert "出生日期不能晚于今天" in problem
        assert answered == []
        box.value = "990101" + _number(TODAY)[6:]
        await pilot.press("enter")
        await pilot.pause()
        assert "行政区划代码" in str(app.screen.query_one("#answer-error", Static).render())
        born_today = _number(TODAY)
        box.value = born_today
        await pilot.press("enter")
        await pilot.pause()
    assert answered == [born_today]
