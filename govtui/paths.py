"""Where content comes from and where caches live."""

from __future__ import annotations

import os
from pathlib import Path

from govtui.errors import ContentError

CONTENT_ENVIRONMENT_VARIABLE = "GOVTUI_CONTENT"
CACHE_ENVIRONMENT_VARIABLE = "GOVTUI_CACHE_DIR"


def _looks_like_content(folder: Path) -> bool:
    return (folder / "guides").is_dir() and (folder / "policies").is_dir()


def find_content_root(explicit: Path | None = None) -> Path:
    """Return the folder holding `guides/` and `policies/`.

    The order is: an explicit `--content DIR`, then `$GOVTUI_CONTENT`, then the applied content
    release (`govtui release apply`), then the checkout this package runs from, then the sample
    content shipped inside the installed package.
    """
    for candidate, origin in (
        (explicit, "--content"),
        (
            Path(os.environ[CONTENT_ENVIRONMENT_VARIABLE])
            if os.environ.get(CONTENT_ENVIRONMENT_VARIABLE)
            else None,
            CONTENT_ENVIRONMENT_VARIABLE,
        ),
    ):
        if candidate is None:
            continue
        if not _looks_like_content(candidate):
            raise ContentError("error_content_not_a_folder", origin=origin, folder=candidate)
        return candidate.resolve()
    managed = managed_content_root()
    if managed is not None:
        return managed
    package = Path(__file__).resolve().parent
    for candidate in (package.parent, package / "_content"):
        if _looks_like_content(candidate):
            return candidate
    raise ContentError("error_no_content")


def cache_dir() -> Path:
    """The user cache dir for the search index (`$GOVTUI_CACHE_DIR` overrides it)."""
    override = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("govtui", appauthor=False))


def data_dir() -> Path:
    """The user data dir, for the anonymous service ratings (好差评)."""
    override = os.environ.get("GOVTUI_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("govtui", appauthor=False))


def default_export_dir() -> Path:
    """Where exports go unless `[export] folder` says otherwise: `govtui` in the documents folder
    (`$GOVTUI_EXPORT_DIR` overrides it).

    Not the working folder: started from a launcher or a checkout, that is somewhere no clerk
    would look for a citizen's checklist.
    """
    override = os.environ.get("GOVTUI_EXPORT_DIR")
    if override:
        return Path(override)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "govtui"


def default_cases_dir() -> Path:
    """Where saved cases go unless `[case] folder` names the centre's shared folder."""
    return data_dir() / "cases"


def releases_dir() -> Path:
    """Where applied content releases live: `versions/<version>/` and the `current.json` pointer."""
    return data_dir() / "content"


def managed_content_root() -> Path | None:
    """The applied release's content folder, or None when no whole release is installed."""
    import json

    try:
        data = json.loads((releases_dir() / "current.json").read_text(encoding="utf-8"))
        name = str(data["directory"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no release applied (or an unreadable pointer): the other sources serve
    if not name or Path(name).name != name or name.startswith("."):
        return None
    folder = releases_dir() / "versions" / name
    return folder if _looks_like_content(folder) else None
