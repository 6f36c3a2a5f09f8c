"""Where the events go: the county's database (GOVTUI_DATABASE_URL or `[database] url`) and the
rectification period (`[ratings] rectification_working_days`), read from the terminal's config.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from govtui.config import config_path, load_config
from govtui.errors import GovtuiError
from govtui.events.report import DEFAULT_RECTIFICATION_WORKING_DAYS

DATABASE_ENVIRONMENT_VARIABLE = "GOVTUI_DATABASE_URL"


@dataclass(frozen=True, slots=True)
class EventSettings:
    point_code: str
    """"" when the terminal's `[terminal] point_code` is not set."""
    database_url: str | None
    """None: SQLite alone, the embedded default."""
    rectification_working_days: int


def load_event_settings(path: Path | None = None) -> EventSettings:
    """The settings from the environment and the config file; a bad value is a clear error."""
    path = path or config_path()
    config = load_config(path)
    tables = _tables(path)
    database = tables.get("database", {})
    ratings = tables.get("ratings", {})
    if not isinstance(database, dict) or not isinstance(ratings, dict):
        raise GovtuiError("error_config_value", path=path, key="database")
    url = os.environ.get(DATABASE_ENVIRONMENT_VARIABLE) or database.get("url")
    if url is not None and (not isinstance(url, str) or not url.strip()):
        raise GovtuiError("error_config_value", path=path, key="database.url")
    days = ratings.get("rectification_working_days", DEFAULT_RECTIFICATION_WORKING_DAYS)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 60:
        raise GovtuiError("error_config_value", path=path, key="ratings.rectification_working_days")
    return EventSettings(config.point_code or "", url.strip() if url else None, days)


def _tables(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # load_config has already said what is wrong with this file
