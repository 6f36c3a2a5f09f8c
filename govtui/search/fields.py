"""Index-time analysis of documents into the pre-analysed text of each index field."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.search.analysis import (
    bigrams,
    english_terms,
    fold,
    han_runs,
    initials,
    is_han,
    pairs,
    skip_bigrams,
)
from govtui.search.documents import SourceDocument
from govtui.search.schema import KEY_PREFIXES
from govtui.search.store import source_key

if TYPE_CHECKING:
    from govtui.search.lexicon import PinyinReader, WordSegmenter

# Initials are made for runs of up to this many consecutive words of a name or alias, so "gljt"
# finds 高龄津贴 inside a longer name.
_MAX_INITIALS_WORDS = 5
# Nobody types initials longer than this (sfz, gjj, gljt, zfgjjtq).
_MAX_INITIALS = 7
_LABEL_OUT_OF_FORCE = {"repealed": "（已废止）", "superseded": "（旧版本，已被新版本取代）"}
# Worker processes pay about half a second to start (jieba, pypinyin), so only big builds use them.
PARALLEL_FROM_DOCUMENTS = 3000
_CHUNK = 250


@dataclass(frozen=True)
class AnalysisSetup:
    """Everything a DocumentTokenizer needs. Picklable, so worker processes can make their own."""

    dictionary: Path
    """The jieba dictionary written for this build (see lexicon.write_dictionary)."""
    user_words: tuple[str, ...]
    fold_table: dict[int, str]
    character_pinyin: dict[str, str]
    known_pinyin: dict[str, list[str]] = field(default_factory=dict)
    known_frequencies: dict[str, int] = field(default_factory=dict)
    """User word -> the jieba frequency an earlier build gave it."""

    def tokenizer(self) -> DocumentTokenizer:
        from govtui.search.lexicon import PinyinReader, WordSegmenter

        return DocumentTokenizer(
            WordSegmenter(self.dictionary, self.user_words, self.known_frequencies),
            PinyinReader(self.known_pinyin),
            self.fold_table,
            self.character_pinyin,
        )


class DocumentTokenizer:
    """Turns a SourceDocument into the pre-analysed values of each index field."""

    def __init__(
        self,
        segmenter: WordSegmenter,
        pinyin: PinyinReader,
        fold_table: dict[int, str],
        character_pinyin: dict[str, str],
    ) -> None:
        self.segmenter = segmenter
        self.pinyin = pinyin
        self.fold_table = fold_table
        self.character_pinyin = character_pinyin
        self.vocabulary: set[str] = set()
        """Every multi-character Han word written to a word field: the query-time dictionary."""

    def fields(self, document: SourceDocument) -> dict[str, str]:
        table = self.fold_table
        names = [fold(text, table) for text in document.names]
        aliases = [fold(text, table) for text in document.aliases]
        situations = [fold(text, table) for text in document.situations]
        # Nobody types an article heading in pinyin; leaving them out keeps the fields small.
        spelled, abbreviated = (
            self._pinyin_keys([*names, *aliases]) if document.kind != "article" else (set(), set())
        )
        # Character grams rescue mistyped names; an article's heading is not what people type.
        name_runs = (
            [run for text in (*names, *aliases) for run in han_runs(text)]
            if document.kind != "article"
            else []
        )
        title = document.title + _LABEL_OUT_OF_FORCE.get(document.status or "", "")
        english = english_terms(fold(" ".join(document.english), table))
        english_text = english_terms(fold(" ".join(document.english_text), table))
        keys = [
            f"{KEY_PREFIXES[field]}{key}"
            for field, values in (
                ("pinyin", spelled),
                ("initials", abbreviated),
                ("english", english),
                ("english_text", english_text),
            )
            for key in sorted(set(values))
        ]
        values = {
            "id": document.id,
            "kind": document.kind,
            "sources": " ".join(source_key(source) for source in document.sources),
            "title": title,
            # Folded, so explaining a match at query time needs no folding.
            "names_text": "\n".join(names),
            "aliases_text": "\n".join(aliases),
            "situations_text": "\n".join(situations),
            "members": " ".join(document.members),
            "keys_text": " ".join(keys),
            "snippet": document.snippet_text,
            "name": self._words(names),
            "aliases": self._words(aliases),
            "situations": self._words(situations),
            "body": self._words(fold(text, table) for text in document.body),
            "materials": self._words(fold(text, table) for text in document.materials),
            "dept": self._words([fold(document.department, table)]),
            # Situations give their character pairs too (亲人没了 answers 人没了), but no
            # skip-grams: those rescue mistyped names, and a situation is not a name.
            "chars": " ".join(
                (
                    *(gram for run in name_runs for gram in (*bigrams(run), *skip_bigrams(run))),
                    *(
                        gram
                        for text in (situations if document.kind != "article" else ())
                        for run in han_runs(text)
                        for gram in bigrams(run)
                    ),
                )
            ),
            "pinyin": " ".join(sorted(spelled)),
            "initials": " ".join(sorted(abbreviated)),
            "english": " ".join(english),
            "english_text": " ".join(english_text),
        }
        folded_snippet = fold(document.snippet_text, table)
        if folded_snippet != document.snippet_text:
            values["snippet_folded"] = folded_snippet
        for name, value in (
            ("title_en", document.title_en),
            ("category", document.category),
            ("department", document.department),
            ("policy", document.policy),
            ("status", document.status),
        ):
            if value:
                values[name] = value
        return values

    def _words(self, texts: Iterable[str]) -> str:
        words: list[str] = []
        for text in texts:
            words.extend(self.segmenter.words(text))
        self.vocabulary.update(word for word in words if len(word) > 1 and is_han(word))
        return " ".join(words)

    def _syllables(self, run: str) -> list[str]:
        syllables = self.pinyin.syllables(run)
        if len(syllables) != len(run) or not all(s.isascii() for s in syllables):
            # A character pypinyin cannot read: fall back on the per-character table.
            syllables = [self.character_pinyin.get(character, "") for character in run]
        return syllables

    def _pinyin_keys(self, names: list[str]) -> tuple[set[str], set[str]]:
        """Pinyin syllables and syllable pairs, and initials of word runs, of names and aliases."""
        spelled: set[str] = set()
        abbreviated: set[str] = set()
        for name in names:
            for run in han_runs(name):
                syllables = self._syllables(run)
                common = [self.character_pinyin.get(character, "") for character in run]
                # Pairs by phrase reading (what people type) and by common reading (what a
                # homophone typed by mistake maps to at query time).
                for reading in (syllables, common):
                    spelled.update(pair for pair in pairs(reading) if "__" not in pair)
                abbreviated.update(self._initials(run, syllables))
        spelled.discard("")
        return spelled, abbreviated

    def _initials(self, run: str, syllables: list[str]) -> set[str]:
        """Initials of every run of whole words in a name: 居住证申领 gives jz, jzz, sl, jzzsl.

        Word edges come from search-mode words, so a name that is itself a user word (and so
        one word to jieba) is still split where its parts are.
        """
        edges = {0, len(run)}
        for word in self.segmenter.words(run):
            start = run.find(word)
            if start >= 0:
                edges.update((start, start + len(word)))
        ordered = sorted(edges)
        found = set()
        for first_index, first in enumerate(ordered):
            for last in ordered[first_index + 1 : first_index + 1 + _MAX_INITIALS_WORDS]:
                letters = initials(syllables[first:last])
                if 1 < len(letters) <= _MAX_INITIALS:
                    found.add(letters)
        return found


class FieldAnalysis:
    """Analyses documents in order, in worker processes when there are many of them.

    After the run, `vocabulary`, `pinyin` and `frequencies` hold what every tokenizer involved
    learned.
    """

    def __init__(self, setup: AnalysisSetup, workers: int) -> None:
        self.setup = setup
        self.workers = workers
        self.vocabulary: set[str] = set()
        self.pinyin: dict[str, list[str]] = dict(setup.known_pinyin)
        self.frequencies: dict[str, int] = {}

    def run(self, documents: list[SourceDocument]) -> Iterator[dict[str, str]]:
        if self.workers <= 1 or len(documents) < PARALLEL_FROM_DOCUMENTS:
            tokenizer = self.setup.tokenizer()
            for document in documents:
                yield tokenizer.fields(document)
            self.vocabulary |= tokenizer.vocabulary
            self.pinyin.update(tokenizer.pinyin.known)
            self.frequencies.update(tokenizer.segmenter.take_frequencies())
            return
        # Small enough chunks that every worker gets several, and the first results come soon.
        size = max(10, min(_CHUNK, len(documents) // (self.workers * 4)))
        chunks = [documents[start : start + size] for start in range(0, len(documents), size)]
        # "fork": workers start in milliseconds and never re-import the caller's __main__. Builds
        # run here only from a main thread (see build._workers), and the build lock is a POSIX
        # record lock, which a forked child does not inherit.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start_worker, initargs=(self.setup,)
        ) as pool:
            for values, vocabulary, pinyin, frequencies in pool.map(_analyse, chunks):
                self.vocabulary |= vocabulary
                self.pinyin.update(pinyin)
                self.frequencies.update(frequencies)
                yield from values


_worker_tokenizer: DocumentTokenizer | None = None


def _start_worker(setup: AnalysisSetup) -> None:
    global _worker_tokenizer
    _worker_tokenizer = setup.tokenizer()
    # A worker whose build was killed would wait for work forever: end it with its parent.
    parent = os.getppid()
    threading.Thread(target=_follow_parent, args=(parent,), daemon=True).start()


def _follow_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _analyse(
    documents: list[SourceDocument],
) -> tuple[list[dict[str, str]], set[str], dict[str, list[str]], dict[str, int]]:
    tokenizer = _worker_tokenizer
    assert tokenizer is not None, "the worker initialiser did not run"
    values = [tokenizer.fields(document) for document in documents]
    vocabulary, tokenizer.vocabulary = tokenizer.vocabulary, set()
    frequencies = tokenizer.segmenter.take_frequencies()
    return values, vocabulary, tokenizer.pinyin.take_new(), frequencies
