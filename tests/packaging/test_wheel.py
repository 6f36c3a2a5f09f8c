"""The wheel ships the sample content, and an installed govtui finds it outside a checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def wheel(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(repository),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    [built] = output.glob("govtui-*.whl")
    return built


def test_wheel_contains_only_code_and_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    content = [name for name in names if name.startswith("govtui/_content/")]
    assert "govtui/_content/guides/_facts/common.yaml" in content
    assert any(name.startswith("govtui/_content/policies/") for name in content)
    assert all(name.endswith((".yaml", ".md")) for name in content), content
    assert "govtui/tui/app.tcss" in names


def test_installed_package_finds_its_bundled_content(wheel: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    environment = {**os.environ, "PYTHONPATH": str(installed)}
    environment.pop("GOVTUI_CONTENT", None)
    result = subprocess.run(
        [sys.executable, "-m", "govtui", "list", "--kind", "bundle", "--json"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5
    where = subprocess.run(
        [sys.executable, "-c", "import govtui.paths as p; print(p.find_content_root())"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(installed / "govtui" / "_content")
