"""The one-time notice as plain text for a terminal or a 58/80 mm receipt printer."""

from __future__ import annotations

from govtui.i18n import Language, text
from govtui.render.blocks import (
    Blanks,
    Block,
    Bullets,
    Entries,
    Heading,
    Notice,
    Pairs,
    Paragraph,
    Rule,
    colon_for,
)
from govtui.render.text import printed_width, wrap

# A blank to write on is at least this wide; a shorter one moves to a line of its own.
_BLANK_MINIMUM = 8


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
    if block.signature:
        lines.append("")
    for label, value in block.rows:
        if value is not None:
            lines += wrap(f"{label}{colon}{value}", width, indent="  ", first_indent="")
            continue
        wrapped = wrap(label + colon, width)
        spaced = wrapped[-1] + colon[len(colon.rstrip()) :]  # wrap drops the space in "Date: "
        room = width - printed_width(spaced)
        if room >= _BLANK_MINIMUM:
            wrapped[-1] = spaced + "_" * room
        else:
            wrapped.append("  " + "_" * (width - 2))
        lines += wrapped
        if block.signature:
            lines.append("")
    return lines
