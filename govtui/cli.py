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
from govtui.i18n import Language


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
    language: Language | None = None


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
    state.language = "en" if language == "en" else "zh" if language == "zh" else None
    if ctx.invoked_subcommand is None:
        from govtui.tui.app import run_app

        run_app(content_root=_content_root(None), language=state.language or "zh")


def _content_root(explicit: Path | None) -> Path:
    from govtui.paths import find_content_root

    return find_content_root(explicit or state.content)


def load(explicit: Path | None = None, quiet: bool = False) -> Any:
    """Load the content; problems are summarised on stderr, the files that loaded are used."""
    from govtui.content.cache import load_library_cached
    from govtui.paths import cache_dir

    result = load_library_cached(_content_root(explicit), cache_dir())
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


# Answers --------------------------------------------------------------------------------------


def _parse_answers(
    library: Any, pairs: list[str], answers_file: Path | None, language: Language
) -> dict[str, Any]:
    """Answers from --answers FILE.yaml, then --answer FACT=VALUE (which win)."""
    from govtui.errors import AnswerError
    from govtui.interview.validate import AnswerInvalid, coerce_answer

    raw: dict[str, tuple[object, str]] = {}
    value: object
    if answers_file is not None:
        raw.update(_read_answers_file(answers_file))
    for pair in pairs:
        fact_id, separator, value = pair.partition("=")
        if not separator or not fact_id.strip():
            raise AnswerError(
                f"--answer {pair!r}: write it as FACT=VALUE, e.g. applicant_role=agent"
            )
        raw[fact_id.strip()] = (value, f"--answer {pair}")
    answers: dict[str, Any] = {}
    for fact_id, (value, origin) in raw.items():
        fact = library.facts.get(fact_id)
        if fact is None:
            close = difflib.get_close_matches(fact_id, list(library.facts), n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise AnswerError(f"{origin}: there is no fact '{fact_id}'.{hint}")
        try:
            answers[fact_id] = coerce_answer(fact, value)
        except AnswerInvalid as error:
            raise AnswerError(f"{origin}: {fact_id}: {error.problem.get(language)}") from None
    return answers


def _read_answers_file(path: Path) -> dict[str, tuple[object, str]]:
    import yaml

    from govtui.errors import AnswerError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerError(f"{path}: no such answers file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise AnswerError(f"{path}: cannot read the answers file ({error})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise AnswerError(f"{path}{where}: invalid YAML in the answers file") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise AnswerError(f"{path}: the answers file must be a mapping of FACT: VALUE")
    return {key: (value, f"{path}: {key}") for key, value in data.items()}


def _as_of(value: str | None) -> Any:
    import datetime

    from govtui.errors import UsageError

    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of {value!r}: give a date as YYYY-MM-DD") from None


def _target(library: Any, target_id: str) -> Any:
    from govtui.errors import UsageError

    document = _find_document(library, target_id)
    if document.kind == "policy":
        raise UsageError(
            f"'{target_id}' is a policy; a checklist needs a guide or a bundle id "
            "(see 'govtui list --kind guide')."
        )
    return document


@app.command("checklist")
def checklist_command(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A guide or bundle id.")],
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="An answer as FACT=VALUE; repeat for more."),
    ] = None,
    answers_file: Annotated[
        Path | None, typer.Option("--answers", help="A YAML file of FACT: VALUE answers.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown, html or json.")
    ] = "text",
    width: Annotated[
        int,
        typer.Option(
            "--width",
            "-w",
            min=24,
            max=200,
            help="Text width in columns: 32 for 58 mm, 48 for 80 mm receipt printers.",
        ),
    ] = 80,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Apply the content in force on this date.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    include_personal: Annotated[
        bool,
        typer.Option("--include-personal", help="Do not mask ID and phone numbers in the export."),
    ] = False,
    to_printer: Annotated[
        bool,
        typer.Option(
            "--print",
            help="Send the text to the printer (lp or lpr; GOVTUI_PRINTER picks one).",
        ),
    ] = False,
) -> None:
    """Print the one-time checklist (一次性告知单) and the merged form for a guide or bundle."""
    from govtui.errors import UsageError
    from govtui.interview import evaluate_target
    from govtui.render.checklist import EXPORT_FORMATS, render_checklist

    if output_format not in EXPORT_FORMATS:
        raise UsageError(f"--format {output_format!r}: use text, markdown, html or json")
    if to_printer and (output is not None or output_format not in {"text", "markdown"}):
        raise UsageError("--print sends text to the printer: use it without -o and html or json")
    language = state.language or "zh"
    library = load()
    target = _target(library, target_id)
    answers = _parse_answers(library, answer or [], answers_file, language)
    outcome = evaluate_target(library, target, answers, _as_of(as_of), language)
    rendered = render_checklist(
        library,
        outcome,
        output_format,
        width=width,
        language=language,
        include_personal=include_personal,
    )
    if to_printer:
        from govtui.render.printing import send_to_printer

        job = send_to_printer(rendered + "\n")
        typer.echo(f"govtui: sent to the printer{f' ({job})' if job else ''}", err=True)
        return
    if output is None:
        typer.echo(rendered)
        return
    from govtui.render.files import write_atomically

    write_atomically(output, rendered + "\n", force=force)
    typer.echo(f"govtui: wrote {output}", err=True)


@app.command("ask")
def ask_command(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A guide or bundle id.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Apply the content in force on this date.")
    ] = None,
    width: Annotated[
        int, typer.Option("--width", "-w", min=24, max=200, help="Checklist width in columns.")
    ] = 80,
) -> None:
    """A plain line-by-line interview that ends with the checklist.

    In a terminal it asks one question at a time ('b' goes back, 'q' quits). When standard input is
    not a terminal it reads one answer per line (or FACT=VALUE lines), so scripts can drive it.
    """
    from govtui.ask import run_interview

    language = state.language or "zh"
    library = load()
    target = _target(library, target_id)
    interactive = sys.stdin.isatty()
    code = run_interview(
        library,
        target,
        _as_of(as_of),
        language=language,
        read_line=_read_line(interactive),
        write=typer.echo,
        interactive=interactive,
        width=width,
    )
    if code:
        raise typer.Exit(code=code)


def _read_line(interactive: bool) -> Any:
    def read_line(prompt: str) -> str | None:
        if interactive:
            try:
                return input(prompt)
            except EOFError:
                return None
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\n")

    return read_line


@app.command("test")
def test_command(
    target_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Only this guide or bundle.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Run the worked examples in the content and report what no example reaches.

    Exits 1 when an example fails or a conditional material is reached by no example.
    """
    from govtui.interview.examples import run_examples

    library = load()
    if target_id is None:
        targets = [*library.guides.values(), *library.bundles.values()]
    else:
        targets = [_target(library, target_id)]
    results, coverage = run_examples(library, targets)
    failures = [result for result in results if not result.passed]
    if as_json:
        _print_json(
            {
                "examples": len(results),
                "failed": [
                    {"target": r.target, "example": r.example.name, "problems": list(r.problems)}
                    for r in failures
                ],
                "unreached_materials": coverage.unreached_materials,
                "unreached_conditions": coverage.unreached_conditions,
                "unreached_facts": coverage.unreached_facts,
                "without_examples": coverage.targets_without_examples,
            }
        )
    else:
        for result in failures:
            typer.echo(f"FAIL {result.target}: {result.example.name}")
            for problem in result.problems:
                typer.echo(f"     {problem}")
        typer.echo(f"{len(results) - len(failures)} passed, {len(failures)} failed")
        typer.echo("Coverage:")
        sections = (
            ("conditional materials no example reaches", coverage.unreached_materials),
            ("facts no example answers", coverage.unreached_facts),
            ("guides and bundles without examples", coverage.targets_without_examples),
            (
                "conditions never true or never false (for information)",
                coverage.unreached_conditions,
            ),
        )
        for title, entries in sections:
            typer.echo(f"  {title}: {len(entries) or 'none'}")
            for entry in entries:
                typer.echo(f"    - {entry}")
    if failures or coverage.unreached_materials:
        raise typer.Exit(code=1)


# Search ---------------------------------------------------------------------------------------


@app.command("search")
def search_command(
    query: Annotated[
        str | None, typer.Argument(metavar="[QUERY]", help="What the citizen said, as typed.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only guide, bundle, policy or article hits."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=200, help="At most N hits.")
    ] = 10,
    as_json: JsonOption = False,
    from_stdin: Annotated[
        bool,
        typer.Option("--stdin", help="Read one query per line; print one JSON array per line."),
    ] = False,
) -> None:
    """Search guides, bundles and policy articles the way citizens ask."""
    from govtui.errors import UsageError

    if kind is not None and kind not in ("guide", "bundle", "policy", "article"):
        raise UsageError(f"--kind {kind!r}: use guide, bundle, policy or article")
    if from_stdin and query is not None:
        raise UsageError("give either a QUERY or --stdin, not both")
    if not from_stdin and query is None:
        raise UsageError("give a QUERY, e.g. govtui search 低保 (or --stdin for many)")
    index = _open_index(quiet=as_json or from_stdin)
    if from_stdin:
        for line in sys.stdin:
            hits = index.search(line.strip(), kind=kind, limit=limit)
            typer.echo(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False))
        return
    assert query is not None
    hits = index.search(query, kind=kind, limit=limit)
    if as_json:
        _print_json([hit.to_json() for hit in hits])
        return
    if not query.strip():
        typer.echo("Type what the citizen said, e.g. 低保, 身份证丢了, 我妈去世了要办什么.")
        return
    if not hits:
        typer.echo(f"Nothing found for {query!r}. Try fewer words, or the service's common name.")
        return
    for number, hit in enumerate(hits, 1):
        status = getattr(hit, "status", None)
        label = f" ({status})" if status in ("repealed", "superseded") else ""
        typer.echo(f"{number:>2}. {hit.title}{label}  [{hit.kind}: {hit.id}]")
        typer.echo(f"    {hit.snippet}")
        if hit.matched:
            typer.echo(f"    matched: {', '.join(hit.matched)}")


def _open_index(quiet: bool, rebuild: bool = False) -> Any:
    from govtui.search import open_index

    # The root, not a loaded library: an up-to-date index opens without parsing any YAML.
    progress = None if quiet or not sys.stderr.isatty() else _progress_printer()
    return open_index(_content_root(None), progress=progress, rebuild=rebuild)


def _progress_printer() -> Any:
    def report(done: int, total: int) -> None:
        sys.stderr.write(f"\rgovtui: building the search index … {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report


@app.command("index")
def index_command(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild from scratch.")] = False,
    stats: Annotated[bool, typer.Option("--stats", help="Show what the index holds.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Build or update the search index (it is also built automatically on first use)."""
    index = _open_index(quiet=as_json, rebuild=rebuild)
    if stats or as_json:
        figures = index.stats()
        if as_json:
            _print_json(figures)
        else:
            for key, value in figures.items():
                typer.echo(f"{key}: {value}")
    else:
        typer.echo("govtui: the search index is up to date.", err=True)


def main() -> None:
    """The console script entry point: a user never sees a traceback."""
    import os

    try:
        app()
    except GovtuiError as error:  # raised outside a command, e.g. by the TUI launcher
        typer.echo(f"govtui: {error.message}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("govtui: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: say so plainly; GOVTUI_DEBUG=1 shows the traceback
        if os.environ.get("GOVTUI_DEBUG"):
            raise
        typer.echo(
            f"govtui: internal error ({type(error).__name__}: {error}). Nothing was saved or "
            "changed. Please report this; run again with GOVTUI_DEBUG=1 for details.",
            err=True,
        )
        sys.exit(70)
