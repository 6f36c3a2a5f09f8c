"""The search index as the app sees it: a protocol, so tests can pass a small fake."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from govtui.content.models import Library

ProgressCallback = Callable[[int, int], None]


class SearchHit(Protocol):
    """What the results list shows for one hit."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def title_en(self) -> str | None: ...
    @property
    def snippet_text(self) -> str: ...
    @property
    def snippet_spans(self) -> Sequence[tuple[int, int]]: ...
    @property
    def matched(self) -> Sequence[str]: ...
    @property
    def policy(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...
    @property
    def department(self) -> str | None: ...


class SearchIndex(Protocol):
    """`govtui.search.SearchIndex` as far as the app uses it."""

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        category: str | None = None,
        department: str | None = None,
        limit: int = 10,
    ) -> Sequence[SearchHit]: ...

    def close(self) -> None: ...


IndexFactory = Callable[[Library, ProgressCallback], SearchIndex]


def open_ready_index(content_root: Path) -> SearchIndex | None:
    """The on-disk index if it is up to date, else None (it must be built first)."""
    from govtui.search import open_current_index

    index: SearchIndex | None = open_current_index(content_root)
    return index


def open_default_index(
    library: Library,
    progress: ProgressCallback,
    cache_dir: Path | None = None,
    on_damaged: Callable[[], None] | None = None,
) -> SearchIndex:
    """Open the on-disk index, building it first when it is missing, stale or damaged.

    `on_damaged()` is called when a damaged index had to be rebuilt.
    """
    # Imported here: the search stack (Whoosh, jieba) is heavy and loads in the index worker.
    from govtui.search import open_index

    index: SearchIndex = open_index(
        library, cache_dir=cache_dir, progress=progress, on_damaged=on_damaged
    )
    return index
