"""The command line's words: status lines, search results and `govtui ask` (zh-Hans, English)."""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    # Status lines on stderr, after "govtui: "
    "cli_content_problems": (
        "内容中有{n}处问题，运行 govtui lint 查看详情；已使用能读取的文件。",
        "{n} problems in the content; run 'govtui lint' for details. Using the files that loaded.",
    ),
    "cli_content_problems_one": (
        "内容中有1处问题，运行 govtui lint 查看详情；已使用能读取的文件。",
        "1 problem in the content; run 'govtui lint' for details. Using the files that loaded.",
    ),
    "cli_wrote": ("已写入 {path}", "wrote {path}"),
    "cli_printed": ("已发送到打印机{job}", "sent to the printer{job}"),
    "cli_printer_job": ("（{job}）", " ({job})"),
    "cli_index_building": (
        "正在建立搜索索引 … {done}/{total}",
        "building the search index … {done}/{total}",
    ),
    "cli_index_ready": ("搜索索引已是最新。", "the search index is up to date."),
    "cli_interrupted": ("已中断", "interrupted"),
    "cli_internal_error": (
        "内部错误（{kind}：{detail}）。没有保存或更改任何内容。请报告此问题；设置 GOVTUI_DEBUG=1"
        " 再运行可看到详情。",
        "internal error ({kind}: {detail}). Nothing was saved or changed. Please report this;"
        " run again with GOVTUI_DEBUG=1 for details.",
    ),
    # govtui search
    # Heads each query's results under --stdin, so a reader sees which answer is whose.
    "cli_search_heading": ("搜索：{query}", "Search: {query}"),
    "cli_search_empty": (
        "请输入群众的原话，例如 低保、身份证丢了、我妈去世了要办什么。",
        "Type what the citizen said, e.g. 低保, 身份证丢了, 我妈去世了要办什么.",
    ),
    "cli_nothing_found": (
        "没有找到与“{query}”相关的内容。请少用几个词，或用事项的俗称。",
        "Nothing found for '{query}'. Try fewer words, or the service's common name.",
    ),
    # govtui ask: the plain line-by-line interview
    "ask_intro": (
        "逐项回答即可，回答 b 返回上一题，? 查看说明，q 退出（回答不会保存）。",
        "Answer each question: b goes back, ? shows help, q quits (nothing is saved).",
    ),
    "ask_question": ("第{number}题（还剩至多{left}题）", "Question {number} (at most {left} left)"),
    "ask_yes_no": ("(是/否)", "(yes/no)"),
    "ask_quit": ("已退出，回答未保存。", "Stopped. No answers were saved."),
    "ask_no_back": ("已经是第一题了。", "This is the first question."),
    "ask_no_help": ("这一题没有额外说明。", "No further help for this question."),
    "ask_bad_line": ("第{line}行：{problem}", "Line {line}: {problem}"),
    "ask_unknown_fact": ("没有名为 {fact} 的问题。", "There is no question named {fact}."),
    "ask_done": ("问题已经问完，下面是一次性告知单：", "All questions answered. The checklist:"),
    "ask_stopped": (
        "输入已结束，按已有回答给出告知单（未回答的情形分别列出）：",
        "Input ended; here is the checklist for the answers so far (open cases listed):",
    ),
}
