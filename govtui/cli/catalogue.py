"""`govtui import`, `govtui export`, `govtui schema` and `govtui new`: a county's own catalogue."""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from govtui.cli.exits import say
from govtui.cli.loading import content_root, load
from govtui.cli.options import JsonOption, language, print_json
from govtui.errors import OutputExistsError, UsageError
from govtui.i18n import text

import_app = typer.Typer(
    help="Import a county's 实施清单 spreadsheet or a policy document.", no_args_is_help=True
)
new_app = typer.Typer(help="Write a new, lint-clean content file to fill in.", no_args_is_help=True)

OutFolder = Annotated[
    Path | None,
    typer.Option("--out", help="Content folder to write into (default: the configured content)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


def _date(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError("error_bad_date", value=value) from None


@contextmanager
def _progress(key: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on a terminal (Typer's own), a plain line every tenth elsewhere."""
    words = language()
    bar: Any = None
    shown = [-1]

    def update(done: int, total: int) -> None:
        nonlocal bar
        if sys.stderr.isatty():
            if bar is None:
                label = text(key, words, done="", total="").split("…")[0].strip()
                bar = typer.progressbar(length=total, label=label, file=sys.stderr)
                bar.__enter__()
            bar.update(1)
            return
        tenth = done * 10 // max(total, 1)
        if tenth != shown[0] or done == total:
            shown[0] = tenth
            say(text(key, words, done=done, total=total))

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def import_catalogue_command(
    spreadsheet: Annotated[
        Path, typer.Argument(metavar="FILE", help="The 实施清单: .xlsx, .csv (or a govtui .json).")
    ],
    out: OutFolder = None,
    materials: Annotated[
        Path | None,
        typer.Option(
            "--materials", help="The materials table, for a CSV (default: FILE-材料.csv)."
        ),
    ] = None,
    reviewed: Annotated[
        str | None,
        typer.Option("--reviewed", help="Review date of changed guides (default: today)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write one guide per service item; report every cell that could not be read as it is.

    Importing the same file again changes nothing; a new version changes only what changed and
    keeps what an editor added by hand. Exit 2 when a row had errors.
    """
    from govtui.catalogue.importer import import_catalogue

    root = (out or content_root(None)).resolve()
    with _progress("catalogue_importing") as progress:
        result = import_catalogue(
            spreadsheet,
            root,
            materials=materials,
            reviewed=_date(reviewed) or datetime.date.today(),
            progress=None if as_json else progress,
        )
    words = language()
    notes = result.notes
    if as_json:
        print_json(
            {
                "written": [str(path) for path in result.written],
                "unchanged": result.unchanged,
                "skipped": result.skipped,
                "notes": [
                    {"severity": n.severity, "place": n.place, "message": n.phrase.get(words)}
                    for n in notes.items
                ],
            }
        )
    else:
        for note in notes.items:
            severity = text(f"catalogue_severity_{note.severity}", words)
            typer.echo(f"{note.place}: {severity}: {note.phrase.get(words)}")
        say(
            text(
                "catalogue_import_summary",
                words,
                written=len(result.written),
                unchanged=result.unchanged,
                skipped=result.skipped,
                errors=notes.count("error"),
                warnings=notes.count("warning"),
            )
        )
    if notes.count("error"):
        raise typer.Exit(code=2)


def import_policy_command(
    document: Annotated[
        Path, typer.Argument(metavar="FILE", help="The policy: .docx, .txt, .md or .html.")
    ],
    out: OutFolder = None,
    policy_id: Annotated[str | None, typer.Option("--id", help="The policy's id (slug).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Its title.")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="Who issued it.")] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="Its 文号.")] = None,
    issued: Annotated[str | None, typer.Option("--issued", help="Issue date.")] = None,
    effective: Annotated[str | None, typer.Option("--effective", help="In force from.")] = None,
    level: Annotated[
        Literal["national", "provincial", "local"], typer.Option("--level", help="Its level.")
    ] = "local",
    force: ForceOption = False,
) -> None:
    """Split a policy into 章/节/条/款 and write it with its official text (`text: official`).

    Title, issuer, 文号 and dates are taken from the document where it states them; a flag
    given wins, and one the document lacks is asked for.
    """
    from govtui.catalogue.policy import PolicyFacts, policy_yaml
    from govtui.render.files import write_atomically

    facts = PolicyFacts(
        policy_id, title, issuer, doc_number, _date(issued), _date(effective), level
    )
    yaml_text, data, parsed = policy_yaml(document, facts)
    root = (out or content_root(None)).resolve()
    target = root / "policies" / f"{data['id']}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, yaml_text, force=force)
    say(
        text(
            "policy_import_summary",
            language(),
            path=target,
            articles=len(parsed.articles),
            chapters=parsed.chapters,
        )
    )


def export_command(
    export_format: Annotated[
        str, typer.Option("--format", help="zwfw: GB/T 39046 表4 fields and Appendix A codes.")
    ] = "zwfw",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="FILE.xlsx or FILE.json (default: JSON on stdout)."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Export the guides in the national data standard's fields, with an x-govtui extension.

    The extension holds what the standard lacks (容缺, 告知承诺, 免提交, conditions), so
    `govtui import catalogue` of the export gives the same guides back.
    """
    from govtui.catalogue.export import export_sheets
    from govtui.catalogue.sheets import json_text, workbook_bytes
    from govtui.render.files import write_atomically

    if export_format != "zwfw":
        raise UsageError("error_export_format", value=export_format)
    suffix = out.suffix.lower() if out else ".json"
    if suffix not in (".xlsx", ".json"):
        raise UsageError("error_export_kind", path=out)
    if out is not None and out.exists() and not force:
        raise OutputExistsError("error_output_exists", path=out)
    library = load()
    with _progress("catalogue_exporting") as progress:
        sheets = export_sheets(library, progress if out else None)
    if out is None:
        typer.echo(json_text(sheets), nl=False)
        return
    data = workbook_bytes(sheets) if suffix == ".xlsx" else json_text(sheets)
    write_atomically(out, data, force=force)
    say(text("cli_wrote", language(), path=out))


def schema_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for the schema files.")] = Path(
        ".schemas"
    ),
) -> None:
    """Write a JSON Schema per content file kind, for a YAML language server in an editor."""
    from govtui.catalogue.schema import KINDS, file_schema
    from govtui.render.files import write_atomically

    out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        schema = json.dumps(file_schema(kind), ensure_ascii=False, indent=2) + "\n"
        write_atomically(out / f"{kind}.schema.json", schema, force=True)
    say(text("schema_written", language(), n=len(KINDS), folder=out))


def new_guide_command(
    guide_id: Annotated[str, typer.Argument(metavar="ID", help="The new guide's id (slug).")],
    category: Annotated[
        str | None, typer.Option("--category", help="Its category (default: the first).")
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write a complete guide skeleton that lints clean, in guides/<category>/<ID>.yaml."""
    from govtui.catalogue.skeleton import guide_skeleton
    from govtui.content.yamlkeys import SLUG
    from govtui.render.files import write_atomically

    if not SLUG.match(guide_id):
        raise UsageError("error_bad_slug", value=guide_id)
    library = load()
    existing = library.document(guide_id)
    if existing is not None and not force:
        raise OutputExistsError("error_new_exists", id=guide_id, path=existing.path)
    chosen = category or next(iter(library.categories), "imported")
    if chosen not in library.categories:
        raise UsageError("error_unknown_category", value=chosen, known=list(library.categories))
    target = library.root / "guides" / chosen / f"{guide_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    skeleton = guide_skeleton(library, guide_id, chosen, datetime.date.today())
    write_atomically(target, skeleton, force=force)
    say(text("new_guide_written", language(), path=target))


import_app.command("catalogue")(import_catalogue_command)
import_app.command("policy")(import_policy_command)
new_app.command("guide")(new_guide_command)
