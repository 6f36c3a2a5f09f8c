"""Which files under a content root are content: light, so a cold search can fingerprint them."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

# A file changed within this long before it was hashed may change again within the same clock
# tick, unseen by its times: its digest is not kept (git's "racily clean" files).
_RACY_NANOSECONDS = 2_000_000_000


def content_files(root: Path) -> list[Path]:
    """Every content file under a content root, in a stable order (the index fingerprints it)."""
    return [root / relative for relative in content_names(root)]


def content_names(root: Path) -> list[str]:
    """`content_files` as paths relative to the root, in the same order.

    Hidden files and folders inside the content are skipped (the folders above it, a `.venv`,
    may be hidden); links to folders are not followed. os.scandir, not Path.rglob: a cold search
    lists a county's 1,800 files in a tenth of the time.
    """
    names: list[str] = []
    for top in ("guides", "policies"):
        found: list[str] = []
        _walk(os.path.join(root, top), top, found)
        # The order Path objects sort in: part by part.
        names += sorted(found, key=lambda name: name.split("/"))
    return names


def _walk(folder: str, relative: str, found: list[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_folder:
            _walk(entry.path, f"{relative}/{entry.name}", found)
        elif entry.name.endswith(".yaml"):
            found.append(f"{relative}/{entry.name}")


def file_digests(root: Path, cache_dir: Path | None = None) -> dict[str, str]:
    """Relative path -> SHA-256 of the bytes, for every content file.

    With `cache_dir`, a file whose size, inode and change times are those it had when it was
    last hashed is not read again: a county's 1,800 files took 100 ms to hash on every search.
    Any problem with the kept digests only costs the hashing.
    """
    kept_path = None if cache_dir is None else _kept_path(root, cache_dir)
    kept = _read_kept(kept_path) if kept_path is not None else {}
    now = time.time_ns()
    digests: dict[str, str] = {}
    fresh: dict[str, list[object]] = {}
    base = os.fspath(root)
    for relative in content_names(root):
        # A string, not a Path: making 1,800 Paths took longer than the 1,800 stat calls.
        path = f"{base}/{relative}"
        status = os.stat(path)
        stamp = [status.st_size, status.st_ino, status.st_mtime_ns, status.st_ctime_ns]
        entry = kept.get(relative)
        if entry is not None and entry[:4] == stamp:
            digest = str(entry[4])
        else:
            digest = _hash(path)
        digests[relative] = digest
        if now - max(status.st_mtime_ns, status.st_ctime_ns) > _RACY_NANOSECONDS:
            fresh[relative] = [*stamp, digest]
    if kept_path is not None and fresh != kept:
        _write_kept(kept_path, fresh)
    return digests


def _hash(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def _kept_path(root: Path, cache_dir: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return cache_dir / "digests" / f"{key}.json"


def _read_kept(path: Path) -> dict[str, list[object]]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {
        name: entry
        for name, entry in kept.items()
        if isinstance(entry, list) and len(entry) == 5 and isinstance(entry[4], str)
    }


def _write_kept(path: Path, kept: dict[str, list[object]]) -> None:
    """Whole or not at all; a read-only cache dir just means hashing next time too."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps(kept, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
