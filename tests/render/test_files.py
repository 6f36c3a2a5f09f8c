"""Writing an export: atomic, never clobbering without --force, never leaving a temporary file."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from govtui.errors import GovtuiError, OutputExistsError
from govtui.render.files import write_atomically


def test_writes_utf8_text_exactly(tmp_path: Path) -> None:
    target = tmp_path / "notice.txt"
    write_atomically(target, "一次性告知单\r\nline\n", force=False)
    assert target.read_bytes() == "一次性告知单\r\nline\n".encode()
    assert os.listdir(tmp_path) == ["notice.txt"]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "notice.txt"
    target.write_text("keep me")
    with pytest.raises(OutputExistsError, match="--force"):
        write_atomically(target, "new", force=False)
    assert target.read_text() == "keep me"
    assert os.listdir(tmp_path) == ["notice.txt"]


def test_overwrites_with_force_and_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "notice.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new", force=True)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["notice.txt"]


def test_a_new_file_gets_ordinary_permissions_not_mkstemps_0600(tmp_path: Path) -> None:
    target = tmp_path / "notice.txt"
    previous = os.umask(0o022)
    try:
        write_atomically(target, "x", force=False)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GovtuiError, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "notice.txt", "x", force=False)


def test_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GovtuiError, match="it is a folder"):
        write_atomically(tmp_path, "x", force=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(GovtuiError, match="not writable"):
            write_atomically(folder / "notice.txt", "x", force=False)
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    target = tmp_path / "notice.txt"
    with pytest.raises(GovtuiError, match="No space left on device"):
        write_atomically(target, "x", force=False)
    assert os.listdir(tmp_path) == []


def test_a_file_appearing_meanwhile_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process creates the file after the existence check: it still wins."""
    target = tmp_path / "notice.txt"
    real_fsync = os.fsync

    def racing_fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        if not target.exists():
            target.write_text("theirs")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(OutputExistsError):
        write_atomically(target, "ours", force=False)
    assert target.read_text() == "theirs"
    assert os.listdir(tmp_path) == ["notice.txt"]


def test_a_refused_temporary_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as an unwritable folder, but also when the tests run as root."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(GovtuiError, match="is not writable"):
        write_atomically(tmp_path / "notice.txt", "x", force=False)
