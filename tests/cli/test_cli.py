"""The command line through CliRunner: arguments, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtui import cli
from govtui.content.kinds import DOCUMENT_KINDS, HIT_KINDS
from govtui.render.formats import EXPORT_FORMATS
from tests.content.helpers import GUIDE, write_content

runner = CliRunner()


def run(*arguments: str, input_text: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(cli.app, list(arguments), input=input_text)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("lint", "list", "show", "search", "index", "checklist", "ask", "test"):
        assert command in result.stdout


def test_bare_govtui_opens_the_tui(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    import govtui.tui.app

    monkeypatch.setattr(govtui.tui.app, "run_app", lambda **kwargs: calls.append(kwargs))
    result = run()
    assert result.exit_code == 0
    assert len(calls) == 1
    assert calls[0]["language"] == "zh"


def test_lint_clean_exits_zero(content: Path) -> None:
    result = run("lint", str(content))
    assert result.exit_code == 0
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_lint_broken_guide_exits_two_with_file_and_line(content: Path) -> None:
    path = content / "guides/elderly/allowance.yaml"
    path.write_text(GUIDE.replace("visits: 1", "visits: lots"), encoding="utf-8")
    result = run("lint", str(content))
    assert result.exit_code == 2
    assert f"{path}:" in result.stdout
    assert "visits: expected a whole number" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_lint_json_and_strict(content: Path) -> None:
    guide = content / "guides/elderly/allowance.yaml"
    guide.write_text(guide.read_text().replace("delivery: [按月发放到本人账户]\n", ""))
    result = run("lint", str(content), "--json")
    assert result.exit_code == 0
    findings = json.loads(result.stdout)
    assert findings and {f["severity"] for f in findings} == {"warning"}
    assert {"file", "line", "column", "field", "message"} <= set(findings[0])
    assert run("lint", str(content), "--strict").exit_code == 1


def test_lint_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--lang", "en", "lint", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "has no guides/ and policies/ folders" in result.stderr


def test_list_json(content: Path) -> None:
    result = run("--content", str(content), "list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {(row["id"], row["kind"]) for row in rows} == {
        ("allowance", "guide"),
        ("elderly-law", "policy"),
    }
    assert all(row["title"] for row in rows)


def test_list_kind_filter_and_bad_kind(content: Path) -> None:
    result = run("--content", str(content), "list", "--kind", "policy")
    assert result.exit_code == 0
    assert "elderly-law" in result.stdout and "allowance" not in result.stdout
    assert run("--content", str(content), "list", "--kind", "spoon").exit_code == 2


def test_show_text_and_json(content: Path) -> None:
    result = run("--content", str(content), "show", "allowance")
    assert result.exit_code == 0
    assert "高龄津贴申领" in result.stdout
    assert "办理人为委托代理人" in result.stdout
    shown = json.loads(run("--content", str(content), "show", "allowance", "--json").stdout)
    assert shown["id"] == "allowance"
    assert shown["materials"][1]["when"] == 'applicant_role == "agent"'


def test_show_unknown_id_suggests_the_nearest(content: Path) -> None:
    result = run("--content", str(content), "show", "alowance")
    assert result.exit_code == 1
    assert "是不是要找：allowance？" in result.stderr
    assert "Traceback" not in result.stderr
    english = run("--content", str(content), "--lang", "en", "show", "alowance")
    assert "Did you mean: allowance?" in english.stderr


def test_environment_variable_selects_content(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVTUI_CONTENT", str(content))
    assert "allowance" in run("list").stdout


def test_checklist_json_contract(content: Path) -> None:
    result = run(
        "--content",
        str(content),
        "checklist",
        "allowance",
        "--format",
        "json",
        "--answer",
        "age=70",
        "--as-of",
        "2026-11-22",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["eligibility"]["state"] == "not_eligible"
    assert data["eligibility"]["reasons"]
    for key in ("materials", "next_question", "form", "steps", "office", "fee", "time_limits"):
        assert key in data


def test_checklist_bad_answers_are_clear(content: Path, tmp_path: Path) -> None:
    unknown = run(
        "--content", str(content), "--lang", "en", "checklist", "allowance", "--answer", "agee=70"
    )
    assert unknown.exit_code == 2
    assert "there is no fact 'agee'. Did you mean: age?" in unknown.stderr
    invalid = run("--content", str(content), "checklist", "allowance", "--answer", "age=old")
    assert invalid.exit_code == 2
    assert "--answer age=old：age：请输入一个数字。" in invalid.stderr
    shape = run("--content", str(content), "checklist", "allowance", "--answer", "age")
    assert shape.exit_code == 2 and "FACT=VALUE" in shape.stderr
    broken = tmp_path / "answers.yaml"
    broken.write_text("age: [1\n")
    from_file = run("--content", str(content), "checklist", "allowance", "--answers", str(broken))
    assert from_file.exit_code == 2 and f"{broken}:" in from_file.stderr


def test_checklist_answers_file_and_output_file(content: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 85\nhukou_local: true\napplicant_role: agent\n")
    output = tmp_path / "out.md"
    first = run(
        "--content",
        str(content),
        "checklist",
        "allowance",
        "--answers",
        str(answers),
        "--format",
        "markdown",
        "-o",
        str(output),
    )
    assert first.exit_code == 0, first.stderr
    assert "授权委托书" in output.read_text(encoding="utf-8")
    again = run("--content", str(content), "checklist", "allowance", "-o", str(output))
    assert again.exit_code == 1 and "--force" in again.stderr
    forced = run("--content", str(content), "checklist", "allowance", "-o", str(output), "--force")
    assert forced.exit_code == 0


def test_checklist_refuses_a_policy_and_a_bad_date(content: Path) -> None:
    policy = run("--content", str(content), "checklist", "elderly-law")
    assert policy.exit_code == 2 and "“elderly-law”是政策" in policy.stderr
    date = run("--content", str(content), "checklist", "allowance", "--as-of", "tomorrow")
    assert date.exit_code == 2 and "YYYY-MM-DD" in date.stderr


def test_ask_reads_answers_from_a_pipe(content: Path) -> None:
    result = run(
        "--content",
        str(content),
        "ask",
        "allowance",
        "--as-of",
        "2026-11-22",
        input_text="85\n是\n2\n",
    )
    assert result.exit_code == 0, result.stdout
    assert "授权委托书" in result.stdout


def test_ask_accepts_fact_assignments_and_reports_bad_lines(content: Path) -> None:
    good = run("--content", str(content), "ask", "allowance", input_text="age=70\n")
    assert good.exit_code == 0
    bad = run("--content", str(content), "ask", "allowance", input_text="85\nmaybe\n")
    assert bad.exit_code == 2
    assert "2" in bad.stdout and "是" in bad.stdout


def test_ask_partial_input_prints_branches(content: Path) -> None:
    result = run("--content", str(content), "ask", "allowance", input_text="85\n")
    assert result.exit_code == 0
    assert "委托代理人" in result.stdout


def test_test_command_reports_passes_and_coverage(content: Path) -> None:
    result = run("--content", str(content), "test")
    assert result.exit_code == 0
    assert "2 passed, 0 failed" in result.stdout
    assert "conditional materials no example reaches: none" in result.stdout


def test_test_command_fails_on_a_wrong_expectation(content: Path) -> None:
    path = content / "guides/elderly/allowance.yaml"
    path.write_text(
        GUIDE.replace(
            "expect: {eligibility: likely, materials: [applicant-id-card, hukou-booklet]}",
            "expect: {eligibility: unknown, materials: [applicant-id-card]}",
        )
    )
    result = run("--content", str(content), "test", "allowance")
    assert result.exit_code == 1
    assert "FAIL allowance: 本人" in result.stdout
    assert "eligibility is likely, expected unknown" in result.stdout


def test_search_json_contract(content: Path) -> None:
    result = run("--content", str(content), "search", "高龄补贴", "--json")
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "allowance"
    assert {"id", "kind", "title", "score", "snippet", "matched"} <= set(hits[0])
    articles = json.loads(
        run("--content", str(content), "search", "补贴", "--kind", "article", "--json").stdout
    )
    assert articles and all(hit["kind"] == "article" and hit["policy"] for hit in articles)


def test_search_stdin_prints_json_lines(content: Path) -> None:
    result = run(
        "--content", str(content), "search", "--stdin", "--json", input_text='高龄补贴\n\n(("*:\n'
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["results"][0]["id"] == "allowance"
    assert json.loads(lines[1]) == {"query": "", "results": []}


@pytest.mark.parametrize(
    "query", ["", "   ", 'title:"x" AND (', "\x00\x1b[31m", "😀" * 50, "低" * 5000]
)
def test_search_never_shows_a_traceback(content: Path, query: str) -> None:
    result = run("--content", str(content), "search", query)
    assert result.exit_code == 0
    assert "Traceback" not in result.stdout + result.stderr


def test_search_usage_errors(content: Path) -> None:
    assert run("--content", str(content), "search", "x", "--kind", "spoon").exit_code == 2
    assert run("--content", str(content), "search").exit_code == 2
    assert run("--content", str(content), "search", "x", "--stdin").exit_code == 2


def test_index_stats(content: Path) -> None:
    result = run("--content", str(content), "index", "--stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), dict)


def test_a_search_with_the_index_built_loads_no_segmenter_pinyin_or_yaml(content: Path) -> None:
    """What keeps a cold `govtui search` fast: the query path reads the tables saved beside the
    index instead of loading jieba's dictionary, pypinyin, the YAML content or its models, and
    Whoosh comes without the HTTP client and asyncio it would import for nothing."""
    assert run("--content", str(content), "index").exit_code == 0
    probe = (
        "import sys; from govtui.cli import main; sys.argv = ['govtui', '--content', sys.argv[1],"
        " 'search', '高龄补贴', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('jieba', 'pypinyin', 'yaml', 'pydantic', 'textual', 'govtui.content.loader',"
        " 'govtui.content.models', 'sqlite3', 'urllib.request', 'asyncio')\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(content)], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout)[0]["id"] == "allowance"
    assert done.stderr.strip() == "[]"


def test_checklist_print_sends_the_text_to_the_printer(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.render.test_printing import install_spooler

    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    shown = run("--content", str(content), "checklist", "allowance", "--width", "48")
    printed = run("--content", str(content), "checklist", "allowance", "--width", "48", "--print")
    assert printed.exit_code == 0, printed.stderr
    assert printed.stdout == ""
    assert "已发送到打印机（request id is counter-7" in printed.stderr
    assert Path(f"{record}.txt").read_text(encoding="utf-8") == shown.stdout
    html = run("--content", str(content), "checklist", "allowance", "--print", "-f", "html")
    assert html.exit_code == 2 and "--print" in html.stderr


@pytest.mark.parametrize(
    ("language", "refused", "unknown"),
    [
        ("zh", "已经存在；如要覆盖，请加 --force。", "没有编号为“ghost”的事项、政策或一件事。"),
        ("en", "already exists; pass --force to overwrite it.", "has the id 'ghost'."),
    ],
)
def test_errors_speak_the_language_of_lang(
    content: Path, tmp_path: Path, language: str, refused: str, unknown: str
) -> None:
    existing = tmp_path / "notice.txt"
    existing.write_text("kept\n", encoding="utf-8")
    common = ("--content", str(content), "--lang", language)
    exists = run(*common, "checklist", "allowance", "-o", str(existing))
    assert exists.exit_code == 1
    assert exists.stderr == f"govtui: {existing} {refused}\n"
    assert existing.read_text(encoding="utf-8") == "kept\n"
    missing = run(*common, "show", "ghost")
    assert missing.exit_code == 1 and unknown in missing.stderr


@pytest.mark.parametrize(
    ("arguments", "option", "accepted"),
    [
        (("list", "--kind", "spoon"), "--kind", DOCUMENT_KINDS),
        (("search", "x", "--kind", "spoon"), "--kind' / '-k", HIT_KINDS),
        (("checklist", "allowance", "--format", "spoon"), "--format' / '-f", EXPORT_FORMATS),
        (("--lang", "spoon", "list"), "--lang", ("zh", "en")),
    ],
)
def test_a_value_outside_a_fixed_set_is_refused_with_the_core_list(
    content: Path, arguments: tuple[str, ...], option: str, accepted: tuple[str, ...]
) -> None:
    result = run("--content", str(content), *arguments)
    assert result.exit_code == 2
    listed = ", ".join(repr(value) for value in accepted)
    assert f"Invalid value for '{option}': 'spoon' is not one of {listed}." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bug_is_reported_plainly_in_the_lang_language(
    content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import govtui.render.listing

    def broken(*arguments: object) -> list[dict[str, str]]:
        raise RuntimeError("boom")

    monkeypatch.setattr(govtui.render.listing, "list_rows", broken)
    monkeypatch.delenv("GOVTUI_DEBUG", raising=False)
    for language, words in (("zh", "内部错误（RuntimeError：boom）"), ("en", "internal error")):
        monkeypatch.setattr(sys, "argv", ["govtui", "--content", str(content), "--lang", language])
        sys.argv.append("list")
        with pytest.raises(SystemExit) as stopped:
            cli.main()
        assert stopped.value.code == 70
        said = capsys.readouterr().err
        assert said.startswith(f"govtui: {words}") and "GOVTUI_DEBUG=1" in said
        assert "Traceback" not in said
