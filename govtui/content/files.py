"""Which files under a content root are content: light, so a cold search can fingerprint them."""

from __future__ import annotations

from pathlib import Path


def content_files(root: Path) -> list[Path]:
    """Every content file under a content root, in a stable order (the index fingerprints it)."""
    files = [
        *sorted((root / "guides").rglob("*.yaml")),
        *sorted((root / "policies").rglob("*.yaml")),
    ]
    # Hidden files inside the content are skipped; the folders above it (a `.venv`) may be hidden.
    return [
        path
        for path in files
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
