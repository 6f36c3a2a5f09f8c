"""UI strings in zh-Hans and English; `text(key, language)` picks one."""

from __future__ import annotations

from typing import Literal

Language = Literal["zh", "en"]

STRINGS: dict[str, tuple[str, str]] = {
    # Document headings
    "guide": ("服务事项", "Service"),
    "bundle": ("一件事", "Life event"),
    "policy": ("政策法规", "Policy"),
    "article": ("条文", "Article"),
    "summary": ("简要说明", "In short"),
    "who_can_apply": ("谁可以办", "Who can apply"),
    "what_to_bring": ("要带什么", "What to bring"),
    "where_to_go": ("去哪里办", "Where to go"),
    "how_long": ("多久办好", "How long it takes"),
    "cost": ("收费", "Fee"),
    "visits": ("跑动次数", "Visits"),
    "visits_value": ("最多跑{n}次", "at most {n} visit(s)"),
    "visits_zero": ("零跑动（全程网办）", "no visit (fully online)"),
    "steps": ("办理流程", "Steps"),
    "legal_limit": ("法定时限", "Legal time limit"),
    "promised_limit": ("承诺时限", "Promised time limit"),
    "case_type": ("办件类型", "Case type"),
    "channels": ("办理渠道", "Channels"),
    "department": ("实施部门", "Department"),
    "office": ("办理地点", "Office"),
    "hours": ("办公时间", "Hours"),
    "phone": ("咨询电话", "Phone"),
    "basis": ("办理依据", "Legal basis"),
    "members": ("包含事项", "Services included"),
    "lead_department": ("牵头部门", "Lead department"),
    "aliases": ("俗称", "Also called"),
    "when": ("适用情形", "When"),
    "always": ("所有申请人", "every applicant"),
    "issuer": ("发布机关", "Issuer"),
    "doc_number": ("文号", "Document number"),
    "issued": ("发布日期", "Issued"),
    "effective": ("施行日期", "In force from"),
    "status": ("效力状态", "Status"),
    "status_effective": ("现行有效", "in force"),
    "status_amended": ("已修订（现行）", "amended (in force)"),
    "status_repealed": ("已废止", "repealed"),
    "cited_by": ("引用本法规的事项", "Guides citing it"),
    "digest_note": (
        "以下为本工具的通俗摘要，不是法规原文。",
        "Plain-language digests written for this tool, not the official text.",
    ),
    "note": ("说明", "Note"),
    "result": ("办理结果", "Result"),
    "validity": ("有效期", "Validity"),
    # Material states
    "state_required": ("必交", "required"),
    "state_optional": ("可选", "optional"),
    "state_deferrable": ("容缺后补", "may be supplied later"),
    "state_commitment": ("告知承诺", "signed commitment"),
    "state_shared": ("免提交", "nothing to bring"),
    "defer_within": ("{days}个工作日内补交", "supply within {days} working days"),
    "copies": ("{n}份", "{n} copy/copies"),
}


def text(key: str, language: Language = "zh", **values: object) -> str:
    """The UI string for `key` in `language`, with `{name}` placeholders filled in."""
    zh, en = STRINGS[key]
    chosen = en if language == "en" else zh
    return chosen.format(**values) if values else chosen
