"""One event: a 好差评 rating (GB/T 39046 表9 fields) or a search that found nothing or was left."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from govtui.events.scrub import scrub_optional

Kind = Literal["rating", "search"]
# The five levels of GB/T 39046 A.8, best first, and 未评价: a visit the citizen did not rate.
Satisfaction = Literal[
    "very_satisfied", "satisfied", "basic", "dissatisfied", "very_dissatisfied", "unrated"
]
SearchOutcome = Literal["nothing_found", "abandoned"]

LEVELS: tuple[Satisfaction, ...] = get_args(Satisfaction)[:5]
BAD_LEVELS: frozenset[Satisfaction] = frozenset({"dissatisfied", "very_dissatisfied"})
# 满意率 as the 好差评 systems count it: 非常满意, 满意 and 基本满意 over all ratings given.
SATISFIED_LEVELS: frozenset[Satisfaction] = frozenset({"very_satisfied", "satisfied", "basic"})
# GB/T 39046 表9 评价渠道: 政务大厅其他终端 (a clerk's terminal is neither a tablet nor a web page).
CHANNEL_HALL_OTHER_TERMINAL = 5
FIRST_RATING, SECOND_RATING = 1, 2
# The rating dialog's stars, 1 (worst) to 5 (best), as levels.
_STARS: dict[int, Satisfaction] = {
    5: "very_satisfied",
    4: "satisfied",
    3: "basic",
    2: "dissatisfied",
    1: "very_dissatisfied",
}


class InvalidEvent(ValueError):
    """A record that is not an event; `field` names the part that is wrong."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True, slots=True)
class Event:
    """An immutable fact: once written it is never edited, and a second rating is a new event.

    It holds nothing about the citizen: free text is scrubbed before an event exists.
    """

    event_id: str
    kind: Kind
    point_code: str
    """行政区划 + 点位, as configured on the terminal ("" where it was not set)."""
    content_version: str
    occurred_at: datetime.datetime
    """Local time with its UTC offset: the hour at the counter is what the workload report needs."""
    service_id: str | None = None
    task_code: str | None = None
    """The service's 实施编码 (GB/T 39046 表4 item 3)."""
    satisfaction: Satisfaction | None = None
    text: str | None = None
    rating_count: int | None = None
    channel: int | None = None
    query: str | None = None
    search_outcome: SearchOutcome | None = None
    local_hour: int | None = None
    """The hour of day at the point (0-23); None for ratings carried over without a time."""

    @property
    def local_day(self) -> datetime.date:
        return self.occurred_at.date()

    @property
    def local_weekday(self) -> int | None:
        """1 (Monday) to 7, where the hour is known."""
        return None if self.local_hour is None else self.occurred_at.isoweekday()


def level_for_stars(stars: int) -> Satisfaction:
    """The level a citizen chose with 1-5 stars (5 is 非常满意)."""
    if stars not in _STARS:
        raise InvalidEvent("satisfaction")
    return _STARS[stars]


def new_event_id() -> str:
    return str(uuid.uuid4())


def rating_event(
    *,
    point_code: str,
    content_version: str,
    service_id: str,
    task_code: str | None,
    satisfaction: Satisfaction,
    text: str | None,
    at: datetime.datetime,
    rating_count: int = FIRST_RATING,
) -> Event:
    """A visit's rating. `satisfaction` has no default on purpose: a skipped rating is "unrated"."""
    event = Event(
        new_event_id(),
        "rating",
        point_code,
        content_version,
        _aware(at),
        service_id,
        task_code,
        satisfaction,
        scrub_optional(text) if satisfaction != "unrated" else None,
        rating_count,
        CHANNEL_HALL_OTHER_TERMINAL,
        local_hour=_aware(at).hour,
    )
    check(event)
    return event


def search_event(
    *,
    point_code: str,
    content_version: str,
    query: str,
    outcome: SearchOutcome,
    at: datetime.datetime,
) -> Event:
    """A query the clerk left: it found nothing, or its results were shown and none opened."""
    event = Event(
        new_event_id(),
        "search",
        point_code,
        content_version,
        _aware(at),
        query=scrub_optional(" ".join(query.split())),
        search_outcome=outcome,
        local_hour=_aware(at).hour,
    )
    check(event)
    return event


def _aware(at: datetime.datetime) -> datetime.datetime:
    return at if at.tzinfo is not None else at.astimezone()


def check(event: Event) -> None:
    """Raise `InvalidEvent` naming the first field that breaks the rules of its kind."""
    try:
        uuid.UUID(event.event_id)
    except ValueError:
        raise InvalidEvent("event_id") from None
    if event.kind not in get_args(Kind):
        raise InvalidEvent("kind")
    if event.occurred_at.tzinfo is None:
        raise InvalidEvent("occurred_at")
    if event.local_hour is not None and not 0 <= event.local_hour <= 23:
        raise InvalidEvent("local_hour")
    if event.kind == "rating":
        if event.satisfaction not in get_args(Satisfaction):
            raise InvalidEvent("satisfaction")
        if not event.service_id:
            raise InvalidEvent("service_id")
        if event.rating_count not in (FIRST_RATING, SECOND_RATING):
            raise InvalidEvent("rating_count")
        if event.satisfaction == "unrated" and event.text is not None:
            raise InvalidEvent("text")
        if event.query is not None or event.search_outcome is not None:
            raise InvalidEvent("query")
    else:
        if not event.query:
            raise InvalidEvent("query")
        if event.search_outcome not in get_args(SearchOutcome):
            raise InvalidEvent("search_outcome")
        if event.satisfaction is not None or event.text is not None:
            raise InvalidEvent("satisfaction")


FIELDS = (
    "event_id",
    "kind",
    "point_code",
    "content_version",
    "occurred_at",
    "service_id",
    "task_code",
    "satisfaction",
    "text",
    "rating_count",
    "channel",
    "query",
    "search_outcome",
    "local_hour",
)


def to_record(event: Event) -> dict[str, object]:
    """The event as plain JSON values, one key per field."""
    record: dict[str, object] = {name: getattr(event, name) for name in FIELDS}
    record["occurred_at"] = event.occurred_at.isoformat()
    return record


def from_record(record: Mapping[str, object]) -> Event:
    """An event from `to_record`'s form (or a database row's); free text is scrubbed again."""
    if not isinstance(record, Mapping):
        raise InvalidEvent("record")
    unknown = set(record) - set(FIELDS)
    if unknown:
        raise InvalidEvent(sorted(unknown)[0])
    values: dict[str, object] = {}
    for name in FIELDS:
        value = record.get(name)
        if name in ("rating_count", "channel", "local_hour"):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise InvalidEvent(name)
        elif name == "occurred_at":
            value = _moment(value)
        elif value is not None and not isinstance(value, str):
            raise InvalidEvent(name)
        values[name] = value
    for name in ("event_id", "kind", "point_code", "content_version"):
        if values[name] is None:
            raise InvalidEvent(name)
    # Scrubbed again: a file from elsewhere gets the same protection as a typed reason.
    values["text"] = scrub_optional(values["text"])  # type: ignore[arg-type]
    values["query"] = scrub_optional(values["query"])  # type: ignore[arg-type]
    event = Event(**values)  # type: ignore[arg-type]
    check(event)
    return event


def _moment(value: object) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidEvent("occurred_at") from None
    else:
        raise InvalidEvent("occurred_at")
    if moment.tzinfo is None:
        raise InvalidEvent("occurred_at")
    return moment
