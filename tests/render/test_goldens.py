"""Golden files: every export format, on the synthetic guides and bundle, byte for byte.

Each is one plain file in `__snapshots__/test_goldens/`. After an intended change to the output,
rewrite them with `pytest tests/render --snapshot-update` and read the diff before committing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from syrupy.assertion import SnapshotAssertion

from govtui.content.models import AnswerValue, Library
from govtui.i18n import Language
from govtui.render.checklist import ExportFormat, render_checklist
from tests.render.helpers import AS_OF, GOLDEN, Evaluate


@dataclass(frozen=True)
class Case:
    name: str
    target: str
    answers: dict[str, AnswerValue]
    outputs: tuple[str, ...]
    as_of: datetime.date = AS_OF
    language: Language = "zh"
    include_personal: bool = False
    brought: frozenset[str] | None = None
    case_code: str | None = None
    note: str = ""


# An output is a format, a width for text (32 = 58 mm, 48 = 80 mm paper) and the golden's name
# after the case's (a text or receipt golden says its width) and its suffix.
OUTPUTS: dict[str, tuple[ExportFormat, int, str, str]] = {
    "text32": ("text", 32, ".text32", "txt"),
    "text48": ("text", 48, ".text48", "txt"),
    "text80": ("text", 80, ".text80", "txt"),
    "receipt32": ("receipt", 32, ".receipt32", "txt"),
    "receipt48": ("receipt", 48, ".receipt48", "txt"),
    "markdown": ("markdown", 80, "", "md"),
    "html": ("html", 80, "", "html"),
    "json": ("json", 80, "", "json"),
}
ALL_OUTPUTS = ("text32", "text48", "text80", "markdown", "html", "json")
PERSONAL: dict[str, AnswerValue] = {
    "applicant_name": "张三",
    "applicant_id_number": "110101199003071233",
    "applicant_phone": "13812345678",
}

CASES = [
    Case(
        "living-allowance-agent",
        "living-allowance",
        {"applicant_role": "agent", **PERSONAL},
        ALL_OUTPUTS,
        note="eligibility unknown, an agent, a commitment, a 容缺 branch, masked personal data",
    ),
    Case(
        "newborn-guardian",
        "newborn",
        {
            "applicant_role": "guardian",
            "hukou_local": True,
            "born_in_county": True,
            "child_name": "李小宝",
            "applicant_phone": "13812345678",
        },
        ALL_OUTPUTS,
        note="a bundle: produced within it, shared, 容缺, needed by two members, marriage branches",
    ),
    Case(
        "living-allowance-likely-en",
        "living-allowance",
        {
            "applicant_role": "self",
            "hukou_local": True,
            "income_below_standard": True,
            "has_disability": True,
        },
        ("text80", "markdown"),
        language="en",
        note="English UI strings; everything answered, so no branches",
    ),
    Case(
        "newborn-hukou-not-eligible",
        "newborn-hukou-registration",
        {"applicant_role": "self", "hukou_local": False},
        ("text48", "json"),
        note="a failed eligibility rule with its reason and basis",
    ),
    Case(
        "living-allowance-ticked",
        "living-allowance",
        {
            "applicant_role": "self",
            "hukou_local": True,
            "income_below_standard": True,
            "has_disability": True,
        },
        ("text32", "markdown", "html", "json"),
        brought=frozenset({"applicant-id-card", "household-income-statement"}),
        note="a visit after ticking: brought items marked, what is missing and what is owed listed",
    ),
    Case(
        "living-allowance-refer",
        "living-allowance",
        {"applicant_role": "self", "hukou_local": False},
        ("text48", "markdown", "json"),
        note="refer: where the case goes instead, why, and the rule; no materials, no form",
    ),
    Case(
        "living-allowance-not-in-force",
        "living-allowance",
        {"applicant_role": "agent"},
        ("text32", "json"),
        as_of=datetime.date(2019, 6, 1),
        note="before effective_from: no checklist, a clear message instead",
    ),
    Case(
        "living-allowance-personal",
        "living-allowance",
        {"applicant_role": "self", **PERSONAL},
        ("json",),
        include_personal=True,
        note="--include-personal leaves the form values as they were given",
    ),
    Case(
        "living-allowance-case-code",
        "living-allowance",
        {"applicant_role": "agent", **PERSONAL},
        (*ALL_OUTPUTS, "receipt32", "receipt48"),
        case_code="QH-7K4Q",
        note="a visit's case code on every format, its QR code on the A4 page; an agent signs",
    ),
    Case(
        "living-allowance-nothing-answered",
        "living-allowance",
        {},
        ("text80", "markdown", "html", "receipt32"),
        note="nobody said who applies: the applicant's line, and an agent's marked 代办时填写",
    ),
    Case(
        "newborn-case-code-en",
        "newborn",
        {},
        ("text80", "html", "receipt48"),
        language="en",
        case_code="QH-7K4Q",
        note="English signature lines and case code on a bundle's merged form, nothing answered",
    ),
]


@pytest.mark.parametrize(
    ("case", "output"),
    [
        pytest.param(case, output, id=f"{case.name}.{output}")
        for case in CASES
        for output in case.outputs
    ],
)
def test_golden(
    case: Case, output: str, library: Library, evaluate: Evaluate, snapshot: SnapshotAssertion
) -> None:
    outcome = evaluate(case.target, case.answers, case.as_of, case.language)
    fmt, width, name, suffix = OUTPUTS[output]
    rendered = render_checklist(
        library,
        outcome,
        fmt,
        width=width,
        language=case.language,
        include_personal=case.include_personal,
        brought=case.brought,
        case_code=case.case_code,
    )
    # use_extension, not snapshot(extension_class=...), which is undone before a failure's diff
    golden = snapshot.use_extension(GOLDEN[suffix])
    assert golden(name=f"{case.name}{name}") == rendered
