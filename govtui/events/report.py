"""What a director reads, computed in SQL that both databases run: ratings, bad ratings with their
rectification deadline, searches that found nothing, and the busiest services by hour and weekday.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from govtui.events.database import Database
from govtui.events.model import BAD_LEVELS, LEVELS, SATISFIED_LEVELS, Satisfaction

# The working days a bad rating has to be rectified and answered in, unless configured. The number
# is a county's to set ([ratings] rectification_working_days); see docs/events.md for its source.
DEFAULT_RECTIFICATION_WORKING_DAYS = 15
BUSIEST_LIMIT = 10
QUERY_LIMIT = 50

Deadline = Callable[[datetime.date, int], datetime.date | None]


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a report covers: a period of days (both ends included) and one point."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    point_code: str | None = None

    def where(self, kind: str) -> tuple[str, list[object]]:
        clauses: list[str] = ["kind = ?"]
        parameters: list[object] = [kind]
        if self.start is not None:
            clauses.append("local_day >= ?")
            parameters.append(self.start.isoformat())
        if self.end is not None:
            clauses.append("local_day <= ?")
            parameters.append(self.end.isoformat())
        if self.point_code is not None:
            clauses.append("point_code = ?")
            parameters.append(self.point_code)
        return " AND ".join(clauses), parameters


@dataclass(frozen=True, slots=True)
class RatingCounts:
    """How one service (or one point) was rated: a count per level, and 未评价 apart."""

    key: str
    counts: Mapping[Satisfaction, int]

    @property
    def rated(self) -> int:
        return sum(self.counts.get(level, 0) for level in LEVELS)

    @property
    def unrated(self) -> int:
        return self.counts.get("unrated", 0)

    @property
    def share_satisfied(self) -> float | None:
        """非常满意 + 满意 + 基本满意 over the ratings given; None when nobody rated."""
        if not self.rated:
            return None
        return sum(self.counts.get(level, 0) for level in SATISFIED_LEVELS) / self.rated


@dataclass(frozen=True, slots=True)
class BadRating:
    event_id: str
    day: datetime.date
    point_code: str
    service_id: str
    satisfaction: Satisfaction
    text: str | None
    deadline: datetime.date | None
    """The last day to rectify and answer; None where the calendar does not know the year."""


@dataclass(frozen=True, slots=True)
class QueryCount:
    query: str
    nothing_found: int
    abandoned: int
    last_day: datetime.date

    @property
    def total(self) -> int:
        return self.nothing_found + self.abandoned


@dataclass(frozen=True, slots=True)
class ServiceLoad:
    """Visits of one service (every finished visit leaves a rating event, rated or not)."""

    service_id: str
    visits: int
    by_hour: tuple[int, ...]
    """24 counts, hour 0 to 23."""
    by_weekday: tuple[int, ...]
    """7 counts, Monday to Sunday."""


@dataclass(frozen=True, slots=True)
class Report:
    filters: Filters
    source: str
    rectification_working_days: int
    by_service: tuple[RatingCounts, ...]
    by_point: tuple[RatingCounts, ...]
    total: RatingCounts
    bad: tuple[BadRating, ...]
    queries: tuple[QueryCount, ...]
    busiest: tuple[ServiceLoad, ...]
    by_hour: tuple[int, ...]
    by_weekday: tuple[int, ...]
    names: Mapping[str, str] = field(default_factory=dict)
    """Service ids to their names, where the content knows them."""

    def name(self, service_id: str) -> str:
        return self.names.get(service_id, service_id)


def build_report(
    database: Database,
    filters: Filters,
    *,
    deadline: Deadline,
    rectification_working_days: int = DEFAULT_RECTIFICATION_WORKING_DAYS,
    names: Mapping[str, str] | None = None,
) -> Report:
    """The report over `database`; `deadline(day, n)` counts n working days after a day."""
    where, parameters = filters.where("rating")
    by_service = _counts(database, "service_id", where, parameters)
    by_point = _counts(database, "point_code", where, parameters)
    total: defaultdict[Satisfaction, int] = defaultdict(int)
    for row in by_service:
        for level, count in row.counts.items():
            total[level] += count
    rows = database.execute(
        "SELECT event_id, local_day, point_code, service_id, satisfaction, rating_text"
        f" FROM events WHERE {where} AND satisfaction IN (?, ?)"
        " ORDER BY local_day, occurred_at, event_id",
        [*parameters, *sorted(BAD_LEVELS)],
    )
    # Counted once a day, not once a rating: a busy county has thousands of bad ratings a month.
    deadlines: dict[str, datetime.date | None] = {}
    for local_day in {row[1] for row in rows}:
        deadlines[local_day] = deadline(
            datetime.date.fromisoformat(local_day), rectification_working_days
        )
    bad = tuple(
        BadRating(
            str(event_id),
            datetime.date.fromisoformat(local_day),
            point,
            service,
            satisfaction,
            text,
            deadlines[local_day],
        )
        for event_id, local_day, point, service, satisfaction, text in rows
    )
    busiest, by_hour, by_weekday = _load(database, where, parameters)
    return Report(
        filters,
        database.dialect,
        rectification_working_days,
        by_service,
        by_point,
        RatingCounts("", dict(total)),
        bad,
        _queries(database, filters),
        busiest,
        by_hour,
        by_weekday,
        dict(names or {}),
    )


def _counts(
    database: Database, column: str, where: str, parameters: list[object]
) -> tuple[RatingCounts, ...]:
    rows = database.execute(
        f"SELECT {column}, satisfaction, count(*) FROM events WHERE {where}"
        f" GROUP BY {column}, satisfaction",
        parameters,
    )
    counts: defaultdict[str, dict[Satisfaction, int]] = defaultdict(dict)
    for key, satisfaction, count in rows:
        counts[key or ""][satisfaction] = int(count)
    found = [RatingCounts(key, levels) for key, levels in counts.items()]
    # Most ratings first; a tie in the order of the key, so the report reads the same every time.
    return tuple(sorted(found, key=lambda row: (-(row.rated + row.unrated), row.key)))


def _queries(database: Database, filters: Filters) -> tuple[QueryCount, ...]:
    where, parameters = filters.where("search")
    rows = database.execute(
        "SELECT query, search_outcome, count(*), max(local_day) FROM events"
        f" WHERE {where} GROUP BY query, search_outcome",
        parameters,
    )
    found: dict[str, dict[str, object]] = {}
    for query, outcome, count, last in rows:
        entry = found.setdefault(query, {"nothing_found": 0, "abandoned": 0, "last": last})
        entry[outcome] = int(count)
        entry["last"] = max(str(entry["last"]), str(last))
    queries = [
        QueryCount(
            query,
            int(str(entry["nothing_found"])),
            int(str(entry["abandoned"])),
            datetime.date.fromisoformat(str(entry["last"])),
        )
        for query, entry in found.items()
    ]
    queries.sort(key=lambda item: (-item.total, -item.nothing_found, item.query))
    return tuple(queries[:QUERY_LIMIT])


def _load(
    database: Database, where: str, parameters: list[object]
) -> tuple[tuple[ServiceLoad, ...], tuple[int, ...], tuple[int, ...]]:
    rows = database.execute(
        "SELECT service_id, local_weekday, local_hour, count(*) FROM events"
        f" WHERE {where} GROUP BY service_id, local_weekday, local_hour",
        parameters,
    )
    visits: defaultdict[str, int] = defaultdict(int)
    hours: defaultdict[str, list[int]] = defaultdict(lambda: [0] * 24)
    weekdays: defaultdict[str, list[int]] = defaultdict(lambda: [0] * 7)
    for service, weekday, hour, count in rows:
        visits[service] += int(count)
        if hour is not None and weekday is not None:  # ratings carried over kept no time
            hours[service][int(hour)] += int(count)
            weekdays[service][int(weekday) - 1] += int(count)
    ranked = sorted(visits, key=lambda service: (-visits[service], service))
    busiest = tuple(
        ServiceLoad(service, visits[service], tuple(hours[service]), tuple(weekdays[service]))
        for service in ranked[:BUSIEST_LIMIT]
    )
    by_hour = tuple(sum(hours[service][hour] for service in hours) for hour in range(24))
    by_weekday = tuple(sum(weekdays[service][day] for service in weekdays) for day in range(7))
    return busiest, by_hour, by_weekday
