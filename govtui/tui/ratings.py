"""The anonymous 好差评 ratings, kept in a local file: a service id, 1-5 stars, a reason, a date."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from govtui.render.files import write_atomically
from govtui.render.masking import mask_id_number, mask_mobile

RATINGS_FILE = "ratings.json"


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating. It holds no answers and nothing about the citizen, by design."""

    document: str
    stars: int
    reason: str | None
    day: datetime.date


_ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def scrub(reason: str) -> str:
    """Mask ID and mobile numbers a clerk may type into a reason: ratings hold no personal data."""
    reason = _ID_NUMBER.sub(lambda match: mask_id_number(match.group()), reason)
    return _MOBILE.sub(lambda match: mask_mobile(match.group()), reason)


def _read_records(path: Path) -> list[dict[str, object]]:
    """The ratings so far; a damaged file is moved aside, never overwritten."""
    if not path.exists():
        return []
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        loaded = None
    if isinstance(loaded, list):
        return loaded
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path.rename(path.with_name(f"{path.name}.damaged-{stamp}"))
    return []


def save_rating(folder: Path, rating: Rating) -> Path:
    """Append `rating` to the ratings file in `folder`, rewriting it atomically."""
    if not 1 <= rating.stars <= 5:
        raise ValueError(f"a rating has 1 to 5 stars, not {rating.stars}")
    path = folder / RATINGS_FILE
    records = _read_records(path)
    records.append(
        {
            "guide": rating.document,
            "rating": rating.stars,
            "reason": scrub(rating.reason) if rating.reason else None,
            "date": rating.day.isoformat(),
        }
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(records, ensure_ascii=False, indent=2) + "\n", force=True)
    return path
