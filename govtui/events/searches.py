"""When a search becomes an event: only once the clerk leaves the query, never per keystroke."""

from __future__ import annotations

from dataclasses import dataclass

from govtui.events.model import SearchOutcome


@dataclass(frozen=True, slots=True)
class LeftQuery:
    query: str
    outcome: SearchOutcome


class QueryTracker:
    """Follows the search box: the latest finished query and whether a result was opened.

    Refining a query (低 → 低保) replaces it; opening a result settles it; clearing the box or
    starting over leaves it, and only then does it count: as nothing found, or as abandoned when
    results were shown and none was opened.
    """

    def __init__(self) -> None:
        self._query: str | None = None
        self._hits = 0

    def finished(self, query: str, hits: int) -> None:
        self._query, self._hits = query, hits

    def opened(self) -> None:
        self._query = None

    def left(self) -> LeftQuery | None:
        """The query the clerk just left, if it is one to record; forgets it either way."""
        query, self._query = self._query, None
        if not query or not query.strip():
            return None
        return LeftQuery(query, "abandoned" if self._hits else "nothing_found")
