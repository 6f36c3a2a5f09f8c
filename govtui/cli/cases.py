"""`govtui cases purge`: delete expired saved cases, for a centre's scheduled job."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from govtui.cli.exits import say
from govtui.cli.options import language
from govtui.i18n import text

cases_app = typer.Typer(
    help="The encrypted saved cases (see docs/cases.md).",
    no_args_is_help=True,
    add_completion=False,
)


@cases_app.command("purge")
def purge_command(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder",
            help="The case folder (default: [case] folder of config.toml, else the data dir's).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Delete the saved cases whose days are over; prints how many. Exit 1 if any resisted."""
    from govtui.cases.store import purge_expired
    from govtui.config import load_config
    from govtui.paths import default_cases_dir

    config = load_config()
    chosen = folder or config.case_folder or default_cases_dir()
    result = purge_expired(chosen, datetime.date.today(), config.case_keep_days)
    words = language()
    typer.echo(text("case_purged", words, n=len(result.deleted), folder=chosen))
    for error in result.failed:
        say(error.message(words))
    if result.failed:
        raise typer.Exit(1)
