"""Fixtures for the catalogue import tests: the sample content exported in the standard's layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govtui.catalogue.export import export_sheets
from govtui.catalogue.sheets import workbook_bytes
from govtui.content.loader import load_library
from govtui.content.models import Library

REPOSITORY = Path(__file__).resolve().parent.parent.parent
_REGISTRIES = ("_locality.yaml", "_categories.yaml", "_synonyms.yaml", "_calendar.yaml")


@pytest.fixture(scope="session")
def sample() -> Library:
    return load_library(REPOSITORY).library


@pytest.fixture(scope="session")
def sample_workbook(sample: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content's 42 guides as a 实施清单 workbook, made by the export."""
    path = tmp_path_factory.mktemp("export") / "清单.xlsx"
    path.write_bytes(workbook_bytes(export_sheets(sample)))
    return path


def county_folder(folder: Path) -> Path:
    """A content folder with the sample's registries, facts, bundles and policies, no guides."""
    guides = folder / "guides"
    guides.mkdir(parents=True)
    for name in ("_facts", "bundles"):
        shutil.copytree(REPOSITORY / "guides" / name, guides / name)
    for name in _REGISTRIES:
        shutil.copy(REPOSITORY / "guides" / name, guides / name)
    shutil.copytree(REPOSITORY / "policies", folder / "policies")
    return folder


def without_extension(source: Path, target: Path) -> Path:
    """The workbook as a county keeps it: the standard's columns only, no x-govtui."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    for sheet in book.worksheets:
        headers = [cell.value for cell in sheet[1]]
        sheet.delete_cols(headers.index("x-govtui") + 1)
    book.save(target)
    return target
