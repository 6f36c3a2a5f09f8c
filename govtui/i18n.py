"""UI strings in zh-Hans and English; `text(key, language)` picks one."""

from __future__ import annotations

import datetime
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
    "visits_value": ("最多跑{n}次", "at most {n} visits"),
    "visits_value_one": ("最多跑1次", "at most one visit"),
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
    "status_superseded": ("已被新版本取代", "superseded by a newer version"),
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
    # The one-time notice (render/notice.py)
    "notice_title": ("{name} 一次性告知单", "One-time notice: {name}"),
    "notice_heading": ("一次性告知单", "One-time notice"),
    "warning_prefix": ("【注意】", "Note: "),
    "notice_locality": ("地区", "Locality"),
    "notice_id": ("编号", "Id"),
    "notice_version": ("内容版本", "Content version"),
    "notice_reviewed": ("审核日期", "Reviewed"),
    "notice_as_of": ("适用日期", "Rules as of"),
    "not_in_force": (
        "本事项在{date}不在有效期内（{period}），不能据此出具告知单。请向窗口核实现行规定。",
        "This service is not in force on {date} ({period}), so no checklist can be given for it."
        " Please ask the office for the current rules.",
    ),
    "in_force_period": ("有效期：{start}至{end}", "in force from {start} to {end}"),
    "open_date": ("不限", "open"),
    "members_not_in_force": (
        "以下事项在{date}不在有效期内，未列入本告知单：{names}",
        "Not in force on {date}, so left out of this notice: {names}",
    ),
    "eligibility_heading": ("办理条件", "Eligibility"),
    "member_only_if": ("仅当{condition}时需要办理", "needed only if {condition}"),
    "members_not_needed": (
        "根据回答，以下事项无需办理：{names}",
        "Not needed, from the answers: {names}",
    ),
    "eligibility_state": ("初步判断：{state}", "Preliminary assessment: {state}"),
    "eligibility_likely": ("符合条件", "likely eligible"),
    "eligibility_not_eligible": ("不符合条件", "not eligible"),
    "eligibility_unknown": ("尚不能确定", "cannot tell yet"),
    "eligibility_refer": ("不在本窗口办理，请转往他处", "handled elsewhere: refer"),
    "refer_heading": ("请到以下部门或渠道办理：", "Where this case is handled instead:"),
    "refer_otherwise": ("不符合时转往：{to}", "otherwise referred to: {to}"),
    "label_refer_why": ("本窗口受理条件", "Condition for applying here"),
    "no_materials_refer": (
        "本事项由上面所列的部门或渠道受理，所需材料以受理地的告知为准。",
        "The office or channel above takes this case; it will say what to bring.",
    ),
    "due_by": (
        "请于{date}前补交（{days}个工作日内）",
        "supply by {date} (within {days} working days)",
    ),
    "due_unknown": (
        "{days}个工作日内补交（具体日期暂无法计算：尚无{year}年的节假日安排，以窗口告知为准）",
        "supply within {days} working days (the date cannot be computed yet: {year}'s public"
        " holidays are not known; the office will tell you)",
    ),
    "limit_due": ("今日受理的，{date}前办结", "if accepted today, decided by {date}"),
    "codes": ("事项编码", "Service codes"),
    "code_basic": ("基本编码", "basic"),
    "code_implementation": ("实施编码", "implementation"),
    "fee_basis": ("收费依据", "Fee basis"),
    "online_entry": ("网上办理", "Apply online"),
    "cross_province": ("跨省通办", "Cross-province service"),
    "cross_province_scope": ("{mode}，通办范围：{scope}", "{mode}; area: {scope}"),
    "delivery": ("结果送达", "How the result is delivered"),
    "amounts": ("本地标准", "Local figures"),
    "sample_figure": ("示例数字", "sample figure"),
    "refusal_heading": ("不予受理的情形", "When an application is not accepted"),
    "remedies_heading": ("不服决定怎么办", "If you disagree with a decision"),
    "consult_phone": ("咨询电话", "Questions"),
    "complaint_phone": ("监督投诉", "Complaints"),
    "excluded_from_limit": ("不计入时限", "Not counted in the limit"),
    "failed_conditions": ("不符合的条件：", "Conditions not met:"),
    "open_conditions": ("尚待确认的条件：", "Conditions still to confirm:"),
    "missing_facts": ("还需了解：", "Still to ask:"),
    "materials_heading": ("需要准备的材料", "What to prepare"),
    "no_materials_not_eligible": (
        "根据目前的回答，暂不符合办理条件，因此不列出材料。对判断有疑问的，请向窗口咨询。",
        "From the answers so far the applicant does not qualify, so no materials are listed."
        " Ask the office if in doubt.",
    ),
    "no_materials": ("无需准备材料。", "Nothing to prepare."),
    "group_original": ("携带原件", "Bring the original"),
    "group_copy": ("携带复印件", "Bring copies"),
    "group_commitment": (
        "签署告知承诺（以承诺代替证明）",
        "Sign a commitment (instead of a certificate)",
    ),
    "group_deferred": (
        "容缺后补（可先受理，限期补交）",
        "Supply later (accepted now, bring it by the deadline)",
    ),
    "group_shared": (
        "无需提交（部门通过数据共享获取）",
        "Nothing to bring (the office obtains it by data sharing)",
    ),
    "group_produced": ("本次联办中出具，无需自备", "Issued within this bundle: nothing to bring"),
    "tag_original": ("带原件", "bring the original"),
    "tag_copy": ("带复印件", "bring copies"),
    "tag_commitment": ("签署承诺", "sign a commitment"),
    "tag_deferred": ("容缺后补", "supply later"),
    "tag_shared": ("免提交", "nothing to bring"),
    "tag_produced": ("联办出具", "issued within the bundle"),
    "optional_mark": ("可选", "optional"),
    "copy_count_one": ("1份", "1 copy"),
    "copy_count": ("{n}份", "{n} copies"),
    "form_original": ("原件", "original"),
    "form_copy": ("复印件", "photocopy"),
    "form_original_and_copy": ("原件和复印件", "original and photocopy"),
    "form_electronic": ("电子证照", "electronic licence"),
    "form_on_site": ("现场填写", "filled in at the counter"),
    "source_own": ("申请人自备", "the applicant's own"),
    "source_department": ("部门核发", "issued by a department"),
    "source_third_party": ("第三方出具", "issued by a third party"),
    "source_data_sharing": ("数据共享", "data sharing"),
    "source_counter": ("窗口领取", "from the counter"),
    "label_applies": ("适用情形", "Applies because"),
    "label_basis": ("依据", "Basis"),
    "label_needed_by": ("用于", "Needed for"),
    "label_commitment": ("承诺内容", "Commitment"),
    "produced_by": ("由「{name}」出具", "issued by {name}"),
    "branches_heading": ("视情况另需", "Depending on the answers"),
    "branches_intro": (
        "以下材料取决于尚未确认的情况，请按实际情况准备：",
        "These depend on questions not yet answered; prepare them if they apply:",
    ),
    "branch_bring": ("如{condition}，另需携带：", "If {condition}, also bring:"),
    "branch_other": ("如{condition}，另需：", "If {condition}, also:"),
    "howto_heading": ("办理须知", "How and where"),
    "address": ("地址", "Address"),
    "signature_heading": ("承诺与签名", "Commitment and signature"),
    "signature_statement": (
        "本人已知悉上述告知承诺事项，承诺所报内容真实、完整；如有不实，愿承担相应的法律责任。",
        "I have read the commitments above and confirm that what I declared is true and complete;"
        " I accept legal responsibility if it is not.",
    ),
    "applicant_signature": ("申请人签名", "Applicant's signature"),
    "signature_date": ("日期", "Date"),
    "clerk_signature": ("经办人", "Clerk"),
    "notice_footer": (
        "以上为一次性告知内容。初步判断仅供参考，以受理审核结果为准。",
        "This is the complete one-time notice. The assessment is preliminary; the office's review"
        " decides.",
    ),
    "fictional_note": (
        "示例地区：地址、电话均为虚构。",
        "Sample locality: addresses and phone numbers are fictional.",
    ),
    "form_members": ("本表合并了以下事项的申请：{names}", "This one form applies for: {names}"),
    "form_field": ("项目", "Field"),
    "form_entry": ("填写内容", "Entry"),
    "form_signature": ("申请人（签字）", "Applicant (signature)"),
    "form_date": ("填表日期", "Date filled in"),
    # The terminal app (govtui.tui)
    "app_title": ("govtui 一次告知助手", "govtui one-time notice helper"),
    "list_separator": ("、", ", "),
    "with_note": ("{main}（{note}）", "{main} ({note})"),
    "answer_yes": ("是", "Yes"),
    "answer_no": ("否", "No"),
    "yes_button": ("是（Y）", "Yes (Y)"),
    "no_button": ("否（N）", "No (N)"),
    "save_button": ("保存（Enter）", "Save (Enter)"),
    "cancel_button": ("取消（Esc）", "Cancel (Esc)"),
    "error_title": ("出错了", "Something went wrong"),
    "error_load": (
        "无法读取内容或打开搜索索引：{detail}。可以先按分类浏览；请联系管理员运行 govtui lint。",
        "Could not read the content or open the search index: {detail}. Browse by category"
        " meanwhile, and ask the administrator to run govtui lint.",
    ),
    "error_search": (
        "这次搜索没有完成：{detail}。请换个说法再试。",
        "That search did not finish: {detail}. Please try other words.",
    ),
    "error_other": ("操作没有完成：{detail}", "That did not finish: {detail}"),
    "content_problems_title": ("内容有问题", "Content problems"),
    "content_problems": (
        "有{n}处内容无法使用，已跳过。请管理员运行 govtui lint 查看。",
        "{n} problems in the content were skipped. Ask the administrator to run govtui lint.",
    ),
    "content_problems_one": (
        "有1处内容无法使用，已跳过。请管理员运行 govtui lint 查看。",
        "One problem in the content was skipped. Ask the administrator to run govtui lint.",
    ),
    "unknown_document": ("找不到编号为 {id} 的事项或政策。", "Nothing has the id {id}."),
    "how_to_quit": ("按 Ctrl+Q 退出。", "Press Ctrl+Q to quit."),
    # Keys, as the footer shows them
    "key_help": ("帮助", "Help"),
    "key_language": ("English", "中文"),
    "key_quit": ("退出", "Quit"),
    "key_palette": ("命令", "Commands"),
    "key_open": ("打开", "Open"),
    "key_kind": ("类型", "Kind"),
    "key_category": ("分类", "Category"),
    "key_clear": ("清空", "Clear"),
    "key_start": ("开始办理", "Start"),
    "key_start_bundle": ("一次办理", "Start all"),
    "key_why": ("为什么", "Why"),
    "key_policy": ("看依据", "Read the law"),
    "key_back": ("返回", "Back"),
    "key_previous": ("上一题", "Previous"),
    "key_review": ("核对回答", "Review"),
    "key_checklist": ("告知单", "Checklist"),
    "key_edit": ("修改", "Change"),
    "key_back_to_questions": ("回到问题", "Questions"),
    "key_tick": ("勾选已带", "Tick"),
    "key_export": ("导出", "Export"),
    "key_print": ("打印", "Print"),
    "key_preview": ("预览", "Preview"),
    "key_finish": ("办结清除", "Finish"),
    "key_open_guide": ("打开事项", "Open"),
    "key_read_policy": ("看政策", "Read"),
    "key_close": ("关闭", "Close"),
    "key_yes": ("是", "Yes"),
    "key_no": ("否", "No"),
    "key_save": ("保存", "Save"),
    "key_cancel": ("取消", "Cancel"),
    "key_skip": ("跳过", "Skip"),
    # The command palette
    "command_language": ("切换语言：中文 / English", "Switch language: 中文 / English"),
    "command_language_help": (
        "界面文字在中文和英文之间切换。",
        "Show the screens in the other language.",
    ),
    "command_new_search": ("新的搜索", "New search"),
    "command_new_search_help": (
        "回到搜索页（不清除本次回答）。",
        "Back to the search screen (the answers are kept).",
    ),
    "command_help": ("帮助", "Help"),
    "command_help_help": (
        "操作说明和本页按键。",
        "How to use govtui, and the keys of this screen.",
    ),
    "command_theme": ("切换深色 / 浅色", "Switch dark / light"),
    "command_theme_help": (
        "两种高对比度配色：大厅明亮时用浅色。",
        "Two high-contrast themes: use the light one in a bright hall.",
    ),
    "command_quit": ("退出", "Quit"),
    "command_quit_help": ("退出 govtui。", "Quit govtui."),
    # Search
    "search_placeholder": (
        "群众想办什么？如：低保、身份证丢了、生孩子、退休",
        "What does the citizen need? e.g. dibao, lost ID card, newborn, retire",
    ),
    "kind_filter_all": ("全部类型", "All kinds"),
    "kind_filter_guide": ("办事指南", "Services"),
    "kind_filter_bundle": ("一件事", "Life events"),
    "kind_filter_policy": ("政策法规", "Policies"),
    "kind_filter_article": ("政策条文", "Articles"),
    "category_all": ("全部分类", "All categories"),
    "filter_kind": ("类型：{value} ▾", "Kind: {value} ▾"),
    "filter_category": ("分类：{value} ▾", "Category: {value} ▾"),
    "loading_content": ("正在读取内容……", "Reading the content…"),
    "index_opening": ("正在打开搜索……", "Opening search…"),
    "index_building": (
        "正在建立搜索索引 {done}/{total}，可先浏览",
        "Building the search index {done}/{total}; browse meanwhile",
    ),
    "search_ready": ("可以输入了", "Ready"),
    "search_preparing": (
        "搜索马上就好，结果会自动出现。先看看下面这些：",
        "Search is nearly ready; results will appear by themselves. Meanwhile:",
    ),
    "result_count": ("找到{n}条", "{n} found"),
    "matched_because": ("匹配：{reasons}", "matched: {reasons}"),
    "label_value": ("{label}：{value}", "{label}: {value}"),
    "match_name": ("名称", "name"),
    "match_alias": ("俗称", "also called"),
    "match_pinyin": ("拼音", "pinyin"),
    "match_synonym": ("同义词", "synonym"),
    "match_english": ("英文名", "English name"),
    "match_sounds_like": ("读音相近", "sounds like"),
    "match_text": ("正文", "text"),
    "browse_bundles": ("一件事一次办", "Life events: several services at once"),
    "browse_categories": ("按分类浏览", "Browse by category"),
    "browse_category": ("{name}：全部事项", "{name}: all services"),
    "browse_policies": ("全部政策法规", "All policies"),
    "category_line": ("{name}（{n}项）", "{name} ({n})"),
    "search_tip": (
        "提示：用群众的原话、俗称或拼音首字母都可以，如“吃低保”“sfz”。上下键选择，Enter 打开。",
        "Tip: the citizen's own words, nicknames and pinyin initials all work, e.g. dibao, sfz."
        " Arrows to choose, Enter to open.",
    ),
    "nothing_found": ("没有找到与“{query}”相关的内容。", "Nothing found for “{query}”."),
    "drop_filters": ("去掉筛选条件，可找到{n}条", "Without the filters: {n} found"),
    "did_you_mean": ("是不是要找：{title}", "Did you mean: {title}"),
    # Guides, life events, policies
    "start_hint": (
        "按 S 开始办理：只问与本事项有关的问题，最后出一次性告知单。",
        "Press S to start: only the questions that matter, then the one-time checklist.",
    ),
    "start_bundle_hint": (
        "按 S 一次办理以下全部事项：共用的问题只问一次，最后合并成一张告知单和一张申请表。",
        "Press S to apply for all of these at once: shared questions are asked once, ending in"
        " one checklist and one form.",
    ),
    "count_of": ("{label}{n}项", "{n} {label}"),
    "count_conditional": ("；视情况另需{n}项", "; {n} more depending on the case"),
    "promised_and_legal": (
        "承诺{promised}（法定：{legal}）",
        "{promised} promised (legal limit: {legal})",
    ),
    "when_line": ("适用情形：{condition}", "Applies when: {condition}"),
    "basis_line": ("依据：{basis}", "Basis: {basis}"),
    "basis_suffix": ("（依据：{basis}）", " (basis: {basis})"),
    "state_line": ("办理要求：{state}", "What to do: {state}"),
    "commitment_line": ("承诺内容：{commitment}", "Commitment: {commitment}"),
    "basis_of_guide": (
        "这一项没有单独列出依据，以下是本事项的办理依据：",
        "This item cites nothing of its own; here is the service's legal basis:",
    ),
    "no_basis": ("没有列出依据。", "No legal basis is listed."),
    "member_count": ("{n}项", "{n} services"),
    "section_produced": (
        "联办中出具、无需自备的材料",
        "Issued within the bundle: nothing to bring",
    ),
    "produced_line": (
        "{material}：由“{issuer}”出具，用于{users}",
        "{material}: issued by {issuer}, used for {users}",
    ),
    "section_articles": ("条文摘要", "Articles in brief"),
    "article_number": ("第{number}条", "Article {number}"),
    "amended": ("修订日期", "Amended"),
    "level_national": ("国家", "national"),
    "level_provincial": ("省级", "provincial"),
    "level_local": ("地方", "local"),
    "superseded_by": (
        "已被《{title}》取代，按 Enter 查看",
        "Replaced by {title}; Enter to read it",
    ),
    "cited_by_none": ("目前没有事项引用它。", "No service cites it yet."),
    # The interview
    "interview_title": ("{name}：办理引导", "{name}: guided application"),
    "interview_subtitle": ("逐题询问", "One question at a time"),
    "progress_text": (
        "第{number}题，最多还有{remaining}题",
        "Question {number}, at most {remaining} to go",
    ),
    "progress_done": ("已回答{answered}题，问题已问完", "{answered} answered; no more questions"),
    "all_answered": (
        "问题都问完了。F6 核对回答，F8 出告知单。",
        "No more questions. F6 to review the answers, F8 for the checklist.",
    ),
    "date_placeholder": ("年-月-日，如 2026-03-01", "YYYY-MM-DD, e.g. 2026-03-01"),
    "number_placeholder": ("输入数字后按 Enter", "Type a number, then Enter"),
    "text_placeholder_plain": ("输入后按 Enter", "Type, then Enter"),
    "text_placeholder_id_number": ("18位公民身份号码", "18-character citizen ID number"),
    "text_placeholder_mobile": ("11位手机号码", "11-digit mobile number"),
    "checklist_so_far": ("告知单（随回答更新）", "Checklist so far"),
    "checklist_empty": (
        "回答问题后，这里会列出要带的材料。",
        "The materials appear here as you answer.",
    ),
    "eligibility_note": ("最终以窗口受理审核为准。", "The office's review decides."),
    "eligibility_missing": ("还需了解：{facts}", "Still to ask: {facts}"),
    # Review
    "review_title": ("核对回答：{name}", "Review the answers: {name}"),
    "review_subtitle": ("核对回答", "Review"),
    "review_hint": (
        "请向群众复述以下回答。选中一条按 Enter 可以修改。",
        "Read the answers back to the citizen. Choose one and press Enter to change it.",
    ),
    "review_open_questions": (
        "还有问题没有回答（最多{n}题）：按 Esc 回到问题，或按 C 先出告知单。",
        "Some questions are still open (at most {n}): Esc to answer them, or C for the checklist.",
    ),
    "answer_set_aside": (
        "（这个回答已不影响结果，但仍保留）",
        "(this answer no longer matters, but it is kept)",
    ),
    # The checklist
    "checklist_subtitle": ("一次性告知单", "One-time checklist"),
    "tick_brought": ("已带", "brought"),
    "tick_signed": ("已签", "signed"),
    "tick_missing": ("未带", "missing"),
    "tick_later": ("可后补", "may come later"),
    "tick_to_sign": ("现场签署", "sign here"),
    "tick_optional": ("可选", "optional"),
    "tick_at_counter": ("窗口提供", "given at the counter"),
    "still_missing": ("还缺{n}项必交材料：{names}", "{n} required items missing: {names}"),
    "still_missing_one": ("还缺1项必交材料：{names}", "One required item missing: {names}"),
    "all_brought": ("必交材料已带齐。", "Every required item is here."),
    "export_title": ("导出告知单", "Export the checklist"),
    "print_title": ("打印告知单", "Print the checklist"),
    "print_button": ("打印（Enter）", "Print (Enter)"),
    "print_sent": ("已发送到打印机。{job}", "Sent to the printer. {job}"),
    "print_done": ("打印", "Printing"),
    "print_failed": ("没有打印", "Not printed"),
    "export_format": ("格式", "Format"),
    "format_text": (
        "纯文本（.txt，80列，可直接打印）",
        "Plain text (.txt, 80 columns, prints as is)",
    ),
    "format_receipt_80mm": (
        "小票（.txt，80毫米打印纸，48列）",
        "Receipt (.txt, 80 mm paper, 48 columns)",
    ),
    "format_receipt_58mm": (
        "小票（.txt，58毫米打印纸，32列）",
        "Receipt (.txt, 58 mm paper, 32 columns)",
    ),
    "format_markdown": ("Markdown（.md）", "Markdown (.md)"),
    "format_html": (
        "网页（.html，用浏览器打印成A4）",
        "Web page (.html, print to A4 from a browser)",
    ),
    "format_json": ("JSON（.json，供其他系统读取）", "JSON (.json, for other systems)"),
    "export_file": ("保存到", "Save to"),
    "export_personal": (
        "显示完整的身份证号、手机号和姓名（默认遮挡）",
        "Show ID numbers, mobile numbers and names in full (masked by default)",
    ),
    "export_no_file": ("请填写文件名。", "Please give a file name."),
    "export_overwrite": ("{path} 已经存在，覆盖它吗？", "{path} exists. Overwrite it?"),
    "export_saved": ("已保存到 {path}", "Saved to {path}"),
    "export_done": ("导出完成", "Exported"),
    "export_failed": ("没有保存", "Not saved"),
    "finish_question": ("办结并清除本次所有回答？", "Finish and clear every answer of this visit?"),
    "finish_detail": (
        "这台电脑是共用的：回答只保存在内存中，清除后无法恢复。已导出的文件不受影响。",
        "This terminal is shared: the answers live only in memory and cannot be brought back."
        " Files already exported are kept.",
    ),
    "rating_title": ("请对本次服务评价（好差评，可跳过）", "How was the service today? (optional)"),
    "rating_hint": (
        "按 1 到 5 评分；想说明理由的，先在框里填写。只记录事项、分数、理由和日期。",
        "Press 1 to 5; to add a reason, type it in the box first. Only the service, the score,"
        " the reason and the date are kept.",
    ),
    "rating_reason": ("理由（可不填）", "Reason (optional)"),
    "rating_1": ("非常不满意", "Very dissatisfied"),
    "rating_2": ("不满意", "Dissatisfied"),
    "rating_3": ("基本满意", "Satisfied"),
    "rating_4": ("满意", "Very satisfied"),
    "rating_5": ("非常满意", "Excellent"),
    "rating_saved": ("谢谢您的评价！", "Thank you for your rating!"),
    "rating_failed": ("评价没有保存：{detail}", "The rating was not saved: {detail}"),
    # Help
    "help_title": ("帮助：一分钟上手", "Help: one minute to start"),
    "help_walkthrough": (
        "1. 在搜索框输入群众的原话，如“低保”“身份证丢了”。上下键选择，Enter 打开。\n"
        "2. 先念简要说明；在材料上按 Enter 看为什么要、依据哪条规定。\n"
        "3. 按 S 开始办理，逐题询问：数字键选答案，Enter 确定，Esc 回到上一题。\n"
        "4. 问完后核对回答，按 C 出一次性告知单，空格勾选群众已带的材料。\n"
        "5. 按 P 打印、E 导出；最后按 F 办结清除，回答随即删除。",
        "1. Type what the citizen says, e.g. dibao, lost ID card. Arrows to choose,"
        " Enter to open.\n"
        "2. Read the summary out; Enter on a material shows why it is needed and the rule behind"
        " it.\n"
        "3. Press S to start: digits pick an answer, Enter confirms, Esc goes back one question.\n"
        "4. Review the answers, press C for the checklist, Space ticks what the citizen brought.\n"
        "5. Press P to print or E to export; finally F to finish, which wipes the answers.",
    ),
    "help_keys_here": ("本页按键", "Keys on this screen"),
    "help_privacy": (
        "回答只在内存中，不写入磁盘或日志；办结清除后即删除。F2 切换中文/English，Ctrl+P 打开命令，"
        "Ctrl+Q 退出。",
        "Answers stay in memory only, never on disk or in a log, and Finish wipes them. F2 switches"
        " 中文/English, Ctrl+P opens the commands, Ctrl+Q quits.",
    ),
}


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(day: datetime.date, language: Language = "zh") -> str:
    """A date as a citizen reads it: 2026年12月17日, or 17 December 2026."""
    if language == "en":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def text(key: str, language: Language = "zh", **values: object) -> str:
    """The UI string for `key` in `language`, with `{name}` placeholders filled in.

    Where `n` is 1 and a `<key>_one` string exists, that one is used (English says "one visit").
    """
    if values.get("n") == 1 and f"{key}_one" in STRINGS:
        key = f"{key}_one"
    zh, en = STRINGS[key]
    chosen = en if language == "en" else zh
    return chosen.format(**values) if values else chosen
