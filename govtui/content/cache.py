"""A pickled copy of the loaded library, so start-up does not re-parse unchanged YAML."""

from __future__ import annotations

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


def cached_library(root: Path, cache_dir: Path) -> LoadResult | None:
    """The cached copy of the library if the content and the code are unchanged, else None."""
    try:
        path = cache_dir / f"library-{library_key(root)}.pickle"
        with path.open("rb") as stream:
            cached = pickle.load(stream)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return cached if isinstance(cached, LoadResult) else None


def load_library_cached(root: Path, cache_dir: Path) -> LoadResult:
    """Load from the cached copy when the content and the code are unchanged, else parse and save.

    The cache is an optimisation only: any problem reading or writing it falls back to parsing.
    """
    cached = cached_library(root, cache_dir)
    if cached is not None:
        return cached
    # The loader (and YAML) is imported only when there is something to parse.
    from govtui.content.loader import load_library

    result = load_library(root)
    try:
        _save(cache_dir / f"library-{library_key(root)}.pickle", result)
    except (OSError, pickle.PickleError, TypeError) as error:
        _log.debug("could not cache the library: %s", error)
    return result


def _save(path: Path, result: LoadResult) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".library-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob("library-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
