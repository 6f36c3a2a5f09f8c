"""`govtui sync push|export|import`, `govtui report` and `govtui ratings-export`: the events."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from govtui.cli.exits import say
from govtui.cli.loading import load
from govtui.cli.options import language
from govtui.errors import GovtuiError, UsageError
from govtui.events import CodeDirection
from govtui.i18n import text

if TYPE_CHECKING:
    from govtui.content.models import Library
    from govtui.events.report import Filters
    from govtui.events.settings import EventSettings
    from govtui.events.store import EventStore

sync_app = typer.Typer(
    help="Send this terminal's ratings and searches to the county, or carry them on a USB stick.",
    no_args_is_help=True,
    add_completion=False,
)

ReportFormat = Literal["text", "html", "json"]
RatingsFormat = Literal["csv", "json"]
FromOption = Annotated[
    str | None, typer.Option("--from", help="First day (YYYY-MM-DD), included.", show_default=False)
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Last day (YYYY-MM-DD), included.", show_default=False)
]
PointOption = Annotated[
    str | None, typer.Option("--point", help="Only this point's code.", show_default=False)
]
LocalOption = Annotated[
    bool,
    typer.Option("--local", help="Read this terminal's own store, even when a county DB is set."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file.", show_default=False)
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


def _settings() -> EventSettings:
    from govtui.events.settings import load_event_settings

    return load_event_settings()


def _terminal(settings: EventSettings, library: Library | None = None) -> EventStore:
    """This terminal's store (an old ratings file moves into it on first start)."""
    from govtui.events.legacy import open_terminal_store
    from govtui.paths import data_dir

    guides = library.guides.values() if library else ()
    codes = {guide.id: guide.codes.get("implementation") for guide in guides}
    return open_terminal_store(data_dir(), point_code=settings.point_code, task_codes=codes)


def _county(settings: EventSettings) -> EventStore:
    from govtui.events.store import EventStore

    if settings.database_url is None:
        raise UsageError("error_events_no_database")
    return EventStore.open(settings.database_url)


def _source(settings: EventSettings, local: bool, library: Library | None) -> EventStore:
    """The county's database when one is set (unless --local), else this terminal's store."""
    if local or settings.database_url is None:
        return _terminal(settings, library)
    return _county(settings)


def _day(value: str | None, option: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError("error_as_of", value=f"{option} {value}") from None


def _filters(start: str | None, end: str | None, point: str | None) -> Filters:
    from govtui.events.report import Filters

    first, last = _day(start, "--from"), _day(end, "--to")
    if first and last and first > last:
        raise UsageError("error_report_dates", start=first, end=last)
    return Filters(first, last, point)


def _write(path: Path, content: str, force: bool) -> None:
    from govtui.render.files import write_atomically

    write_atomically(path, content, force=force)


@sync_app.command("push")
def push_command(
    batch: Annotated[int, typer.Option("--batch", min=1, max=10_000, help="Events a batch.")] = 500,
) -> None:
    """Send the unsent events to the county's PostgreSQL; a failed push loses nothing."""
    from govtui.events.sync import push

    settings = _settings()
    words = language()
    if not settings.point_code:
        say(text("events_no_point", words))
    with _terminal(settings) as terminal:
        if terminal.count_unsent() == 0:
            typer.echo(text("events_nothing_to_push", words))
            return
        with _county(settings) as county:
            result = push(terminal, county, batch_size=batch)
            where = county.database.name
    if result.error is not None:
        say(text("events_push_failed", words, detail=result.error, left=result.left))
        raise typer.Exit(code=1)
    typer.echo(
        text("events_pushed", words, sent=result.sent, new=result.new_at_county, where=where)
    )


@sync_app.command("export")
def export_command(
    file: Annotated[
        Path, typer.Argument(help="The JSON Lines file to write (e.g. on a USB stick).")
    ],
    unsent: Annotated[bool, typer.Option("--unsent", help="Only events not pushed yet.")] = False,
    force: ForceOption = False,
) -> None:
    """Write this terminal's events to a file, for a point without a network."""
    from govtui.events.store import export_lines

    with _terminal(_settings()) as terminal:
        events = list(terminal.events(unsent_only=unsent))
    _write(file, export_lines(events), force)
    typer.echo(text("events_exported", language(), n=len(events), path=file))


@sync_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A file written by `govtui sync export`.")],
    local: LocalOption = False,
) -> None:
    """Add a point's exported events to the county's database (or this store); twice is once."""
    from govtui.events.store import read_lines

    try:
        content = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) else str(error)
        raise GovtuiError("error_events_read", path=file, detail=detail) from None
    events = read_lines(content, file)
    with _source(_settings(), local, None) as store:
        new = store.add(events)
        where = store.database.name
    typer.echo(
        text("events_imported", language(), read=len(events), new=new, path=file, where=where)
    )


def report_command(
    start: FromOption = None,
    end: ToOption = None,
    point: PointOption = None,
    report_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text, html (one A4 page) or json.")
    ] = "text",
    output: OutputOption = None,
    force: ForceOption = False,
    local: LocalOption = False,
) -> None:
    """Ratings per service and point, bad ratings with their deadline, failed searches, workload."""
    from govtui.content.calendar import add_working_days
    from govtui.events.report import build_report
    from govtui.render.report_html import render_report_html
    from govtui.render.report_text import render_report_json, render_report_text

    filters = _filters(start, end, point)
    settings = _settings()
    library = load()
    with _source(settings, local, library) as store:
        report = build_report(
            store.database,
            filters,
            deadline=lambda day, days: add_working_days(library.calendar, day, days),
            rectification_working_days=settings.rectification_working_days,
            names={guide.id: guide.name for guide in library.guides.values()},
        )
    words = language()
    if report_format == "html":
        content = render_report_html(report, words)
    elif report_format == "json":
        content = render_report_json(report) + "\n"
    else:
        content = render_report_text(report, words)
    if output is None:
        typer.echo(content, nl=False)
    else:
        _write(output, content, force)


def ratings_export_command(
    file: Annotated[Path, typer.Argument(help="The file to write.")],
    codes: Annotated[
        CodeDirection,
        typer.Option(
            "--codes",
            help="Satisfaction codes: gb (1 = 非常满意, GB/T 39046 A.8) or reversed"
            " (1 = 非常不满意, some provincial interfaces). Required: the target decides.",
            show_default=False,
        ),
    ],
    ratings_format: Annotated[RatingsFormat, typer.Option("--format", "-f")] = "csv",
    start: FromOption = None,
    end: ToOption = None,
    point: PointOption = None,
    force: ForceOption = False,
    local: LocalOption = False,
) -> None:
    """Export the ratings given, in the fields of GB/T 39046 表9."""
    from govtui.events import table9

    filters = _filters(start, end, point)
    with _source(_settings(), local, None) as store:
        events = [
            event
            for event in store.events()
            if event.kind == "rating"
            and (filters.start is None or event.local_day >= filters.start)
            and (filters.end is None or event.local_day <= filters.end)
            and (filters.point_code is None or event.point_code == filters.point_code)
        ]
    rows = table9.rows(events, codes)
    content = table9.to_csv(rows) if ratings_format == "csv" else table9.to_json(rows)
    _write(file, content, force)
    words = language()
    direction = text(f"events_direction_{codes}", words)
    unrated = len(events) - len(rows)
    typer.echo(
        text(
            "events_ratings_exported",
            words,
            n=len(rows),
            path=file,
            direction=direction,
            unrated=unrated,
        )
    )
