"""China's working-day calendar: holidays and make-up working days, and deadlines counted on it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from govtui.content.models import DayUnit, Location


@dataclass(frozen=True, slots=True)
class CalendarYear:
    """One year as the State Council's holiday notice sets it (国务院办公厅 节假日安排通知)."""

    year: int
    source: str
    rest_days: frozenset[datetime.date]
    working_days: frozenset[datetime.date]
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """The content's own years first, then the chinesecalendar package's; unknown beyond both.

    The content file lets a county add next year as soon as the notice is out, without a new
    release of govtui; the package covers the years it was released with.
    """

    years: Mapping[int, CalendarYear]

    def is_working_day(self, day: datetime.date) -> bool | None:
        """True or False where the year is known; None where neither source knows it."""
        year = self.years.get(day.year)
        if year is not None:
            if day in year.working_days:
                return True
            if day in year.rest_days:
                return False
            return day.weekday() < 5
        return _package_working_day(day)

    def knows(self, year: int) -> bool:
        return year in self.years or _package_working_day(datetime.date(year, 6, 1)) is not None


EMPTY_CALENDAR = WorkingCalendar({})


def first_unknown_year(calendar: WorkingCalendar, from_year: int) -> int:
    """The first year from `from_year` on whose holidays are not known yet."""
    year = from_year
    while calendar.knows(year):
        year += 1
    return year


def _package_working_day(day: datetime.date) -> bool | None:
    # Imported here: most commands never count a deadline, and the package costs 14 ms to import.
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        # The package refuses years it has no notice for, rather than guessing: so do we.
        return None


def add_working_days(
    calendar: WorkingCalendar, start: datetime.date, days: int
) -> datetime.date | None:
    """The last day of a period of `days` working days that starts on `start`.

    The start day itself is not counted (民法典 第二百零一条); None when the period runs into a
    year the calendar does not know, because guessing a holiday would print a wrong date.
    """
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        working = calendar.is_working_day(day)
        if working is None:
            return None
        if working:
            counted += 1
    return day


def add_natural_days(
    calendar: WorkingCalendar, start: datetime.date, days: int
) -> datetime.date | None:
    """The last day of a period of `days` calendar days that starts on `start`.

    The start day is not counted (第二百零一条); a period ending on a rest day ends on the next
    working day instead (第二百零三条). None where that cannot be known.
    """
    day = start + datetime.timedelta(days=days)
    while True:
        working = calendar.is_working_day(day)
        if working is None:
            return None
        if working:
            return day
        day += datetime.timedelta(days=1)


def deadline(
    calendar: WorkingCalendar, start: datetime.date, days: int, unit: DayUnit
) -> datetime.date | None:
    """The last day of a limit counted from `start`, in the limit's own unit."""
    if unit == "工作日":
        return add_working_days(calendar, start, days)
    return add_natural_days(calendar, start, days)
