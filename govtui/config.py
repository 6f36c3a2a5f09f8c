"""The terminal's configuration file (TOML): the point's code, the county's key, exports."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import GovtuiError

CONFIG_ENVIRONMENT_VARIABLE = "GOVTUI_CONFIG"
DEFAULT_STALE_AFTER_DAYS = 30
# A citizen sent home for a missing paper usually comes back within the week (docs/cases.md).
DEFAULT_CASE_KEEP_DAYS = 7


@dataclass(frozen=True, slots=True)
class Config:
    """What a terminal is told by its county; every field has a safe default."""

    point_code: str | None = None
    """`[terminal] point_code`: this service point's code, for events and reports."""
    public_key: str | None = None
    """`[content] public_key`: the county's minisign public key (base64), for releases."""
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    """`[content] stale_after_days`: warn (never block) when the content is older than this."""
    export_folder: Path | None = None
    """`[export] folder`: where the TUI proposes to save checklists (`~` is the home folder)."""
    case_folder: Path | None = None
    """`[case] folder`: where saved cases go, e.g. the centre's shared folder (`~` is home)."""
    case_keep_days: int = DEFAULT_CASE_KEEP_DAYS
    """`[case] keep_days`: a saved case is deleted this many days after it was saved."""
    case_prefix: str | None = None
    """`[case] prefix`: the letters before the case code (QH-7K4Q), e.g. the county's initials."""
    serve_max_sessions: int | None = None
    """`[serve] max_sessions`: how many browser sessions `govtui serve` runs at once."""
    path: Path | None = None
    """The file this was read from, for messages; None when there is no file."""


def config_path() -> Path:
    """`$GOVTUI_CONFIG`, else `config.toml` in the user config dir."""
    override = os.environ.get(CONFIG_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("govtui", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the configuration; a missing file is the defaults, a broken one a clear error."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise GovtuiError("error_config_unreadable", path=path, detail=error.strerror) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise GovtuiError("error_config_syntax", path=path, detail=error) from None
    terminal = _table(data, "terminal", path)
    content = _table(data, "content", path)
    export = _table(data, "export", path)
    folder = _text(export, "folder", "export", path)
    stale = content.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    if not isinstance(stale, int) or isinstance(stale, bool) or stale < 1:
        raise GovtuiError("error_config_value", path=path, key="content.stale_after_days")
    case = _table(data, "case", path)
    case_folder = _text(case, "folder", "case", path)
    keep_days = case.get("keep_days", DEFAULT_CASE_KEEP_DAYS)
    if not isinstance(keep_days, int) or isinstance(keep_days, bool) or not 1 <= keep_days <= 366:
        raise GovtuiError("error_config_value", path=path, key="case.keep_days")
    prefix = _text(case, "prefix", "case", path)
    # Letters only (1-4), as `govtui.cases.code` reads them back; said here, where it is typed.
    if prefix is not None and not (prefix.isascii() and prefix.isalpha() and len(prefix) <= 4):
        raise GovtuiError("error_config_value", path=path, key="case.prefix")
    serve = _table(data, "serve", path)
    max_sessions = serve.get("max_sessions")
    # Each session is a whole app process; more than 64 on one machine is a typo, not a plan.
    if max_sessions is not None and (
        not isinstance(max_sessions, int)
        or isinstance(max_sessions, bool)
        or not 1 <= max_sessions <= 64
    ):
        raise GovtuiError("error_config_value", path=path, key="serve.max_sessions")
    return Config(
        point_code=_text(terminal, "point_code", "terminal", path),
        public_key=_text(content, "public_key", "content", path),
        stale_after_days=stale,
        export_folder=Path(folder).expanduser() if folder is not None else None,
        case_folder=Path(case_folder).expanduser() if case_folder is not None else None,
        case_keep_days=keep_days,
        case_prefix=prefix.upper() if prefix is not None else None,
        serve_max_sessions=max_sessions,
        path=path,
    )


def _table(data: dict[str, object], name: str, path: Path) -> dict[str, object]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise GovtuiError("error_config_value", path=path, key=name)
    return table


def _text(table: dict[str, object], key: str, table_name: str, path: Path) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GovtuiError("error_config_value", path=path, key=f"{table_name}.{key}")
    return value.strip()
