"""`govtui release` and `govtui diff` through CliRunner: exit codes, messages, no tracebacks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui.cli import app
from govtui.config import load_config
from govtui.errors import GovtuiError
from tests.release.conftest import County
from tests.release.helpers import GUIDE, SMALL_CONTENT, edit


def test_build_check_apply_status(county: County, tmp_path: Path) -> None:
    runner = CliRunner()
    release = tmp_path / "r.tar.gz"
    built = runner.invoke(
        app,
        [
            "release",
            "build",
            str(county.content),
            "--version",
            "2026.11.01",
            "--sign",
            str(county.secret_key),
            "-o",
            str(release),
        ],
    )
    assert built.exit_code == 0, built.stderr
    assert "已签名" in built.stderr
    again = runner.invoke(
        app,
        ["release", "build", str(county.content), "--version", "2026.11.01", "-o", str(release)],
    )
    assert again.exit_code == 1 and "--force" in again.stderr
    checked = runner.invoke(app, ["--lang", "en", "release", "check", str(release)])
    assert checked.exit_code == 0 and "signed and whole" in checked.stderr
    applied = runner.invoke(app, ["release", "apply", str(release)])
    assert applied.exit_code == 0, applied.stderr
    status = runner.invoke(app, ["--lang", "en", "release", "status"])
    assert "content version 2026.11.01" in status.stdout
    replay = runner.invoke(app, ["--lang", "en", "release", "apply", str(release)])
    assert replay.exit_code == 1
    assert "not newer" in replay.stderr and "Traceback" not in replay.stderr


def test_a_bad_version_and_a_missing_file(county: County, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(
        app,
        [
            "release",
            "build",
            str(county.content),
            "--version",
            "v1",
            "-o",
            str(tmp_path / "x.tar.gz"),
        ],
    )
    assert bad.exit_code == 1 and "2026.12.01" in bad.stderr
    missing = runner.invoke(app, ["release", "apply", str(tmp_path / "none.tar.gz")])
    assert missing.exit_code == 1 and "找不到发布包" in missing.stderr


@pytest.mark.parametrize("output_format", ["text", "markdown", "html", "json"])
def test_diff_of_two_folders(tmp_path: Path, output_format: str) -> None:
    import shutil

    new = tmp_path / "new"
    shutil.copytree(SMALL_CONTENT, new)
    edit(new, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n")
    result = CliRunner().invoke(
        app, ["diff", str(SMALL_CONTENT), str(new), "-f", output_format, "--as-of", "2026-11-22"]
    )
    assert result.exit_code == 0, result.stderr
    assert "工本费10元" in result.stdout


def test_diff_of_git_revisions(tmp_path: Path) -> None:
    import shutil

    from dulwich import porcelain

    repository = tmp_path / "repository"
    shutil.copytree(SMALL_CONTENT, repository)
    repo = porcelain.init(str(repository))
    porcelain.add(
        repo,
        paths=[
            str(path)
            for path in repository.rglob("*")
            if path.is_file() and ".git" not in path.parts
        ],
    )
    porcelain.commit(repo, message=b"one", author=b"a <a@example>", committer=b"a <a@example>")
    edit(repository, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n")
    porcelain.add(repo, paths=[str(repository / GUIDE)])
    porcelain.commit(repo, message=b"two", author=b"a <a@example>", committer=b"a <a@example>")
    result = CliRunner().invoke(app, ["diff", "git:HEAD~1", "git:HEAD", "--repo", str(repository)])
    assert result.exit_code == 0, result.stderr
    assert "收费由“不收费”改为“工本费10元”" in result.stdout
    unknown = CliRunner().invoke(app, ["diff", "git:nope", "git:HEAD", "--repo", str(repository)])
    assert unknown.exit_code == 1 and "nope" in unknown.stderr


def test_diff_of_something_else(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "none"), str(SMALL_CONTENT)])
    assert result.exit_code == 1 and "git:" in result.stderr


def test_the_configuration_file() -> None:
    path = Path(os.environ["GOVTUI_CONFIG"])
    assert load_config().stale_after_days == 30 and load_config().point_code is None
    path.write_text(
        '[terminal]\npoint_code = "620524-001"\n[content]\nstale_after_days = 7\n', encoding="utf-8"
    )
    assert (load_config().point_code, load_config().stale_after_days) == ("620524-001", 7)
    path.write_text("[content]\nstale_after_days = 0\n", encoding="utf-8")
    with pytest.raises(GovtuiError) as raised:
        load_config()
    assert raised.value.key == "error_config_value"
    path.write_text("[content\n", encoding="utf-8")
    with pytest.raises(GovtuiError) as raised:
        load_config()
    assert raised.value.key == "error_config_syntax"
    path.write_text('[export]\nfolder = "~/告知单"\n', encoding="utf-8")
    assert load_config().export_folder == Path.home() / "告知单"
    path.write_text("[export]\nfolder = 3\n", encoding="utf-8")
    with pytest.raises(GovtuiError) as raised:
        load_config()
    assert raised.value.key == "error_config_value" and "export.folder" in raised.value.message(
        "en"
    )
