"""`govtui diff OLD NEW`: what changed between two folders, releases or git revisions."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from govtui.cli.exits import say
from govtui.cli.loading import as_of
from govtui.cli.options import AsOfOption, language
from govtui.diff import DiffFormat
from govtui.i18n import text


def diff_command(
    old: Annotated[str, typer.Argument(help="A content folder, a release file, or git:REVISION.")],
    new: Annotated[str, typer.Argument(help="The same, for the newer content.")],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text, markdown, html or json.")
    ] = "text",
    on_date: AsOfOption = None,
    repository: Annotated[
        Path, typer.Option("--repo", help="The git repository for git:REVISION (default: here).")
    ] = Path("."),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Per guide and policy, what changed, in words a clerk reads aloud; coming changes dated."""
    from govtui.content import load_library
    from govtui.diff.compare import compare
    from govtui.diff.sources import content_folder
    from govtui.diff.words import render

    day = as_of(on_date)
    with tempfile.TemporaryDirectory(prefix="govtui-diff-") as scratch:
        libraries = []
        for side, source in (("old", old), ("new", new)):
            loaded = load_library(content_folder(source, repository, Path(scratch) / side))
            if loaded.report.errors:
                say(text("cli_content_problems", language(), n=len(loaded.report.errors)))
            libraries.append(loaded.library)
        rendered = render(compare(libraries[0], libraries[1], day), output_format, language())
    if output is None:
        typer.echo(rendered, nl=False)
        return
    from govtui.render.files import write_atomically

    write_atomically(output, rendered, force=force)
    say(text("cli_wrote", language(), path=output))
