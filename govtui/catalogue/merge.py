"""Three-way merge of an import with the guide on disk, so an editor's hand edits survive.

`base` is what the previous import wrote, kept beside the content in `.govtui-import/`. A key the
editor left as the import wrote it follows the spreadsheet; a key only the editor changed keeps
the editor's value; a key both changed takes the spreadsheet's, and the caller says so.
"""

from __future__ import annotations

from typing import Any

from govtui.catalogue.yamldata import Data

_GONE = object()


def merge(new: Data, base: Data | None, existing: Data | None) -> tuple[Data, list[str]]:
    """The merged guide data, and the keys where a hand edit gave way to the spreadsheet."""
    if existing is None:
        return dict(new), []
    base = base or {}
    merged: Data = {}
    overridden: list[str] = []
    for key in [*new, *(key for key in existing if key not in new)]:
        if key == "materials":
            merged[key], lost = _materials(
                new.get(key, []), base.get(key, []), existing.get(key, [])
            )
            overridden += [f"materials.{name}" for name in lost]
            continue
        value, conflict = _pick(new.get(key, _GONE), base.get(key, _GONE), existing.get(key, _GONE))
        if conflict:
            overridden.append(key)
        if value is not _GONE:
            merged[key] = value
    return merged, overridden


def _pick(new: Any, base: Any, existing: Any) -> tuple[Any, bool]:
    if existing == base or existing == new:
        return new, False
    if new == base:
        return existing, False
    return new, existing is not _GONE and base is not _GONE


def _by_id(materials: list[Data]) -> dict[str, Data]:
    return {str(material.get("id")): material for material in materials}


def _materials(
    new: list[Data], base: list[Data], existing: list[Data]
) -> tuple[list[Data], list[str]]:
    base_by_id, existing_by_id = _by_id(base), _by_id(existing)
    existing_by_name = {str(material.get("name")): material for material in existing}
    merged: list[Data] = []
    lost: list[str] = []
    used: set[str] = set()
    for material in new:
        own = existing_by_id.get(str(material["id"])) or existing_by_name.get(str(material["name"]))
        if own is None:
            merged.append(material)
            continue
        used.add(str(own.get("id")))
        # An editor who renamed the id keeps it: the spreadsheet knows the material by its name.
        material = {**material, "id": own.get("id")}
        result, conflicts = merge(material, base_by_id.get(str(material["id"])), own)
        merged.append(result)
        lost += [f"{material['id']}.{key}" for key in conflicts]
    for material in existing:
        material_id = str(material.get("id"))
        # Added by hand (never in an import): kept; dropped from the spreadsheet: dropped here.
        if material_id not in used and material_id not in base_by_id:
            merged.append(material)
    return merged, lost
