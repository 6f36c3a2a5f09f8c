"""Re-ranking Whoosh's candidates, explaining why each matched, and cutting snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from govtui.search.analysis import han_runs, initials, pairs
from govtui.search.hit import Hit, HitKind, mark
from govtui.search.query import AnalyzedQuery, QueryTerm
from govtui.search.schema import KEY_PREFIXES

# Re-ranking: a hit whose names or aliases explain the whole query gains this much, measured in
# best-candidate scores (a hit explaining half of it gains half as much)...
NAME_COVERAGE_BONUS = 1.5
# ...and the kinds a citizen acts on come before the legal texts behind them.
KIND_WEIGHTS: dict[str, float] = {
    "guide": 1.0,
    "bundle": 1.0,
    "policy": 0.6,
    "article": 0.6,
    "elsewhere": 1.0,
}
# ...unless the query asks for the rule (规定, 依据): then the legal texts come first.
RULE_KIND_WEIGHTS: dict[str, float] = {
    "guide": 0.6,
    "bundle": 0.6,
    "policy": 1.0,
    "article": 1.0,
    "elsewhere": 0.6,
}
# Typed pinyin or initials that spell a whole name or alias (gljt for 高龄津贴) gain this much
# more than the same letters spelling a part of a longer name (计划生育家庭高龄津贴发放).
SPELLED_BONUS = 0.1
# A character pair that only says how people ask (wording.generic_pairs) explains this much
# of a character a specific word would.
GENERIC_WEIGHT = 0.3
# A bundle whose own words explain no more of the query than one member's names, where the query
# names that member, comes just below it: the words name the service, not the life event.
BELOW_MEMBER = 0.97
# The floor: a hit whose names explain less than this of the query...
FLOOR_COVERAGE = 0.2
# ...and that scores below this share of the best, or that only a fallback found, is not shown
# (it becomes a "did you mean" suggestion when nothing else is found).
FLOOR_SHARE = 0.5
# And where the best hit's names explain at least this much, a hit whose names explain one
# character or only pairs that say how people ask (开 of 孩子出生要开证明, for 我要开个小卖部) is
# noise beside it. (One found by its text alone is left to the score: policy lookups are.)
NOISE_BESIDE_COVERAGE = 0.5
REPEALED_WEIGHT = 0.4
# How many candidates Whoosh returns for re-ranking, at least, and per result asked for.
MIN_CANDIDATES = 20
CANDIDATES_PER_RESULT = 3
SNIPPET_WIDTH = 60
MAX_REASONS = 4
MAX_SUGGESTIONS = 3
_SENTENCE_END = re.compile(r"[。；！？\n]")


@dataclass(frozen=True, slots=True)
class Ranking:
    hits: list[Hit]
    best_coverage: float
    """How much of the query the best hit's names explain (0 to 1)."""
    below_floor: list[Hit] = field(default_factory=list)
    """Hits the floor held back, best first: suggestions when `hits` is empty."""


@dataclass(slots=True)
class Evidence:
    """What in one document answered the query."""

    reasons: list[str]
    name_coverage: float
    needles: list[str]
    covered: frozenset[int] = frozenset()
    """Query positions the document's own names, aliases and situations explain."""
    named: frozenset[str] = frozenset()
    """Specific query words found in its names and aliases (for bundle against member)."""
    spelled: float = 0.0
    """How much of its best-spelled name or alias the typed pinyin or initials spell (0 to 1)."""
    typed_pairs: frozenset[str] = frozenset()
    """The typed pinyin syllable pairs its pinyin keys hold (`yi_bao`)."""
    slight: bool = False
    """Whether its names, aliases and situations explain something of the query, but only one
    character of it or only pairs that say how people ask."""


def explain(
    analyzed: AnalyzedQuery,
    stored: Mapping[str, Any],
    snippet: str = "",
    generic: frozenset[str] = frozenset(),
) -> Evidence:
    """Which query terms this document's names, aliases, pinyin and text answer, and how much of
    the query its names and aliases explain (single characters do not count: too weak).

    `snippet` is the folded snippet text; without it, matches in the text are not looked for
    (they do not count towards the coverage, so re-ranking the candidates does without).
    """
    # Names and aliases are stored folded, one per line; keys carry their field's prefix.
    names_text = str(stored.get("names_text", ""))
    aliases_text = str(stored.get("aliases_text", ""))
    situations_text = str(stored.get("situations_text", ""))
    names = names_text.split("\n")
    aliases = aliases_text.split("\n")
    situations = situations_text.split("\n")
    keys = set(str(stored.get("keys_text", "")).split())
    # Words that make up most of one of its names or aliases name this document, however often
    # their character pairs turn up elsewhere (营业执照 for 办营业执照 in a big catalogue).
    naming = _naming_words(analyzed, [text for text in (*names, *aliases) if text])
    covered: set[int] = set()
    specific: set[int] = set()
    named: set[str] = set()
    by_words: set[int] = set()
    reasons: list[str] = []
    needles: list[str] = []
    similar: list[tuple[range, str]] = []
    typed: list[range] = []
    typed_pairs: set[str] = set()
    homophones: list[QueryTerm] = []

    def reason(text: str) -> None:
        if text not in reasons:
            reasons.append(text)

    for term in analyzed.terms:
        span = range(term.start, term.end)
        if term.origin == "homophone":
            homophones.append(term)
        elif term.group in ("words", "names", "chars"):
            # Looking in the joined text first spares scanning each line for most terms,
            # which match nothing (a skip-gram's middle is a wildcard, so it is always scanned).
            skip = term.origin == "skipgram"
            name = _first(term, names) if skip or term.text in names_text else None
            alias = None
            if not name and (skip or term.text in aliases_text):
                alias = _first(term, aliases)
            situation = (
                next((text for text in situations if term.text in text), None)
                if not (name or alias or skip) and term.text in situations_text
                else None
            )
            if len(term.text) < 2:
                continue
            if name or alias or situation:
                covered.update(span)
                if term.text in naming or not _generic(term.text, generic):
                    specific.update(span)
                    # A sound-alike is the whole word the typed one was meant to be (社宝卡).
                    if (name or alias) and term.origin in ("word", "soundalike"):
                        named.add(term.text)
            if term.group == "chars":
                if name or alias:
                    similar.append((span, name or alias or ""))
                elif situation:
                    reason(f"situation: {situation}")
                if term.origin == "bigram" and snippet and term.text in snippet:
                    needles.append(term.text)
                continue
            in_text = bool(snippet) and term.text in snippet
            if name or alias or in_text:
                needles.append(term.text)
            if term.origin == "synonym" and (name or alias or situation or in_text):
                reason(f"synonym: {term.note}")
            elif term.origin == "soundalike" and (name or alias or situation or in_text):
                reason(f"sounds like: {term.note}")
            elif name or alias:
                by_words.update(span)
                reason(f"name: {term.text}" if name else f"alias: {alias}")
            elif situation:
                by_words.update(span)
                reason(f"situation: {situation}")
            elif in_text:
                reason(f"text: {term.text}")
        elif f"{KEY_PREFIXES[term.group]}{term.text}" in keys:
            covered.update(span)
            specific.update(span)
            if term.group == "english":
                reason(f"english: {term.note}")
            else:
                typed.append(span)
                if term.group == "pinyin":
                    typed_pairs.add(term.text)
        elif term.group == "english" and f"{KEY_PREFIXES['english_text']}{term.text}" in keys:
            # Like Chinese body text: said why, but not what the names explain.
            reason(f"english text: {term.note}")
    # A name matched only character by character is "similar" (居往证 and 居住证), if the
    # characters that matched are ones the words did not explain.
    for span, where in similar:
        if analyzed.units.intersection(span) - by_words:
            reason(f"similar: {where}")
    spelled = 0.0
    if typed:
        first, last = min(span.start for span in typed), max(span.stop for span in typed)
        reason(f"pinyin: {analyzed.text[first:last]}")
        letters = "".join(analyzed.text[first:last].split())
        spelled = max(
            (_spelled(letters, text, analyzed.readings) for text in (*names, *aliases) if text),
            default=0.0,
        )
    for term in homophones:
        span = range(term.start, term.end)
        # A homophone explains only characters nothing else did (身分证 for 身份证); one that
        # straddles a matched word is chance (外省户口 does not sound like 新生户口).
        if f"{KEY_PREFIXES['pinyin']}{term.text}" in keys and covered.isdisjoint(span):
            covered.update(span)
            specific.update(span)
            reason(f"sounds like: {analyzed.text[term.start : term.end]}")
    units = analyzed.units
    explained = len(specific & units) + GENERIC_WEIGHT * len((covered - specific) & units)
    coverage = explained / len(units) if units else 0.0
    # Most telling first: names and aliases, then pinyin and synonyms, then body text.
    order = (
        "name:",
        "alias:",
        "pinyin:",
        "synonym:",
        "situation:",
        "english:",
        "similar:",
        "sounds",
        "text:",
        "english text:",
    )
    reasons.sort(
        key=lambda text: next(i for i, start in enumerate(order) if text.startswith(start))
    )
    return Evidence(
        reasons[:MAX_REASONS],
        coverage,
        needles,
        frozenset(covered & units),
        frozenset(named),
        spelled,
        frozenset(typed_pairs),
        bool(covered & units) and (len(covered & units) == 1 or not specific & units),
    )


def _spelled(letters: str, text: str, readings: Mapping[str, str]) -> float:
    """The share of `text`'s characters that `letters` spells, as pinyin or as initials."""
    syllables = [readings.get(character, "") for character in "".join(han_runs(text))]
    if not syllables or not all(syllables):
        return 0.0
    if letters in initials(syllables):
        return len(letters) / len(syllables)
    # Spelled out: the syllables the letters run over, if they start and end on a syllable.
    starts = list(accumulate((len(syllable) for syllable in syllables), initial=0))
    reading = "".join(syllables)
    position = reading.find(letters)
    while position >= 0:
        end = position + len(letters)
        if position in starts and end in starts:
            return (starts.index(end) - starts.index(position)) / len(syllables)
        position = reading.find(letters, position + 1)
    return 0.0


def _naming_words(analyzed: AnalyzedQuery, texts: list[str]) -> frozenset[str]:
    """The query's words of more than one character pair that, together, make up most of one of
    `texts` (one pair alone, 老人 in 老人卡, is still how people ask)."""
    words = {
        term.text
        for term in analyzed.terms
        if term.origin in ("word", "synonym") and len(term.text) > 2
    }
    naming: set[str] = set()
    for text in texts:
        inside = [word for word in words if word in text]
        if sum(len(word) for word in inside) * 2 > len(text):
            naming.update(inside)
    return frozenset(naming)


def _generic(text: str, generic: frozenset[str]) -> bool:
    """Whether every character pair of `text` only says how people ask."""
    return bool(generic) and all(text[i : i + 2] in generic for i in range(len(text) - 1))


def _first(term: QueryTerm, texts: list[str]) -> str | None:
    return next((text for text in texts if _occurs(term, text)), None)


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
    generic: frozenset[str] = frozenset(),
    fallback_only: frozenset[str] = frozenset(),
) -> Ranking:
    """Re-rank Whoosh's candidates by how much of the query their names explain, then cut.

    `fallback_only` holds the ids only a character-level fallback found; with little of the
    query explained, they stay below the floor.
    """
    rows = list(candidates)
    top = max((score for score, _ in rows), default=0.0) or 1.0
    weights = RULE_KIND_WEIGHTS if analyzed.wants_rules else KIND_WEIGHTS
    evidences = [explain(analyzed, stored, generic=generic) for _, stored in rows]
    finals: list[float] = []
    for (score, stored), evidence in zip(rows, evidences, strict=True):
        # Added to the score relative to the best candidate's, so the bonus means the same for
        # a one-word query and a sentence.
        relative = score / top + NAME_COVERAGE_BONUS * evidence.name_coverage
        final = (relative + SPELLED_BONUS * evidence.spelled) * top
        final *= weights.get(str(stored.get("kind")), 1.0)
        if stored.get("status") in ("repealed", "superseded"):
            final *= REPEALED_WEIGHT
        finals.append(final)
    _members_before_bundles(rows, evidences, finals, analyzed.readings)
    best = max(finals, default=0.0)
    best_coverage = max((evidence.name_coverage for evidence in evidences), default=0.0)
    shown: list[tuple[float, Mapping[str, Any]]] = []
    held: list[tuple[float, Mapping[str, Any]]] = []
    found_ids = {str(stored.get("id")) for _, stored in rows}
    for (_, stored), evidence, final in zip(rows, evidences, finals, strict=True):
        weak = evidence.name_coverage < FLOOR_COVERAGE and (
            final < FLOOR_SHARE * best or str(stored.get("id")) in fallback_only
        )
        # A bundle of a member found here is not noise: it is that member's life event.
        related = not found_ids.isdisjoint(str(stored.get("members", "")).split())
        if evidence.slight and best_coverage >= NOISE_BESIDE_COVERAGE and not related:
            weak = True
        (held if weak else shown).append((final, stored))
    for group in (shown, held):
        group.sort(key=lambda item: (-item[0], str(item[1].get("id", ""))))
    hits: list[Hit] = []
    unexplained: list[Hit] = []
    for final, stored in shown:
        if len(hits) == limit:
            break
        hit = _hit(analyzed, final, stored, generic)
        # Nothing to say why (single characters in its text, 打 and 苗 for 狗咬了要打疫苗):
        # a clerk is better served by "not found" and the suggestions.
        (hits if hit.matched else unexplained).append(hit)
    below = [_hit(analyzed, final, stored, generic) for final, stored in held[:MAX_SUGGESTIONS]]
    below = sorted([*unexplained, *below], key=lambda hit: -hit.score)[:MAX_SUGGESTIONS]
    return Ranking(hits, best_coverage, below)


def _members_before_bundles(
    rows: list[tuple[float, Mapping[str, Any]]],
    evidences: list[Evidence],
    finals: list[float],
    readings: Mapping[str, str],
) -> None:
    """Order a bundle and its members by whether the query names a member or the event.

    Learned from the content: the query names a member when its specific words, other than the
    bundle's own name's, make up most of one of the member's names or aliases (残疾证 for
    残疾人证新办, not 生娃 for 生娃补贴). Then a bundle whose own words (name, aliases,
    situations) explain nothing the member's do not comes just below it. When no member is
    named and the bundle explains all a member does, and as specifically (退休, and the bundle
    named for it), the bundle comes first.
    """
    position = {str(stored.get("id")): index for index, (_, stored) in enumerate(rows)}
    for index, (_, stored) in enumerate(rows):
        if stored.get("kind") != "bundle":
            continue
        bundle_name = str(stored.get("names_text", ""))
        bundle = evidences[index]
        members = [
            position[member_id]
            for member_id in str(stored.get("members", "")).split()
            if member_id in position
        ]
        # Typed pinyin names a member the same way, by the syllables it spells.
        own_pairs = frozenset(_reading_pairs(bundle_name, readings))
        named = [
            other
            for other in members
            if _names(rows[other][1], evidences[other], bundle_name)
            or _spells(rows[other][1], evidences[other].typed_pairs - own_pairs, readings)
        ]
        for other in named:
            if bundle.covered <= evidences[other].covered:
                finals[index] = min(finals[index], finals[other] * BELOW_MEMBER)
        if named or not bundle.covered:
            continue
        for other in members:
            # Explaining the same characters only in words that say how people ask is less.
            member = evidences[other]
            if member.covered <= bundle.covered and member.name_coverage <= bundle.name_coverage:
                finals[index] = max(finals[index], finals[other] / BELOW_MEMBER)


def _reading_pairs(text: str, readings: Mapping[str, str]) -> list[str]:
    """The syllable pairs of each Han run of `text` by common reading ("" for unknown ones)."""
    return [
        pair
        for run in han_runs(text)
        for pair in pairs([readings.get(character, "") for character in run])
    ]


def _spells(
    stored: Mapping[str, Any], typed_pairs: frozenset[str], readings: Mapping[str, str]
) -> bool:
    """Whether the typed syllable pairs spell most of one of the document's names or aliases."""
    if not typed_pairs:
        return False
    texts = (
        *str(stored.get("names_text", "")).split("\n"),
        *str(stored.get("aliases_text", "")).split("\n"),
    )
    for text in texts:
        syllables = [readings.get(character, "") for character in "".join(han_runs(text))]
        spelled: set[int] = set()
        for place, pair in enumerate(pairs(syllables)):
            if pair in typed_pairs:
                spelled.update((place, place + 1))
        if syllables and len(spelled) * 2 > len(syllables):
            return True
    return False


def _names(stored: Mapping[str, Any], evidence: Evidence, bundle_name: str) -> bool:
    """Whether the query's words, less the bundle's name's, are most of one name or alias."""
    words = [word for word in evidence.named if word not in bundle_name]
    if not words:
        return False
    texts = (
        *str(stored.get("names_text", "")).split("\n"),
        *str(stored.get("aliases_text", "")).split("\n"),
    )
    for text in texts:
        inside = sum(len(word) for word in words if word in text)
        if text and inside * 2 > len(text):
            return True
    return False


def _hit(
    analyzed: AnalyzedQuery, score: float, stored: Mapping[str, Any], generic: frozenset[str]
) -> Hit:
    original = str(stored.get("snippet", ""))
    folded = str(stored.get("snippet_folded") or original)
    evidence = explain(analyzed, stored, folded, generic)
    text, spans = snippet(original, folded, evidence.needles)
    kind: HitKind = stored.get("kind", "guide")
    return Hit(
        id=str(stored.get("id", "")),
        kind=kind,
        title=str(stored.get("title", "")),
        title_en=stored.get("title_en"),
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
