"""What the screens look like, on synthetic content at fixed sizes (review the report first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from govtui.content.models import AnswerValue
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.checklist import ChecklistScreen
from govtui.tui.session import Session
from tests.tui.conftest import settle

SnapCompare = Callable[..., bool]


async def show_checklist(pilot: Pilot[Any], **answers: AnswerValue) -> None:
    """The allowance's checklist for these answers, without going through the questions."""
    app = pilot.app
    assert isinstance(app, GovTuiApp) and app.library is not None
    app.session = Session(app.library.guides["longevity-allowance"])
    for fact, value in answers.items():
        app.session.answer(fact, value)
    await app.push_screen(ChecklistScreen(app.session))
    await pilot.pause()


async def start_allowance(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, GovTuiApp)
    app.open_document("longevity-allowance", None)
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()


def test_search_with_nothing_typed(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """Search box on top, focused; the life event, then two categories with counts, then the tip.
    The footer shows F3 类型, F4 分类, Esc 清空, F1 帮助, F2 English."""
    assert snap_compare(make_app(), terminal_size=(100, 30))


def test_search_results_at_80_by_24(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """Results for 老: the life event and two services, each with a kind tag, the snippet with 老
    in reverse, and why it matched; the first result highlighted in yellow; status 找到N条."""

    async def type_query(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # the search box takes the focus once the screen is mounted
        await pilot.press("老")
        await settle(pilot)

    assert snap_compare(make_app(), run_before=type_query, terminal_size=(80, 24))


def test_guide_summary_at_80_by_24(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """The guide opens on its summary: title, tags, the plain sentence, then who / what to bring /
    where / how long / fee / visits as label-value rows, and the hint to press S."""

    async def open_guide(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, GovTuiApp)
        app.open_document("longevity-allowance", None)
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_guide, terminal_size=(80, 24))


def test_interview_with_the_checklist_beside_it(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """Second question (yes/no, 1 是 highlighted) with progress; eligibility still open in yellow
    naming 本县户籍; on the right the checklist so far, in the printout's groups
    (携带原件, 签署告知承诺, 容缺后补, 无需提交), with the agent branch."""

    async def answer_age(pilot: Pilot[Any]) -> None:
        await start_allowance(pilot)
        await pilot.press("8", "5", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=answer_age, terminal_size=(120, 30))


def test_checklist_with_items_missing(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """Checklist for an agent: the identity card ticked [✔] 已带; the letter of authorisation in
    red 未带; the status line in red names it; commitment, deferrable and shared groups follow."""

    async def to_checklist(pilot: Pilot[Any]) -> None:
        await show_checklist(pilot, age=85, hukou_local=True, applicant_role="agent")
        await pilot.press("space", "down")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=to_checklist, terminal_size=(100, 30))


def test_export_dialog_at_80_by_24(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """The export dialog fits 80×24: four formats (plain text chosen), the file name, the
    unticked box for personal data, Save and Cancel; the footer shows Ctrl+S and Esc."""

    async def to_export(pilot: Pilot[Any]) -> None:
        await show_checklist(pilot, age=85, hukou_local=True, applicant_role="self")
        await pilot.press("e")
        await pilot.pause()

    app = make_app()
    app.export_dir = Path("/exports")  # the same path on every machine
    assert snap_compare(app, run_before=to_export, terminal_size=(80, 24))


def test_search_in_english(snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]) -> None:
    """With --lang en the search screen is in English: the placeholder (e.g. dibao, lost ID card),
    Kind and Category filters, Ready; the life event under its English name with 老年人一件事
    below; Older people (2) and Identity (1); the tip. Footer: F3 Kind, F4 Category, Esc Clear,
    F1 Help, F2 中文."""
    assert snap_compare(make_app("en"), terminal_size=(100, 30))


def test_interview_at_80_by_24(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """On 80×24 the interview has no checklist beside it: the guide's title, 第1题，最多还有3题, the
    question 申请人几周岁？（周岁） over its number box (输入数字后按 Enter), eligibility still open
    (? 尚不能确定, needs 年龄、本县户籍). Footer: Esc 上一题, F6 核对回答, F8 告知单, F1, F2."""
    assert snap_compare(make_app(), run_before=start_allowance, terminal_size=(80, 24))


def test_review_when_not_eligible(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """Age 65 ends the interview on the review: ✘ 不符合条件 with a red bar, the failed rule
    年满八十周岁 with its basis (《示例老年人权益保障条例》 第3条), the read-back hint, then the one
    answer, 申请人几周岁？ 65 周岁, highlighted. Footer: Enter 修改, C 告知单, Esc 回到问题."""

    async def answer_too_young(pilot: Pilot[Any]) -> None:
        await start_allowance(pilot)
        await pilot.press("6", "5", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=answer_too_young, terminal_size=(100, 30))


def test_policy_reader_at_an_article(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """The policy reader opened at article 4: the title, 政策法规 · 地方 and 现行有效 in green, the
    issuer, document number and dates, the digest note, articles 3-5 with 第4条 户籍要求
    highlighted, then the two guides citing it with their departments. Footer: Enter, Esc."""

    async def open_policy(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, GovTuiApp)
        app.open_document("elderly-law", "4")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_policy, terminal_size=(100, 30))


def test_help_over_the_search(
    snap_compare: SnapCompare, make_app: Callable[..., GovTuiApp]
) -> None:
    """F1 on the search screen: a dialog over it with the five-step walkthrough, then 本页按键:
    only govtui's own keys, in Chinese (F3 类型, F4 分类, Esc 清空, ^q 退出, F1 帮助, F2 English,
    ^p 命令), none of the search box's editing keys; the privacy note last. Footer: Esc 关闭."""
    assert snap_compare(make_app(), press=["f1"], terminal_size=(100, 30))
