"""The one-time notice as one self-contained HTML page, laid out to print on A4."""

from __future__ import annotations

import re
from html import escape

import segno

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
    Section,
    Signatures,
    Signer,
    colon_for,
)
from govtui.render.case_code import valid_case_code

# Millimetres a QR module takes on paper: a version 1 code is then 25 mm across (35 mm with its
# quiet zone), well above the 2 cm a phone or a counter's scanner reads from a printed page.
QR_MODULE_MM = 1.2
QR_BORDER = 4
# A run of "_" in a date to fill in (____年__月__日) is drawn as a line this many em per "_".
_BLANK_EM_PER_CHARACTER = 0.75
_BLANK_RUN = re.compile(r"_+")

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
.signatures { margin: 8pt 0 12pt; break-inside: avoid; }
.signer { break-inside: avoid; }
/* Real room to sign by hand: the line runs along the bottom of 16 mm of blank paper. */
.sign { display: flex; align-items: flex-end; gap: 6pt; margin: 0; min-height: 16mm; }
/* A long label wraps within its own box, so the line keeps its length and its room above. */
.sign > .label { flex: 0 1 auto; }
.sign .line { flex: 1; min-width: 45mm; border-bottom: 1pt solid #000; }
.sign .date { white-space: nowrap; }
.sign.id-number { min-height: 12mm; }
.sign.id-number .line { flex: 0 1 75mm; }
.note { font-weight: 400; }
.fill { display: inline-block; height: 1.2em; vertical-align: bottom;
  border-bottom: 1pt solid #000; }
/* The case code beside its QR code, at the top right; the meta table keeps to its left. */
.case-code { float: right; display: flex; align-items: center; gap: 8pt; margin: 0 0 8pt 12pt;
  break-inside: avoid; }
.case-code svg { display: block; flex: none; }
.case-code figcaption { font-size: 12pt; line-height: 1.3; text-align: right; }
.case-code .code { display: block; font-size: 16pt; font-weight: 700; white-space: nowrap; }
.case-code + .pairs { width: auto; }
.header::after { content: ""; display: block; clear: both; }
.keep-together { break-inside: avoid; }
.new-page { break-before: page; }
@media screen { .new-page { margin-top: 28pt; padding-top: 28pt; border-top: 1pt dashed #000; } }
@media print {
  body { max-width: none; padding: 0; }
  /* Printed at its own size, never split or scaled down past what a scanner reads. */
  .case-code { break-inside: avoid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
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
    if isinstance(block, Signatures):
        signers = "".join(_signer(signer, colon) for signer in block.signers)
        return f'<div class="signatures">{signers}</div>'
    if isinstance(block, CaseCode):
        return _case_code(block, colon)
    if isinstance(block, Blanks):
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


def _filled(value: str) -> str:
    """Escaped text whose runs of "_" become lines to write on, as long as the run."""
    return _BLANK_RUN.sub(
        lambda run: (
            f'<span class="fill" style="width: {len(run[0]) * _BLANK_EM_PER_CHARACTER:g}em"></span>'
        ),
        escape(value),
    )


def _signer(signer: Signer, colon: str) -> str:
    note = ""
    if signer.note is not None:
        space = signer.heading[len(signer.label) : -len(signer.note)]
        note = f'{space}<span class="note">{escape(signer.note)}</span>'
    label = f'<span class="label">{escape(signer.label)}{note}{colon}</span>'
    date = f'<span class="date">{_label(signer.date, colon)}{_filled(signer.date_blank)}</span>'
    lines = f'<p class="sign">{label}<span class="line"></span>{date}</p>'
    if signer.id_number is not None:
        lines += (
            f'<p class="sign id-number">{_label(signer.id_number, colon)}'
            '<span class="line"></span></p>'
        )
    return f'<div class="signer">{lines}</div>'


def case_code_svg(code: str, title: str | None = None) -> str:
    """The QR code of `code` alone, as inline SVG sized in millimetres for paper.

    Refuses anything but a case code, so no answer (a name, an ID number) can end up in it.
    """
    if not valid_case_code(code):
        raise ValueError(f"not a case code: {code!r}")
    # A full QR code, not a Micro QR, which many phone scanners do not read.
    symbol = segno.make_qr(code, error="m")
    return symbol.svg_inline(
        scale=QR_MODULE_MM, unit="mm", border=QR_BORDER, dark="#000", title=title
    )


def _case_code(block: CaseCode, colon: str) -> str:
    caption = (
        f"<figcaption>{escape(block.label)}"
        f'<span class="code">{escape(block.code)}</span></figcaption>'
    )
    svg = case_code_svg(block.code, title=f"{block.label}{colon}{block.code}")
    return f'<figure class="case-code">{caption}{svg}</figure>'
