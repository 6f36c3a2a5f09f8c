"""Applying a checked release: unpack beside the current content, index it, switch one pointer.

The terminal's managed content (`govtui.paths.releases_dir()`) holds `versions/<version>/`
side by side and `current.json`, which names the one in use and is replaced with `os.replace`.
Until that rename the old content serves; after it, the new one. A kill at any moment leaves
one or the other whole, and the next apply removes what a killed one left behind.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import GovtuiError
from govtui.release.archive import Release, read_release
from govtui.release.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    installed_govtui_version,
    version_key,
)

POINTER = "current.json"
SEEN = "seen.json"
VERSIONS = "versions"
_INCOMING = ".incoming-"
# The version in use and the one before it stay, so "what changed" can compare them.
KEEP_VERSIONS = 2

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Installed:
    """The applied release in use: where it is and what its manifest says."""

    root: Path
    manifest: Manifest
    previous_root: Path | None
    applied: datetime.datetime | None


def installed(releases: Path) -> Installed | None:
    """The release in use under `releases`, or None when none was applied (or it is not whole)."""
    try:
        data = json.loads((releases / POINTER).read_text(encoding="utf-8"))
        root = _version_folder(releases, str(data["directory"]))
        manifest = Manifest.from_json((root / MANIFEST_NAME).read_bytes(), root / MANIFEST_NAME)
        previous = data.get("previous")
        previous_root = _version_folder(releases, str(previous)) if previous else None
        applied = datetime.datetime.fromisoformat(str(data["applied"]))
    except (OSError, ValueError, KeyError, TypeError, GovtuiError):
        return None
    if previous_root is not None and not previous_root.is_dir():
        previous_root = None
    return Installed(root, manifest, previous_root, applied)


def _version_folder(releases: Path, name: str) -> Path:
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"not a version folder: {name!r}")
    return releases / VERSIONS / name


@dataclass(frozen=True, slots=True)
class Applied:
    """What an apply did: the version now in use and the one it replaced."""

    manifest: Manifest
    root: Path
    previous_version: str | None
    previous_root: Path | None


def apply_release(
    path: Path,
    releases: Path,
    public_key: str | None,
    *,
    current_root: Path | None = None,
    index: Callable[[Path, Path | None], None] | None = None,
    now: Callable[[], datetime.datetime] | None = None,
) -> Applied:
    """Check the release file at `path` and make it the terminal's content.

    `current_root` is the content in use before (an applied release, or the sample); `index`
    builds the new content's search index, from the old one's, before the switch. Raises
    GovtuiError, with the terminal unchanged, for any fault in the file or a refused version.
    """
    release = read_release(path, public_key)
    manifest = release.manifest
    if version_key(manifest.min_govtui) > version_key(installed_govtui_version()):
        raise GovtuiError(
            "error_release_needs_newer_govtui",
            version=manifest.version,
            needed=manifest.min_govtui,
            have=installed_govtui_version(),
        )
    with _apply_lock(releases):
        before = installed(releases)
        if before is not None and version_key(manifest.version) <= version_key(
            before.manifest.version
        ):
            raise GovtuiError(
                "error_release_not_newer", version=manifest.version, have=before.manifest.version
            )
        _remove_leftovers(releases, keep={before.root.name} if before else set())
        target = releases / VERSIONS / manifest.version
        _unpack(release, releases, target)
        old_root = before.root if before else current_root
        try:
            _check_loads(target)
            if index is not None:
                index(target, old_root)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        moment = (now or _now)()
        _switch(releases, target, before.root if before else None, moment)
        _remove_old(releases, keep={target.name, before.root.name} if before else {target.name})
    return Applied(
        manifest,
        target,
        before.manifest.version if before else None,
        before.root if before else current_root,
    )


def _check_loads(root: Path) -> None:
    """Refuse content the loader cannot use whole: a clerk must never get half a release."""
    from govtui.content import load_library

    errors = load_library(root).report.errors
    if errors:
        raise GovtuiError("error_release_content_errors", n=len(errors), first=str(errors[0]))


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).astimezone()


def _unpack(release: Release, releases: Path, target: Path) -> None:
    """Write the release into a hidden folder, synced, then give it its version's name."""
    incoming = releases / VERSIONS / f"{_INCOMING}{uuid.uuid4().hex[:8]}"
    try:
        incoming.mkdir(parents=True)
        for name, data in release.files.items():
            _write_synced(incoming / name, data)
        _write_synced(incoming / MANIFEST_NAME, release.manifest_bytes)
        if release.signature_bytes is not None:
            _write_synced(incoming / SIGNATURE_NAME, release.signature_bytes)
        if target.exists():  # left by an apply killed before its switch: never in use
            shutil.rmtree(target)
        os.rename(incoming, target)
        _sync_folder(target.parent)
    except OSError as error:
        shutil.rmtree(incoming, ignore_errors=True)
        raise GovtuiError("error_release_write", folder=releases, detail=error.strerror) from None


def _write_synced(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _switch(releases: Path, target: Path, previous: Path | None, moment: datetime.datetime) -> None:
    """The one step that changes what the terminal uses: an atomic rename of the pointer."""
    data = {
        "directory": target.name,
        "previous": previous.name if previous else None,
        "applied": moment.isoformat(timespec="seconds"),
    }
    temporary = releases / f".{POINTER}.{uuid.uuid4().hex[:8]}"
    try:
        _write_synced(temporary, json.dumps(data).encode("utf-8"))
        os.replace(temporary, releases / POINTER)
        _sync_folder(releases)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        raise GovtuiError("error_release_write", folder=releases, detail=error.strerror) from None


def _remove_leftovers(releases: Path, keep: set[str]) -> None:
    """Folders and pointer drafts a killed apply left; never the version in use."""
    for path in releases.glob(f".{POINTER}.*"):
        path.unlink(missing_ok=True)
    versions = releases / VERSIONS
    if versions.is_dir():
        for folder in versions.iterdir():
            if folder.name.startswith(_INCOMING) and folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)


def _remove_old(releases: Path, keep: set[str]) -> None:
    """Versions beyond the current and the previous one; best effort, never an error."""
    for folder in (releases / VERSIONS).iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _apply_lock(releases: Path) -> Iterator[None]:
    """One apply at a time on a terminal; the kernel drops the lock if that process dies."""
    try:
        releases.mkdir(parents=True, exist_ok=True)
        handle = open(releases / "apply.lock", "a+b")
    except OSError as error:
        raise GovtuiError("error_release_write", folder=releases, detail=error.strerror) from None
    with handle:
        try:
            import fcntl

            fcntl.lockf(handle, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: one clerk, one apply at a time
            pass
        yield


def seen_version(releases: Path) -> str | None:
    """The version whose "what changed" the clerk has already seen."""
    try:
        value = json.loads((releases / SEEN).read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return str(value)


def mark_seen(releases: Path, version: str) -> None:
    """Remember the clerk saw this version's changes; a failure only means seeing them again."""
    temporary = releases / f".{SEEN}.{uuid.uuid4().hex[:8]}"
    try:
        _write_synced(temporary, json.dumps({"version": version}).encode("utf-8"))
        os.replace(temporary, releases / SEEN)
    except OSError:
        temporary.unlink(missing_ok=True)
