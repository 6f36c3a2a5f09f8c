"""`govtui list` and `govtui show`: what the content holds, and one document readably."""

from __future__ import annotations

from typing import Annotated

import typer

from govtui.cli.loading import find_document, load
from govtui.cli.options import JsonOption, language, print_json
from govtui.content.kinds import DocumentKind


def list_command(
    kind: Annotated[DocumentKind | None, typer.Option("--kind", help="Only this kind.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the guides, bundles and policies."""
    from govtui.render.listing import list_rows
    from govtui.render.titles import document_title

    library = load()
    rows = list_rows(library, kind)
    if as_json:
        print_json(rows)
        return
    words = language()
    for row in rows:
        document = library.document(row["id"])
        title = document_title(document, words) if document else row["title"]
        typer.echo(f"{row['kind']:<7} {row['id']:<40} {title}")


def show_command(
    document_id: Annotated[str, typer.Argument(metavar="ID", help="A guide, bundle or policy id.")],
    as_json: JsonOption = False,
) -> None:
    """Show one guide, bundle or policy readably (or as JSON)."""
    from govtui.render.jsonout import document_json
    from govtui.render.text import render_document

    library = load()
    # An article's search hit id (policy#9) shows its policy, at that article.
    document_id = document_id.split("#", 1)[0]
    document = find_document(library, document_id)
    if as_json:
        print_json(document_json(library, document))
        return
    typer.echo(render_document(library, document, language=language()))
