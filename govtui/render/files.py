"""Writing exports to disk atomically: a reader never sees half a file, and nothing is clobbered."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from govtui.errors import GovtuiError, OutputExistsError


def _new_file_mode() -> int:
    """The mode an ordinary new file gets (0o666 less the umask); mkstemp would give 0o600."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Reading the umask elsewhere means setting it, which races with other threads; assume 022.
    return 0o644


def write_atomically(
    path: Path, text: str | bytes, *, force: bool, make_folder: bool = False
) -> None:
    """Write `text` as UTF-8 (or bytes as they are) to `path` through a temporary file beside it.

    `make_folder` creates a missing folder first (for a default folder, never for one typed in,
    where a missing folder is more likely a typo).

    Raises:
        OutputExistsError: `path` exists and `force` is false.
        GovtuiError: the folder is missing or not writable, or the disk refused the write.
    """
    directory = path.parent
    if make_folder and not directory.is_dir():
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except PermissionError:
            raise GovtuiError("error_write_not_writable", path=path, folder=directory) from None
        except OSError as error:
            raise GovtuiError("error_write_failed", path=path, detail=error.strerror) from None
    if not directory.is_dir():
        raise GovtuiError("error_write_no_folder", path=path, folder=directory)
    if path.is_dir():
        raise GovtuiError("error_write_is_folder", path=path)
    if path.exists() and not force:
        raise OutputExistsError("error_output_exists", path=path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _new_file_mode()
        descriptor, temporary_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=directory
        )
    except PermissionError:
        raise GovtuiError("error_write_not_writable", path=path, folder=directory) from None
    except OSError as error:
        raise GovtuiError("error_write_failed", path=path, detail=error.strerror) from None
    temporary = Path(temporary_name)
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if force:
            os.replace(temporary, path)
        else:
            _place_without_overwriting(temporary, path)
        _sync_directory(directory)
    except OSError as error:
        raise GovtuiError("error_write_failed", path=path, detail=error.strerror or error) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _place_without_overwriting(temporary: Path, path: Path) -> None:
    """Link the finished file into place; unlike a check then a rename, this cannot clobber a file
    that appeared in between."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExistsError("error_output_exists", path=path) from None
    except OSError:
        # Some filesystems (FAT, some network shares) have no hard links.
        if path.exists():
            raise OutputExistsError("error_output_exists", path=path) from None
        os.replace(temporary, path)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder, and needs no such step."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
