"""Words for elder mode (适老化) and reading aloud: keys, notices and what is read (zh, en)."""

from __future__ import annotations

ELDER: dict[str, tuple[str, str]] = {
    # Keys and palette commands
    "key_elder": ("适老模式", "Elder mode"),
    "key_read_aloud": ("朗读", "Read aloud"),
    "key_stop_reading": ("停止朗读", "Stop reading"),
    "key_dismiss_notices": ("关闭提示", "Close notices"),
    "command_elder": ("切换适老模式", "Switch elder mode"),
    "command_elder_help": (
        "高对比纯色、加宽行距、提示不会自动消失；F7 再按一次恢复",
        "Solid high-contrast colours, more space between lines, notices that stay; F7 again to"
        " leave",
    ),
    "command_read_aloud": ("朗读本页", "Read this page aloud"),
    "command_read_aloud_help": (
        "用普通话朗读当前问题、办理结果或告知单（F5），再按一次停止",
        "Reads the current question, the result or the checklist in Mandarin (F5); again to stop",
    ),
    # Notices
    "elder_on_title": ("已进入适老模式", "Elder mode is on"),
    "elder_on": (
        "提示不会自动消失，按 Ctrl+L 关闭。终端里的字号请用终端自己的放大（通常是 Ctrl 加 +）；"
        "浏览器里用 govtui serve --elder 打开即为大字。F5 朗读，F7 退出适老模式。",
        "Notices stay until Ctrl+L closes them. Make the text larger with the terminal's own zoom"
        " (usually Ctrl and +); in a browser, govtui serve --elder opens it in large type. F5"
        " reads aloud, F7 leaves elder mode.",
    ),
    "elder_off": ("已退出适老模式。", "Elder mode is off."),
    "reading_started": ("正在朗读……再按 F5 停止。", "Reading aloud… press F5 again to stop."),
    "reading_stopped": ("已停止朗读。", "Stopped reading."),
    "reading_saved": ("朗读已保存为 {path}", "The reading was saved as {path}"),
    "reading_nothing": (
        "这一页没有可朗读的内容。请在问题、办理结果或告知单页面按 F5。",
        "There is nothing to read on this page. Press F5 on a question, the result or the"
        " checklist.",
    ),
    "reading_failed_title": ("无法朗读", "Cannot read aloud"),
    # What is read aloud
    "spoken_choice": ("选 {number}，{label}", "{number}: {label}"),
    "spoken_unit": ("单位：{unit}", "In {unit}"),
    "spoken_result": ("办理结果：{verdict}", "Result: {verdict}"),
}
