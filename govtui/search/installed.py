"""The installed versions of the analysers whose output the index stores, read without imports."""

from __future__ import annotations

import os
import re
import sys
from functools import cache

# jieba's words, pypinyin's readings and OpenCC's folding are all stored in the index, so a new
# version of any of them means a rebuild, like a new schema.
ANALYSERS = ("jieba", "pypinyin", "opencc-python-reimplemented")
_METADATA_SUFFIXES = ("dist-info", "egg-info")


def analyser_versions() -> dict[str, str]:
    """Distribution name -> installed version ("" when it is not installed)."""
    return dict(_versions())


@cache
def _versions() -> tuple[tuple[str, str], ...]:
    # Every cold search needs these. importlib.metadata would cost ~10 ms of imports each time,
    # but the version is already in the name of the metadata folder an installer leaves beside
    # the package (`jieba-0.42.1.dist-info`), so listing the import path is enough.
    wanted = {_normalise(name): name for name in ANALYSERS}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:  # a zip file, or a folder that is not there
            continue
        for entry in entries:
            stem, _, suffix = entry.rpartition(".")
            name, _, version = stem.partition("-")
            key = _normalise(name)
            # The first on the import path wins, as it does for the import itself.
            if suffix in _METADATA_SUFFIXES and key in wanted and key not in found:
                found[key] = version.partition("-")[0]  # an egg-info may add "-py3.11"
        if len(found) == len(wanted):
            break
    return tuple(
        (name, found[key] if key in found else _from_metadata(name)) for key, name in wanted.items()
    )


def _normalise(name: str) -> str:
    """A distribution name as installers spell it in folder names (PEP 503, with `_`)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _from_metadata(name: str) -> str:
    """The slow, general way, for an install the folder listing does not see (a zipped egg)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""
