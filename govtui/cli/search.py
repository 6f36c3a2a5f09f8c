"""`govtui search` and `govtui index`: the search index, opened without loading the content."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from govtui.cli.exits import say
from govtui.cli.loading import content_root
from govtui.cli.options import JsonOption, language, print_json
from govtui.content.kinds import HitKind
from govtui.errors import UsageError
from govtui.i18n import Language, text
from govtui.render.titles import hit_title, match_reason

if TYPE_CHECKING:
    from govtui.search import Hit, SearchIndex

# Only what a hit is marked with: effective and amended ones are the ordinary case.
_STATUS_LABELS = {"repealed": "status_repealed", "superseded": "status_superseded"}


def search_command(
    query: Annotated[
        str | None, typer.Argument(metavar="[QUERY]", help="What the citizen said, as typed.")
    ] = None,
    kind: Annotated[
        HitKind | None, typer.Option("--kind", "-k", help="Only hits of this kind.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=200, help="At most N hits.")
    ] = 10,
    as_json: JsonOption = False,
    from_stdin: Annotated[
        bool,
        typer.Option(
            "--stdin",
            help="Read one query per line and answer each in turn, headed by its query; with "
            '--json, one line of JSON per input line: {"query": …, "results": […]}.',
        ),
    ] = False,
) -> None:
    """Search guides, bundles and policy articles the way citizens ask."""
    if from_stdin and query is not None:
        raise UsageError("error_search_query_and_stdin")
    if not from_stdin and query is None:
        raise UsageError("error_search_no_query")
    index = _open_index(quiet=as_json or from_stdin)
    words = language()
    if not from_stdin:
        assert query is not None
        hits, suggestions = index.search_with_suggestions(query, kind=kind, limit=limit)
        if as_json:
            print_json([hit.to_json() for hit in hits])
        else:
            _print_hits(query, hits, suggestions, words)
        return
    for number, line in enumerate(sys.stdin):
        asked = line.rstrip("\r\n")
        hits, suggestions = index.search_with_suggestions(asked.strip(), kind=kind, limit=limit)
        if as_json:
            # One line per input line, empty ones included, so a script can pair them up.
            answer = {"query": asked, "results": [hit.to_json() for hit in hits]}
            typer.echo(json.dumps(answer, ensure_ascii=False))
            continue
        if number:
            typer.echo("")
        typer.echo(text("cli_search_heading", words, query=asked))
        _print_hits(asked, hits, suggestions, words)


def _print_hits(query: str, hits: list[Hit], suggestions: list[Hit], words: Language) -> None:
    """One search's results as a clerk reads them: title, id, marked snippet, why it matched."""
    if not query.strip():
        typer.echo(text("cli_search_empty", words))
        return
    if not hits:
        typer.echo(text("cli_nothing_found", words, query=query))
        # An honest "not found", and what the weak matches were, rather than unrelated hits.
        if suggestions:
            typer.echo(text("cli_did_you_mean", words))
            for hit in suggestions:
                typer.echo(f"    {hit_title(hit, words)}  [{hit.kind}: {hit.id}]")
        return
    for number, hit in enumerate(hits, 1):
        status = _STATUS_LABELS.get(hit.status or "")
        label = f" ({text(status, words)})" if status else ""
        typer.echo(f"{number:>2}. {hit_title(hit, words)}{label}  [{hit.kind}: {hit.id}]")
        if hit.kind == "elsewhere":
            # Not a service of ours: say where it is handled instead of a snippet to misread.
            go_to = text("elsewhere_go_to", words, place=hit.department)
            typer.echo(f"    {text('elsewhere', words)}：{go_to}")
            continue
        typer.echo(f"    {hit.snippet}")
        if hit.matched:
            reasons = text("list_separator", words).join(
                match_reason(reason, words) for reason in hit.matched
            )
            typer.echo(f"    {text('matched_because', words, reasons=reasons)}")


def index_command(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild from scratch.")] = False,
    stats: Annotated[bool, typer.Option("--stats", help="Show what the index holds.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Build or update the search index (it is also built automatically on first use)."""
    index = _open_index(quiet=as_json, rebuild=rebuild, always=True)
    if stats or as_json:
        figures = index.stats()
        if as_json:
            print_json(figures)
        else:
            for key, value in figures.items():
                typer.echo(f"{key}: {value}")
    else:
        say(text("cli_index_ready", language()))


def _open_index(quiet: bool, rebuild: bool = False, always: bool = False) -> SearchIndex:
    from govtui.search import open_index

    # The root, not a loaded library: an up-to-date index opens without parsing any YAML.
    # A search keeps stderr quiet when it is no terminal; `govtui index` always shows progress.
    progress = None if quiet or not (sys.stderr.isatty() or always) else _progress_printer()
    return open_index(
        content_root(None),
        progress=progress,
        rebuild=rebuild,
        on_damaged=lambda: say(text("notice_index_repaired", language())),
    )


def _progress_printer() -> Callable[[int, int], None]:
    words = language()

    terminal = sys.stderr.isatty()
    shown = [-1]

    def report(done: int, total: int) -> None:
        building = text("cli_index_building", words, done=done, total=total)
        if not terminal:
            # Not a terminal (a log, a pipe): one plain line every tenth, not a line per file.
            tenth = done * 10 // max(total, 1)
            if tenth != shown[0]:
                shown[0] = tenth
                sys.stderr.write(f"govtui: {building}\n")
            return
        sys.stderr.write(f"\rgovtui: {building}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report
