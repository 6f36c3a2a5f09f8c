"""The one entry point for checklist exports: the CLI, `govtui ask` and the TUI all call it."""

from __future__ import annotations

from collections.abc import Collection

from govtui.content.models import Library
from govtui.errors import UsageError
from govtui.i18n import Language
from govtui.interview.engine import Outcome
from govtui.render.case_code import CASE_CODE_MAXIMUM, valid_case_code
from govtui.render.checklist_json import checklist_json
from govtui.render.formats import EXPORT_FORMATS as EXPORT_FORMATS
from govtui.render.formats import ExportFormat as ExportFormat
from govtui.render.notice import build_notice
from govtui.render.notice_html import notice_html
from govtui.render.notice_markdown import notice_markdown
from govtui.render.notice_text import notice_text
from govtui.render.receipt import build_receipt

# Below this the hanging indents leave too little room for a line of Chinese.
MINIMUM_WIDTH = 20


def render_checklist(
    library: Library,
    outcome: Outcome,
    fmt: ExportFormat,
    *,
    width: int = 80,
    language: Language = "zh",
    include_personal: bool = False,
    brought: Collection[str] | None = None,
    case_code: str | None = None,
) -> str:
    """The one-time notice (一次性告知单) followed by the form, in one print format.

    Args:
        library: the content the outcome was computed from (policies, facts, the locality).
        outcome: what the engine concluded; its `as_of` is the only date printed.
        fmt: `text` (terminal or receipt), `markdown`, `html` (A4 page) or `json` (for scripts).
        width: columns for `text`, CJK counted as two: 32 for 58 mm paper, 48 for 80 mm.
        language: the language of the UI strings; the content itself is in zh-Hans.
        include_personal: print ID numbers, mobile numbers and names unmasked.
        brought: the material ids ticked as brought at the counter; the notice then says what
            is still missing. None where nobody ticked.
        case_code: the visit's code (QH-7K4Q), printed on every format and, on the A4 page,
            drawn as a QR code of the code alone. None prints none.

    Returns:
        The rendered text, without a trailing newline.

    Raises:
        UsageError: the width is too small, the format unknown or the case code malformed.
    """
    if case_code is not None and not valid_case_code(case_code):
        raise UsageError("error_case_code", code=case_code, maximum=CASE_CODE_MAXIMUM)
    if fmt == "json":
        return checklist_json(library, outcome, include_personal, brought, case_code=case_code)
    if fmt == "receipt":
        if width < MINIMUM_WIDTH:
            raise UsageError("error_width_too_small", width=width, minimum=MINIMUM_WIDTH)
        receipt = build_receipt(library, outcome, language, brought, case_code=case_code)
        return notice_text(receipt, width)
    notice = build_notice(
        library, outcome, language, include_personal, brought, case_code=case_code
    )
    if fmt == "text":
        if width < MINIMUM_WIDTH:
            raise UsageError("error_width_too_small", width=width, minimum=MINIMUM_WIDTH)
        return notice_text(notice, width)
    if fmt == "markdown":
        return notice_markdown(notice)
    if fmt == "html":
        return notice_html(notice)
    raise UsageError("error_unknown_format", format=fmt, formats=EXPORT_FORMATS)
