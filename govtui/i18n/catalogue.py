"""The words of a county's catalogue: import, export, schema, new skeletons (zh-Hans, English)."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # Errors that stop an import or export before it starts.
    "error_catalogue_no_file": ("找不到文件 {path}。", "There is no file {path}."),
    "error_catalogue_kind": (
        "{path} 不是 .xlsx、.csv 或 .json 文件；请另存为 Excel 工作簿（.xlsx）或 CSV。",
        "{path} is not an .xlsx, .csv or .json file; save it as an Excel workbook (.xlsx) or CSV.",
    ),
    "error_catalogue_unreadable": (
        "无法读取 {path}（{detail}）；请用 Excel 或 WPS 打开后另存为 .xlsx 再试。",
        "Cannot read {path} ({detail}); open it in Excel or WPS and save it as .xlsx again.",
    ),
    "error_catalogue_encoding": (
        "{path} 既不是 UTF-8 也不是 GB18030 编码；请另存为 UTF-8 CSV。",
        "{path} is neither UTF-8 nor GB18030; save it as a UTF-8 CSV.",
    ),
    "error_catalogue_no_items": (
        "{file} 中没有事项表：需要一个含“实施编码”和“事项名称”列的工作表。",
        "{file} has no sheet of service items: one needs the columns 实施编码 and 事项名称.",
    ),
    "error_export_format": (
        "未知的导出格式“{value}”；可用：zwfw。",
        "Unknown export format '{value}'; available: zwfw.",
    ),
    "error_export_kind": (
        "{path}：导出文件须以 .xlsx 或 .json 结尾。",
        "{path}: the export file must end in .xlsx or .json.",
    ),
    "error_policy_kind": (
        "{path} 不是 .docx、.txt、.md 或 .html 文件。",
        "{path} is not a .docx, .txt, .md or .html file.",
    ),
    "error_policy_unreadable": (
        "无法读取 {path}（{detail}）。",
        "Cannot read {path} ({detail}).",
    ),
    "error_policy_no_articles": (
        "{path} 中找不到“第一条”式的条文；请确认这是一份分条的政策文件。",
        "{path} has no articles numbered 第一条, 第二条 …; is it a policy split into articles?",
    ),
    "error_policy_needs": (
        "文件中没有写明{what}，请用 {flag} 给出。",
        "The document does not state its {what}; give it with {flag}.",
    ),
    "error_bad_slug": (
        "“{value}”不能作为标识：只能用小写字母、数字和连字符，如 dibao-application。",
        "'{value}' cannot be an id: use lowercase letters, digits and hyphens, e.g. "
        "dibao-application.",
    ),
    "error_bad_date": (
        "“{value}”不是日期；请写成 YYYY-MM-DD。",
        "'{value}' is not a date; write it as YYYY-MM-DD.",
    ),
    "error_unknown_category": (
        "没有类别“{value}”；可用：{known}。",
        "There is no category '{value}'; known: {known}.",
    ),
    "error_new_exists": (
        "已有标识为 {id} 的内容（{path}）。",
        "There is already content with the id {id} ({path}).",
    ),
    # Notes on one cell, after its place (清单.xlsx:事项!F17: …).
    "catalogue_read_days": (
        "{column}“{value}”读作{n}个{unit}",
        '{column} "{value}" read as {n} {unit}',
    ),
    "catalogue_unit_working": ("工作日", "working days"),
    "catalogue_unit_calendar": ("自然日", "calendar days"),
    "catalogue_unit_assumed": (
        "{column}“{value}”没有写单位，按工作日读取",
        '{column} "{value}" has no unit; read as working days',
    ),
    "catalogue_unknown_unit": (
        "时限单位“{value}”无法识别（可用：工作日、自然日）",
        'the time unit "{value}" is not known (use 工作日 or 自然日)',
    ),
    "catalogue_read_number": (
        "{column}“{value}”读作{n}",
        '{column} "{value}" read as {n}',
    ),
    "catalogue_not_a_number": (
        "{column}“{value}”不是数字，已忽略",
        '{column} "{value}" is not a number; ignored',
    ),
    "catalogue_not_yes_no": (
        "{column}“{value}”应为 是/否 或 1/0，已忽略",
        '{column} "{value}" should be 是/否 or 1/0; ignored',
    ),
    "catalogue_unknown_policy": (
        "依据《{title}》不在 policies/ 中，已记为待办；可先用 govtui import policy 导入",
        "the basis 《{title}》 is not in policies/; left as a todo (import it with "
        "'govtui import policy')",
    ),
    "catalogue_unknown_article": (
        "《{title}》中没有条文“{number}”，只引用了文件本身",
        "《{title}》 has no article '{number}'; only the document is cited",
    ),
    "catalogue_service_type_other": (
        "事项类型“{value}”按“其他”导入",
        'service type "{value}" imported as 其他',
    ),
    "catalogue_unknown_code": (
        "{column}中的代码“{value}”不在国标附录A中，已忽略",
        '{column}: the code "{value}" is not in the standard\'s Appendix A; ignored',
    ),
    "catalogue_missing_column": ("缺少“{column}”列", "the column {column} is missing"),
    "catalogue_no_materials": (
        "没有材料表（含“材料名称”列的工作表，或同名的 -材料.csv），事项将不列材料",
        "no materials sheet (one with 材料名称, or a -材料.csv beside it); items list no materials",
    ),
    "catalogue_bad_extension": (
        "x-govtui 列不是有效的 JSON 对象（{detail}），已忽略",
        "the x-govtui cell is not a JSON object ({detail}); ignored",
    ),
    "catalogue_material_orphan": (
        "材料的实施编码“{code}”在事项表中找不到，此行未导入",
        'no service item has the 实施编码 "{code}"; this material was not imported',
    ),
    "catalogue_row_needs": ("此行没有{column}，未导入", "the row has no {column}; not imported"),
    "catalogue_duplicate_code": (
        "实施编码“{code}”重复（首次出现在 {first}），此行未导入",
        'the 实施编码 "{code}" appears again (first at {first}); this row was not imported',
    ),
    "catalogue_code_length": (
        "{column}“{value}”不是{lengths}位",
        '{column} "{value}" is not {lengths} characters long',
    ),
    "catalogue_hand_edit_replaced": (
        "{guide} 的 {key} 在清单中已更新，手工修改被清单内容替换",
        "{guide}: {key} changed in the spreadsheet; the hand edit was replaced by it",
    ),
    "catalogue_guide_invalid": (
        "生成的办事指南无效（{field}：{problem}），此行未导入",
        "the guide made from this row is not valid ({field}: {problem}); not imported",
    ),
    # The todo entries written into imported guides (content is zh-Hans; English for symmetry).
    "catalogue_todo_name_en": ("补写英文名称 name_en", "Write the English name (name_en)"),
    "catalogue_todo_eligibility": (
        "把受理条件写成可判断的条件（eligibility，所问事实见 guides/_facts/）：{conditions}",
        "Write the conditions as eligibility rules over facts (guides/_facts/): {conditions}",
    ),
    "catalogue_todo_when": (
        "写明何种情形需要“{name}”（when）",
        "Say when “{name}” is needed (when)",
    ),
    "catalogue_todo_examples": (
        "补一个工作示例（examples），供 govtui test 检验",
        "Add a worked example (examples) for govtui test",
    ),
    "catalogue_todo_basis": (
        "依据 {citation} 不在 policies/ 中：导入该文件后写成 basis",
        "The basis {citation} is not in policies/: import it, then cite it in basis",
    ),
    "catalogue_locality_unnamed": ("（请填写本县名称）", "(name of the county)"),
    "catalogue_not_given": ("（清单未填写）", "(not given in the spreadsheet)"),
    "catalogue_category_imported": ("导入的事项", "Imported services"),
    # The command line's summaries.
    "catalogue_importing": ("正在导入事项 … {done}/{total}", "importing items … {done}/{total}"),
    "catalogue_exporting": ("正在导出事项 … {done}/{total}", "exporting items … {done}/{total}"),
    "catalogue_import_summary": (
        "写入{written}个办事指南，{unchanged}个未变，{skipped}行未导入；{errors}个错误，"
        "{warnings}个警告。运行 govtui lint 查看待办项。",
        "{written} guides written, {unchanged} unchanged, {skipped} rows not imported; "
        "{errors} errors, {warnings} warnings. Run 'govtui lint' to see the todo entries.",
    ),
    "catalogue_severity_error": ("错误", "error"),
    "catalogue_severity_warning": ("警告", "warning"),
    "catalogue_severity_note": ("说明", "note"),
    "policy_import_summary": (
        "已写入 {path}：{articles}条，{chapters}章。",
        "wrote {path}: {articles} articles in {chapters} chapters.",
    ),
    "schema_written": (
        "已写入 {n} 个 JSON Schema 到 {folder}",
        "wrote {n} JSON Schemas to {folder}",
    ),
    "new_guide_written": (
        "已写入 {path}；填好标有“待填写”的内容后运行 govtui lint。",
        "wrote {path}; fill in what is marked 待填写, then run 'govtui lint'.",
    ),
    "new_placeholder": ("待填写", "to be written"),
    # Whose words a policy's articles are (the policy reader, `govtui show`).
    "official_text_note": (
        "以下为本县导入的正式文本（text: official），不是本工具撰写的摘要。",
        "The official text, as the county imported it (text: official); not a digest of ours.",
    ),
    "mixed_text_note": (
        "标有 text: official 的条文为正式文本，其余为本工具撰写的通俗摘要。",
        "Articles marked text: official are the official text; the others are digests of ours.",
    ),
}
