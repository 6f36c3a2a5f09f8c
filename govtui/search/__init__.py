"""Search: a Chinese-aware Whoosh index over guides, bundles, policies and policy articles."""

from govtui.search.whooshload import import_whoosh

import_whoosh()  # before any other module of this package imports Whoosh

from govtui.search.hit import Hit  # noqa: E402
from govtui.search.index import SearchIndex, open_current_index, open_index, search  # noqa: E402
from govtui.search.schema import SCHEMA_VERSION  # noqa: E402

__all__ = ["SCHEMA_VERSION", "Hit", "SearchIndex", "open_current_index", "open_index", "search"]
