"""Keys, configuration and content edits for the release and diff tests; keys are made here."""

from __future__ import annotations

import shutil
from pathlib import Path

import minisign

TESTS = Path(__file__).resolve().parent.parent
SMALL_CONTENT = TESTS / "data" / "content"
GUIDE = "guides/assistance/living-allowance.yaml"


def make_keys(folder: Path) -> tuple[Path, str]:
    """A fresh minisign key pair: the secret key's file and the public key's base64 line."""
    pair = minisign.KeyPair.generate()
    secret = folder / "county.key"
    secret.write_bytes(bytes(pair.secret_key))
    return secret, pair.public_key.to_base64().decode()


def write_config(path: Path, public_key: str | None, stale_after_days: int = 30) -> None:
    key = f'public_key = "{public_key}"\n' if public_key else ""
    path.write_text(
        f'[terminal]\npoint_code = "620524-001"\n\n[content]\n{key}'
        f"stale_after_days = {stale_after_days}\n",
        encoding="utf-8",
    )


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a content file."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def remove_material(root: Path, relative: str, material_id: str) -> None:
    """Drop one material's block from a guide (and from its worked examples' lists)."""
    path = root / relative
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {material_id}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    del lines[start:end]
    text = "".join(lines).replace(f", {material_id}", "").replace(f"{material_id}, ", "")
    path.write_text(text, encoding="utf-8")
