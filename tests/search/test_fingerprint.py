"""The index fingerprint: the analysers' versions are part of it, read without importing them."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from govtui.search import installed, open_index
from govtui.search.store import fingerprint


def test_the_versions_are_those_the_installer_recorded() -> None:
    assert installed.analyser_versions() == {name: version(name) for name in installed.ANALYSERS}


def test_reading_them_imports_no_analyser_and_no_metadata_library() -> None:
    probe = (
        "import sys; from govtui.search.installed import analyser_versions\n"
        "assert all(analyser_versions().values())\n"
        "heavy = ('jieba', 'pypinyin', 'opencc', 'importlib.metadata')\n"
        "print(sorted(name for name in heavy if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_analyser_that_is_not_installed_reads_as_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(installed, "ANALYSERS", ("jieba", "no-such-analyser"))
    installed._versions.cache_clear()
    try:
        assert installed.analyser_versions() == {"jieba": version("jieba"), "no-such-analyser": ""}
    finally:
        installed._versions.cache_clear()  # the next caller reads the real list again


def test_a_new_analyser_version_means_a_full_rebuild(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_index(content) as first:
        assert first.stats()["build_mode"] == "full"
    with open_index(content) as again:
        assert again.directory == first.directory
    before = fingerprint({})
    versions = installed.analyser_versions()
    newer = {**versions, "pypinyin": versions["pypinyin"] + ".post1"}
    monkeypatch.setattr(installed, "analyser_versions", lambda: newer)
    assert fingerprint({}) != before
    with open_index(content) as rebuilt:
        # Not an update of the old index: every document goes through the new analyser again.
        assert rebuilt.stats()["build_mode"] == "full"
        assert rebuilt.directory != first.directory
        assert rebuilt.search("低保")[0].id == "dibao-application"
