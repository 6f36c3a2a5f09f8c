"""Scalars are read as written, and typed only where the model says, never by YAML 1.1's guesses."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govtui.content.documents import read_guide
from govtui.content.findings import Finding
from govtui.content.lint import lint
from govtui.content.models import Library
from govtui.content.registries import read_locality
from tests.content.helpers import FACTS, GUIDE, LOCALITY, POLICY, write_content

GUIDE_FILE = "guides/elderly/allowance.yaml"
FACTS_FILE = "guides/_facts/common.yaml"
LOCALITY_FILE = "guides/_locality.yaml"
POLICY_FILE = "policies/elderly-law.yaml"
MORE_FACTS = """\
facts:
  - id: applicant_phone
    type: text
    label: {zh: 联系电话, en: Phone}
  - id: birth_date
    type: date
    label: {zh: 出生日期, en: Date of birth}
"""


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def load(tmp_path: Path, files: dict[str, str]) -> tuple[Library, list[Finding]]:
    result, findings = lint(write_content(tmp_path, files))
    return result.library, findings


def line_of(text: str, fragment: str) -> int:
    [line] = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    return line


def the_error(findings: list[Finding]) -> Finding:
    [finding] = findings
    assert finding.severity == "error"
    return finding


# Text fields take the text as written --------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('version: "2026.1"', "version: 2026.10", "2026.10"),
        ('version: "2026.1"', "version: 1e3", "1e3"),
        ('version: "2026.1"', "version: 1_000", "1_000"),
        ('version: "2026.1"', "version: 0123", "0123"),
        ('version: "2026.1"', "version: 2026-11-01", "2026-11-01"),
        ('version: "2026.1"', "version: .inf", ".inf"),
    ],
)
def test_a_version_is_the_text_as_written(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    library, findings = load(tmp_path, {GUIDE_FILE: replaced(GUIDE, old, new)})
    assert findings == []
    assert library.guides["allowance"].version == expected


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "true", "False", "y", "n"])
def test_a_yes_no_word_in_a_text_field_stays_the_word(tmp_path: Path, word: str) -> None:
    library, findings = load(tmp_path, {GUIDE_FILE: replaced(GUIDE, "fee: 不收费", f"fee: {word}")})
    assert findings == []
    assert library.guides["allowance"].fee == word


def test_office_hours_and_phone_are_the_text_as_written(tmp_path: Path) -> None:
    locality = replaced(
        LOCALITY, 'hours: 工作日, phone: "0000-5550000"', "hours: 8:30, phone: 0123"
    )
    library, findings = load(tmp_path, {LOCALITY_FILE: locality})
    assert findings == []
    [office] = library.locality.offices
    assert (office.hours, office.phone) == ("8:30", "0123")


def test_codes_keep_their_leading_zeros_unquoted(tmp_path: Path) -> None:
    guide = replaced(
        GUIDE,
        'codes: {basic: "0502000001", implementation: "990000050200000100100001"}',
        "codes: {basic: 0502000001, implementation: 990000050200000100100001}",
    )
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    assert findings == []
    assert dict(library.guides["allowance"].codes) == {
        "basic": "0502000001",
        "implementation": "990000050200000100100001",
    }


def test_an_article_number_and_a_choice_value_are_text(tmp_path: Path) -> None:
    policy = replaced(POLICY, 'number: "3"', "number: 3.10")
    guide = GUIDE.replace('article: "3"', "article: 3.10")
    facts = replaced(FACTS, "{value: agent,", "{value: no,")
    guide = guide.replace('applicant_role == "agent"', "applicant_role == 'no'").replace(
        "applicant_role: agent", "applicant_role: no"
    )
    library, findings = load(tmp_path, {POLICY_FILE: policy, GUIDE_FILE: guide, FACTS_FILE: facts})
    assert findings == []
    assert [article.number for article in library.policies["elderly-law"].articles] == ["3.10"]
    assert library.facts["applicant_role"].choices[1].value == "no"
    assert library.guides["allowance"].examples[1].answers["applicant_role"] == "no"


# Null: the default where a field may be left out, an error where it must be written ------------


@pytest.mark.parametrize("written", ["note: ~", "note:", "note: null", "note: NULL"])
def test_null_in_an_optional_text_field_is_no_value(tmp_path: Path, written: str) -> None:
    library, findings = load(
        tmp_path, {GUIDE_FILE: replaced(GUIDE, "version:", f"{written}\nversion:")}
    )
    assert findings == []
    assert library.guides["allowance"].note is None


def test_quoted_null_is_the_word(tmp_path: Path) -> None:
    library, findings = load(tmp_path, {GUIDE_FILE: replaced(GUIDE, "fee: 不收费", 'fee: "null"')})
    assert findings == []
    assert library.guides["allowance"].fee == "null"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("fee: ~", "expected text, found null (written '~')"),
        ("fee:", "expected text, found nothing (null)"),
        ("fee: null", "quote it if you mean the word"),
    ],
)
def test_null_in_a_required_text_field_is_an_error(
    tmp_path: Path, written: str, message: str
) -> None:
    guide = replaced(GUIDE, "fee: 不收费", written)
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    error = the_error(findings)
    assert (error.file.name, error.line, error.field) == (
        "allowance.yaml",
        line_of(guide, "fee:"),
        "fee",
    )
    assert message in error.message
    assert "allowance" not in library.guides


# Whole numbers and numbers: plain decimal digits only -------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("0123", "'0123' is ambiguous: YAML 1.1 reads a leading zero as octal (83)"),
        ("09", "'09' has a leading zero; write 9"),
        ("1_000", "write 1000 without underscores"),
        ("8:30", "reads it as a base-60 number"),
        ("0x1F", "write it as 31"),
        ("1e3", "read exponents differently"),
        ("1.5", "expected a whole number, found '1.5'"),
        (".nan", "not a finite number"),
        ("many", "expected a whole number, found 'many'"),
        ("[1]", "expected a whole number, found a list"),
    ],
)
def test_an_ambiguous_whole_number_is_an_error_at_its_line(
    tmp_path: Path, written: str, message: str
) -> None:
    guide = replaced(GUIDE, "visits: 1", f"visits: {written}")
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    error = the_error(findings)
    assert error.file == tmp_path / GUIDE_FILE
    assert (error.line, error.field) == (line_of(guide, "visits:"), "visits")
    assert message in error.message
    assert library.guides == {}


def test_a_quoted_whole_number_is_read_by_the_model_not_the_quotes(tmp_path: Path) -> None:
    guide = replaced(GUIDE, "visits: 1", 'visits: "2"').replace("fee: 不收费", 'fee: "不收费"')
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    assert findings == []
    assert library.guides["allowance"].visits == 2


def test_a_material_copies_count_with_a_leading_zero_is_an_error(tmp_path: Path) -> None:
    guide = replaced(GUIDE, "source: 数据共享\n", "source: 数据共享\n    copies: 02\n")
    _, findings = load(tmp_path, {GUIDE_FILE: guide})
    error = the_error(findings)
    assert (error.line, error.field) == (line_of(guide, "copies: 02"), "materials[2].copies")
    assert "write 2" in error.message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("8:30", "base-60"),
        ("1_000", "write 1000 without underscores"),
        ("0150", "write 150"),
        ("1.5e+2", "read exponents differently"),
    ],
)
def test_an_ambiguous_number_in_a_fact_is_an_error_at_its_line(
    tmp_path: Path, written: str, message: str
) -> None:
    facts = replaced(FACTS, "max: 150", f"max: {written}")
    _, findings = load(tmp_path, {FACTS_FILE: facts})
    error = the_error(findings)
    assert error.file == tmp_path / FACTS_FILE
    assert (error.line, error.field) == (line_of(facts, "max:"), "facts[1].max")
    assert message in error.message


def test_a_decimal_number_is_read_where_the_model_asks_for_one(tmp_path: Path) -> None:
    facts = replaced(FACTS, "max: 150", "max: 150.5").replace("min: 0", "min: .5")
    library, findings = load(tmp_path, {FACTS_FILE: facts})
    assert findings == []
    age = library.facts["age"]
    assert (age.minimum, age.maximum) == (0.5, 150.5)


# Booleans: true or false ------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["yes", "on", "Off", "n"])
def test_a_yaml11_boolean_is_an_error_asking_for_true_or_false(tmp_path: Path, word: str) -> None:
    locality = replaced(LOCALITY, "fictional: true", f"fictional: {word}")
    _, findings = load(tmp_path, {LOCALITY_FILE: locality})
    # A bad optional value takes its default (false), so lint also warns: not fictional.
    [error] = [finding for finding in findings if finding.severity == "error"]
    assert error.field == "fictional"
    assert (error.file, error.line) == (tmp_path / LOCALITY_FILE, line_of(locality, "fictional"))
    assert f"'{word}' is ambiguous" in error.message
    assert "write true or false" in error.message


@pytest.mark.parametrize(("word", "value"), [("True", True), ("FALSE", False), ('"true"', True)])
def test_true_and_false_in_any_yaml_case_are_booleans(
    tmp_path: Path, word: str, value: bool
) -> None:
    library, findings = load(
        tmp_path, {LOCALITY_FILE: replaced(LOCALITY, "fictional: true", f"fictional: {word}")}
    )
    assert library.locality.fictional is value
    assert [finding for finding in findings if finding.severity == "error"] == []


# Dates: YYYY-MM-DD --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-1-5", "expected a date as YYYY-MM-DD, found '2026-1-5'"),
        ("20261101", "expected a date as YYYY-MM-DD"),
        ("2026-11-01 10:00", "has a time of day"),
        ("2026-11-01T10:00:00Z", "has a time of day"),
        ("2026-02-30", "'2026-02-30' is not a day of the calendar"),
        ("2026/11/01", "expected a date as YYYY-MM-DD"),
    ],
)
def test_a_date_must_be_iso(tmp_path: Path, written: str, message: str) -> None:
    guide = replaced(GUIDE, "reviewed: 2026-11-01", f"reviewed: {written}")
    _, findings = load(tmp_path, {GUIDE_FILE: guide})
    error = the_error(findings)
    assert (error.line, error.field) == (line_of(guide, "reviewed:"), "reviewed")
    assert message in error.message


def test_a_quoted_date_is_a_date(tmp_path: Path) -> None:
    guide = replaced(GUIDE, "reviewed: 2026-11-01", 'reviewed: "2026-11-01"')
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    assert findings == []
    assert library.guides["allowance"].reviewed == datetime.date(2026, 11, 1)


# Worked examples: each answer is typed by the fact it answers ------------------------------------


def with_answers(answers: str) -> dict[str, str]:
    guide = replaced(
        GUIDE,
        "answers: {applicant_role: self, age: 85, hukou_local: true}",
        f"answers: {{{answers}}}",
    )
    return {GUIDE_FILE: guide, "guides/_facts/more.yaml": MORE_FACTS}


def test_answers_follow_their_facts_types(tmp_path: Path) -> None:
    files = with_answers(
        "applicant_role: self, age: 85, hukou_local: true, applicant_phone: 0123,"
        " birth_date: 1940-01-01"
    )
    library, findings = load(tmp_path, files)
    assert findings == []
    answers = library.guides["allowance"].examples[0].answers
    assert dict(answers) == {
        "applicant_role": "self",
        "age": 85,
        "hukou_local": True,
        "applicant_phone": "0123",
        "birth_date": datetime.date(1940, 1, 1),
    }
    assert isinstance(answers["age"], int)


def test_a_quoted_answer_is_typed_by_its_fact_too(tmp_path: Path) -> None:
    files = with_answers(
        'applicant_role: self, age: "85.5", hukou_local: true, birth_date: "1940-01-01"'
    )
    library, findings = load(tmp_path, files)
    assert findings == []
    answers = library.guides["allowance"].examples[0].answers
    assert (answers["age"], answers["birth_date"]) == (85.5, datetime.date(1940, 1, 1))


@pytest.mark.parametrize(
    ("answer", "field", "message"),
    [
        ("age: 085", "age", "write 85"),
        ("age: 1:25", "age", "base-60"),
        ("hukou_local: yes", "hukou_local", "write true or false"),
        ("birth_date: 1940-1-1", "birth_date", "expected a date as YYYY-MM-DD"),
        ("applicant_phone: ~", "applicant_phone", "an answer needs a value"),
    ],
)
def test_an_ambiguous_answer_is_an_error_at_its_line(
    tmp_path: Path, answer: str, field: str, message: str
) -> None:
    files = with_answers(f"applicant_role: self, {answer}")
    _, findings = load(tmp_path, files)
    error = the_error(findings)
    assert error.file == tmp_path / GUIDE_FILE
    assert error.line == line_of(files[GUIDE_FILE], answer)
    assert error.field == f"examples[0].answers.{field}"
    assert message in error.message


def test_an_answer_to_an_unknown_fact_is_kept_as_text_for_lint_to_name(tmp_path: Path) -> None:
    library, findings = load(tmp_path, with_answers("applicant_role: self, shoe_size: 0042"))
    assert library.guides["allowance"].examples[0].answers["shoe_size"] == "0042"
    assert [finding.message for finding in findings] == ["unknown fact 'shoe_size'"]


# Conditions: the source text as written, literals by the condition language ----------------------


def test_a_yes_no_word_as_a_condition_is_a_fact_name(tmp_path: Path) -> None:
    guide = replaced(GUIDE, "when: hukou_local", "when: yes")
    library, findings = load(tmp_path, {GUIDE_FILE: guide})
    assert library.guides["allowance"].eligibility[1].when.source == "yes"
    assert [finding.message for finding in findings] == [
        "the condition names an unknown fact 'yes'"
    ]


def test_a_condition_literal_with_a_leading_zero_is_an_error(tmp_path: Path) -> None:
    guide = replaced(GUIDE, "when: age >= 80", "when: age >= 080")
    _, findings = load(tmp_path, {GUIDE_FILE: guide})
    error = the_error(findings)
    assert (error.line, error.field) == (line_of(guide, "age >= 080"), "eligibility[0].when")
    assert "'080' has a leading zero; write 80" in error.message


# The keys come from the models -----------------------------------------------------------------


def test_the_keys_of_a_document_come_from_its_model() -> None:
    keys = set(read_guide.keys)
    assert {"id", "codes", "visits", "examples", "fee_basis"} <= keys
    assert not keys & {"path", "where", "kind"}
    assert set(read_locality.keys) == {
        "name",
        "name_en",
        "fictional",
        "offices",
        "region_code",
        "complaint",
        "remedies",
    }


def test_a_key_renamed_in_the_model_is_read_by_its_yaml_name(tmp_path: Path) -> None:
    facts = replaced(FACTS, "max: 150", "maximum: 150")
    _, findings = load(tmp_path, {FACTS_FILE: facts})
    assert [finding.message for finding in findings] == [
        "unknown key 'maximum'; did you mean 'max'?"
    ]
