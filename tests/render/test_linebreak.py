"""Line breaks for the terminal: Chinese between characters, never before closing punctuation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govtui.render.linebreak import NO_LINE_START, break_offsets, cell_width


def lines_of(text: str, width: int, indent: int = 0) -> list[str]:
    offsets = [0, *break_offsets(text, width, indent), len(text)]
    return [text[start:end] for start, end in zip(offsets, offsets[1:], strict=False)]


def width_of(text: str) -> int:
    return sum(cell_width(char) for char in text)


def test_closing_punctuation_goes_with_the_character_before_it() -> None:
    # A plain cut at 16 cells would leave "；" to start the second line.
    lines = lines_of("带上代理人身份证；另需：", 16)
    assert lines == ["带上代理人身份", "证；另需："]
    assert not any(line[0] in NO_LINE_START for line in lines[1:])


def test_opening_punctuation_goes_to_the_next_line() -> None:
    lines = lines_of("火化证明（原件）", 10)
    assert lines == ["火化证明", "（原件）"]


def test_english_breaks_at_spaces_and_a_hang_is_counted() -> None:
    assert lines_of("also bring the letter", 10) == ["also bring ", "the letter"]
    assert lines_of("also bring the letter", 9) == ["also ", "bring the ", "letter"]
    assert lines_of("一二三四五六七八九十", 10, indent=2) == ["一二三四五", "六七八九", "十"]


def test_a_word_wider_than_the_line_is_cut() -> None:
    assert lines_of("abcdefghij", 4) == ["abcd", "efgh", "ij"]


@given(
    st.text(alphabet="证明材料，。；：（）《》 ab12", max_size=60),
    st.integers(min_value=4, max_value=30),
)
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    lines = lines_of(text, width)
    assert "".join(lines) == text
    for number, line in enumerate(lines):
        assert width_of(line.rstrip(" ")) <= width
        if number and line[0] in NO_LINE_START:
            # Only where the line before had nothing else to give: one piece, then punctuation.
            before = lines[number - 1].rstrip(" ").rstrip("".join(NO_LINE_START))
            assert len(before) <= 1 or (before.isascii() and " " not in before)
