"""JSON for scripts: documents and checklist outcomes as plain, stable objects."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from govtui.content.conditions import Condition
from govtui.content.models import Bundle, Document, Library, Location, Text


def to_plain(value: Any, root: Path | None = None) -> Any:
    """Turn models into JSON-ready values: conditions as their source, dates as ISO strings."""
    if isinstance(value, Condition):
        return value.source
    if isinstance(value, Text):
        return {"zh": value.zh, "en": value.en}
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Path):
        if root is not None and value.is_relative_to(root):
            return value.relative_to(root).as_posix()
        return value.as_posix()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        plain: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if isinstance(item, Location):
                continue
            key = "for" if field.name == "for_guides" else field.name
            key = {"minimum": "min", "maximum": "max"}.get(key, key)
            plain[key] = to_plain(item, root)
        return plain
    if isinstance(value, Mapping):
        return {str(key): to_plain(item, root) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item, root) for item in value]
    return value


def document_json(library: Library, document: Document) -> dict[str, Any]:
    """The full object for `govtui show ID --json`; a bundle's `guides` lists its member ids."""
    plain: dict[str, Any] = to_plain(document, library.root)
    plain["title"] = document.title
    if isinstance(document, Bundle):
        plain["guides"] = list(document.guides)
    return plain
