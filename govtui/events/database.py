"""The two databases behind one small interface: SQLite on the terminal, PostgreSQL at the county.

Queries are written once with `?` placeholders; the PostgreSQL side turns them into psycopg's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from govtui.errors import GovtuiError

if TYPE_CHECKING:
    import psycopg

Dialect = Literal["sqlite", "postgresql"]
Row = tuple[Any, ...]
# A terminal waits this long for another writer (the TUI and a `sync push` at once) before failing.
SQLITE_BUSY_SECONDS = 10.0


class Database(Protocol):
    """What the store, the migrations and the report need of a database."""

    dialect: Dialect
    name: str
    """Where it is, for messages (a file, or the server without its password)."""

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]: ...

    def execute_many(self, sql: str, rows: Iterable[Sequence[object]]) -> int:
        """Run `sql` once per row; returns the number of rows it changed."""
        ...

    def transaction(self) -> Any:
        """A context manager: everything inside is committed together or not at all."""
        ...

    def close(self) -> None: ...


class SqliteDatabase:
    """A SQLite file in WAL mode, so the TUI can write while `sync push` or a report reads."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: transactions are opened explicitly, with BEGIN IMMEDIATE.
            self.connection = sqlite3.connect(
                path, timeout=SQLITE_BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
        except (OSError, sqlite3.Error) as error:
            raise GovtuiError("error_events_open", where=self.name, detail=error) from None
        self._depth = 0

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            raise GovtuiError("error_events_database", where=self.name, detail=error) from None

    def execute_many(self, sql: str, rows: Iterable[Sequence[object]]) -> int:
        try:
            return self.connection.executemany(sql, (tuple(row) for row in rows)).rowcount
        except sqlite3.Error as error:
            raise GovtuiError("error_events_database", where=self.name, detail=error) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # already inside one: the outer transaction commits
            yield
            return
        self.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self.connection.rollback()
            raise
        self._depth -= 1
        self.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


class PostgresDatabase:
    """A connection to the county's PostgreSQL through psycopg 3."""

    dialect: Dialect = "postgresql"

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        import psycopg

        self.name = _without_password(url)
        self._psycopg = psycopg
        try:
            self.connection: psycopg.Connection[Row] = psycopg.connect(
                url, autocommit=True, connect_timeout=connect_timeout
            )
        except psycopg.Error as error:
            raise GovtuiError(
                "error_events_connect", where=self.name, detail=_first_line(error)
            ) from None
        except Exception as error:  # noqa: BLE001 - a malformed URL raises plain ProgrammingErrors
            raise GovtuiError(
                "error_events_connect", where=self.name, detail=_first_line(error)
            ) from None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        try:
            cursor = self.connection.execute(self._sql(sql), tuple(parameters))
            return cursor.fetchall() if cursor.description else []
        except self._psycopg.Error as error:
            raise GovtuiError(
                "error_events_database", where=self.name, detail=_first_line(error)
            ) from None

    def execute_many(self, sql: str, rows: Iterable[Sequence[object]]) -> int:
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), [tuple(row) for row in rows])
                return max(cursor.rowcount, 0)
        except self._psycopg.Error as error:
            raise GovtuiError(
                "error_events_database", where=self.name, detail=_first_line(error)
            ) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.connection.transaction():
                yield
        except self._psycopg.Error as error:  # the commit itself failed
            raise GovtuiError(
                "error_events_database", where=self.name, detail=_first_line(error)
            ) from None

    def close(self) -> None:
        self.connection.close()


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _without_password(url: str) -> str:
    """The URL as messages may show it: a password never reaches the screen or a log."""
    if "://" not in url or "@" not in url:
        return url.split("password=")[0].strip() or "postgresql"
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"


def open_database(url: str) -> Database:
    """A database by URL: `postgresql://…` (or `postgres://…`), or `sqlite:///path/to/file`."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("sqlite:///"):
        return SqliteDatabase(Path(url.removeprefix("sqlite://")))
    raise GovtuiError("error_events_url", url=_without_password(url))
