"""The one-time notice as one self-contained HTML page, laid out to print on A4."""

from __future__ import annotations

from html import escape

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
    Section,
    colon_for,
)

# Large type and pure black on white for elderly readers; borders rather than shaded backgrounds,
# because browsers drop background colours when printing. No web fonts: nothing is fetched.
_STYLE = """
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body {
  margin: 0 auto; max-width: 180mm; padding: 12mm 0;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "SimHei", sans-serif;
  font-size: 14pt; line-height: 1.55;
}
h1 { text-align: center; font-size: 20pt; line-height: 1.3; margin: 0 0 8pt; padding-bottom: 4pt;
  border-bottom: 2.5pt solid #000; }
h2 { font-size: 16pt; margin: 16pt 0 6pt; padding-left: 6pt; border-left: 6pt solid #000;
  break-after: avoid; }
h3 { font-size: 15pt; margin: 12pt 0 4pt; break-after: avoid; }
p { margin: 4pt 0; }
hr { border: 0; border-top: 1.5pt solid #000; margin: 16pt 0 8pt; }
.strong { font-weight: 700; }
.warning { font-weight: 700; margin: 10pt 0; padding: 8pt 10pt; border: 2.5pt solid #000; }
.label { font-weight: 700; }
table { border-collapse: collapse; width: 100%; }
.pairs th { text-align: left; vertical-align: top; white-space: nowrap; width: 1%;
  padding: 1pt 12pt 1pt 0; }
.pairs td { padding: 1pt 0; }
ul.entries { list-style: none; margin: 0; padding: 0; }
ul.entries > li { display: flex; gap: 8pt; padding: 5pt 0; border-bottom: 1pt solid #000;
  break-inside: avoid; }
.box { flex: none; font-size: 22pt; line-height: 1.1; }
.entry-title { font-weight: 700; }
.detail { margin: 1pt 0; }
ul.reasons { margin: 0; padding-left: 18pt; }
ul.reasons > li { margin: 3pt 0; break-inside: avoid; }
table.form th, table.form td { border: 1pt solid #000; padding: 6pt 8pt; text-align: left;
  vertical-align: top; }
table.form th { width: 38%; }
table.form td { height: 30pt; }
.signatures { display: flex; gap: 24pt; margin: 18pt 0 10pt; break-inside: avoid; }
.signature { flex: 1; display: flex; align-items: flex-end; margin: 0; }
.signature .line { flex: 1; height: 22pt; margin-left: 4pt; border-bottom: 1pt solid #000; }
.keep-together { break-inside: avoid; }
.new-page { break-before: page; }
@media screen { .new-page { margin-top: 28pt; padding-top: 28pt; border-top: 1pt dashed #000; } }
@media print { body { max-width: none; padding: 0; } }
"""


def notice_html(notice: Notice) -> str:
    """A whole page: escaped content, print CSS inline, a box to tick beside every material."""
    colon = colon_for(notice.language)
    language = "en" if notice.language == "en" else "zh-Hans"
    body = "\n".join(_section(section, colon) for section in notice.sections)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(notice.title)}</title>\n"
        f"<style>{_STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}\n"
        "</main>\n"
        "</body>\n"
        "</html>"
    )


def _section(section: Section, colon: str) -> str:
    classes = [section.name]
    if section.keep_together:
        classes.append("keep-together")
    if section.new_page:
        classes.append("new-page")
    blocks = "\n".join(_block(block, colon) for block in section.blocks)
    return f'<section class="{" ".join(classes)}">\n{blocks}\n</section>'


def _label(label: str | None, colon: str) -> str:
    return f'<span class="label">{escape(label)}{colon}</span>' if label else ""


def _block(block: Block, colon: str) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = ' class="warning"' if block.warning else ' class="strong"' if block.strong else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, Entries):
        return _entries(block, colon)
    if isinstance(block, Bullets):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Pairs):
        rows = "".join(
            f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>'
            for label, value in block.rows
        )
        return f'<table class="pairs">{rows}</table>'
    if isinstance(block, Blanks):
        if block.signature:
            lines = "".join(
                f'<p class="signature">{_label(label, colon)}<span class="line"></span></p>'
                for label, _ in block.rows
            )
            return f'<div class="signatures">{lines}</div>'
        rows = "".join(
            f'<tr><th scope="row">{escape(label)}</th><td>{escape(value or "")}</td></tr>'
            for label, value in block.rows
        )
        return f'<table class="form">{rows}</table>'
    assert isinstance(block, Rule)
    return "<hr>"


def _entries(block: Entries, colon: str) -> str:
    items = []
    for entry in block.entries:
        details = "".join(
            f'<p class="detail">{_label(detail.label, colon)}{escape(detail.text)}</p>'
            for detail in entry.details
        )
        content = f'<p class="entry-title">{escape(entry.title)}</p>{details}'
        if block.checkbox:
            box = "☑" if entry.checked else "☐"
            items.append(
                f'<li><span class="box" aria-hidden="true">{box}</span><div>{content}</div></li>'
            )
        else:
            items.append(f"<li>{content}</li>")
    css = "entries" if block.checkbox else "reasons"
    return f'<ul class="{css}">\n' + "\n".join(items) + "\n</ul>"
