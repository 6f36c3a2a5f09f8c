"""The TUI's events: a finished visit's 好差评 (or 未评价) and a search the clerk left, stored on
the terminal without any personal data (`govtui.events`), for `sync push` and the report.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from govtui.content.models import Library
from govtui.events.legacy import open_terminal_store
from govtui.events.model import Event, SearchOutcome, level_for_stars, rating_event, search_event
from govtui.events.settings import load_event_settings


def content_version(library: Library | None) -> str:
    """The content release in use, or "unreleased" for a checkout or a folder of one's own."""
    from govtui.paths import releases_dir
    from govtui.release.install import installed

    release = installed(releases_dir())
    if release is not None and library is not None and library.root == release.root:
        return str(release.manifest.version)
    return "unreleased"


class EventRecorder:
    """Writes events to the store in `folder`; safe to call from a worker thread."""

    def __init__(self, folder: Path, library: Library | None) -> None:
        self.folder = folder
        self.library = library

    def _write(self, event: Event) -> None:
        with open_terminal_store(
            self.folder, point_code=event.point_code, task_codes=self._task_codes()
        ) as store:
            store.add([event])

    def _task_codes(self) -> dict[str, str | None]:
        guides = self.library.guides.values() if self.library else ()
        return {guide.id: guide.codes.get("implementation") for guide in guides}

    def rating(self, document_id: str, stars: int | None, reason: str | None) -> None:
        """The citizen's rating, or 未评价 when they skipped it (`stars` None): never a score."""
        settings = load_event_settings()
        self._write(
            rating_event(
                point_code=settings.point_code,
                content_version=content_version(self.library),
                service_id=document_id,
                task_code=self._task_codes().get(document_id),
                satisfaction="unrated" if stars is None else level_for_stars(stars),
                text=reason,
                at=datetime.datetime.now().astimezone(),
            )
        )

    def search(self, query: str, outcome: SearchOutcome) -> None:
        settings = load_event_settings()
        self._write(
            search_event(
                point_code=settings.point_code,
                content_version=content_version(self.library),
                query=query,
                outcome=outcome,
                at=datetime.datetime.now().astimezone(),
            )
        )
