"""Search quality on the dev queries: hit@1, recall@5 and MRR for govtui and two baselines.

Usage: python benchmarks/quality.py [--content DIR] [--queries FILE] [--all-kinds] [--failures]
                                   [--json] [--govtui-only]

Only guide and bundle hits count, in the order each engine returns them. A query scores at rank r
when its first relevant id (any id in `expect`) is the r-th guide or bundle hit. With --all-kinds
(the policy lookups, benchmarks/queries-policy.yaml) every hit counts, policies and articles too,
so an article at rank r is at rank r of what the clerk sees.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govtui.content import load_library  # noqa: E402
from govtui.search import open_index  # noqa: E402
from govtui.search.documents import SourceDocument, library_documents  # noqa: E402

ACTIONABLE = ("guide", "bundle")
ALL_KINDS = ("guide", "bundle", "policy", "article")
DEV_QUERIES = ROOT.parent / "shared" / "eval" / "queries-dev.yaml"
DEPTH = 10  # ranks looked at; MRR counts a first relevant hit below this as 0


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    expect: frozenset[str]
    type: str


class Engine(Protocol):
    name: str

    def ranked(self, text: str) -> list[str]:
        """Guide and bundle ids, best first."""
        ...


class Govtui:
    name = "govtui"

    def __init__(self, content: Path, cache_dir: Path, kinds: tuple[str, ...]) -> None:
        self.index = open_index(content, cache_dir=cache_dir)
        self.kinds = kinds

    def ranked(self, text: str) -> list[str]:
        hits = self.index.search(text, limit=50)
        return [hit.id for hit in hits if hit.kind in self.kinds][:DEPTH]


def _plain_text(document: SourceDocument) -> str:
    return "\n".join(
        (
            *document.aliases,
            *document.english,
            *document.body,
            *document.materials,
            document.department,
        )
    )


class WhooshDefault:
    """Whoosh as it comes: StandardAnalyzer on title and body, the default (AND) query parser."""

    name = "Whoosh, default analyzer"

    def __init__(
        self, documents: Sequence[SourceDocument], folder: Path, kinds: tuple[str, ...]
    ) -> None:
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.index import create_in
        from whoosh.qparser import MultifieldParser

        schema = Schema(id=ID(stored=True), kind=ID(stored=True), title=TEXT(), body=TEXT())
        index = create_in(str(folder), schema)
        writer = index.writer()
        for document in documents:
            writer.add_document(
                id=document.id, kind=document.kind, title=document.title, body=_plain_text(document)
            )
        writer.commit()
        self.index = index
        self.parser = MultifieldParser(["title", "body"], schema)
        self.kinds = kinds

    def ranked(self, text: str) -> list[str]:
        with self.index.searcher() as searcher:
            results = searcher.search(self.parser.parse(text), limit=50)
            rows = [(result["id"], result["kind"]) for result in results]
        return [document_id for document_id, kind in rows if kind in self.kinds][:DEPTH]


class Fts5Trigram:
    """SQLite FTS5 with the trigram tokenizer: the query as one phrase, ordered by bm25."""

    name = "SQLite FTS5 trigram"

    def __init__(self, documents: Sequence[SourceDocument], kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self.database = sqlite3.connect(":memory:")
        self.database.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, kind UNINDEXED, title, body, "
            "tokenize='trigram')"
        )
        self.database.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?)",
            [(d.id, d.kind, d.title, _plain_text(d)) for d in documents],
        )

    def ranked(self, text: str) -> list[str]:
        phrase = '"' + text.replace('"', '""') + '"'
        rows = self.database.execute(
            "SELECT id, kind FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 50", (phrase,)
        ).fetchall()
        return [str(document_id) for document_id, kind in rows if kind in self.kinds][:DEPTH]


def first_relevant_rank(ranked: list[str], expect: frozenset[str]) -> int | None:
    return next((rank for rank, found in enumerate(ranked, 1) if found in expect), None)


def metrics(ranks: list[int | None]) -> dict[str, float]:
    count = len(ranks) or 1
    return {
        "queries": len(ranks),
        "hit@1": sum(1 for rank in ranks if rank == 1) / count,
        "recall@5": sum(1 for rank in ranks if rank is not None and rank <= 5) / count,
        "mrr": sum(1 / rank for rank in ranks if rank is not None) / count,
    }


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(str(q["id"]), str(q["query"]), frozenset(map(str, q["expect"])), str(q["type"]))
        for q in data["queries"]
    ]


def evaluate(engine: Engine, queries: list[Query]) -> dict[str, Any]:
    ranks: dict[str, int | None] = {}
    rankings: dict[str, list[str]] = {}
    started = time.perf_counter()
    for query in queries:
        try:
            ranked = engine.ranked(query.text)
        except Exception:  # a baseline that errors on a query simply finds nothing
            ranked = []
        rankings[query.id] = ranked
        ranks[query.id] = first_relevant_rank(ranked, query.expect)
    elapsed = time.perf_counter() - started
    by_type: dict[str, list[int | None]] = {}
    for query in queries:
        by_type.setdefault(query.type, []).append(ranks[query.id])
    return {
        "engine": engine.name,
        "overall": metrics(list(ranks.values())),
        "by_type": {kind: metrics(values) for kind, values in sorted(by_type.items())},
        "ranks": ranks,
        "rankings": rankings,
        "seconds": elapsed,
    }


def _row(label: str, values: dict[str, float]) -> str:
    return (
        f"| {label} | {int(values['queries'])} | {values['hit@1']:.3f} | "
        f"{values['recall@5']:.3f} | {values['mrr']:.3f} |"
    )


def report(results: list[dict[str, Any]], queries: list[Query]) -> str:
    lines = ["| engine | queries | hit@1 | recall@5 | MRR |", "|---|---:|---:|---:|---:|"]
    lines += [_row(result["engine"], result["overall"]) for result in results]
    types = sorted({query.type for query in queries})
    for result in results:
        lines += ["", f"**{result['engine']}, per query type**", ""]
        lines += ["| type | queries | hit@1 | recall@5 | MRR |", "|---|---:|---:|---:|---:|"]
        lines += [_row(kind, result["by_type"][kind]) for kind in types]
    return "\n".join(lines)


def failures(result: dict[str, Any], queries: list[Query]) -> str:
    lines = []
    for query in queries:
        rank = result["ranks"][query.id]
        if rank != 1:
            got = ", ".join(result["rankings"][query.id][:3])
            lines.append(
                f"{query.id} [{query.type}] {query.text!r}: rank {rank}; top: {got}; "
                f"want: {', '.join(sorted(query.expect))}"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    parser.add_argument("--failures", action="store_true", help="List queries not ranked first.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    parser.add_argument("--govtui-only", action="store_true", help="Skip the baselines.")
    parser.add_argument(
        "--all-kinds", action="store_true", help="Count every hit, policies and articles too."
    )
    arguments = parser.parse_args(argv)

    queries = load_queries(arguments.queries)
    library = load_library(arguments.content).library
    documents = library_documents(library)
    with tempfile.TemporaryDirectory(prefix="govtui-quality-") as temporary:
        folder = Path(temporary)
        kinds = ALL_KINDS if arguments.all_kinds else ACTIONABLE
        engines: list[Engine] = [Govtui(arguments.content, folder / "cache", kinds)]
        if not arguments.govtui_only:
            (folder / "whoosh").mkdir()
            engines += [
                WhooshDefault(documents, folder / "whoosh", kinds),
                Fts5Trigram(documents, kinds),
            ]
        results = [evaluate(engine, queries) for engine in engines]
    if arguments.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    print(f"{len(queries)} queries from {arguments.queries}; {len(documents)} documents\n")
    print(report(results, queries))
    if arguments.failures:
        for result in results[:1]:
            print(f"\n{result['engine']}: queries not answered first\n{failures(result, queries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
