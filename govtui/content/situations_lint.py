"""Lint of the situation vocabulary: known targets, one owner per situation, none an alias."""

from __future__ import annotations

from govtui.content.findings import Report
from govtui.content.models import Library, Location

# A situation is a circumstance in a few words; past this it reads as a story, which matches
# everything and nothing.
MAX_SITUATION_CHARACTERS = 30


def check_situations(library: Library, report: Report) -> None:
    """Each entry names a guide or bundle once; a situation belongs to one of them."""
    if not library.situations:
        return
    owners: dict[str, str] = {}
    entries: dict[str, Location] = {}
    for index, entry in enumerate(library.situations):
        field = f"situations[{index}]"
        document = library.guides.get(entry.guide) or library.bundles.get(entry.guide)
        if document is None:
            report.error(
                entry.where, f"{field}.guide", f"no guide or bundle has the id '{entry.guide}'"
            )
            continue
        if entry.guide in entries:
            report.error(
                entry.where,
                f"{field}.guide",
                f"'{entry.guide}' already has situations at {entries[entry.guide]}",
            )
        entries[entry.guide] = entry.where
        if not entry.situations:
            report.error(entry.where, f"{field}.situations", "the list is empty")
        names = {text.casefold() for text in (document.name, *document.aliases)}
        for situation in entry.situations:
            key = situation.casefold()
            if len(situation.strip()) < 2:
                report.error(entry.where, f"{field}.situations", f"'{situation}' is too short")
            elif len(situation) > MAX_SITUATION_CHARACTERS:
                report.warning(
                    entry.where,
                    f"{field}.situations",
                    f"'{situation}' is longer than {MAX_SITUATION_CHARACTERS} characters; "
                    "say the circumstance in a few words",
                )
            if key in names:
                report.warning(
                    entry.where,
                    f"{field}.situations",
                    f"'{situation}' is already a name or alias of {entry.guide}",
                )
            owner = owners.get(key)
            if owner is not None:
                report.error(
                    entry.where,
                    f"{field}.situations",
                    f"the situation '{situation}' is also listed for {owner}",
                    "alias",
                )
            owners.setdefault(key, entry.guide)
    where = library.situations[0].where
    for document_id in (*library.guides, *library.bundles):
        if document_id not in entries:
            report.warning(
                Location(where.file, 1, 1), "situations", f"{document_id} has no situations"
            )
