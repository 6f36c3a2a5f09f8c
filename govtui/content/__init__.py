"""Content: typed models, the safe loader, the condition language and lint."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govtui.content.files import content_files
    from govtui.content.findings import LoadResult
    from govtui.content.loader import load_library
    from govtui.content.models import Bundle, Document, Fact, Guide, Library, Material, Policy

# Each name loads its module on first use: the app and a cold search need the models, not the
# YAML loader, and importing it cost them about 25 ms.
_HOMES = {
    "Bundle": "models",
    "Document": "models",
    "Fact": "models",
    "Guide": "models",
    "Library": "models",
    "Material": "models",
    "Policy": "models",
    "LoadResult": "findings",
    "content_files": "files",
    "load_library": "loader",
}

__all__ = [
    "Bundle",
    "Document",
    "Fact",
    "Guide",
    "Library",
    "LoadResult",
    "Material",
    "Policy",
    "content_files",
    "load_library",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"govtui.content.{home}"), name)
