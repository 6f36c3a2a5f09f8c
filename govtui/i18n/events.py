"""The words of 好差评 and search events: the report, sync and their errors (zh-Hans, English).

Long because it is one idea: a table of strings, one key a line.
"""

from __future__ import annotations

EVENTS: dict[str, tuple[str, str]] = {
    # The report
    "events_report_title": ("好差评与搜索分析报告", "Service ratings and search report"),
    "events_report_scope": (
        "期间：{start} 至 {end}；点位：{point}",
        "Period: {start} to {end}; point: {point}",
    ),
    "events_all_points": ("全部点位", "all points"),
    "events_point_unset": ("（未设置点位）", "(point not set)"),
    "events_totals": (
        "共评价 {rated} 次，未评价 {unrated} 次，满意率 {share}"
        "（非常满意、满意、基本满意占已评价的比例）。",
        "{rated} ratings given, {unrated} visits not rated; satisfied {share} (very satisfied,"
        " satisfied and basically satisfied over the ratings given).",
    ),
    "events_by_service": ("各事项评价", "Ratings by service"),
    "events_by_point": ("各点位评价", "Ratings by point"),
    "events_bad": (
        "差评（不满意、非常不满意），须在 {days} 个工作日内整改反馈",
        "Bad ratings (dissatisfied, very dissatisfied), to be rectified and answered within {days}"
        " working days",
    ),
    "events_queries": (
        "没有找到或被放弃的搜索（按次数排列，供内容编辑补充同义词）",
        "Searches that found nothing or were abandoned (most frequent first: synonyms to add)",
    ),
    "events_busiest": ("办件最多的事项", "Busiest services"),
    "events_by_hour": ("各时段办件量", "Visits by hour of day"),
    "events_by_weekday": ("各工作日办件量", "Visits by weekday"),
    "events_peaks": ("各事项高峰", "Each service's peak"),
    "events_none": ("（无）", "(none)"),
    "events_service": ("事项", "Service"),
    "events_point": ("点位", "Point"),
    "events_day": ("日期", "Day"),
    "events_level": ("满意度", "Satisfaction"),
    "events_deadline": ("整改期限", "Rectify by"),
    "events_deadline_unknown": ("以窗口告知为准", "ask at the window"),
    "events_text": ("文字评价", "Comment"),
    "events_query": ("搜索词", "Query"),
    "events_nothing_found": ("无结果", "Nothing found"),
    "events_abandoned": ("放弃", "Abandoned"),
    "events_last_day": ("最近", "Last seen"),
    "events_visits": ("办件", "Visits"),
    "events_peak_hour": ("高峰时段", "Peak hour"),
    "events_peak_weekday": ("高峰日", "Peak day"),
    "events_share": ("满意率", "Satisfied"),
    "events_level_very_satisfied": ("非常满意", "Very satisfied"),
    "events_level_satisfied": ("满意", "Satisfied"),
    "events_level_basic": ("基本满意", "Basically satisfied"),
    "events_level_dissatisfied": ("不满意", "Dissatisfied"),
    "events_level_very_dissatisfied": ("非常不满意", "Very dissatisfied"),
    "events_level_unrated": ("未评价", "Not rated"),
    "events_weekday_1": ("周一", "Mon"),
    "events_weekday_2": ("周二", "Tue"),
    "events_weekday_3": ("周三", "Wed"),
    "events_weekday_4": ("周四", "Thu"),
    "events_weekday_5": ("周五", "Fri"),
    "events_weekday_6": ("周六", "Sat"),
    "events_weekday_7": ("周日", "Sun"),
    # Sync and exports on the command line
    "events_pushed": (
        "已上传 {sent} 条事件（县里新收到 {new} 条）到 {where}。",
        "Pushed {sent} events ({new} new to the county) to {where}.",
    ),
    "events_push_failed": (
        "上传中断：{detail}。还有 {left} 条未上传，已全部保留，下次 sync push 会重试。",
        "The push stopped: {detail}. {left} events are still unsent, all kept; the next sync push"
        " retries them.",
    ),
    "events_nothing_to_push": ("没有需要上传的事件。", "Nothing to push."),
    "events_no_point": (
        "提示：本终端还没有设置点位代码（配置文件 [terminal] point_code）。",
        "Note: this terminal has no point code yet ([terminal] point_code in the config file).",
    ),
    "events_exported": ("已导出 {n} 条事件到 {path}。", "Exported {n} events to {path}."),
    "events_imported": (
        "从 {path} 读到 {read} 条事件，新增 {new} 条到 {where}（重复的不再计入）。",
        "Read {read} events from {path}; {new} were new to {where} (repeats change nothing).",
    ),
    "events_ratings_exported": (
        "已按表9导出 {n} 条评价到 {path}（满意度代码：{direction}）；"
        "未评价的 {unrated} 次不是评价，未导出。",
        "Exported {n} ratings in the 表9 fields to {path} (satisfaction codes: {direction}); the"
        " {unrated} visits not rated are not ratings and were left out.",
    ),
    "events_direction_gb": ("1=非常满意（GB/T 39046 A.8）", "1 = very satisfied (GB/T 39046 A.8)"),
    "events_direction_reversed": (
        "1=非常不满意（部分省级接口）",
        "1 = very dissatisfied (some provincial interfaces)",
    ),
    # The report screen
    "report_screen_title": ("好差评报告", "Ratings report"),
    "report_loading": ("正在读取评价……", "Reading the ratings…"),
    "key_report": ("报告", "Report"),
    "key_refresh": ("刷新", "Refresh"),
    "command_report": ("好差评报告", "Ratings report"),
    "command_report_help": (
        "查看本终端（或县中心数据库）的好差评和搜索分析",
        "Ratings and searches on this terminal (or in the county's database)",
    ),
    # Errors
    "error_events_open": (
        "无法打开事件库 {where}（{detail}）。请检查 GOVTUI_DATA_DIR 指向可写的文件夹。",
        "Cannot open the event store {where} ({detail}). Check that GOVTUI_DATA_DIR is a folder"
        " you can write to.",
    ),
    "error_events_database": (
        "数据库 {where} 出错：{detail}。事件都已保留，修好后再试一次。",
        "The database {where} failed: {detail}. Every event is kept; try again once it is fixed.",
    ),
    "error_events_connect": (
        "连接不上县里的数据库 {where}（{detail}）。"
        "请检查 GOVTUI_DATABASE_URL 或配置文件 [database] url，"
        "以及网络；事件都保留在本机。",
        "Cannot connect to the county's database {where} ({detail}). Check GOVTUI_DATABASE_URL or"
        " [database] url in the config file, and the network; every event stays on this terminal.",
    ),
    "error_events_url": (
        "数据库地址“{url}”无法识别：请写 postgresql://用户@主机/库名 或 sqlite:///文件路径。",
        "The database address '{url}' is not understood: write postgresql://user@host/database or"
        " sqlite:///path/to/file.",
    ),
    "error_events_no_database": (
        "没有设置县里的数据库：请设置 GOVTUI_DATABASE_URL，或在配置文件 [database] 下写 url。"
        "没有网络的点位可以用 govtui sync export 导出文件，用U盘带到县里导入。",
        "No county database is set: set GOVTUI_DATABASE_URL or url under [database] in the config"
        " file. A point without a network can use govtui sync export and carry the file on a USB"
        " stick.",
    ),
    "error_events_schema_newer": (
        "数据库 {where} 的结构是第 {found} 版，本程序只认识到第 {known} 版：请先升级 govtui。",
        "The database {where} has schema version {found}; this govtui knows up to {known}."
        " Upgrade govtui first.",
    ),
    "error_events_line_json": (
        "{path} 第 {line} 行不是有效的 JSON，整个文件都没有导入。请改正这一行或重新导出。",
        "Line {line} of {path} is not valid JSON, so nothing was imported. Fix that line or export"
        " the file again.",
    ),
    "error_events_line_field": (
        "{path} 第 {line} 行的“{field}”不对，整个文件都没有导入。请改正这一行或重新导出。",
        "Line {line} of {path} has a wrong '{field}', so nothing was imported. Fix that line or"
        " export the file again.",
    ),
    "error_events_read": (
        "读不了 {path}（{detail}）。",
        "Cannot read {path} ({detail}).",
    ),
    "error_report_dates": (
        "开始日期 {start} 晚于结束日期 {end}。",
        "The start date {start} is after the end date {end}.",
    ),
}
