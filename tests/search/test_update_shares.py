"""An update that reads only its documents' files makes the index reading everything would."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pytest

from govtui.search import index as index_module
from govtui.search import open_index
from govtui.search.shares import NeedsWholeLibrary, Shares, load_shares, update_files
from govtui.search.store import Store

RENEWAL = "guides/identity/id-card-renewal.yaml"
REPLACEMENT = "guides/identity/id-card-replacement.yaml"
BUNDLE = "guides/bundles/id-card-matters.yaml"
LAW = "policies/id-card-law.yaml"
REGISTRIES = {
    "guides/_categories.yaml",
    "guides/_locality.yaml",
    "guides/_facts/common.yaml",
    "guides/_synonyms.yaml",
}


def _replace(old: str, new: str, relative: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _remove(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


def _add_guide(root: Path) -> None:
    text = (root / RENEWAL).read_text(encoding="utf-8")
    text = text.replace("id: id-card-renewal", "id: passport-renewal").replace("身份证", "护照")
    (root / "guides/identity/passport-renewal.yaml").write_text(text, encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "a bundle member's name": _replace("name: 居民身份证换领", "name: 居民身份证到期换领", RENEWAL),
    "a bundle's new member": _replace(
        "guides: [id-card-renewal, id-card-replacement]",
        "guides: [id-card-renewal, id-card-replacement, residence-permit]",
        BUNDLE,
    ),
    "a removed bundle member": _remove(REPLACEMENT),
    "a policy's article": _replace("证件工本费", "证件工本费用", LAW),
    "a new guide": _add_guide,
    "a renamed category (a registry)": _replace(
        "社会救助", "社会救助与帮扶", "guides/_categories.yaml"
    ),
}


def _state(root: Path, cache: Path) -> tuple[list[Any], str, Shares]:
    """Everything an update leaves: the stored documents, the query tables, the shares."""
    with open_index(root, cache) as index:
        assert index.stats()["build_mode"] == "incremental"
        reader = index._index.reader()
        try:
            stored = sorted(reader.all_stored_fields(), key=lambda fields: str(fields["id"]))
        finally:
            reader.close()
        shares = load_shares(index.directory)
        tables = (index.directory / "tables.json").read_text(encoding="utf-8")
    assert shares is not None
    return stored, tables, shares


def _whole_library(
    root: Path, store: Store, digests: dict[str, str], shares: Shares, changed: set[str]
) -> Any:
    return index_module._load(root, store, digests)


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_update_from_a_part_of_the_library_equals_one_from_all_of_it(
    edit: str, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    shutil.copytree(content, other)
    (tmp_path / "cache-a").mkdir()
    (tmp_path / "cache-b").mkdir()
    for root, cache in ((content, tmp_path / "cache-a"), (other, tmp_path / "cache-b")):
        open_index(root, cache).close()
        EDITS[edit](root)
    partial = _state(content, tmp_path / "cache-a")
    monkeypatch.setattr(index_module, "_load_for_update", _whole_library)
    whole = _state(other, tmp_path / "cache-b")
    assert partial[0] == whole[0]
    assert partial[1] == whole[1]
    assert partial[2].words == whole[2].words
    assert partial[2].documents == whole[2].documents


def _files_read(monkeypatch: pytest.MonkeyPatch) -> list[Collection[str] | None]:
    """The `only` of every load_library call from now on (None: the whole library)."""
    from govtui.content import loader

    calls: list[Collection[str] | None] = []
    real = loader.load_library

    def recording(root: Path, parsed: Any = None, only: Collection[str] | None = None) -> Any:
        calls.append(only)
        return real(root, parsed, only)

    monkeypatch.setattr(loader, "load_library", recording)
    return calls


@pytest.mark.parametrize(
    ("edit", "query", "found", "read"),
    [
        # A member's bundle and the bundle's other members, and no other guide.
        (
            "a bundle member's name",
            "身份证到期换领",
            "id-card-renewal",
            REGISTRIES | {RENEWAL, REPLACEMENT, BUNDLE},
        ),
        # That policy alone of the documents.
        ("a policy's article", "工本费用", "id-card-law#21", REGISTRIES | {LAW}),
    ],
    ids=["member guide", "policy"],
)
def test_an_update_reads_the_changed_file_and_what_its_documents_draw_on(
    edit: str,
    query: str,
    found: str,
    read: set[str],
    content: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_index(content).close()
    EDITS[edit](content)
    calls = _files_read(monkeypatch)
    with open_index(content) as index:
        assert index.search(query)[0].id == found
    assert calls == [read]


def test_a_bundles_new_member_is_read_in_a_second_pass(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(content).close()
    EDITS["a bundle's new member"](content)
    calls = _files_read(monkeypatch)
    open_index(content).close()
    first = REGISTRIES | {RENEWAL, REPLACEMENT, BUNDLE}
    assert calls == [first, first | {"guides/assistance/residence-permit.yaml"}]


def test_a_removed_member_leaves_its_bundle_in_the_index(content: Path) -> None:
    open_index(content).close()
    EDITS["a removed bundle member"](content)
    with open_index(content) as index:
        assert index.stats()["documents"]["bundle"] == 1
        hits = index.search("身份证一件事", limit=50)
        assert [hit.id for hit in hits].count("id-card-matters") == 1


def test_a_changed_registry_or_a_file_name_used_twice_needs_the_whole_library() -> None:
    shares = Shares({}, {})
    names = [RENEWAL, "guides/other/id-card-renewal.yaml", LAW, *REGISTRIES]
    with pytest.raises(NeedsWholeLibrary):
        update_files(shares, {"guides/_synonyms.yaml"}, names)
    with pytest.raises(NeedsWholeLibrary):
        update_files(shares, {RENEWAL}, names)
    assert update_files(shares, {LAW}, names) == REGISTRIES | {LAW}
