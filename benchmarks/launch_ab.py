"""TUI launch of this checkout against another one, in turns, in the same minutes.

Usage: python benchmarks/launch_ab.py OTHER_CHECKOUT [--content FOLDER] [--runs N]

Each launch is `tui_speed.py`'s launch probe from its own checkout, with a cache of its own
(the library copy is keyed by the content code, so one shared cache would be re-made at every
turn). The index is built once, by this checkout, and copied. Figures only, never asserted: the
median launch to a usable search screen and, where the probe reports it, to the content read.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _launch(checkout: Path, cache: Path, content: Path) -> dict[str, float]:
    environment = {**os.environ, "GOVTUI_BENCH_STARTED": repr(time.time())}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules kept
    done = subprocess.run(
        [
            PYTHON,
            str(checkout / "benchmarks" / "tui_speed.py"),
            "--probe=launch",
            f"--cache={cache}",
            f"--content={content}",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (e.g. a git worktree)")
    parser.add_argument("--content", type=Path, default=ROOT, help="default: the sample")
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    content = arguments.content.resolve()
    checkouts = {"this": ROOT, "other": arguments.other.resolve()}
    with tempfile.TemporaryDirectory(prefix="govtui-launch-ab-") as folder:
        caches = {name: Path(folder) / name for name in checkouts}
        subprocess.run(
            [str(Path(PYTHON).parent / "govtui"), "--content", str(content), "index"],
            env={**os.environ, "GOVTUI_CACHE_DIR": str(caches["this"])},
            check=True,
            capture_output=True,
        )
        shutil.copytree(caches["this"], caches["other"])
        for name, checkout in checkouts.items():
            _launch(checkout, caches[name], content)  # each makes its library copy
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
        for _ in range(arguments.runs):
            for name, checkout in checkouts.items():
                runs[name].append(_launch(checkout, caches[name], content))
    for name, figures in runs.items():
        usable = statistics.median(run["seconds"] for run in figures)
        read = statistics.median(run.get("content", run["seconds"]) for run in figures)
        print(
            f"{name} ({checkouts[name]}): launch to a usable search {usable:.3f} s median, "
            f"to the content read {read:.3f} s ({len(figures)} launches)"
        )


if __name__ == "__main__":
    main()
