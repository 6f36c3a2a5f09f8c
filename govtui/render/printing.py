"""Sending a rendered checklist to the computer's printer through the system's `lp` or `lpr`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from govtui.errors import GovtuiError

PRINTER_ENVIRONMENT_VARIABLE = "GOVTUI_PRINTER"
# Handing a job to the print spooler takes a moment; a printer that is off only queues the job.
_TIMEOUT_SECONDS = 30


def print_command(printer: str | None = None) -> list[str]:
    """The command that prints standard input: CUPS `lp`, else BSD `lpr`, on `printer` if given.

    Raises GovtuiError when the computer has neither.
    """
    printer = printer or os.environ.get(PRINTER_ENVIRONMENT_VARIABLE) or None
    lp = shutil.which("lp")
    if lp is not None:
        return [lp, *(["-d", printer] if printer else [])]
    lpr = shutil.which("lpr")
    if lpr is not None:
        return [lpr, *(["-P", printer] if printer else [])]
    raise GovtuiError(
        "This computer has no print command (lp or lpr). Export the checklist to a file and "
        "print it from there, or install CUPS."
    )


def send_to_printer(text: str, printer: str | None = None) -> str:
    """Print `text` (UTF-8) and return what the spooler said, such as its job id.

    Raises GovtuiError with the spooler's own words when it refuses the job (no printer set up,
    an unknown printer name) or does not answer.
    """
    command = print_command(printer)
    name = Path(command[0]).name
    try:
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GovtuiError(
            f"The printer did not answer within {_TIMEOUT_SECONDS} seconds ({name}). Check that "
            "the print service is running, or export the checklist to a file."
        ) from None
    except OSError as error:
        raise GovtuiError(f"Could not run {name}: {error.strerror or error}.") from None
    said = (done.stderr or done.stdout).decode("utf-8", errors="replace").strip()
    if done.returncode != 0:
        hint = (
            f" Choose a printer with {PRINTER_ENVIRONMENT_VARIABLE}=NAME (lpstat -p lists them)."
            if not (printer or os.environ.get(PRINTER_ENVIRONMENT_VARIABLE))
            else ""
        )
        raise GovtuiError(f"The printer refused the checklist: {said or 'no reason given'}.{hint}")
    return done.stdout.decode("utf-8", errors="replace").strip()
