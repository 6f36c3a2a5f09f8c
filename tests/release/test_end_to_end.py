"""The issue's "done when": a signed sample release with a changed fee and a removed material,
applied on a terminal; the TUI and `govtui diff` both say so; a tampered one changes nothing."""

from __future__ import annotations

import datetime
import inspect
import io
import tarfile
from pathlib import Path
from typing import Any

from textual.widgets import Static
from typer.testing import CliRunner

from govtui.cli import app
from govtui.content import load_library
from govtui.errors import GovtuiError
from govtui.paths import find_content_root, releases_dir
from govtui.release.archive import build_release
from govtui.release.install import seen_version
from govtui.release.service import apply_file
from govtui.tui.app import GovTuiApp
from govtui.tui.screens.changes import ChangesScreen
from tests.conftest import REPOSITORY
from tests.release.conftest import County
from tests.release.helpers import copy_content, edit, remove_material
from tests.tui.conftest import FakeIndex

DIBAO = "guides/social-assistance/dibao-application.yaml"
FEE = "收费由“不收费”改为“工本费10元”。"
REMOVED = "不再需要材料“家庭经济状况核对授权书”（原为必交）。"


def _sample(folder: Path) -> Path:
    folder.mkdir()
    copy_content(REPOSITORY / "guides", folder / "guides")
    copy_content(REPOSITORY / "policies", folder / "policies")
    return folder


async def test_a_signed_sample_release_and_what_changed(county: County, tmp_path: Path) -> None:
    content = _sample(tmp_path / "sample")
    first = tmp_path / "content-2026.11.01.tar.gz"
    build_release(content, first, version="2026.11.01", secret_key=county.secret_key)
    apply_file(first)
    edit(content, DIBAO, "fee: 不收费\n", "fee: 工本费10元\n")
    remove_material(content, DIBAO, "household-economic-check-authorisation")
    second = tmp_path / "content-2026.12.01.tar.gz"
    build_release(
        content, second, version="2026.12.01", previous="2026.11.01", secret_key=county.secret_key
    )
    applied = apply_file(second)
    root = find_content_root()
    assert root == applied.root

    # govtui diff, between the folder of the first and the second release file
    assert applied.previous_root is not None
    result = CliRunner().invoke(
        app, ["diff", str(applied.previous_root), str(second), "--as-of", "2026-12-02"]
    )
    assert result.exit_code == 0, result.stderr
    assert FEE in result.stdout and REMOVED in result.stdout

    # The TUI opens on "what changed", and one key dismisses it for good
    library = load_library(root).library
    terminal = GovTuiApp(
        content_root=root,
        library=library,
        index=FakeIndex(library),
        today=lambda: datetime.date(2026, 12, 2),
    )
    async with terminal.run_test(size=(100, 30)) as pilot:
        await terminal.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(terminal.screen, ChangesScreen)
        shown = "\n".join(str(widget.render()) for widget in terminal.screen.query(Static))
        assert FEE in shown and REMOVED in shown
        assert "2026.12.01" in terminal.sub_title
        await pilot.press("space")
        await pilot.pause()
        assert not isinstance(terminal.screen, ChangesScreen)
    assert seen_version(releases_dir()) == "2026.12.01"

    # A tampered release is refused, and the terminal keeps working on its content
    tampered = tmp_path / "content-2027.01.01.tar.gz"
    build_release(content, tampered, version="2027.01.01", secret_key=county.secret_key)
    _alter(tampered, DIBAO)
    try:
        apply_file(tampered)
    except GovtuiError as error:
        assert error.key == "error_release_file_changed"
    else:  # pragma: no cover - the assertion below says what went wrong
        raise AssertionError("a tampered release was applied")
    assert find_content_root() == root
    assert not load_library(root).report.errors
    assert load_library(root).library.guides["dibao-application"].fee == "工本费10元"


def _alter(release: Path, member: str) -> None:
    with tarfile.open(release, "r:gz") as archive:
        members = {info.name: archive.extractfile(info).read() for info in archive}  # type: ignore[union-attr]
    members[member] = members[member].replace("工本费10元".encode(), "工本费1元".encode())
    with tarfile.open(release, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


async def test_old_content_is_warned_about_never_blocked(county: County, tmp_path: Path) -> None:
    made = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)
    release = tmp_path / "content-2026.10.01.tar.gz"
    build_release(
        county.content, release, version="2026.10.01", secret_key=county.secret_key, created=made
    )
    root = apply_file(release).root
    library = load_library(root).library
    terminal = _NotingApp(
        content_root=root,
        library=library,
        index=FakeIndex(library),
        today=lambda: datetime.date(2026, 11, 15),
    )
    async with terminal.run_test(size=(100, 30)) as pilot:
        await terminal.workers.wait_for_complete()
        await pilot.pause()
        assert "45天前" in terminal.sub_title
        assert any("内容已45天未更新" in message for message in terminal.noted)
        assert not isinstance(terminal.screen, ChangesScreen)  # a first release has no "before"


class _NotingApp(GovTuiApp):
    """The app, keeping what it told the clerk (Textual's own list of notices is private)."""

    # A relative CSS path is read beside the subclass's module: name the app's own file.
    CSS_PATH = str(Path(inspect.getfile(GovTuiApp)).parent / "app.tcss")

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.noted: list[str] = []

    def notify(self, message: str, **options: Any) -> None:
        self.noted.append(message)
        super().notify(message, **options)
