"""The terminal's store, pushes to a real PostgreSQL, and the schema migrations on both."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path

import psycopg
import pytest

from govtui.errors import GovtuiError
from govtui.events.database import PostgresDatabase, SqliteDatabase
from govtui.events.legacy import LEGACY_FILE, MOVED_SUFFIX, open_terminal_store
from govtui.events.migrations import LATEST, migrate, schema_version
from govtui.events.model import Event
from govtui.events.store import EventStore, export_lines, read_lines
from govtui.events.sync import push
from tests.events.helpers import MONDAY, rating, search


def _county_ids(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT event_id::text FROM events ORDER BY 1").fetchall()
    return [row[0] for row in rows]


def test_the_terminal_store_is_append_only_sqlite_in_wal_mode(tmp_path: Path) -> None:
    with EventStore.terminal(tmp_path) as store:
        events = [rating(), search("殡葬补贴")]
        assert store.add(events) == 2
        assert store.add(events) == 0  # the same ids again change nothing
        assert store.count() == 2
        [(mode,)] = store.database.execute("PRAGMA journal_mode")
        assert mode == "wal"
        assert set(store.events()) == set(events)


def test_the_old_ratings_file_moves_into_the_store_without_loss(tmp_path: Path) -> None:
    old = [
        {
            "guide": "dibao-application",
            "rating": 4,
            "reason": "电话138****8000",
            "date": "2026-11-02",
        },
        {"guide": "newborn", "rating": 1, "reason": None, "date": "2026-11-03"},
        {"guide": "newborn", "rating": 1, "reason": None, "date": "2026-11-03"},
    ]
    (tmp_path / LEGACY_FILE).write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    codes = {"dibao-application": "990105X"}
    with open_terminal_store(tmp_path, point_code="990105-001", task_codes=codes) as store:
        events = list(store.events())
    assert [(e.service_id, e.satisfaction, e.text, e.local_day.isoformat()) for e in events] == [
        ("dibao-application", "satisfied", "电话138****8000", "2026-11-02"),
        ("newborn", "very_dissatisfied", None, "2026-11-03"),
        ("newborn", "very_dissatisfied", None, "2026-11-03"),  # two alike are still two ratings
    ]
    assert events[0].task_code == "990105X"
    assert all(event.local_hour is None for event in events)  # the old file kept no time
    assert not (tmp_path / LEGACY_FILE).exists()
    assert json.loads((tmp_path / (LEGACY_FILE + MOVED_SUFFIX)).read_text()) == old
    # A second start finds nothing to move and changes nothing.
    with open_terminal_store(tmp_path, point_code="990105-001", task_codes=codes) as store:
        assert store.count() == 3


def test_three_terminals_with_overlapping_events_push_each_event_once(
    tmp_path: Path, postgres_url: str
) -> None:
    shared = [
        rating("basic", at=MONDAY + datetime.timedelta(minutes=minute)) for minute in range(5)
    ]
    stores = []
    for number in range(3):
        store = EventStore.terminal(tmp_path / f"terminal-{number}")
        own = [rating(point=f"990105-00{number}") for _ in range(4)]
        store.add([*shared, *own])  # the same five arrived on all three (a copied USB file)
        stores.append(store)
    with EventStore.open(postgres_url) as county:
        results = [push(store, county, batch_size=3) for store in stores]
    assert [result.sent for result in results] == [9, 9, 9]
    assert [result.new_at_county for result in results] == [9, 4, 4]
    assert all(store.count_unsent() == 0 for store in stores)
    ids = _county_ids(postgres_url)
    assert len(ids) == len(set(ids)) == 5 + 3 * 4


class KilledMidBatch(PostgresDatabase):
    """A real connection whose server process is killed while the given batch is being sent."""

    def __init__(self, url: str, kill_on_batch: int) -> None:
        super().__init__(url)
        self.url = url
        self.kill_on_batch = kill_on_batch
        self.batches = 0

    def execute_many(self, sql: str, rows: object) -> int:
        if sql.startswith("INSERT INTO events"):
            self.batches += 1
            if self.batches == self.kill_on_batch:
                batch = list(rows)  # type: ignore[call-overload]
                # Half the batch goes in, then the connection dies before the commit.
                super().execute_many(sql, batch[: len(batch) // 2])
                [(pid,)] = self.execute("SELECT pg_backend_pid()")
                with psycopg.connect(self.url, autocommit=True) as other:
                    other.execute("SELECT pg_terminate_backend(%s)", (pid,))
                return super().execute_many(sql, batch[len(batch) // 2 :])
        return super().execute_many(sql, rows)  # type: ignore[arg-type]


def test_a_push_killed_mid_batch_loses_nothing_and_doubles_nothing(
    tmp_path: Path, postgres_url: str
) -> None:
    events = [rating(at=MONDAY + datetime.timedelta(seconds=second)) for second in range(10)]
    terminal = EventStore.terminal(tmp_path)
    terminal.add(events)
    dying = EventStore(KilledMidBatch(postgres_url, kill_on_batch=2))
    result = push(terminal, dying, batch_size=4)
    assert result.sent == 4 and result.left == 6 and result.error
    assert len(_county_ids(postgres_url)) == 4  # the killed batch was rolled back whole
    failed = terminal.unsent(100)
    assert len(failed) == 6
    # The batch that failed records its attempt and error; the two after it were not tried yet.
    assert [(item.attempts, bool(item.last_error)) for item in failed] == [(1, True)] * 4 + [
        (0, False)
    ] * 2
    # The county committed a batch but the terminal never heard: it is simply sent again.
    with EventStore.open(postgres_url) as county:
        county.add([failed[0].event])
        again = push(terminal, county, batch_size=4)
    assert (again.sent, again.new_at_county, again.left) == (6, 5, 0)
    ids = _county_ids(postgres_url)
    assert sorted(ids) == sorted(event.event_id for event in events)


def test_the_usb_round_trip_imports_once(tmp_path: Path, postgres_url: str) -> None:
    terminal = EventStore.terminal(tmp_path)
    terminal.add([rating("very_dissatisfied", text="等了两小时"), search("低保啊")])
    path = tmp_path / "usb.jsonl"
    path.write_text(export_lines(terminal.events()), encoding="utf-8")
    events = read_lines(path.read_text(encoding="utf-8"), path)
    with EventStore.open(postgres_url) as county:
        assert county.add(events) == 2
        assert county.add(read_lines(path.read_text(encoding="utf-8"), path)) == 0
        assert county.count() == 2
        carried = {event.event_id: event for event in county.events()}
    original = {event.event_id: event for event in terminal.events()}
    assert {key: (e.text, e.query, e.occurred_at) for key, e in carried.items()} == {
        key: (e.text, e.query, e.occurred_at) for key, e in original.items()
    }


def test_a_bad_line_names_itself_and_imports_nothing(tmp_path: Path) -> None:
    good = export_lines([rating()])
    broken = json.loads(good) | {"satisfaction": "superb"}
    path = tmp_path / "usb.jsonl"
    with pytest.raises(GovtuiError) as raised:
        read_lines(good + json.dumps(broken) + "\n", path)
    assert raised.value.key == "error_events_line_field"
    assert raised.value.params == {"path": path, "line": 2, "field": "satisfaction"}
    with pytest.raises(GovtuiError) as raised:
        read_lines("{not json\n", path)
    assert raised.value.params["line"] == 1


def _v1_rows(database: SqliteDatabase | PostgresDatabase, events: Sequence[Event]) -> None:
    """Rows as version 1 of the schema held them: no hour, no weekday."""
    for event in events:
        database.execute(
            "INSERT INTO events (event_id, kind, point_code, content_version, service_id,"
            " satisfaction, rating_count, channel, local_day, occurred_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.event_id,
                event.kind,
                event.point_code,
                event.content_version,
                event.service_id,
                event.satisfaction,
                event.rating_count,
                event.channel,
                event.local_day.isoformat(),
                event.occurred_at.isoformat(),
            ),
        )


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migrations_from_empty_and_from_an_older_schema(
    dialect: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    def database() -> SqliteDatabase | PostgresDatabase:
        if dialect == "sqlite":
            return SqliteDatabase(tmp_path / "events.sqlite3")
        return PostgresDatabase(request.getfixturevalue("postgres_url"))

    older = database()
    assert schema_version(older) == 0
    assert migrate(older, target=1) == 1
    saturday = datetime.datetime.fromisoformat("2026-11-28T15:05:00+08:00")
    events = [rating(at=saturday), rating(at=MONDAY)]
    _v1_rows(older, events)
    older.close()
    with EventStore(database()) as store:  # opening migrates to the latest
        assert schema_version(store.database) == LATEST
        rows = store.database.execute(
            "SELECT local_hour, local_weekday FROM events ORDER BY local_day"
        )
        assert [tuple(row) for row in rows] == [(9, 1), (15, 6)]
        assert migrate(store.database) == 0  # nothing left to do


def test_a_database_from_a_newer_govtui_is_refused(tmp_path: Path) -> None:
    database = SqliteDatabase(tmp_path / "events.sqlite3")
    migrate(database)
    database.execute(
        "INSERT INTO govtui_schema VALUES (?, 'from the future', CURRENT_TIMESTAMP)", (LATEST + 1,)
    )
    with pytest.raises(GovtuiError) as raised:
        migrate(database)
    assert raised.value.key == "error_events_schema_newer"


def test_an_unreachable_county_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GovtuiError) as raised:
        EventStore.open(f"postgresql://nobody:secret@/none?host={tmp_path}&connect_timeout=1")
    assert raised.value.key == "error_events_connect"
    assert "secret" not in raised.value.message("en")
