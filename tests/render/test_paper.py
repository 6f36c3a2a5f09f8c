"""On paper: the case code on every format, its QR code on the A4 page, and the signature lines."""

from __future__ import annotations

import json
import re

import pytest
import segno

from govtui.content.models import AnswerValue, Library
from govtui.errors import UsageError
from govtui.i18n import Language
from govtui.render.blocks import Signatures, Signer
from govtui.render.case_code import valid_case_code
from govtui.render.checklist import EXPORT_FORMATS, MINIMUM_WIDTH, ExportFormat, render_checklist
from govtui.render.notice import build_notice
from govtui.render.notice_html import _STYLE, QR_BORDER, QR_MODULE_MM, case_code_svg
from govtui.render.text import printed_width
from tests.render.helpers import Evaluate

CODE = "QH-7K4Q"
PERSONAL: dict[str, AnswerValue] = {
    "applicant_role": "agent",
    "applicant_name": "张三",
    "applicant_id_number": "110101199003071233",
    "applicant_phone": "13812345678",
}


@pytest.mark.parametrize("code", ["QH-7K4Q", "a-1", "ABCDEFGH-1234567", "gt-7k4q"])
def test_a_case_code_is_letters_and_digits_with_one_hyphen(code: str) -> None:
    assert valid_case_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "QH7K4Q",  # no hyphen
        "QH-7K-4Q",  # two
        "-QH7K4Q",
        "QH7K4Q-",
        "ABCDEFGH-12345678",  # 17 characters
        "张三-1",  # letters, but not ones a scanner or another window's keyboard agrees on
        "QH 7K4Q",
        "QH_7K4Q",
        "110101199003071233",
    ],
)
def test_anything_else_is_not_a_case_code(code: str) -> None:
    assert not valid_case_code(code)


def test_a_malformed_case_code_is_a_clear_usage_error(library: Library, evaluate: Evaluate) -> None:
    outcome = evaluate("living-allowance")
    for fmt in EXPORT_FORMATS:
        with pytest.raises(UsageError) as raised:
            render_checklist(library, outcome, fmt, case_code="QH-7K-4Q")
        assert raised.value.message("en").startswith("--case-code QH-7K-4Q: a case code is")
        assert "最长16个字符" in raised.value.message("zh")


@pytest.mark.parametrize("fmt", ["text", "receipt", "markdown", "html"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_case_code_is_printed_on_every_format_and_only_when_given(
    library: Library, evaluate: Evaluate, fmt: ExportFormat, language: Language
) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "self"})
    label = "Case code" if language == "en" else "案件编号"
    printed = render_checklist(
        library,
        outcome,
        fmt,
        language=language,
        case_code=CODE,
    )
    assert CODE in printed and label in printed
    plain = render_checklist(library, outcome, fmt, language=language)
    assert label not in plain and "<svg" not in plain


def test_the_json_export_carries_the_case_code_or_null(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("newborn")
    assert json.loads(render_checklist(library, outcome, "json", case_code=CODE))["case_code"] == (
        CODE
    )
    assert json.loads(render_checklist(library, outcome, "json"))["case_code"] is None


def _modules(svg: str) -> list[list[int]]:
    """The dark modules segno's one path draws ("M4 4.5h7m1 0h1…"), read back into a matrix."""
    path = re.search(r' d="([^"]+)"', svg)
    scale = re.search(r'transform="scale\(([\d.]+)\)"', svg)
    width = re.search(r'viewBox="0 0 ([\d.]+) ', svg)
    assert path and scale and width
    size = round(float(width[1]) / float(scale[1])) - 2 * QR_BORDER
    matrix = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, *numbers in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path[1]):
        values = [float(number) for number in numbers if number]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            row = int(y - 0.5) - QR_BORDER
            for column in range(int(x) - QR_BORDER, int(x + values[0]) - QR_BORDER):
                matrix[row][column] = 1
            x += values[0]
    return matrix


def _figure(html: str) -> str:
    figures = [
        found[0]
        for found in re.finditer(r'<figure class="case-code">.*?</figure>', html, re.DOTALL)
    ]
    assert len(figures) == 1, "one QR code on the page, at the top"
    return figures[0]


def test_the_qr_code_encodes_exactly_the_case_code_and_no_answer(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("living-allowance", PERSONAL)
    html = render_checklist(library, outcome, "html", include_personal=True, case_code=CODE)
    assert html.count("<svg") == 1
    figure = _figure(html)
    # segno drew it, and what it drew reads back as the QR code of the case code alone.
    assert 'class="segno"' in figure
    drawn = _modules(figure)
    assert drawn == [list(row) for row in segno.make_qr(CODE, error="m").matrix]
    assert drawn != [list(row) for row in segno.make_qr(CODE + "X", error="m").matrix]
    assert case_code_svg(CODE, title=f"案件编号：{CODE}") in figure
    # The answers are on the page (the form, unmasked as asked), never in the QR code's figure.
    for answer in ("张三", "110101199003071233", "13812345678"):
        assert answer in html
        assert answer not in figure
    # The code in words beside the symbol, for a clerk without a scanner.
    assert f'<span class="code">{CODE}</span>' in figure


def test_the_qr_code_is_large_enough_to_scan_from_paper() -> None:
    for code in (CODE, "ABCDEFGH-1234567", "abcdefgh-1234567"):
        svg = case_code_svg(code)
        width = re.search(r'width="([\d.]+)mm"', svg)
        assert width is not None
        symbol = float(width[1]) - 2 * QR_BORDER * QR_MODULE_MM
        assert symbol >= 20, code  # 2 cm without the quiet zone
        assert "<path" in svg and "http" not in svg and "<script" not in svg


@pytest.mark.parametrize("not_a_code", ["110101199003071233", "张三", "QH-7K4Q 张三"])
def test_the_qr_code_refuses_anything_but_a_case_code(not_a_code: str) -> None:
    with pytest.raises(ValueError, match="not a case code"):
        case_code_svg(not_a_code)


def test_no_printed_text_is_below_10_5_points() -> None:
    """Big print for elderly readers: a 14pt body, and nothing on the page under 10.5pt."""
    sizes = re.findall(r"font-size:\s*([^;}\s]+)", _STYLE)
    assert sizes
    for size in sizes:
        assert size.endswith("pt"), f"font-size {size}: points, so print size is known"
        assert float(size.removesuffix("pt")) >= 10.5, size
    body = re.search(r"body \{[^}]*font-size: ([\d.]+)pt", _STYLE)
    assert body is not None and float(body[1]) >= 12


def _signers(
    library: Library, evaluate: Evaluate, answers: dict[str, AnswerValue]
) -> list[tuple[Signer, ...]]:
    """The signers of the closing and of the form, in that order."""
    outcome = evaluate("living-allowance", answers)
    notice = build_notice(library, outcome)
    return [
        block.signers
        for section in notice.sections
        if section.name in ("closing", "form")
        for block in section.blocks
        if isinstance(block, Signatures) and block.signers[0].label != "经办人"
    ]


@pytest.mark.parametrize(
    ("role", "second"),
    [
        ("self", None),
        ("agent", ("代理人（签字）", None)),
        ("guardian", ("监护人（签字）", None)),
        (None, ("代理人（签字）", "（代办时填写）")),
    ],
)
def test_who_signs_follows_who_applies(
    library: Library,
    evaluate: Evaluate,
    role: str | None,
    second: tuple[str, str | None] | None,
) -> None:
    answers: dict[str, AnswerValue] = {} if role is None else {"applicant_role": role}
    closing, form = _signers(library, evaluate, answers)
    assert closing == form
    applicant, *others = closing
    assert (applicant.label, applicant.note, applicant.id_number) == ("申请人（签字）", None, None)
    assert (applicant.date, applicant.date_blank) == ("日期", "____年__月__日")
    if second is None:
        assert others == []
    else:
        (other,) = others
        assert (other.label, other.note, other.id_number) == (*second, "身份证号码")


def test_the_signature_lines_in_english(library: Library, evaluate: Evaluate) -> None:
    text = render_checklist(library, evaluate("living-allowance"), "text", language="en")
    assert "Applicant (signature): " in text
    assert "Agent (signature) (if applying for someone else): " in text
    assert "ID card number: ____" in text
    assert "Date (y-m-d): ____-__-__" in text
    assert "申请人（签字）" not in text


def test_an_80_column_page_signs_beside_the_date_on_a_long_rule(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "agent"})
    text = render_checklist(library, outcome, "text", width=80)
    lines = text.split("\n")
    signed = [line for line in lines if line.startswith("申请人（签字）：")]
    assert len(signed) == 2  # the notice's and the form's
    for line in signed:
        assert printed_width(line) == 80
        assert re.fullmatch(r"申请人（签字）：_{40,}  日期：____年__月__日", line)
        # A line of blank paper above it to sign in.
        assert lines[lines.index(line) - 1] == ""


@pytest.mark.parametrize("width", [MINIMUM_WIDTH, 24, 32, 48, 80])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_signature_lines_fit_every_width(
    library: Library, evaluate: Evaluate, width: int, language: Language
) -> None:
    for answers in ({}, {"applicant_role": "guardian"}):
        text = render_checklist(
            library,
            evaluate("living-allowance", answers),
            "text",
            width=width,
            language=language,
            case_code="ABCDEFGH-1234567",
        )
        for line in text.split("\n"):
            assert printed_width(line) <= width, line


def test_the_html_page_has_real_room_to_sign(library: Library, evaluate: Evaluate) -> None:
    html = render_checklist(library, evaluate("living-allowance"), "html")
    assert re.search(r"\.sign \{[^}]*min-height: 16mm", html)
    assert html.count('<p class="sign">') == 5  # applicant and agent twice, and the clerk
    assert html.count('<p class="sign id-number">') == 2
    assert (
        '<span class="label">代理人（签字）<span class="note">（代办时填写）</span>：</span>'
        in html
    )
    # ____年__月__日 as lines to write on, not underscores.
    assert "____" not in html
    assert html.count('<span class="fill" style="width: 3em"></span>年') == 5
