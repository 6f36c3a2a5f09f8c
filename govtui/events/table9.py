"""Ratings in the fields of GB/T 39046 表9, with the satisfaction code in the direction asked for.

GB/T 39046 A.8 codes 1 = 非常满意 … 5 = 非常不满意; some provincial interfaces (Zhejiang's among
them) code 1 = 非常不满意 … 5 = 非常满意. Which one a file uses is always the caller's choice.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from govtui.events import CodeDirection
from govtui.events.model import LEVELS, Event, Satisfaction

CODE_DIRECTIONS: tuple[CodeDirection, ...] = ("gb", "reversed")
# 满意度 as GB/T 39046 names the levels, best first.
LEVEL_NAMES = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
CHANNEL_NAMES = {5: "政务大厅其他终端"}
COLUMNS = (
    "办件编号",
    "评价渠道",
    "评价渠道代码",
    "评价人",
    "评价时间",
    "评价次数",
    "满意度",
    "满意度代码",
    "文字评价",
    "行政区划",
    "点位代码",
    "实施编码",
    "事项",
)


def satisfaction_code(level: Satisfaction, direction: CodeDirection) -> int:
    """The code of a level: 1 = 非常满意 under GB/T 39046, 1 = 非常不满意 reversed."""
    position = LEVELS.index(level)
    return position + 1 if direction == "gb" else len(LEVELS) - position


def region_code(point_code: str) -> str:
    """The 行政区划 part of a point code (990105-012 → 990105): at most 9 digits, as 表9 asks."""
    digits = point_code.split("-", 1)[0]
    return digits[:9] if digits.isdigit() else ""


def rows(events: Iterable[Event], direction: CodeDirection) -> list[dict[str, object]]:
    """One row per rating given; visits the citizen did not rate are not ratings, so not here."""
    found: list[dict[str, object]] = []
    for event in events:
        if event.kind != "rating" or event.satisfaction in (None, "unrated"):
            continue
        level = event.satisfaction
        found.append(
            {
                "办件编号": event.event_id,
                "评价渠道": CHANNEL_NAMES.get(event.channel or 0, ""),
                "评价渠道代码": event.channel,
                # 表9 评价人: left empty on purpose. The terminal never knows who rated.
                "评价人": "",
                "评价时间": event.occurred_at.strftime("%Y%m%dT%H%M%S"),
                "评价次数": event.rating_count,
                "满意度": LEVEL_NAMES[LEVELS.index(level)],
                "满意度代码": satisfaction_code(level, direction),
                "文字评价": event.text or "",
                "行政区划": region_code(event.point_code),
                "点位代码": event.point_code,
                "实施编码": event.task_code or "",
                "事项": event.service_id,
            }
        )
    return found


def to_csv(table: list[dict[str, object]]) -> str:
    """CSV with a header row, UTF-8 with a byte-order mark so a spreadsheet opens it right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table)
    return "\ufeff" + buffer.getvalue()


def to_json(table: list[dict[str, object]]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
