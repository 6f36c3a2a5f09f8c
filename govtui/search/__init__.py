"""Search: a Chinese-aware Whoosh index over guides, bundles, policies and policy articles."""

from govtui.search.hit import Hit
from govtui.search.index import SearchIndex, open_current_index, open_index, search
from govtui.search.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Hit", "SearchIndex", "open_current_index", "open_index", "search"]
