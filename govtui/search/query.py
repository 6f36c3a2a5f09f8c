"""From what someone typed to Whoosh queries: query analysis, term weights, the two query stages."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from govtui.search.analysis import (
    CHINESE_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    MaxMatchSegmenter,
    Tables,
    bigrams,
    english_stem,
    fold,
    runs,
    skip_bigrams,
    split_syllables,
)
from govtui.search.schema import FIELD_BOOSTS, WORD_FIELDS
from govtui.search.soundalike import Soundalikes

Group = Literal["words", "names", "chars", "pinyin", "initials", "english"]
Origin = Literal[
    "word",
    "subword",
    "synonym",
    "number",
    "bigram",
    "skipgram",
    "homophone",
    "soundalike",
    "pinyin",
    "initials",
    "english",
]

# A paste is cut here: no question needs more, and it bounds the size of the query.
MAX_QUERY_CHARACTERS = 200

# How much each kind of query term counts (times the field boosts in schema.py).
TERM_WEIGHTS: dict[Origin, float] = {
    "word": 1.0,
    "subword": 0.35,
    "synonym": 0.8,
    "number": 0.3,
    "bigram": 1.0,
    "skipgram": 0.6,
    "homophone": 0.5,
    # A word of the index that sounds like what was typed (低报 for 低保): below the exact word.
    "soundalike": 0.7,
    "pinyin": 1.0,
    "initials": 1.0,
    "english": 1.0,
}
SINGLE_CHARACTER_WEIGHT = 0.5

# How many postings finding the candidates may read: this many, or this share of the documents
# if that is more (see split_common).
POSTINGS_BUDGET = 3000
POSTINGS_BUDGET_SHARE = 0.1
# Character-level fallbacks (characters two apart, homophones) rescue a
# mistyped name (居往证, 身分证); in a longer question they are noise, and slow. Up to this many
# meaningful characters, a query gets them.
SHORT_QUERY_CHARACTERS = 8
# ...and gets them only if no hit's names explain this much of it.
FALLBACK_BELOW_COVERAGE = 0.6
_FALLBACKS = frozenset({"skipgram", "homophone", "soundalike"})
# Words a clerk adds when asking for the rule behind something rather than the service: they
# put policies and articles first and need no explaining by a hit's names.
RULE_WORDS = frozenset(
    {"规定", "依据", "法律依据", "政策依据", "法律", "法规", "文件", "条款", "法条", "出处", "哪条"}
    # A legal time limit is set by a rule: asking for it is asking for the article.
    | {"时限", "期限"}
)

_GROUP_FIELDS: dict[Group, tuple[str, ...]] = {
    "words": WORD_FIELDS,
    "names": ("name", "aliases", "situations"),
    "chars": ("chars",),
    "pinyin": ("pinyin",),
    "initials": ("initials",),
    "english": ("english", "english_text"),
}
_ORIGIN_GROUP: dict[Origin, Group] = {
    "word": "words",
    # A part of a query word matters in a name (居住 in 居住证), not anywhere in a long text.
    "subword": "names",
    "synonym": "words",
    "number": "words",
    "bigram": "chars",
    "skipgram": "chars",
    "homophone": "pinyin",
    "soundalike": "words",
    "pinyin": "pinyin",
    "initials": "initials",
    "english": "english",
}


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One thing to look for, and the part of the query it stands for."""

    origin: Origin
    text: str
    weight: float
    start: int
    end: int
    note: str = ""
    """What to show for it: the synonym's "暂住证→居住证", the typed pinyin."""

    @property
    def group(self) -> Group:
        return _ORIGIN_GROUP[self.origin]


@dataclass(frozen=True, slots=True)
class AnalyzedQuery:
    text: str
    """The folded query."""
    terms: tuple[QueryTerm, ...]
    units: frozenset[int]
    """Positions in `text` of the characters that carry meaning (not stop words, not spaces)."""
    wants_rules: bool = False
    """Whether the query asks for the rule behind something (a RULE_WORDS word in it)."""
    readings: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Han character -> its common toneless syllable (the index's table), to read names with."""

    def without_fallbacks(self) -> AnalyzedQuery:
        """The query without its character-level fallback terms (itself if it has none)."""
        terms = tuple(term for term in self.terms if term.origin not in _FALLBACKS)
        if len(terms) == len(self.terms):
            return self
        return AnalyzedQuery(self.text, terms, self.units, self.wants_rules, self.readings)


class QueryAnalyzer:
    """Analyses queries with the tables an index was built with; no jieba, no pypinyin."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        # Stop words are in the vocabulary so that they are cut out whole, then dropped.
        self.segmenter = MaxMatchSegmenter(tables.vocabulary | CHINESE_STOP_WORDS)
        self.soundalikes = Soundalikes(tables)

    def analyze(self, text: str) -> AnalyzedQuery:
        folded = fold(text[:MAX_QUERY_CHARACTERS], self.tables.fold)
        terms: list[QueryTerm] = []
        units: set[int] = set()
        latin: list[tuple[int, int, str]] = []
        position = 0
        for kind, run in runs(folded):
            start = folded.index(run, position)
            position = start + len(run)
            if kind == "han":
                terms += self._han(run, start)
                units.update(
                    index
                    for term in terms
                    if term.origin == "word" and term.start >= start
                    for index in range(term.start, term.end)
                )
            elif kind == "latin":
                latin.append((start, position, run))
                if run not in ENGLISH_STOP_WORDS:
                    units.update(range(start, position))
            else:
                terms.append(QueryTerm("number", run, TERM_WEIGHTS["number"], start, position))
                units.update(range(start, position))
        terms += self._latin(latin, folded)
        terms += self._synonyms(folded)
        rule_units = {
            index
            for term in terms
            if term.origin == "word" and term.text in RULE_WORDS
            for index in range(term.start, term.end)
        }
        # A query that is nothing but a rule word is still a question about that word.
        if rule_units and units - rule_units:
            units -= rule_units
        if len(units) > SHORT_QUERY_CHARACTERS:
            terms = [term for term in terms if term.origin not in _FALLBACKS]
        return AnalyzedQuery(
            folded, tuple(terms), frozenset(units), bool(rule_units), self.tables.pinyin
        )

    def _han(self, run: str, start: int) -> list[QueryTerm]:
        terms: list[QueryTerm] = []
        # Characters inside a known word of two or more; a typo leaves characters outside any.
        known = [False] * len(run)
        offset = 0
        for word in self.segmenter.segment(run):
            end = offset + len(word)
            if len(word) > 1:
                known[offset:end] = [True] * len(word)
            if word not in CHINESE_STOP_WORDS:
                weight = TERM_WEIGHTS["word"] if len(word) > 1 else SINGLE_CHARACTER_WEIGHT
                terms.append(QueryTerm("word", word, weight, start + offset, start + end))
                for subword in self.segmenter.subwords(word):
                    # A part covers only its own characters of the query, not the whole word.
                    at = start + offset + word.index(subword)
                    terms.append(
                        QueryTerm(
                            "subword", subword, TERM_WEIGHTS["subword"], at, at + len(subword)
                        )
                    )
            offset = end
        for index, gram in enumerate(bigrams(run)):
            if gram not in CHINESE_STOP_WORDS and not all(c in CHINESE_STOP_WORDS for c in gram):
                at = start + index
                terms.append(QueryTerm("bigram", gram, TERM_WEIGHTS["bigram"], at, at + 2))
        # The fallbacks look only at characters no known word explains: the middle of a
        # skip-gram (居往证 for 居住证), both characters of a homophone pair (身分 for 身份).
        for index, gram in enumerate(skip_bigrams(run)):
            if not known[index + 1] and not {gram[0], gram[2]} & CHINESE_STOP_WORDS:
                at = start + index
                terms.append(QueryTerm("skipgram", gram, TERM_WEIGHTS["skipgram"], at, at + 3))
        for index in range(len(run) - 1):
            pair = run[index : index + 2]
            first, second = (self.tables.pinyin.get(character) for character in pair)
            if first and second and not known[index] and not known[index + 1]:
                if not all(character in CHINESE_STOP_WORDS for character in pair):
                    at = start + index
                    terms.append(
                        QueryTerm(
                            "homophone", f"{first}_{second}", TERM_WEIGHTS["homophone"], at, at + 2
                        )
                    )
        terms += self._soundalikes(run, start, known)
        return terms

    def _soundalikes(self, run: str, start: int, known: list[bool]) -> list[QueryTerm]:
        """Words of the index that sound like two or three typed characters no known word
        explains (低报 and 低保, 结昏证 and 结婚证), as words of their own."""
        terms: list[QueryTerm] = []
        for length in (3, 2):
            for index in range(len(run) - length + 1):
                if all(known[index : index + length]):
                    continue
                window = run[index : index + length]
                at = start + index
                for word in self.soundalikes.like(window):
                    terms.append(
                        QueryTerm(
                            "soundalike",
                            word,
                            TERM_WEIGHTS["soundalike"],
                            at,
                            at + length,
                            f"{window}→{word}",
                        )
                    )
        return terms

    def _latin(self, tokens: list[tuple[int, int, str]], folded: str) -> list[QueryTerm]:
        """Letters may be an alias (dibao), pinyin (shen fen zheng), initials (sfz) or English."""
        terms: list[QueryTerm] = []
        # Consecutive letter tokens with only spaces between them are read as one pinyin phrase,
        # so "bu ban shen fen zheng" pairs its syllables across the spaces. Each syllable keeps
        # where it was typed, so a pair covers only its own letters.
        phrase: list[tuple[str, int, int]] = []
        previous_end = -1
        for start, end, token in tokens:
            if token not in ENGLISH_STOP_WORDS:
                terms.append(QueryTerm("word", token, TERM_WEIGHTS["word"], start, end))
                if len(token) > 1:
                    stem = english_stem(token)
                    terms.append(
                        QueryTerm("english", stem, TERM_WEIGHTS["english"], start, end, token)
                    )
            # Among other words, "my" or "to" is English, not the initials of a name (母婴).
            english_word = len(tokens) > 1 and token in ENGLISH_STOP_WORDS
            if 1 < len(token) <= 8 and not english_word:
                terms.append(
                    QueryTerm("initials", token, TERM_WEIGHTS["initials"], start, end, token)
                )
            splits = split_syllables(token)
            if previous_end >= 0 and (folded[previous_end:start].strip() or not splits):
                terms += self._syllable_pairs(phrase, folded)
                phrase = []
            if splits:
                phrase += _placed(splits[0], start)
                for alternative in splits[1:]:
                    terms += self._syllable_pairs(_placed(alternative, start), folded)
            previous_end = end
        terms += self._syllable_pairs(phrase, folded)
        return terms

    @staticmethod
    def _syllable_pairs(phrase: list[tuple[str, int, int]], folded: str) -> list[QueryTerm]:
        terms = []
        for (first, start, _), (second, _, end) in zip(phrase, phrase[1:], strict=False):
            typed = folded[start:end]
            terms.append(
                QueryTerm("pinyin", f"{first}_{second}", TERM_WEIGHTS["pinyin"], start, end, typed)
            )
        return terms

    def _synonyms(self, folded: str) -> list[QueryTerm]:
        """Colloquial and old names widen to the official one (暂住证 -> 居住证)."""
        terms: list[QueryTerm] = []
        for official, _kind, synonym_terms in self.tables.synonyms:
            for term in sorted(synonym_terms, key=len, reverse=True):
                start = _find_term(folded, term)
                if start < 0:
                    continue
                note = f"{term}→{official}"
                end = start + len(term)
                for run in _han_or_latin(official):
                    terms += [
                        QueryTerm("synonym", word, TERM_WEIGHTS["synonym"], start, end, note)
                        for word in self.segmenter.segment(run)
                        if word not in CHINESE_STOP_WORDS
                    ]
                break
        return terms


def _find_term(folded: str, term: str) -> int:
    """Where a synonym term is in the query, -1 if nowhere.

    A Han term may be inside a longer word (办暂住证); a Latin one must be a whole word, or
    "dead" would be found in "deadline".
    """
    if not term:
        return -1
    if not term.isascii():
        return folded.find(term)
    match = re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", folded)
    return match.start() if match else -1


def _placed(syllables: list[str], start: int) -> list[tuple[str, int, int]]:
    """Syllables with the offsets they were typed at."""
    placed = []
    for syllable in syllables:
        placed.append((syllable, start, start + len(syllable)))
        start += len(syllable)
    return placed


def _han_or_latin(text: str) -> list[str]:
    return [run for kind, run in runs(text) if kind != "digit"]


def weighted_terms(analyzed: AnalyzedQuery) -> dict[tuple[str, str], float]:
    """(field, term) -> boost: each term's weight times its field's boost, the best one kept."""
    boosts: dict[tuple[str, str], float] = {}
    for term in analyzed.terms:
        for field in _GROUP_FIELDS[term.group]:
            key = (field, term.text)
            boosts[key] = max(boosts.get(key, 0.0), FIELD_BOOSTS[field] * term.weight)
    return boosts


def split_common(
    terms: dict[tuple[str, str], float], reader: Any
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """Split terms into selective ones, which find the candidates, and common ones.

    Walking posting lists is most of what a query costs in a big index, and the longest lists
    belong to the commonest terms, which say the least. So the candidates are found by the
    rarest terms, up to a budget of postings; the others only add their scores to those
    candidates. In a small index everything fits the budget. Terms no document holds are dropped.
    """
    budget = max(POSTINGS_BUDGET, POSTINGS_BUDGET_SHARE * reader.doc_count_all())
    frequencies = {key: reader.doc_frequency(*key) for key in terms}
    selective: dict[tuple[str, str], float] = {}
    common: dict[tuple[str, str], float] = {}
    spent = 0
    for key in sorted((key for key in terms if frequencies[key]), key=frequencies.__getitem__):
        spent += frequencies[key]
        # The rarest term always finds candidates, however common it is.
        if spent <= budget or not selective:
            selective[key] = terms[key]
        else:
            common[key] = terms[key]
    return selective, common


def whoosh_filter(kind: str | None, category: str | None, department: str | None) -> Any | None:
    from whoosh.query import And, Term

    terms = [
        Term(name, value)
        for name, value in (("kind", kind), ("category", category), ("department", department))
        if value
    ]
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else And(terms)
