"""Each content file's parsed model and findings, kept by digest so a load re-reads only edits."""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import gc
import hashlib
import logging
import operator
import os
import pickle
import shutil
import tempfile
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from govtui.content import calendar, conditions, findings, models
from govtui.content.findings import Finding
from govtui.content.models import FactType

_log = logging.getLogger(__name__)
_CODE = Path(__file__).resolve().parent
# An entry starts with this line and the SHA-256 of the pickle after it: one cut short by a full
# disk, or changed by anything but govtui, fails the digest before it is unpickled.
_MAGIC = b"govtui parsed file 1\n"
_DIGEST_SIZE = 32

Parsed = tuple[object, tuple[Finding, ...]]


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


def _quick_setstate(names: tuple[str, ...]) -> Callable[[object, tuple[object, ...]], None]:
    """A __setstate__ that sets each field by name, written out as dataclasses writes __init__.

    A loop over the names took 60% longer; at county scale that was 0.14 s of every launch.
    """
    lines = [f"    _set(self, {name!r}, state[{place}])" for place, name in enumerate(names)]
    source = "def __setstate__(self, state):\n" + ("\n".join(lines) or "    pass") + "\n"
    namespace: dict[str, Any] = {"_set": object.__setattr__}
    exec(source, namespace)  # noqa: S102 - the source holds only the dataclass's field names
    setstate: Callable[[object, tuple[object, ...]], None] = namespace["__setstate__"]
    return setstate


def _quick_getstate(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    # Functions, not the attrgetters themselves: only functions bind as methods.
    if not names:
        return lambda self: ()
    if len(names) == 1:
        only = operator.attrgetter(names[0])
        return lambda self: (only(self),)
    every = operator.attrgetter(*names)
    return lambda self: cast(tuple[object, ...], every(self))


def _quicken_unpickling(*modules: types.ModuleType) -> None:
    """Give the models a __getstate__ and __setstate__ that know their field names.

    The ones dataclasses makes for frozen, slotted classes ask `fields()` again for every object;
    with 200,000 objects in a county's library that was two thirds of reading it back, and most
    of saving it.
    """
    for module in modules:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == module.__name__
                and dataclasses.is_dataclass(value)
                and "__slots__" in vars(value)
                and vars(value).get("__setstate__") is not None
            ):
                names = tuple(field.name for field in dataclasses.fields(value))
                # mypy does not see the __setstate__ dataclasses adds.
                setattr(value, "__setstate__", _quick_setstate(names))  # noqa: B010
                setattr(value, "__getstate__", _quick_getstate(names))  # noqa: B010


_quicken_unpickling(models, conditions, findings, calendar)


class SealDamaged(Exception):
    """A sealed pickle is there but cannot be used: cut short, overwritten or not a pickle."""


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pickle without the cyclic collector: it would walk the young objects again and again.

    Unpickling a county's library (16,000 documents) takes 2.6 times as long with it running,
    pickling it twice as long.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_sealed(path: Path, magic: bytes) -> object | None:
    """The object saved at `path`, None if nothing is there; SealDamaged if it is unusable."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise SealDamaged(f"cannot be read ({error.strerror or error})") from error
    header, digest = data[: len(magic)], data[len(magic) : len(magic) + _DIGEST_SIZE]
    payload = data[len(magic) + _DIGEST_SIZE :]
    if header != magic or hashlib.sha256(payload).digest() != digest:
        raise SealDamaged("it is cut short or was overwritten")
    try:
        with collection_paused():
            value: object = pickle.loads(payload)
            return value
    except Exception as error:  # noqa: BLE001 - whatever unpickling raises, the copy is unusable
        raise SealDamaged(f"it does not unpickle ({type(error).__name__})") from error


def write_sealed(path: Path, magic: bytes, value: object) -> None:
    """Save `value` at `path` whole or not at all (a temporary file renamed into place)."""
    with collection_paused():
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(magic + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def code_digest() -> str:
    """A digest of the content code: a parse made by other readers is never reused."""
    digest = hashlib.sha256()
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ParsedFiles:
    """The parsed files of one content root under a cache dir, one sealed pickle a file.

    An entry's name digests the file's path, its bytes and the fact types its examples were
    read with, so an edit, a moved file or a changed fact makes a new entry. A load that read
    every file calls `keep_only_used` to drop the entries it no longer uses. Any problem reading or
    writing an entry only costs a parse: the cache is never needed to load.
    """

    def __init__(self, cache_dir: Path, root: Path) -> None:
        resolved = str(root.resolve()).encode()
        self._root_folder = cache_dir / "parsed" / hashlib.sha256(resolved).hexdigest()[:16]
        self._folder = self._root_folder / code_digest()
        self._used: set[str] = set()
        self._writable = True
        self._facts: tuple[Mapping[str, FactType], bytes] | None = None

    def key(self, path: Path, raw: bytes, fact_types: Mapping[str, FactType] | None) -> str:
        digest = hashlib.sha256(str(path).encode())
        digest.update(b"\0")
        digest.update(raw)
        if fact_types is not None:
            digest.update(self._facts_digest(fact_types))
        return digest.hexdigest()[:40]

    def _facts_digest(self, fact_types: Mapping[str, FactType]) -> bytes:
        """The fact types' digest, worked out once for the mapping a load passes every guide."""
        if self._facts is None or self._facts[0] is not fact_types:
            digest = hashlib.sha256()
            for fact_id in sorted(fact_types):
                digest.update(f"\0{fact_id}={fact_types[fact_id]}".encode())
            self._facts = (fact_types, digest.digest())
        return self._facts[1]

    def get(self, key: str) -> Parsed | None:
        self._used.add(key)
        entry = self._folder / f"{key}.pickle"
        try:
            value = read_sealed(entry, _MAGIC)
        except SealDamaged as damage:
            _log.info("discarding the damaged parse %s: %s", entry, damage)
            with contextlib.suppress(OSError):
                entry.unlink()
            return None
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], tuple)):
            return None
        return value[0], value[1]

    def put(self, key: str, parsed: Parsed) -> None:
        if not self._writable:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            write_sealed(self._folder / f"{key}.pickle", _MAGIC, parsed)
        except (OSError, pickle.PickleError, TypeError) as error:
            # A read-only or full cache dir: go on parsing, and stop trying for this load.
            _log.debug("cannot keep parsed files in %s: %s", self._folder, error)
            self._writable = False

    def keep_only_used(self) -> None:
        """Remove entries of earlier versions of the files, and those of older content code."""
        with contextlib.suppress(OSError):
            for entry in self._folder.iterdir():
                if entry.suffix == ".pickle" and entry.stem not in self._used:
                    entry.unlink(missing_ok=True)
            for other in self._root_folder.iterdir():
                if other != self._folder and other.is_dir():
                    shutil.rmtree(other, ignore_errors=True)
