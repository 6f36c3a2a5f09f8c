"""The parsed-file cache: a load re-reads only the changed files and gives what a parse gives."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from govtui.content import loader
from govtui.content.loader import load_library
from govtui.content.parsed import ParsedFiles
from tests.content.helpers import FACTS, GUIDE, write_content


@pytest.fixture
def parsed_paths(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader actually parses, in order."""
    seen: list[Path] = []
    parse = loader._parse

    def counting(path: Path, *arguments: object) -> object:
        seen.append(path)
        return parse(path, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_parse", counting)
    return seen


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("parsed/*/*/*.pickle"))


def test_a_second_load_parses_nothing_and_gives_the_same(
    root: Path, tmp_path: Path, parsed_paths: list[Path]
) -> None:
    cache = tmp_path / "cache"
    first = load_library(root, ParsedFiles(cache, root))
    assert len(parsed_paths) == 5
    parsed_paths.clear()
    second = load_library(root, ParsedFiles(cache, root))
    assert parsed_paths == []
    assert second.library == first.library == load_library(root).library
    assert len(_entries(cache)) == 5


def test_an_edited_file_alone_is_parsed_again(
    root: Path, tmp_path: Path, parsed_paths: list[Path]
) -> None:
    cache = tmp_path / "cache"
    load_library(root, ParsedFiles(cache, root))
    guide = root / "guides/elderly/allowance.yaml"
    guide.write_text(GUIDE.replace("高龄津贴申领", "高龄津贴领取"), encoding="utf-8")
    parsed_paths.clear()
    result = load_library(root, ParsedFiles(cache, root))
    assert parsed_paths == [guide]
    assert result.library.guides["allowance"].name == "高龄津贴领取"
    # The entry of the old version is gone: the cache holds one entry a file.
    assert len(_entries(cache)) == 5


def test_a_changed_fact_type_reads_the_guides_again(
    root: Path, tmp_path: Path, parsed_paths: list[Path]
) -> None:
    # A worked example's answers are typed by their facts: the guide's bytes alone do not decide.
    cache = tmp_path / "cache"
    load_library(root, ParsedFiles(cache, root))
    facts = root / "guides/_facts/common.yaml"
    facts.write_text(FACTS.replace("type: number", "type: text", 1), encoding="utf-8")
    parsed_paths.clear()
    load_library(root, ParsedFiles(cache, root))
    assert set(parsed_paths) == {facts, root / "guides/elderly/allowance.yaml"}


def test_findings_come_back_from_the_cache(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    broken = root / "policies/broken.yaml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    expected = [str(finding) for finding in load_library(root).report.findings]
    assert expected  # the broken policy is reported
    load_library(root, ParsedFiles(cache, root))
    again = load_library(root, ParsedFiles(cache, root))
    assert [str(finding) for finding in again.report.findings] == expected


def test_a_damaged_entry_is_parsed_again(
    root: Path, tmp_path: Path, parsed_paths: list[Path]
) -> None:
    cache = tmp_path / "cache"
    expected = load_library(root, ParsedFiles(cache, root)).library
    damaged = _entries(cache)[0]
    damaged.write_bytes(damaged.read_bytes()[:-10])
    other = _entries(cache)[1]
    # Sealed but foreign: a well-formed entry that holds the wrong shape is not trusted either.
    header = other.read_bytes()[: other.read_bytes().index(b"\n") + 1]
    payload = pickle.dumps(["not", "a", "parse"])
    other.write_bytes(header + hashlib.sha256(payload).digest() + payload)
    parsed_paths.clear()
    result = load_library(root, ParsedFiles(cache, root))
    assert len(parsed_paths) == 2
    assert result.library == expected


def test_a_cache_that_cannot_be_written_only_costs_a_parse(root: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    result = load_library(root, ParsedFiles(blocked, root))
    assert result.library == load_library(root).library


def test_another_root_has_its_own_entries(tmp_path: Path, parsed_paths: list[Path]) -> None:
    # Findings name their file: a copy of the same content elsewhere must not reuse them.
    cache = tmp_path / "cache"
    first = write_content(tmp_path / "one")
    second = write_content(tmp_path / "two")
    load_library(first, ParsedFiles(cache, first))
    parsed_paths.clear()
    result = load_library(second, ParsedFiles(cache, second))
    assert len(parsed_paths) == 5
    assert result.library.root == second
    assert result.library.guides["allowance"].where.file.is_relative_to(second)
