"""The clerk trial's CLI rough edges (m10, M9): --stdin, JSON errors, snippets, dates, English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govtui.i18n import Language
from tests.cli.test_cli import content, run

__all__ = ["content"]  # the fixture, used by name


def test_stdin_json_gives_one_object_per_input_line_echoing_its_query(content: Path) -> None:
    queries = ["高龄补贴", "", "  高龄  ", "xyzzy"]
    result = run(
        "--content", str(content), "search", "--stdin", "--json", input_text="\n".join(queries)
    )
    assert result.exit_code == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["query"] for answer in answers] == queries
    single = json.loads(run("--content", str(content), "search", "高龄补贴", "--json").stdout)
    assert answers[0]["results"] == single
    assert answers[1] == {"query": "", "results": []}
    assert answers[3]["results"] == []


def test_stdin_without_json_prints_each_search_as_text_under_its_query(content: Path) -> None:
    result = run("--content", str(content), "search", "--stdin", input_text="高龄补贴\n\n")
    assert result.exit_code == 0, result.stderr
    shown = result.stdout
    single = run("--content", str(content), "search", "高龄补贴").stdout
    assert shown.startswith(f"搜索：高龄补贴\n{single}\n搜索：\n")
    assert "请输入群众的原话" in shown
    assert "[" not in shown.splitlines()[0] and "{" not in shown


@pytest.mark.parametrize(
    ("arguments", "code", "exit_code", "words"),
    [
        (("show", "--json", "UNKNOWN-ID"), "unknown_id", 1, "UNKNOWN-ID"),
        (("search", "--json"), "search_no_query", 2, "govtui search 低保"),
        (("search", "x", "--json", "--kind", "spoon"), "usage", 2, "'spoon'"),
        (("show", "--json"), "usage", 2, "Missing argument 'ID'"),
    ],
)
def test_an_error_under_json_is_also_a_json_object_on_stdout(
    content: Path, arguments: tuple[str, ...], code: str, exit_code: int, words: str
) -> None:
    result = run("--content", str(content), *arguments)
    assert result.exit_code == exit_code
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code and words in error["message"]
    assert words in result.stderr  # the human message stays where it was


def test_a_json_error_speaks_lang_and_without_json_stdout_stays_empty(content: Path) -> None:
    english = run("--content", str(content), "--lang", "en", "show", "--json", "ghost")
    message = json.loads(english.stdout)["error"]["message"]
    assert message == "No guide, policy or bundle has the id 'ghost'."
    assert english.stderr == f"govtui: {message}\n"
    plain = run("--content", str(content), "show", "ghost")
    assert plain.exit_code == 1 and plain.stdout == ""
    # An earlier --json run leaves nothing behind for the next command.
    assert run("--content", str(content), "show", "ghost").stdout == ""


def test_json_snippets_are_plain_and_their_spans_point_at_the_matches(content: Path) -> None:
    hits = json.loads(run("--content", str(content), "search", "高龄补贴", "--json").stdout)
    shown = run("--content", str(content), "search", "高龄补贴").stdout
    assert hits and any(hit["spans"] for hit in hits)
    for hit in hits:
        snippet = hit["snippet"]
        assert "【" not in snippet and "】" not in snippet
        matched = [snippet[start:end] for start, end in hit["spans"]]
        assert all(matched) and all(start < end for start, end in hit["spans"])
        # The text face marks exactly those terms, in that order, around the same passage.
        marked = next(line.strip() for line in shown.splitlines() if _unmarked(line) == snippet)
        assert re.findall("【(.*?)】", marked) == matched


def _unmarked(line: str) -> str:
    return line.strip().replace("【", "").replace("】", "")


def test_a_date_before_a_cited_policy_takes_effect_is_warned_about(content: Path) -> None:
    common = ("--content", str(content), "checklist", "allowance", "--as-of", "2019-12-31")
    chinese = run(*common)
    assert chinese.exit_code == 0, chinese.stderr
    assert "《示例老年人法》自2020-02-01起才施行，晚于适用日期2019-12-31" in chinese.stderr
    english = run("--content", str(content), "--lang", "en", *common[2:])
    assert "示例老年人法" in english.stderr and "takes effect only on 2020-02-01" in english.stderr
    data = json.loads(run(*common, "--format", "json").stdout)
    assert data["warnings"] == [
        {
            "code": "basis_not_yet_in_force",
            "policy": "elderly-law",
            "effective": "2020-02-01",
            "text": "本告知单依据的《示例老年人法》自2020-02-01起才施行，晚于适用日期2019-12-31，"
            "告知单在该日期可能不适用。",
        }
    ]
    later = run("--content", str(content), "checklist", "allowance", "--as-of", "2020-02-01")
    assert later.stderr == ""
    in_force = run(*common[:-1], "2026-11-22", "--format", "json")
    assert json.loads(in_force.stdout)["warnings"] == []


def test_english_names_in_search_list_and_show(content: Path) -> None:
    english = ("--content", str(content), "--lang", "en")
    found = run(*english, "search", "高龄补贴").stdout
    assert found.startswith(" 1. Longevity allowance  [guide: allowance]")
    assert "高龄津贴申领" in run("--content", str(content), "search", "高龄补贴").stdout
    hit = json.loads(run(*english, "search", "高龄补贴", "--json").stdout)[0]
    assert (hit["title"], hit["title_en"]) == ("高龄津贴申领", "Longevity allowance")
    listed = run(*english, "list").stdout
    assert re.search(r"guide +allowance +Longevity allowance\n", listed)
    shown = run(*english, "show", "allowance").stdout
    assert shown.startswith("Longevity allowance  高龄津贴申领  [allowance]")


def test_the_search_screen_and_the_cli_name_a_hit_alike(content: Path) -> None:
    from govtui.content import load_library
    from govtui.search import open_index
    from govtui.tui.widgets.results import hit_option

    library = load_library(content).library
    with open_index(library) as index:
        [hit, *_] = index.search("高龄补贴")
    cases: tuple[tuple[Language, str, str], ...] = (
        ("en", "Longevity allowance", "高龄津贴申领"),
        ("zh", "高龄津贴申领", "Longevity allowance"),
    )
    for language, title, other in cases:
        screen_line = str(hit_option(hit, library, language, 80).prompt).splitlines()[0]
        shown = run("--content", str(content), "--lang", language, "search", "高龄补贴")
        cli_line = shown.stdout.splitlines()[0]
        assert title in screen_line and title in cli_line
        assert other not in screen_line and other not in cli_line


def test_the_cli_says_why_a_hit_matched_in_the_ui_language(content: Path) -> None:
    """The same words as the search screen: 俗称 in Chinese, never the index's field name."""
    shown = run("--content", str(content), "search", "高龄补贴")
    reasons = next(line for line in shown.stdout.splitlines() if "匹配：" in line)
    assert "alias:" not in reasons and "俗称" in reasons
