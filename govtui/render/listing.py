"""Rows for `govtui list`: one per guide, bundle and policy."""

from __future__ import annotations

from govtui.content.models import Library


def list_rows(library: Library, kind: str | None = None) -> list[dict[str, str]]:
    """Guides, then bundles, then policies, each sorted by id; `kind` keeps only one kind."""
    rows: list[dict[str, str]] = []
    if kind in (None, "guide"):
        rows += [
            {
                "id": g.id,
                "kind": "guide",
                "title": g.name,
                "title_en": g.name_en,
                "category": g.category,
            }
            for g in sorted(library.guides.values(), key=lambda g: g.id)
        ]
    if kind in (None, "bundle"):
        rows += [
            {"id": b.id, "kind": "bundle", "title": b.name, "title_en": b.name_en}
            for b in sorted(library.bundles.values(), key=lambda b: b.id)
        ]
    if kind in (None, "policy"):
        rows += [
            {"id": p.id, "kind": "policy", "title": p.title, "status": p.status}
            for p in sorted(library.policies.values(), key=lambda p: p.id)
        ]
    return rows
