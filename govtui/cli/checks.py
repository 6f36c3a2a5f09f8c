"""`govtui lint` and `govtui test`: reports for content authors.

They stay in English, like the lint findings and example problems they list (content authors
read them next to the YAML); the clerk's commands speak --lang.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govtui.cli.loading import content_root, find_target, load
from govtui.cli.options import JsonOption, print_json

if TYPE_CHECKING:
    from govtui.interview import Target


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
    from govtui.content.parsed import ParsedFiles
    from govtui.paths import cache_dir

    root = content_root(directory)
    _, findings = lint(root, parsed=ParsedFiles(cache_dir(), root))
    errors = [finding for finding in findings if finding.severity == "error"]
    warnings = [finding for finding in findings if finding.severity == "warning"]
    if as_json:
        print_json([finding.as_json() for finding in findings])
    else:
        for finding in findings:
            typer.echo(str(finding))
        typer.echo(f"{len(errors)} error(s), {len(warnings)} warning(s)", err=True)
    if errors:
        raise typer.Exit(code=2)
    if warnings and strict:
        raise typer.Exit(code=1)


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
    targets: list[Target]
    if target_id is None:
        targets = [*library.guides.values(), *library.bundles.values()]
    else:
        targets = [find_target(library, target_id)]
    results, coverage = run_examples(library, targets)
    failures = [result for result in results if not result.passed]
    if as_json:
        print_json(
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
