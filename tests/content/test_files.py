"""Content file digests: kept by file times so a search need not hash every file, never stale."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from govtui.content import files
from govtui.content.files import file_digests

GUIDE = "guides/elderly/allowance.yaml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The content files hashed, in order."""
    seen: list[Path] = []
    hash_file = files._hash

    def counting(path: str) -> str:
        seen.append(Path(path))
        return hash_file(path)

    monkeypatch.setattr(files, "_hash", counting)
    return seen


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (in use, they are seconds or years old)."""
    monkeypatch.setattr(files, "_RACY_NANOSECONDS", -1)


def _hashed(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files.content_files(root)
    }


@pytest.mark.usefixtures("settled")
def test_kept_digests_are_not_hashed_again(root: Path, tmp_path: Path, reads: list[Path]) -> None:
    first = file_digests(root, tmp_path / "cache")
    assert first == _hashed(root)
    reads.clear()
    assert file_digests(root, tmp_path / "cache") == first
    assert reads == []


@pytest.mark.usefixtures("settled")
def test_an_edit_of_the_same_size_and_time_is_seen(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    file_digests(root, cache)
    guide = root / GUIDE
    before = guide.stat()
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("高龄", "长寿", 1), encoding="utf-8")
    os.utime(guide, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert guide.stat().st_size == before.st_size
    assert file_digests(root, cache)[GUIDE] == _hashed(root)[GUIDE]


def test_a_file_changed_just_now_is_hashed_again(
    root: Path, tmp_path: Path, reads: list[Path]
) -> None:
    # Within a clock tick of its change a file could change again unseen by its times.
    file_digests(root, tmp_path / "cache")
    reads.clear()
    file_digests(root, tmp_path / "cache")
    assert root / GUIDE in reads


@pytest.mark.usefixtures("settled")
def test_added_and_removed_files_are_counted(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    file_digests(root, cache)
    (root / GUIDE).unlink()
    (root / "guides/elderly/other.yaml").write_text("id: other\n", encoding="utf-8")
    assert file_digests(root, cache) == _hashed(root)


@pytest.mark.usefixtures("settled")
def test_damaged_or_unwritable_kept_digests_only_cost_the_hashing(
    root: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    file_digests(root, cache)
    (kept,) = (cache / "digests").iterdir()
    kept.write_text('{"guides/elderly/allowance.yaml": [1, 2, 3', encoding="utf-8")
    assert file_digests(root, cache) == _hashed(root)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache dir should be", encoding="utf-8")
    assert file_digests(root, blocked) == _hashed(root)
