"""`govtui situations propose`: situation entries proposed from searches that found nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govtui.cli.loading import content_root
from govtui.cli.options import language
from govtui.errors import UsageError
from govtui.i18n import text

situations_app = typer.Typer(help=text("cli_situations_help"), no_args_is_help=True)


@situations_app.command("propose", help=text("cli_situations_propose_help"))
def propose_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="Zero-result searches: one per line, or JSON Lines; - for stdin."
        ),
    ],
) -> None:
    from govtui.search import open_index
    from govtui.search.proposals import proposals_yaml, propose, read_queries

    if source == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError("error_situations_file", path=source, detail=error) from error
    queries = read_queries(lines)
    index = open_index(content_root(None))
    proposals, unplaced = propose(index, queries)
    words = language()
    header = text(
        "cli_situations_header",
        words,
        queries=len(queries),
        proposed=sum(len(proposal.queries) for proposal in proposals),
        unplaced=len(unplaced),
    )
    typer.echo(header)
    if proposals:
        typer.echo("situations:")
        typer.echo(proposals_yaml(proposals))
    if unplaced:
        typer.echo(text("cli_situations_unplaced", words))
        for query in unplaced:
            typer.echo(f"#   {query}")
