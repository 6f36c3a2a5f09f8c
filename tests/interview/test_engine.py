"""The interview engine: next question, three-state eligibility, changed answers, bundles."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govtui.content import Library, load_library
from govtui.content.models import AnswerValue
from govtui.interview import evaluate_target
from govtui.render.view import build_view
from tests.content.helpers import GUIDE, write_content

TODAY = datetime.date(2026, 11, 22)

SECOND_GUIDE = """\
id: card
name: 老年人优待证
name_en: Senior card
category: elderly
service_type: 公共服务
department: 县民政局
office: hall
summary: 六十周岁以上老人可以办理优待证。
eligibility:
  - {id: sixty, when: age >= 60, text: 年满六十周岁}
materials:
  - {id: applicant-id-card, name: 申请人居民身份证, form: 复印件, source: 申请人自备, state: shared}
  - {id: photo, name: 照片, form: 原件, source: 申请人自备, state: deferrable, defer_days: 5,
     when: not hukou_local}
  - {id: allowance-decision, name: 高龄津贴审批表, form: 原件, source: 部门核发, state: required}
steps: [申请]
time_limits: {legal: 即时}
case_type: 即办件
fee: 不收费
visits: 1
channels: [窗口]
form:
  name: 优待证申请表
  fields:
    - {id: applicant_name, label: 姓名, fact: applicant_name}
    - {id: card_photo, label: 照片}
version: "2026.1"
reviewed: 2026-11-01
"""

BUNDLE = """\
id: old-age
name: 养老一件事
name_en: Old age bundle
lead_department: 县民政局
office: hall
summary: 津贴和优待证一次办。
guides: [allowance, card]
produces:
  - {material: allowance-decision, by: allowance, for: [card]}
form:
  name: 养老一件事联办表
  fields:
    - {id: applicant_name, label: 申请人姓名, fact: applicant_name}
version: "2026.1"
reviewed: 2026-11-01
"""

NAME_FACT = """\
facts:
  - id: applicant_name
    type: text
    label: {zh: 姓名, en: Name}
    personal: true
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = write_content(
        tmp_path,
        {
            "guides/elderly/card.yaml": SECOND_GUIDE,
            "guides/bundles/old-age.yaml": BUNDLE,
            "guides/_facts/names.yaml": NAME_FACT,
        },
    )
    result = load_library(root)
    assert result.report.findings == []
    return result.library


def test_no_answers_gives_unknown_with_missing_facts(library: Library) -> None:
    outcome = evaluate_target(library, library.guides["allowance"], {}, TODAY)
    assert outcome.eligibility.state == "unknown"
    assert set(outcome.eligibility.missing) == {"age", "hukou_local"}
    assert outcome.next_question is not None and outcome.next_question.id == "age"
    assert outcome.progress.answered == 0
    assert outcome.progress.remaining_at_most == 3


def test_failed_condition_gives_reason_with_article_and_stops_asking(library: Library) -> None:
    outcome = evaluate_target(library, library.guides["allowance"], {"age": 70}, TODAY)
    assert outcome.eligibility.state == "not_eligible"
    [reason] = outcome.eligibility.reasons
    assert reason.eligibility_rule is not None and reason.eligibility_rule.text == "年满八十周岁"
    assert reason.condition is not None and reason.condition.source == "age >= 80"
    assert [(b.policy, b.article) for b in reason.basis] == [("elderly-law", "3")]
    assert outcome.next_question is None
    assert outcome.items == ()


def test_only_facts_that_can_change_the_result_are_asked(library: Library) -> None:
    guide = library.guides["allowance"]
    answers: dict[str, AnswerValue] = {}
    given: dict[str, AnswerValue] = {"age": 85, "hukou_local": True, "applicant_role": "self"}
    asked = []
    while (fact := evaluate_target(library, guide, answers, TODAY).next_question) is not None:
        asked.append(fact.id)
        answers[fact.id] = given[fact.id]
    assert asked == ["age", "hukou_local", "applicant_role"]
    outcome = evaluate_target(library, guide, answers, TODAY)
    assert outcome.eligibility.state == "likely"
    assert [item.id for item in outcome.items] == ["applicant-id-card", "hukou-booklet"]


def test_unanswered_material_condition_becomes_a_branch_not_a_guess(library: Library) -> None:
    outcome = evaluate_target(library, library.guides["allowance"], {"age": 85}, TODAY)
    [branch] = outcome.branches
    assert [condition.source for condition in branch.conditions] == ['applicant_role == "agent"']
    assert [item.id for item in branch.items] == ["power-of-attorney"]
    assert "power-of-attorney" not in [item.id for item in outcome.items]


def test_changing_an_earlier_answer_recomputes_and_sets_aside(library: Library) -> None:
    guide = library.guides["allowance"]
    answers: dict[str, AnswerValue] = {"age": 85, "hukou_local": True, "applicant_role": "agent"}
    first = evaluate_target(library, guide, answers, TODAY)
    assert "power-of-attorney" in [item.id for item in first.items]
    changed = {**answers, "age": 70}
    second = evaluate_target(library, guide, changed, TODAY)
    assert second.eligibility.state == "not_eligible"
    # hukou_local and applicant_role no longer matter: kept aside, not lost.
    assert set(second.set_aside) == {"hukou_local", "applicant_role"}
    assert set(second.answers_used) == {"age"}
    back = evaluate_target(library, guide, {**changed, "age": 85}, TODAY)
    assert back.set_aside == {}
    assert [item.id for item in back.items] == [item.id for item in first.items]


def test_bundle_asks_each_fact_once_and_merges_materials(library: Library) -> None:
    bundle = library.bundles["old-age"]
    outcome = evaluate_target(
        library, bundle, {"age": 85, "hukou_local": True, "applicant_role": "self"}, TODAY
    )
    assert outcome.next_question is None
    items = {item.id: item for item in outcome.items}
    card = items["applicant-id-card"]
    assert card.needed_by == ("allowance", "card")
    assert card.state == "required"  # the stricter of required and shared wins
    assert list(items).count("applicant-id-card") == 1
    assert items["allowance-decision"].produced_by == "allowance"
    assert "photo" not in items


def test_bundle_member_not_eligible_does_not_block_the_others(library: Library) -> None:
    outcome = evaluate_target(
        library,
        library.bundles["old-age"],
        {"age": 65, "hukou_local": False, "applicant_role": "self"},
        TODAY,
    )
    states = {m.guide.id: m.eligibility.state for m in outcome.members}
    assert states == {"allowance": "not_eligible", "card": "likely"}
    assert outcome.eligibility.state == "likely"
    items = {item.id: item for item in outcome.items}
    assert items["applicant-id-card"].needed_by == ("card",)
    assert items["applicant-id-card"].state == "shared"
    assert items["photo"].state == "deferrable"
    # Produced by a member the citizen cannot get, so it must be demanded after all.
    assert items["allowance-decision"].produced_by is None


def test_merged_form_deduplicates_and_prefills(library: Library) -> None:
    outcome = evaluate_target(
        library, library.bundles["old-age"], {"applicant_name": "张三"}, TODAY
    )
    fields = {field.id: field for field in outcome.form}
    assert list(fields) == ["applicant_name", "card_photo"]
    assert fields["applicant_name"].value == "张三"
    # The member's row comes first and keeps its words; the bundle's own asks for the same datum.
    assert fields["applicant_name"].label == "姓名"
    assert fields["applicant_name"].needed_by == ("card", "old-age")
    assert outcome.form_name == "养老一件事联办表"


def test_guide_not_in_force(tmp_path: Path) -> None:
    text = GUIDE.replace("version:", "effective_to: 2025-12-31\nversion:")
    library = load_library(write_content(tmp_path, {"guides/elderly/allowance.yaml": text})).library
    outcome = evaluate_target(library, library.guides["allowance"], {}, TODAY)
    assert not outcome.in_force
    assert outcome.not_in_force == ("allowance",)
    earlier = evaluate_target(library, library.guides["allowance"], {}, datetime.date(2025, 6, 1))
    assert earlier.in_force


def test_engine_is_deterministic(library: Library) -> None:
    answers: dict[str, AnswerValue] = {"age": 85, "applicant_role": "agent"}
    first = evaluate_target(library, library.bundles["old-age"], answers, TODAY)
    second = evaluate_target(library, library.bundles["old-age"], answers, TODAY)
    assert first == second


def test_the_outcome_holds_no_words_so_each_face_says_it_in_its_language(
    library: Library,
) -> None:
    outcome = evaluate_target(library, library.guides["allowance"], {"hukou_local": False}, TODAY)
    english = build_view(library, outcome, "en").eligibility
    chinese = build_view(library, outcome, "zh").eligibility
    assert [reason.condition for reason in english.failed] == ["local hukou"]
    assert [reason.condition for reason in chinese.failed] == ["户籍在本县"]
    assert english.verdict == "not eligible" and chinese.verdict == "不符合条件"


def test_bundle_member_that_is_not_needed_is_left_out(tmp_path: Path) -> None:
    bundle = BUNDLE.replace(
        "guides: [allowance, card]",
        "guides:\n  - allowance\n  - {guide: card, when: not hukou_local}",
    )
    root = write_content(
        tmp_path,
        {
            "guides/elderly/card.yaml": SECOND_GUIDE,
            "guides/bundles/old-age.yaml": bundle,
            "guides/_facts/names.yaml": NAME_FACT,
        },
    )
    result = load_library(root)
    assert result.report.findings == []
    library = result.library
    target = library.bundles["old-age"]
    first = evaluate_target(library, target, {}, TODAY)
    # Whether a member is needed is asked before anything else.
    assert first.next_question is not None and first.next_question.id == "hukou_local"
    assert any(
        "户籍不在本县" in view.condition for view in build_view(library, first, "zh").branches
    )
    local = evaluate_target(
        library, target, {"hukou_local": True, "age": 85, "applicant_role": "self"}, TODAY
    )
    assert local.not_needed == ("card",)
    assert [member.guide.id for member in local.members] == ["allowance"]
    assert "photo" not in {item.id for item in local.items}
    assert [field.id for field in local.form] == ["applicant_name"]


REFERRING_GUIDE = GUIDE.replace(
    "  - id: local\n    when: hukou_local\n    text: 本县户籍\n",
    "  - id: local\n"
    "    when: hukou_local\n"
    "    text: 本县户籍\n"
    "    refer:\n"
    "      to: 户籍地乡镇人民政府\n"
    "      to_en: The township of the hukou\n"
    "      office: hall\n"
    "      text: 外县户籍的，到户籍地申请。\n"
    "      text_en: With hukou elsewhere, apply there.\n"
    '      basis: {policy: elderly-law, article: "3"}\n',
)


@pytest.fixture
def referring(tmp_path: Path) -> Library:
    root = write_content(
        tmp_path,
        {
            "guides/elderly/allowance.yaml": REFERRING_GUIDE,
            "guides/elderly/card.yaml": SECOND_GUIDE,
            "guides/bundles/old-age.yaml": BUNDLE,
            "guides/_facts/names.yaml": NAME_FACT,
        },
    )
    return load_library(root).library


def test_a_failed_rule_with_a_referral_refers_instead_of_refusing(referring: Library) -> None:
    guide = referring.guides["allowance"]
    outcome = evaluate_target(referring, guide, {"hukou_local": False}, TODAY)
    assert outcome.eligibility.state == "refer"
    [reason] = outcome.eligibility.reasons
    assert reason.rule == "local" and reason.refer is not None
    assert reason.refer.to == "户籍地乡镇人民政府" and reason.refer.office == "hall"
    # The other office decides the rest: nothing more is asked here, nothing listed to bring.
    assert outcome.next_question is None
    assert outcome.items == () and outcome.branches == ()
    [english] = build_view(referring, outcome, "en").eligibility.referrals
    assert english.to == "The township of the hukou"
    assert english.why == "本县户籍"  # the rule has no text_en: the content's own words


def test_a_hard_failure_outranks_a_referral(referring: Library) -> None:
    guide = referring.guides["allowance"]
    outcome = evaluate_target(referring, guide, {"hukou_local": False, "age": 70}, TODAY)
    assert outcome.eligibility.state == "not_eligible"
    assert [reason.rule for reason in outcome.eligibility.reasons] == ["old-enough"]


def test_a_referred_member_leaves_the_bundle_to_the_others(referring: Library) -> None:
    bundle = referring.bundles["old-age"]
    outcome = evaluate_target(
        referring, bundle, {"age": 85, "hukou_local": False, "applicant_role": "self"}, TODAY
    )
    states = {m.guide.id: m.eligibility.state for m in outcome.members}
    assert states == {"allowance": "refer", "card": "likely"}
    assert outcome.eligibility.state == "likely"
    assert all(item.needed_by == ("card",) for item in outcome.items)


def test_a_bundle_whose_every_member_goes_elsewhere_refers(tmp_path: Path) -> None:
    card = SECOND_GUIDE.replace(
        "  - {id: sixty, when: age >= 60, text: 年满六十周岁}",
        "  - {id: sixty, when: age >= 60, text: 年满六十周岁}\n"
        "  - {id: here, when: hukou_local, text: 本县户籍,\n"
        "     refer: {to: 户籍地, text: 到户籍地办理}}",
    )
    root = write_content(
        tmp_path,
        {
            "guides/elderly/allowance.yaml": REFERRING_GUIDE,
            "guides/elderly/card.yaml": card,
            "guides/bundles/old-age.yaml": BUNDLE,
            "guides/_facts/names.yaml": NAME_FACT,
        },
    )
    library = load_library(root).library
    outcome = evaluate_target(
        library, library.bundles["old-age"], {"age": 85, "hukou_local": False}, TODAY
    )
    assert outcome.eligibility.state == "refer"
    assert {reason.rule for reason in outcome.eligibility.reasons} == {"local", "here"}


def test_a_deferred_material_is_due_on_a_working_day(library: Library) -> None:
    # 2026-11-22 is a Sunday: five working days run Monday 11-23 to Friday 11-27.
    outcome = evaluate_target(
        library, library.guides["card"], {"age": 65, "hukou_local": False}, TODAY
    )
    [photo] = [item for item in outcome.items if item.id == "photo"]
    assert photo.due == datetime.date(2026, 11, 27)
    late = evaluate_target(
        library,
        library.guides["card"],
        {"age": 65, "hukou_local": False},
        datetime.date(2026, 12, 28),
    )
    [photo] = [item for item in late.items if item.id == "photo"]
    assert photo.due is None  # runs into 2027, whose holidays nobody knows yet
