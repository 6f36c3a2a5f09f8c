"""The append-only event store: write events, read the unsent ones, carry them as JSON Lines.

The same table serves the terminal (SQLite, with its outbox columns) and the county (PostgreSQL);
an event is inserted once by its id, so a repeated push or import changes nothing.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import GovtuiError
from govtui.events.database import Database, SqliteDatabase, open_database
from govtui.events.migrations import migrate
from govtui.events.model import Event, InvalidEvent, from_record, to_record

STORE_FILE = "events.sqlite3"
_COLUMNS = (
    "event_id, kind, point_code, content_version, service_id, task_code, satisfaction,"
    " rating_text, rating_count, channel, query, search_outcome, local_day, occurred_at,"
    " local_hour, local_weekday"
)
_INSERT = (
    f"INSERT INTO events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (event_id) DO NOTHING"
)


def _row(event: Event) -> tuple[object, ...]:
    return (
        event.event_id,
        event.kind,
        event.point_code,
        event.content_version,
        event.service_id,
        event.task_code,
        event.satisfaction,
        event.text,
        event.rating_count,
        event.channel,
        event.query,
        event.search_outcome,
        event.local_day.isoformat(),
        event.occurred_at.isoformat(),
        event.local_hour,
        event.local_weekday,
    )


def _event(row: Sequence[object]) -> Event:
    names = (
        "event_id kind point_code content_version service_id task_code satisfaction text"
        " rating_count channel query search_outcome"
    ).split()
    record = dict(zip(names, row[:12], strict=True))
    record["event_id"] = str(record["event_id"])
    record["occurred_at"] = row[13]
    record["local_hour"] = row[14]
    return from_record(record)


@dataclass(frozen=True, slots=True)
class Unsent:
    """An event still to be pushed, with what happened at the last try."""

    event: Event
    attempts: int
    last_error: str | None


class EventStore:
    """Events in one database, migrated to the latest schema when opened."""

    def __init__(self, database: Database) -> None:
        self.database = database
        migrate(database)

    @classmethod
    def open(cls, url: str) -> EventStore:
        return cls(open_database(url))

    @classmethod
    def terminal(cls, folder: Path) -> EventStore:
        """The terminal's own store: `events.sqlite3` in the data folder."""
        return cls(SqliteDatabase(folder / STORE_FILE))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Writing ------------------------------------------------------------------------------------

    def add(self, events: Iterable[Event]) -> int:
        """Insert the events not already here, in one transaction; returns how many were new."""
        rows = [_row(event) for event in events]
        if not rows:
            return 0
        with self.database.transaction():
            return self.database.execute_many(_INSERT, rows)

    # The outbox (terminal only) -----------------------------------------------------------------

    def unsent(self, limit: int) -> list[Unsent]:
        """The oldest events not yet accepted by the county, at most `limit`."""
        rows = self.database.execute(
            f"SELECT {_COLUMNS}, attempts, last_error FROM events WHERE sent_at IS NULL"
            " ORDER BY occurred_at, event_id LIMIT ?",
            (limit,),
        )
        return [Unsent(_event(row), int(row[16]), row[17]) for row in rows]

    def count_unsent(self) -> int:
        [(count,)] = self.database.execute("SELECT count(*) FROM events WHERE sent_at IS NULL")
        return int(count)

    def mark_sent(self, event_ids: Sequence[str], at: datetime.datetime) -> None:
        with self.database.transaction():
            self.database.execute_many(
                "UPDATE events SET sent_at = ?, attempts = attempts + 1, last_error = NULL"
                " WHERE event_id = ?",
                [(at.isoformat(), event_id) for event_id in event_ids],
            )

    def mark_failed(self, event_ids: Sequence[str], error: str) -> None:
        with self.database.transaction():
            self.database.execute_many(
                "UPDATE events SET attempts = attempts + 1, last_error = ? WHERE event_id = ?",
                [(error[:500], event_id) for event_id in event_ids],
            )

    # Reading ------------------------------------------------------------------------------------

    def events(self, *, unsent_only: bool = False) -> Iterator[Event]:
        """Every event, oldest first."""
        where = " WHERE sent_at IS NULL" if unsent_only else ""
        rows = self.database.execute(
            f"SELECT {_COLUMNS} FROM events{where} ORDER BY occurred_at, event_id"
        )
        for row in rows:
            yield _event(row)

    def count(self) -> int:
        [(count,)] = self.database.execute("SELECT count(*) FROM events")
        return int(count)


# JSON Lines, for a USB stick ---------------------------------------------------------------------


def export_lines(events: Iterable[Event]) -> str:
    """One JSON object a line, in the order given."""
    return "".join(json.dumps(to_record(event), ensure_ascii=False) + "\n" for event in events)


def read_lines(text: str, source: Path) -> list[Event]:
    """Every event in a JSON Lines file; the first bad line stops it, naming the line and field.

    Nothing is imported from a file with a bad line, so fixing it and importing again is safe.
    """
    events = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            events.append(from_record(json.loads(line)))
        except json.JSONDecodeError:
            raise GovtuiError("error_events_line_json", path=source, line=number) from None
        except InvalidEvent as error:
            raise GovtuiError(
                "error_events_line_field", path=source, line=number, field=error.field
            ) from None
    return events
