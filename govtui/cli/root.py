"""The Typer app and its global options; a bare `govtui` opens the clerk's terminal app."""

from __future__ import annotations

from typing import Annotated

import typer

from govtui import __version__
from govtui.cli.exits import GovtuiGroup
from govtui.cli.loading import content_root
from govtui.cli.options import ContentOption, language, state
from govtui.i18n import Language

app = typer.Typer(
    cls=GovtuiGroup,
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="govtui: find a government service, ask only what matters, print the one-time "
    "checklist (一次告知).",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govtui {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    content: ContentOption = None,
    ui_language: Annotated[
        Language | None,
        typer.Option("--lang", help="UI language (default: the content's, zh)."),
    ] = None,
    elder: Annotated[
        bool,
        typer.Option(
            "--elder",
            help="Open in elder mode (适老化): solid high-contrast colours, more space, notices "
            "that stay, read aloud on F5. F7 switches it in the app.",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Open the clerk's terminal app when no command is given."""
    state.content = content
    state.language = ui_language
    if ctx.invoked_subcommand is None:
        from govtui.tui.app import run_app

        run_app(content_root=content_root(None), language=language(), elder=elder)
