"""A damaged index heals: it is discarded and built again, the user is told, search answers."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui import cli
from govtui.search import open_current_index, open_index
from govtui.search.store import SEAL, Store

Damage = Callable[[Path], None]


def _index_directory(cache: Path) -> Path:
    [directory] = (cache / "search").glob("index-*")
    return directory


def _each(pattern: str, change: Callable[[Path], None]) -> Damage:
    def damage(cache: Path) -> None:
        paths = sorted(_index_directory(cache).glob(pattern))
        assert paths, pattern
        for path in paths:
            change(path)

    return damage


def _cut_short(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _emptied(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(max(64, path.stat().st_size)))


def _first_byte_flipped(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0] ^= 0xFF
    path.write_bytes(bytes(data))


def _pointer(change: Callable[[Path], None]) -> Damage:
    def damage(cache: Path) -> None:
        [pointer] = (cache / "search").glob("current-*.json")
        change(pointer)

    return damage


def _pointing_outside(pointer: Path) -> None:
    data = json.loads(pointer.read_text(encoding="utf-8"))
    pointer.write_text(json.dumps({**data, "directory": "../.."}), encoding="utf-8")


def _shared_tables_cut_short(cache: Path) -> None:
    # The tables are hard links to the session's copy: replace them, never write through them.
    tables = sorted((cache / "search" / "resources").glob("*.sqlite"))
    assert tables
    for table in tables:
        data = table.read_bytes()
        table.unlink()
        table.write_bytes(data[: len(data) // 2])
    # Only a build reads them: make one necessary.
    _pointer(Path.unlink)(cache)


DAMAGES: dict[str, Damage] = {
    "postings cut short": _each("*.pst", _cut_short),
    "terms cut short": _each("*.trm", _cut_short),
    "stored fields cut short": _each("*_stored.col", _cut_short),
    "postings' first byte": _each("*.pst", _first_byte_flipped),
    "a length column overwritten": _each("*_name_len.col", _garbage),
    "terms deleted": _each("*.trm", Path.unlink),
    "postings deleted": _each("*.pst", Path.unlink),
    "table of contents cut short": _each("*.toc", _cut_short),
    "table of contents emptied": _each("*.toc", _emptied),
    "table of contents overwritten": _each("*.toc", _garbage),
    "table of contents' first byte": _each("*.toc", _first_byte_flipped),
    "table of contents deleted": _each("*.toc", Path.unlink),
    "manifest cut short": _each("manifest.json", _cut_short),
    "manifest deleted": _each("manifest.json", Path.unlink),
    "query tables cut short": _each("tables.json", _cut_short),
    "seal deleted": _each(SEAL, Path.unlink),
    "seal overwritten": _each(SEAL, _garbage),
    "reader lock deleted": _each("readers.lock", Path.unlink),
    "pointer overwritten": _pointer(_garbage),
    "pointer emptied": _pointer(_emptied),
    "pointer naming a folder outside": _pointer(_pointing_outside),
    "index folder deleted": lambda cache: shutil.rmtree(_index_directory(cache)),
    "shared tables cut short": _shared_tables_cut_short,
}


@pytest.mark.parametrize("name", DAMAGES)
def test_a_damaged_index_is_rebuilt_and_reported(content: Path, cache: Path, name: str) -> None:
    open_index(content).close()
    before = {path.name for path in (cache / "search").glob("index-*")}
    DAMAGES[name](cache)
    # Opening without building (the TUI before its first frame) leaves it to the build.
    assert open_current_index(content) is None
    notices: list[None] = []
    with open_index(content, on_damaged=lambda: notices.append(None)) as index:
        assert notices == [None]
        assert index.stats()["build_mode"] == "full"  # nothing of the damaged one is reused
        assert [hit.id for hit in index.search("低保", kind="guide")] == ["dibao-application"]
        assert index.directory.name not in before
    # The damaged folder is cleaned away, and the next start opens the new index quietly.
    assert {path.name for path in (cache / "search").glob("index-*")} == {index.directory.name}
    with open_index(content, on_damaged=lambda: notices.append(None)) as again:
        assert again.directory == index.directory
    assert notices == [None]
    ready = open_current_index(content)
    assert ready is not None
    ready.close()


def test_a_missing_pointer_is_a_first_build_not_damage(content: Path, cache: Path) -> None:
    # Nothing says an index was ever there: build it as on a first start, without a notice.
    open_index(content).close()
    _pointer(Path.unlink)(cache)
    notices: list[None] = []
    with open_index(content, on_damaged=lambda: notices.append(None)) as index:
        assert index.search("低保")
    assert notices == []


def test_an_index_in_use_is_not_taken_for_damaged(content: Path, cache: Path) -> None:
    notices: list[None] = []
    with open_index(content, on_damaged=lambda: notices.append(None)) as first:
        with open_index(content, on_damaged=lambda: notices.append(None)) as second:
            assert second.directory == first.directory
            assert second.search("低保")
    assert notices == []


def test_every_file_of_a_published_index_is_sealed(content: Path, cache: Path) -> None:
    with open_index(content) as index:
        sealed = json.loads((index.directory / SEAL).read_text(encoding="utf-8"))["files"]
        files = {path.name for path in index.directory.iterdir()}
    assert files - set(sealed) == {SEAL, "readers.lock", "MAIN_WRITELOCK"}
    assert {"manifest.json", "tables.json"} <= set(sealed)
    assert any(name.endswith(".toc") for name in sealed)
    assert any(name.endswith(".pst") for name in sealed)


def test_an_update_is_sealed_too_and_a_damaged_base_is_not_updated(
    content: Path, cache: Path
) -> None:
    open_index(content).close()
    guide = content / "guides/assistance/dibao-application.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with open_index(content) as updated:
        assert updated.stats()["build_mode"] == "incremental"
        assert (updated.directory / SEAL).is_file()
    # A stale index whose files are damaged is no base for an update: build afresh.
    guide.write_text(guide.read_text(encoding="utf-8") + "\n# again\n", encoding="utf-8")
    _each("*.toc", _cut_short)(cache)
    with open_index(content) as rebuilt:
        assert rebuilt.stats()["build_mode"] == "full"
        assert rebuilt.search("低保")


# The command line ------------------------------------------------------------------------------

runner = CliRunner()

CLI_DAMAGES = ["terms cut short", "table of contents' first byte", "pointer overwritten"]


@pytest.mark.parametrize("name", CLI_DAMAGES)
def test_govtui_search_answers_with_a_damaged_index(content: Path, cache: Path, name: str) -> None:
    first = runner.invoke(cli.app, ["--content", str(content), "search", "低保"])
    assert first.exit_code == 0, first.output
    DAMAGES[name](cache)
    result = runner.invoke(cli.app, ["--content", str(content), "--lang", "en", "search", "低保"])
    assert result.exit_code == 0, result.output
    assert "dibao-application" in result.stdout
    assert result.stderr.splitlines() == [
        "govtui: The search index was damaged and has been rebuilt."
    ]
    again = runner.invoke(cli.app, ["--content", str(content), "search", "低保"])
    assert again.exit_code == 0 and again.stderr == ""
    assert again.stdout == first.stdout


def test_govtui_commands_answer_with_a_damaged_library_cache(content: Path, cache: Path) -> None:
    first = runner.invoke(cli.app, ["--content", str(content), "show", "dibao-application"])
    assert first.exit_code == 0, first.output
    [copy] = cache.glob("library-*.pickle")
    data = bytearray(copy.read_bytes())
    data[0] = 0x63  # the damage that used to end in "internal error"
    copy.write_bytes(bytes(data))
    result = runner.invoke(cli.app, ["--content", str(content), "show", "dibao-application"])
    assert result.exit_code == 0, result.output
    assert result.stdout == first.stdout
    assert result.stderr == "govtui: 保存的内容副本已损坏，已重新读取内容。\n"
    assert "internal error" not in result.output
    search = runner.invoke(cli.app, ["--content", str(content), "search", "低保"])
    assert search.exit_code == 0 and "dibao-application" in search.stdout
    assert Store(cache).pointer(content) is not None
