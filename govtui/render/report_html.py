"""The events report as one self-contained HTML page: tables and SVG bar charts, printable on A4."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from govtui.events.model import LEVELS
from govtui.events.report import RatingCounts, Report
from govtui.i18n import Language, text
from govtui.render.report_text import WEEKDAY_KEYS, period, share

# A4 is 210 mm wide; with 15 mm margins a chart of 180 mm fits, drawn here in CSS pixels.
_CHART_WIDTH = 640
_ROW_HEIGHT = 22
_LABEL_WIDTH = 200

_STYLE = """
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       color: #000; background: #fff; max-width: 180mm; margin: 0 auto; font-size: 11pt; }
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.2em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #666; padding: 2px 4px; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr, svg { break-inside: avoid; }
svg { display: block; width: 100%; height: auto; }
svg text { font-size: 12px; }
.bad { color: #a00000; }
.muted { color: #555; }
"""


def _cell(value: object, number: bool = False) -> str:
    css = ' class="number"' if number else ""
    return f"<td{css}>{escape(str(value))}</td>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], numbers: set[int]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(_cell(cell, index in numbers) for index, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def bar_svg(labels: Sequence[str], values: Sequence[int], title: str) -> str:
    """A horizontal bar chart as inline SVG: one bar per label, the count beside it."""
    largest = max(values, default=0) or 1
    span = _CHART_WIDTH - _LABEL_WIDTH - 60
    height = _ROW_HEIGHT * len(labels) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {_CHART_WIDTH} {height}" aria-label="{escape(title)}">'
    ]
    for row, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = row * _ROW_HEIGHT + 2
        width = round(value / largest * span)
        parts.append(
            f'<text x="{_LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="bar" x="{_LABEL_WIDTH}" y="{y + 3}" width="{width}" height="16" '
            f'fill="#1f4e79"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{_LABEL_WIDTH + width + 6}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ratings(rows: Sequence[RatingCounts], label: str, report: Report, language: Language) -> str:
    headers = [
        text(label, language),
        *(text(f"events_level_{level}", language) for level in LEVELS),
    ]
    headers += [text("events_level_unrated", language), text("events_share", language)]
    unset = text("events_point_unset", language)
    body = [
        [
            report.name(row.key) if label == "events_service" else row.key or unset,
            *(row.counts.get(level, 0) for level in LEVELS),
            row.unrated,
            share(row),
        ]
        for row in rows
    ]
    return _table(headers, body, set(range(1, 8)))


def render_report_html(report: Report, language: Language = "zh") -> str:
    """The whole report as one HTML page with everything inline: no file or font to fetch."""

    def t(key: str, **values: object) -> str:
        return text(key, language, **values)

    none = f'<p class="muted">{escape(t("events_none"))}</p>'
    total = report.total
    totals = t("events_totals", rated=total.rated, unrated=total.unrated, share=share(total))
    sections = [
        f"<h1>{escape(t('events_report_title'))}</h1>",
        f'<p class="muted">{escape(period(report, language))}</p>',
        f"<p>{escape(totals)}</p>",
        f"<h2>{escape(t('events_by_service'))}</h2>",
        _ratings(report.by_service, "events_service", report, language)
        if report.by_service
        else none,
        f"<h2>{escape(t('events_by_point'))}</h2>",
        _ratings(report.by_point, "events_point", report, language) if report.by_point else none,
        f'<h2 class="bad">{escape(t("events_bad", days=report.rectification_working_days))}</h2>',
    ]
    if report.bad:
        headers = [
            t(key)
            for key in (
                "events_day",
                "events_point",
                "events_service",
                "events_level",
                "events_deadline",
                "events_text",
            )
        ]
        rows: list[list[object]] = [
            [
                bad.day.isoformat(),
                bad.point_code or t("events_point_unset"),
                report.name(bad.service_id),
                t(f"events_level_{bad.satisfaction}"),
                bad.deadline.isoformat() if bad.deadline else t("events_deadline_unknown"),
                bad.text or "—",
            ]
            for bad in report.bad
        ]
        sections.append(_table(headers, rows, set()))
    else:
        sections.append(none)
    sections.append(f"<h2>{escape(t('events_queries'))}</h2>")
    if report.queries:
        headers = [
            t("events_query"),
            t("events_nothing_found"),
            t("events_abandoned"),
            t("events_last_day"),
        ]
        query_rows: list[list[object]] = [
            [item.query, item.nothing_found, item.abandoned, item.last_day.isoformat()]
            for item in report.queries
        ]
        sections.append(_table(headers, query_rows, {1, 2}))
    else:
        sections.append(none)
    sections.append(f"<h2>{escape(t('events_busiest'))}</h2>")
    if report.busiest:
        names = [report.name(load.service_id) for load in report.busiest]
        visits = [load.visits for load in report.busiest]
        sections.append(bar_svg(names, visits, t("events_busiest")))
        sections.append(f"<h2>{escape(t('events_by_hour'))}</h2>")
        hours = [hour for hour in range(24) if report.by_hour[hour]] or [8, 17]
        shown = range(min(hours), max(hours) + 1)
        sections.append(
            bar_svg(
                [f"{hour:02d}:00" for hour in shown],
                [report.by_hour[hour] for hour in shown],
                t("events_by_hour"),
            )
        )
        sections.append(f"<h2>{escape(t('events_by_weekday'))}</h2>")
        sections.append(
            bar_svg([t(key) for key in WEEKDAY_KEYS], report.by_weekday, t("events_by_weekday"))
        )
    else:
        sections.append(none)
    lang = "zh-Hans" if language == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(t('events_report_title'))}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )
