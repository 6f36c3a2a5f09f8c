"""Import → export → import round-trips the sample content without loss, and is idempotent."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

from govtui.catalogue.export import export_sheets
from govtui.catalogue.importer import import_catalogue
from govtui.catalogue.sheets import json_text
from govtui.content.lint import lint
from govtui.content.loader import load_library
from govtui.content.models import Library
from tests.catalogue_import.conftest import county_folder

REVIEWED = datetime.date(2026, 12, 1)


def _imported(workbook: Path, folder: Path) -> Library:
    result = import_catalogue(workbook, county_folder(folder), reviewed=REVIEWED)
    assert [note.words("en") for note in result.notes.items if note.severity == "error"] == []
    assert result.skipped == 0
    return load_library(folder).library


def test_the_export_imports_back_into_the_same_guides(
    sample: Library, sample_workbook: Path, tmp_path: Path
) -> None:
    imported = _imported(sample_workbook, tmp_path / "county")
    assert sorted(imported.guides) == sorted(sample.guides)
    for guide_id, guide in sample.guides.items():
        back = imported.guides[guide_id]
        assert back.path.relative_to(imported.root) == guide.path.relative_to(sample.root)
        assert dataclasses.replace(back, path=guide.path) == guide, guide_id


def test_the_imported_content_lints_like_the_sample(sample_workbook: Path, tmp_path: Path) -> None:
    _imported(sample_workbook, tmp_path / "county")
    _, findings = lint(tmp_path / "county", today=datetime.date(2026, 11, 1))
    assert [str(f) for f in findings if f.severity == "error"] == []
    assert [str(f) for f in findings if f.code == "todo"] == []


def test_import_export_import_gives_the_same_export(
    sample: Library, sample_workbook: Path, tmp_path: Path
) -> None:
    first = json_text(export_sheets(sample))
    imported = _imported(sample_workbook, tmp_path / "county")
    assert json_text(export_sheets(imported)) == first


def test_a_second_import_of_the_same_file_changes_nothing(
    sample_workbook: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "county"
    _imported(sample_workbook, folder)
    before = {path: path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}
    again = import_catalogue(sample_workbook, folder, reviewed=datetime.date(2027, 1, 5))
    assert again.written == []
    assert again.unchanged == len(load_library(folder).library.guides)
    assert {path: path.read_bytes() for path in sorted(folder.rglob("*.yaml"))} == before


def test_the_json_export_round_trips_too(sample: Library, tmp_path: Path) -> None:
    exported = tmp_path / "清单.json"
    exported.write_text(json_text(export_sheets(sample)), encoding="utf-8")
    imported = _imported(exported, tmp_path / "county")
    assert {
        g: dataclasses.replace(v, path=sample.guides[g].path) for g, v in imported.guides.items()
    } == dict(sample.guides)
    records = json.loads(exported.read_text(encoding="utf-8"))
    assert {"事项", "材料"} <= set(records)
