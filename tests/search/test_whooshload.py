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
# Whoosh's one cached_property (a reader's deleted documents), now functools'.
import functools
cached = whoosh.reading.SegmentReader.__dict__["deleted_docs_set"]
print(left_out, "rendered" in variations, real, whoosh.compat.urlretrieve.__name__,
      isinstance(cached, functools.cached_property))
"""


def test_a_search_imports_whoosh_without_an_http_client_asyncio_or_english_variations() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", "True", "call", "True"]


BESIDE_A_THREAD = """
import sys, threading
stop = threading.Event()
other = threading.Thread(target=stop.wait)
other.start()
import govtui.search
print("urllib.request" in sys.modules)
stop.set()
"""


def test_with_another_thread_running_whoosh_is_imported_as_it_is() -> None:
    """A thread importing urllib.request meanwhile would get the stand-in: none is placed."""
    done = subprocess.run(
        [sys.executable, "-c", BESIDE_A_THREAD], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True"]
