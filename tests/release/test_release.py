"""Build, sign and apply releases; every bad release is refused and nothing changes."""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from govtui.errors import GovtuiError
from govtui.paths import find_content_root, managed_content_root, releases_dir
from govtui.release.archive import build_release, read_release
from govtui.release.manifest import installed_govtui_version
from govtui.release.service import apply_file, content_age
from tests.release.conftest import County
from tests.release.helpers import GUIDE, edit, make_keys, write_config


def _build(county: County, folder: Path, version: str, **options: object) -> Path:
    output = folder / f"content-{version}.tar.gz"
    build_release(
        county.content,
        output,
        version=version,
        secret_key=county.secret_key,
        **options,  # type: ignore[arg-type]
    )
    return output


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the managed content folder, to prove a refusal changed nothing."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "apply.lock"
    }


def _refused(path: Path, key: str) -> None:
    before = _snapshot(releases_dir())
    with pytest.raises(GovtuiError) as raised:
        apply_file(path)
    assert raised.value.key == key
    assert _snapshot(releases_dir()) == before


def _repack(
    source: Path,
    target: Path,
    change: dict[str, bytes | None],
    extra: list[tarfile.TarInfo] | None = None,
) -> None:
    """The release `source` with members replaced (None drops one), written to `target`."""
    with tarfile.open(source, "r:gz") as archive:
        members = {info.name: archive.extractfile(info).read() for info in archive}  # type: ignore[union-attr]
    with tarfile.open(target, "w:gz") as archive:
        for name, data in {**members, **change}.items():
            replaced = change.get(name, data)
            if replaced is None:
                continue
            info = tarfile.TarInfo(name)
            info.size = len(replaced)
            archive.addfile(info, io.BytesIO(replaced))
        for info in extra or []:
            archive.addfile(info, io.BytesIO(b"x" * info.size) if info.isreg() else None)


def test_a_signed_release_applies_and_becomes_the_content(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    applied = apply_file(release)
    assert applied.manifest.version == "2026.11.01"
    assert managed_content_root() == applied.root
    assert find_content_root() == applied.root
    assert (applied.root / GUIDE).read_bytes() == (county.content / GUIDE).read_bytes()
    manifest = json.loads((applied.root / "manifest.json").read_text("utf-8"))
    assert manifest["min_govtui"] == installed_govtui_version()
    assert GUIDE in manifest["files"]


def test_a_newer_release_replaces_it_and_keeps_the_previous_folder(
    county: County, tmp_path: Path
) -> None:
    first = apply_file(_build(county, tmp_path, "2026.11.01"))
    edit(county.content, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n")
    second = apply_file(_build(county, tmp_path, "2026.12.01", previous="2026.11.01"))
    assert second.previous_version == "2026.11.01"
    assert find_content_root() == second.root
    assert "工本费10元" in (second.root / GUIDE).read_text("utf-8")
    assert first.root.is_dir()  # kept for "what changed"


def test_replaying_an_old_release_is_refused(county: County, tmp_path: Path) -> None:
    old = _build(county, tmp_path, "2026.11.01")
    apply_file(old)
    apply_file(_build(county, tmp_path, "2026.12.01"))
    _refused(old, "error_release_not_newer")
    same = tmp_path / "same"
    same.mkdir()
    _refused(_build(county, same, "2026.12.01"), "error_release_not_newer")


def test_a_release_for_a_newer_govtui_is_refused(county: County, tmp_path: Path) -> None:
    _refused(
        _build(county, tmp_path, "2026.11.01", min_govtui="99.0"),
        "error_release_needs_newer_govtui",
    )


def test_a_tampered_file_is_refused(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    tampered = tmp_path / "tampered.tar.gz"
    guide = (county.content / GUIDE).read_bytes().replace("不收费".encode(), "收费100元".encode())
    _repack(release, tampered, {GUIDE: guide})
    _refused(tampered, "error_release_file_changed")


def test_a_tampered_manifest_is_refused(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    manifest = read_release(release, county.public_key).manifest_bytes
    tampered = tmp_path / "tampered.tar.gz"
    _repack(release, tampered, {"manifest.json": manifest.replace(b"2026.11.01", b"2026.11.09")})
    _refused(tampered, "error_release_bad_signature")


def test_a_release_signed_by_another_key_is_refused(county: County, tmp_path: Path) -> None:
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other, _ = make_keys(other_folder)
    release = tmp_path / "other.tar.gz"
    build_release(county.content, release, version="2026.11.01", secret_key=other)
    _refused(release, "error_release_bad_signature")


def test_an_unsigned_release_is_refused(county: County, tmp_path: Path) -> None:
    release = tmp_path / "unsigned.tar.gz"
    build_release(county.content, release, version="2026.11.01")
    _refused(release, "error_release_unsigned")


def test_a_terminal_without_the_county_key_refuses(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    write_config(Path(os.environ["GOVTUI_CONFIG"]), None)
    _refused(release, "error_release_no_public_key")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_truncated_release_is_refused(county: County, tmp_path: Path, keep: float) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    data = release.read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(data[: int(len(data) * keep)])
    _refused(cut, "error_release_damaged")


@pytest.mark.parametrize(
    "name", ["../escape.yaml", "guides/../../escape.yaml", "/etc/passwd", "other/x.yaml"]
)
def test_a_file_outside_the_content_folder_is_refused(
    county: County, tmp_path: Path, name: str
) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    bad = tmp_path / "bad.tar.gz"
    info = tarfile.TarInfo(name)
    info.size = 3
    _repack(release, bad, {}, [info])
    _refused(bad, "error_release_member_outside")
    assert not (tmp_path / "escape.yaml").exists()


@pytest.mark.parametrize("link_type", [tarfile.SYMTYPE, tarfile.LNKTYPE])
def test_a_link_in_the_release_is_refused(county: County, tmp_path: Path, link_type: bytes) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    bad = tmp_path / "bad.tar.gz"
    info = tarfile.TarInfo("guides/assistance/link.yaml")
    info.type, info.linkname = link_type, "/etc/passwd"
    _repack(release, bad, {}, [info])
    _refused(bad, "error_release_member_link")


def test_a_symlink_in_the_content_folder_is_refused_at_build(
    county: County, tmp_path: Path
) -> None:
    (county.content / "guides" / "link.yaml").symlink_to("/etc/passwd")
    with pytest.raises(GovtuiError) as raised:
        _build(county, tmp_path, "2026.11.01")
    assert raised.value.key == "error_release_source_link"
    assert not (tmp_path / "content-2026.11.01.tar.gz").exists()


def test_a_file_the_manifest_does_not_list_is_refused(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    bad = tmp_path / "bad.tar.gz"
    _repack(release, bad, {"guides/extra.yaml": b"id: extra\n"})
    _refused(bad, "error_release_extra_file")


def test_a_missing_file_is_refused(county: County, tmp_path: Path) -> None:
    release = _build(county, tmp_path, "2026.11.01")
    bad = tmp_path / "bad.tar.gz"
    _repack(release, bad, {GUIDE: None})
    _refused(bad, "error_release_file_missing")


def test_content_that_does_not_load_is_refused(county: County, tmp_path: Path) -> None:
    edit(county.content, GUIDE, "visits: 1\n", "visits: many\n")
    _refused(_build(county, tmp_path, "2026.11.01"), "error_release_content_errors")


def test_the_status_bar_age_and_the_stale_warning(county: County, tmp_path: Path) -> None:
    import datetime

    made = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)
    release = _build(county, tmp_path, "2026.10.01", created=made)
    applied = apply_file(release)
    fresh = content_age(datetime.date(2026, 10, 11), applied.root)
    assert fresh is not None and (fresh.days, fresh.stale) == (10, False)
    stale = content_age(datetime.date(2026, 11, 15), applied.root)
    assert stale is not None and (stale.days, stale.stale) == (45, True)
    assert content_age(datetime.date(2026, 11, 15), county.content) is None
