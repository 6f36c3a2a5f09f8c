"""Set up a local virtual environment once, then run govtui or its whole test suite."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The exact version of every package the tools and the app install, so a release of any of them
# cannot break the suite without a change here (regenerate it as the README says).
CONSTRAINTS = ROOT / "constraints.txt"
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
USAGE = """usage:
  python3 dev.py app [GOVTUI ARGS...]   set up, then open govtui on the sample content
  python3 dev.py test [PYTEST ARGS...]  set up, then run the static checks and the test suite"""


def ensure_environment(extras: str) -> None:
    """Create .venv and install govtui into it, unless the same install is already there."""
    recipe = (ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes() + extras.encode()
    wanted = hashlib.sha256(recipe).hexdigest()
    stamp = VENV / f".govtui-installed-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("govtui: creating a virtual environment in .venv …", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    target = f".[{extras}]" if extras else "."
    print(f"govtui: installing {target} into .venv (only this first time) …", file=sys.stderr)
    pip = [
        str(BIN / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        str(CONSTRAINTS),
    ]
    # pip applies -c only to the environment it installs into, not to the one it makes for the
    # build backend, so the pinned backends go in first and build in place: hatchling (and
    # editables, which its editable builds import) for govtui, setuptools for jieba, which is
    # published only as a source archive.
    backend = [*pip, "hatchling", "editables", "setuptools"]
    for install in (backend, [*pip, "--no-build-isolation", "-e", target]):
        if subprocess.run(install, cwd=ROOT).returncode != 0:
            raise SystemExit(
                "govtui: installing into .venv failed (see pip's message above). Check that the "
                "package registry is reachable, then run the same command again."
            )
    # Nothing needs setuptools at run time, and jieba imports pkg_resources from it when it is
    # there: 50 ms on every index update.
    subprocess.run(
        [str(BIN / "python"), "-m", "pip", "uninstall", "--quiet", "--yes", "setuptools"],
        cwd=ROOT,
        check=False,
    )
    stamp.write_text(wanted)


def run(command: list[str]) -> int:
    """Run one step of the suite, echoing it first so a failure is easy to reproduce."""
    print("+ " + " ".join(command), file=sys.stderr, flush=True)
    return subprocess.run(command, cwd=ROOT).returncode


def test(pytest_args: list[str]) -> int:
    """Static checks first (they are fast and explain most failures), then pytest."""
    ensure_environment("dev")
    steps = [
        [str(BIN / "ruff"), "check", "govtui", "tests", "benchmarks", "dev.py"],
        [str(BIN / "ruff"), "format", "--check", "govtui", "tests", "benchmarks", "dev.py"],
        [str(BIN / "mypy")],
        [str(BIN / "lint-imports")],
        [str(BIN / "govtui"), "lint", str(ROOT)],
    ]
    failed = [" ".join(step[:2]) for step in steps if run(step) != 0]
    status = run([str(BIN / "python"), "-m", "pytest", *pytest_args])
    if failed:
        print(f"govtui: these checks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return status


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(USAGE, file=sys.stderr)
        return 2
    if argv[0] == "test":
        return test(argv[1:])
    ensure_environment("")
    os.chdir(ROOT)
    os.execv(str(BIN / "govtui"), [str(BIN / "govtui"), *argv[1:]])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
