"""Events made to order for the tests: a fixed point in time, one point code, known content."""

from __future__ import annotations

import datetime

from govtui.events.model import Event, Satisfaction, rating_event, search_event

CHINA = datetime.timezone(datetime.timedelta(hours=8))
# Monday 23 November 2026, 09:30 at the counter.
MONDAY = datetime.datetime(2026, 11, 23, 9, 30, tzinfo=CHINA)
POINT = "990105-001"


def rating(
    satisfaction: Satisfaction = "satisfied",
    *,
    service: str = "dibao-application",
    text: str | None = None,
    at: datetime.datetime = MONDAY,
    point: str = POINT,
) -> Event:
    return rating_event(
        point_code=point,
        content_version="2026.11.01",
        service_id=service,
        task_code="990105000000000000000001",
        satisfaction=satisfaction,
        text=text,
        at=at,
    )


def search(query: str, outcome: str = "nothing_found", *, at: datetime.datetime = MONDAY) -> Event:
    assert outcome in ("nothing_found", "abandoned")
    return search_event(
        point_code=POINT,
        content_version="2026.11.01",
        query=query,
        outcome="nothing_found" if outcome == "nothing_found" else "abandoned",
        at=at,
    )
