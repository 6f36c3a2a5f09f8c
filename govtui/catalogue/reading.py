"""One 实施清单 row, and its materials' rows, read into a guide's YAML data, with notes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from govtui.catalogue.cells import Cell, Notes, duration, split_list, whole_number, yes_no
from govtui.catalogue.sheets import Row
from govtui.catalogue.standard import (
    ALL_SERVICE_TYPE_CODES,
    CASE_TYPE_CODES,
    CHANNEL_CODES,
    CHANNEL_NAMES,
    SCOPE_CODES,
)
from govtui.catalogue.yamldata import Data
from govtui.content.models import (
    Library,
    MaterialForm,
    MaterialSource,
    ServiceType,
)

_SERVICE_TYPES = get_args(ServiceType)
_FORMS = get_args(MaterialForm)
_SOURCES = get_args(MaterialSource)
_CITATION = re.compile(r"《([^》]+)》([^《；;\n]*)")
_ARTICLE = re.compile(r"第([0-9零〇一二两三四五六七八九十百千]+)条")
_UNNUMBERED = re.compile(
    r"^\s*(?:\d+[.、)）]|[（(]\d+[）)]|第[一二三四五六七八九十]+步[：:、]?)\s*"
)
# The shared material ids of docs/content-format.md, so bundles merge imported materials.
COMMON_MATERIALS = {
    "申请人居民身份证": "applicant-id-card",
    "居民户口簿": "hukou-booklet",
    "代理人（经办人）居民身份证": "agent-id-card",
    "授权委托书": "power-of-attorney",
    "监护人居民身份证": "guardian-id-card",
    "监护关系证明": "guardianship-proof",
    "近期免冠照片": "photo",
    "结婚证": "marriage-certificate",
    "父母双方居民身份证": "parents-id-cards",
    "出生医学证明": "birth-medical-certificate",
    "逝者居民身份证": "deceased-id-card",
    "逝者居民户口簿": "deceased-hukou-booklet",
    "火化证明": "cremation-certificate",
    "亲属关系证明": "kinship-proof",
    "社会保障卡": "social-security-card",
    "本人银行卡（账户）": "bank-card",
    "残疾人证": "disability-certificate",
    "居住证": "residence-permit",
    "营业执照": "business-licence",
    "经营场所使用证明": "premises-proof",
}


@dataclass
class Context:
    """What a row is read against: the content's policies, categories and offices."""

    policies: dict[str, list[str]] = field(default_factory=dict)
    """Policy ids by title: a revised text keeps its title, so the newest comes first."""
    articles: dict[str, set[str]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    """Category id by name."""
    offices: dict[str, str] = field(default_factory=dict)
    """Office id by address."""

    @classmethod
    def of(cls, library: Library) -> Context:
        return cls(
            policies=_by_title(library),
            articles={
                policy.id: {article.number for article in policy.articles}
                for policy in library.policies.values()
            },
            categories={category.name: category.id for category in library.categories.values()},
            offices={office.address: office.id for office in library.locality.offices},
        )


def _by_title(library: Library) -> dict[str, list[str]]:
    titles: dict[str, list[str]] = {}
    ordered = sorted(library.policies.values(), key=lambda p: (p.out_of_force, p.id))
    for policy in ordered:
        titles.setdefault(policy.title, []).append(policy.id)
    return titles


def slug_of(prefix: str, text: str) -> str:
    """A stable id from free text: lowercase letters and digits, and a short digest of the text."""
    letters = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return f"{prefix}-{letters}-{digest}" if letters else f"{prefix}-{digest}"


def guide_id(implementation_code: str) -> str:
    """A guide's id from its 实施编码: the same code always gives the same id."""
    return "item-" + re.sub(r"[^a-z0-9]+", "-", implementation_code.lower()).strip("-")


def material_id(name: str) -> str:
    return COMMON_MATERIALS.get(name) or slug_of("material", name)


@dataclass
class Unresolved:
    """What a row says that govtui cannot hold as it is: becomes a `todo` where nothing says it."""

    citations: list[str] = field(default_factory=list)
    conditions: str = ""


def bases(cell: Cell, context: Context, notes: Notes, unresolved: Unresolved) -> list[Data]:
    """《title》第N条 citations as bases; a title no policy has is left for a `todo`."""
    found: list[Data] = []
    for title, rest in _CITATION.findall(cell.value):
        candidates = context.policies.get(title.strip())
        if not candidates:
            unresolved.citations.append(f"《{title}》{rest.strip()}")
            notes.add("warning", cell.place, "catalogue_unknown_policy", title=title)
            continue
        number = _article_number(rest)
        # Of the texts with this title, the one that has the article cited.
        policy = next(
            (c for c in candidates if number in context.articles.get(c, set())), candidates[0]
        )
        basis: Data = {"policy": policy}
        if number is not None:
            if number in context.articles.get(policy, set()):
                basis["article"] = number
            else:
                notes.add(
                    "warning", cell.place, "catalogue_unknown_article", title=title, number=number
                )
        if basis not in found:
            found.append(basis)
    return found


def _article_number(rest: str) -> str | None:
    from govtui.catalogue.cells import chinese_number

    text = rest.strip(" ，,、")
    matched = _ARTICLE.search(text)
    if matched:
        number = chinese_number(matched.group(1))
        return str(number) if number is not None else None
    return text or None


def _limit(row: Row, name: str, notes: Notes) -> Data | None:
    amount = row.get(f"{name}办结时限")
    read = duration(amount, row.get(f"{name}办结时限单位"), notes)
    explanation = row.get(f"{name}办结时限说明").value
    limit: Data = {}
    if read is not None and read.days is not None:
        limit = {"days": str(read.days), "unit": read.unit}
    if explanation or (read is not None and read.words):
        limit["text"] = explanation or read.words if read is not None else explanation
    return limit or None


def _service_type(row: Row, notes: Notes) -> str:
    written = row.get("事项类型")
    if written.value in _SERVICE_TYPES:
        return written.value
    code_cell = row.get("事项类型代码")
    code = code_cell.value.zfill(2) if code_cell.value else ""
    name = ALL_SERVICE_TYPE_CODES.get(code, written.value)
    if name in _SERVICE_TYPES:
        return name
    place = code_cell.place or written.place
    notes.add("note", place, "catalogue_service_type_other", value=name or code)
    return "其他"


def _audience(row: Row) -> str:
    written = row.get("服务对象").value
    if written in ("自然人", "法人", "自然人、法人"):
        return written
    codes = set(re.split(r"[,，、\s]+", row.get("服务对象代码").value)) - {""}
    natural = "1" in codes or "自然人" in written
    legal = bool(codes - {"1"}) or "法人" in written
    if natural and legal:
        return "自然人、法人"
    return "法人" if legal and not natural else "自然人"


def _channels(row: Row, notes: Notes) -> list[str]:
    by_code = {code: channel for channel, code in CHANNEL_CODES.items()}
    by_name = {name: by_code[code] for code, name in CHANNEL_NAMES.items() if code in by_code}
    codes_cell = row.get("办理形式代码")
    channels: list[str] = []
    for code in re.split(r"[,，、\s]+", codes_cell.value):
        if code in by_code and by_code[code] not in channels:
            channels.append(by_code[code])
        elif code and code != "9":
            notes.add(
                "warning",
                codes_cell.place,
                "catalogue_unknown_code",
                column="办理形式代码",
                value=code,
            )
    if not channels:
        for name in split_list(row.get("办理形式").value):
            channel = by_name.get(name) or (name if name in CHANNEL_CODES else None)
            if channel and channel not in channels:
                channels.append(channel)
    return channels or ["窗口"]


def item_data(
    row: Row, context: Context, notes: Notes, unresolved: Unresolved
) -> tuple[Data, dict[str, str]]:
    """A guide's data from the columns, and the office the row describes (address, hours, phone)."""
    code = row.get("实施编码").value
    basic = row.get("基本编码").value
    name = row.get("事项名称").value
    # No name_en: 表4 has none, and the importer stands the name in only where no one wrote one.
    data: Data = {"id": guide_id(code), "name": name}
    data["codes"] = {"basic": basic, "implementation": code} if basic else {"implementation": code}
    category = row.get("服务主题").value
    data["category"] = context.categories.get(category) or (
        slug_of("category", category) if category else "imported"
    )
    data["service_type"] = _service_type(row, notes)
    data["department"] = row.get("实施主体").value or "（未填写实施主体）"
    office = {
        "address": row.get("办理地点").value,
        "hours": row.get("办理时间").value,
        "phone": row.get("咨询电话").value,
    }
    data["office"] = context.offices.get(office["address"]) or slug_of("office", office["address"])
    data["audience"] = _audience(row)
    conditions = row.get("受理条件").value
    unresolved.conditions = conditions
    data["summary"] = conditions or name
    data["steps"] = [_UNNUMBERED.sub("", step) for step in split_list(row.get("办理流程").value)]
    limits: Data = {"legal": _limit(row, "法定", notes), "promised": _limit(row, "承诺", notes)}
    excluded = split_list(row.get("特别程序").value)
    if excluded:
        limits["excluded"] = excluded
    data["time_limits"] = limits
    case = row.get("办件类型").value
    case_by_code = {code: name for name, code in CASE_TYPE_CODES.items()}
    promised_days = (limits.get("promised") or {}).get("days")
    data["case_type"] = case_by_code.get(case, case if case in CASE_TYPE_CODES else None) or (
        "即办件" if promised_days == "0" else "承诺件"
    )
    charged = yes_no(row.get("是否收费"), notes)
    fee = row.get("收费标准").value
    data["fee"] = fee or ("不收费" if charged is not True else "收费（标准见收费依据）")
    if row.get("收费依据").value:
        data["fee_basis"] = {"text": row.get("收费依据").value}
    data["visits"] = str(whole_number(row.get("到办事现场次数"), notes, default=1))
    channels = _channels(row, notes)
    data["channels"] = channels
    data["basis"] = bases(row.get("设定依据"), context, notes, unresolved)
    data["version"] = row.get("事项版本").value or "1"
    if row.get("结果名称").value:
        data["result"] = row.get("结果名称").value
    refusal = split_list(row.get("不予受理情形").value)
    if refusal:
        data["refusal"] = refusal
    address = row.get("网办地址").value
    if address:
        data["online"] = (
            {"entry": address, "url": address} if address.startswith("http") else {"entry": address}
        )
    scope_by_code = {code: name for name, code in SCOPE_CODES.items()}
    scope = scope_by_code.get(row.get("通办范围代码").value)
    if scope:
        data["cross_province"] = {"mode": "全程网办", "scope": scope}
    return data, office


def material_data(row: Row, context: Context, notes: Notes, unresolved: Unresolved) -> Data:
    """A material's data from its row of the materials sheet."""
    name = row.get("材料名称").value
    originals = whole_number(row.get("原件份数"), notes, default=0) or 0
    copies = whole_number(row.get("复印件份数"), notes, default=0) or 0
    written_form = row.get("材料形式").value
    if written_form in _FORMS:
        form = written_form
    elif originals and copies:
        form = "原件和复印件"
    else:
        form = "复印件" if copies and not originals else "原件"
    count = max(originals, copies) if form in ("原件和复印件", "原件", "复印件") else originals
    source = row.get("来源渠道").value
    if source not in _SOURCES:
        source = "部门核发" if row.get("出具机构").value else "申请人自备"
    required = yes_no(row.get("是否必备材料"), notes)
    material: Data = {
        "id": material_id(name),
        "name": name,
        "form": form,
        "copies": str(count),
        "source": source,
        "state": "optional" if required is False else "required",
    }
    citations = bases(row.get("要求提供材料的依据"), context, notes, unresolved)
    if citations:
        material["basis"] = citations
    note = row.get("材料办理说明").value
    if note:
        material["note"] = note
    return material


def drop_defaults(data: Any) -> Any:
    """Leave out what the loader defaults (copies: 1, nulls), as `to_data` does."""
    if isinstance(data, dict):
        return {key: drop_defaults(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [drop_defaults(item) for item in data]
    return data
