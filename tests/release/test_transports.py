"""`govtui release fetch`: a URL or a git remote (read with dulwich) ends in the same apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui.cli import app
from govtui.paths import managed_content_root, releases_dir
from govtui.release.archive import build_release
from tests.release.conftest import County


def _release(county: County, folder: Path, version: str) -> Path:
    path = folder / f"content-{version}.tar.gz"
    build_release(county.content, path, version=version, secret_key=county.secret_key)
    return path


def test_fetch_by_url_applies_the_release(county: County, tmp_path: Path) -> None:
    release = _release(county, tmp_path, "2026.11.01")
    result = CliRunner().invoke(app, ["release", "fetch", release.as_uri()])
    assert result.exit_code == 0, result.stderr
    assert "2026.11.01" in result.stderr
    assert managed_content_root() is not None
    assert not list((releases_dir() / "downloads").glob("*.tar.gz"))


def test_fetch_from_a_missing_url_says_so(county: County, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["release", "fetch", (tmp_path / "none.tar.gz").as_uri()])
    assert result.exit_code == 1
    assert "无法取得" in result.stderr and "Traceback" not in result.stderr
    assert managed_content_root() is None


def test_fetch_from_git_picks_the_newest_release(county: County, tmp_path: Path) -> None:
    from dulwich import porcelain

    remote = tmp_path / "remote"
    remote.mkdir()
    repository = porcelain.init(str(remote))
    for version in ("2026.10.01", "2026.11.01"):
        _release(county, remote, version)
    (remote / "README").write_text("releases\n")
    porcelain.add(repository, paths=[str(path) for path in remote.iterdir() if path.name != ".git"])
    porcelain.commit(
        repository,
        message=b"releases",
        author=b"county <c@example>",
        committer=b"county <c@example>",
    )
    result = CliRunner().invoke(app, ["release", "fetch", "git", str(remote)])
    assert result.exit_code == 0, result.stderr
    assert "2026.11.01" in result.stderr
    root = managed_content_root()
    assert root is not None and root.name == "2026.11.01"


@pytest.mark.parametrize("arguments", [["git"], ["https://a", "b"]])
def test_fetch_usage(arguments: list[str]) -> None:
    result = CliRunner().invoke(app, ["release", "fetch", *arguments])
    assert result.exit_code == 2
    assert "govtui release fetch" in result.stderr
