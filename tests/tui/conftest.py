"""Fixtures for the TUI tests: synthetic content, a small in-memory index, and an app factory."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from govtui.content import Library, load_library
from govtui.i18n import Language
from govtui.tui.app import GovTuiApp
from govtui.tui.index import SearchHit
from govtui.tui.screens.search import DEBOUNCE_SECONDS

DATA = Path(__file__).resolve().parent / "data"
TODAY = datetime.date(2026, 11, 22)
SIZE = (100, 30)


@dataclass(frozen=True)
class FakeHit:
    """A hit with the fields of `govtui.search.Hit` that the app reads."""

    id: str
    kind: str
    title: str
    score: float
    snippet_text: str
    snippet_spans: Sequence[tuple[int, int]]
    matched: Sequence[str]
    policy: str | None
    status: str | None
    category: str | None
    department: str | None
    title_en: str | None = None


class FakeIndex:
    """Substring search over names, aliases and digests: enough to drive the screens."""

    def __init__(self, library: Library) -> None:
        self.searched: list[str] = []
        self.documents: list[tuple[FakeHit, tuple[str, ...]]] = []
        for guide in library.guides.values():
            hit = FakeHit(
                guide.id,
                "guide",
                guide.name,
                1.0,
                guide.summary,
                (),
                (),
                None,
                None,
                guide.category,
                guide.department,
                guide.name_en,
            )
            self.documents.append((hit, (guide.name, *guide.aliases, guide.summary)))
        for bundle in library.bundles.values():
            hit = FakeHit(
                bundle.id,
                "bundle",
                bundle.name,
                1.0,
                bundle.summary,
                (),
                (),
                None,
                None,
                None,
                bundle.lead_department,
                bundle.name_en,
            )
            self.documents.append((hit, (bundle.name, *bundle.aliases, bundle.summary)))
        for policy in library.policies.values():
            hit = FakeHit(
                policy.id,
                "policy",
                policy.title,
                1.0,
                policy.doc_number,
                (),
                (),
                None,
                policy.status,
                None,
                policy.issuer,
                policy.title_en,
            )
            self.documents.append((hit, (policy.title,)))
            for article in policy.articles:
                hit = FakeHit(
                    f"{policy.id}#{article.number}",
                    "article",
                    f"{policy.title} 第{article.number}条 {article.heading}",
                    1.0,
                    article.digest,
                    (),
                    (),
                    policy.id,
                    policy.status,
                    None,
                    policy.issuer,
                )
                self.documents.append((hit, (article.heading, article.digest)))

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        category: str | None = None,
        department: str | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        self.searched.append(text)
        words = text.split()
        if not words:
            return []
        found: list[SearchHit] = []
        for hit, fields in self.documents:
            if kind and hit.kind != kind or category and hit.category != category:
                continue
            matched = [field for field in fields if any(word in field for word in words)]
            if not matched:
                continue
            spans = tuple(
                (start, start + len(word))
                for word in words
                for start in range(len(hit.snippet_text))
                if hit.snippet_text.startswith(word, start)
            )
            found.append(
                FakeHit(
                    hit.id,
                    hit.kind,
                    hit.title,
                    hit.score,
                    hit.snippet_text,
                    spans,
                    tuple(matched[:1]),
                    hit.policy,
                    hit.status,
                    hit.category,
                    hit.department,
                    hit.title_en,
                )
            )
        return found[:limit]

    def close(self) -> None:
        """Nothing to release: the fake lives in memory."""


@pytest.fixture(scope="session")
def library() -> Library:
    result = load_library(DATA)
    assert not result.report.errors, result.report.errors
    return result.library


def app_on(
    library: Library,
    tmp_path: Path,
    today: datetime.date = TODAY,
    language: Language = "zh",
) -> GovTuiApp:
    """The app on `library` (the shipped content, say) with a fixed date and private folders."""
    return GovTuiApp(
        library=library,
        index=FakeIndex(library),
        language=language,
        today=lambda: today,
        ratings_dir=tmp_path / "ratings",
        export_dir=tmp_path,
        # Seeded: the case code is in every header, and the snapshots must not change.
        case_code_source=random.Random(13).choice,
    )


@pytest.fixture
def make_app(library: Library, tmp_path: Path) -> Callable[..., GovTuiApp]:
    """Build the app on the synthetic content with a fixed date and private folders."""

    def build(language: str = "zh", index: FakeIndex | None = None) -> GovTuiApp:
        assert language in ("zh", "en")
        return GovTuiApp(
            library=library,
            index=index or FakeIndex(library),
            language="en" if language == "en" else "zh",
            today=lambda: TODAY,
            ratings_dir=tmp_path / "ratings",
            export_dir=tmp_path,
            # Seeded: the case code is in every header, and the snapshots must not change.
            case_code_source=random.Random(13).choice,
        )

    return build


async def settle(pilot: Pilot[None]) -> None:
    """Let the debounce timer fire, the search worker finish and its message be handled."""
    await pilot.pause(DEBOUNCE_SECONDS * 1.2)  # past the quiet window, so no search is pending
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, as a clerk would, then let the screen catch up."""
    await pilot.press(*text)
    await settle(pilot)
