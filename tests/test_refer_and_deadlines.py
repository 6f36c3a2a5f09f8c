"""Issue-level checks on the shipped sample content: a referred first ID card, a dated 容缺 item."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui.cli import app as cli
from govtui.content.loader import load_library
from govtui.content.models import AnswerValue, Library
from govtui.interview import evaluate_target
from govtui.tui.screens.checklist import ChecklistScreen
from govtui.tui.screens.guide import GuideScreen
from govtui.tui.session import Session
from tests.tui.conftest import app_on

# A citizen whose hukou is in another province, who lives and works here but has no residence
# permit yet: the first ID card is neither refused nor taken here, it is referred.
OUT_OF_PROVINCE: dict[str, str] = {
    "applicant_role": "self",
    "age": "19",
    "hukou_local": "false",
    "has_local_residence_permit": "false",
    "local_residence_basis": "employment",
    "id_card_held_before": "false",
    "applicant_is_child_parent": "true",
}
AS_OF = "2026-12-03"


@pytest.fixture(scope="module")
def shipped(repository: Path) -> Library:
    return load_library(repository).library


def checklist(repository: Path, *extra: str) -> str:
    answers = [
        part for fact, value in OUT_OF_PROVINCE.items() for part in ("--answer", f"{fact}={value}")
    ]
    result = CliRunner().invoke(
        cli,
        [
            "--content",
            str(repository),
            "checklist",
            "id-card-first-application",
            *answers,
            "--as-of",
            AS_OF,
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_cli_json_says_refer_with_the_office(repository: Path) -> None:
    data = json.loads(checklist(repository, "--format", "json"))
    assert data["eligibility"]["state"] == "refer"
    referrals = [r["refer"] for r in data["eligibility"]["reasons"] if "refer" in r]
    assert referrals and referrals[0]["office"]["name"] == "青禾县公安局 户政服务大厅"
    assert referrals[0]["basis"], "a referral says on what rule it rests"
    # The receiving office says what to bring, and takes its own form.
    assert data["materials"] == [] and data["form"]["fields"] == []


def test_the_text_export_says_refer_with_the_office(repository: Path) -> None:
    printed = checklist(repository, "--format", "text")
    assert "初步判断：不在本窗口办理，请转往他处" in printed
    assert "请到以下部门或渠道办理：" in printed
    assert "地址：示例市青禾县禾丰路100号 政务服务中心一楼 公安专区" in printed
    assert "咨询电话：0000-5550110" in printed
    assert "不符合条件" not in printed


async def test_the_tui_shows_refer_with_the_office(shipped: Library, tmp_path: Path) -> None:
    app = app_on(shipped, tmp_path, datetime.date(2026, 12, 3))
    async with app.run_test(size=(120, 40)) as pilot:
        app.session = Session(shipped.guides["id-card-first-application"])
        for fact, value in OUT_OF_PROVINCE.items():
            typed: AnswerValue = {"true": True, "false": False}.get(value, value)
            app.session.answer(fact, 19 if fact == "age" else typed)
        await app.push_screen(ChecklistScreen(app.session))
        await pilot.pause()
        shown = "\n".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "→ 不在本窗口办理，请转往他处" in shown
        assert "青禾县公安局 户政服务大厅" in shown
        assert "所需材料以受理地的告知为准" in shown
        await app.push_screen(GuideScreen(shipped.guides["id-card-first-application"]))
        await pilot.pause()
        guide = "\n".join(str(widget.render()) for widget in app.screen.query("Static"))
        for element in ("事项编码", "收费依据", "结果送达", "跨省通办", "不予受理的情形"):
            assert element in guide
        assert "行政复议：" in guide and "60日内" in guide
        assert "12345政务服务便民热线" in guide
        assert "不符合时转往：" in guide


def test_a_deferred_item_prints_a_date_that_skips_holidays(shipped: Library) -> None:
    # Every 容缺 item that a worked example reaches, dated from Monday 2026-09-28: the days
    # run past the National Day holiday (10-01 to 10-07) and count Saturday 10-10.
    start = datetime.date(2026, 9, 28)
    checked = 0
    for guide in shipped.guides.values():
        for example in guide.examples:
            outcome = evaluate_target(shipped, guide, example.answers, start)
            for item in outcome.items:
                if item.state != "deferrable" or not item.material.defer_days:
                    continue
                day, counted = start, 0
                while counted < item.material.defer_days:
                    day += datetime.timedelta(days=1)
                    counted += shipped.calendar.is_working_day(day) is True
                assert item.due == day
                assert not datetime.date(2026, 10, 1) <= day <= datetime.date(2026, 10, 7)
                checked += 1
    assert checked
