"""Domain errors become a message on stderr and an exit code, here and nowhere else.

Under --json an error is also a JSON object on stdout, `{"error": {"code", "message"}}`, so a
script that reads JSON is never left with nothing to read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from govtui.cli.options import language, state
from govtui.errors import GovtuiError
from govtui.i18n import text

# 130 is what a shell reports for a program stopped by Ctrl+C; 70 is sysexits' EX_SOFTWARE.
INTERRUPTED = 130
INTERNAL_ERROR = 70


def say(message: str) -> None:
    """A status line or an error on stderr, so standard output stays clean for pipes."""
    typer.echo(f"govtui: {message}", err=True)


def fail(code: str, message: str) -> None:
    """An error's message on stderr, and under --json its code and message on stdout too."""
    say(message)
    json_error(code, message)


def json_error(code: str, message: str) -> None:
    if state.json:
        answer = {"error": {"code": code, "message": message}}
        typer.echo(json.dumps(answer, ensure_ascii=False))
        # One answer a run: a nested group (`govtui release`) sees the same error again.
        state.json = False


def report(error: GovtuiError) -> int:
    """Show a domain error in the --lang language; returns its exit code."""
    # The catalogue key is the stable code: "error_unknown_id" is "unknown_id".
    fail(error.key.removeprefix("error_"), error.message(language()))
    return error.exit_code


def interrupted() -> int:
    fail("interrupted", text("cli_interrupted", language()))
    return INTERRUPTED


class GovtuiGroup(TyperGroup):
    """The command group: an error a command raises ends as a message, never a traceback."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Read from the words typed, not the parsed options: a bad option value fails before
        # --json itself is parsed, and its error is owed in JSON all the same.
        options = args[: args.index("--")] if "--" in args else args
        state.json = "--json" in options
        with _usage_errors_in_json():
            return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            with _usage_errors_in_json():
                return super().invoke(ctx)
        except GovtuiError as error:
            raise typer.Exit(code=report(error)) from None
        except KeyboardInterrupt:
            raise typer.Exit(code=interrupted()) from None


@contextlib.contextmanager
def _usage_errors_in_json() -> Iterator[None]:
    """Typer shows a bad option on stderr with the usage line; under --json, on stdout as well."""
    try:
        yield
    except TyperException as error:
        json_error("usage", error.format_message())
        raise


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
        words = text("cli_internal_error", language(), kind=type(error).__name__, detail=error)
        fail("internal_error", words)
        sys.exit(INTERNAL_ERROR)
