"""Versioned schema migrations, run automatically when either database is opened.

Each step is (version, what it does, SQLite statements, PostgreSQL statements). A step runs in one
transaction with its row in `govtui_schema`, so a database is always at exactly one version; on
PostgreSQL an advisory lock keeps two terminals pushing at once from migrating together.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtui.errors import GovtuiError
from govtui.events.database import Database

# pg_advisory_xact_lock takes a 64-bit key; any fixed number that is ours will do.
_MIGRATION_LOCK = 4_039_046


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]


_COLUMNS = """
    kind TEXT NOT NULL CHECK (kind IN ('rating', 'search')),
    point_code TEXT NOT NULL,
    content_version TEXT NOT NULL,
    service_id TEXT,
    task_code TEXT,
    satisfaction TEXT CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'basic',
        'dissatisfied', 'very_dissatisfied', 'unrated')),
    rating_text TEXT,
    rating_count INTEGER CHECK (rating_count IN (1, 2)),
    channel INTEGER,
    query TEXT,
    search_outcome TEXT CHECK (search_outcome IN ('nothing_found', 'abandoned')),
    local_day TEXT NOT NULL"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "events: ratings and searches, with the terminal's outbox columns",
        (
            f"""CREATE TABLE events (
                event_id TEXT PRIMARY KEY,{_COLUMNS},
                occurred_at TEXT NOT NULL,
                sent_at TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT
            )""",
            "CREATE INDEX events_unsent ON events (sent_at) WHERE sent_at IS NULL",
        ),
        (
            f"""CREATE TABLE events (
                event_id UUID PRIMARY KEY,{_COLUMNS},
                occurred_at TIMESTAMPTZ NOT NULL,
                received_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )""",
        ),
    ),
    Migration(
        2,
        "the hour and weekday at the point, for the workload report, and the report's indexes",
        (
            "ALTER TABLE events ADD COLUMN local_hour INTEGER",
            "ALTER TABLE events ADD COLUMN local_weekday INTEGER",
            # The ISO text keeps the point's own clock: 2026-11-23T09:30:00+08:00.
            "UPDATE events SET local_hour = CAST(substr(occurred_at, 12, 2) AS INTEGER),"
            " local_weekday = (CAST(strftime('%w', local_day) AS INTEGER) + 6) % 7 + 1",
            "CREATE INDEX events_day ON events (kind, local_day)",
        ),
        (
            "ALTER TABLE events ADD COLUMN local_hour INTEGER",
            "ALTER TABLE events ADD COLUMN local_weekday INTEGER",
            # A timestamptz forgets the offset; every point is on China Standard Time.
            "UPDATE events SET"
            " local_hour = extract(hour FROM occurred_at AT TIME ZONE 'Asia/Shanghai'),"
            " local_weekday = extract(isodow FROM occurred_at AT TIME ZONE 'Asia/Shanghai')",
            "CREATE INDEX events_day ON events (kind, local_day)",
        ),
    ),
)
LATEST = MIGRATIONS[-1].version


def schema_version(database: Database) -> int:
    """The version a database is at; 0 for an empty one."""
    if database.dialect == "sqlite":
        found = database.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'govtui_schema'"
        )
    else:
        found = database.execute("SELECT 1 FROM pg_tables WHERE tablename = 'govtui_schema'")
    if not found:
        return 0
    [(version,)] = database.execute("SELECT coalesce(max(version), 0) FROM govtui_schema")
    return int(version)


def migrate(database: Database, target: int = LATEST) -> int:
    """Bring `database` up to `target` (the latest by default); returns the steps applied.

    Raises:
        GovtuiError: the database was made by a newer govtui, which this one cannot read.
    """
    applied = 0
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        with database.transaction():
            if database.dialect == "postgresql":
                database.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            database.execute(
                "CREATE TABLE IF NOT EXISTS govtui_schema ("
                " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = schema_version(database)
            if current > LATEST:
                raise GovtuiError(
                    "error_events_schema_newer", where=database.name, found=current, known=LATEST
                )
            if migration.version <= current:
                continue
            statements = migration.sqlite if database.dialect == "sqlite" else migration.postgresql
            for statement in statements:
                database.execute(statement)
            database.execute(
                "INSERT INTO govtui_schema (version, description, applied_at)"
                " VALUES (?, ?, CURRENT_TIMESTAMP)",
                (migration.version, migration.description),
            )
            applied += 1
    return applied
