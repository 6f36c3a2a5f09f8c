"""The export in GB/T 39046 表4 fields and Appendix A codes, with the x-govtui extension."""

from __future__ import annotations

import json
from pathlib import Path

from syrupy.assertion import SnapshotAssertion
from typer.testing import CliRunner

from govtui import cli
from govtui.catalogue.export import ITEM_HEADERS, MATERIAL_HEADERS, export_sheets
from govtui.catalogue.sheets import json_text
from govtui.catalogue.standard import ITEM_COLUMNS, MATERIAL_COLUMNS
from govtui.content.loader import load_library
from govtui.content.models import Library
from tests.render.helpers import GOLDEN

runner = CliRunner()
FIXTURE = Path(__file__).resolve().parent.parent / "data" / "content"


def _records(library: Library) -> dict[str, list[dict[str, object]]]:
    return json.loads(json_text(export_sheets(library)))  # type: ignore[no-any-return]


def test_the_columns_are_the_standards_own() -> None:
    assert len(ITEM_COLUMNS) == 55 and len(MATERIAL_COLUMNS) >= 9
    assert {"材料名称", "原件份数", "复印件份数", "是否必备材料"} <= set(MATERIAL_HEADERS)
    assert ITEM_HEADERS[-1] == MATERIAL_HEADERS[-1] == "x-govtui"


def test_appendix_a_codes_and_the_states_the_standard_lacks(sample: Library) -> None:
    records = _records(sample)
    dibao = next(r for r in records["事项"] if r["实施编码"] == "990105050200000100100001")
    assert dibao["事项类型代码"] == "05" and dibao["行使层级代码"] == "4"
    assert dibao["办件类型"] == "承诺件" and dibao["服务对象代码"] == "1"
    assert dibao["是否收费"] == "0" and dibao["法定办结时限单位"] == "工作日"
    assert dibao["x-govtui"]["id"] == "dibao-application"  # type: ignore[index]
    assert "eligibility" in dibao["x-govtui"]  # type: ignore[operator]
    materials = [m for m in records["材料"] if m["实施编码"] == "990105050200000100100001"]
    declaration = next(m for m in materials if m["材料名称"] == "家庭收入、财产状况书面声明")
    assert declaration["是否必备材料"] == "1"
    assert declaration["x-govtui"]["state"] == "commitment"  # type: ignore[index]
    shared = next(m for m in materials if m["材料名称"] == "居民户口簿")
    assert shared["是否必备材料"] == "0" and shared["x-govtui"]["state"] == "shared"  # type: ignore[index]


def test_the_export_of_the_test_content_is_golden(snapshot: SnapshotAssertion) -> None:
    library = load_library(FIXTURE).library
    golden = snapshot.use_extension(GOLDEN["json"])
    assert json_text(export_sheets(library)).rstrip("\n") == golden(name="zwfw-export")


def test_the_command_writes_xlsx_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "清单.xlsx"
    arguments = ["--content", str(FIXTURE), "export", "--format", "zwfw", "--out", str(out)]
    assert runner.invoke(cli.app, arguments).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    again = runner.invoke(cli.app, arguments)
    assert again.exit_code == 1 and "--force" in again.stderr
    wrong = runner.invoke(cli.app, ["--content", str(FIXTURE), "export", "--format", "csv"])
    assert wrong.exit_code == 2 and "zwfw" in wrong.stderr
