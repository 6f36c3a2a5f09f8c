"""`govtui export --format zwfw`: the guides in GB/T 39046 表4 fields and Appendix A codes.

What the standard lacks (容缺, 告知承诺, 免提交, conditions, examples, ids) goes in the `x-govtui`
column as JSON: exactly the keys that reading the standard columns back would not give, so an
import of the export gives the same guides.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from govtui.catalogue.cells import Cell, Notes
from govtui.catalogue.reading import Context, Unresolved, item_data, material_data
from govtui.catalogue.sheets import ITEMS_SHEET, MATERIALS_SHEET, Row
from govtui.catalogue.standard import (
    AUDIENCE_CODES,
    CHANNEL_CODES,
    CHANNEL_NAMES,
    EXTENSION,
    ITEM_COLUMNS,
    ITEM_EXTRA_COLUMNS,
    LEVEL_CODES,
    MATERIAL_COLUMNS,
    SCOPE_CODES,
    SERVICE_TYPE_CODES,
)
from govtui.catalogue.yamldata import Data, canonical, to_data
from govtui.content.models import Basis, Guide, Library, Material, TimeLimit, article_label

Sheets = dict[str, tuple[tuple[str, ...], list[list[object]]]]
"""Each sheet's headers and rows; None is an empty cell."""
ITEM_HEADERS = (*ITEM_COLUMNS, *ITEM_EXTRA_COLUMNS, EXTENSION)
MATERIAL_HEADERS = (*MATERIAL_COLUMNS, EXTENSION)
# The 是否必备材料 of each state: 容缺 and 告知承诺 are still required, 免提交 is not submitted.
_REQUIRED_STATES = {"required", "deferrable", "commitment"}


def _citations(library: Library, bases: tuple[Basis, ...]) -> str:
    parts = []
    for basis in bases:
        policy = library.policies.get(basis.policy)
        title = f"《{policy.title}》" if policy else f"《{basis.policy}》"
        parts.append(title + (article_label(basis.article) if basis.article else ""))
    return "；".join(parts)


def _limit(limit: TimeLimit | None) -> tuple[str, str, str]:
    if limit is None:
        return "", "", ""
    days = "" if limit.days is None else str(limit.days)
    return days, limit.unit or "", limit.text or ""


def item_row(library: Library, guide: Guide) -> dict[str, str]:
    """The standard's columns of one guide, as text."""
    office = library.locality.office(guide.office)
    category = library.categories.get(guide.category)
    legal, promised = _limit(guide.time_limits.legal), _limit(guide.time_limits.promised)
    channel_codes = [CHANNEL_CODES[c] for c in guide.channels if c in CHANNEL_CODES]
    audience = [AUDIENCE_CODES["自然人"]] if "自然人" in guide.audience else []
    audience += [AUDIENCE_CODES["企业法人"]] if "法人" in guide.audience else []
    online = guide.online.url or guide.online.entry if guide.online else ""
    scope = guide.cross_province.scope if guide.cross_province else ""
    complaint = library.locality.complaint
    row = {
        "事项名称": guide.name,
        "基本编码": guide.codes.get("basic", ""),
        "实施编码": guide.codes.get("implementation", guide.id),
        "事项类型": guide.service_type,
        "事项类型代码": SERVICE_TYPE_CODES[guide.service_type],
        "设定依据": _citations(library, guide.basis),
        "行使层级": "县级",
        "行使层级代码": LEVEL_CODES["县级"],
        "实施主体": guide.department,
        "法定办结时限": legal[0],
        "法定办结时限单位": legal[1],
        "法定办结时限说明": legal[2],
        "承诺办结时限": promised[0],
        "承诺办结时限单位": promised[1],
        "承诺办结时限说明": promised[2],
        "受理条件": "\n".join(f"{n}. {rule.text}" for n, rule in enumerate(guide.eligibility, 1)),
        "办理流程": "\n".join(f"{n}. {step}" for n, step in enumerate(guide.steps, 1)),
        "结果名称": guide.result or "",
        "是否收费": "0" if guide.fee.startswith(("不收费", "免费")) else "1",
        "收费依据": guide.fee_basis.text if guide.fee_basis else "",
        "通办范围代码": SCOPE_CODES.get(scope, ""),
        "服务对象": guide.audience,
        "服务对象代码": ",".join(audience),
        "服务主题": category.name if category else "",
        "办理形式": "、".join(CHANNEL_NAMES[code] for code in channel_codes),
        "办理形式代码": ",".join(channel_codes),
        "特别程序": "；".join(guide.time_limits.excluded),
        "是否网办": "1" if {"网办", "掌上办"} & set(guide.channels) else "0",
        "网办地址": online,
        "是否支持物流快递": "1" if "邮寄" in guide.channels else "0",
        "办理地点": office.address if office else "",
        "办理时间": office.hours if office else "",
        "咨询方式": office.name if office else "",
        "咨询电话": office.phone if office else "",
        "监督电话": complaint.phone if complaint else "",
        "办件类型": guide.case_type,
        "到办事现场次数": str(guide.visits),
        "收费标准": guide.fee,
        "事项版本": guide.version,
        "不予受理情形": "\n".join(guide.refusal),
    }
    return row


def material_row(library: Library, guide: Guide, material: Material, order: int) -> dict[str, str]:
    with_originals = material.form in ("原件", "原件和复印件", "现场填写")
    with_copies = material.form in ("复印件", "原件和复印件")
    return {
        "实施编码": guide.codes.get("implementation", guide.id),
        "事项名称": guide.name,
        "序号": str(order),
        "材料名称": material.name,
        "原件份数": str(material.copies) if with_originals else "0",
        "复印件份数": str(material.copies) if with_copies else "0",
        "是否必备材料": "1" if material.state in _REQUIRED_STATES and not material.when else "0",
        "材料形式": material.form,
        "来源渠道": material.source,
        "材料办理说明": material.note or "",
        "要求提供材料的依据": _citations(library, material.basis),
    }


def _as_row(values: dict[str, str]) -> Row:
    return Row(0, {column: Cell(column, value, "") for column, value in values.items()})


def _difference(full: Data, read_back: Data) -> dict[str, Any]:
    """The keys the standard columns do not carry as they are: null where they carry too much."""
    extension: dict[str, Any] = {
        key: value for key, value in full.items() if read_back.get(key) != value
    }
    extension.update({key: None for key in read_back if key not in full})
    return extension


def export_sheets(library: Library, progress: Callable[[int, int], None] | None = None) -> Sheets:
    """Both sheets of the export: the items and their materials, each row with its extension."""
    context = Context.of(library)
    items: list[list[object]] = []
    materials: list[list[object]] = []
    guides = sorted(library.guides.values(), key=lambda guide: guide.id)
    for done, guide in enumerate(guides, 1):
        row = item_row(library, guide)
        read_back, _ = item_data(_as_row(row), context, Notes(), Unresolved())
        # A review date the columns lack stands in while reading back; the extension carries it.
        stand_in = {**read_back, "materials": [], "reviewed": guide.reviewed.isoformat()}
        stand_in["name_en"] = guide.name_en
        read_back = canonical(stand_in) or read_back
        read_back.pop("reviewed", None)
        read_back.pop("name_en", None)
        full = to_data(guide)
        full.pop("materials", None)
        read_back.pop("materials", None)
        extension = _difference(full, read_back)
        items.append([*(row.get(column) or None for column in ITEM_HEADERS[:-1]), _json(extension)])
        for order, material in enumerate(guide.materials, 1):
            cells = material_row(library, guide, material, order)
            back = material_data(_as_row(cells), context, Notes(), Unresolved())
            back = canonical(back, Material) or back
            material_extension = _difference(to_data(material), back)
            materials.append(
                [*(cells.get(c) or None for c in MATERIAL_HEADERS[:-1]), _json(material_extension)]
            )
        if progress is not None:
            progress(done, len(guides))
    return {ITEMS_SHEET: (ITEM_HEADERS, items), MATERIALS_SHEET: (MATERIAL_HEADERS, materials)}


def _json(extension: dict[str, Any]) -> str | None:
    # An empty cell is left out of the workbook (None), not written as an empty string to parse.
    return json.dumps(extension, ensure_ascii=False, sort_keys=False) if extension else None
