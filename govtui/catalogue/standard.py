"""GB/T 39046-2020 表4's service-item and material fields, its Appendix A codes, and the variants.

The column names are the standard's own; `HEADER_VARIANTS` maps what real 实施清单 and the
`up_task_general_*` exchange tables call the same columns onto them.
"""

from __future__ import annotations

import re

# 表4 items 1-55, in the standard's order; the materials' items 56-64 are in MATERIAL_COLUMNS.
ITEM_COLUMNS = (
    "事项名称",
    "基本编码",
    "实施编码",
    "事项类型",
    "事项类型代码",
    "设定依据",
    "行使层级",
    "行使层级代码",
    "权限划分",
    "行使内容",
    "实施主体",
    "实施主体代码",
    "实施主体性质",
    "实施主体性质代码",
    "法定办结时限",
    "法定办结时限单位",
    "法定办结时限说明",
    "承诺办结时限",
    "承诺办结时限单位",
    "承诺办结时限说明",
    "受理条件",
    "办理流程",
    "共同实施部门",
    "共同实施部门代码",
    "承办机构",
    "承办机构代码",
    "中介服务",
    "数量限制",
    "结果名称",
    "结果样本",
    "是否收费",
    "收费依据",
    "通办范围代码",
    "服务对象",
    "服务对象代码",
    "服务主题",
    "法人服务主题代码",
    "自然人服务主题代码",
    "办理形式",
    "办理形式代码",
    "特别程序",
    "行政管辖",
    "行政管辖代码",
    "是否支持预约办理",
    "是否支持网上支付",
    "是否支持物流快递",
    "是否网办",
    "网办地址",
    "运行系统层级",
    "办理地点",
    "办理时间",
    "咨询方式",
    "咨询电话",
    "监督电话",
    "常见问题",
)
# Beyond 表4, from the exchange tables: 到办事现场次数 (limit_scene_num), 收费标准 (fee_stand),
# 办件类型 (project_type, A.6) and 事项版本 (task_version).
ITEM_EXTRA_COLUMNS = ("办件类型", "到办事现场次数", "收费标准", "事项版本", "不予受理情形")
MATERIAL_COLUMNS = (
    "实施编码",
    "事项名称",
    "序号",
    "材料名称",
    "出具机构",
    "出具时间要求",
    "材料办理说明",
    "材料办理地点",
    "材料使用说明",
    "原件份数",
    "复印件份数",
    "是否必备材料",
    "材料形式",
    "来源渠道",
    "要求提供材料的依据",
)
EXTENSION = "x-govtui"
"""The column holding what the standard lacks (容缺, 告知承诺, 免提交, conditions, examples)."""

HEADER_VARIANTS = {
    # The exchange tables' field names (up_task_general_basic, _extend, _material).
    "task_name": "事项名称",
    "catalog_code": "基本编码",
    "task_code": "实施编码",
    "task_type": "事项类型代码",
    "by_law": "设定依据",
    "use_level": "行使层级代码",
    "dept_name": "实施主体",
    "dept_code": "实施主体代码",
    "anticipate_day": "法定办结时限",
    "anticipate_type": "法定办结时限单位",
    "anticipate_explain": "法定办结时限说明",
    "promise_day": "承诺办结时限",
    "promise_type": "承诺办结时限单位",
    "promise_explain": "承诺办结时限说明",
    "accept_condition": "受理条件",
    "limit_scene_num": "到办事现场次数",
    "project_type": "办件类型",
    "transact_addr": "办理地点",
    "transact_time": "办理时间",
    "link_way": "咨询电话",
    "supervise_way": "监督电话",
    "special_procedure": "特别程序",
    "handle_area": "通办范围代码",
    "task_version": "事项版本",
    "fee_stand": "收费标准",
    "material_name": "材料名称",
    "is_need": "是否必备材料",
    "material_format": "材料形式",
    "source_type": "来源渠道",
    "source_explain": "出具机构",
    "fill_explain": "材料办理说明",
    "page_num": "原件份数",
    "order_num": "序号",
    # Chinese names that 实施清单 templates use for the same columns.
    "实施清单编码": "实施编码",
    "事项实施编码": "实施编码",
    "目录编码": "基本编码",
    "事项基本编码": "基本编码",
    "事项类别": "事项类型",
    "法定时限": "法定办结时限",
    "办结时限": "法定办结时限",
    "承诺时限": "承诺办结时限",
    "法定办结时限单位说明": "法定办结时限单位",
    "办理方式": "办理形式",
    "服务对象类型": "服务对象",
    "主管部门": "实施主体",
    "实施机关": "实施主体",
    "到现场次数": "到办事现场次数",
    "是否必要": "是否必备材料",
    "是否必须": "是否必备材料",
    "材料必要性": "是否必备材料",
    "必要性": "是否必备材料",
    "原件数量": "原件份数",
    "复印件数量": "复印件份数",
    "纸质份数": "原件份数",
    "材料来源": "来源渠道",
    "来源": "来源渠道",
    "填报须知": "材料办理说明",
    "备注": "材料办理说明",
    "依据": "要求提供材料的依据",
    "拓展信息": EXTENSION,
}
_DECORATION = re.compile(r"[\s*＊:：]|[（(].*?[）)]$")


def canonical_header(header: str) -> str:
    """The standard's name for a column: spaces, required marks and a trailing （…） ignored."""
    name = header.strip()
    if name.lower() in (EXTENSION, "x_govtui"):
        return EXTENSION
    bare = _DECORATION.sub("", name)
    return HEADER_VARIANTS.get(bare, HEADER_VARIANTS.get(name.lower(), bare))


# A.1 事项类型: govtui's service types and the codes the standard gives them.
SERVICE_TYPE_CODES = {"行政许可": "01", "行政给付": "05", "行政确认": "07", "其他": "10"}
SERVICE_TYPE_CODES["公共服务"] = "20"
ALL_SERVICE_TYPE_CODES = {
    "00": "行政权力事项",
    "01": "行政许可",
    "02": "行政处罚",
    "03": "行政强制",
    "04": "行政征收",
    "05": "行政给付",
    "06": "行政检查",
    "07": "行政确认",
    "08": "行政奖励",
    "09": "行政裁决",
    "10": "其他",
    "20": "公共服务",
}
# A.2 行使层级; a county catalogue is 县级 (4), a township's items 镇(乡、街道)级 (5).
LEVEL_CODES = {"国家级": "1", "省级": "2", "市级": "3", "县级": "4", "镇(乡、街道)级": "5"}
LEVEL_CODES.update({"村(社区)级": "6", "分级管理": "7"})
# A.4 服务对象.
AUDIENCE_CODES = {"自然人": "1", "企业法人": "2", "事业法人": "3", "社会组织法人": "4"}
AUDIENCE_CODES.update({"行政机关": "5", "其他组织": "6"})
# A.5 办理形式, and the channel of govtui's each code stands for.
CHANNEL_CODES = {"窗口": "1", "网办": "2", "掌上办": "3", "邮寄": "4"}
CHANNEL_NAMES = {"1": "窗口办理", "2": "电脑端网上办理", "3": "移动端网上申请", "4": "快递申请"}
CHANNEL_NAMES["9"] = "其他"
# A.6 办件类型.
CASE_TYPE_CODES = {"即办件": "1", "承诺件": "2"}
# 通办范围: govtui's 跨省通办 scope words and the exchange tables' codes.
SCOPE_CODES = {"全国": "1", "跨省": "2", "跨市": "3", "跨县": "4"}
