"""Index-time language resources: jieba with a user dictionary, pypinyin, and OpenCC's fold table.

Everything here is slow to load (jieba's dictionary about 0.8 s, pypinyin about 0.2 s), so only
builds import this module; queries use the small tables these resources leave in the index.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from govtui.search.analysis import CHINESE_STOP_WORDS, fold, han_runs, is_han, runs
from govtui.search.store import write_atomically

# A word no text can contain (a private-use character). It carries the frequency mass of the
# dictionary entries a reduced dictionary leaves out, so jieba's probabilities stay unchanged.
_MASS_WORD = "\ue000"
_MAX_USER_WORD_LENGTH = 16


class WordSegmenter:
    """jieba in search mode, with the content's names, aliases and material names as user words."""

    def __init__(
        self,
        dictionary: Path,
        user_words: Iterable[str],
        known_frequencies: Mapping[str, int] | None = None,
    ) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer(str(dictionary))
        # jieba caches every dictionary it loads; keep this one's beside it, not in /tmp.
        self._tokenizer.cache_file = str(dictionary.with_suffix(".cache"))
        self._tokenizer.initialize()
        self.frequencies: dict[str, int] = {}
        """The frequency each user word was given, for the next build's `known_frequencies`."""
        self.add_words(user_words, known_frequencies or {})

    def add_words(self, words: Iterable[str], known: Mapping[str, int]) -> None:
        """Add user words; one in `known` takes the frequency an earlier build worked out for it.

        jieba works a frequency out by cutting the word, which for a county's 8,000 names was
        half of a one-guide update; for the same words in the same order it comes out the same.
        """
        frequencies = self._tokenizer.FREQ
        for word in words:
            if (
                1 < len(word) <= _MAX_USER_WORD_LENGTH
                and is_han(word)
                and not frequencies.get(word)
            ):
                self._tokenizer.add_word(word, known.get(word))
                self.frequencies[word] = frequencies[word]

    def take_frequencies(self) -> dict[str, int]:
        """The user words' frequencies the first time (a worker sends them back once), then {}."""
        taken, self.frequencies = self.frequencies, {}
        return taken

    def words(self, text: str) -> list[str]:
        """Search-mode words of folded text: Han words and Latin or digit runs, stop words out."""
        found: list[str] = []
        for kind, run in runs(text):
            if kind != "han":
                found.append(run)
                continue
            found.extend(
                word
                for word in self._tokenizer.cut_for_search(run, HMM=True)
                if word not in CHINESE_STOP_WORDS
            )
        return found


def write_dictionary(
    texts: Iterable[str], path: Path, resources: Path, make_table: bool = True
) -> None:
    """Write the part of jieba's dictionary these texts can use, for a WordSegmenter.

    jieba's whole dictionary (350,000 words) takes about 0.8 s to load. A word can only occur in
    a text if its first two characters do, so only those entries are kept, plus one entry that
    carries the rest of the frequency mass: jieba then cuts exactly as with the whole dictionary.

    The entries come from an SQLite table in `resources`, a few milliseconds for one guide's
    texts. Making that table takes about half a second, once; without `make_table`, a missing
    table is not made and the dictionary file is read instead (a full build reads most of it
    anyway, so it need not pay for the table).
    """
    heads: set[str] = set()
    # A county's user words are 39,000, of which 8,000 differ: each text's heads once.
    for text in dict.fromkeys(texts):
        for run in han_runs(text):
            heads.update(run)
            heads.update(run[index : index + 2] for index in range(len(run) - 1))
    table = _table_path(resources)
    if table.is_file() or make_table:
        kept, total = _entries_from_table(_main_dictionary(resources), heads)
    else:
        words, frequencies = _read_main_dictionary()
        kept = [(w, f) for w, f in zip(words, frequencies, strict=True) if w[:2] in heads]
        total = sum(frequencies)
    rest = max(1, total - sum(frequency for _, frequency in kept))
    lines = [f"{word} {frequency}" for word, frequency in kept]
    path.write_text("\n".join([*lines, f"{_MASS_WORD} {rest}"]) + "\n", encoding="utf-8")


def _entries_from_table(table: Path, heads: set[str]) -> tuple[list[tuple[str, int]], int]:
    database = sqlite3.connect(table)
    try:
        database.execute("CREATE TEMP TABLE wanted (head TEXT PRIMARY KEY)")
        database.executemany("INSERT INTO wanted VALUES (?)", ((head,) for head in heads))
        kept = database.execute(
            "SELECT word, frequency FROM words WHERE head IN (SELECT head FROM wanted) "
            "ORDER BY rowid"
        ).fetchall()
        (total,) = database.execute("SELECT value FROM facts WHERE name = 'total'").fetchone()
    finally:
        database.close()
    return kept, int(total)


def _read_main_dictionary() -> tuple[list[str], list[int]]:
    """jieba's dictionary file as words and frequencies, in file order, duplicates included.

    Every line is "word frequency tag"; one split of the whole file is ten times faster than a
    loop over lines. jieba keeps the last entry of a word but counts every line in its total.
    """
    tokens = (_package_folder("jieba") / "dict.txt").read_text(encoding="utf-8").split()
    return tokens[0::3], [int(token) for token in tokens[1::3]]


def _package_folder(name: str) -> Path:
    """Where a package is installed, found without importing it (jieba takes 0.13 s to import)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(name)
    return Path(spec.origin).parent


def _table_path(resources: Path) -> Path:
    source = (_package_folder("jieba") / "dict.txt").stat()
    return resources / f"words-{source.st_size}-{int(source.st_mtime)}.sqlite"


def _main_dictionary(resources: Path) -> Path:
    """jieba's main dictionary as an SQLite table indexed by each word's first two characters."""
    database_path = _table_path(resources)
    if database_path.is_file():
        return database_path
    resources.mkdir(parents=True, exist_ok=True)
    words, frequencies = _read_main_dictionary()
    temporary = database_path.with_suffix(f".{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    database = sqlite3.connect(temporary)
    try:
        # A scratch file until the rename below: no journal, no syncs.
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("PRAGMA synchronous = OFF")
        # Rows keep the file's order (rowid), duplicates included, as jieba reads the file.
        database.execute("CREATE TABLE words (head TEXT, word TEXT, frequency INTEGER)")
        database.executemany(
            "INSERT INTO words VALUES (?, ?, ?)",
            zip([word[:2] for word in words], words, frequencies, strict=True),
        )
        database.execute("CREATE INDEX words_by_head ON words (head)")
        database.execute("CREATE TABLE facts (name TEXT PRIMARY KEY, value INTEGER)")
        database.execute("INSERT INTO facts VALUES ('total', ?)", (sum(frequencies),))
        database.commit()
    finally:
        database.close()
    os.replace(temporary, database_path)
    return database_path


class PinyinReader:
    """Toneless pinyin of Han text, phrase-aware (pypinyin), remembered per string across builds."""

    def __init__(self, known: Mapping[str, list[str]]) -> None:
        self.known: dict[str, list[str]] = dict(known)
        self._new: dict[str, list[str]] = {}

    def syllables(self, run: str) -> list[str]:
        cached = self.known.get(run)
        if cached is None:
            from pypinyin import Style, lazy_pinyin

            cached = [str(syllable) for syllable in lazy_pinyin(run, style=Style.NORMAL)]
            self.known[run] = self._new[run] = cached
        return cached

    def take_new(self) -> dict[str, list[str]]:
        """The readings worked out since the last call (a worker sends them back to the build)."""
        new, self._new = self._new, {}
        return new


def fold_table() -> dict[int, str]:
    """Traditional and regional variant characters -> Simplified, from OpenCC's own tables."""
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    table: dict[int, str] = {}
    # Variants first (台/港 forms to standard Traditional), then Traditional to Simplified.
    variants: dict[str, str] = {}
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for source, target in _character_pairs(folder / name):
            variants.setdefault(source, target)
    simplified = dict(_character_pairs(folder / "TSCharacters.txt"))
    # A character of GB 2312 is already Simplified, whatever else it may be a variant of:
    # OpenCC's table alone would turn 么 into 幺.
    keep = set(common_characters())
    for source, target in [*variants.items(), *simplified.items()]:
        if source not in keep:
            folded = simplified.get(target, target)
            if folded != source:
                table[ord(source)] = folded
    return table


def _character_pairs(path: Path) -> list[tuple[str, str]]:
    result = []
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1:
            result.append((source, target))
    return result


def common_characters() -> str:
    """The 6,763 characters of GB 2312: what people type, whether or not the content uses them."""
    characters = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                characters.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the few empty cells at the end of level 2
    return "".join(characters)


def common_pinyin(resources: Path) -> dict[str, str]:
    """character_pinyin() of the GB 2312 characters, kept once per pypinyin release."""
    folder = _package_folder("pypinyin")
    status = (folder / "__init__.py").stat()
    cached = resources / f"pinyin-{int(status.st_mtime)}.json"
    try:
        table: dict[str, str] = json.loads(cached.read_text(encoding="utf-8"))
        return table
    except (OSError, ValueError):
        pass
    table = character_pinyin(common_characters(), {})
    resources.mkdir(parents=True, exist_ok=True)
    write_atomically(cached, json.dumps(table, ensure_ascii=False))
    return table


def character_pinyin(characters: Iterable[str], known: Mapping[str, str]) -> dict[str, str]:
    """Each character's most common reading, for matching homophones typed by mistake."""
    wanted = sorted({character for character in characters if is_han(character)} - set(known))
    table = dict(known)
    if wanted:
        from pypinyin import Style, lazy_pinyin

        for character in wanted:
            # One character at a time: a run would get phrase readings, not the common one.
            syllable = str(lazy_pinyin(character, style=Style.NORMAL)[0])
            if syllable.isascii() and syllable.isalpha():
                table[character] = syllable
    return table


def user_words(texts: Iterable[str], table: Mapping[int, str]) -> list[str]:
    """The Han runs of names, aliases and material names, as jieba user words."""
    words: list[str] = []
    for text in texts:
        words.extend(han_runs(fold(text, table)))
    return words
