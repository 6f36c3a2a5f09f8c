"""Building the index: full builds, and updates that re-index only the files that changed."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtui.search import installed, schema
from govtui.search.analysis import Tables, fold, load_tables, save_tables
from govtui.search.documents import SourceDocument, library_documents
from govtui.search.fields import AnalysisSetup, FieldAnalysis
from govtui.search.schema import make_schema
from govtui.search.shares import Shares, document_shares, file_words, save_shares
from govtui.search.store import MANIFEST, READER_LOCK, source_key

if TYPE_CHECKING:
    from govtui.content.models import Library

Progress = Callable[[int, int], None]

BUILD_CACHE_FILE = "build-cache.json"
_DICTIONARY_FILE = "jieba-dictionary.txt"
# An update merges every segment holding less than 1/KEEP_SHARE of the documents with its own.
KEEP_SHARE = 4
_POOL_MB = 512


def _no_progress(done: int, total: int) -> None:
    """The default progress callback: nothing to show."""


@dataclass
class BuildReport:
    """What a build did, for the manifest and `govtui index --stats`."""

    mode: str
    seconds: float
    documents: dict[str, int]
    changed_files: list[str] = field(default_factory=list)


def build_full(
    library: Library,
    directory: Path,
    resources: Path,
    digests: dict[str, str],
    fingerprint: str,
    progress: Progress = _no_progress,
    previous: Path | None = None,
) -> BuildReport:
    """Index the whole library into the empty `directory`.

    A `previous` index of the same content root lends its pinyin readings of names, which
    depend on nothing else, so a rebuild need not load pypinyin for names it has seen.
    """
    from whoosh.index import create_in

    from govtui.search import lexicon

    started = time.perf_counter()
    table = lexicon.fold_table()
    documents = library_documents(library)
    # Readings of the common characters come from the shared resources, so only characters
    # beyond them (rare in content) need pypinyin here.
    common = lexicon.common_pinyin(resources)
    character_pinyin = lexicon.character_pinyin(_characters(documents), common)
    # Not the previous frequencies: each depends on the words added before it, so a full
    # build works them all out afresh.
    name_pinyin = _load_build_cache(previous).pinyin if previous else {}
    known = _Known(name_pinyin)
    shares = Shares(file_words(library, table), document_shares(documents, table))
    words = shares.ordered_words(digests)
    setup = _setup(
        words, documents, table, character_pinyin, known, directory, resources, full=True
    )
    analysis = FieldAnalysis(setup, _workers())
    # Whoosh sorts the postings in a pool of this size and spills runs to disk past it. A
    # county's 16,700 documents fit in 512 MB: the build took 27 s instead of 46-49 s at 256 MB
    # (which spilled), for a peak of 745 MB instead of 570 MB.
    writer = create_in(str(directory), make_schema()).writer(limitmb=_POOL_MB, compound=False)
    _write(writer, analysis.run(documents), len(documents), progress)
    writer.commit()
    tables = Tables(
        fold=table,
        pinyin=setup.character_pinyin,
        vocabulary=frozenset(analysis.vocabulary),
        synonyms=_synonym_table(library, table),
        generic=shares.generic(),
    )
    report = BuildReport("full", time.perf_counter() - started, shares.counts())
    _finish(directory, tables, shares, analysis, report, library.root, digests, fingerprint)
    return report


def merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: keep the big segments, merge the small ones with the new one.

    Whoosh's default policy merged the one big segment of a full build with every update's new
    one, rewriting the whole index (0.3 s of a 1 s update) to change one file. Leaving every
    update's segment beside it was no better for searches: at county scale six segments made the
    warm p95 1.6 times a one-segment index's. So an index has its big segment and one of
    updates, whose merging costs a few documents' copying.
    """
    total = sum(segment.doc_count_all() for segment in segments)
    return [segment for segment in segments if segment.doc_count_all() * KEEP_SHARE >= total]


def build_incremental(
    library: Library,
    previous: Path,
    previous_shares: Shares,
    directory: Path,
    resources: Path,
    digests: dict[str, str],
    fingerprint: str,
    changed_files: set[str],
    progress: Progress = _no_progress,
) -> BuildReport:
    """Share the previous index's files and re-index only the documents of `changed_files`.

    `library` holds at least the changed files and every file their documents are made from
    (all of it, or just those: see `update_files`); the rest of the library is known from the
    `previous_shares` kept beside the previous index.
    """
    from whoosh.index import open_dir

    from govtui.search import lexicon

    started = time.perf_counter()
    _link_index_files(previous, directory)
    tables = load_tables(previous)
    table = dict(tables.fold)
    affected = previous_shares.affected(changed_files)
    # A document made from a changed file, then or now: a bundle whose removed member took it
    # out of the index is put back too, without that member.
    documents = [
        document
        for document in library_documents(library)
        if document.id in affected or not changed_files.isdisjoint(document.sources)
    ]
    present = {name for name in changed_files if name in digests}
    loaded_words = file_words(library, table)
    shares = previous_shares.updated(
        files={name: loaded_words.get(name, ()) for name in present},
        removed_files=changed_files - present,
        removed_documents=affected,
        documents=document_shares(documents, table),
    )
    character_pinyin = lexicon.character_pinyin(_characters(documents), tables.pinyin)
    setup = _setup(
        shares.ordered_words(digests),
        documents,
        table,
        character_pinyin,
        _load_build_cache(previous),
        directory,
        resources,
        full=False,
    )
    analysis = FieldAnalysis(setup, _workers())
    writer = open_dir(str(directory)).writer(limitmb=64, compound=False)
    for relative_path in sorted(changed_files):
        writer.delete_by_term("sources", source_key(relative_path))
    # A document can now draw on a file it did not before (a bundle on a new member guide), so
    # whatever is re-added also replaces its old version by id.
    for document in documents:
        writer.delete_by_term("id", document.id)
    _write(writer, analysis.run(documents), len(documents), progress)
    writer.commit(mergetype=merge_small)
    updated = Tables(
        fold=table,
        pinyin=character_pinyin,
        # Words of replaced documents stay: a word no document holds only costs a lookup.
        vocabulary=tables.vocabulary | analysis.vocabulary,
        synonyms=_synonym_table(library, table),
        generic=shares.generic(),
    )
    report = BuildReport(
        "incremental", time.perf_counter() - started, shares.counts(), sorted(changed_files)
    )
    _finish(directory, updated, shares, analysis, report, library.root, digests, fingerprint)
    return report


def _setup(
    words: list[str],
    documents: list[SourceDocument],
    table: dict[int, str],
    character_pinyin: dict[str, str],
    known: _Known,
    directory: Path,
    resources: Path,
    full: bool,
) -> AnalysisSetup:
    """Write the jieba dictionary these documents need, and gather what analysis uses.

    `words` are the whole library's user words: names, aliases and material names jieba must
    keep whole.
    """
    from govtui.search.lexicon import write_dictionary

    texts = (
        fold(text, table)
        for document in documents
        for text in (
            *document.names,
            *document.aliases,
            *document.situations,
            *document.body,
            *document.materials,
            document.department,
        )
    )
    # Only updates make jieba's lasting table: it pays off when few texts are cut.
    write_dictionary([*texts, *words], directory / _DICTIONARY_FILE, resources, make_table=not full)
    return AnalysisSetup(
        directory / _DICTIONARY_FILE,
        tuple(words),
        table,
        character_pinyin,
        known.pinyin,
        known.frequencies,
    )


def _workers() -> int:
    """Processes for analysing a big build: one per core, if this process can safely fork."""
    import multiprocessing

    if threading.active_count() > 1:
        return 1  # forking while other threads run (a TUI, say) is unsafe
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _write(writer: Any, values: Iterable[dict[str, str]], total: int, progress: Progress) -> None:
    progress(0, total)
    # Report about a hundred times per build: often enough to move a bar, rarely enough to be free.
    step = max(1, total // 100)
    done = 0
    for done, document in enumerate(values, start=1):
        writer.add_document(**document)
        if done % step == 0:
            progress(done, total)
    if done % step:
        progress(done, total)


def _synonym_table(
    library: Library, table: dict[int, str]
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple(
        (
            fold(group.official, table),
            group.kind,
            tuple(fold(term, table) for term in group.terms),
        )
        for group in library.synonyms
    )


def _characters(documents: Iterable[SourceDocument]) -> set[str]:
    characters: set[str] = set()
    for document in documents:
        for texts in (
            document.names,
            document.aliases,
            document.situations,
            document.body,
            document.materials,
        ):
            for text in texts:
                characters.update(text)
    return characters


def _finish(
    directory: Path,
    tables: Tables,
    shares: Shares,
    analysis: FieldAnalysis,
    report: BuildReport,
    root: Path,
    digests: dict[str, str],
    fingerprint: str,
) -> None:
    """Save what queries and later updates need, then the manifest: the mark of a complete index."""
    save_tables(directory, tables)
    save_shares(directory, shares)
    cache = {
        "pinyin": {text: " ".join(syllables) for text, syllables in analysis.pinyin.items()},
        "frequencies": analysis.frequencies,
    }
    (directory / BUILD_CACHE_FILE).write_text(json.dumps(cache, ensure_ascii=False), "utf-8")
    for scratch in (_DICTIONARY_FILE, Path(_DICTIONARY_FILE).with_suffix(".cache").name):
        (directory / scratch).unlink(missing_ok=True)
    manifest = {
        "schema": schema.SCHEMA_VERSION,
        "analysers": installed.analyser_versions(),
        "fingerprint": fingerprint,
        "root": str(root.resolve()),
        "files": digests,
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": round(report.seconds, 3),
        "mode": report.mode,
        "changed_files": report.changed_files,
        "documents": report.documents,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")


def _link_index_files(previous: Path, directory: Path) -> None:
    """Hard-link Whoosh's files: it never rewrites a segment, so sharing them is safe and quick."""
    for path in previous.iterdir():
        name = path.name
        if not name.startswith(("MAIN_", "_MAIN_")) or name.endswith("LOCK"):
            continue
        try:
            os.link(path, directory / name)
        except OSError:  # a file system without hard links
            shutil.copy2(path, directory / name)
    (directory / READER_LOCK).touch()


@dataclass(frozen=True)
class _Known:
    """What an earlier build worked out and a later one may reuse."""

    pinyin: dict[str, list[str]] = field(default_factory=dict)
    """Name or alias -> its phrase-aware pinyin (pypinyin)."""
    frequencies: dict[str, int] = field(default_factory=dict)
    """jieba user word -> its frequency."""


def _load_build_cache(directory: Path) -> _Known:
    try:
        data = json.loads((directory / BUILD_CACHE_FILE).read_text(encoding="utf-8"))
        pinyin = {text: spelled.split(" ") for text, spelled in data["pinyin"].items()}
    except (OSError, ValueError, KeyError, AttributeError):
        return _Known()
    frequencies = data.get("frequencies")
    if not isinstance(frequencies, dict) or not all(
        isinstance(value, int) for value in frequencies.values()
    ):
        frequencies = {}
    return _Known(pinyin, frequencies)
