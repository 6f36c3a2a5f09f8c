"""`govtui sync`, `govtui report` and `govtui ratings-export` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui.cli import app
from govtui.events.store import EventStore
from govtui.paths import data_dir
from tests.events.helpers import rating, search
from tests.render.helpers import CONTENT

runner = CliRunner()
# The small synthetic content: the report needs only service names and the calendar from it.
SMALL = ["--content", str(CONTENT)]


@pytest.fixture
def terminal() -> EventStore:
    store = EventStore.terminal(data_dir())
    store.add([rating("very_dissatisfied", text="态度差"), rating("unrated"), search("殡葬费")])
    return store


def test_push_then_report_from_the_county(
    terminal: EventStore, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVTUI_DATABASE_URL", postgres_url)
    pushed = runner.invoke(app, ["sync", "push"])
    assert pushed.exit_code == 0, pushed.output
    assert "已上传 3 条事件（县里新收到 3 条）" in pushed.stdout
    assert runner.invoke(app, ["sync", "push"]).stdout.startswith("没有需要上传的事件")
    report = runner.invoke(app, [*SMALL, "--lang", "en", "report", "--format", "json"])
    assert report.exit_code == 0, report.output
    figures = json.loads(report.stdout)
    assert figures["source"] == "postgresql"
    assert figures["total"]["counts"]["very_dissatisfied"] == 1
    assert figures["total"]["counts"]["unrated"] == 1
    assert figures["queries"][0]["query"] == "殡葬费"
    local = json.loads(runner.invoke(app, [*SMALL, "report", "--local", "--format", "json"]).stdout)
    assert local["source"] == "sqlite" and local["total"] == figures["total"]


def test_a_failed_push_says_so_and_keeps_everything(
    terminal: EventStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVTUI_DATABASE_URL", f"postgresql://x@/none?host={tmp_path}")
    failed = runner.invoke(app, ["sync", "push"])
    assert failed.exit_code == 1
    assert "连接不上县里的数据库" in failed.stderr and "Traceback" not in failed.output
    assert terminal.count_unsent() == 3


def test_push_without_a_database_explains_the_usb_way(terminal: EventStore) -> None:
    result = runner.invoke(app, ["sync", "push"])
    assert result.exit_code == 2
    assert "sync export" in result.stderr


def test_the_usb_round_trip_through_the_commands(
    terminal: EventStore, tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb.jsonl"
    exported = runner.invoke(app, ["sync", "export", str(usb)])
    assert exported.exit_code == 0, exported.output
    assert len(usb.read_text(encoding="utf-8").splitlines()) == 3
    assert runner.invoke(app, ["sync", "export", str(usb)]).exit_code == 1  # no silent overwrite
    monkeypatch.setenv("GOVTUI_DATABASE_URL", postgres_url)
    first = runner.invoke(app, ["sync", "import", str(usb)])
    again = runner.invoke(app, ["sync", "import", str(usb)])
    assert "新增 3 条" in first.stdout and "新增 0 条" in again.stdout
    with EventStore.open(postgres_url) as county:
        assert county.count() == 3
    broken = tmp_path / "broken.jsonl"
    broken.write_text(usb.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    refused = runner.invoke(app, ["sync", "import", str(broken)])
    assert refused.exit_code == 1 and "第 4 行" in refused.stderr


def test_html_report_and_ratings_export_both_ways(terminal: EventStore, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = runner.invoke(app, [*SMALL, "report", "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "<svg" in page.read_text(encoding="utf-8")
    for codes, worst in (("gb", "5"), ("reversed", "1")):
        target = tmp_path / f"ratings-{codes}.json"
        done = runner.invoke(
            app, ["ratings-export", str(target), "--codes", codes, "--format", "json"]
        )
        assert done.exit_code == 0, done.output
        [row] = json.loads(target.read_text(encoding="utf-8"))
        assert (row["满意度"], str(row["满意度代码"])) == ("非常不满意", worst)
        assert "未评价的 1 次" in done.stdout
    missing = runner.invoke(app, ["ratings-export", str(tmp_path / "x.csv")])
    assert missing.exit_code == 2  # the code direction is the caller's explicit choice


def test_bad_dates_are_a_clear_message(terminal: EventStore) -> None:
    result = runner.invoke(app, [*SMALL, "report", "--from", "2026-12-01", "--to", "2026-11-01"])
    assert result.exit_code == 2 and "晚于" in result.stderr
