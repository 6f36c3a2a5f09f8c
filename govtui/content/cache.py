"""A pickled copy of the loaded library, so start-up does not re-parse unchanged YAML."""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import logging
import os
import pickle
import tempfile
import types
from collections.abc import Callable
from pathlib import Path

from govtui.content.files import content_files
from govtui.content.findings import LoadResult

_log = logging.getLogger(__name__)
_CODE = Path(__file__).resolve().parent
# A saved copy starts with this line and the SHA-256 of the pickle after it: a copy cut short by a
# full disk, or changed by anything but govtui, fails the digest before it is unpickled.
_MAGIC = b"govtui library cache 2\n"
_DIGEST_SIZE = 32


def _reduce_mapping(
    mapping: types.MappingProxyType[object, object],
) -> tuple[
    Callable[[dict[object, object]], types.MappingProxyType[object, object]],
    tuple[dict[object, object]],
]:
    return _freeze, (dict(mapping),)


def _freeze(items: dict[object, object]) -> types.MappingProxyType[object, object]:
    return types.MappingProxyType(items)


# Models hold read-only mappings; pickle them as plain dicts and freeze them again on load.
copyreg.pickle(types.MappingProxyType, _reduce_mapping)


def library_key(root: Path) -> str:
    """A digest of every content file and of the content code, so any edit invalidates the copy."""
    digest = hashlib.sha256(str(root.resolve()).encode())
    for path in [*sorted(_CODE.glob("*.py")), *content_files(root)]:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


class CacheDamaged(Exception):
    """A cache file is there but cannot be used: it is discarded and made again."""


def cached_library(root: Path, cache_dir: Path) -> LoadResult | None:
    """The cached copy of the library if the content and the code are unchanged, else None.

    Only reads: a damaged copy is also None here, and is replaced by `load_library_cached`.
    """
    try:
        return _read(_cache_path(root, cache_dir))
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

    result = load_library(root)
    if path is not None:
        try:
            _save(path, result)
        except (OSError, pickle.PickleError, TypeError) as error:
            _log.debug("could not cache the library: %s", error)
    return result


def _cache_path(root: Path, cache_dir: Path) -> Path:
    return cache_dir / f"library-{library_key(root)}.pickle"


def _read(path: Path) -> LoadResult | None:
    """The library saved at `path`, or None if nothing is saved there; CacheDamaged if unusable.

    The digest is checked before anything is unpickled, so a damaged file is never half-read.
    """
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise CacheDamaged(f"cannot be read ({error.strerror or error})") from error
    header, digest = data[: len(_MAGIC)], data[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
    payload = data[len(_MAGIC) + _DIGEST_SIZE :]
    if header != _MAGIC or hashlib.sha256(payload).digest() != digest:
        raise CacheDamaged("it is cut short or was overwritten")
    try:
        cached = pickle.loads(payload)
    except Exception as error:  # noqa: BLE001 - whatever unpickling raises, the copy is unusable
        raise CacheDamaged(f"it does not unpickle ({type(error).__name__})") from error
    if not isinstance(cached, LoadResult):
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
    payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".library-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob("library-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
