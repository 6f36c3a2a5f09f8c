"""`govtui checklist ID --case-code CODE`: a script prints the checklist for a case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui import cli
from tests.content.helpers import write_content

runner = CliRunner()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


def _checklist(content: Path, *arguments: str):  # type: ignore[no-untyped-def]
    return runner.invoke(
        cli.app,
        ["--content", str(content), "checklist", "allowance", "--as-of", "2026-11-22", *arguments],
    )


def test_the_case_code_is_printed_on_the_checklist(content: Path, tmp_path: Path) -> None:
    text = _checklist(content, "--case-code", "QH-7K4Q")
    assert text.exit_code == 0, text.stderr
    assert "案件编号：QH-7K4Q" in text.stdout
    data = _checklist(content, "--case-code", "QH-7K4Q", "--format", "json")
    assert json.loads(data.stdout)["case_code"] == "QH-7K4Q"
    page = tmp_path / "checklist.html"
    html = _checklist(content, "--case-code", "QH-7K4Q", "--format", "html", "-o", str(page))
    assert html.exit_code == 0, html.stderr
    assert page.read_text(encoding="utf-8").count('<svg width="') == 1


def test_without_it_there_is_none(content: Path) -> None:
    result = _checklist(content, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["case_code"] is None
    assert "案件编号" not in _checklist(content).stdout


@pytest.mark.parametrize("code", ["QH7K4Q", "QH-7K-4Q", "ABCDEFGH-12345678", "张三-1"])
def test_a_malformed_case_code_is_refused_with_what_a_code_looks_like(
    content: Path, code: str
) -> None:
    result = runner.invoke(
        cli.app,
        ["--content", str(content), "--lang", "en", "checklist", "allowance", "--case-code", code],
    )
    assert result.exit_code == 2
    assert f"--case-code {code}: a case code is letters and digits with one hyphen" in (
        result.stderr
    )
    assert "at most 16 characters, such as QH-7K4Q" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
