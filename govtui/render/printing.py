"""Sending a rendered checklist to the computer's printer through the system's `lp` or `lpr`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from govtui.errors import GovtuiError
from govtui.i18n.phrase import Phrase

PRINTER_ENVIRONMENT_VARIABLE = "GOVTUI_PRINTER"
ENCODING_ENVIRONMENT_VARIABLE = "GOVTUI_PRINTER_ENCODING"
# What may be sent: UTF-8, or GB18030 for receipt printers at counters that expect the national
# standard. GB18030 encodes all of Unicode, so nothing else (GBK, GB2312) is offered: they cannot
# print every name.
PRINTER_ENCODINGS = {"utf-8": "UTF-8", "utf8": "UTF-8", "gb18030": "GB18030", "gb-18030": "GB18030"}
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
    raise GovtuiError("error_no_print_command")


def printer_encoding() -> str:
    """The encoding of the bytes sent to the printer: `$GOVTUI_PRINTER_ENCODING`, else UTF-8.

    Raises GovtuiError naming the encodings offered when it is set to anything else.
    """
    wanted = os.environ.get(ENCODING_ENVIRONMENT_VARIABLE, "").strip()
    if not wanted:
        return "UTF-8"
    encoding = PRINTER_ENCODINGS.get(wanted.lower().replace("_", "-"))
    if encoding is None:
        raise GovtuiError(
            "error_printer_encoding",
            variable=ENCODING_ENVIRONMENT_VARIABLE,
            value=wanted,
        )
    return encoding


def send_to_printer(text: str, printer: str | None = None) -> str:
    """Print `text` in the printer encoding and return what the spooler said, such as its job id.

    Raises GovtuiError with the spooler's own words when it refuses the job (no printer set up,
    an unknown printer name) or does not answer, and when the encoding asked for is not offered.
    """
    # A character the encoding lacks becomes "?" on paper rather than a failed print.
    data = text.encode(printer_encoding(), errors="replace")
    command = print_command(printer)
    name = Path(command[0]).name
    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GovtuiError("error_printer_timeout", seconds=_TIMEOUT_SECONDS, program=name) from None
    except OSError as error:
        raise GovtuiError(
            "error_printer_not_run", program=name, detail=error.strerror or error
        ) from None
    said = (done.stderr or done.stdout).decode("utf-8", errors="replace").strip()
    if done.returncode != 0:
        hint = (
            Phrase("error_printer_choose", variable=PRINTER_ENVIRONMENT_VARIABLE)
            if not (printer or os.environ.get(PRINTER_ENVIRONMENT_VARIABLE))
            else ""
        )
        raise GovtuiError(
            "error_printer_refused", said=said or Phrase("error_printer_no_reason"), hint=hint
        )
    return done.stdout.decode("utf-8", errors="replace").strip()
