"""The installed `govtui` in a real terminal under tmux: keys arrive, the flow works, it exits."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.conftest import DATA

TMUX = shutil.which("tmux")
pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(
        TMUX is None, reason="tmux is not installed, so the real-terminal test cannot run"
    ),
]


def installed_govtui() -> Path:
    """The console script of this environment: beside the interpreter, else on PATH."""
    beside = Path(sys.executable).parent / "govtui"
    if beside.exists():
        return beside
    found = shutil.which("govtui")
    if found is None:
        pytest.skip("the govtui command is not installed in this environment")
    return Path(found)


class Terminal:
    """One detached tmux session on a private server, running one command."""

    def __init__(self, name: str) -> None:
        self.socket = name  # a private server: never touches the developer's own tmux sessions
        self.name = name

    def tmux(self, *arguments: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *arguments], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def start(self, command: str, cwd: Path, width: int = 100, height: int = 30) -> None:
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(cwd),
            command,
        )
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """Poll the pane until `text` shows; fail with the screen as it is."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def key(self, *names: str) -> None:
        for name in names:
            self.tmux("send-keys", "-t", self.name, name)

    def exited(self, timeout: float = 10) -> bool:
        """Wait until the pane's command has ended."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.tmux("list-panes", "-t", self.name, "-F", "#{pane_dead}").strip() == "1":
                return True
            time.sleep(0.1)
        return False

    def close(self) -> None:
        socket = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.tmux("kill-server")
        if socket:
            Path(socket).unlink(missing_ok=True)  # tmux leaves the socket file behind


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    session = Terminal(f"govtui-test-{os.getpid()}")
    try:
        yield session
    finally:
        session.close()


def answer_the_allowance(terminal: Terminal) -> None:
    """From a ready search screen to the allowance's checklist: 85, local hukou, an agent."""
    terminal.type("高龄")
    terminal.wait_for("高龄津贴申领")
    terminal.key("Enter")
    terminal.wait_for("谁可以办")
    terminal.key("s")
    terminal.wait_for("申请人几周岁？")
    terminal.type("85")
    terminal.key("Enter")
    terminal.wait_for("户籍是否在本县？")
    terminal.type("1")
    terminal.wait_for("谁来办理？")
    terminal.type("2")
    terminal.wait_for("C 告知单")  # the review screen's keys are bound
    terminal.type("c")
    terminal.wait_for("还缺2项必交材料")


def test_search_interview_and_export_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[export]\nfolder = {json.dumps(str(tmp_path))}\n", encoding="utf-8")
    environment = {
        "GOVTUI_CONFIG": str(config),
        "GOVTUI_CACHE_DIR": str(tmp_path / "cache"),
        "GOVTUI_DATA_DIR": str(tmp_path / "data"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    settings = " ".join(f"{name}={shlex.quote(value)}" for name, value in environment.items())
    govtui = f"{shlex.quote(str(installed_govtui()))} --content {shlex.quote(str(DATA))}"
    # tmux does not always keep a dead pane's exit status, so the shell writes it down.
    command = f"sh -c {shlex.quote(f'env {settings} {govtui}; echo $? > exit-status')}"
    terminal.start(command, cwd=tmp_path)
    terminal.wait_for("一件事一次办")  # the search screen, usable while the index builds
    terminal.wait_for("可以输入了")  # the index is ready
    answer_the_allowance(terminal)
    terminal.key("Space")  # the ID card, the first material, came today
    terminal.wait_for("还缺1项必交材料")
    terminal.type("e")
    terminal.wait_for("导出告知单")
    terminal.key("Enter")
    screen = terminal.wait_for("已保存到")
    files = sorted(tmp_path.glob("longevity-allowance-*.txt"))
    assert len(files) == 1, screen
    handout = files[0].read_text(encoding="utf-8")
    assert "[✔] 申请人居民身份证" in handout
    still_missing = handout.split("下次请带来：", 1)[1].split("\n\n", 1)[0]
    assert "授权委托书" in still_missing and "申请人居民身份证" not in still_missing
    terminal.key("C-q")
    assert terminal.exited(), terminal.screen()
    assert (tmp_path / "exit-status").read_text().strip() == "0"
