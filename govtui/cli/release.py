"""`govtui release build|check|apply|fetch|status`: signed content releases for terminals."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from govtui.cli.exits import GovtuiGroup, say
from govtui.cli.loading import content_root
from govtui.cli.options import language
from govtui.errors import GovtuiError, UsageError
from govtui.i18n import long_date, text

PASSWORD_VARIABLE = "GOVTUI_SIGN_PASSWORD"

release_app = typer.Typer(
    cls=GovtuiGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help="Signed content releases: build one at the county, apply it on each terminal.",
)


def _progress(done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        say(text("cli_index_building", language(), done=done, total=total))


def _password(key: Path) -> str | None:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and sys.stdin.isatty():
        import minisign

        try:
            if minisign.SecretKey.from_file(key).is_encrypted():
                password = typer.prompt(text("cli_sign_password", language()), hide_input=True)
        except (OSError, minisign.Error):
            return None  # build_release says exactly what is wrong with the key
    return password


@release_app.command("build")
def build_command(
    folder: Annotated[
        Path | None,
        typer.Argument(help="The content folder (default: --content, then the sample)."),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="The release's version, e.g. 2026.12.01 (default: today)."),
    ] = None,
    previous: Annotated[
        str | None, typer.Option("--previous", help="The version this release follows.")
    ] = None,
    min_govtui: Annotated[
        str | None,
        typer.Option("--min-govtui", help="The lowest govtui that can read it (default: this)."),
    ] = None,
    sign: Annotated[
        Path | None, typer.Option("--sign", help="The county's minisign secret key file.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The release file (default: content-VERSION.tar.gz)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Make one release file from a content folder: the YAML, a manifest and a signature."""
    from govtui.release.archive import build_release

    chosen = version or datetime.date.today().strftime("%Y.%m.%d")
    target = output or Path(f"content-{chosen}.tar.gz")
    manifest = build_release(
        content_root(folder),
        target,
        version=chosen,
        previous=previous,
        min_govtui=min_govtui,
        secret_key=sign,
        password=_password(sign) if sign else None,
        force=force,
    )
    key = "cli_release_built" if sign else "cli_release_built_unsigned"
    say(text(key, language(), path=target, version=manifest.version, files=len(manifest.files)))


@release_app.command("check")
def check_command(
    file: Annotated[Path, typer.Argument(help="The release file.")],
) -> None:
    """Check a release's signature and files without applying it."""
    from govtui.config import load_config
    from govtui.release.archive import read_release

    release = read_release(file, load_config().public_key)
    files = len(release.manifest.files)
    say(
        text(
            "cli_release_checked",
            language(),
            path=file,
            version=release.manifest.version,
            files=files,
        )
    )


@release_app.command("apply")
def apply_command(
    file: Annotated[
        Path, typer.Argument(help="The release file (from a USB stick, a shared folder …).")
    ],
) -> None:
    """Check a release against the county's key and switch to it; the old stays on any fault."""
    _apply(file)


def _apply(file: Path) -> None:
    from govtui.release.service import apply_file

    applied = apply_file(file, progress=_progress)
    previous = applied.previous_version or "—"
    say(
        text("cli_release_applied", language(), previous=previous, version=applied.manifest.version)
    )


@release_app.command("fetch")
def fetch_command(
    source: Annotated[str, typer.Argument(metavar="URL|git", help="A URL, or the word git.")],
    remote: Annotated[
        str | None, typer.Argument(metavar="[REMOTE]", help="With git: the repository to pull.")
    ] = None,
) -> None:
    """Fetch a release by URL or from a git remote (no git binary needed), then apply it."""
    from govtui.paths import releases_dir
    from govtui.release.transport import fetch_git, fetch_url

    downloads = releases_dir() / "downloads"
    if source == "git":
        if not remote:
            raise UsageError("error_fetch_git_remote")
        file = fetch_git(remote, downloads)
    elif remote is not None:
        raise UsageError("error_fetch_git_remote")
    else:
        file = fetch_url(source, downloads)
    try:
        _apply(file)
    finally:
        file.unlink(missing_ok=True)


@release_app.command("status")
def status_command() -> None:
    """The content version in use and its age."""
    from govtui.paths import releases_dir
    from govtui.release.install import installed

    current = installed(releases_dir())
    words = language()
    if current is None:
        try:
            root: Path | str = content_root(None)
        except GovtuiError:
            root = "—"
        typer.echo(text("cli_release_status_none", words, root=root))
        return
    made = current.manifest.created_day or datetime.date.today()
    days = (datetime.date.today() - made).days
    typer.echo(
        text(
            "cli_release_status",
            words,
            version=current.manifest.version,
            created=long_date(made, words),
            days=days,
            root=current.root,
        )
    )
