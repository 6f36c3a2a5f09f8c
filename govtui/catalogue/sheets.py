"""Spreadsheets in and out: .xlsx through openpyxl, .csv in UTF-8 or GB18030, .json for scripts."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from govtui.catalogue.cells import Cell
from govtui.catalogue.standard import EXTENSION, canonical_header
from govtui.errors import UsageError

ITEMS_SHEET = "事项"
MATERIALS_SHEET = "材料"


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    cells: dict[str, Cell]

    def get(self, column: str) -> Cell:
        """The cell of a column; an empty one, placed on the row, where the sheet lacks it."""
        found = self.cells.get(column)
        if found is not None:
            return found
        return Cell(column, "", "")


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet: its columns by the standard's names, and its rows with their places."""

    label: str
    columns: tuple[str, ...]
    headers: dict[str, str]
    """The column as written in the sheet, by the standard's name."""
    rows: tuple[Row, ...]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _table(label: str, grid: Sequence[Sequence[object]]) -> Table:
    """Rows of values, the first holding the headers, as a Table with cell places."""
    if not grid:
        return Table(label, (), {}, ())
    raw_headers = [_text(value) for value in grid[0]]
    names = [canonical_header(header) if header else "" for header in raw_headers]
    headers = {name: raw for name, raw in zip(names, raw_headers, strict=True) if name}
    rows = []
    letters = [_letter(index) for index in range(len(names))]
    for offset, values in enumerate(grid[1:], start=2):
        cells = {}
        for index, name in enumerate(names):
            if not name or name in cells:
                continue
            value = _text(values[index]) if index < len(values) else ""
            place = f"{label}!{letters[index]}{offset}"
            cells[name] = Cell(headers[name], value, place)
        if any(cell.value for cell in cells.values()):
            rows.append(Row(offset, cells))
    return Table(label, tuple(name for name in names if name), headers, tuple(rows))


def read_tables(path: Path) -> list[Table]:
    """Every sheet of a workbook, or the one table of a CSV file, with their headers read.

    Raises:
        UsageError: the file is missing, of another kind, or cannot be read as one.
    """
    if not path.is_file():
        raise UsageError("error_catalogue_no_file", path=path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_workbook(path)
    if suffix == ".csv":
        return [_table(f"{path.name}:{ITEMS_SHEET}", _read_csv(path))]
    if suffix == ".json":
        return _read_json(path)
    raise UsageError("error_catalogue_kind", path=path)


def _read_workbook(path: Path) -> list[Table]:
    import openpyxl

    try:
        # Read-only streams the rows: a 1,500-row workbook is read in well under a second.
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise UsageError("error_catalogue_unreadable", path=path, detail=error) from None
    try:
        return [
            _table(f"{path.name}:{sheet.title}", list(sheet.iter_rows(values_only=True)))
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def _read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    # Excel in China saves CSV as GB18030 (GBK); others save UTF-8, often with a BOM.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UsageError("error_catalogue_encoding", path=path)
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _read_json(path: Path) -> list[Table]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        sheets = {name: document[name] for name in (ITEMS_SHEET, MATERIALS_SHEET)}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError("error_catalogue_unreadable", path=path, detail=error) from None
    tables = []
    for name, records in sheets.items():
        columns = list(dict.fromkeys(key for record in records for key in record))
        grid: list[list[object]] = [list(columns)]
        grid += [[_json_cell(record.get(column)) for column in columns] for record in records]
        tables.append(_table(f"{path.name}:{name}", grid))
    return tables


def _json_cell(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def workbook_bytes(sheets: Mapping[str, tuple[Sequence[str], list[list[object]]]]) -> bytes:
    """An .xlsx file of the given sheets (name → headers, rows), in memory."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    for name, (headers, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(headers))
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def json_text(sheets: Mapping[str, tuple[Sequence[str], list[list[object]]]]) -> str:
    """The same sheets as JSON: one list of records per sheet; empty cells left out."""
    document = {
        name: [
            {
                header: json.loads(str(value)) if header == EXTENSION and value else value
                for header, value in zip(headers, row, strict=True)
                if value not in (None, "")
            }
            for row in rows
        ]
        for name, (headers, rows) in sheets.items()
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
