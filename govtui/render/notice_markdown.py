"""The one-time notice as Markdown (CommonMark with GitHub task lists and tables)."""

from __future__ import annotations

import re

from govtui.i18n import text
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

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")
# Only at the start of a line do these make a list, a quote or a heading.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")
_SIGNATURE_LINE = "_" * 24
_ID_NUMBER_LINE = "_" * 20


def escape(value: str, starts_line: bool = False) -> str:
    """Content as literal Markdown: a masked ID (110101****) must not turn into emphasis."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(value.split("\n")))
    if not starts_line:
        return escaped
    return _LINE_START.sub(
        lambda match: f"{match[1]}\\{match[2]}" if match[1] else f"\\{match[3]}", escaped
    )


def notice_markdown(notice: Notice) -> str:
    colon = colon_for(notice.language)
    parts: list[str] = []
    for section in notice.sections:
        if section.new_page:
            parts.append("---")
        parts += [_block(block, colon, notice) for block in section.blocks]
    return "\n\n".join(parts)


def _block(block: Block, colon: str, notice: Notice) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + escape(block.text)
    if isinstance(block, Paragraph) and block.warning:
        return f"> **{escape(text('warning_prefix', notice.language) + block.text)}**"
    if isinstance(block, Paragraph):
        return f"**{escape(block.text)}**" if block.strong else escape(block.text, True)
    if isinstance(block, Entries):
        lines: list[str] = []
        for entry in block.entries:
            title = escape(entry.title, not block.checkbox)
            box = "[x]" if entry.checked else "[ ]"
            lines.append(f"- {box} **{title}**" if block.checkbox else f"- {title}")
            for detail in entry.details:
                if detail.label:
                    lines.append(f"  - {escape(detail.label)}{colon}{escape(detail.text)}")
                else:
                    lines.append(f"  - {escape(detail.text, True)}")
        return "\n".join(lines)
    if isinstance(block, Bullets):
        return "\n".join(
            f"{number}. {escape(item, True)}" if block.ordered else f"- {escape(item, True)}"
            for number, item in enumerate(block.items, 1)
        )
    if isinstance(block, Pairs):
        return "\n".join(
            f"- **{escape(label)}**{colon}{escape(value)}" for label, value in block.rows
        )
    if isinstance(block, Signatures):
        gap = " " if notice.language == "en" else "　"
        paragraphs: list[str] = []
        for signer in block.signers:
            label = signer.heading
            date = signer.date + colon + signer.date_blank
            paragraphs.append(escape(f"{label}{colon}{_SIGNATURE_LINE}{gap}{date}", True))
            if signer.id_number is not None:
                paragraphs.append(escape(f"{signer.id_number}{colon}{_ID_NUMBER_LINE}", True))
        return "\n\n".join(paragraphs)
    if isinstance(block, CaseCode):
        return f"**{escape(block.label)}**{colon}{escape(block.code)}"
    if isinstance(block, Blanks):
        header = (
            f"| {text('form_field', notice.language)} | {text('form_entry', notice.language)} |"
        )
        rows = [f"| {escape(label)} | {escape(value or '')} |" for label, value in block.rows]
        return "\n".join([header, "| --- | --- |", *rows])
    assert isinstance(block, Rule)
    return "***"
