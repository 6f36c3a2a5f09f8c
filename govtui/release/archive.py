"""The release file: a gzipped tar of the content, its manifest and minisign's signature of it.

Building packs every file of `guides/` and `policies/` with a manifest of their SHA-256 digests
and signs the manifest with minisign's Ed25519 format (py-minisign; the `minisign` binary
verifies the same file). Reading refuses anything but plain files inside those two folders,
checks the signature against the county's key and every file against the manifest.
"""

from __future__ import annotations

import datetime
import gzip
import io
import os
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from govtui.errors import GovtuiError, OutputExistsError
from govtui.release.manifest import (
    CONTENT_FOLDERS,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    check_version,
    installed_govtui_version,
    sha256,
    trusted_comment,
)

# Far above any county's content (the sample is under 1 MiB); a bigger archive is refused
# before it can fill a village terminal's disk.
MAX_RELEASE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Release:
    """A release read whole into memory: its manifest and each content file's bytes."""

    manifest: Manifest
    files: dict[str, bytes]
    manifest_bytes: bytes
    signature_bytes: bytes | None


def content_files(root: Path) -> dict[str, bytes]:
    """Every file a release of `root` carries, by its path inside the content folder."""
    files: dict[str, bytes] = {}
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if not base.is_dir() or base.is_symlink():
            raise GovtuiError("error_release_source_folder", folder=base)
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue  # the loader skips hidden files, so a release does not carry them
            if path.is_symlink():
                raise GovtuiError("error_release_source_link", path=path)
            if path.is_file():
                files[relative.as_posix()] = path.read_bytes()
    return files


def build_release(
    root: Path,
    output: Path,
    *,
    version: str,
    previous: str | None = None,
    min_govtui: str | None = None,
    secret_key: Path | None = None,
    password: str | None = None,
    created: datetime.datetime | None = None,
    force: bool = False,
) -> Manifest:
    """Pack `root` into the release file `output`, signed with `secret_key` when given."""
    check_version(version)
    if previous is not None:
        check_version(previous)
    files = content_files(root)
    moment = created or datetime.datetime.now(datetime.UTC).astimezone()
    manifest = Manifest(
        version=version,
        created=moment.isoformat(timespec="seconds"),
        previous=previous,
        min_govtui=check_version(min_govtui or installed_govtui_version()),
        files={path: sha256(data) for path, data in files.items()},
    )
    manifest_bytes = manifest.to_json().encode("utf-8")
    members = {MANIFEST_NAME: manifest_bytes}
    if secret_key is not None:
        members[SIGNATURE_NAME] = sign(manifest_bytes, version, secret_key, password)
    members.update(files)
    _write_atomically(output, _pack(members, int(moment.timestamp())), force=force)
    return manifest


def sign(data: bytes, version: str, secret_key: Path, password: str | None) -> bytes:
    """minisign's signature of `data`, its trusted comment naming the release's version."""
    import minisign

    try:
        key = minisign.SecretKey.from_file(secret_key)
    except OSError as error:
        raise GovtuiError("error_release_key_unreadable", path=secret_key, detail=error) from None
    except minisign.Error:
        raise GovtuiError("error_release_key_invalid", path=secret_key) from None
    if key.is_encrypted():
        if not password:
            raise GovtuiError("error_release_key_password", path=secret_key)
        try:
            key.decrypt(password)
        except minisign.Error:
            raise GovtuiError("error_release_key_password_wrong", path=secret_key) from None
    signature = key.sign(data, trusted_comment=trusted_comment(version))
    return bytes(signature)


def _pack(members: dict[str, bytes], mtime: int) -> bytes:
    buffer = io.BytesIO()
    # A fixed gzip time and owner make two builds of the same content byte-identical.
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=mtime) as compressed:
        with tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = len(data), mtime, 0o644
                archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    if path.exists() and not force:
        raise OutputExistsError("error_output_exists", path=path)
    if not path.parent.is_dir():
        raise GovtuiError("error_write_no_folder", path=path, folder=path.parent)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise GovtuiError("error_write_failed", path=path, detail=error.strerror) from None


def read_release(path: Path, public_key: str | None, *, verify: bool = True) -> Release:
    """Read and check a release file; any fault is a GovtuiError saying what is wrong.

    With `verify`, the manifest must carry a valid signature by `public_key`. Without it (for
    `govtui diff`, which changes nothing) the signature is not checked, but every file still is.
    """
    members = _unpack(path)
    manifest_bytes = members.pop(MANIFEST_NAME, None)
    if manifest_bytes is None:
        raise GovtuiError("error_release_no_manifest", path=path)
    signature_bytes = members.pop(SIGNATURE_NAME, None)
    if verify:
        _verify(path, manifest_bytes, signature_bytes, public_key)
    manifest = Manifest.from_json(manifest_bytes, path)
    if verify:
        _check_comment(path, signature_bytes, manifest.version)
    for name, data in members.items():
        expected = manifest.files.get(name)
        if expected is None:
            raise GovtuiError("error_release_extra_file", path=path, member=name)
        if sha256(data) != expected:
            raise GovtuiError("error_release_file_changed", path=path, member=name)
    missing = sorted(set(manifest.files) - set(members))
    if missing:
        raise GovtuiError("error_release_file_missing", path=path, member=missing[0])
    return Release(manifest, members, manifest_bytes, signature_bytes)


def _unpack(path: Path) -> dict[str, bytes]:
    """Every member's bytes, refusing links, devices, paths outside the content and oversize."""
    members: dict[str, bytes] = {}
    total = 0
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            for info in archive:
                name = _member_name(path, info)
                if info.isdir():
                    continue  # `tar` writes folders as members; the files carry the content
                if not info.isreg():
                    kind = "link" if info.issym() or info.islnk() else "other"
                    raise GovtuiError(f"error_release_member_{kind}", path=path, member=name)
                if name in members:
                    raise GovtuiError("error_release_member_twice", path=path, member=name)
                total += info.size
                if total > MAX_RELEASE_BYTES:
                    raise GovtuiError("error_release_too_big", path=path)
                handle = archive.extractfile(info)
                assert handle is not None  # a regular file always has data
                members[name] = handle.read()
    except FileNotFoundError:
        raise GovtuiError("error_release_not_found", path=path) from None
    except IsADirectoryError:
        raise GovtuiError("error_release_not_found", path=path) from None
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, OSError):
        # A cut-short download or a copy that failed half-way: the end of the stream is missing.
        raise GovtuiError("error_release_damaged", path=path) from None
    return members


def _member_name(path: Path, info: tarfile.TarInfo) -> str:
    name = info.name
    parts = PurePosixPath(name).parts
    inside = (
        bool(parts)
        and not name.startswith("/")
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in parts)
        and (name in (MANIFEST_NAME, SIGNATURE_NAME) or parts[0] in CONTENT_FOLDERS)
        and PurePosixPath(*parts).as_posix() == name
    )
    if not inside:
        raise GovtuiError("error_release_member_outside", path=path, member=name)
    return name


def _verify(path: Path, data: bytes, signature: bytes | None, public_key: str | None) -> None:
    import minisign

    if not public_key:
        raise GovtuiError("error_release_no_public_key")
    if signature is None:
        raise GovtuiError("error_release_unsigned", path=path)
    try:
        key = minisign.PublicKey.from_base64(public_key)
    except (minisign.Error, ValueError):
        raise GovtuiError("error_release_public_key_invalid") from None
    try:
        parsed = minisign.Signature.from_bytes(signature)
        key.verify(data, parsed)
    except (minisign.Error, ValueError):
        raise GovtuiError("error_release_bad_signature", path=path) from None


def _check_comment(path: Path, signature: bytes | None, version: str) -> None:
    import minisign

    assert signature is not None  # _verify has checked it is there
    if minisign.Signature.from_bytes(signature).trusted_comment != trusted_comment(version):
        raise GovtuiError("error_release_bad_signature", path=path)
