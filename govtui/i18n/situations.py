"""Strings of search suggestions and of `govtui situations propose`."""

from __future__ import annotations

SITUATIONS: dict[str, tuple[str, str]] = {
    # A hit's match reason "situation: 房子被水淹了", as the TUI labels reasons.
    "match_situation": ("情形", "situation"),
    "cli_did_you_mean": ("您是不是要找：", "Did you mean:"),
    "cli_situations_help": (
        "情形词表：根据没有结果的搜索，建议新的情形条目",
        "The situation vocabulary: propose entries from searches that found nothing",
    ),
    "cli_situations_propose_help": (
        "读取没有结果的搜索（每行一条，或每行一个带 query 字段的 JSON），为内容编辑建议情形条目；"
        "只打印建议，不改动内容。",
        "Read searches that found nothing (one per line, or JSON Lines with a 'query' field) "
        "and propose situation entries for a content editor; prints proposals only, never "
        "changes the content.",
    ),
    "cli_situations_header": (
        "# 以下是建议，请内容编辑核对后用自己的话写进 guides/_situations.yaml。\n"
        "# 共 {queries} 条搜索；{proposed} 条有建议，{unplaced} 条找不到合适的事项。",
        "# Proposals only: a content editor checks them and writes them, in the content's own\n"
        "# words, into guides/_situations.yaml. {queries} searches; {proposed} with a proposal, "
        "{unplaced} with no likely service.",
    ),
    "cli_situations_unplaced": ("# 找不到合适事项的搜索：", "# Searches with no likely service:"),
    "error_situations_file": (
        "无法读取 {path}：{detail}",
        "Cannot read {path}: {detail}",
    ),
}
