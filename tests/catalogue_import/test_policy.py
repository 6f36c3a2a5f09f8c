"""A policy in .docx and .txt splits into 章/节/条/款, keeps its official text, and is found."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from govtui import cli
from govtui.catalogue.policy import document_lines, parse_policy
from govtui.content.lint import lint
from govtui.content.loader import load_library
from tests.catalogue_import.conftest import REPOSITORY

runner = CliRunner()
LINES = [
    "青禾县困难群众临时救助实施办法",
    "禾政发〔2026〕7号",
    "青禾县人民政府",
    "2026年3月1日",
    "第一章　总则",
    "第一条　为了做好临时救助工作，根据有关规定，制定本办法。",
    "第二条　临时救助遵循应救尽救、及时高效的原则。",
    "第二章　申请与审批",
    "第一节　申请",
    "第三条　申请临时救助，应当提交下列材料：",
    "（一）申请人居民身份证；",
    "（二）遭遇急难情况的说明。",
    "急难发生地乡镇人民政府可以先行救助。",
    "第四条　乡镇人民政府应当自受理之日起五个工作日内完成审核。",
    "第二十三条　本办法自2026年4月1日起施行。",
]


def _docx(path: Path) -> Path:
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_the_structure_and_the_stated_facts_are_read() -> None:
    parsed = parse_policy([line.replace("\u3000", " ") for line in LINES])
    assert parsed.title == "青禾县困难群众临时救助实施办法"
    assert parsed.doc_number == "禾政发〔2026〕7号" and parsed.issuer == "青禾县人民政府"
    assert parsed.issued == datetime.date(2026, 3, 1)
    assert parsed.effective == datetime.date(2026, 4, 1)
    assert [a["number"] for a in parsed.articles] == ["1", "2", "3", "4", "23"]
    third = parsed.articles[2]
    assert third["chapter"] == "第二章 申请与审批" and third["section"] == "第一节 申请"
    assert third["paragraphs"][1:] == [
        "（一）申请人居民身份证；",
        "（二）遭遇急难情况的说明。",
        "急难发生地乡镇人民政府可以先行救助。",
    ]
    assert parsed.chapters == 2


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_an_imported_policy_is_official_text_and_search_finds_it(
    suffix: str, tmp_path: Path
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(REPOSITORY / "tests" / "data" / "content", folder)
    source = tmp_path / f"办法{suffix}"
    if suffix == ".docx":
        _docx(source)
    else:
        source.write_text("\n".join(LINES), encoding="gb18030")
    assert document_lines(source)[0] == LINES[0]
    result = runner.invoke(
        cli.app,
        [
            "import",
            "policy",
            str(source),
            "--out",
            str(folder),
            "--id",
            "temporary-assistance-local",
        ],
    )
    assert result.exit_code == 0, result.output
    policy = load_library(folder).library.policies["temporary-assistance-local"]
    assert {article.text for article in policy.articles} == {"official"}
    assert policy.article("3") is not None
    assert "（一）申请人居民身份证；" in policy.article("3").digest  # type: ignore[union-attr]
    assert [f for f in lint(folder)[1] if f.file.name == "temporary-assistance-local.yaml"] == []
    found = runner.invoke(
        cli.app,
        ["--content", str(folder), "search", "遭遇急难情况的说明", "--kind", "article", "--json"],
    )
    assert found.exit_code == 0, found.output
    assert "temporary-assistance-local" in found.stdout
    shown = runner.invoke(cli.app, ["--content", str(folder), "show", "temporary-assistance-local"])
    assert "正式文本" in shown.stdout


def test_what_the_document_does_not_state_is_asked_for(tmp_path: Path) -> None:
    source = tmp_path / "notice.md"
    source.write_text("# 某某通知\n\n第一条 内容。\n", encoding="utf-8")
    result = runner.invoke(cli.app, ["import", "policy", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--issuer" in result.stderr and "Traceback" not in result.output
    result = runner.invoke(
        cli.app,
        [
            "import",
            "policy",
            str(source),
            "--out",
            str(tmp_path),
            "--issuer",
            "某某局",
            "--doc-number",
            "某字〔2026〕1号",
            "--id",
            "some-notice",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "policies" / "some-notice.yaml").is_file()
