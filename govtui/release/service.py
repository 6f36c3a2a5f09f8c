"""A release applied to this terminal: the configuration, the managed folder and the index."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govtui.config import DEFAULT_STALE_AFTER_DAYS, load_config
from govtui.errors import ContentError, GovtuiError
from govtui.paths import cache_dir, find_content_root, releases_dir
from govtui.release.install import Applied, Installed, apply_release, installed

Progress = Callable[[int, int], None]


def index_from(new_root: Path, old_root: Path | None, progress: Progress | None = None) -> None:
    """Build the new content's index, starting from the old content's so it is incremental.

    The new folder's index pointer is seeded with the old index; the search store then sees a
    changed fingerprint and re-indexes only the files that differ (see docs/search.md).
    """
    from govtui.search import open_index
    from govtui.search.store import Pointer, Store

    store = Store(cache_dir())
    previous = store.pointer(old_root) if old_root is not None else None
    if previous is not None and store.pointer(new_root) is None:
        seeded = Pointer(str(new_root.resolve()), previous.fingerprint, previous.directory)
        store.set_pointer(new_root, seeded)
    open_index(new_root, progress=progress).close()


def apply_file(path: Path, progress: Progress | None = None) -> Applied:
    """Check `path` against the configured county key and make it this terminal's content."""
    config = load_config()
    try:
        current: Path | None = find_content_root()
    except ContentError:
        current = None  # a terminal with no content at all can still take its first release
    return apply_release(
        path,
        releases_dir(),
        config.public_key,
        current_root=current,
        index=lambda new_root, old_root: index_from(new_root, old_root, progress),
    )


@dataclass(frozen=True, slots=True)
class ContentAge:
    """The content version in use and how old it is, for the status bar."""

    version: str
    days: int
    stale: bool


def content_age(today: datetime.date, root: Path | None = None) -> ContentAge | None:
    """The applied release's version and age on `today`; None when no release is in use.

    `root` is the content folder the face shows: a folder other than the applied release
    (`--content`, say) has no release age to show.
    """
    current: Installed | None = installed(releases_dir())
    if current is None or (root is not None and root.resolve() != current.root.resolve()):
        return None
    made = current.manifest.created_day or today
    days = max(0, (today - made).days)
    try:
        stale_after = load_config().stale_after_days
    except GovtuiError:  # a broken config file must never stop the status bar
        stale_after = DEFAULT_STALE_AFTER_DAYS
    return ContentAge(current.manifest.version, days, days > stale_after)
