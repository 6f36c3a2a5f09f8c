"""Learned from the content: which character pairs only say how people ask (要办, 哪些)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from govtui.search.analysis import bigrams, fold, han_runs
from govtui.search.documents import SourceDocument

# A pair in the names, aliases or situations of this share of the unrelated groups (a category's
# guides, or one bundle) or more is how people ask, not what they ask about...
GENERIC_SHARE = 0.15
# ...and never fewer groups than this, so a small library still has specific words.
GENERIC_AT_LEAST = 4


class GroupMember(NamedTuple):
    """What a guide or bundle adds to the generic pairs: its group, and its names' pairs."""

    id: str
    kind: str
    category: str | None
    members: tuple[str, ...]
    pairs: frozenset[str]


def name_pairs(document: SourceDocument, table: Mapping[int, str] | None = None) -> frozenset[str]:
    """The character pairs of a document's names, aliases and situations."""
    pairs: set[str] = set()
    for text in (*document.names, *document.aliases, *document.situations):
        for run in han_runs(fold(text, table)):
            pairs.update(bigrams(run))
    return frozenset(pairs)


def generic_pairs(entries: Iterable[GroupMember]) -> frozenset[str]:
    """Character pairs of guides' and bundles' own words found across many unrelated groups.

    A life event and its members are one group (a death touches the pension and the housing
    fund, and 去世 is still one subject); any other guide's group is its category. 身份证 stays
    in one group and is specific; 要办 and 哪些 turn up with a death, a birth and a restaurant,
    and say nothing about which.
    """
    members = list(entries)
    event_of = {
        member: entry.id
        for entry in sorted(members, key=lambda entry: entry.id, reverse=True)
        for member in entry.members
    }
    groups: dict[str, set[str]] = {}
    for entry in members:
        group = event_of.get(entry.id) or (
            entry.id if entry.kind == "bundle" else f"category:{entry.category}"
        )
        groups.setdefault(group, set()).update(entry.pairs)
    threshold = max(GENERIC_AT_LEAST, math.ceil(GENERIC_SHARE * len(groups)))
    counts: dict[str, int] = {}
    for pairs in groups.values():
        for pair in pairs:
            counts[pair] = counts.get(pair, 0) + 1
    return frozenset(pair for pair, count in counts.items() if count >= threshold)
