"""Messages that belong to the whole app, posted from its thread workers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from govtui.content.models import Library
from govtui.tui.index import SearchHit, SearchIndex


@dataclass
class ContentLoaded(Message):
    """The content folder was read; `problems` files or fields could not be used."""

    library: Library
    problems: int


@dataclass
class IndexProgressed(Message):
    """The index build went on: `done` of `total` documents."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest figure matters; a burst of updates collapses into one repaint.
        return isinstance(message, IndexProgressed)


@dataclass
class IndexReady(Message):
    """The search index can answer queries."""

    index: SearchIndex


@dataclass(frozen=True)
class SearchRequest:
    """One query as typed, with its filters; `generation` tells stale results from fresh ones."""

    generation: int
    text: str
    kind: str | None
    category: str | None


@dataclass
class SearchFinished(Message):
    """Hits for a request, and ways out when there are none.

    `unfiltered` counts what the same words find without the filters; `suggestions` are ids of
    guides and bundles whose names look like a mistyped query.
    """

    request: SearchRequest
    hits: Sequence[SearchHit]
    unfiltered: int
    suggestions: tuple[str, ...]
