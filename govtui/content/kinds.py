"""The kinds of document the content holds, and of what a search finds: the one list of each."""

from __future__ import annotations

from typing import Literal, get_args

DocumentKind = Literal["guide", "bundle", "policy"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)

# A search also finds a policy's articles, each on its own, and the matters another office
# handles (guides/_elsewhere.yaml), so "passport" finds "not here: go to …".
HitKind = Literal["guide", "bundle", "policy", "article", "elsewhere"]
HIT_KINDS: tuple[HitKind, ...] = get_args(HitKind)
