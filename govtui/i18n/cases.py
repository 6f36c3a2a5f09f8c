"""Words for the case code and the encrypted saved case (zh-Hans, English)."""

from __future__ import annotations

CASES: dict[str, tuple[str, str]] = {
    # On screen
    "app_title_with_case": ("{title} · 案卷 {code}", "{title} · case {code}"),
    "key_save_case": ("保存案卷", "Save case"),
    "key_open_case": ("打开案卷", "Open case"),
    "command_save_case": ("保存案卷", "Save the case"),
    "command_save_case_help": (
        "用口令加密保存本次来访的回答，换个窗口或下次来访时凭案卷号接着办",
        "Encrypt this visit's answers with a passphrase, to continue at another window or visit",
    ),
    "command_open_case": ("打开案卷", "Open a case"),
    "command_open_case_help": (
        "凭案卷号和口令打开保存的案卷，从上次停下的地方接着办",
        "Open a saved case by its code and passphrase, and continue where it stopped",
    ),
    # Saving
    "case_save_title": ("保存案卷 {code}", "Save case {code}"),
    "case_save_where": (
        "保存到：{path}\n保存 {days} 天，{date} 起自动删除。只保存回答和勾选，加密后才写入。",
        "Saved to: {path}\nKept {days} days, deleted from {date}. Only the answers and ticks are"
        " saved, encrypted before they are written.",
    ),
    "case_passphrase": (
        "口令（至少 {n} 个字符，由群众或您选定，请群众记住）",
        "Passphrase (at least {n} characters, chosen by the citizen or you; the citizen keeps it)",
    ),
    "case_passphrase_again": ("再输入一次口令", "The passphrase again"),
    "case_passphrase_warning": (
        "口令不要写在屏幕旁或告知单上：案卷号印在告知单上，口令只能记在群众心里。",
        "Never write the passphrase next to the screen or on the checklist: the code is printed"
        " there, so the passphrase must stay with the citizen.",
    ),
    "case_save_button": ("加密保存", "Encrypt and save"),
    "case_working": ("正在加密或解密，请稍候……", "Encrypting or decrypting, one moment…"),
    "case_saved": (
        "案卷 {code} 已加密保存到 {path}。凭案卷号和口令可在其他窗口打开。",
        "Case {code} is saved, encrypted, to {path}. Its code and passphrase open it at any"
        " window.",
    ),
    "case_saved_title": ("案卷已保存", "Case saved"),
    "case_not_saved": ("案卷没有保存", "The case was not saved"),
    "case_nothing_to_save": (
        "本次来访还没有回答，没有可保存的内容。",
        "This visit holds no answers yet: there is nothing to save.",
    ),
    "case_new_code": (
        "文件夹中已有另一位群众的案卷 {old}，本次来访改用案卷号 {code}。",
        "Another citizen's case {old} is already in the folder; this visit's code is now {code}.",
    ),
    # Opening
    "case_open_title": ("打开案卷", "Open a case"),
    "case_open_code": (
        "案卷号（印在告知单上，如 QH-7K4Q）",
        "Case code (on the checklist, e.g. QH-7K4Q)",
    ),
    "case_open_passphrase": ("口令", "Passphrase"),
    "case_open_folder": ("案卷文件夹：{folder}", "Case folder: {folder}"),
    "case_open_button": ("打开", "Open"),
    "case_opened": (
        "已打开案卷 {code}（{n} 项事项），从上次停下的地方接着办。",
        "Case {code} is open ({n} services); continuing where it stopped.",
    ),
    "case_opened_one": (
        "已打开案卷 {code}（1 项事项），从上次停下的地方接着办。",
        "Case {code} is open (one service); continuing where it stopped.",
    ),
    "case_opened_title": ("案卷已打开", "Case opened"),
    "case_not_opened": ("案卷没有打开", "The case was not opened"),
    "case_replace_question": (
        "本次来访还有回答。打开案卷会换成案卷中的回答，要继续吗？",
        "This visit still holds answers. Opening a case replaces them with the case's. Go on?",
    ),
    "case_replace_detail": (
        "两位群众的回答不能混在一起：案卷打开成功后，当前回答全部清除；打开不成功则保持不变。",
        "Two citizens' answers must never mix: once the case opens, the current answers are"
        " wiped; if it does not open, they stay as they are.",
    ),
    "case_purged": ("已删除 {n} 份过期案卷（{folder}）。", "Deleted {n} expired cases ({folder})."),
    "case_purged_one": (
        "已删除 1 份过期案卷（{folder}）。",
        "Deleted one expired case ({folder}).",
    ),
    # Errors
    "error_case_code_form": (
        "“{code}”不是案卷号。案卷号形如 {example}：字母、短横、四个字母或数字。",
        "'{code}' is not a case code. A case code looks like {example}: letters, a dash, four"
        " letters or digits.",
    ),
    "error_case_passphrase_short": (
        "口令太短：至少 {n} 个字符。",
        "The passphrase is too short: at least {n} characters.",
    ),
    "error_case_passphrase_mismatch": (
        "两次输入的口令不一样，请重新输入。",
        "The two passphrases differ. Please type them again.",
    ),
    "error_case_taken": (
        "文件夹中已有另一位群众的案卷 {code}（{path}）。",
        "Another citizen's case {code} is already in the folder ({path}).",
    ),
    "error_case_unknown": (
        "文件夹 {folder} 中没有案卷 {code}。请核对告知单上的案卷号，或确认两个窗口用的是同一个案卷"
        "文件夹（config.toml 的 [case] folder）。",
        "There is no case {code} in {folder}. Check the code on the checklist, or that both"
        " windows use the same case folder ([case] folder in config.toml).",
    ),
    "error_case_unreadable": (
        "无法读取案卷文件 {path}（{detail}）。请检查文件夹的权限。",
        "Cannot read the case file {path} ({detail}). Check the folder's permissions.",
    ),
    "error_case_wrong_passphrase": (
        "口令不对，案卷 {code} 没有打开，什么也没有恢复。请群众再说一遍口令（注意大小写）；口令确实"
        "无误的话，文件可能被改动过。",
        "Wrong passphrase: case {code} did not open and nothing was restored. Ask the citizen"
        " for it again (capitals count); if it is surely right, the file was altered.",
    ),
    "error_case_damaged": (
        "案卷文件 {path} 已损坏或不完整，无法打开，什么也没有恢复。请在保存它的窗口重新保存，或"
        "重新询问群众。",
        "The case file {path} is damaged or incomplete and cannot be opened; nothing was"
        " restored. Save it again at the window that made it, or ask the citizen again.",
    ),
    "error_case_newer_format": (
        "案卷文件 {path} 由更新版本的 govtui 保存（格式 {version}），本机打不开，什么也没有恢复。"
        "请先升级本机的 govtui。",
        "The case file {path} was saved by a newer govtui (format {version}); this one cannot"
        " open it and restored nothing. Update govtui on this computer first.",
    ),
    "error_case_expired": (
        "案卷 {code} 已过保存期（{date} 起删除），现已删除。请重新询问群众。",
        "Case {code} has expired (deleted from {date}) and is now deleted. Ask the citizen again.",
    ),
    "error_case_not_deleted": (
        "无法删除过期案卷 {path}（{detail}）。请检查文件夹的权限。",
        "Cannot delete the expired case {path} ({detail}). Check the folder's permissions.",
    ),
    "error_case_service_missing": (
        "案卷中的事项 {id} 在本机的内容中没有（两台电脑的内容版本可能不同），什么也没有恢复。",
        "The case names the service {id}, which this computer's content lacks (the two may"
        " hold different content versions); nothing was restored.",
    ),
}
