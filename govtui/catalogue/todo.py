"""The `todo` entries of an imported guide: what a spreadsheet cannot say, for an editor."""

from __future__ import annotations

from govtui.catalogue.reading import Unresolved
from govtui.catalogue.yamldata import Data
from govtui.i18n import text


def _todo(about: str, key: str, **values: object) -> Data:
    # Content is written in zh-Hans, so the todo is too; lint shows it beside the YAML.
    return {"about": about, "text": text(key, "zh", **values)}


def todos(data: Data, unresolved: Unresolved) -> list[Data]:
    """One entry per missing piece: English name, conditions and facts, examples, citations."""
    found: list[Data] = []
    if data.get("name_en") == data.get("name"):
        found.append(_todo("name_en", "catalogue_todo_name_en"))
    if not data.get("eligibility"):
        found.append(
            _todo(
                "eligibility", "catalogue_todo_eligibility", conditions=unresolved.conditions or "—"
            )
        )
    for material in data.get("materials") or []:
        if material.get("state") == "optional" and not material.get("when"):
            found.append(
                _todo(
                    f"materials.{material['id']}.when", "catalogue_todo_when", name=material["name"]
                )
            )
    if not data.get("examples"):
        found.append(_todo("examples", "catalogue_todo_examples"))
    for citation in unresolved.citations:
        found.append(_todo("basis", "catalogue_todo_basis", citation=citation))
    return found
