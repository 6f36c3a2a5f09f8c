"""Ways a release reaches a terminal: a URL (HTTP or file) or a git remote read with dulwich.

Each only fetches a file; `install.apply_release` checks and applies it, so every transport is
held to the same signature and version rules. git goes through dulwich (pure Python), so a
terminal without the git binary still works.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath

from govtui.errors import GovtuiError
from govtui.release.archive import read_release
from govtui.release.manifest import version_key

RELEASE_SUFFIX = ".tar.gz"
_CHUNK = 1 << 16


def fetch_url(url: str, folder: Path) -> Path:
    """Download `url` into a new file in `folder`; the caller applies (and removes) it."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(prefix=".download-", suffix=RELEASE_SUFFIX, dir=folder)
    try:
        with (
            os.fdopen(descriptor, "wb") as handle,
            urllib.request.urlopen(url, timeout=60) as source,
        ):
            shutil.copyfileobj(source, handle, _CHUNK)
    except (urllib.error.URLError, OSError, ValueError) as error:
        Path(name).unlink(missing_ok=True)
        detail = getattr(error, "reason", None) or error
        raise GovtuiError("error_fetch_failed", source=url, detail=detail) from None
    return Path(name)


def _git_errors() -> tuple[type[Exception], ...]:
    from dulwich.errors import GitProtocolError, NotGitRepository, ObjectMissing

    return (
        GitProtocolError,
        NotGitRepository,
        ObjectMissing,
        OSError,
        KeyError,
        ValueError,
        IndexError,
    )


def export_tree(
    repository: Path | str, revision: str, prefixes: tuple[str, ...], into: Path
) -> None:
    """Write the files under `prefixes` at `revision` of a git repository into `into`."""
    from dulwich.objectspec import parse_commit
    from dulwich.repo import Repo

    try:
        with Repo(str(repository)) as repo:
            base, _, back = revision.partition("~")
            commit = parse_commit(repo, base.encode())
            # `REV~N`: the Nth first parent, written here as dulwich's parser reads only names.
            for _ in range(int(back) if back else 0):
                commit = parse_commit(repo, commit.parents[0])
            for path, data in _blobs(repo, commit.tree):
                if PurePosixPath(path).parts[0] in prefixes:
                    target = into / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
    except _git_errors() as error:
        raise GovtuiError(
            "error_git_revision", revision=revision, repository=repository, detail=error
        ) from None


def _blobs(repo: object, tree_id: bytes, prefix: str = "") -> list[tuple[str, bytes]]:
    """Every regular file of a tree: (path, bytes). Links and submodules are left out."""
    from dulwich.objects import Blob, Tree
    from dulwich.repo import Repo

    assert isinstance(repo, Repo)
    found: list[tuple[str, bytes]] = []
    tree = repo[tree_id]
    assert isinstance(tree, Tree)
    for entry in tree.items():
        name = entry.path.decode("utf-8")
        path = f"{prefix}{name}"
        if stat.S_ISDIR(entry.mode):
            found.extend(_blobs(repo, entry.sha, f"{path}/"))
        elif stat.S_ISREG(entry.mode):
            blob = repo[entry.sha]
            assert isinstance(blob, Blob)
            found.append((path, blob.as_raw_string()))
    return found


def fetch_git(remote: str, folder: Path) -> Path:
    """Clone `remote` and return its newest release file (by the version in its manifest)."""
    from dulwich import porcelain
    from dulwich.objects import Commit

    folder.mkdir(parents=True, exist_ok=True)
    clone = Path(tempfile.mkdtemp(prefix=".git-", dir=folder))
    try:
        try:
            with porcelain.clone(remote, str(clone), bare=True, errstream=io.BytesIO()) as repo:
                head = repo[repo.head()]
                assert isinstance(head, Commit)
                files = [
                    (path, data)
                    for path, data in _blobs(repo, head.tree)
                    if path.endswith(RELEASE_SUFFIX)
                ]
        except _git_errors() as error:
            raise GovtuiError("error_fetch_failed", source=remote, detail=error) from None
        best: tuple[tuple[int, ...], Path] | None = None
        for index, (_, data) in enumerate(files):
            candidate = folder / f".git-release-{index}{RELEASE_SUFFIX}"
            candidate.write_bytes(data)
            try:
                version = read_release(candidate, None, verify=False).manifest.version
            except GovtuiError:
                candidate.unlink()
                continue  # not a release, or a broken one: the newest whole one is chosen
            if best is None or version_key(version) > best[0]:
                if best is not None:
                    best[1].unlink()
                best = (version_key(version), candidate)
            else:
                candidate.unlink()
        if best is None:
            raise GovtuiError("error_fetch_no_release", source=remote)
        return best[1]
    finally:
        shutil.rmtree(clone, ignore_errors=True)
