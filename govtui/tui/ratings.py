"""The anonymous 好差评 ratings, kept in a local file: a service id, 1-5 stars, a reason, a date."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from govtui.render.files import write_atomically

RATINGS_FILE = "ratings.json"


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating. It holds no answers and nothing about the citizen, by design."""

    document: str
    stars: int
    reason: str | None
    day: datetime.date


def save_rating(folder: Path, rating: Rating) -> Path:
    """Append `rating` to the ratings file in `folder`, rewriting it atomically."""
    if not 1 <= rating.stars <= 5:
        raise ValueError(f"a rating has 1 to 5 stars, not {rating.stars}")
    path = folder / RATINGS_FILE
    records: list[dict[str, object]] = []
    if path.exists():
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, list):
            records = loaded
    records.append(
        {
            "guide": rating.document,
            "rating": rating.stars,
            "reason": rating.reason or None,
            "date": rating.day.isoformat(),
        }
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(records, ensure_ascii=False, indent=2) + "\n", force=True)
    return path
