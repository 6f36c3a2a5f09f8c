"""Where to break a line of mixed Chinese and English for a terminal, by the 禁则 rules."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

# Closing punctuation never starts a line, opening punctuation never ends one (the same sets as
# the receipt's wrapping in `render.text`).
NO_LINE_START = frozenset("，。、；：！？）》」』】〕…％,.;:!?)]}%")
NO_LINE_END = frozenset("（《「『【〔([{")


def cell_width(char: str) -> int:
    """Terminal cells of one character: wide and full-width (CJK) take two, marks none."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _units(line: str) -> Iterator[tuple[int, int]]:
    """Unbreakable pieces as (start, end): a run of ASCII letters and digits, or one character."""
    start = 0
    while start < len(line):
        end = start + 1
        if line[start].isascii() and not line[start].isspace():
            while end < len(line) and line[end].isascii() and not line[end].isspace():
                end += 1
        yield start, end
        start = end


def break_offsets(line: str, width: int, indent: int = 0) -> list[int]:
    """Offsets in `line` (which holds no newline) to break it at so each part fits `width` cells.

    English breaks at spaces and Chinese between characters, except that closing punctuation is
    carried to the line with the character before it ("证明\\n。" never happens) and opening
    punctuation to the next line. Lines after the first are taken to start with `indent` cells.
    A piece wider than the whole line is cut where it must be.
    """
    width = max(width, 2)
    units = list(_units(line))
    widths = [sum(cell_width(char) for char in line[start:end]) for start, end in units]
    offsets: list[int] = []
    first = 0  # index into units of the current line's first unit
    used = 0
    index = 0
    while index < len(units):
        start, end = units[index]
        if line[start].isspace() or used + widths[index] <= width:
            used += widths[index]
            index += 1
            continue
        cut = index
        if line[start] in NO_LINE_START and cut - 1 > first:
            cut -= 1  # take the character before along: "证明。" stays whole
            while cut - 1 > first and line[units[cut][0]] in NO_LINE_START:
                cut -= 1
        while cut - 1 > first and line[units[cut - 1][0]] in NO_LINE_END:
            cut -= 1
        if cut == first:
            # One piece wider than a line: cut inside it, at the last character that fits.
            room = width - used
            position = start
            while position < end - 1 and cell_width(line[position]) <= room:
                room -= cell_width(line[position])
                position += 1
            if position == start:
                position += 1
            offsets.append(position)
            units[index] = (position, end)
            widths[index] = sum(cell_width(char) for char in line[position:end])
            first, used = index, indent
            continue
        offsets.append(units[cut][0])
        first = cut
        used = indent + sum(widths[cut:index])
    return offsets
