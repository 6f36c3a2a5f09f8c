"""The old ratings file (`ratings.json`) moves into the store, once, losing nothing."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Mapping
from pathlib import Path

from govtui.events.model import (
    CHANNEL_HALL_OTHER_TERMINAL,
    FIRST_RATING,
    Event,
    InvalidEvent,
    check,
    level_for_stars,
)
from govtui.events.scrub import scrub_optional
from govtui.events.store import EventStore

LEGACY_FILE = "ratings.json"
MOVED_SUFFIX = ".moved-to-events"
# Ids made from the record itself: a move cut short and run again inserts nothing twice.
_NAMESPACE = uuid.UUID("5b0c7d52-3a4e-4c1b-9a8e-39046b9e0001")


def move_legacy_ratings(
    folder: Path,
    store: EventStore,
    *,
    point_code: str,
    task_codes: Mapping[str, str | None],
) -> int:
    """Copy `ratings.json` in `folder` into `store`, then rename it; returns the ratings moved.

    The file is renamed only after the events are committed, and kept (never deleted). Records
    that are not ratings are left in it and it is not renamed, so nothing is lost silently.
    """
    path = folder / LEGACY_FILE
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return 0
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return 0  # a damaged file stays where it is, for a person to look at
    if not isinstance(records, list):
        return 0
    events = []
    for number, record in enumerate(records):
        event = _event(record, number, point_code, task_codes)
        if event is None:
            return 0
        events.append(event)
    store.add(events)
    path.rename(path.with_name(path.name + MOVED_SUFFIX))
    return len(events)


def _event(
    record: object, number: int, point_code: str, task_codes: Mapping[str, str | None]
) -> Event | None:
    if not isinstance(record, dict):
        return None
    try:
        service = str(record["guide"])
        day = datetime.date.fromisoformat(str(record["date"]))
        satisfaction = level_for_stars(int(record["rating"]))
    except (KeyError, ValueError, TypeError, InvalidEvent):
        return None
    reason = record.get("reason")
    # The old file kept a date, not a time: midnight, and no hour for the workload report.
    moment = datetime.datetime.combine(day, datetime.time()).astimezone()
    identity = json.dumps([number, record], ensure_ascii=False, sort_keys=True)
    event = Event(
        str(uuid.uuid5(_NAMESPACE, identity)),
        "rating",
        point_code,
        "before-events",
        moment,
        service,
        task_codes.get(service),
        satisfaction,
        scrub_optional(reason) if isinstance(reason, str) else None,
        FIRST_RATING,
        CHANNEL_HALL_OTHER_TERMINAL,
    )
    check(event)
    return event


def open_terminal_store(
    folder: Path, *, point_code: str, task_codes: Mapping[str, str | None]
) -> EventStore:
    """The terminal's store in `folder`, with an old ratings file moved into it on first start."""
    store = EventStore.terminal(folder)
    move_legacy_ratings(folder, store, point_code=point_code, task_codes=task_codes)
    return store
