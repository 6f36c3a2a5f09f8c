"""The words of an outcome: eligibility states, reasons, groups and deadlines (zh-Hans, English)."""

from __future__ import annotations

OUTCOME: dict[str, tuple[str, str]] = {
    "reason_not_in_force": (
        "本事项在 {date} 不在有效期内，该日不能按本指南申请。",
        "Not in force on {date}: this service cannot be applied for on that date.",
    ),
    "why_always": ("所有申请人均需提供", "every applicant needs it"),
    "receipt_title": ("一次性告知（简）", "One-time notice (short)"),
    "receipt_go_to": ("请到：{place}", "Go to: {place}"),
    "receipt_footer": (
        "完整的告知单（办理依据、一表申请）请向窗口索取。",
        "Ask the window for the full notice (rules, the application form).",
    ),
    "next_time_heading": ("今天的材料核对", "What was brought today"),
    "next_time_complete": (
        "今天需要的材料已经带齐。",
        "Everything needed today was brought.",
    ),
    "next_time_bring": (
        "还缺{n}项必交材料，下次请带来：",
        "{n} required items are still missing; please bring them next time:",
    ),
    "next_time_bring_one": (
        "还缺1项必交材料，下次请带来：",
        "One required item is still missing; please bring it next time:",
    ),
    "next_time_owed": ("容缺受理、限期补交的材料：", "Accepted now, to be supplied by the date:"),
}
