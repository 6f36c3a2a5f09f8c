"""The merged form: whom it is about first, each datum once, and every signature last."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govtui.content import Library, load_library
from govtui.content.models import AnswerValue
from govtui.interview import Outcome, evaluate_target
from tests.content.helpers import GUIDE, write_content

TODAY = datetime.date(2026, 11, 22)
# The shipped content's own date, inside every guide's range.
SHIPPED_DAY = datetime.date(2026, 12, 10)

PERSON_FACTS = """\
facts:
  - id: applicant_name
    type: text
    label: {zh: 申请人姓名, en: Applicant's name}
    short: {zh: 姓名, en: Name}
    personal: true
  - id: applicant_phone
    type: text
    label: {zh: 申请人手机号码, en: Applicant's mobile number}
    short: {zh: 手机号码, en: Mobile number}
    format: mobile
    personal: true
"""

ALLOWANCE_FORM = """\
form:
  name: 高龄津贴申请表
  fields:
    - {id: applicant_name, label: 申请人姓名, fact: applicant_name}
    - {id: promise, label: 本人承诺所填属实（签字）, signature: true}
    - {id: phone, label: 联系电话, fact: applicant_phone}
    - {id: bank_account, label: 发放账户}
"""

# The same person asked in other words and under other ids: one row each, in the first words.
CARD_FORM = """\
form:
  name: 优待证申请表
  fields:
    - {id: holder_name, label: 持卡人姓名, fact: applicant_name}
    - {id: mobile, label: 手机号码, fact: applicant_phone}
    - {id: card_photo, label: 照片}
    - {id: bank_account, label: 银行账号}
"""

BUNDLE = """\
id: old-age
name: 养老一件事
name_en: Old age bundle
lead_department: 县民政局
office: hall
summary: 津贴和优待证一次办。
guides: [allowance, card]
form:
  name: 养老一件事联办表
  fields:
    - {id: consent, label: 同意各部门共享本表信息（签字）, signature: true}
    - {id: household_address, label: 家庭住址}
    - {id: contact_phone, label: 联系人电话, fact: applicant_phone}
    - {id: signatures, label: 申请人签名, signature: true}
version: "2026.1"
reviewed: 2026-11-01
"""


def _with_form(guide: str, form: str) -> str:
    return guide.replace("version:", f"{form}version:", 1)


CARD = (
    GUIDE.replace("id: allowance", "id: card")
    .replace("name: 高龄津贴申领", "name: 老年人优待证")
    .replace("name_en: Longevity allowance", "name_en: Senior card")
    .replace("aliases: [高龄补贴]", "aliases: [优待证]")
    .replace('"0502000001"', '"0502000002"')
    .replace('"990000050200000100100001"', '"990000050200000200100001"')
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = write_content(
        tmp_path,
        {
            "guides/_facts/people.yaml": PERSON_FACTS,
            "guides/elderly/allowance.yaml": _with_form(GUIDE, ALLOWANCE_FORM),
            "guides/elderly/card.yaml": _with_form(CARD, CARD_FORM),
            "guides/bundles/old-age.yaml": BUNDLE,
        },
    )
    result = load_library(root)
    assert result.report.findings == []
    return result.library


def _labels(outcome: Outcome) -> list[str]:
    return [row.label for row in outcome.form]


def test_members_rows_first_then_the_bundles_then_every_signature(library: Library) -> None:
    outcome = evaluate_target(library, library.bundles["old-age"], {}, TODAY)
    assert _labels(outcome) == [
        "申请人姓名",
        "联系电话",
        "发放账户",
        "照片",
        "家庭住址",
        "本人承诺所填属实（签字）",
        "同意各部门共享本表信息（签字）",
        "申请人签名",
    ]
    assert [row.signature for row in outcome.form] == [False] * 5 + [True] * 3
    assert outcome.form_name == "养老一件事联办表"


def test_a_single_guides_signature_also_comes_last(library: Library) -> None:
    outcome = evaluate_target(library, library.guides["allowance"], {}, TODAY)
    assert _labels(outcome) == ["申请人姓名", "联系电话", "发放账户", "本人承诺所填属实（签字）"]
    assert outcome.form_name == "高龄津贴申请表"


def test_rows_for_the_same_fact_merge_whatever_their_ids(library: Library) -> None:
    answers = {"applicant_name": "张三", "applicant_phone": "13812345678"}
    outcome = evaluate_target(library, library.bundles["old-age"], answers, TODAY)
    rows = {row.fact: row for row in outcome.form if row.fact is not None}
    assert [row.fact for row in outcome.form].count("applicant_phone") == 1
    phone = rows["applicant_phone"]
    # The first member's id and words, every service that asks for it, the answer pre-filled.
    assert (phone.id, phone.label, phone.value) == ("phone", "联系电话", "13812345678")
    assert phone.needed_by == ("allowance", "card", "old-age")
    name = rows["applicant_name"]
    assert (name.label, name.value, name.needed_by) == ("申请人姓名", "张三", ("allowance", "card"))


def test_rows_with_the_same_id_merge_too(library: Library) -> None:
    outcome = evaluate_target(library, library.bundles["old-age"], {}, TODAY)
    [account] = [row for row in outcome.form if row.id == "bank_account"]
    assert account.label == "发放账户"
    assert account.needed_by == ("allowance", "card")


def test_a_member_that_does_not_go_ahead_brings_no_rows(library: Library) -> None:
    # Under 80 the allowance is refused; the card has the same rule here, so neither goes ahead.
    outcome = evaluate_target(library, library.bundles["old-age"], {"age": 70}, TODAY)
    assert outcome.members and all(m.eligibility.state == "not_eligible" for m in outcome.members)
    assert _labels(outcome) == [
        "家庭住址",
        "联系人电话",
        "同意各部门共享本表信息（签字）",
        "申请人签名",
    ]


def test_the_form_is_the_same_whatever_order_the_answers_came_in(library: Library) -> None:
    bundle = library.bundles["old-age"]
    answers: dict[str, AnswerValue] = {
        "applicant_phone": "13812345678",
        "age": 85,
        "applicant_name": "张三",
    }
    reversed_answers = dict(reversed(list(answers.items())))
    first = evaluate_target(library, bundle, answers, TODAY)
    second = evaluate_target(library, bundle, reversed_answers, TODAY)
    assert first.form == second.form


@pytest.fixture(scope="module")
def shipped(repository: Path) -> Library:
    return load_library(repository).library


def test_the_newborn_form_opens_with_the_child_and_ends_with_the_signatures(
    shipped: Library,
) -> None:
    outcome = evaluate_target(shipped, shipped.bundles["newborn"], {}, SHIPPED_DAY)
    labels = _labels(outcome)
    assert labels[0] == "新生儿姓名"
    assert labels[-3:] == [
        "同意各部门共享本表信息和出生医学证明等电子证照（签字）",
        "所填信息真实、准确的承诺（签字）",
        "父母双方签名",
    ]
    # One phone: every member asks for the applicant's, and the bundle adds no other.
    assert [label for label in labels if "电话" in label or "手机" in label] == ["联系电话"]


def test_the_after_death_form_opens_with_the_deceased_and_ends_with_the_commitments(
    shipped: Library,
) -> None:
    outcome = evaluate_target(shipped, shipped.bundles["after-death"], {}, SHIPPED_DAY)
    labels = _labels(outcome)
    assert labels[0] == "逝者姓名"
    assert labels.index("逝者姓名") < labels.index("死亡性质（正常死亡 / 非正常死亡）")
    assert labels[-2:] == [
        "死亡信息无法共享时的告知承诺（签字）",
        "所填亲属关系真实的承诺（签字）",
    ]


def test_no_shipped_bundle_form_asks_one_fact_twice(shipped: Library) -> None:
    for bundle in shipped.bundles.values():
        outcome = evaluate_target(shipped, bundle, {}, SHIPPED_DAY)
        facts = [row.fact for row in outcome.form if row.fact is not None]
        assert len(facts) == len(set(facts)), bundle.id
        signed = [row.signature for row in outcome.form]
        assert signed == sorted(signed), bundle.id  # no row to fill in after a signature
