"""Candidates for one query: the rarest terms find documents in Whoosh, every term scores them."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import Any

from govtui.search.query import split_common

Terms = dict[tuple[str, str], float]


class CandidatePool:
    """The documents found so far for one query, scored for every term added so far.

    Terms come in rounds (words first, character-level fallbacks only if needed). Each round's
    selective terms find new candidates; every candidate, old or new, ends up scored for all
    terms, so the rounds rank as one query would.
    """

    def __init__(self, searcher: Any, query_filter: Any, size: int) -> None:
        self.searcher = searcher
        self.query_filter = query_filter
        self.size = size
        self.terms: Terms = {}
        self.stored: dict[int, Mapping[str, Any]] = {}
        self.scores: dict[int, float] = {}
        self._filtered: set[int] | None = None

    def add(self, terms: Terms) -> None:
        terms = {key: boost for key, boost in terms.items() if key not in self.terms}
        selective, common = split_common(terms, self.searcher.reader())
        found = best_documents(self.searcher, selective, self.size, self._allowed())
        for docnum in found:
            if docnum not in self.stored:
                self.stored[docnum] = self.searcher.stored_fields(docnum)
        # New candidates need the earlier rounds' terms; earlier ones need this round's terms
        # that did not find them.
        new = [docnum for docnum in found if docnum not in self.scores]
        old = [docnum for docnum in self.scores if docnum not in found]
        updates = [
            term_scores(self.searcher, self.terms, new),
            term_scores(self.searcher, {**selective, **common}, old),
            term_scores(self.searcher, common, list(found)),
            found,
        ]
        for update in updates:
            for docnum, score in update.items():
                self.scores[docnum] = self.scores.get(docnum, 0.0) + score
        self.terms.update(terms)

    def _allowed(self) -> set[int] | None:
        """The documents the filter lets through, worked out once per query (None: all)."""
        if self.query_filter is None:
            return None
        if self._filtered is None:
            self._filtered = set(self.searcher.docs_for_query(self.query_filter))
        return self._filtered

    def ids(self) -> set[str]:
        """The ids of the candidates found so far."""
        return {str(stored.get("id")) for stored in self.stored.values()}

    def rows(self) -> list[tuple[float, Mapping[str, Any]]]:
        return [(self.scores[docnum], stored) for docnum, stored in self.stored.items()]


def best_documents(
    searcher: Any, terms: Terms, size: int, allowed: set[int] | None
) -> dict[int, float]:
    """The `size` best documents for any of `terms`, with their summed scores.

    Summed posting by posting: Whoosh's own search (an Or query and a collector) did the same
    sums and then walked every matching document again through a chain of matcher calls, which
    made it twice as slow.
    """
    totals: dict[int, float] = {}
    for (field, text), boost in terms.items():
        for matcher, offset, deleted in _leaf_postings(searcher, field, text):
            while matcher.is_active():
                local = matcher.id()
                if local not in deleted:
                    docnum = local + offset
                    totals[docnum] = totals.get(docnum, 0.0) + boost * float(matcher.score())
                matcher.next()
    if allowed is not None:
        totals = {docnum: score for docnum, score in totals.items() if docnum in allowed}
    # Ties go to the earlier document, whatever order the terms came in.
    best = heapq.nlargest(size, totals.items(), key=lambda item: (item[1], -item[0]))
    return dict(best)


def term_scores(searcher: Any, terms: Terms, docnums: list[int]) -> dict[int, float]:
    """What `terms` add to each of `docnums`' scores, found by skipping along their postings."""
    scores: dict[int, float] = {}
    if not docnums:
        return scores
    wanted = sorted(docnums)
    for (field, text), boost in terms.items():
        for matcher, offset, _deleted in _leaf_postings(searcher, field, text):
            # Candidates are never deleted documents, so the deletions need no checking here.
            for docnum in wanted:
                local = docnum - offset
                if local < 0:
                    continue
                if matcher.is_active() and matcher.id() < local:
                    matcher.skip_to(local)
                if not matcher.is_active():
                    break
                if matcher.id() == local:
                    scores[docnum] = scores.get(docnum, 0.0) + boost * float(matcher.score())
    return scores


def _leaf_postings(
    searcher: Any, field: str, text: str
) -> list[tuple[Any, int, frozenset[int] | set[int]]]:
    """Each index segment's postings of a term: its matcher, its first docnum, its deletions.

    Scored as Whoosh's own multi-segment matcher scores them, but walked segment by segment
    and with the deleted documents skipped here: Whoosh's wrappers for both cost a Python call
    or two per posting, and after one update (a second segment, a deletion in the first) made
    a county's warm queries 1.5 times as slow.
    """
    from whoosh.matching import FilterMatcher
    from whoosh.reading import TermNotFound

    found: list[tuple[Any, int, frozenset[int] | set[int]]] = []
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        try:
            scorer = searcher.weighting.scorer(leaf, field, text)
            matcher = reader.postings(field, text, scorer=scorer)
        except TermNotFound:
            continue
        deleted: frozenset[int] | set[int] = frozenset()
        if isinstance(matcher, FilterMatcher):
            matcher, deleted = matcher.child, reader.deleted_docs_set
        found.append((matcher, offset, deleted))
    return found
