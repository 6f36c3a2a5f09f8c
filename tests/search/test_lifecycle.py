"""The index's lifecycle: build once, update one file, swap atomically, survive kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from govtui.search import SearchIndex, open_index, search
from govtui.search.store import Store

DIBAO = "guides/assistance/dibao-application.yaml"


def _edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_first_open_builds_then_reuses(content: Path) -> None:
    calls: list[tuple[int, int]] = []
    with open_index(content, progress=lambda done, total: calls.append((done, total))) as first:
        stats = first.stats()
    assert stats["build_mode"] == "full"
    assert stats["documents"] == {
        "guide": 4,
        "bundle": 1,
        "policy": 2,
        "article": 3,
        "elsewhere": 0,
    }
    assert calls[-1][0] == calls[-1][1] == 10
    with open_index(content, progress=lambda done, total: calls.append((done, total))) as second:
        assert second.directory == first.directory
    assert calls[-1] == (10, 10)  # no second build


def test_one_changed_file_is_reindexed_alone(content: Path) -> None:
    with open_index(content) as before:
        assert before.search("试点") == []
    _edit(content, DIBAO, "可以申请按月领取低保金", "可以申请按月领取低保金，本县为试点县")
    with open_index(content) as after:
        stats = after.stats()
        assert stats["build_mode"] == "incremental"
        assert stats["changed_files"] == [DIBAO]
        assert stats["total_documents"] == 10
        assert [hit.id for hit in after.search("试点")] == ["dibao-application"]
        # Documents from other files are untouched, and the changed one is not duplicated.
        assert [hit.id for hit in after.search("低保", kind="guide")] == ["dibao-application"]
        assert after.search("居住证")[0].id == "residence-permit"


def test_updates_keep_the_big_segment_and_one_of_updates(content: Path, tmp_path: Path) -> None:
    queries = ["低保", "居住证", "试点", "补贴", "身份证丢了", "dibao"]
    open_index(content).close()
    segment_counts = []
    for number in range(4):
        _edit(content, DIBAO, "按月领取低保金", f"按月领取低保金（第{number}次修订）")
        with open_index(content) as index:
            assert index.stats()["build_mode"] == "incremental"
            segment_counts.append(index.stats()["segments"])
            updated = {query: [hit.id for hit in index.search(query)] for query in queries}
    # The full build's segment stays as it is; each update's is merged with the one before.
    assert segment_counts == [2, 2, 2, 2]
    # And the two-segment index finds what a fresh build of the same content finds. Replaced
    # documents still count in the big segment's term statistics, so near-ties further down may
    # swap; the first five and the set of ten may not change.
    with open_index(content, cache_dir=tmp_path / "fresh") as fresh:
        assert fresh.stats()["segments"] == 1
        for query, ids in updated.items():
            fresh_ids = [hit.id for hit in fresh.search(query)]
            assert ids[:5] == fresh_ids[:5], query
            assert set(ids) == set(fresh_ids), query


def test_a_removed_file_takes_its_documents_with_it(content: Path) -> None:
    open_index(content).close()
    (content / "guides/assistance/residence-permit.yaml").unlink()
    with open_index(content) as index:
        assert "residence-permit" not in {hit.id for hit in index.search("居住证", limit=50)}
        assert index.stats()["documents"]["guide"] == 3


def test_rebuild_builds_from_scratch(content: Path) -> None:
    with open_index(content) as first:
        pass
    with open_index(content, rebuild=True) as second:
        assert second.stats()["build_mode"] == "full"
        assert second.directory != first.directory
        assert second.search("低保")[0].id == "dibao-application"


def test_schema_change_means_a_full_rebuild(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govtui.search import schema

    open_index(content).close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with open_index(content) as index:
        assert index.stats()["build_mode"] == "full"
        assert index.stats()["schema_version"] == schema.SCHEMA_VERSION


def test_an_open_index_outlives_the_next_build(content: Path, cache: Path) -> None:
    old = open_index(content)
    _edit(content, DIBAO, "低保金", "低保救助金")
    with open_index(content) as new:
        assert new.directory != old.directory
    # Still open, so still there and still answering.
    assert old.directory.is_dir()
    assert old.search("低保")[0].id == "dibao-application"
    old.close()
    _edit(content, DIBAO, "低保救助金", "低保补助金")
    with open_index(content):
        pass
    assert not old.directory.exists()  # cleaned up once nobody held it


def test_search_runs_while_a_rebuild_is_in_progress(content: Path) -> None:
    index = open_index(content)
    halfway = threading.Event()
    carry_on = threading.Event()

    def slow_progress(done: int, total: int) -> None:
        if 0 < done < total:
            halfway.set()
            carry_on.wait(timeout=30)

    rebuilt: list[Path] = []
    builder = threading.Thread(
        target=lambda: rebuilt.append(
            open_index(content, rebuild=True, progress=slow_progress).directory
        )
    )
    builder.start()
    try:
        assert halfway.wait(timeout=30)
        # The open index answers, and opening again returns the complete current index at once.
        assert index.search("低保")[0].id == "dibao-application"
        with open_index(content) as meanwhile:
            assert meanwhile.directory == index.directory
            assert meanwhile.search("身份证丢了")[0].id == "id-card-replacement"
    finally:
        carry_on.set()
        builder.join(timeout=60)
    assert rebuilt and rebuilt[0] != index.directory
    assert index.search("低保")[0].id == "dibao-application"
    index.close()


def test_threads_opening_a_stale_index_build_it_once(content: Path) -> None:
    open_index(content).close()
    _edit(content, DIBAO, "低保金", "低保救助金")
    directories: list[Path] = []

    def open_and_record() -> None:
        with open_index(content) as index:
            directories.append(index.directory)

    threads = [threading.Thread(target=open_and_record) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(directories) == 3 and len(set(directories)) == 1


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from govtui.search import SearchIndex, open_index, search

    def progress(done, total):
        if done > 0:
            Path(sys.argv[2]).touch()
            time.sleep(60)

    open_index(Path(sys.argv[1]), rebuild=True, progress=progress)
    """
)


def _kill_mid_build(content: Path, marker: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(content), str(marker)], env=dict(os.environ)
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never started indexing"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_a_build_killed_with_sigkill_leaves_the_previous_index(
    content: Path, cache: Path, tmp_path: Path
) -> None:
    with open_index(content) as before:
        directory = before.directory
    _kill_mid_build(content, tmp_path / "indexing")
    store = Store(cache)
    assert list(store.folder.glob("building-*")), "the killed build left its scratch folder"
    with open_index(content) as after:
        assert after.directory == directory
        assert after.search("低保")[0].id == "dibao-application"
    # The next build cleans up what the killed one left behind.
    with open_index(content, rebuild=True):
        pass
    assert not list(store.folder.glob("building-*"))


def test_a_first_build_killed_with_sigkill_is_simply_redone(content: Path, tmp_path: Path) -> None:
    _kill_mid_build(content, tmp_path / "indexing")
    with open_index(content) as index:
        assert index.stats()["build_mode"] == "full"
        assert index.search("低保")[0].id == "dibao-application"


def test_stats(content: Path) -> None:
    with open_index(content) as index:
        stats = index.stats()
    assert stats["path"] == str(index.directory)
    assert stats["size_bytes"] > 0
    assert stats["fingerprint"] and stats["built"] and stats["build_seconds"] >= 0
    assert stats["content"] == str(content.resolve())


def test_threads_share_one_open_index(small_index: SearchIndex) -> None:
    queries = ["低保", "身份证丢了", "居住证", "换领补领", "sfz", "吃低保"] * 5
    expected = {query: [hit.id for hit in small_index.search(query)] for query in queries}
    failures: list[str] = []

    def run(offset: int) -> None:
        for query in queries[offset:] + queries[:offset]:
            if [hit.id for hit in small_index.search(query)] != expected[query]:
                failures.append(query)

    threads = [threading.Thread(target=run, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []


def test_search_in_one_call(content: Path) -> None:
    assert search(content, "低保")[0].id == "dibao-application"
    assert search(content, "低保", kind="policy") == []
    _edit(content, DIBAO, "低保金", "低保救助金")
    assert search(content, "救助金")[0].id == "dibao-application"  # the change is seen


def test_a_new_member_guide_updates_its_bundle_once(content: Path) -> None:
    open_index(content).close()
    bundle = content / "guides/bundles/id-card-matters.yaml"
    bundle.write_text(
        bundle.read_text(encoding="utf-8").replace(
            "guides: [id-card-renewal, id-card-replacement]",
            "guides: [id-card-renewal, id-card-replacement, residence-permit]",
        ),
        encoding="utf-8",
    )
    with open_index(content) as index:
        assert index.stats()["build_mode"] == "incremental"
        ids = [hit.id for hit in index.search("身份证一件事", limit=50)]
        assert ids.count("id-card-matters") == 1
        # The bundle now answers for its new member (shown, or held below the floor).
        shown, held = index.search_with_suggestions("居住证申领", limit=50)
        assert "id-card-matters" in [hit.id for hit in (*shown, *held)]


def test_renaming_a_category_reindexes_its_guides(content: Path) -> None:
    open_index(content).close()
    _edit(content, "guides/_categories.yaml", "社会救助", "社会救助与帮扶")
    with open_index(content) as index:
        assert index.stats()["build_mode"] == "incremental"
        assert {hit.id for hit in index.search("帮扶", kind="guide")} == {
            "dibao-application",
            "residence-permit",
        }


def test_an_unusable_cache_dir_is_a_plain_error(content: Path, tmp_path: Path) -> None:
    from govtui.errors import GovtuiError

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    with pytest.raises(GovtuiError, match="GOVTUI_CACHE_DIR"):
        open_index(content, cache_dir=blocked)
