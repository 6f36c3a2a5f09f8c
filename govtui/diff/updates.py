"""After a release is applied: what changed since the version the clerk last saw, most used first.

"The services the point handles most" come from the terminal's event store (one rating event
per finished visit, with no personal data) when it has any; otherwise from the content's order.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from govtui.content.models import Library
from govtui.diff.compare import DocumentChanges, compare
from govtui.release.install import installed, mark_seen, seen_version

# The screen lists this many documents; the rest are counted and left to `govtui diff`.
SHOWN = 8


@dataclass(frozen=True, slots=True)
class Update:
    """The changes to show once after an update."""

    previous: str
    version: str
    documents: tuple[DocumentChanges, ...]
    more: int
    by_usage: bool
    """True when ordered by this terminal's records, False when in the content's order."""


def usage_counts(data_folder: Path) -> Counter[str]:
    """How often each service was finished here, from the terminal's event store; empty if none.

    Every finished visit leaves one rating event (未评价 when the citizen gave none), so the
    count is the visits, not the ratings.
    """
    from govtui.events.store import STORE_FILE, EventStore

    if not (data_folder / STORE_FILE).exists():
        return Counter()
    try:
        with EventStore.terminal(data_folder) as store:
            return Counter(
                event.service_id
                for event in store.events()
                if event.kind == "rating" and event.service_id
            )
    except (OSError, sqlite3.Error):
        return Counter()


def pending_update(
    releases: Path,
    content_root: Path,
    current: Library,
    today: datetime.date,
    data_folder: Path,
) -> Update | None:
    """The update not yet shown on this terminal, or None (nothing applied, or already seen)."""
    from govtui.content import load_library

    applied = installed(releases)
    if applied is None or applied.root.resolve() != content_root.resolve():
        return None
    if seen_version(releases) == applied.manifest.version or applied.previous_root is None:
        return None
    previous = load_library(applied.previous_root).library
    changes = compare(previous, current, today)
    counts = usage_counts(data_folder)
    order = [*current.guides, *current.bundles, *current.policies]
    order.extend(document.id for document in changes.documents if document.id not in order)
    if counts:
        order.sort(key=lambda document_id: -counts.get(document_id, 0))  # stable: ties keep order
    touched = changes.touching(order)
    previous_manifest = applied.previous_root / "manifest.json"
    previous_version = _version(previous_manifest) or "—"
    return Update(
        previous_version,
        applied.manifest.version,
        tuple(touched[:SHOWN]),
        max(0, len(touched) - SHOWN),
        bool(counts),
    )


def _version(manifest: Path) -> str | None:
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def acknowledge(releases: Path, version: str) -> None:
    """The clerk has seen this version's changes: do not show them again."""
    mark_seen(releases, version)
