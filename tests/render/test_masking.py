"""Personal data is masked in exports unless the clerk asks for it."""

from __future__ import annotations

import datetime
import json

from govtui.content.models import Library
from govtui.render.checklist import render_checklist
from govtui.render.masking import mask_answer, mask_id_number, mask_mobile, mask_name
from tests.render.helpers import Evaluate

PERSONAL = {
    "applicant_role": "self",
    "applicant_name": "欧阳娜娜",
    "applicant_id_number": "110101199003071233",
    "applicant_phone": "13812345678",
}


def test_id_number_keeps_region_and_last_four() -> None:
    assert mask_id_number("11010119900307123X") == "110101********123X"
    assert mask_id_number("110101900307123") == "110101*****7123"  # the old 15-digit number
    assert mask_id_number("1234") == "****"


def test_mobile_keeps_first_three_and_last_four() -> None:
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("12345") == "*****"


def test_name_keeps_the_surname_character() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("") == ""


def test_mask_answer_follows_the_fact_format(library: Library) -> None:
    facts = library.facts
    assert mask_answer(facts["applicant_id_number"], "11010119900307123X") == "110101********123X"
    assert mask_answer(facts["applicant_phone"], "13812345678") == "138****5678"
    assert mask_answer(facts["applicant_name"], "张三") == "张*"
    assert mask_answer(facts["applicant_name"], datetime.date(1990, 3, 7)) == "**********"


def test_every_format_masks_by_default(library: Library, evaluate: Evaluate) -> None:
    outcome = evaluate("living-allowance", PERSONAL)
    for fmt in ("text", "markdown", "html", "json"):
        rendered = render_checklist(library, outcome, fmt)
        assert "110101199003071233" not in rendered, fmt
        assert "13812345678" not in rendered, fmt
        assert "欧阳娜娜" not in rendered, fmt
    text = render_checklist(library, outcome, "text")
    assert "公民身份号码：110101********1233" in text
    assert "联系电话：138****5678" in text
    assert "申请人姓名：欧***" in text


def test_include_personal_prints_values_as_given(library: Library, evaluate: Evaluate) -> None:
    outcome = evaluate("living-allowance", PERSONAL)
    text = render_checklist(library, outcome, "text", include_personal=True)
    assert "公民身份号码：110101199003071233" in text
    fields = json.loads(render_checklist(library, outcome, "json", include_personal=True))["form"][
        "fields"
    ]
    assert {field["id"]: field["value"] for field in fields}["applicant_phone"] == "13812345678"


def test_facts_not_marked_personal_are_printed_plainly(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "agent"})
    assert "办理人：委托代理人" in render_checklist(library, outcome, "text")
