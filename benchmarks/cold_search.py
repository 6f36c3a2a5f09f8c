"""The cold-search floor: a minimal Typer command that opens the index by its content root.

Usage: python benchmarks/cold_search.py CONTENT_ROOT QUERY

The path `govtui search QUERY --json` takes, without the rest of the CLI: given the content
root, `open_index` loads the content only when the index must be (re)built.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from govtui.search import open_index


def main(content: Path, query: str) -> None:
    hits = open_index(content).search(query)
    typer.echo(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))


if __name__ == "__main__":
    typer.run(main)
