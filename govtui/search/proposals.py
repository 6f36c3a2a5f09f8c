"""Situation entries proposed from searches that found nothing, for a content editor to review."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govtui.search.index import SearchIndex

ACTIONABLE = ("guide", "bundle")
# How deep the proposal looks among the weak hits the floor held back.
_DEPTH = 5


@dataclass(frozen=True, slots=True)
class Proposal:
    """Searches that most likely meant one guide or bundle."""

    guide: str
    title: str
    queries: tuple[str, ...]
    reasons: tuple[str, ...]
    """Why the search leans to it (the weak matches), so the editor can judge."""


def read_queries(lines: Iterable[str]) -> list[str]:
    """Queries from plain lines or JSON Lines with a "query" field; blanks and repeats dropped.

    A line that is not valid JSON, or JSON without a text "query", is read as a plain query.
    """
    queries: list[str] = []
    seen: set[str] = set()
    for line in lines:
        text = line.strip()
        if text.startswith("{"):
            try:
                record = json.loads(text)
            except ValueError:
                record = None
            if isinstance(record, dict):
                value = record.get("query")
                text = value.strip() if isinstance(value, str) else ""
        if text and text not in seen:
            seen.add(text)
            queries.append(text)
    return queries


def propose(index: SearchIndex, queries: Iterable[str]) -> tuple[list[Proposal], list[str]]:
    """Group the queries under the guide or bundle each most likely meant; never writes content.

    The likely one is the best guide or bundle the search found, shown or held back by the
    floor. Queries with neither are returned apart: they need a new guide or a synonym.
    """
    grouped: dict[str, tuple[str, list[str], list[str]]] = {}
    unplaced: list[str] = []
    for query in queries:
        hits, held = index.search_with_suggestions(query, limit=_DEPTH)
        likely = next((hit for hit in (*hits, *held) if hit.kind in ACTIONABLE), None)
        if likely is None:
            unplaced.append(query)
            continue
        title, found, reasons = grouped.setdefault(likely.id, (likely.title, [], []))
        found.append(query)
        reasons.extend(reason for reason in likely.matched if reason not in reasons)
    proposals = [
        Proposal(guide, title, tuple(found), tuple(reasons))
        for guide, (title, found, reasons) in sorted(grouped.items())
    ]
    return proposals, unplaced


def proposals_yaml(proposals: Iterable[Proposal]) -> str:
    """The proposals as entries of guides/_situations.yaml, each with its evidence as comments."""
    lines: list[str] = []
    for proposal in proposals:
        # JSON strings are YAML flow scalars: any query, quotes and colons included, stays one.
        situations = ", ".join(json.dumps(query, ensure_ascii=False) for query in proposal.queries)
        lines.append(f"  - guide: {proposal.guide}  # {proposal.title}")
        if proposal.reasons:
            lines.append(f"    # {'; '.join(proposal.reasons)}")
        lines.append(f"    situations: [{situations}]")
    return "\n".join(lines)
