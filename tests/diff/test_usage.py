"""The services a point handles most come from its own event store: the visits it finished."""

from __future__ import annotations

import datetime
from pathlib import Path

from govtui.diff.updates import usage_counts
from govtui.events.model import Event, Satisfaction, rating_event
from govtui.events.store import EventStore

AT = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def visit(service: str, satisfaction: Satisfaction) -> Event:
    return rating_event(
        point_code="990105-001",
        content_version="2026.12.01",
        service_id=service,
        task_code=None,
        satisfaction=satisfaction,
        text=None,
        at=AT,
    )


def test_every_finished_visit_counts_rated_or_not(tmp_path: Path) -> None:
    with EventStore.terminal(tmp_path) as store:
        store.add(
            [
                visit("dibao-application", "satisfied"),
                visit("dibao-application", "unrated"),
                visit("id-card-replacement-lost", "very_satisfied"),
            ]
        )
    counts = usage_counts(tmp_path)
    assert counts.most_common() == [("dibao-application", 2), ("id-card-replacement-lost", 1)]


def test_a_terminal_without_a_store_falls_back_to_the_content_order(tmp_path: Path) -> None:
    assert usage_counts(tmp_path) == {}
