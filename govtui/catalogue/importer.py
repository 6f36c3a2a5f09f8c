"""`govtui import catalogue`: a 实施清单 spreadsheet into one guide file per item, idempotently."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govtui.catalogue.cells import Notes
from govtui.catalogue.merge import merge
from govtui.catalogue.reading import Context, Unresolved, item_data, material_data, slug_of
from govtui.catalogue.registry import Registries
from govtui.catalogue.sheets import Row, Table, read_tables
from govtui.catalogue.standard import EXTENSION
from govtui.catalogue.todo import todos
from govtui.catalogue.yamldata import (
    Data,
    canonical,
    dump,
    load_file,
    read_guide_data,
    read_guide_text,
    to_data,
)
from govtui.content.loader import load_library
from govtui.content.models import Guide, Library
from govtui.errors import UsageError
from govtui.render.files import write_atomically

Progress = Callable[[int, int], None]
BASE_FOLDER = ".govtui-import"
BASES_FILE = "bases.json"
"""Beside the content: what each guide was at its last import, for the three-way merge."""


@dataclass
class ImportResult:
    notes: Notes = field(default_factory=Notes)
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0


def _pick_tables(tables: list[Table], notes: Notes) -> tuple[Table, Table | None]:
    items = next(
        (t for t in tables if "实施编码" in t.columns and "材料名称" not in t.columns), None
    )
    materials = next((t for t in tables if "材料名称" in t.columns), None)
    if items is None:
        raise UsageError("error_catalogue_no_items", file=tables[0].label if tables else "")
    for column in ("事项名称", "实施编码"):
        if column not in items.columns:
            notes.add("error", f"{items.label}!1", "catalogue_missing_column", column=column)
    return items, materials


def _tables(path: Path, materials: Path | None, notes: Notes) -> tuple[Table, Table | None]:
    tables = read_tables(path)
    if materials is None and path.suffix.lower() == ".csv":
        for name in (f"{path.stem}-材料.csv", f"{path.stem}_材料.csv", f"{path.stem}.材料.csv"):
            if (path.parent / name).is_file():
                materials = path.parent / name
    if materials is not None:
        tables += read_tables(materials)
    items, material_table = _pick_tables(tables, notes)
    if material_table is None:
        notes.add("warning", items.label, "catalogue_no_materials")
    return items, material_table


def _extension(row: Row, notes: Notes) -> dict[str, Any] | None:
    cell = row.get(EXTENSION)
    if not cell.value:
        return None
    try:
        value = json.loads(cell.value)
    except ValueError as error:
        notes.add("error", cell.place, "catalogue_bad_extension", detail=error)
        return None
    if not isinstance(value, dict):
        notes.add("error", cell.place, "catalogue_bad_extension", detail=type(value).__name__)
        return None
    return value


def _overlay(data: Data, extension: dict[str, Any] | None) -> None:
    for key, value in (extension or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value


def _existing(library: Library | None) -> tuple[dict[str, Path], dict[str, Path]]:
    """Guide files on disk by id and by 实施编码, so an editor's renamed guide is still found."""
    by_id: dict[str, Path] = {}
    by_code: dict[str, Path] = {}
    for guide in library.guides.values() if library else ():
        by_id[guide.id] = guide.path
        code = guide.codes.get("implementation")
        if code:
            by_code[code] = guide.path
    return by_id, by_code


@dataclass
class _Run:
    """What every row of one import reads and adds to."""

    root: Path
    reviewed: datetime.date
    result: ImportResult
    context: Context
    fact_types: dict[str, Any]
    registries: Registries
    by_id: dict[str, Path]
    by_code: dict[str, Path]
    grouped: dict[str, list[Row]]
    bases: dict[str, Data]
    loaded: dict[Path, Guide] = field(default_factory=dict)
    """The guides the content had when the import began, by file."""
    seen: dict[str, str] = field(default_factory=dict)
    bases_changed: bool = False


def import_catalogue(
    path: Path,
    root: Path,
    *,
    materials: Path | None = None,
    reviewed: datetime.date,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a 实施清单 into the content folder `root`, reporting every row that is off.

    Raises:
        UsageError: the file cannot be read as a 实施清单 at all.
    """
    result = ImportResult()
    notes = result.notes
    items, material_table = _tables(path, materials, notes)
    (root / "guides").mkdir(parents=True, exist_ok=True)
    (root / "policies").mkdir(parents=True, exist_ok=True)
    library = load_library(root).library
    grouped: dict[str, list[Row]] = {}
    codes = {row.get("实施编码").value for row in items.rows}
    for row in material_table.rows if material_table else ():
        code = row.get("实施编码")
        if code.value not in codes:
            notes.add("error", code.place, "catalogue_material_orphan", code=code.value)
            continue
        grouped.setdefault(code.value, []).append(row)
    by_id, by_code = _existing(library)
    bases_path = root / BASE_FOLDER / BASES_FILE
    bases = _load_bases(bases_path)
    run = _Run(
        root=root,
        reviewed=reviewed,
        result=result,
        context=Context.of(library),
        fact_types={fact_id: fact.type for fact_id, fact in library.facts.items()},
        registries=Registries.of(root, library),
        by_id=by_id,
        by_code=by_code,
        grouped=grouped,
        bases=bases,
        loaded={guide.path: guide for guide in library.guides.values()},
    )
    total = len(items.rows)
    for done, row in enumerate(items.rows, 1):
        _import_row(row, run)
        if progress is not None:
            progress(done, total)
    run.registries.save(run.context)
    if run.bases_changed:
        bases_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(bases_path, _bases_text(bases), force=True)
    return result


def _bases_text(bases: dict[str, Data]) -> str:
    """One guide a line: json's C encoder writes it, where an indented dump took seconds."""
    lines = (
        f"{json.dumps(guide_id, ensure_ascii=False)}: {json.dumps(base, ensure_ascii=False)}"
        for guide_id, base in bases.items()
    )
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _load_bases(path: Path) -> dict[str, Data]:
    try:
        bases = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return bases if isinstance(bases, dict) else {}


def _import_row(row: Row, run: _Run) -> None:
    result, context, fact_types = run.result, run.context, run.fact_types
    notes = result.notes
    code = row.get("实施编码")
    name = row.get("事项名称")
    if not code.value or not name.value:
        missing = "实施编码" if not code.value else "事项名称"
        notes.add(
            "error", (code if not code.value else name).place, "catalogue_row_needs", column=missing
        )
        result.skipped += 1
        return
    seen = run.seen
    if code.value in seen:
        notes.add(
            "error", code.place, "catalogue_duplicate_code", code=code.value, first=seen[code.value]
        )
        result.skipped += 1
        return
    seen[code.value] = code.place
    if len(code.value) not in (24, 36):
        notes.add(
            "warning",
            code.place,
            "catalogue_code_length",
            column="实施编码",
            value=code.value,
            lengths="24/36",
        )
    basic = row.get("基本编码")
    if basic.value and len(basic.value) not in (10, 12):
        notes.add(
            "warning",
            basic.place,
            "catalogue_code_length",
            column="基本编码",
            value=basic.value,
            lengths="10/12",
        )
    unresolved = Unresolved()
    data, office = item_data(row, context, notes, unresolved)
    extension = _extension(row, notes)
    _overlay(data, extension)
    data.pop("todo", None)
    material_rows = sorted(run.grouped.get(code.value, []), key=lambda r: _order(r))
    materials: list[Data] = []
    ids: set[str] = set()
    for material_row in material_rows:
        if not material_row.get("材料名称").value:
            notes.add(
                "error",
                material_row.get("材料名称").place or f"!{material_row.number}",
                "catalogue_row_needs",
                column="材料名称",
            )
            continue
        material = material_data(material_row, context, notes, unresolved)
        _overlay(material, _extension(material_row, notes))
        if material["id"] in ids:
            material["id"] = slug_of("material", f"{material['name']}-{material_row.number}")
        ids.add(material["id"])
        materials.append(material)
    data["materials"] = materials
    run.registries.need_office(str(data["office"]), office, context)
    run.registries.need_category(str(data["category"]), row.get("服务主题").value, context)
    existing_path = run.by_code.get(code.value) or run.by_id.get(str(data["id"]))
    existing = _existing_data(existing_path, run) if existing_path else None
    if existing is not None:
        data["id"] = existing["id"]
    written_reviewed = data.pop("reviewed", None)
    base = run.bases.get(str(data["id"]))
    base = dict(base) if isinstance(base, dict) else None
    base_todo = base.pop("todo", None) if base else None
    spreadsheet = _spreadsheet(data, run.reviewed) if existing is not None else dict(data)
    merged, overridden = merge(
        spreadsheet, base, _without(existing or {}, "reviewed", "todo") if existing else None
    )
    for key in overridden:
        notes.add("warning", code.place, "catalogue_hand_edit_replaced", guide=data["id"], key=key)
    merged.setdefault("name_en", merged.get("name"))
    generated = todos(merged, unresolved) if extension is None else []
    written_todo = _keep_todos(generated, base_todo, (existing or {}).get("todo"), extension)
    if written_todo:
        merged["todo"] = written_todo
    merged["reviewed"] = written_reviewed or run.reviewed.isoformat()
    target = run.root / "guides" / str(merged["category"]) / f"{merged['id']}.yaml"
    guide, findings = read_guide_data(merged, target, fact_types)
    problems = [finding for finding in findings if finding.severity == "error"]
    for finding in problems:
        notes.add(
            "error",
            code.place,
            "catalogue_guide_invalid",
            field=finding.field,
            problem=finding.message,
        )
    if guide is None or problems:
        result.skipped += 1
        return
    final = to_data(guide)
    same = existing is not None and _without(final, "reviewed") == _without(existing, "reviewed")
    if same and existing is not None and not written_reviewed:
        # Nothing changed: the guide keeps the date it was last reviewed on.
        final["reviewed"] = existing["reviewed"]
    if existing is None:
        # Read back through the model, the data as a base: the first canonical read was saved.
        spreadsheet = {k: v for k, v in final.items() if k in data or k == "materials"}
        spreadsheet.pop("reviewed", None)
    new_base = {**spreadsheet, "todo": generated} if generated else spreadsheet
    if run.bases.get(str(final["id"])) != new_base:
        run.bases[str(final["id"])] = new_base
        run.bases_changed = True
    if existing is not None and final == existing and existing_path == target:
        result.unchanged += 1
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, dump(final), force=True)
    if existing_path is not None and existing_path != target and existing_path.exists():
        existing_path.unlink()
    result.written.append(target)


def _spreadsheet(data: Data, reviewed: datetime.date) -> Data:
    """The spreadsheet's own data read back through the model: what the base is compared to."""
    # Stand-ins for what the columns lack, so the data reads as a guide; removed again after.
    stand_ins = {"reviewed": reviewed.isoformat(), "name_en": data.get("name_en", data["name"])}
    spreadsheet = canonical({**data, **stand_ins}) or dict(data)
    spreadsheet.pop("reviewed", None)
    if "name_en" not in data:
        spreadsheet.pop("name_en", None)
    return spreadsheet


def _order(row: Row) -> tuple[int, int]:
    value = row.get("序号").value.removesuffix(".0")
    return (int(value) if value.isdigit() else 1 << 30, row.number)


def _keep_todos(
    generated: list[Data], base: Any, existing: Any, extension: dict[str, Any] | None
) -> list[Data]:
    """The import's todos less those an editor removed, and any the editor wrote themselves."""
    if extension is not None:
        return list(extension.get("todo") or [])
    written = [t for t in existing or [] if isinstance(t, dict)]
    imported = [t for t in base or [] if isinstance(t, dict)]
    dismissed = [t for t in imported if t not in written] if existing is not None else []
    kept = [t for t in generated if t not in dismissed]
    kept += [t for t in written if t not in imported and t not in kept]
    return kept


def _existing_data(path: Path, run: _Run) -> Data | None:
    """The guide on disk as data: from the library loaded at the start, else read again."""
    loaded = run.loaded.get(path)
    if loaded is not None:
        return to_data(loaded)
    return _canonical_file(path, run.fact_types)


def _canonical_file(path: Path, fact_types: dict[str, Any]) -> Data | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    guide, _ = read_guide_text(text, path, fact_types)
    return to_data(guide) if guide is not None else load_file(path)


def _without(data: Data, *keys: str) -> Data:
    return {name: value for name, value in data.items() if name not in keys}
