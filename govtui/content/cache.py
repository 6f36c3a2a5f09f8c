"""A pickled copy of the loaded library, so start-up does not re-parse unchanged YAML."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path

from govtui.content.files import file_digests
from govtui.content.findings import LoadResult
from govtui.content.parsed import ParsedFiles, SealDamaged, read_sealed, write_sealed

_log = logging.getLogger(__name__)
_CODE = Path(__file__).resolve().parent
# A saved copy starts with this line and the SHA-256 of the pickle after it: a copy cut short by a
# full disk, or changed by anything but govtui, fails the digest before it is unpickled.
_MAGIC = b"govtui library cache 2\n"


def library_key(
    root: Path, cache_dir: Path | None = None, digests: Mapping[str, str] | None = None
) -> str:
    """A digest of every content file and of the content code, so any edit invalidates the copy.

    With `cache_dir`, the content files' digests kept there are used (see `file_digests`);
    `digests` are the caller's own, just taken.
    """
    digest = hashlib.sha256(str(root.resolve()).encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    if digests is None:
        digests = file_digests(root, cache_dir)
    for relative, file_digest in digests.items():
        digest.update(f"\0{relative}\0{file_digest}".encode())
    return digest.hexdigest()[:32]


class CacheDamaged(Exception):
    """A cache file is there but cannot be used: it is discarded and made again."""


def cached_library(
    root: Path, cache_dir: Path, digests: Mapping[str, str] | None = None
) -> LoadResult | None:
    """The cached copy of the library if the content and the code are unchanged, else None.

    Only reads: a damaged copy is also None here, and is replaced by `load_library_cached`.
    `digests` are the content's file digests if the caller has just taken them.
    """
    try:
        return _read(_cache_path(root, cache_dir, digests))
    except (OSError, CacheDamaged):
        return None


def load_library_cached(
    root: Path, cache_dir: Path, on_damaged: Callable[[], None] | None = None
) -> LoadResult:
    """Load from the cached copy when the content and the code are unchanged, else parse and save.

    The cache is an optimisation only: any problem reading or writing it falls back to parsing.
    A copy that is there but damaged (cut short, overwritten, not a library) is discarded and
    `on_damaged()` is called, so the face can tell the user it was repaired.
    """
    try:
        path: Path | None = _cache_path(root, cache_dir)
    except OSError as error:  # a content file that cannot be read; the loader reports it
        _log.debug("cannot key the library cache: %s", error)
        path = None
    if path is not None:
        try:
            cached = _read(path)
        except CacheDamaged as damage:
            # Not a warning: logging's last-resort handler would print it beside the notice.
            _log.info("discarding the damaged library cache %s: %s", path, damage)
            _discard(path)
            if on_damaged is not None:
                on_damaged()
        else:
            if cached is not None:
                return cached
    # The loader (and YAML) is imported only when there is something to parse.
    from govtui.content.loader import load_library

    result = load_library(root, ParsedFiles(cache_dir, root))
    if path is not None:
        try:
            _save(path, result)
        except (OSError, pickle.PickleError, TypeError) as error:
            _log.debug("could not cache the library: %s", error)
    return result


def _cache_path(root: Path, cache_dir: Path, digests: Mapping[str, str] | None = None) -> Path:
    return cache_dir / f"library-{library_key(root, cache_dir, digests)}.pickle"


def _read(path: Path) -> LoadResult | None:
    """The library saved at `path`, or None if nothing is saved there; CacheDamaged if unusable.

    The digest is checked before anything is unpickled, so a damaged file is never half-read.
    """
    try:
        cached = read_sealed(path, _MAGIC)
    except SealDamaged as damage:
        raise CacheDamaged(str(damage)) from damage
    if cached is not None and not isinstance(cached, LoadResult):
        raise CacheDamaged(f"it holds a {type(cached).__name__}, not a library")
    return cached


def _discard(path: Path) -> None:
    """Remove a damaged copy; if that fails, saving over it (or the next start) tries again."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            path.rmdir()  # only if empty: nothing but govtui names its entries like this
        else:
            path.unlink(missing_ok=True)


def _save(path: Path, result: LoadResult) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_sealed(path, _MAGIC, result)
    for stale in path.parent.glob("library-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
