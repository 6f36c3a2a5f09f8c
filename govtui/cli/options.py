"""What every command shares: the global options' values and the options several commands take."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from govtui.i18n import Language


class State:
    """Options given before the command (`govtui --lang en search …`), for every command."""

    content: Path | None = None
    language: Language | None = None
    json: bool = False
    """The command was given --json: its errors then go to stdout as JSON as well."""


state = State()


def language() -> Language:
    """The language of messages and exports: --lang, else zh (the content's)."""
    return state.language or "zh"


def print_json(value: object) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


ContentOption = Annotated[
    Path | None,
    typer.Option(
        "--content",
        help="Content folder with guides/ and policies/ (default: $GOVTUI_CONTENT, then the "
        "bundled sample content).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Apply the content in force on this date.")
]
