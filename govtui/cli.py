"""The command line: thin Typer commands over the core; bare `govtui` opens the TUI."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from govtui import __version__
from govtui.errors import GovtuiError, UnknownIdError


class _GovtuiGroup(TyperGroup):
    """Map domain errors to a message on stderr and an exit code, in this one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GovtuiError as error:
            typer.echo(f"govtui: {error.message}", err=True)
            raise typer.Exit(code=error.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("govtui: interrupted", err=True)
            raise typer.Exit(code=130) from None


app = typer.Typer(
    cls=_GovtuiGroup,
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="govtui: find a government service, ask only what matters, print the one-time "
    "checklist (一次告知).",
)

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


class State:
    """Options given before the command, shared by every command."""

    content: Path | None = None
    language: str | None = None


state = State()


def _print_json(value: object) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govtui {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    content: ContentOption = None,
    language: Annotated[
        str | None,
        typer.Option("--lang", help="UI language: zh or en (default: the content's, zh)."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Open the clerk's terminal app when no command is given."""
    state.content = content
    if language is not None and language not in ("zh", "en"):
        raise typer.BadParameter("use zh or en", param_hint="--lang")
    state.language = language
    if ctx.invoked_subcommand is None:
        from govtui.tui.app import run_app

        run_app(content_root=_content_root(None), language=language or "zh")


def _content_root(explicit: Path | None) -> Path:
    from govtui.paths import find_content_root

    return find_content_root(explicit or state.content)


def load(explicit: Path | None = None, quiet: bool = False) -> Any:
    """Load the content; problems are summarised on stderr, the files that loaded are used."""
    from govtui.content import load_library

    result = load_library(_content_root(explicit))
    errors = result.report.errors
    if errors and not quiet:
        typer.echo(
            f"govtui: {len(errors)} problem(s) in the content; run 'govtui lint' for details. "
            "Using the files that loaded.",
            err=True,
        )
    return result.library


def _find_document(library: Any, document_id: str) -> Any:
    document = library.document(document_id)
    if document is None:
        candidates = library.all_ids()
        suggestions = difflib.get_close_matches(document_id, candidates, n=3, cutoff=0.5)
        if not suggestions:
            suggestions = [c for c in candidates if document_id.lower() in c][:3]
        raise UnknownIdError(document_id, suggestions)
    return document


@app.command("lint")
def lint_command(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Content folder to check (default: the configured content)."),
    ] = None,
    as_json: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when there are warnings but no errors.")
    ] = False,
) -> None:
    """Check the content: schema, conditions and every cross-reference.

    Exit codes: 0 clean, 1 warnings only (with --strict), 2 errors.
    """
    from govtui.content.lint import lint

    _, findings = lint(_content_root(directory))
    errors = [finding for finding in findings if finding.severity == "error"]
    warnings = [finding for finding in findings if finding.severity == "warning"]
    if as_json:
        _print_json([finding.as_json() for finding in findings])
    else:
        for finding in findings:
            typer.echo(str(finding))
        typer.echo(f"{len(errors)} error(s), {len(warnings)} warning(s)", err=True)
    if errors:
        raise typer.Exit(code=2)
    if warnings and strict:
        raise typer.Exit(code=1)


@app.command("list")
def list_command(
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind: guide, policy or bundle.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the guides, bundles and policies."""
    from govtui.render.listing import list_rows

    if kind is not None and kind not in ("guide", "policy", "bundle"):
        raise typer.BadParameter("use guide, policy or bundle", param_hint="--kind")
    rows = list_rows(load(), kind)
    if as_json:
        _print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['kind']:<7} {row['id']:<40} {row['title']}")


@app.command("show")
def show_command(
    document_id: Annotated[str, typer.Argument(metavar="ID", help="A guide, bundle or policy id.")],
    as_json: JsonOption = False,
) -> None:
    """Show one guide, bundle or policy readably (or as JSON)."""
    from govtui.render.jsonout import document_json
    from govtui.render.text import render_document

    library = load()
    document = _find_document(library, document_id)
    if as_json:
        _print_json(document_json(library, document))
        return
    typer.echo(render_document(library, document, language=state.language or "zh"))


def main() -> None:
    """The console script entry point."""
    try:
        app()
    except GovtuiError as error:  # raised outside a command, e.g. by the TUI launcher
        typer.echo(f"govtui: {error.message}", err=True)
        sys.exit(error.exit_code)
