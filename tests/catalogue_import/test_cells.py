"""Reading single cells: Chinese numbers, time limits, yes/no, and the column names in use."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from govtui.catalogue.cells import Cell, Notes, chinese_number, duration, split_list, yes_no
from govtui.catalogue.standard import canonical_header
from govtui.i18n import STRINGS


@pytest.mark.parametrize(
    ("text", "number"), [("十五", 15), ("二十三", 23), ("一百二十", 120), ("45", 45), ("两", 2)]
)
def test_chinese_numbers(text: str, number: int) -> None:
    assert chinese_number(text) == number


def test_not_a_number() -> None:
    assert chinese_number("十五天") is None


def _cell(value: str, column: str = "承诺办结时限") -> Cell:
    return Cell(column, value, f"清单.xlsx:事项!R{len(value)}")


def test_time_limits_in_one_cell_or_two() -> None:
    notes = Notes()
    one = duration(_cell("十五个工作日"), None, notes)
    two = duration(_cell("30"), _cell("自然日", "承诺办结时限单位"), notes)
    words = duration(_cell("即时办结"), None, notes)
    assert one is not None and (one.days, one.unit) == (15, "工作日")
    assert two is not None and (two.days, two.unit) == (30, "自然日")
    assert words is not None and (words.days, words.words) == (None, "即时办结")
    assert [note.phrase.key for note in notes.items] == ["catalogue_read_days"]
    bare = Notes()
    assert duration(_cell("20"), None, bare) is not None
    assert [note.phrase.key for note in bare.items] == ["catalogue_unit_assumed"]


@pytest.mark.parametrize(
    ("value", "answer"), [("是", True), ("1", True), ("否", False), ("0", False)]
)
def test_yes_no(value: str, answer: bool) -> None:
    assert yes_no(_cell(value, "是否必备材料"), Notes()) is answer


def test_an_unreadable_yes_no_is_noted() -> None:
    notes = Notes()
    assert yes_no(_cell("也许", "是否必备材料"), notes) is None
    assert notes.count("warning") == 1


def test_column_variants_map_to_the_standards_names() -> None:
    assert canonical_header("task_code") == "实施编码"
    assert canonical_header(" *实施编码（24位）") == "实施编码"
    assert canonical_header("是否必要") == "是否必备材料"
    assert canonical_header("X-GOVTUI") == "x-govtui"


def test_lists_split_by_line_or_by_comma() -> None:
    assert split_list("1. 申请\n2. 审核") == ["申请", "审核"]
    assert split_list("窗口办理、快递申请") == ["窗口办理", "快递申请"]


def test_every_note_key_is_in_the_catalogue() -> None:
    """`notes.add(severity, place, key)` takes its key third; the catalogue test looks first."""
    folder = Path(__file__).resolve().parent.parent.parent / "govtui" / "catalogue"
    keys: set[str] = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add"
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant)
                and isinstance(node.args[2].value, str)
            ):
                keys.add(node.args[2].value)
    assert len(keys) > 15
    assert sorted(key for key in keys if key not in STRINGS) == []
