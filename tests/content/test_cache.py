"""The library cache heals: a damaged copy is discarded, the content read again, the user told."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from govtui.content import load_library
from govtui.content.cache import cached_library, load_library_cached

Damage = Callable[[Path], None]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _first_byte(value: int) -> Damage:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[0] = value
        path.write_bytes(bytes(data))

    return damage


def _payload_byte(path: Path) -> None:
    # Inside the pickle itself, past the header: only the digest can tell.
    data = bytearray(path.read_bytes())
    data[-40] ^= 0x01
    path.write_bytes(bytes(data))


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _plain_pickle_of_another_type(path: Path) -> None:
    path.write_bytes(pickle.dumps({"guides": []}))


def _sealed_pickle_of_another_type(path: Path) -> None:
    # A well-formed copy in the current format, holding something that is not a library.
    data = path.read_bytes()
    header = data[: data.index(b"\n") + 1]
    payload = pickle.dumps(["not", "a", "library"])
    path.write_bytes(header + hashlib.sha256(payload).digest() + payload)


def _old_format(path: Path) -> None:
    # What govtui wrote before copies were sealed: a bare pickle of a real library.
    path.write_bytes(pickle.dumps(load_library(path.parent.parent / "content")))


def _a_folder_in_its_place(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGES: dict[str, Damage] = {
    "truncated": _truncate,
    # 0x63 is pickle's GLOBAL opcode: it made the unpickler decode bytes as a module name, and
    # the UnicodeDecodeError that escaped was the "internal error" at start-up.
    "first byte 0x63": _first_byte(0x63),
    "first byte 0x00": _first_byte(0x00),
    "first byte 0x80": _first_byte(0x80),
    "first byte 0xff": _first_byte(0xFF),
    "a byte of the pickle": _payload_byte,
    "random bytes": _random_bytes,
    "empty": _empty,
    "a pickle of another type": _plain_pickle_of_another_type,
    "a sealed pickle of another type": _sealed_pickle_of_another_type,
    "the format before the seal": _old_format,
    "a folder in its place": _a_folder_in_its_place,
}


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _copy(cache: Path) -> Path:
    [path] = cache.glob("library-*.pickle")
    return path


def test_a_first_start_parses_and_saves_without_a_notice(root: Path, cache: Path) -> None:
    notices: list[None] = []
    result = load_library_cached(root, cache, on_damaged=lambda: notices.append(None))
    assert result.library == load_library(root).library
    assert _copy(cache).is_file()
    assert cached_library(root, cache) is not None
    assert notices == []


@pytest.mark.parametrize("name", DAMAGES)
def test_a_damaged_copy_is_read_again_and_reported_once(root: Path, cache: Path, name: str) -> None:
    expected = load_library_cached(root, cache).library
    DAMAGES[name](_copy(cache))
    # Reading alone (the TUI before its first frame) changes nothing and leaves it to the load.
    assert cached_library(root, cache) is None
    notices: list[None] = []
    result = load_library_cached(root, cache, on_damaged=lambda: notices.append(None))
    assert result.library == expected
    assert notices == [None]
    # The copy was made again: the next start reads it, with nothing to report.
    assert _copy(cache).is_file()
    assert cached_library(root, cache) is not None
    again = load_library_cached(root, cache, on_damaged=lambda: notices.append(None))
    assert again.library == expected
    assert notices == [None]


def test_a_copy_that_cannot_be_read_is_reported_and_parsed(
    root: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = load_library_cached(root, cache).library
    damaged = _copy(cache)
    read_bytes = Path.read_bytes

    def unreadable(path: Path) -> bytes:
        if path == damaged:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    notices: list[None] = []
    result = load_library_cached(root, cache, on_damaged=lambda: notices.append(None))
    assert result.library == expected
    assert notices == [None]


def test_a_cache_folder_that_is_a_file_is_no_damage(root: Path, tmp_path: Path) -> None:
    # Nothing can be saved there, but nothing saved was lost either: parse, and say nothing.
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    notices: list[None] = []
    result = load_library_cached(root, blocked, on_damaged=lambda: notices.append(None))
    assert result.library == load_library(root).library
    assert notices == []
