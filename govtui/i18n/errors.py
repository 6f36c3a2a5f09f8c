"""The words of every error a user can see, each a key with parameters (zh-Hans, English)."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    "error_brought_unknown": (
        "--brought 中的材料不在这张告知单上：{materials}。可用的材料编号：{known}",
        "--brought names materials this checklist does not list: {materials}. Its materials: "
        "{known}",
    ),
    # A hint added to an error that names something unknown; `names` is a list.
    "error_did_you_mean": ("是不是要找：{names}？", " Did you mean: {names}?"),
    # Content and caches (govtui.paths, govtui.search)
    "error_content_not_a_folder": (
        "{origin} 指向“{folder}”，其中没有 guides/ 和 policies/ 文件夹。"
        "请指向同时包含两者的文件夹。",
        "{origin} points to '{folder}', which has no guides/ and policies/ folders. Point it at"
        " a folder that contains both.",
    ),
    "error_no_content": (
        "找不到内容。请用 --content DIR 或设置 GOVTUI_CONTENT，"
        "指向包含 guides/ 和 policies/ 的文件夹。",
        "No content found. Pass --content DIR or set GOVTUI_CONTENT to a folder with guides/ and"
        " policies/.",
    ),
    "error_index_cache": (
        "无法使用 {folder} 中的搜索索引缓存（{detail}）。请把 GOVTUI_CACHE_DIR 设为可写的文件夹。",
        "cannot use the search index cache in {folder} ({detail}). Set GOVTUI_CACHE_DIR to a"
        " folder you can write to.",
    ),
    "error_unknown_id": (
        "没有编号为“{wanted}”的事项、政策或一件事。{hint}",
        "No guide, policy or bundle has the id '{wanted}'.{hint}",
    ),
    # Exports and printing (govtui.render)
    "error_width_too_small": (
        "--width {width}：至少需要{minimum}列。",
        "--width {width}: use at least {minimum} columns",
    ),
    "error_unknown_format": (
        "--format {format!r}：请使用 {formats}。",
        "--format {format!r}: use {formats}",
    ),
    "error_write_no_folder": (
        "无法写入 {path}：文件夹 {folder} 不存在。",
        "Cannot write {path}: the folder {folder} does not exist.",
    ),
    "error_write_is_folder": (
        "无法写入 {path}：这是一个文件夹。",
        "Cannot write {path}: it is a folder.",
    ),
    "error_write_not_writable": (
        "无法写入 {path}：文件夹 {folder} 不可写。",
        "Cannot write {path}: the folder {folder} is not writable.",
    ),
    "error_write_failed": ("无法写入 {path}：{detail}。", "Cannot write {path}: {detail}."),
    "error_output_exists": (
        "{path} 已经存在；如要覆盖，请加 --force。",
        "{path} already exists; pass --force to overwrite it.",
    ),
    "error_no_print_command": (
        "这台电脑没有打印命令（lp 或 lpr）。请把告知单导出为文件后再打印，或安装 CUPS。",
        "This computer has no print command (lp or lpr). Export the checklist to a file and"
        " print it from there, or install CUPS.",
    ),
    "error_printer_timeout": (
        "打印机在{seconds}秒内没有响应（{program}）。请检查打印服务是否在运行，或把告知单导出为文件。",
        "The printer did not answer within {seconds} seconds ({program}). Check that the print"
        " service is running, or export the checklist to a file.",
    ),
    "error_printer_not_run": (
        "无法运行 {program}：{detail}。",
        "Could not run {program}: {detail}.",
    ),
    "error_printer_refused": (
        "打印机拒绝了告知单：{said}。{hint}",
        "The printer refused the checklist: {said}.{hint}",
    ),
    "error_printer_no_reason": ("未说明原因", "no reason given"),
    "error_printer_choose": (
        "请用 {variable}=NAME 选择打印机（lpstat -p 可列出打印机）。",
        " Choose a printer with {variable}=NAME (lpstat -p lists them).",
    ),
    "error_printer_encoding": (
        "{variable}={value} 不是可用的打印编码：请设为 UTF-8（默认）或 GB18030。",
        "{variable}={value} is not a printer encoding govtui offers: set it to UTF-8 (the"
        " default) or GB18030.",
    ),
    # Caches found damaged and rebuilt: a notice, never a failure (govtui.content, govtui.search)
    "notice_library_cache_repaired": (
        "保存的内容副本已损坏，已重新读取内容。",
        "The saved copy of the content was damaged; the content has been read again.",
    ),
    "notice_index_repaired": (
        "搜索索引已损坏，已重新建立。",
        "The search index was damaged and has been rebuilt.",
    ),
    "notice_repaired_title": ("已自动修复", "Repaired"),
    # The command line's requests (govtui.cli)
    "error_answer_shape": (
        "--answer {pair!r}：请写成 FACT=VALUE，例如 applicant_role=agent。",
        "--answer {pair!r}: write it as FACT=VALUE, e.g. applicant_role=agent",
    ),
    "error_answer_unknown_fact": (
        "{origin}：没有名为“{fact}”的问题。{hint}",
        "{origin}: there is no fact '{fact}'.{hint}",
    ),
    "error_answer_invalid": ("{origin}：{fact}：{problem}", "{origin}: {fact}: {problem}"),
    "error_answers_missing": ("{path}：没有这个回答文件。", "{path}: no such answers file"),
    "error_answers_unreadable": (
        "{path}：无法读取回答文件（{detail}）。",
        "{path}: cannot read the answers file ({detail})",
    ),
    "error_answers_yaml": (
        "{place}：回答文件不是有效的 YAML。",
        "{place}: invalid YAML in the answers file",
    ),
    "error_answers_not_mapping": (
        "{path}：回答文件应是“FACT: VALUE”形式的映射。",
        "{path}: the answers file must be a mapping of FACT: VALUE",
    ),
    "error_as_of": (
        "--as-of {value!r}：请按 YYYY-MM-DD 给出日期。",
        "--as-of {value!r}: give a date as YYYY-MM-DD",
    ),
    "error_checklist_of_policy": (
        "“{wanted}”是政策；告知单需要事项或一件事的编号（见 govtui list --kind guide）。",
        "'{wanted}' is a policy; a checklist needs a guide or a bundle id (see 'govtui list"
        " --kind guide').",
    ),
    "error_print_how": (
        "--print 把文本发送到打印机：不能与 -o 同用，也不能用于 html 或 json。",
        "--print sends text to the printer: use it without -o and html or json",
    ),
    "error_search_query_and_stdin": (
        "请给出查询词或 --stdin，不能两者都给。",
        "give either a QUERY or --stdin, not both",
    ),
    "error_search_no_query": (
        "请给出查询词，例如 govtui search 低保（多个查询用 --stdin）。",
        "give a QUERY, e.g. govtui search 低保 (or --stdin for many)",
    ),
    # Why an answer was refused (govtui.interview.validate)
    # ID numbers (GB 11643): the shape, the province, the birth date, the check digit.
    "invalid_id_number_shape": (
        "公民身份号码应为18位：前17位是数字，最后一位是数字或X。",
        "A citizen ID number has 18 characters: 17 digits, then a digit or X.",
    ),
    "invalid_id_number_region": (
        "身份号码前六位 {region} 不是有效的行政区划代码，请对照证件核对。",
        "The first six digits, {region}, are not a real region code; check them against the card.",
    ),
    "invalid_id_number_birth_date": (
        "号码中的出生日期 {digits} 不是有效日期，请核对。",
        "The birth date {digits} inside the number is not a real date; check it.",
    ),
    "invalid_id_number_born_later": (
        "号码中的出生日期是 {date}：出生日期不能晚于今天，请核对。",
        "The number gives the birth date {date}: a birth date cannot be after today; check it.",
    ),
    "invalid_id_number_born_too_early": (
        "号码中的出生日期是 {date}，早于{year}年，请核对。",
        "The number gives the birth date {date}, before {year}; check it.",
    ),
    "invalid_id_number_check_digit": (
        "公民身份号码校验位不正确，可能有一位输错了，请对照证件核对。",
        "The ID number's check digit does not match; a digit is probably mistyped.",
    ),
    "invalid_mobile": (
        "手机号码应为11位数字，以1开头，第二位是3至9。",
        "A mainland mobile number has 11 digits, starting with 1 and then 3 to 9.",
    ),
    "invalid_yes_no": ("请回答“是”或“否”。", "Please answer yes or no."),
    "invalid_choice": ("请从以下选项中选择：{options}", "Please choose one of: {options}"),
    "invalid_choice_option": ("{number}. {label}", "{number}. {label}"),
    "invalid_number": ("请输入一个数字。", "Please enter a number."),
    "invalid_whole_number": ("请输入整数。", "Please enter a whole number."),
    # `unit` is "" or an invalid_unit phrase: English puts a space before the unit.
    "invalid_unit": ("{unit}", " {unit}"),
    "invalid_below_minimum": (
        "不能小于 {minimum:g}{unit}。",
        "Must be at least {minimum:g}{unit}.",
    ),
    "invalid_above_maximum": ("不能大于 {maximum:g}{unit}。", "Must be at most {maximum:g}{unit}."),
    "invalid_date": (
        "请按“年-月-日”输入日期，例如 2026-03-01。",
        "Enter a date as YYYY-MM-DD, e.g. 2026-03-01.",
    ),
    "invalid_empty": ("不能为空。", "This cannot be empty."),
    "invalid_too_long": ("内容过长（最多{limit}字）。", "Too long (at most {limit} characters)."),
    "invalid_unreadable": ("无法识别这个回答。", "This answer cannot be read."),
}
