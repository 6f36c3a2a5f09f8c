"""What the one-time notice says: groups, branches, signatures, and the not-in-force message."""

from __future__ import annotations

import datetime

from govtui.content.models import Library
from govtui.interview import Outcome
from govtui.render.blocks import Entries, Heading, Notice, Paragraph, Signatures
from govtui.render.checklist import render_checklist
from govtui.render.notice import build_notice, commitment_applies
from govtui.render.view import action_of
from tests.render.helpers import Evaluate


def _groups(notice: Notice) -> dict[str, list[str]]:
    """Level-3 headings of the materials section, each with the titles of its entries."""
    materials = next(section for section in notice.sections if section.name == "materials")
    groups: dict[str, list[str]] = {}
    current = ""
    for block in materials.blocks:
        if isinstance(block, Heading) and block.level == 3:
            current = block.text
            groups[current] = []
        elif isinstance(block, Entries):
            groups[current] += [entry.title for entry in block.entries]
    return groups


def _texts(notice: Notice) -> list[str]:
    texts: list[str] = []
    for section in notice.sections:
        for block in section.blocks:
            if isinstance(block, Heading | Paragraph):
                texts.append(block.text)
    return texts


def test_materials_are_grouped_by_what_the_citizen_must_do(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate(
        "living-allowance",
        {"applicant_role": "agent", "has_disability": True, "hukou_local": True},
    )
    assert _groups(build_notice(library, outcome)) == {
        "携带原件": [
            "生活补助申请表",
            "申请人居民身份证",
            "近期免冠照片（可选）",
            "授权委托书",
            "代理人（经办人）居民身份证",
        ],
        "携带复印件": ["本人银行卡（账户）"],
        "签署告知承诺（以承诺代替证明）": ["家庭收入情况说明"],
        "容缺后补（可先受理，限期补交）": ["残疾人证"],
        "无需提交（部门通过数据共享获取）": ["居民户口簿"],
    }


def test_each_material_says_why_on_what_basis_and_by_when(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "agent", "has_disability": True})
    text = render_checklist(library, outcome, "text")
    assert "原件和复印件，1份，申请人自备" in text
    assert "适用情形：办理人为委托代理人" in text
    assert "请于2026年11月27日前补交（5个工作日内）" in text
    assert "依据：《松溪县困难家庭生活补助办法（测试样例）》 第12条" in text
    assert "承诺内容：本人承诺所报共同生活家庭成员的收入和财产情况真实" in text
    # A material every applicant brings needs no "why" line of its own.
    assert "所有申请人均需提供" not in text


def test_a_material_that_ended_before_the_date_is_not_listed(
    library: Library, evaluate: Evaluate
) -> None:
    text = render_checklist(library, evaluate("living-allowance"), "text")
    assert "纸质收入证明" not in text
    earlier = evaluate("living-allowance", as_of=datetime.date(2025, 6, 1))
    assert "单位开具的纸质收入证明" in render_checklist(library, earlier, "text")


def test_unanswered_facts_show_branches_and_never_guess(
    library: Library, evaluate: Evaluate
) -> None:
    text = render_checklist(library, evaluate("living-allowance"), "text", width=100)
    assert "如办理人为委托代理人，另需携带：" in text
    assert "如家中有持证残疾人，另需：" in text
    assert "[ ] 残疾人证（容缺后补）" in text
    answered = evaluate("living-allowance", {"applicant_role": "self", "has_disability": False})
    answered_text = render_checklist(library, answered, "text", width=100)
    assert "视情况另需" not in answered_text
    assert "授权委托书" not in answered_text
    assert "残疾人证" not in answered_text


def test_eligibility_in_its_four_states(library: Library, evaluate: Evaluate) -> None:
    unknown = render_checklist(library, evaluate("living-allowance"), "text", width=100)
    assert "初步判断：尚不能确定" in unknown
    assert "还需了解：" in unknown
    assert "- 户籍是否在本县？" in unknown
    failed = render_checklist(
        library, evaluate("living-allowance", {"income_below_standard": False}), "text", width=100
    )
    assert "初步判断：不符合条件" in failed
    assert (
        "不符合的条件：\n- 家庭人均收入低于本县生活补助标准\n"
        "  依据：《松溪县困难家庭生活补助办法（测试样例）》 第9条"
    ) in failed
    assert "根据目前的回答，暂不符合办理条件，因此不列出材料。" in failed
    assert "困难家庭生活补助申请表" not in failed  # no form for someone who cannot apply
    referred = render_checklist(
        library, evaluate("living-allowance", {"hukou_local": False}), "text", width=100
    )
    assert "初步判断：不在本窗口办理，请转往他处" in referred
    assert "请到以下部门或渠道办理：\n- 户籍所在地的乡镇人民政府（街道办事处）" in referred
    assert "户籍不在本县的，向户籍所在地的乡镇（街道）申请" in referred
    assert "本窗口受理条件：户籍在本县" in referred
    assert "第10条" in referred
    assert "所需材料以受理地的告知为准" in referred
    assert "困难家庭生活补助申请表" not in referred
    likely = render_checklist(
        library,
        evaluate("living-allowance", {"hukou_local": True, "income_below_standard": True}),
        "text",
    )
    assert "初步判断：基本符合条件" in likely
    assert "还需了解" not in likely


def test_the_commitment_is_signed_exactly_when_one_applies_and_the_notice_always(
    library: Library, evaluate: Evaluate
) -> None:
    def closing_heading(outcome: Outcome) -> str:
        """The closing's heading, after checking the applicant has a line to sign on there."""
        notice = build_notice(library, outcome)
        closing = next(section for section in notice.sections if section.name == "closing")
        signatures = [block for block in closing.blocks if isinstance(block, Signatures)]
        assert signatures[0].signers[0].label == "申请人（签字）"
        heading = closing.blocks[0]
        assert isinstance(heading, Heading)
        return heading.text

    with_commitment = evaluate("living-allowance")
    assert commitment_applies(with_commitment)
    assert closing_heading(with_commitment) == "承诺与签名"

    married = evaluate("newborn-hukou-registration", {"hukou_local": True, "parents_married": True})
    assert not commitment_applies(married)
    assert closing_heading(married) == "签收"

    # Only in a branch (the answer is still open): nothing to commit to yet, only the receipt.
    open_question = evaluate("newborn-hukou-registration", {"hukou_local": True})
    assert any(action_of(item) == "commitment" for b in open_question.branches for item in b.items)
    assert closing_heading(open_question) == "签收"

    unmarried = evaluate(
        "newborn-hukou-registration", {"hukou_local": True, "parents_married": False}
    )
    assert closing_heading(unmarried) == "承诺与签名"


def test_the_clerk_always_signs(library: Library, evaluate: Evaluate) -> None:
    for outcome in (
        evaluate("living-allowance"),
        evaluate("newborn-hukou-registration", {"hukou_local": True, "parents_married": True}),
        evaluate("living-allowance", as_of=datetime.date(2019, 6, 1)),
    ):
        assert "经办人：____" in render_checklist(library, outcome, "text")


def test_a_guide_not_in_force_says_so_instead_of_a_stale_checklist(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("living-allowance", {"applicant_role": "agent"}, datetime.date(2019, 6, 1))
    assert not outcome.in_force
    text = render_checklist(library, outcome, "text", width=200)
    assert (
        "本事项在2019-06-01不在有效期内（有效期：2020-01-01至不限），不能据此出具告知单。" in text
    )
    assert "咨询电话：0000-5551001" in text
    for stale in (
        "需要准备的材料",
        "授权委托书",
        "办理流程",
        "困难家庭生活补助申请表",
        "承诺与签名",
    ):
        assert stale not in text
    english = render_checklist(library, outcome, "text", width=200, language="en")
    assert "This service is not in force on 2019-06-01" in english


def test_header_carries_version_reviewed_date_as_of_and_locality(
    library: Library, evaluate: Evaluate
) -> None:
    text = render_checklist(library, evaluate("living-allowance"), "text")
    for line in (
        "服务事项：困难家庭生活补助申请",
        "地区：松溪县（测试样例）",
        "内容版本：2026.1",
        "审核日期：2026-10-15",
        "适用日期：2026-11-22",
    ):
        assert line in text.split("\n")


def test_bundle_lists_each_shared_material_once_with_the_services_needing_it(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("newborn", {"hukou_local": True, "born_in_county": True})
    notice = build_notice(library, outcome)
    groups = _groups(notice)
    assert sum(titles.count("父母双方居民身份证") for titles in groups.values()) == 1
    assert groups["本次联办中出具，无需自备"] == ["出生医学证明"]
    assert groups["无需提交（部门通过数据共享获取）"] == ["分娩记录"]
    text = render_checklist(library, outcome, "text", width=100)
    assert "用于：出生医学证明签发、出生登记（新生儿落户）" in text
    assert "由「出生医学证明签发」出具" in text
    # Per member service: its own office, steps, fee and time limits.
    assert "出生登记（新生儿落户）\n----" in text
    assert "法定时限：出生后一个月内申报" in text
    assert "本表合并了以下事项的申请：出生医学证明签发、出生登记（新生儿落户）" in text


def test_bundle_member_not_eligible_drops_its_materials_and_keeps_the_rest(
    library: Library, evaluate: Evaluate
) -> None:
    outcome = evaluate("newborn", {"hukou_local": False, "born_in_county": True})
    text = render_checklist(library, outcome, "text", width=100)
    assert "- 出生登记（新生儿落户）：不符合条件" in text
    assert "不符合的条件：\n- 父母一方户籍在本县\n  服务事项：出生登记（新生儿落户）" in text
    assert "居民户口簿" not in text
    # The producing member is still going ahead, so nothing is "produced" for a dropped one.
    assert "本次联办中出具" not in text
    assert "- 分娩记录" in text  # fetched by the office: nothing to tick


def test_bundle_member_needed_only_sometimes(library: Library, evaluate: Evaluate) -> None:
    """Unanswered: its materials are a branch. Answered no: it is named as not needed."""
    answers = {"hukou_local": True, "born_in_county": True, "parents_married": True}
    open_need = render_checklist(library, evaluate("newborn", answers), "text", width=100)
    assert (
        "- 困难家庭生活补助申请：尚不能确定（仅当家庭人均收入低于本县标准时需要办理）" in open_need
    )
    assert "如家庭人均收入低于本县标准，另需：\n[ ] 生活补助申请表（带原件）" in open_need
    not_needed = evaluate("newborn", {**answers, "income_below_standard": False})
    text = render_checklist(library, not_needed, "text", width=100)
    assert "根据回答，以下事项无需办理：困难家庭生活补助申请" in text
    assert "生活补助申请表" not in text
