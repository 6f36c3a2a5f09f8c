"""Whoosh imported with stand-ins: what they stand in for stays out, and still works when asked."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import govtui.search
left_out = [name for name in ("urllib.request", "asyncio", "cached_property",
            "whoosh.lang.morph_en") if name in sys.modules]
import whoosh.compat, whoosh.query.terms, whoosh.reading
# The deferred names import the real modules when called.
variations = sorted(whoosh.query.terms.variations("render"))
import urllib.request
real = hasattr(urllib.request, "urlopen") and not urllib.request.__doc__.startswith("stands in")
print(left_out, "rendered" in variations, real, whoosh.compat.urlretrieve.__name__)
"""


def test_a_search_imports_whoosh_without_an_http_client_asyncio_or_english_variations() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", "True", "call"]


def test_the_readers_deleted_documents_are_still_worked_out_once() -> None:
    """Whoosh's one cached_property, now functools', keeps its value in the reader's __dict__."""
    import functools

    import govtui.search  # noqa: F401 - imports Whoosh with the stand-ins
    from whoosh.reading import SegmentReader

    assert isinstance(SegmentReader.__dict__["deleted_docs_set"], functools.cached_property)
