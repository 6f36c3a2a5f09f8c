"""Print targets: the HTML page, Markdown escaping, and the JSON contract for scripts."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from govtui.content.models import Library
from govtui.errors import UsageError
from govtui.interview import Outcome
from govtui.render.checklist import render_checklist
from govtui.render.notice_markdown import escape
from govtui.render.view import TICKABLE, action_of
from tests.render.helpers import Evaluate

HOSTILE = '<script>alert("x")</script> & *粗* [链](http://x)'


def _with_hostile_material_name(outcome: Outcome) -> Outcome:
    first = outcome.items[0]
    material = dataclasses.replace(first.material, name=HOSTILE)
    items = (dataclasses.replace(first, material=material), *outcome.items[1:])
    return dataclasses.replace(outcome, items=items)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_one_self_contained_a4_page(library: Library, evaluate: Evaluate) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "agent"})
    html = render_checklist(library, outcome, "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    assert "@page { size: A4; margin: 15mm; }" in html
    assert re.search(r"body \{[^}]*font-size: 14pt", html)
    parser = _Tags()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    # Nothing fetched from anywhere: no scripts, links, images or frames.
    assert not {"script", "link", "img", "iframe", "object"} & set(tags)
    assert "url(" not in html and "@import" not in html and "http" not in html
    boxes = html.count('<span class="box" aria-hidden="true">☐</span>')
    # A box for each material the clerk can tick; none for what the office fetches or issues.
    tickable = [item for item in outcome.items if action_of(item) in TICKABLE]
    materials = len(tickable) + sum(len(branch.items) for branch in outcome.branches)
    assert boxes == materials
    assert '<section class="form new-page">' in html
    assert '<section class="closing keep-together">' in html


def test_html_in_english_says_so(library: Library, evaluate: Evaluate) -> None:
    html = render_checklist(library, evaluate("living-allowance"), "html", language="en")
    assert '<html lang="en">' in html
    assert "One-time notice" in html


def test_html_escapes_content(library: Library, evaluate: Evaluate) -> None:
    outcome = _with_hostile_material_name(evaluate("living-allowance"))
    html = render_checklist(library, outcome, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_markdown_escapes_content(library: Library, evaluate: Evaluate) -> None:
    outcome = _with_hostile_material_name(evaluate("living-allowance"))
    markdown = render_checklist(library, outcome, "markdown")
    assert '- [ ] **\\<script\\>alert("x")\\</script\\> & \\*粗\\* \\[链\\](http://x)**' in markdown


@pytest.mark.parametrize(
    ("raw", "starts_line", "escaped"),
    [
        ("110101********123X", False, "110101\\*\\*\\*\\*\\*\\*\\*\\*123X"),
        ("a|b", False, "a\\|b"),
        ("2026.1", False, "2026.1"),
        ("1. 申请", True, "1\\. 申请"),
        ("- 不是列表", True, "\\- 不是列表"),
        ("第一行\n第二行", False, "第一行 第二行"),
    ],
)
def test_markdown_escape(raw: str, starts_line: bool, escaped: str) -> None:
    assert escape(raw, starts_line) == escaped


def _contract(library: Library, outcome: Outcome) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_checklist(library, outcome, "json"))
    return data


def test_json_contract_for_a_guide(library: Library, evaluate: Evaluate) -> None:
    data = _contract(library, evaluate("living-allowance", {"applicant_role": "agent"}))
    for key in (
        "id", "kind", "title", "as_of", "version", "reviewed", "in_force", "eligibility",
        "materials", "branches", "next_question", "form", "steps", "office", "fee", "time_limits",
    ):  # fmt: skip
        assert key in data, key
    assert "members" not in data
    assert data["kind"] == "guide"
    assert data["eligibility"]["state"] == "unknown"
    assert data["eligibility"]["missing"] == ["hukou_local", "income_below_standard"]
    assert data["next_question"] == "hukou_local"
    materials = {material["id"]: material for material in data["materials"]}
    assert set(materials["power-of-attorney"]) == {
        "id", "name", "group", "brought", "state", "form", "copies", "source", "why", "basis",
        "needed_by",
    }  # fmt: skip
    assert materials["power-of-attorney"]["group"] == "original"
    assert materials["power-of-attorney"]["needed_by"] == ["living-allowance"]
    assert materials["household-income-statement"]["state"] == "commitment"
    assert materials["household-income-statement"]["commitment"].startswith("本人承诺")
    assert materials["hukou-booklet"]["state"] == "shared"
    assert materials["photo"]["state"] == "optional"
    [branch] = data["branches"]
    assert branch["facts"] == ["has_disability"]
    [deferred] = branch["materials"]
    assert (deferred["id"], deferred["state"], deferred["defer_days"]) == (
        "disability-certificate",
        "deferrable",
        5,
    )
    assert data["form"]["name"] == "困难家庭生活补助申请表"
    assert set(data["form"]["fields"][0]) == {"id", "label", "fact", "value"}
    assert data["office"]["phone"] == "0000-5551001"


def test_json_contract_for_a_bundle(library: Library, evaluate: Evaluate) -> None:
    answers = {"hukou_local": True, "born_in_county": True, "income_below_standard": False}
    data = _contract(library, evaluate("newborn", answers))
    assert data["kind"] == "bundle"
    assert [(member["id"], member["needed"]) for member in data["members"]] == [
        ("birth-medical-certificate", True),
        ("newborn-hukou-registration", True),
    ]
    assert data["not_needed"] == ["living-allowance"]
    materials = {material["id"]: material for material in data["materials"]}
    assert len(data["materials"]) == len(materials)
    assert materials["parents-id-cards"]["needed_by"] == [
        "birth-medical-certificate",
        "newborn-hukou-registration",
    ]
    assert materials["birth-medical-certificate"]["produced_by"] == "birth-medical-certificate"
    assert "produced_by" not in materials["parents-id-cards"]
    assert data["fee"] == "不收费"
    assert data["steps"][0] == "出生医学证明签发：登记：父母在助产机构填写首次签发登记表"


def test_json_for_a_guide_not_in_force_gives_no_stale_details(
    library: Library, evaluate: Evaluate
) -> None:
    data = _contract(library, evaluate("living-allowance", as_of=datetime.date(2019, 6, 1)))
    assert data["in_force"] is False
    assert data["not_in_force"] == ["living-allowance"]
    assert (data["materials"], data["steps"], data["fee"]) == ([], [], None)
    assert data["office"]["phone"] == "0000-5551001"


def test_every_format_ends_without_a_newline(library: Library, evaluate: Evaluate) -> None:
    """The CLI adds the one final newline, on screen and in files alike."""
    outcome = evaluate("newborn")
    for fmt in ("text", "markdown", "html", "json"):
        assert not render_checklist(library, outcome, fmt).endswith("\n"), fmt


def test_an_unknown_format_is_a_usage_error(library: Library, evaluate: Evaluate) -> None:
    with pytest.raises(UsageError, match="pdf"):
        render_checklist(library, evaluate("newborn"), "pdf")  # type: ignore[arg-type]
