"""A county's own 实施清单: column variants, per-cell notes, bad rows, todo entries, hand edits."""

from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

from typer.testing import CliRunner

from govtui import cli
from govtui.catalogue.importer import import_catalogue
from govtui.content.lint import lint
from govtui.content.loader import load_library
from tests.catalogue_import.conftest import county_folder, without_extension

runner = CliRunner()
DAY = datetime.date(2026, 12, 1)
ITEMS = [
    [
        "事项名称",
        "实施编码",
        "基本编码",
        "事项类型代码",
        "实施主体",
        "法定办结时限",
        "法定办结时限单位",
        "承诺办结时限",
        "受理条件",
        "办理流程",
        "是否收费",
        "办理形式代码",
        "办理地点",
        "办理时间",
        "咨询电话",
        "设定依据",
        "服务主题",
    ],
    [
        "老年人优待证办理",
        "9901050701200001000010000100",
        "070120000100",
        "20",
        "示例县民政局",
        "30",
        "自然日",
        "十五个工作日",
        "年满60周岁的本县户籍老年人",
        "1. 申请\n2. 审核\n3. 发证",
        "否",
        "1,2",
        "示例县政务服务中心一楼",
        "工作日",
        "0000-5550100",
        "《中华人民共和国居民身份证法》第八条；《某某条例》第三条",
        "老年人服务",
    ],
    ["", "990105", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    [
        "残疾人证办理",
        "990105090100000100100001",
        "0901000001",
        "07",
        "示例县残联",
        "二十个工作日",
        "",
        "abc",
        "",
        "",
        "1",
        "1",
        "示例县政务服务中心一楼",
        "工作日",
        "0000-5550100",
        "",
        "",
    ],
]
MATERIALS = [
    ["task_code", "material_name", "is_need", "原件数量", "复印件数量", "备注"],
    ["9901050701200001000010000100", "申请人居民身份证", "是", "1", "1", ""],
    ["9901050701200001000010000100", "近期免冠照片", "0", "两", "", "白底"],
    ["9901050701200001000010000100", "老年人优待证申请表", "也许", "x", "", ""],
    ["990105999999999999999999", "居民户口簿", "1", "1", "", ""],
]


def _write(folder: Path, rows: list[list[str]], name: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_every_odd_cell_is_reported_with_its_place_and_no_row_stops_the_rest(
    tmp_path: Path,
) -> None:
    sheet = _write(tmp_path, ITEMS, "清单.csv", "gb18030")
    _write(tmp_path, MATERIALS, "清单-材料.csv")
    folder = county_folder(tmp_path / "county")
    result = import_catalogue(sheet, folder, reviewed=DAY)
    said = [note.words("en") for note in result.notes.items]
    assert '清单.csv:事项!H2: 承诺办结时限 "十五个工作日" read as 15 working days' in said
    assert any(line.startswith("清单.csv:事项!A3:") and "事项名称" in line for line in said)
    assert any(
        line.startswith("清单.csv:事项!F4:") and "read as 20 working days" in line for line in said
    )
    assert any("清单.csv:事项!B2:" in line and "not 24/36" in line for line in said)
    assert any("《某某条例》 is not in policies/" in line for line in said)
    assert any("清单-材料.csv:事项!C4:" in line and '"也许"' in line for line in said)
    assert any("清单-材料.csv:事项!D4:" in line and '"x" is not a number' in line for line in said)
    assert any(
        "清单-材料.csv:事项!A5:" in line and "990105999999999999999999" in line for line in said
    )
    assert result.skipped == 1 and len(result.written) == 2
    library = load_library(folder).library
    elder = library.guides["item-9901050701200001000010000100"]
    assert elder.time_limits.legal is not None and elder.time_limits.legal.unit == "自然日"
    assert elder.time_limits.promised is not None and elder.time_limits.promised.days == 15
    assert elder.channels == ("窗口", "网办") and elder.fee == "不收费"
    assert elder.steps == ("申请", "审核", "发证")
    assert elder.category == "elderly"
    assert [m.id for m in elder.materials][:2] == ["applicant-id-card", "photo"]
    assert elder.materials[0].form == "原件和复印件" and elder.materials[1].copies == 2
    assert elder.materials[1].state == "optional" and elder.materials[1].note == "白底"
    assert [b.policy for b in elder.basis] == ["resident-id-card-law"]
    todo = {entry.about for entry in elder.todo}
    assert {"name_en", "eligibility", "examples", "basis", "materials.photo.when"} <= todo


def test_a_plain_county_workbook_lints_clean_apart_from_its_todo_entries(
    sample_workbook: Path, tmp_path: Path
) -> None:
    plain = without_extension(sample_workbook, tmp_path / "plain.xlsx")
    folder = tmp_path / "fresh"
    result = import_catalogue(plain, folder, reviewed=DAY)
    assert result.skipped == 0 and len(result.written) == 43
    _, findings = lint(folder, today=datetime.date(2026, 11, 1))
    assert [str(f) for f in findings if f.severity == "error"] == []
    todo = [f for f in findings if f.code == "todo"]
    assert len(todo) > 43
    # Besides the todo entries, only what 表4 has no column for: 结果送达方式, a limit's article.
    others = {f.field for f in findings if f.code != "todo"}
    assert others <= {"delivery", "time_limits.legal.basis", "codes.implementation", "fictional"}


def test_hand_edits_survive_a_new_version_of_the_spreadsheet(tmp_path: Path) -> None:
    folder = county_folder(tmp_path / "county")
    first = _write(tmp_path, ITEMS[:2], "v1.csv")
    materials = _write(tmp_path, MATERIALS[:3], "v1-材料.csv")
    import_catalogue(first, folder, materials=materials, reviewed=DAY)
    path = folder / "guides" / "elderly" / "item-9901050701200001000010000100.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name_en: 老年人优待证办理", "name_en: Senior card")
    text = re.sub(r"(?m)^( *)note: 白底$", r"\1note: 白底\n\1when: age >= 60", text)
    assert "when: age >= 60" in text
    text += (
        "eligibility:\n  - id: old-enough\n    when: age >= 60\n    text: 年满60周岁\n"
        "note: 本县窗口可当场拍照。\n"
    )
    path.write_text(text, encoding="utf-8")
    # The same file again: the editor's work stays; the todo entries it settled are gone.
    import_catalogue(first, folder, materials=materials, reviewed=DAY)
    kept = load_library(folder).library.guides["item-9901050701200001000010000100"]
    assert kept.name_en == "Senior card" and [rule.id for rule in kept.eligibility] == [
        "old-enough"
    ]
    assert {entry.about for entry in kept.todo} == {"examples", "basis"}
    settled = path.read_text(encoding="utf-8")
    again = import_catalogue(first, folder, materials=materials, reviewed=DAY)
    assert again.written == [] and path.read_text(encoding="utf-8") == settled
    # A new version: the name changed, a material was added; the hand edits stay.
    renamed = [row[:] for row in ITEMS[:2]]
    renamed[1][0] = "老年人优待证申领"
    second = _write(tmp_path, renamed, "v2.csv")
    more = _write(
        tmp_path, [*MATERIALS[:3], [ITEMS[1][1], "居民户口簿", "1", "1", "0", ""]], "v2-材料.csv"
    )
    import_catalogue(second, folder, materials=more, reviewed=datetime.date(2027, 1, 4))
    guide = load_library(folder).library.guides["item-9901050701200001000010000100"]
    assert guide.name == "老年人优待证申领" and guide.name_en == "Senior card"
    assert guide.note == "本县窗口可当场拍照。" and guide.reviewed == datetime.date(2027, 1, 4)
    assert [rule.id for rule in guide.eligibility] == ["old-enough"]
    photo = next(m for m in guide.materials if m.id == "photo")
    assert photo.when is not None and photo.when.source == "age >= 60"
    assert "hukou-booklet" in {m.id for m in guide.materials}
    todo = {entry.about for entry in guide.todo}
    assert (
        "eligibility" not in todo and "name_en" not in todo and "materials.photo.when" not in todo
    )


def test_the_command_reports_notes_and_exits_2_on_a_bad_row(tmp_path: Path) -> None:
    sheet = _write(tmp_path, ITEMS, "清单.csv")
    folder = county_folder(tmp_path / "county")
    result = runner.invoke(cli.app, ["import", "catalogue", str(sheet), "--out", str(folder)])
    assert result.exit_code == 2, result.output
    assert "清单.csv:事项!H2: 说明: 承诺办结时限“十五个工作日”读作15个工作日" in result.stdout
    assert "写入2个办事指南" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_that_is_no_spreadsheet_is_refused_plainly(tmp_path: Path) -> None:
    bogus = tmp_path / "清单.xlsx"
    bogus.write_text("not a workbook", encoding="utf-8")
    result = runner.invoke(cli.app, ["import", "catalogue", str(bogus), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "清单.xlsx" in result.stderr and "Traceback" not in result.output
