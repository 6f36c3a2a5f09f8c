"""`govtui new guide ID`: a complete guide file that lints clean, for an editor to fill in."""

from __future__ import annotations

import datetime

from govtui.catalogue.yamldata import Data, dump
from govtui.content.models import Library
from govtui.i18n import text


def guide_skeleton(library: Library, guide_id: str, category: str, today: datetime.date) -> str:
    """Every element a clerk expects, each marked 待填写 where the editor has to write it."""
    blank = text("new_placeholder", "zh")
    office = library.locality.offices[0].id if library.locality.offices else "office"
    region = library.locality.region_code or "000000"
    data: Data = {
        "id": guide_id,
        "name": f"（{blank}）事项名称",
        "name_en": f"({text('new_placeholder', 'en')}) service name",
        "aliases": [],
        "codes": {"basic": "0000000000", "implementation": f"{region}000000000000000001"},
        "category": category,
        "service_type": "公共服务",
        "department": f"（{blank}）实施主体",
        "office": office,
        "audience": "自然人",
        "summary": f"（{blank}）两三句话说明谁可以办、办什么。",
        "eligibility": [],
        "materials": [
            {
                "id": "applicant-id-card",
                "name": "申请人居民身份证",
                "form": "原件",
                "copies": "1",
                "source": "申请人自备",
                "state": "required",
            }
        ],
        "steps": [f"（{blank}）申请", f"（{blank}）受理", f"（{blank}）办结"],
        "time_limits": {
            # Words only until the editor names the article that sets the limit.
            "legal": {"text": f"（{blank}）法定办结时限，及设定它的条文"},
            "promised": {"days": "10", "unit": "工作日"},
        },
        "refusal": [f"（{blank}）不予受理的情形"],
        "case_type": "承诺件",
        "fee": "不收费",
        "fee_basis": {"text": f"不收费（{blank}收费依据）"},
        "visits": "1",
        "channels": ["窗口"],
        "delivery": ["窗口领取"],
        "basis": [],
        "version": "1",
        "reviewed": today.isoformat(),
    }
    return dump({key: value for key, value in data.items() if value != []})
