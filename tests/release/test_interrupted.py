"""An apply killed at random moments leaves the terminal on whole content, old or new."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from govtui.content import load_library
from govtui.paths import find_content_root
from govtui.release.archive import build_release
from govtui.release.service import apply_file
from tests.release.conftest import County
from tests.release.helpers import GUIDE, edit


def _version_in_use() -> str:
    root = find_content_root()
    assert not load_library(root).report.errors, "the content in use must load whole"
    return str(json.loads((root / "manifest.json").read_text("utf-8"))["version"])


def test_killing_an_apply_never_leaves_half_a_release(county: County, tmp_path: Path) -> None:
    build_release(
        county.content, tmp_path / "old.tar.gz", version="1.0", secret_key=county.secret_key
    )
    apply_file(tmp_path / "old.tar.gz")
    edit(county.content, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n")
    randomly = random.Random(20261201)  # the same moments on every run, so a failure repeats
    version = 1
    for _ in range(6):
        version += 1
        release = tmp_path / f"r{version}.tar.gz"
        build_release(county.content, release, version=f"{version}.0", secret_key=county.secret_key)
        before = _version_in_use()
        process = subprocess.Popen(
            [sys.executable, "-m", "govtui", "release", "apply", str(release)],
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(randomly.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _version_in_use() in (before, f"{version}.0")
    # A later apply cleans up whatever the killed ones left and succeeds.
    version += 1
    final = tmp_path / "final.tar.gz"
    build_release(county.content, final, version=f"{version}.0", secret_key=county.secret_key)
    apply_file(final)
    assert _version_in_use() == f"{version}.0"
    folders = sorted(path.name for path in (find_content_root().parent).iterdir())
    assert len(folders) <= 2 and not any(name.startswith(".") for name in folders)
