"""`govtui checklist` (to the screen, a file or the printer) and `govtui ask` (line by line)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govtui.cli.answers import parse_answers
from govtui.cli.exits import say
from govtui.cli.loading import as_of, find_target, load
from govtui.cli.options import AsOfOption, language
from govtui.errors import UsageError
from govtui.i18n import text
from govtui.i18n.phrase import Phrase
from govtui.render.formats import ExportFormat

if TYPE_CHECKING:
    from govtui.ask import ReadLine
    from govtui.interview import Outcome

# Formats a printer takes as they are; HTML and JSON are for files and programs.
_PRINTABLE: frozenset[ExportFormat] = frozenset({"text", "receipt", "markdown"})


def checklist_command(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A guide or bundle id.")],
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="An answer as FACT=VALUE; repeat for more."),
    ] = None,
    answers_file: Annotated[
        Path | None, typer.Option("--answers", help="A YAML file of FACT: VALUE answers.")
    ] = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="The export format.")
    ] = "text",
    width: Annotated[
        int,
        typer.Option(
            "--width",
            "-w",
            min=24,
            max=200,
            help="Text width in columns: 32 for 58 mm, 48 for 80 mm receipt printers.",
        ),
    ] = 80,
    on_date: AsOfOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    include_personal: Annotated[
        bool,
        typer.Option("--include-personal", help="Do not mask ID and phone numbers in the export."),
    ] = False,
    to_printer: Annotated[
        bool,
        typer.Option(
            "--print",
            help="Send the text to the printer (lp or lpr; GOVTUI_PRINTER picks one).",
        ),
    ] = False,
    brought: Annotated[
        list[str] | None,
        typer.Option(
            "--brought",
            metavar="MATERIAL",
            help="A material the citizen brought today (repeat it); the notice then lists "
            "what is still missing.",
        ),
    ] = None,
    case_code: Annotated[
        str | None,
        typer.Option(
            "--case-code",
            metavar="CODE",
            help="The visit's case code (such as QH-7K4Q), printed on the checklist and as a "
            "QR code on the HTML page.",
        ),
    ] = None,
) -> None:
    """Print the one-time checklist (一次性告知单) and the merged form for a guide or bundle."""
    from govtui.interview import evaluate_target
    from govtui.render.checklist import render_checklist
    from govtui.render.date_warnings import basis_warnings

    if to_printer and (output is not None or output_format not in _PRINTABLE):
        raise UsageError("error_print_how")
    words = language()
    library = load()
    target = find_target(library, target_id)
    day = as_of(on_date)
    answers = parse_answers(library, answer or [], answers_file, day)
    outcome = evaluate_target(library, target, answers, day)
    rendered = render_checklist(
        library,
        outcome,
        output_format,
        width=width,
        language=words,
        include_personal=include_personal,
        brought=_brought(outcome, brought),
        case_code=case_code,
    )
    if to_printer:
        from govtui.render.printing import send_to_printer

        job = send_to_printer(rendered + "\n")
        said = Phrase("cli_printer_job", job=job) if job else ""
        say(Phrase("cli_printed", job=said).get(words))
    elif output is None:
        typer.echo(rendered)
    else:
        from govtui.render.files import write_atomically

        write_atomically(output, rendered + "\n", force=force)
        say(text("cli_wrote", words, path=output))
    # Last, so a clerk at a terminal sees them below the checklist rather than scrolled away.
    for warning in basis_warnings(library, outcome):
        say(warning.words(words))


def ask_command(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A guide or bundle id.")],
    on_date: AsOfOption = None,
    width: Annotated[
        int, typer.Option("--width", "-w", min=24, max=200, help="Checklist width in columns.")
    ] = 80,
) -> None:
    """A plain line-by-line interview that ends with the checklist.

    In a terminal it asks one question at a time ('b' goes back, 'q' quits). When standard input is
    not a terminal it reads one answer per line (or FACT=VALUE lines), so scripts can drive it.
    """
    from govtui.ask import run_interview

    library = load()
    target = find_target(library, target_id)
    interactive = sys.stdin.isatty()
    code = run_interview(
        library,
        target,
        as_of(on_date),
        language=language(),
        read_line=_read_line(interactive),
        write=typer.echo,
        interactive=interactive,
        width=width,
    )
    if code:
        raise typer.Exit(code=code)


def _read_line(interactive: bool) -> ReadLine:
    def read_line(prompt: str) -> str | None:
        if interactive:
            try:
                return input(prompt)
            except EOFError:
                return None
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\n")

    return read_line


def _brought(outcome: Outcome, given: list[str] | None) -> frozenset[str] | None:
    """The ticked material ids; an id the checklist does not list is a mistake worth saying."""
    if given is None:
        return None
    ids = {item.id for item in outcome.items} | {
        item.id for branch in outcome.branches for item in branch.items
    }
    ticked = frozenset(part.strip() for value in given for part in value.split(",") if part.strip())
    unknown = sorted(ticked - ids)
    if unknown:
        raise UsageError(
            "error_brought_unknown", materials=", ".join(unknown), known=", ".join(sorted(ids))
        )
    return ticked
