"""Whoosh imported without three modules it imports for names a search never calls."""

from __future__ import annotations

import functools
import importlib
import sys
import threading
import types
from collections.abc import Callable
from typing import Any


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported when it is first called rather than when Whoosh is imported."""

    def call(*arguments: Any, **keywords: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*arguments, **keywords)

    return call


# Each stood in for while Whoosh is imported, then taken away, so that anything importing the
# module later gets the real one. Together they were 35 ms of a 210 ms cold `govtui search`.
_STAND_INS: dict[str, dict[str, object]] = {
    # whoosh.compat takes urlretrieve (an HTTP client, ssl and email: 17 ms) for a download.
    "urllib.request": {"urlretrieve": _deferred("urllib.request", "urlretrieve")},
    # The cached_property package imports asyncio (12 ms) for asynchronous properties; Whoosh's
    # one use (a reader's deleted documents) is what functools' does, storing in the __dict__.
    "cached_property": {"cached_property": functools.cached_property},
    # whoosh.query.terms takes English word variations (7 ms of regexes) for a query kind
    # govtui never makes.
    "whoosh.lang.morph_en": {"variations": _deferred("whoosh.lang.morph_en", "variations")},
}
# The modules that take those names, and through them every Whoosh module a search uses.
_IMPORTERS = ("whoosh.compat", "whoosh.reading", "whoosh.query", "whoosh.searching", "whoosh.index")


def import_whoosh() -> None:
    """Import the Whoosh modules a search uses, with the stand-ins; once, and only if first.

    Only while no other thread runs: one importing urllib.request meanwhile would get the
    stand-in. With other threads (a TUI's workers), Whoosh is imported as it is.
    """
    if "whoosh.compat" in sys.modules:
        return  # imported already, with whatever it imported: nothing to save any more
    if threading.active_count() > 1:
        for name in _IMPORTERS:
            importlib.import_module(name)
        return
    placed = []
    for name, attributes in _STAND_INS.items():
        if name not in sys.modules:
            stand_in = types.ModuleType(name, "stands in while Whoosh is imported")
            stand_in.__dict__.update(attributes)
            sys.modules[name] = stand_in
            placed.append(name)
    try:
        for name in _IMPORTERS:
            importlib.import_module(name)
    finally:
        for name in placed:
            del sys.modules[name]
