"""Re-ranking Whoosh's candidates, explaining why each matched, and cutting snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from govtui.search.hit import Hit, HitKind, mark
from govtui.search.query import AnalyzedQuery, QueryTerm
from govtui.search.schema import KEY_PREFIXES

# Re-ranking: a hit whose names or aliases explain the whole query gains this much, measured in
# best-candidate scores (a hit explaining half of it gains half as much)...
NAME_COVERAGE_BONUS = 1.5
# ...and the kinds a citizen acts on come before the legal texts behind them.
KIND_WEIGHTS: dict[str, float] = {"guide": 1.0, "bundle": 1.0, "policy": 0.6, "article": 0.6}
REPEALED_WEIGHT = 0.4
# How many candidates Whoosh returns for re-ranking, at least, and per result asked for.
MIN_CANDIDATES = 20
CANDIDATES_PER_RESULT = 3
SNIPPET_WIDTH = 60
MAX_REASONS = 4
_SENTENCE_END = re.compile(r"[。；！？\n]")


@dataclass(frozen=True, slots=True)
class Ranking:
    hits: list[Hit]
    best_coverage: float
    """How much of the query the best hit's names explain (0 to 1)."""


@dataclass(slots=True)
class Evidence:
    """What in one document answered the query."""

    reasons: list[str]
    name_coverage: float
    needles: list[str]


def explain(analyzed: AnalyzedQuery, stored: Mapping[str, Any], snippet: str = "") -> Evidence:
    """Which query terms this document's names, aliases, pinyin and text answer, and how much of
    the query its names and aliases explain (single characters do not count: too weak).

    `snippet` is the folded snippet text; without it, matches in the text are not looked for
    (they do not count towards the coverage, so re-ranking the candidates does without).
    """
    # Names and aliases are stored folded, one per line; keys carry their field's prefix.
    names = str(stored.get("names_text", "")).split("\n")
    aliases = str(stored.get("aliases_text", "")).split("\n")
    keys = set(str(stored.get("keys_text", "")).split())
    covered: set[int] = set()
    by_words: set[int] = set()
    reasons: list[str] = []
    needles: list[str] = []
    similar: list[tuple[range, str]] = []
    typed: list[range] = []
    homophones: list[QueryTerm] = []

    def reason(text: str) -> None:
        if text not in reasons:
            reasons.append(text)

    for term in analyzed.terms:
        span = range(term.start, term.end)
        if term.origin == "homophone":
            homophones.append(term)
        elif term.group in ("words", "names", "chars"):
            name = next((text for text in names if _occurs(term, text)), None)
            alias = None if name else next((text for text in aliases if _occurs(term, text)), None)
            if len(term.text) < 2:
                continue
            if name or alias:
                covered.update(span)
            if term.group == "chars":
                if name or alias:
                    similar.append((span, name or alias or ""))
                if term.origin == "bigram" and snippet and term.text in snippet:
                    needles.append(term.text)
                continue
            in_text = bool(snippet) and term.text in snippet
            if name or alias or in_text:
                needles.append(term.text)
            if term.origin == "synonym" and (name or alias or in_text):
                reason(f"synonym: {term.note}")
            elif name or alias:
                by_words.update(span)
                reason(f"name: {term.text}" if name else f"alias: {alias}")
            elif in_text:
                reason(f"text: {term.text}")
        elif f"{KEY_PREFIXES[term.group]}{term.text}" in keys:
            covered.update(span)
            if term.group == "english":
                reason(f"english: {term.note}")
            else:
                typed.append(span)
    # A name matched only character by character is "similar" (居往证 and 居住证), if the
    # characters that matched are ones the words did not explain.
    for span, where in similar:
        if analyzed.units.intersection(span) - by_words:
            reason(f"similar: {where}")
    if typed:
        first, last = min(span.start for span in typed), max(span.stop for span in typed)
        reason(f"pinyin: {analyzed.text[first:last]}")
    for term in homophones:
        span = range(term.start, term.end)
        # A homophone explains only characters nothing else did (身分证 for 身份证); one that
        # straddles a matched word is chance (外省户口 does not sound like 新生户口).
        if f"{KEY_PREFIXES['pinyin']}{term.text}" in keys and covered.isdisjoint(span):
            covered.update(span)
            reason(f"sounds like: {analyzed.text[term.start : term.end]}")
    units = analyzed.units
    coverage = len(covered & units) / len(units) if units else 0.0
    # Most telling first: names and aliases, then pinyin and synonyms, then body text.
    order = ("name:", "alias:", "pinyin:", "synonym:", "english:", "similar:", "sounds", "text:")
    reasons.sort(
        key=lambda text: next(i for i, start in enumerate(order) if text.startswith(start))
    )
    return Evidence(reasons[:MAX_REASONS], coverage, needles)


def _occurs(term: QueryTerm, text: str) -> bool:
    if term.origin != "skipgram":
        return term.text in text
    first, last = term.text[0], term.text[2]
    position = text.find(first)
    while 0 <= position < len(text) - 2:
        if text[position + 2] == last:
            return True
        position = text.find(first, position + 1)
    return False


def rank(
    analyzed: AnalyzedQuery,
    candidates: Iterable[tuple[float, Mapping[str, Any]]],
    limit: int,
) -> Ranking:
    """Re-rank Whoosh's candidates by how much of the query their names explain, then cut."""
    rows = list(candidates)
    top = max((score for score, _ in rows), default=0.0) or 1.0
    scored = []
    best_coverage = 0.0
    for score, stored in rows:
        coverage = explain(analyzed, stored).name_coverage
        best_coverage = max(best_coverage, coverage)
        # Added to the score relative to the best candidate's, so the bonus means the same for
        # a one-word query and a sentence.
        final = (score / top + NAME_COVERAGE_BONUS * coverage) * top
        final *= KIND_WEIGHTS.get(str(stored.get("kind")), 1.0)
        if stored.get("status") in ("repealed", "superseded"):
            final *= REPEALED_WEIGHT
        scored.append((final, stored))
    scored.sort(key=lambda item: (-item[0], str(item[1].get("id", ""))))
    hits = [_hit(analyzed, final, stored) for final, stored in scored[:limit]]
    return Ranking(hits, best_coverage)


def _hit(analyzed: AnalyzedQuery, score: float, stored: Mapping[str, Any]) -> Hit:
    original = str(stored.get("snippet", ""))
    folded = str(stored.get("snippet_folded") or original)
    evidence = explain(analyzed, stored, folded)
    text, spans = snippet(original, folded, evidence.needles)
    kind: HitKind = stored.get("kind", "guide")
    return Hit(
        id=str(stored.get("id", "")),
        kind=kind,
        title=str(stored.get("title", "")),
        score=score,
        snippet=mark(text, spans),
        snippet_text=text,
        snippet_spans=spans,
        matched=tuple(evidence.reasons),
        policy=stored.get("policy"),
        status=stored.get("status"),
        category=stored.get("category"),
        department=stored.get("department"),
    )


def snippet(
    text: str, folded: str, needles: Iterable[str], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The passage of `text` where most distinct needles meet, and where they are in it.

    Needles are looked for in `folded`, the folded `text`.
    """
    # Offsets found in the folded text apply to the original only if folding kept every length.
    shown = text if len(folded) == len(text) else folded
    occurrences: list[tuple[int, int, str]] = []
    taken = [False] * len(folded)
    for needle in sorted(set(needles), key=len, reverse=True):
        if not needle or needle.isspace():
            continue
        position = folded.find(needle)
        while position >= 0:
            end = position + len(needle)
            if not any(taken[position:end]):
                occurrences.append((position, end, needle))
                for index in range(position, end):
                    taken[index] = True
            position = folded.find(needle, end)
    occurrences.sort()
    start = _best_window(occurrences, width)
    # Begin at the sentence the first match is in, if that is close by.
    boundary = max(
        (m.end() for m in _SENTENCE_END.finditer(folded, max(0, start - 15), start)), default=-1
    )
    if boundary >= 0:
        start = boundary
    end = min(len(shown), start + width)
    spans = tuple(
        (first - start, last - start)
        for first, last, _ in occurrences
        if first >= start and last <= end
    )
    passage = shown[start:end].replace("\n", " ")
    if start > 0:
        passage = "…" + passage
        spans = tuple((first + 1, last + 1) for first, last in spans)
    if end < len(shown):
        passage += "…"
    return passage, spans


def _best_window(occurrences: list[tuple[int, int, str]], width: int) -> int:
    """The start of the `width`-long window holding the most distinct needles (earliest wins)."""
    best_start, best_value = 0, (0, 0)
    for index, (first, _, _) in enumerate(occurrences):
        inside = [item for item in occurrences[index:] if item[1] <= first + width]
        value = (len({needle for _, _, needle in inside}), len(inside))
        if value > best_value:
            best_start, best_value = first, value
    # Leave a little context before the first match.
    return max(0, best_start - 8) if best_value[0] else 0
