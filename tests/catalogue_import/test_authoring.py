"""Authoring help: JSON Schemas derived from the models, and a lint-clean `govtui new guide`."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from govtui import cli
from govtui.catalogue.schema import KINDS, file_schema
from govtui.content.documents import read_guide, read_policy
from govtui.content.lint import lint
from tests.catalogue_import.conftest import REPOSITORY

runner = CliRunner()


def test_every_key_the_loader_reads_is_in_the_schema_and_no_other() -> None:
    for kind, shape in (("guide", read_guide), ("policy", read_policy)):
        schema = file_schema(kind)
        assert set(schema["properties"]) == set(shape.keys), kind
        assert set(schema["required"]) == {f.key for f in shape.fields() if f.stored} - {
            key for key in shape.keys if key not in schema["required"]
        }
        assert schema["additionalProperties"] is False
    guide = file_schema("guide")
    material = guide["$defs"]["Material"]
    assert material["properties"]["state"]["enum"] == [
        "required",
        "optional",
        "deferrable",
        "commitment",
        "shared",
    ]
    assert material["properties"]["copies"]["minimum"] == 0
    assert "pattern" in guide["properties"]["id"]
    assert "Todo" in guide["$defs"] and "todo" in guide["properties"]
    article = file_schema("policy")["$defs"]["Article"]
    assert article["properties"]["text"]["enum"] == ["digest", "official"]


def test_the_schema_command_writes_one_file_per_kind(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(f"{kind}.schema.json" for kind in KINDS)
    assert json.loads((tmp_path / "guide.schema.json").read_text())["title"] == "govtui guide"


def test_a_new_guide_is_complete_and_lints_clean(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(REPOSITORY / "tests" / "data" / "content", folder)
    result = runner.invoke(
        cli.app, ["--content", str(folder), "new", "guide", "my-new-service", "--category", "birth"]
    )
    assert result.exit_code == 0, result.output
    path = folder / "guides" / "birth" / "my-new-service.yaml"
    assert "待填写" in path.read_text(encoding="utf-8")
    _, findings = lint(folder, today=datetime.date(2026, 11, 1))
    assert [str(f) for f in findings if f.file == path] == []
    again = runner.invoke(cli.app, ["--content", str(folder), "new", "guide", "my-new-service"])
    assert again.exit_code == 1 and "my-new-service" in again.stderr
    bad = runner.invoke(cli.app, ["--content", str(folder), "new", "guide", "Not_A_Slug"])
    assert bad.exit_code == 2
