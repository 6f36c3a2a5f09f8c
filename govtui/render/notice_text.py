"""The one-time notice as plain text for a terminal or a 58/80 mm receipt printer."""

from __future__ import annotations

from govtui.i18n import Language, text
from govtui.render.blocks import (
    Blanks,
    Block,
    Bullets,
    CaseCode,
    Entries,
    Heading,
    Notice,
    Pairs,
    Paragraph,
    Rule,
    Signatures,
    colon_for,
)
from govtui.render.text import printed_width, wrap

# A blank to write on is at least this wide; a shorter one moves to a line of its own.
_BLANK_MINIMUM = 8
# A signature wants a longer rule: beside the date only when this much is left for it.
_SIGNATURE_MINIMUM = 24
_SIGNATURE_GAP = "  "
# Eighteen handwritten digits and a little more.
_ID_NUMBER_MINIMUM = 20


def notice_text(notice: Notice, width: int) -> str:
    """Every line fits in `width` printed columns, counting CJK as two (32 for 58 mm paper)."""
    colon = colon_for(notice.language)
    lines: list[str] = []
    for section in notice.sections:
        if section.new_page:
            lines += [("- " * (width // 2)).rstrip(), ""]
        for block in section.blocks:
            lines += _block(block, width, colon, notice.language)
    return "\n".join(lines).rstrip("\n")


def _underline(lines: list[str], character: str, width: int) -> str:
    return character * min(width, max(printed_width(line) for line in lines))


def _block(block: Block, width: int, colon: str, language: Language) -> list[str]:
    if isinstance(block, Heading):
        wrapped = wrap(block.text, width)
        if block.level == 1:
            centred = [" " * ((width - printed_width(line)) // 2) + line for line in wrapped]
            return ["=" * width, *centred, "=" * width]
        return ["", *wrapped, _underline(wrapped, "=" if block.level == 2 else "-", width)]
    if isinstance(block, Paragraph):
        if block.warning:
            return ["", *wrap(text("warning_prefix", language) + block.text, width), ""]
        return wrap(block.text, width)
    if isinstance(block, Entries):
        return _entries(block, width, colon)
    if isinstance(block, Bullets):
        lines: list[str] = []
        for number, item in enumerate(block.items, 1):
            marker = f"{number}. " if block.ordered else "- "
            lines += wrap(item, width, indent=" " * len(marker), first_indent=marker)
        return lines
    if isinstance(block, Pairs):
        return [
            line
            for label, value in block.rows
            for line in wrap(f"{label}{colon}{value}", width, indent="  ", first_indent="")
        ]
    if isinstance(block, Blanks):
        return _blanks(block, width, colon)
    if isinstance(block, Signatures):
        return _signatures(block, width, colon)
    if isinstance(block, CaseCode):
        return wrap(f"{block.label}{colon}{block.code}", width, indent="  ", first_indent="")
    assert isinstance(block, Rule)
    return ["", "-" * width]


def _entries(block: Entries, width: int, colon: str) -> list[str]:
    marker, indent = ("[ ] ", "    ") if block.checkbox else ("- ", "  ")
    lines: list[str] = []
    for entry in block.entries:
        first = "[✔] " if block.checkbox and entry.checked else marker
        lines += wrap(entry.title, width, indent=indent, first_indent=first)
        for detail in entry.details:
            label = f"{detail.label}{colon}" if detail.label else ""
            lines += wrap(label + detail.text, width, indent=indent)
    return lines


def _blanks(block: Blanks, width: int, colon: str) -> list[str]:
    lines: list[str] = []
    for label, value in block.rows:
        if value is not None:
            lines += wrap(f"{label}{colon}{value}", width, indent="  ", first_indent="")
        else:
            lines += _to_write_on(label, width, colon, _BLANK_MINIMUM)
    return lines


def _to_write_on(label: str, width: int, colon: str, minimum: int) -> list[str]:
    """The label and a rule to its right edge; a rule shorter than `minimum` gets its own line."""
    wrapped = wrap(label + colon, width)
    spaced = wrapped[-1] + colon[len(colon.rstrip()) :]  # wrap drops the space in "Date: "
    room = width - printed_width(spaced)
    if room >= minimum:
        wrapped[-1] = spaced + "_" * room
    else:
        wrapped.append("  " + "_" * (width - 2))
    return wrapped


def _signatures(block: Signatures, width: int, colon: str) -> list[str]:
    """A blank line above each signer to sign in, the rule as long as the paper allows."""
    lines: list[str] = []
    for signer in block.signers:
        lines.append("")
        label = signer.heading
        date = signer.date + colon + signer.date_blank
        beside = printed_width(label + colon) + len(_SIGNATURE_GAP) + printed_width(date)
        room = width - beside
        if room >= _SIGNATURE_MINIMUM:
            lines.append(label + colon + "_" * room + _SIGNATURE_GAP + date)
        else:
            lines += _to_write_on(label, width, colon, _SIGNATURE_MINIMUM // 2)
            lines += wrap(date, width, indent="  ", first_indent="")
        if signer.id_number is not None:
            lines += _to_write_on(signer.id_number, width, colon, _ID_NUMBER_MINIMUM)
    return [*lines, ""]
