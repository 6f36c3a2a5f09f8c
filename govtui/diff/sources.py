"""The two sides of a diff: a content folder, a release file, or `git:REVISION` of a repository."""

from __future__ import annotations

from pathlib import Path

from govtui.errors import GovtuiError
from govtui.release.archive import read_release
from govtui.release.manifest import CONTENT_FOLDERS
from govtui.release.transport import export_tree

GIT_PREFIX = "git:"


def content_folder(source: str, repository: Path, scratch: Path) -> Path:
    """A folder holding `source`'s guides/ and policies/; releases and revisions go to `scratch`.

    A release is read without its signature checked (a diff changes nothing), but every file
    must match its manifest and lie inside the content folder.
    """
    if source.startswith(GIT_PREFIX):
        revision = source[len(GIT_PREFIX) :]
        scratch.mkdir(parents=True, exist_ok=True)
        export_tree(repository, revision, CONTENT_FOLDERS, scratch)
        _require_content(scratch, source)
        return scratch
    path = Path(source)
    if path.is_dir():
        _require_content(path, source)
        return path
    if path.is_file():
        release = read_release(path, None, verify=False)
        for name, data in release.files.items():
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _require_content(scratch, source)
        return scratch
    raise GovtuiError("error_diff_source", source=source)


def _require_content(folder: Path, source: str) -> None:
    if not all((folder / name).is_dir() for name in CONTENT_FOLDERS):
        raise GovtuiError("error_diff_source", source=source)
