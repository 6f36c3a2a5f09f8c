"""The events report as terminal text (tables and bar charts) and as JSON, in one language."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence

from govtui.events.model import LEVELS
from govtui.events.report import RatingCounts, Report
from govtui.i18n import Language, long_date, text
from govtui.render.text import display_width

BAR_WIDTH = 40
# Eighths of a block: a bar's length is drawn to one eighth of a character.
_EIGHTHS = " ▏▎▍▌▋▊▉"
WEEKDAY_KEYS = tuple(f"events_weekday_{day}" for day in range(1, 8))


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar `value / largest` of `width` characters long."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def bar_chart(labels: Sequence[str], values: Sequence[int], width: int = BAR_WIDTH) -> list[str]:
    """One line per label: the label padded to one column, the bar, the number."""
    label_width = max((display_width(label) for label in labels), default=0)
    largest = max(values, default=0)
    return [
        f"{label}{' ' * (label_width - display_width(label))} │{bar(value, largest, width)} {value}"
        for label, value in zip(labels, values, strict=True)
    ]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell (CJK counted as two), numbers right-aligned."""
    widths = [
        max(display_width(str(cell)) for cell in column)
        for column in zip(headers, *rows, strict=True)
    ]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            padding = " " * (width - display_width(cell))
            parts.append(
                padding + cell
                if cell.replace(".", "").replace("%", "").isdigit()
                else cell + padding
            )
        return "  ".join(parts).rstrip()

    return [line(headers), "  ".join("─" * width for width in widths), *(line(row) for row in rows)]


def share(counts: RatingCounts) -> str:
    value = counts.share_satisfied
    return "—" if value is None else f"{value * 100:.1f}%"


def period(report: Report, language: Language) -> str:
    filters = report.filters
    start = long_date(filters.start, language) if filters.start else "…"
    end = long_date(filters.end, language) if filters.end else "…"
    point = filters.point_code or text("events_all_points", language)
    return text("events_report_scope", language, start=start, end=end, point=point)


def _rating_rows(
    rows: Sequence[RatingCounts], label: str, report: Report, language: Language
) -> list[str]:
    headers = [
        text(label, language),
        *(text(f"events_level_{level}", language) for level in LEVELS),
    ]
    headers += [text("events_level_unrated", language), text("events_share", language)]
    body = [
        [
            report.name(row.key)
            if label == "events_service"
            else row.key or text("events_point_unset", language),
            *(str(row.counts.get(level, 0)) for level in LEVELS),
            str(row.unrated),
            share(row),
        ]
        for row in rows
    ]
    return table(headers, body)


def render_report_text(report: Report, language: Language = "zh") -> str:
    """The whole report as terminal text: headings, tables and bar charts."""

    def t(key: str, **values: object) -> str:
        return text(key, language, **values)

    lines = [t("events_report_title"), period(report, language), ""]
    total = report.total
    lines.append(t("events_totals", rated=total.rated, unrated=total.unrated, share=share(total)))
    lines += ["", f"■ {t('events_by_service')}"]
    lines += (
        _rating_rows(report.by_service, "events_service", report, language)
        if report.by_service
        else [t("events_none")]
    )
    lines += ["", f"■ {t('events_by_point')}"]
    lines += (
        _rating_rows(report.by_point, "events_point", report, language)
        if report.by_point
        else [t("events_none")]
    )
    lines += ["", f"■ {t('events_bad', days=report.rectification_working_days)}"]
    if report.bad:
        lines += table(
            [
                t("events_day"),
                t("events_point"),
                t("events_service"),
                t("events_level"),
                t("events_deadline"),
                t("events_text"),
            ],
            [
                [
                    bad.day.isoformat(),
                    bad.point_code or t("events_point_unset"),
                    report.name(bad.service_id),
                    t(f"events_level_{bad.satisfaction}"),
                    bad.deadline.isoformat() if bad.deadline else t("events_deadline_unknown"),
                    bad.text or "—",
                ]
                for bad in report.bad
            ],
        )
    else:
        lines.append(t("events_none"))
    lines += ["", f"■ {t('events_queries')}"]
    if report.queries:
        lines += table(
            [
                t("events_query"),
                t("events_nothing_found"),
                t("events_abandoned"),
                t("events_last_day"),
            ],
            [
                [
                    item.query,
                    str(item.nothing_found),
                    str(item.abandoned),
                    item.last_day.isoformat(),
                ]
                for item in report.queries
            ],
        )
    else:
        lines.append(t("events_none"))
    lines += ["", f"■ {t('events_busiest')}"]
    if report.busiest:
        lines += bar_chart(
            [report.name(load.service_id) for load in report.busiest],
            [load.visits for load in report.busiest],
        )
        lines += ["", f"■ {t('events_by_hour')}"]
        hours = [hour for hour in range(24) if report.by_hour[hour]]
        first, last = (min(hours), max(hours)) if hours else (8, 17)
        lines += bar_chart(
            [f"{hour:02d}:00" for hour in range(first, last + 1)], report.by_hour[first : last + 1]
        )
        lines += ["", f"■ {t('events_by_weekday')}"]
        lines += bar_chart([t(key) for key in WEEKDAY_KEYS], report.by_weekday)
        lines += ["", f"■ {t('events_peaks')}"]
        lines += table(
            [
                t("events_service"),
                t("events_visits"),
                t("events_peak_hour"),
                t("events_peak_weekday"),
            ],
            [
                [
                    report.name(load.service_id),
                    str(load.visits),
                    _peak_hour(load.by_hour),
                    t(WEEKDAY_KEYS[load.by_weekday.index(max(load.by_weekday))])
                    if any(load.by_weekday)
                    else "—",
                ]
                for load in report.busiest
            ],
        )
    else:
        lines.append(t("events_none"))
    return "\n".join(lines) + "\n"


def _peak_hour(by_hour: Sequence[int]) -> str:
    if not any(by_hour):
        return "—"
    hour = list(by_hour).index(max(by_hour))
    return f"{hour:02d}:00–{hour + 1:02d}:00"


def render_report_json(report: Report) -> str:
    """The report's figures as JSON, for scripts: ids and codes, no words of either language."""

    def counts(row: RatingCounts) -> dict[str, object]:
        return {
            "key": row.key,
            "counts": {level: row.counts.get(level, 0) for level in (*LEVELS, "unrated")},
            "rated": row.rated,
            "share_satisfied": row.share_satisfied,
        }

    def day(value: datetime.date | None) -> str | None:
        return value.isoformat() if value else None

    data = {
        "from": day(report.filters.start),
        "to": day(report.filters.end),
        "point": report.filters.point_code,
        "source": report.source,
        "rectification_working_days": report.rectification_working_days,
        "total": counts(report.total),
        "by_service": [counts(row) | {"name": report.name(row.key)} for row in report.by_service],
        "by_point": [counts(row) for row in report.by_point],
        "bad": [
            {
                "event_id": bad.event_id,
                "day": day(bad.day),
                "point": bad.point_code,
                "service": bad.service_id,
                "satisfaction": bad.satisfaction,
                "text": bad.text,
                "deadline": day(bad.deadline),
            }
            for bad in report.bad
        ],
        "queries": [
            {
                "query": item.query,
                "nothing_found": item.nothing_found,
                "abandoned": item.abandoned,
                "last_day": day(item.last_day),
            }
            for item in report.queries
        ],
        "busiest": [
            {
                "service": load.service_id,
                "visits": load.visits,
                "by_hour": list(load.by_hour),
                "by_weekday": list(load.by_weekday),
            }
            for load in report.busiest
        ],
        "by_hour": list(report.by_hour),
        "by_weekday": list(report.by_weekday),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
