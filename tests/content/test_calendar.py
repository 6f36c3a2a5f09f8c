"""Working days on China's calendar: holidays, make-up days, and never a guessed date."""

from __future__ import annotations

import datetime
from pathlib import Path

import chinese_calendar
import pytest

from govtui.content.calendar import (
    EMPTY_CALENDAR,
    add_natural_days,
    add_working_days,
    deadline,
    first_unknown_year,
)
from govtui.content.loader import load_library
from govtui.content.models import Library
from tests.content.helpers import write_content

D = datetime.date


@pytest.fixture(scope="module")
def shipped_library(repository: Path) -> Library:
    return load_library(repository).library


def test_the_content_calendar_agrees_with_the_package_on_every_day_of_2026(
    shipped_library: Library,
) -> None:
    calendar = shipped_library.calendar
    assert 2026 in calendar.years
    day = D(2026, 1, 1)
    while day.year == 2026:
        assert calendar.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += datetime.timedelta(days=1)


def test_ten_working_days_across_national_day_count_the_make_up_saturday(
    shipped_library: Library,
) -> None:
    # 09-29 and 09-30 count, 10-01 to 10-07 are rest days, Saturday 10-10 is a working day.
    assert add_working_days(shipped_library.calendar, D(2026, 9, 28), 10) == D(2026, 10, 16)


def test_the_start_day_is_not_counted() -> None:
    # Monday + 1 working day is Tuesday (民法典 第二百零一条).
    assert add_working_days(EMPTY_CALENDAR, D(2026, 11, 23), 1) == D(2026, 11, 24)
    # Friday + 1 working day skips the weekend.
    assert add_working_days(EMPTY_CALENDAR, D(2026, 11, 27), 1) == D(2026, 11, 30)


def test_a_deadline_over_the_spring_festival_skips_the_holiday_and_counts_saturdays() -> None:
    # 2026-02-13 (Fri) + 5 working days: 02-14 (make-up Sat), then 02-16..20 and 02-23 are rest
    # days, so 02-24, 02-25, 02-26, 02-27.
    assert add_working_days(EMPTY_CALENDAR, D(2026, 2, 13), 5) == D(2026, 2, 27)


def test_a_year_no_one_knows_gives_no_date() -> None:
    assert add_working_days(EMPTY_CALENDAR, D(2026, 12, 24), 10) is None
    assert first_unknown_year(EMPTY_CALENDAR, 2026) == 2027


def test_natural_days_end_on_the_next_working_day_after_a_rest_day() -> None:
    # 2026-09-21 + 10 days is 10-01, a holiday: the period ends on 10-08 (第二百零三条).
    assert add_natural_days(EMPTY_CALENDAR, D(2026, 9, 21), 10) == D(2026, 10, 8)
    assert add_natural_days(EMPTY_CALENDAR, D(2026, 11, 2), 10) == D(2026, 11, 12)
    assert deadline(EMPTY_CALENDAR, D(2026, 11, 2), 10, "自然日") == D(2026, 11, 12)


def test_a_county_can_add_next_year_in_its_content(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        {
            "guides/_calendar.yaml": """\
            years:
              - year: 2027
                source: 测试用的假想通知
                rest_days: [2027-01-01]
                working_days: [2027-01-02]
            """
        },
    )
    calendar = load_library(root).library.calendar
    assert calendar.is_working_day(D(2027, 1, 1)) is False
    assert calendar.is_working_day(D(2027, 1, 2)) is True
    assert calendar.is_working_day(D(2027, 1, 4)) is True
    assert add_working_days(calendar, D(2026, 12, 30), 2) == D(2027, 1, 2)
    assert first_unknown_year(calendar, 2026) == 2028
