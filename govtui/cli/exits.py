"""Domain errors become a message on stderr and an exit code, here and nowhere else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperGroup

from govtui.cli.options import language
from govtui.errors import GovtuiError
from govtui.i18n import text

# 130 is what a shell reports for a program stopped by Ctrl+C; 70 is sysexits' EX_SOFTWARE.
INTERRUPTED = 130
INTERNAL_ERROR = 70


def say(message: str) -> None:
    """A status line or an error on stderr, so standard output stays clean for pipes."""
    typer.echo(f"govtui: {message}", err=True)


def report(error: GovtuiError) -> int:
    """Show a domain error in the --lang language; returns its exit code."""
    say(error.message(language()))
    return error.exit_code


def interrupted() -> int:
    say(text("cli_interrupted", language()))
    return INTERRUPTED


class GovtuiGroup(TyperGroup):
    """The command group: an error a command raises ends as a message, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GovtuiError as error:
            raise typer.Exit(code=report(error)) from None
        except KeyboardInterrupt:
            raise typer.Exit(code=interrupted()) from None


def run(app: Callable[[], object]) -> None:
    """Run the console script: whatever escapes the commands still reaches the user as words."""
    try:
        app()
    except GovtuiError as error:  # raised outside a command, e.g. while parsing the options
        sys.exit(report(error))
    except KeyboardInterrupt:
        sys.exit(interrupted())
    except Exception as error:  # a bug: say so plainly; GOVTUI_DEBUG=1 shows the traceback
        if os.environ.get("GOVTUI_DEBUG"):
            raise
        say(text("cli_internal_error", language(), kind=type(error).__name__, detail=error))
        sys.exit(INTERNAL_ERROR)
