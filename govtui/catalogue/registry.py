"""The offices and categories an import needs, added to `_locality.yaml` and `_categories.yaml`."""

from __future__ import annotations

from pathlib import Path

from govtui.catalogue.reading import Context
from govtui.catalogue.yamldata import Data, dump, load_file
from govtui.content.models import Library
from govtui.i18n import text
from govtui.render.files import write_atomically

IMPORTED_CATEGORY = "imported"


class Registries:
    """The two registry files of a content folder, and what this import adds to them."""

    def __init__(self, root: Path, locality: Data, categories: Data) -> None:
        self.root = root
        self.locality = locality
        self.categories = categories
        self.changed = False

    @classmethod
    def of(cls, root: Path, library: Library) -> Registries:
        guides = root / "guides"
        locality = load_file(guides / "_locality.yaml") or {
            "name": text("catalogue_locality_unnamed", "zh"),
            "name_en": text("catalogue_locality_unnamed", "en"),
            "fictional": "false",
            "offices": [],
        }
        categories = load_file(guides / "_categories.yaml") or {"categories": []}
        return cls(root, locality, categories)

    def need_office(self, office_id: str, office: dict[str, str], context: Context) -> None:
        """Add the office a row describes, unless the content has it already."""
        offices = self.locality.setdefault("offices", []) or []
        self.locality["offices"] = offices
        if any(entry.get("id") == office_id for entry in offices):
            return
        unknown = text("catalogue_not_given", "zh")
        offices.append(
            {
                "id": office_id,
                "name": office["address"] or unknown,
                "address": office["address"] or unknown,
                "hours": office["hours"] or unknown,
                "phone": office["phone"] or unknown,
            }
        )
        context.offices[office["address"]] = office_id
        self.changed = True

    def need_category(self, category_id: str, name: str, context: Context) -> None:
        entries = self.categories.setdefault("categories", []) or []
        self.categories["categories"] = entries
        if any(entry.get("id") == category_id for entry in entries):
            return
        if category_id == IMPORTED_CATEGORY or not name:
            entry = {
                "id": category_id,
                "name": text("catalogue_category_imported", "zh"),
                "name_en": text("catalogue_category_imported", "en"),
            }
        else:
            entry = {"id": category_id, "name": name, "name_en": name}
        entries.append(entry)
        context.categories[entry["name"]] = category_id
        self.changed = True

    def save(self, context: Context) -> None:
        if not self.changed:
            return
        guides = self.root / "guides"
        write_atomically(guides / "_locality.yaml", dump(self.locality), force=True)
        write_atomically(guides / "_categories.yaml", dump(self.categories), force=True)
