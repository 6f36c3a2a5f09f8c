"""A release's manifest: its version, lineage, the govtui it needs, and every file's SHA-256."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from govtui.errors import GovtuiError

FORMAT = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
# The folders a release carries; anything else in the archive is refused.
CONTENT_FOLDERS = ("guides", "policies")
_VERSION = re.compile(r"^\d+(\.\d+)*$")


def version_key(version: str) -> tuple[int, ...]:
    """`2026.12.01` as (2026, 12, 1), so versions compare as numbers, never as text."""
    return tuple(int(part) for part in version.split("."))


def check_version(version: str) -> str:
    """The version if it is dotted numbers (2026.12.01, 0.1.0); else a clear error."""
    if not _VERSION.match(version):
        raise GovtuiError("error_release_version_form", version=version)
    return version


def installed_govtui_version() -> str:
    """This govtui's own version, from its installed metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govtui")
    except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
        return "0"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a release says about itself; signed, so every field can be trusted once verified."""

    version: str
    created: str
    previous: str | None
    min_govtui: str
    files: dict[str, str] = field(default_factory=dict)
    """Each file's path inside the content folder (`guides/…`) and its SHA-256."""

    @property
    def fingerprint(self) -> str:
        """One digest of every path and its digest: two releases with equal content share it."""
        joined = "\n".join(f"{path}\t{digest}" for path, digest in sorted(self.files.items()))
        return sha256(joined.encode("utf-8"))

    @property
    def created_day(self) -> datetime.date | None:
        try:
            return datetime.datetime.fromisoformat(self.created).date()
        except ValueError:
            return None

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "version": self.version,
            "created": self.created,
            "previous": self.previous,
            "min_govtui": self.min_govtui,
            "fingerprint": self.fingerprint,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, raw: bytes, origin: Path) -> Manifest:
        """Parse a manifest; anything malformed is GovtuiError naming the release file."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if data["format"] != FORMAT:
                raise GovtuiError(
                    "error_release_format", path=origin, found=data["format"], wanted=FORMAT
                )
            files = data["files"]
            manifest = cls(
                version=check_version(str(data["version"])),
                created=str(data["created"]),
                previous=None if data["previous"] is None else str(data["previous"]),
                min_govtui=check_version(str(data["min_govtui"])),
                files={str(path): str(digest) for path, digest in files.items()},
            )
        except GovtuiError:
            raise
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            raise GovtuiError("error_release_manifest", path=origin) from None
        if data.get("fingerprint") != manifest.fingerprint:
            raise GovtuiError("error_release_manifest", path=origin)
        return manifest


def trusted_comment(version: str) -> str:
    """The signed comment: it names the version, so a signature cannot be moved to another."""
    return f"govtui-content {version}"
