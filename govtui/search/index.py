"""Opening the index: fingerprint the content, build or update if stale, search an open index.

Long because it is one idea: the open index's lifecycle (fingerprint, build or update, lease,
search), which must stay together to stay safe under concurrent rebuilds.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from govtui.content.files import file_digests
from govtui.search import installed, schema
from govtui.search.candidates import CandidatePool
from govtui.search.hit import KINDS, Hit
from govtui.search.query import (
    FALLBACK_BELOW_COVERAGE,
    QueryAnalyzer,
    weighted_terms,
    whoosh_filter,
)
from govtui.search.ranking import CANDIDATES_PER_RESULT, MIN_CANDIDATES, rank
from govtui.search.schema import make_weighting
from govtui.search.store import (
    MANIFEST,
    IndexDamaged,
    ReaderLease,
    Store,
    check_seal,
    fingerprint,
)

if TYPE_CHECKING:
    from govtui.content.models import Bundle, Guide, Library, Policy
    from govtui.search.shares import Shares

Progress = Callable[[int, int], None]
_log = logging.getLogger(__name__)

# An incremental update re-indexes the changed files' documents; past this share of changed
# files a full build is as quick and leaves a tidier index.
_INCREMENTAL_LIMIT = 0.25
_OPEN_ATTEMPTS = 5
_MAX_LIMIT = 1000


class SearchIndex:
    """An open, up-to-date index, safe to share between threads.

    Whoosh readers are kept and lent to one search at a time: opening one reads every
    document's stored-field offsets, which at 100,000 documents costs more than a query, and a
    reader's files must not be read by two threads at once. The index holds a shared lock on its
    directory, so a later build never removes it while it is open.
    """

    def __init__(self, directory: Path, lease: ReaderLease | None) -> None:
        from whoosh.index import open_dir

        self.directory = directory
        self._lease = lease
        self._index = open_dir(str(directory))
        self._weighting = make_weighting()
        self.manifest: dict[str, Any] = json.loads((directory / MANIFEST).read_text("utf-8"))
        self._analyzer: QueryAnalyzer | None = None
        self._lock = threading.Lock()
        try:
            # A reader opens every segment: a damaged index fails here rather than at the first
            # search, and this reader is kept for that search.
            reader = self._index.reader()
        except BaseException:
            self._index.close()
            raise
        self._readers: list[Any] = [reader]
        self._idle_readers: list[Any] = [reader]

    @contextlib.contextmanager
    def _searcher(self) -> Iterator[Any]:
        """A searcher over a reader no other search is using."""
        from whoosh.searching import Searcher

        with self._lock:
            reader = self._idle_readers.pop() if self._idle_readers else None
        if reader is None:
            reader = self._index.reader()
            with self._lock:
                self._readers.append(reader)
        try:
            yield Searcher(reader, weighting=self._weighting, closereader=False)
        finally:
            with self._lock:
                self._idle_readers.append(reader)

    @property
    def analyzer(self) -> QueryAnalyzer:
        """Query analysis, loaded with the tables on first use."""
        if self._analyzer is None:
            from govtui.search.analysis import load_tables

            with self._lock:
                if self._analyzer is None:
                    self._analyzer = QueryAnalyzer(load_tables(self.directory))
        return self._analyzer

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        category: str | None = None,
        department: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """The best hits for `text`, best first. Any text is fine; blank text gives []."""
        return self.search_with_suggestions(
            text, kind=kind, category=category, department=department, limit=limit
        )[0]

    def search_with_suggestions(
        self,
        text: str,
        *,
        kind: str | None = None,
        category: str | None = None,
        department: str | None = None,
        limit: int = 10,
    ) -> tuple[list[Hit], list[Hit]]:
        """The hits, and the weak ones the floor held back (for "did you mean" when none)."""
        if not isinstance(text, str) or not text.strip() or limit <= 0:
            return [], []
        if kind is not None and kind not in KINDS:
            return [], []
        analyzed = self.analyzer.analyze(text)
        if not analyzed.terms:
            return [], []
        generic = self.analyzer.tables.generic
        limit = min(limit, _MAX_LIMIT)
        size = max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT)
        with self._searcher() as searcher:
            pool = CandidatePool(searcher, whoosh_filter(kind, category, department), size)
            # Words first; the character-level fallbacks only if no hit's names explain most of
            # the query (a mistyped 居往证, a homophone 身分证).
            primary = analyzed.without_fallbacks()
            pool.add(weighted_terms(primary))
            ranking = rank(primary, pool.rows(), limit, generic)
            if primary is not analyzed and ranking.best_coverage < FALLBACK_BELOW_COVERAGE:
                found_by_words = pool.ids()
                pool.add(weighted_terms(analyzed))
                fallback_only = frozenset(pool.ids() - found_by_words)
                ranking = rank(analyzed, pool.rows(), limit, generic, fallback_only)
        return ranking.hits, ranking.below_floor

    def stats(self) -> dict[str, Any]:
        """What `govtui index --stats` shows."""
        size = sum(path.stat().st_size for path in self.directory.iterdir() if path.is_file())
        reader = self._index.reader()
        try:
            segments = len(reader.leaf_readers())
        finally:
            reader.close()
        documents: dict[str, int] = self.manifest.get("documents", {})
        return {
            "path": str(self.directory),
            "content": self.manifest.get("root"),
            "fingerprint": self.manifest.get("fingerprint"),
            "schema_version": self.manifest.get("schema"),
            "documents": documents,
            "total_documents": sum(documents.values()),
            "size_bytes": size,
            "segments": segments,
            "built": self.manifest.get("built"),
            "build_seconds": self.manifest.get("build_seconds"),
            "build_mode": self.manifest.get("mode"),
            "changed_files": self.manifest.get("changed_files", []),
        }

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self._idle_readers.clear()
        self._index.close()
        if self._lease is not None:
            self._lease.release()
            self._lease = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_index(
    source: Library | Path,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    on_damaged: Callable[[], None] | None = None,
) -> SearchIndex:
    """Open the index of a content folder, building or updating it first if the content changed.

    `source` is a loaded Library or just its content root. Passing the root is what makes a cold
    search fast: the content is loaded only if the index has to be (re)built.
    `progress(done, total)` is called while documents are indexed. An index found damaged (a
    file cut short, deleted or overwritten, an unreadable pointer) is discarded and built again,
    and `on_damaged()` is called once it is, so the face can say so. Raises GovtuiError if the
    cache dir cannot be used.
    """
    root = source if isinstance(source, Path) else source.root
    store = Store(cache_dir if cache_dir is not None else _default_cache_dir())
    try:
        index, damaged = _open_or_build(store, source, root, progress, rebuild)
    except OSError as error:
        from govtui.errors import GovtuiError

        raise GovtuiError(
            "error_index_cache", folder=store.folder, detail=error.strerror or error
        ) from error
    if damaged and on_damaged is not None:
        on_damaged()
    return index


def open_current_index(root: Path, cache_dir: Path | None = None) -> SearchIndex | None:
    """The index of a content folder if it is up to date, else None; never builds or waits.

    For callers that show progress while building (the TUI): they open what is ready at once
    and build in the background otherwise.
    """
    store = Store(cache_dir if cache_dir is not None else _default_cache_dir())
    try:
        digests = file_digests(root, store.cache_dir)
        return _open_current(store, root, fingerprint(digests))
    except (OSError, IndexDamaged):  # left as it is: the build that follows repairs it
        return None


def _open_or_build(
    store: Store,
    source: Library | Path,
    root: Path,
    progress: Progress | None,
    rebuild: bool,
) -> tuple[SearchIndex, bool]:
    """The open index, and whether a damaged one had to be discarded on the way."""
    digests = file_digests(root, store.cache_dir)
    content_fingerprint = fingerprint(digests)
    damaged = False
    if not rebuild:
        try:
            index = _open_current(store, root, content_fingerprint)
        except IndexDamaged:
            damaged = True  # repaired below, under the build lock
        else:
            if index is not None:
                return index, False
    with store.build_lock():
        # Another process may have built (or repaired) it while this one waited for the lock.
        index = None
        if not rebuild:
            try:
                index = _open_current(store, root, content_fingerprint)
            except IndexDamaged as damage:
                _log.info("discarding a damaged search index: %s", damage)
                damaged = True
                # Nothing of it is reused: the build starts afresh and clean-up removes it.
                store.discard_pointer(root)
        if index is None:
            import sqlite3  # 13 ms: only a build needs it

            try:
                _build(store, source, root, digests, content_fingerprint, progress, rebuild)
            except sqlite3.DatabaseError as damage:
                # jieba's table in the shared resources is damaged: make it again, once.
                _log.info("discarding the damaged shared tables: %s", damage)
                damaged = True
                store.discard_resources()
                _build(store, source, root, digests, content_fingerprint, progress, True)
            store.clean()
            index = _open_current(store, root, content_fingerprint)
    if index is None:  # pragma: no cover - only if the cache dir is removed under us
        raise RuntimeError(f"the search index in {store.folder} vanished while it was opened")
    return index, damaged


def _default_cache_dir() -> Path:
    from govtui.paths import cache_dir

    return cache_dir()


def _load(root: Path, store: Store, digests: dict[str, str]) -> Library:
    """The library, parsing only the files changed since the last load with this cache.

    A changed library is not saved whole here: that copy serves the TUI's launch, which makes
    it when it first needs it, and saving it took 0.6 s of a county's one-guide update.
    """
    from govtui.content.cache import cached_library
    from govtui.content.loader import load_library
    from govtui.content.parsed import ParsedFiles

    cached = cached_library(root, store.cache_dir, digests)
    if cached is not None:
        return cached.library
    return load_library(root, ParsedFiles(store.cache_dir, root)).library


def _load_for_update(
    root: Path, store: Store, digests: dict[str, str], shares: Shares, changed: set[str]
) -> Library:
    """Just the files an update's documents are made from, if that will do; else all of them.

    Reading a county's 1,800 files (even parsed ones) was 0.6 s of a one-guide update.
    """
    from govtui.content.loader import load_library
    from govtui.content.parsed import ParsedFiles
    from govtui.search.shares import NeedsWholeLibrary, update_files

    try:
        files = update_files(shares, changed, digests)
    except NeedsWholeLibrary as reason:
        _log.info("an update reads the whole library: %s", reason)
        return _load(root, store, digests)
    parsed = ParsedFiles(store.cache_dir, root)
    library = load_library(root, parsed, only=files).library
    # A changed bundle may have gained members its document did not draw on before.
    guide_files = shares.guide_files()
    members = {
        guide_files[guide_id]
        for bundle in library.bundles.values()
        for guide_id in bundle.guides
        if guide_id not in library.guides and guide_files.get(guide_id) in digests
    }
    if members:
        library = load_library(root, parsed, only=files | members).library
    loaded: list[Guide | Bundle | Policy] = [
        *library.guides.values(),
        *library.bundles.values(),
        *library.policies.values(),
    ]
    if any(item.path.stem != item.id for item in loaded):
        # An id its file name does not give may be another file's too: the whole load decides.
        return _load(root, store, digests)
    return library


def _open_current(store: Store, root: Path, content_fingerprint: str) -> SearchIndex | None:
    """The root's index if it is up to date; None if there is none or it is stale.

    Raises IndexDamaged if the pointer or the index it names is there but unusable.
    """
    named = ""
    for _ in range(_OPEN_ATTEMPTS):
        pointer = store.read_pointer(root)
        if pointer is None or pointer.fingerprint != content_fingerprint:
            return None
        named = pointer.directory
        lease = store.lease(store.folder / named)
        if lease is not None:
            return _open_sealed(store.folder / named, lease)
        # The pointer moved on and the old directory went between reading and locking: retry.
    # The pointer stayed on a directory that cannot be held: gone, or without its manifest.
    raise IndexDamaged(f"{named} cannot be opened")


def _open_sealed(directory: Path, lease: ReaderLease) -> SearchIndex:
    """Open a held index directory, or let it go and raise IndexDamaged if it is not whole."""
    try:
        check_seal(directory)
        return SearchIndex(directory, lease)
    except IndexDamaged:
        lease.release()
        raise
    except Exception as error:  # noqa: BLE001 - Whoosh and json raise many kinds on bad files
        lease.release()
        raise IndexDamaged(f"{directory.name}: {type(error).__name__}: {error}") from error


def _build(
    store: Store,
    source: Library | Path,
    root: Path,
    digests: dict[str, str],
    content_fingerprint: str,
    progress: Progress | None,
    rebuild: bool,
) -> None:
    """Build or update the root's index from `source`, a Library or (to be loaded) its root."""
    from govtui.search.build import build_full, build_incremental

    building = store.new_building_directory()
    previous = _previous(store, root)
    report_progress = progress or (lambda done, total: None)
    changed = _changed_files(previous.manifest, digests) if previous else None
    if (
        not rebuild
        and previous is not None
        and changed is not None
        and len(changed) <= max(1, _INCREMENTAL_LIMIT * len(digests))
    ):
        library = (
            _load_for_update(root, store, digests, previous.shares, changed)
            if isinstance(source, Path)
            else source
        )
        build_incremental(
            library,
            previous.directory,
            previous.shares,
            building,
            store.resources,
            digests,
            content_fingerprint,
            changed,
            report_progress,
        )
    else:
        build_full(
            _load(root, store, digests) if isinstance(source, Path) else source,
            building,
            store.resources,
            digests,
            content_fingerprint,
            report_progress,
            previous.directory if previous else None,
        )
    store.publish(building, root, content_fingerprint)


class _Previous(NamedTuple):  # not a dataclass: making one was 1 ms of every cold search
    directory: Path
    manifest: dict[str, Any]
    shares: Shares


def _previous(store: Store, root: Path) -> _Previous | None:
    """The root's previous index, if the same schema and analysers made it and kept its shares."""
    pointer = store.pointer(root)
    if pointer is None:
        return None
    directory = store.folder / pointer.directory
    try:
        check_seal(directory)  # an update shares its files: they must be whole
        manifest: dict[str, Any] = json.loads((directory / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError, IndexDamaged):
        return None
    if manifest.get("schema") != schema.SCHEMA_VERSION:
        return None
    if manifest.get("analysers") != installed.analyser_versions():
        return None
    from govtui.search.shares import load_shares  # the content models: a search need not

    shares = load_shares(directory)
    if shares is None:
        return None
    return _Previous(directory, manifest, shares)


def _changed_files(manifest: dict[str, Any], digests: dict[str, str]) -> set[str] | None:
    before = manifest.get("files")
    if not isinstance(before, dict):
        return None
    return {path for path in set(before) | set(digests) if before.get(path) != digests.get(path)}


_open_indexes: dict[tuple[str, str], SearchIndex] = {}
_open_indexes_lock = threading.Lock()


def search(
    source: Library | Path,
    text: str,
    *,
    kind: str | None = None,
    category: str | None = None,
    department: str | None = None,
    limit: int = 10,
    cache_dir: Path | None = None,
) -> list[Hit]:
    """Open (once per process, while the content is unchanged) and search in one call."""
    root = source if isinstance(source, Path) else source.root
    key = (str(root.resolve()), str(cache_dir))
    with _open_indexes_lock:
        index = _open_indexes.get(key)
        if index is not None and index.manifest.get("fingerprint") != fingerprint(
            file_digests(root, cache_dir if cache_dir is not None else _default_cache_dir())
        ):
            index.close()
            index = None
        if index is None:
            index = open_index(source, cache_dir)
            _open_indexes[key] = index
    return index.search(text, kind=kind, category=category, department=department, limit=limit)
