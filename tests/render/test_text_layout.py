"""Receipt widths: no line of the text export runs over, with CJK counted as two columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.content import load_library
from govtui.content.models import Library
from govtui.errors import UsageError
from govtui.i18n import Language
from govtui.interview import Target, evaluate_target
from govtui.render.blocks import Blanks, Notice, Section
from govtui.render.checklist import render_checklist
from govtui.render.notice_text import notice_text
from govtui.render.text import display_width, printed_width, wrap
from tests.render.helpers import AS_OF, Evaluate

LONG_CHINESE = (
    "本人承诺所报共同生活家庭成员的收入和财产情况真实完整没有隐瞒如有虚报愿意退回已领取的补助"
    "并承担相应的法律责任（《松溪县困难家庭生活补助办法（测试样例）》第十一条）。"
)


def _assert_fits(text: str, width: int) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        assert printed_width(line) <= width, (
            f"line {number} is {printed_width(line)} wide: {line!r}"
        )
        assert line == line.rstrip(), f"line {number} has trailing spaces: {line!r}"


def test_printed_width_counts_cjk_and_ambiguous_characters_as_two() -> None:
    assert printed_width("abc") == 3
    assert printed_width("身份证") == 6
    assert printed_width("，（）") == 6
    # GB18030 printers print these double-width, though a Western terminal would not.
    assert printed_width("–·“") == 6
    assert display_width("–") == 1


@pytest.mark.parametrize("width", [20, 32, 48])
def test_wrap_long_chinese_without_punctuation_fits(width: int) -> None:
    lines = wrap(LONG_CHINESE, width, indent="    ", first_indent="[ ] ")
    assert all(printed_width(line) <= width for line in lines)
    assert lines[0].startswith("[ ] ")
    assert all(line.startswith("    ") for line in lines[1:])
    assert "".join(line[4:] for line in lines) == LONG_CHINESE


def test_wrap_keeps_closing_punctuation_off_the_start_of_a_line() -> None:
    for width in range(12, 40):
        for line in wrap(LONG_CHINESE, width)[1:]:
            assert line[0] not in "，。、；：）》", (width, line)


def test_wrap_breaks_english_at_spaces_and_cuts_only_overlong_words() -> None:
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]


def test_wrap_drops_control_characters() -> None:
    assert wrap("a\x1b[31mb\tc", 20) == ["a[31mb c"]


@pytest.mark.parametrize("width", [32, 48, 80])
@pytest.mark.parametrize(
    ("target", "answers"),
    [
        ("living-allowance", {}),
        ("living-allowance", {"applicant_role": "agent", "applicant_name": "张三"}),
        ("newborn", {"applicant_role": "guardian"}),
        ("newborn-hukou-registration", {"hukou_local": False}),
    ],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_line_fits_the_paper(
    library: Library,
    evaluate: Evaluate,
    target: str,
    answers: dict[str, str | bool],
    width: int,
    language: Language,
) -> None:
    outcome = evaluate(target, answers, language=language)
    rendered = render_checklist(library, outcome, "text", width=width, language=language)
    _assert_fits(rendered, width)


def test_every_shipped_guide_and_bundle_fits_receipt_paper(repository: Path) -> None:
    """The real content, not only the synthetic one: long names and notes must wrap too."""
    shipped = load_library(repository).library
    targets: list[Target] = [*shipped.guides.values(), *shipped.bundles.values()]
    assert targets
    for target in targets:
        for answers in [{}, *(example.answers for example in target.examples)]:
            for language in ("zh", "en"):
                outcome = evaluate_target(shipped, target, answers, AS_OF)
                for width in (32, 48):
                    rendered = render_checklist(
                        shipped, outcome, "text", width=width, language=language
                    )
                    _assert_fits(rendered, width)


def test_a_blank_after_a_long_label_moves_to_its_own_line() -> None:
    rows: tuple[tuple[str, str | None], ...] = (("母亲公民身份号码", None), ("Date", None))
    notice = Notice("t", "en", (Section("form", (Blanks(rows),)),))
    assert notice_text(notice, 24).split("\n") == [
        "母亲公民身份号码:",
        "  ______________________",
        "Date: __________________",
    ]


def test_a_width_too_narrow_for_a_line_of_chinese_is_refused(
    library: Library, evaluate: Evaluate
) -> None:
    with pytest.raises(UsageError, match="--width 10"):
        render_checklist(library, evaluate("living-allowance"), "text", width=10)
