"""The words of an outcome: eligibility states, reasons, groups and deadlines (zh-Hans, English)."""

from __future__ import annotations

OUTCOME: dict[str, tuple[str, str]] = {
    "reason_not_in_force": (
        "本事项在 {date} 不在有效期内，该日不能按本指南申请。",
        "Not in force on {date}: this service cannot be applied for on that date.",
    ),
    "why_always": ("所有申请人均需提供", "every applicant needs it"),
}
