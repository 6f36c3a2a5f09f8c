"""The changes in plain words, as text, Markdown, HTML and JSON, in zh-Hans or English."""

from __future__ import annotations

import html
import json

from govtui.diff import DiffFormat
from govtui.diff.compare import Change, ContentChanges, DocumentChanges
from govtui.i18n import Language, long_date, text

# Aspects whose before/after hold a material state (required, commitment …), said in words.
_STATE_ASPECTS = {"material_added", "material_removed", "material_state"}


def _value(change: Change, value: str, language: Language) -> str:
    if change.aspect in _STATE_ASPECTS and value:
        return text(f"state_{value}", language)
    if change.aspect in ("policy_repealed", "policy_revised") and value[:4].isdigit():
        import datetime

        return long_date(datetime.date.fromisoformat(value), language)
    return value or text("change_none", language)


def sentence(change: Change, language: Language) -> str:
    """One change as a sentence to read aloud; a coming one says from when."""
    said = text(
        f"change_{change.aspect}",
        language,
        subject=change.subject,
        before=_value(change, change.before, language),
        after=_value(change, change.after, language),
    )
    if change.effective is not None:
        return text(
            "change_coming", language, date=long_date(change.effective, language), change=said
        )
    return said


def title(document: DocumentChanges, language: Language) -> str:
    name = document.title_en if language == "en" else document.title
    return text(f"change_heading_{document.kind}", language, title=name)


def _heading(changes: ContentChanges, language: Language) -> str:
    return text("change_title", language, date=long_date(changes.as_of, language))


def as_text(changes: ContentChanges, language: Language) -> str:
    lines = [_heading(changes, language), ""]
    if not changes.documents:
        lines.append(text("change_nothing", language))
    for document in changes.documents:
        lines.append(title(document, language))
        lines.extend(f"  · {sentence(change, language)}" for change in document.changes)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_markdown(changes: ContentChanges, language: Language) -> str:
    lines = [f"# {_heading(changes, language)}", ""]
    if not changes.documents:
        lines.append(text("change_nothing", language))
    for document in changes.documents:
        lines.extend([f"## {title(document, language)}", ""])
        lines.extend(f"- {sentence(change, language)}" for change in document.changes)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_html(changes: ContentChanges, language: Language) -> str:
    escape = html.escape
    lang = "en" if language == "en" else "zh-Hans"
    heading = escape(_heading(changes, language))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        f'<head><meta charset="utf-8"><title>{heading}</title></head>',
        "<body>",
        f"<h1>{heading}</h1>",
    ]
    if not changes.documents:
        parts.append(f"<p>{escape(text('change_nothing', language))}</p>")
    for document in changes.documents:
        parts.append(f'<section id="{escape(document.kind)}-{escape(document.id)}">')
        parts.append(f"<h2>{escape(title(document, language))}</h2>")
        parts.append("<ul>")
        for change in document.changes:
            coming = ' class="coming"' if change.effective is not None else ""
            parts.append(f"<li{coming}>{escape(sentence(change, language))}</li>")
        parts.extend(["</ul>", "</section>"])
    parts.extend(["</body>", "</html>"])
    return "\n".join(parts) + "\n"


def as_json(changes: ContentChanges, language: Language) -> str:
    data = {
        "as_of": changes.as_of.isoformat(),
        "documents": [
            {
                "kind": document.kind,
                "id": document.id,
                "title": document.title_en if language == "en" else document.title,
                "changes": [
                    {
                        "aspect": change.aspect,
                        "subject": change.subject,
                        "before": change.before,
                        "after": change.after,
                        "effective": change.effective.isoformat() if change.effective else None,
                        "words": sentence(change, language),
                    }
                    for change in document.changes
                ],
            }
            for document in changes.documents
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(changes: ContentChanges, output_format: DiffFormat, language: Language) -> str:
    """The changes in one of `DIFF_FORMATS`."""
    renderers = {"text": as_text, "markdown": as_markdown, "html": as_html, "json": as_json}
    return renderers[output_format](changes, language)
