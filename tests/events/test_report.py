"""The report's figures on a known data set, the same from SQLite and PostgreSQL, and its faces."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from govtui.content.calendar import EMPTY_CALENDAR, add_working_days
from govtui.events import CodeDirection
from govtui.events.model import Event
from govtui.events.report import Filters, Report, build_report
from govtui.events.store import EventStore
from govtui.events.table9 import rows, satisfaction_code, to_csv
from govtui.render.report_html import render_report_html
from govtui.render.report_text import render_report_json, render_report_text
from tests.events.helpers import CHINA, MONDAY, rating, search
from tests.render.helpers import GOLDEN

TUESDAY_AFTERNOON = datetime.datetime(2026, 11, 24, 14, 10, tzinfo=CHINA)
# Thursday 24 December 2026: 15 working days later is Friday 15 January 2027, beyond the years
# the calendar knows, so the deadline is unknown rather than guessed.
LATE_DECEMBER = datetime.datetime(2026, 12, 24, 10, 0, tzinfo=CHINA)


def known_events() -> list[Event]:
    return [
        rating("very_satisfied"),
        rating("satisfied"),
        rating("basic", service="newborn"),
        rating("dissatisfied", text="我叫张三，窗口说材料不全", at=TUESDAY_AFTERNOON),
        rating("very_dissatisfied", service="newborn", at=LATE_DECEMBER, point="990105-002"),
        rating("unrated"),
        rating("unrated", service="newborn", at=TUESDAY_AFTERNOON),
        search("殡葬费报销"),
        search("殡葬费报销", at=TUESDAY_AFTERNOON),
        search("殡葬费报销", "abandoned"),
        search("高龄补贴怎么领", "abandoned"),
        # Outside the period of the filtered report.
        rating("very_dissatisfied", at=MONDAY - datetime.timedelta(days=30)),
    ]


def _report(store: EventStore, filters: Filters | None = None) -> Report:
    return build_report(
        store.database,
        filters or Filters(),
        deadline=lambda day, days: add_working_days(EMPTY_CALENDAR, day, days),
        names={"dibao-application": "最低生活保障审核确认", "newborn": "新生儿出生一件事"},
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> EventStore:
    if request.param == "sqlite":
        opened = EventStore.terminal(tmp_path)
    else:
        opened = EventStore.open(request.getfixturevalue("postgres_url"))
    opened.add(known_events())
    request.addfinalizer(opened.close)
    return opened


def test_the_figures_of_a_known_data_set(store: EventStore) -> None:
    report = _report(store, Filters(datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)))
    by_service = {row.key: row for row in report.by_service}
    dibao, newborn = by_service["dibao-application"], by_service["newborn"]
    assert dict(dibao.counts) == {
        "very_satisfied": 1,
        "satisfied": 1,
        "dissatisfied": 1,
        "unrated": 1,
    }
    assert (dibao.rated, dibao.unrated, dibao.share_satisfied) == (3, 1, 2 / 3)
    assert (newborn.rated, newborn.unrated, newborn.share_satisfied) == (2, 1, 1 / 2)
    assert [(row.key, row.rated) for row in report.by_point] == [
        ("990105-001", 4),
        ("990105-002", 1),
    ]
    assert (report.total.rated, report.total.unrated) == (5, 2)
    assert [(bad.day, bad.satisfaction, bad.text, bad.deadline) for bad in report.bad] == [
        # 15 working days after Tue 24 Nov 2026, the start day not counted: Tue 15 Dec 2026.
        (
            datetime.date(2026, 11, 24),
            "dissatisfied",
            "我叫〔姓名〕，窗口说材料不全",
            datetime.date(2026, 12, 15),
        ),
        (datetime.date(2026, 12, 24), "very_dissatisfied", None, None),
    ]
    assert [(q.query, q.nothing_found, q.abandoned) for q in report.queries] == [
        ("殡葬费报销", 2, 1),
        ("高龄补贴怎么领", 0, 1),
    ]
    assert [(load.service_id, load.visits) for load in report.busiest] == [
        ("dibao-application", 4),
        ("newborn", 3),
    ]
    assert (report.by_hour[9], report.by_hour[14], report.by_hour[10], sum(report.by_hour)) == (
        4,
        2,
        1,
        7,
    )
    assert report.by_weekday == (4, 2, 0, 1, 0, 0, 0)  # Monday, Tuesday, Thursday
    unfiltered = _report(store)
    assert unfiltered.total.rated == 6
    one_point = _report(store, Filters(point_code="990105-002"))
    assert [row.key for row in one_point.by_service] == ["newborn"]


def test_the_report_reads_the_same_in_text_html_and_json(
    tmp_path: Path, snapshot: SnapshotAssertion
) -> None:
    with EventStore.terminal(tmp_path) as store:
        store.add(known_events())
        report = _report(store, Filters(datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)))
    # The event ids are random: the golden files show the figures, not the ids.
    figures = json.loads(render_report_json(report))
    for bad in figures["bad"]:
        bad["event_id"] = "…"
    assert json.dumps(figures, ensure_ascii=False, indent=2) == snapshot.use_extension(
        GOLDEN["json"]
    )(name="report")
    assert render_report_text(report, "zh") == snapshot.use_extension(GOLDEN["txt"])(
        name="report.zh"
    )
    assert render_report_text(report, "en") == snapshot.use_extension(GOLDEN["txt"])(
        name="report.en"
    )
    html = render_report_html(report, "zh")
    assert html == snapshot.use_extension(GOLDEN["html"])(name="report.zh")
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize(
    ("direction", "very_satisfied", "very_dissatisfied"), [("gb", 1, 5), ("reversed", 5, 1)]
)
def test_table9_codes_follow_the_chosen_direction(
    direction: str, very_satisfied: int, very_dissatisfied: int
) -> None:
    chosen: CodeDirection = "gb" if direction == "gb" else "reversed"
    assert satisfaction_code("very_satisfied", chosen) == very_satisfied
    assert satisfaction_code("very_dissatisfied", chosen) == very_dissatisfied
    assert satisfaction_code("basic", chosen) == 3
    table = rows(known_events(), chosen)
    assert len(table) == 6  # the two unrated visits are not ratings
    parsed = list(csv.DictReader(io.StringIO(to_csv(table).removeprefix("\ufeff"))))
    first = parsed[0]
    assert first["满意度"] == "非常满意" and first["满意度代码"] == str(very_satisfied)
    assert first["评价渠道"] == "政务大厅其他终端" and first["评价渠道代码"] == "5"
    assert first["评价时间"] == "20261123T093000"
    assert first["评价次数"] == "1" and first["行政区划"] == "990105"
    assert first["评价人"] == ""  # nobody's name, ever
