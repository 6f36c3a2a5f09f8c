"""The on-disk index store: content fingerprints, one pointer per content root, locks, clean-up.

Layout under the cache dir::

    search/
      build.lock                   held by the one process building at a time
      current-<root key>.json      which index directory serves a content root (replaced atomically)
      index-<fingerprint>-<nonce>/ a complete index; never changed once the pointer names it,
                                   and sealed (seal.json) so damage to it is seen on opening
      building-<nonce>/            an index being built; left over only if a build was killed
      resources/                   tables every build shares (jieba's dictionary, common pinyin)

A reader follows the pointer to a complete directory and holds a shared lock on it, so a build can
swap the pointer at any time and clean up only the directories nobody holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from govtui.search import installed, schema

READER_LOCK = "readers.lock"
MANIFEST = "manifest.json"
SEAL = "seal.json"
# A seal stamps each file with its size and a digest of its first and last 64 KiB: a file cut
# short, emptied, replaced or deleted shows, while opening costs the same at any index size.
_STAMP_SAMPLE = 64 * 1024
_INDEX_PREFIX = "index-"
_BUILDING_PREFIX = "building-"

if sys.platform != "win32":
    import fcntl

    def _lock(handle: IO[bytes], shared: bool) -> bool:
        """A non-blocking flock: it belongs to the open file, so each index holds its own."""
        mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        try:
            fcntl.flock(handle.fileno(), mode)
        except BlockingIOError:
            return False
        return True

    def _wait_for_build_lock(handle: IO[bytes]) -> None:
        # A POSIX record lock, unlike flock, is not inherited by forked worker processes, and
        # the kernel drops it when the builder dies, however it dies.
        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX)

    CAN_TELL_READERS = True
else:  # pragma: no cover - Windows has no shared locks; builds still serialise, clean-up waits.
    import msvcrt

    def _lock(handle: IO[bytes], shared: bool) -> bool:
        return True

    def _wait_for_build_lock(handle: IO[bytes]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)

    CAN_TELL_READERS = False

# Record locks are held per process, so threads of one process take turns here first.
_BUILD_THREAD_LOCK = threading.Lock()


def _nonce(size: int) -> str:
    return os.urandom(size).hex()


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new text, never a part of it."""
    temporary = path.with_name(f".{path.name}.{_nonce(4)}")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def fingerprint(digests: dict[str, str]) -> str:
    """One key for the content, the schema and the analysers: any change to one changes it."""
    hasher = hashlib.sha256(f"govtui-search schema {schema.SCHEMA_VERSION}\n".encode())
    for name, version in sorted(installed.analyser_versions().items()):
        hasher.update(f"{name} {version}\n".encode())
    for relative_path in sorted(digests):
        hasher.update(f"{relative_path}\0{digests[relative_path]}\n".encode())
    return hasher.hexdigest()[:24]


def source_key(relative_path: str) -> str:
    """A space-free key for a content file, as the `sources` field stores it."""
    return hashlib.sha1(relative_path.encode()).hexdigest()[:16]


class IndexDamaged(Exception):
    """An index in the cache is there but cannot be used: it is discarded and built again."""


def _unsealed(name: str) -> bool:
    # Lock files are not the index's data, and Whoosh leaves its write lock behind.
    return name in (READER_LOCK, SEAL) or name.endswith("LOCK")


def _stamp(path: Path) -> list[int | str]:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        digest = hashlib.sha256(handle.read(_STAMP_SAMPLE))
        if size > 2 * _STAMP_SAMPLE:
            handle.seek(size - _STAMP_SAMPLE)
        digest.update(handle.read())
    return [size, digest.hexdigest()]


def seal(directory: Path) -> None:
    """Stamp every file of a finished index, before anyone can open it."""
    stamps = {
        path.name: _stamp(path)
        for path in sorted(directory.iterdir())
        if path.is_file() and not _unsealed(path.name)
    }
    write_atomically(directory / SEAL, json.dumps({"files": stamps}))


def check_seal(directory: Path) -> None:
    """Raise IndexDamaged unless every file of the index is as it was sealed."""
    try:
        stamps = json.loads((directory / SEAL).read_text(encoding="utf-8"))["files"]
        if not isinstance(stamps, dict) or not stamps:
            raise ValueError("no files in the seal")
        changed = [name for name, stamp in stamps.items() if _stamp(directory / name) != stamp]
    except FileNotFoundError as error:
        missing = Path(error.filename or "?").name
        raise IndexDamaged(f"{directory.name}/{missing} is missing") from error
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IndexDamaged(f"{directory.name}: cannot check its seal ({error})") from error
    if changed:
        raise IndexDamaged(f"{directory.name}: {', '.join(changed)} changed since it was built")


@dataclass(frozen=True, slots=True)
class Pointer:
    """What a content root's pointer file says."""

    root: str
    fingerprint: str
    directory: str


class ReaderLease:
    """A shared lock on an index directory, held while an index is open."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class Store:
    """The `search/` folder of the cache dir."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.folder = cache_dir / "search"

    @property
    def resources(self) -> Path:
        """Language tables builds share: jieba's dictionary as SQLite, common pinyin."""
        return self.folder / "resources"

    def discard_resources(self) -> None:
        """Remove the shared tables (the next build makes them again); under the build lock."""
        import shutil

        shutil.rmtree(self.resources, ignore_errors=True)

    def root_key(self, root: Path) -> str:
        return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]

    def _pointer_path(self, root: Path) -> Path:
        return self.folder / f"current-{self.root_key(root)}.json"

    def pointer(self, root: Path) -> Pointer | None:
        """What the root's pointer says; None if it is missing or unreadable."""
        try:
            return self.read_pointer(root)
        except IndexDamaged:
            return None

    def read_pointer(self, root: Path) -> Pointer | None:
        """What the root's pointer says; None if there is none, IndexDamaged if it is unreadable."""
        path = self._pointer_path(root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            pointer = Pointer(str(data["root"]), str(data["fingerprint"]), str(data["directory"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise IndexDamaged(f"{path.name} is unreadable ({error})") from error
        if Path(pointer.directory).name != pointer.directory or not pointer.directory.startswith(
            _INDEX_PREFIX
        ):
            raise IndexDamaged(f"{path.name} names {pointer.directory!r}, not an index here")
        return pointer

    def discard_pointer(self, root: Path) -> None:
        """Forget the root's index, so the next build starts afresh and clean-up removes it."""
        self._pointer_path(root).unlink(missing_ok=True)

    def set_pointer(self, root: Path, pointer: Pointer) -> None:
        """Point the root at a complete index directory: one atomic rename."""
        data = {
            "root": pointer.root,
            "fingerprint": pointer.fingerprint,
            "directory": pointer.directory,
        }
        write_atomically(self._pointer_path(root), json.dumps(data))

    def lease(self, directory: Path) -> ReaderLease | None:
        """Hold `directory` against clean-up; None if it is gone or being removed."""
        try:
            handle = open(directory / READER_LOCK, "rb")
        except OSError:
            return None
        if not _lock(handle, shared=True):
            handle.close()
            return None
        if not (directory / MANIFEST).is_file():  # removed between the open and the lock
            handle.close()
            return None
        return ReaderLease(handle)

    @contextlib.contextmanager
    def build_lock(self) -> Iterator[None]:
        """One builder at a time, across processes; the kernel drops it if the builder dies."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with _BUILD_THREAD_LOCK, open(self.folder / "build.lock", "a+b") as handle:
            _wait_for_build_lock(handle)
            yield

    def new_building_directory(self) -> Path:
        directory = self.folder / f"{_BUILDING_PREFIX}{_nonce(6)}"
        directory.mkdir(parents=True)
        (directory / READER_LOCK).touch()
        return directory

    def publish(self, building: Path, root: Path, content_fingerprint: str) -> Path:
        """Seal a finished build, give it its final name, then point the root at it."""
        seal(building)
        final = self.folder / f"{_INDEX_PREFIX}{content_fingerprint}-{_nonce(4)}"
        os.rename(building, final)
        self.set_pointer(root, Pointer(str(root.resolve()), content_fingerprint, final.name))
        return final

    def clean(self) -> list[str]:
        """Remove leftovers: killed builds, and indexes no pointer names and no reader holds.

        Call it only while holding the build lock, so no build in progress is mistaken for a
        leftover. Returns the names removed.
        """
        if not CAN_TELL_READERS:
            return []
        import shutil

        wanted = set()
        for pointer_file in self.folder.glob("current-*.json"):
            try:
                data: Any = json.loads(pointer_file.read_text(encoding="utf-8"))
                root, name = Path(str(data["root"])), str(data["directory"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if root.is_dir():
                wanted.add(name)
            else:  # the content folder is gone (a test's temporary folder, say)
                pointer_file.unlink(missing_ok=True)
        removed = []
        for path in self.folder.iterdir():
            if path.name.startswith(_BUILDING_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
            elif path.name.startswith(_INDEX_PREFIX) and path.name not in wanted:
                if self._remove_if_unread(path):
                    removed.append(path.name)
        return removed

    def _remove_if_unread(self, directory: Path) -> bool:
        import shutil

        try:
            handle = open(directory / READER_LOCK, "rb")
        except OSError:
            shutil.rmtree(directory, ignore_errors=True)
            return True
        with handle:
            if not _lock(handle, shared=False):
                return False  # an open index still reads it
            # Drop the manifest first: a reader that opens the lock after this sees it is going.
            (directory / MANIFEST).unlink(missing_ok=True)
            trash = directory.with_name(f"{_BUILDING_PREFIX}{_nonce(6)}")
            os.rename(directory, trash)
        shutil.rmtree(trash, ignore_errors=True)
        return True
