"""A rating given in the real TUI under tmux reaches `govtui report`, then the county's
PostgreSQL after `sync push`, with the ID number typed in the visit nowhere on disk; and the HTML
report opens in headless Chromium.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.tui.conftest import DATA
from tests.tui.test_tmux import TMUX, Terminal, answer_the_allowance, installed_govtui

ID_NUMBER = "11010519491231002X"
CHROMIUM = Path("/usr/bin/chromium")


def _govtui(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(installed_govtui()), "--content", str(DATA), *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.tmux
@pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed, so the real-terminal test cannot run"
)
def test_a_rating_in_the_tui_reaches_the_report_and_the_county(
    tmp_path: Path, postgres_url: str
) -> None:
    environment = {
        "GOVTUI_CACHE_DIR": str(tmp_path / "cache"),
        "GOVTUI_DATA_DIR": str(tmp_path / "data"),
        "GOVTUI_CONFIG": str(tmp_path / "config.toml"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    (tmp_path / "config.toml").write_text('[terminal]\npoint_code = "990105-007"\n')
    settings = " ".join(f"{name}={shlex.quote(value)}" for name, value in environment.items())
    command = (
        f"env {settings} {shlex.quote(str(installed_govtui()))} --content {shlex.quote(str(DATA))}"
    )
    terminal = Terminal(f"govtui-events-{os.getpid()}")
    try:
        terminal.start(command, cwd=tmp_path)
        terminal.wait_for("可以输入了")
        answer_the_allowance(terminal)
        terminal.type("f")
        terminal.type("y")
        terminal.wait_for("请对本次服务评价")
        # The first word moves the focus to the reason box; digits typed before it got there
        # would pick stars, so the rest waits until it shows.
        terminal.type("我")
        terminal.wait_for("我")
        terminal.type(f"叫张三{ID_NUMBER}")
        terminal.wait_for(ID_NUMBER[-6:])
        terminal.key("Enter")
        terminal.type("2")
        terminal.wait_for("谢谢您的评价")
        terminal.key("C-q")
        assert terminal.exited(), terminal.screen()
    finally:
        terminal.close()
    report = _govtui(environment, "report")
    assert report.returncode == 0, report.stderr
    assert "高龄津贴申领" in report.stdout and "不满意" in report.stdout
    assert "990105-007" in report.stdout and ID_NUMBER not in report.stdout
    county = {**environment, "GOVTUI_DATABASE_URL": postgres_url}
    pushed = _govtui(county, "sync", "push")
    assert pushed.returncode == 0, pushed.stderr
    from_county = _govtui(county, "report", "--format", "json")
    assert '"source": "postgresql"' in from_county.stdout
    assert '"dissatisfied": 1' in from_county.stdout
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert ID_NUMBER.encode() not in path.read_bytes(), path
    import psycopg

    with psycopg.connect(postgres_url) as connection:
        rows = connection.execute("SELECT row_to_json(events)::text FROM events").fetchall()
    assert len(rows) == 1 and "990105-007" in rows[0][0]
    assert all(ID_NUMBER not in row[0] for row in rows)


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (Debian package `chromium`)"
)
def test_the_html_report_opens_as_one_page_with_charts(tmp_path: Path) -> None:
    from govtui.events.store import EventStore
    from tests.events.helpers import rating, search

    environment = {"GOVTUI_DATA_DIR": str(tmp_path / "data"), "GOVTUI_CACHE_DIR": str(tmp_path)}
    with EventStore.terminal(tmp_path / "data") as store:
        store.add([rating("very_satisfied"), rating("dissatisfied", text="慢"), search("殡葬")])
    page = tmp_path / "report.html"
    made = _govtui(environment, "report", "--format", "html", "-o", str(page))
    assert made.returncode == 0, made.stderr
    browser = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ]
    dom = subprocess.run(
        [*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60
    )
    assert dom.returncode == 0, dom.stderr
    assert dom.stdout.count('class="bar"') >= 3 and "好差评与搜索分析报告" in dom.stdout
    pdf = tmp_path / "report.pdf"
    printed = subprocess.run(
        [*browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        timeout=60,
    )
    assert printed.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
