"""Lint that catches content which no longer tells the law as it stands: one test per rule."""

from __future__ import annotations

import datetime
from pathlib import Path

from govtui.content.findings import Finding
from govtui.content.lint import lint
from tests.content.helpers import GUIDE, POLICY, write_content

QUIET_DAY = datetime.date(2026, 6, 1)


def findings(root: Path, today: datetime.date = QUIET_DAY) -> list[Finding]:
    return lint(root, today)[1]


def with_limits(legal: str, promised: str) -> str:
    return GUIDE.replace(
        "time_limits: {legal: 20个工作日, promised: 10个工作日}",
        f"time_limits:\n  legal: {legal}\n  promised: {promised}",
    )


def test_the_minimal_content_is_clean(tmp_path: Path) -> None:
    assert findings(write_content(tmp_path)) == []


def test_a_promise_longer_than_the_law_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    guide = with_limits(
        '{days: 10, unit: 工作日, basis: {policy: elderly-law, article: "3"}}',
        "{days: 20, unit: 工作日}",
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": guide})
    [error] = [f for f in findings(root) if f.severity == "error"]
    assert error.file == root / "guides/elderly/allowance.yaml"
    assert error.line == guide.splitlines().index("  promised: {days: 20, unit: 工作日}") + 1
    assert "longer than the legal one" in error.message
    assert "20个工作日" in error.message and "10个工作日" in error.message


def test_promises_in_other_units_are_compared_only_where_certain(tmp_path: Path) -> None:
    basis = 'basis: {policy: elderly-law, article: "3"}'
    cases = {
        # 15 working days are longer than 15 calendar days, whatever the calendar.
        ("{days: 15, unit: 自然日, " + basis + "}", "{days: 15, unit: 工作日}"): True,
        # 15 calendar days fit within 15 working days.
        ("{days: 15, unit: 工作日, " + basis + "}", "{days: 15, unit: 自然日}"): False,
        # 60 calendar days cannot fit in 10 working days, holidays or not.
        ("{days: 10, unit: 工作日, " + basis + "}", "{days: 60, unit: 自然日}"): True,
        ("{days: 10, unit: 工作日, " + basis + "}", "{days: 10, unit: 工作日}"): False,
    }
    for (legal, promised), longer in cases.items():
        folder = tmp_path / f"case-{len(list(tmp_path.iterdir()))}"
        root = write_content(
            folder, {"guides/elderly/allowance.yaml": with_limits(legal, promised)}
        )
        errors = [f for f in findings(root) if f.severity == "error"]
        assert bool(errors) is longer, (legal, promised, errors)


def test_a_legal_limit_without_its_article_is_a_warning(tmp_path: Path) -> None:
    guide = with_limits("{days: 20, unit: 工作日}", "{days: 10, unit: 工作日}")
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": guide})
    [warning] = findings(root)
    assert warning.field == "time_limits.legal.basis"


NEW_VERSION = """\
id: elderly-law-2026
title: 示例老年人法（2026年修订）
issuer: 示例机关
doc_number: 示例〔2026〕1号
issued: 2026-01-01
effective: 2026-03-01
status: effective
level: national
articles:
  - {number: "5", heading: 补贴, digest: 高龄老人可以领补贴。}
"""


def superseded(root: Path) -> Path:
    policy = root / "policies/elderly-law.yaml"
    policy.write_text(
        POLICY.replace(
            "status: effective",
            "status: superseded\nsuperseded_by: elderly-law-2026\nrepealed: 2026-03-01",
        ),
        encoding="utf-8",
    )
    (root / "policies/elderly-law-2026.yaml").write_text(NEW_VERSION, encoding="utf-8")
    return root


def test_citing_a_superseded_version_is_an_error_that_names_the_new_one(tmp_path: Path) -> None:
    root = superseded(write_content(tmp_path))
    errors = [f for f in findings(root) if f.severity == "error"]
    assert errors and all(f.code == "superseded" for f in errors)
    assert "cite 'elderly-law-2026'" in errors[0].message
    assert "it has no article '3'" in errors[0].message
    assert {f.line for f in errors} == {
        number for number, line in enumerate(GUIDE.splitlines(), 1) if "policy: elderly-law" in line
    }


def test_a_guide_that_ended_before_the_revision_may_cite_the_old_text(tmp_path: Path) -> None:
    guide = GUIDE.replace("version:", "effective_to: 2026-02-28\nversion:")
    root = superseded(write_content(tmp_path, {"guides/elderly/allowance.yaml": guide}))
    assert [f for f in findings(root) if f.code == "superseded"] == []


def test_a_superseded_policy_must_say_by_what_and_since_when(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    policy = root / "policies/elderly-law.yaml"
    policy.write_text(POLICY.replace("status: effective", "status: superseded"), encoding="utf-8")
    assert any(f.field == "superseded_by" and f.severity == "error" for f in findings(root))


def test_reviewed_before_a_cited_rule_took_effect_is_a_warning(tmp_path: Path) -> None:
    policy = POLICY.replace("effective: 2020-02-01", "effective: 2026-11-15")
    root = write_content(tmp_path, {"policies/elderly-law.yaml": policy})
    [warning] = [f for f in findings(root) if f.code == "reviewed"]
    assert warning.severity == "warning"
    assert "reviewed before this rule changed" in warning.message


COMMITMENT = """\
  - id: income-statement
    name: 收入情况说明
    form: 原件
    source: 申请人自备
    state: commitment
    commitment: 本人承诺所报收入真实。
    basis: {policy: elderly-law, article: "3"}
"""

COMMITMENT_RULE = """\
id: commitment-opinion
title: 示例告知承诺意见
issuer: 示例机关
doc_number: 示例〔2020〕42号
status: effective
level: national
commitment_rule: true
"""


def test_a_commitment_needs_a_basis_that_reaches_a_commitment_rule(tmp_path: Path) -> None:
    guide = GUIDE.replace("steps:", COMMITMENT + "steps:")
    root = write_content(tmp_path / "without", {"guides/elderly/allowance.yaml": guide})
    [warning] = [f for f in findings(root) if f.code == "commitment"]
    assert warning.field == "materials[3].basis"
    fixed = guide.replace(
        '    basis: {policy: elderly-law, article: "3"}\nsteps:',
        '    basis: [{policy: elderly-law, article: "3"}, {policy: commitment-opinion}]\nsteps:',
    )
    root = write_content(
        tmp_path / "with",
        {
            "guides/elderly/allowance.yaml": fixed,
            "policies/commitment-opinion.yaml": COMMITMENT_RULE,
        },
    )
    assert [f for f in findings(root) if f.code == "commitment"] == []


REFER = """\
  - id: local
    when: hukou_local
    text: 本县户籍
    refer:
      to: 户籍地乡镇
      office: {office}
      text: 外县户籍的，到户籍地申请。
      basis: {{policy: elderly-law, article: "{article}"}}
"""


def test_a_referral_to_an_unknown_office_or_article_is_an_error(tmp_path: Path) -> None:
    guide = GUIDE.replace(
        "  - id: local\n    when: hukou_local\n    text: 本县户籍\n",
        REFER.format(office="nowhere", article="99"),
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": guide})
    messages = [f.message for f in findings(root) if f.severity == "error"]
    assert "unknown office 'nowhere'" in messages
    assert "policy 'elderly-law' has no article '99'" in messages


def test_a_referral_without_a_worked_example_is_a_warning(tmp_path: Path) -> None:
    guide = GUIDE.replace(
        "  - id: local\n    when: hukou_local\n    text: 本县户籍\n",
        REFER.format(office="hall", article="3"),
    )
    root = write_content(tmp_path / "bare", {"guides/elderly/allowance.yaml": guide})
    assert [f.code for f in findings(root)] == ["example"]
    covered = guide + (
        "  - name: 外县户籍\n"
        "    answers: {applicant_role: self, age: 85, hukou_local: false}\n"
        "    expect: {eligibility: refer}\n"
    )
    root = write_content(tmp_path / "covered", {"guides/elderly/allowance.yaml": covered})
    assert findings(root) == []


def test_missing_guide_elements_are_warnings_and_unmarked_sample_figures_errors(
    tmp_path: Path,
) -> None:
    guide = (
        GUIDE.replace("refusal: [不满八十周岁的]\n", "")
        .replace("channels: [窗口]", "channels: [窗口, 网办]")
        .replace("version:", "amounts:\n  - {item: 高龄津贴, value: 每月100元}\nversion:")
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": guide})
    found = findings(root)
    [elements] = [f for f in found if f.code == "elements"]
    assert elements.field == "refusal, online"
    [error] = [f for f in found if f.severity == "error"]
    assert error.field == "amounts[0].sample"


def test_a_remedy_citing_nothing_real_is_an_error(tmp_path: Path) -> None:
    locality = (
        "name: 示例县\nname_en: Sample County\nfictional: true\n"
        "remedies:\n"
        "  - {kind: 行政复议, kind_en: Reconsideration, text: 60日内, text_en: within 60 days,\n"
        "     basis: {policy: ghost-law, article: '20'}}\n"
        "offices:\n"
        '  - {id: hall, name: 政务大厅, address: 示例路1号, hours: 工作日, phone: "0000-5550000"}\n'
    )
    root = write_content(tmp_path, {"guides/_locality.yaml": locality})
    assert [f.message for f in findings(root)] == ["no policy has the id 'ghost-law'"]


def test_from_november_a_calendar_without_next_year_is_a_warning(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        {
            "guides/_calendar.yaml": (
                "years:\n  - {year: 2026, source: 通知, rest_days: [], working_days: []}\n"
            )
        },
    )
    assert findings(root, datetime.date(2026, 10, 31)) == []
    [warning] = findings(root, datetime.date(2026, 11, 1))
    assert warning.code == "calendar" and "does not know 2027" in warning.message


def test_an_official_text_a_county_loaded_is_not_read_as_a_working_note(tmp_path: Path) -> None:
    official = POLICY.replace(
        '  - {number: "3", heading: 补贴, digest: 高龄老人可以领补贴。}',
        '  - {number: "3", heading: 补贴, digest: 审计机关审计补贴资金。, text: official}',
    )
    root = write_content(tmp_path / "official", {"policies/elderly-law.yaml": official})
    assert [f for f in findings(root) if f.code == "working-note"] == []
    digest = official.replace(", text: official", "")
    root = write_content(tmp_path / "digest", {"policies/elderly-law.yaml": digest})
    assert [f.code for f in findings(root)] == ["working-note"]


def test_a_locality_must_say_whether_it_is_fictional(tmp_path: Path) -> None:
    """Sample content says true; a county's own (as the import writes it) says false."""
    office = (
        '  - {id: hall, name: 政务大厅, address: 示例路1号, hours: 工作日, phone: "0000-5550000"}\n'
    )
    for stated, warned in (("fictional: true\n", False), ("fictional: false\n", False), ("", True)):
        locality = f"name: 示例县\nname_en: Sample County\n{stated}offices:\n{office}"
        root = write_content(tmp_path / str(len(stated)), {"guides/_locality.yaml": locality})
        assert any(f.field == "fictional" for f in findings(root)) is warned, stated


def test_the_longer_codes_counties_use_are_accepted_as_the_import_accepts_them(
    tmp_path: Path,
) -> None:
    for implementation, warned in (("9" * 36, False), ("9" * 30, True)):
        codes = f"codes: {{basic: '000000000012', implementation: '{implementation}'}}"
        guide = GUIDE.replace(
            'codes: {basic: "0502000001", implementation: "990000050200000100100001"}', codes
        )
        assert guide != GUIDE
        root = write_content(tmp_path / implementation, {"guides/elderly/allowance.yaml": guide})
        found = [f.field for f in findings(root) if f.field.startswith("codes")]
        assert found == (["codes.implementation"] if warned else []), implementation
