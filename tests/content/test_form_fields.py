"""Form fields: the signature mark is read strictly, and lint asks for it where a label signs."""

from __future__ import annotations

from pathlib import Path

from govtui.content import load_library
from govtui.content.lint import lint
from tests.content.helpers import GUIDE, write_content


def _guide_with(fields: str) -> str:
    form = f"form:\n  name: 高龄津贴申请表\n  fields:\n{fields}"
    return GUIDE.replace("version:", f"{form}version:", 1)


def _messages(root: Path) -> list[str]:
    return [str(finding) for finding in lint(root)[1]]


def test_signature_is_read_and_defaults_to_false(tmp_path: Path) -> None:
    fields = (
        "    - {id: bank_account, label: 发放账户}\n"
        "    - {id: promise, label: 本人承诺所填属实（签字）, signature: true}\n"
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": _guide_with(fields)})
    result = load_library(root)
    assert result.report.findings == []
    form = result.library.guides["allowance"].form
    assert form is not None
    assert [(f.id, f.signature) for f in form.fields] == [
        ("bank_account", False),
        ("promise", True),
    ]


def test_signature_takes_only_true_or_false(tmp_path: Path) -> None:
    fields = "    - {id: promise, label: 本人承诺所填属实（签字）, signature: yes}\n"
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": _guide_with(fields)})
    found = _messages(root)
    assert any(
        "form.fields[0].signature: 'yes' is ambiguous" in message
        and "write true or false" in message
        for message in found
    ), found


def test_lint_warns_about_a_signed_label_not_marked(tmp_path: Path) -> None:
    fields = (
        "    - {id: signatures, label: 双方签名及指印}\n"
        "    - {id: promise, label: 本人承诺所填属实（签字）, signature: true}\n"
        "    - {id: proof_type, label: 关系证明方式（户口簿 / 关系承诺书）}\n"
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": _guide_with(fields)})
    [finding] = lint(root)[1]
    assert finding.severity == "warning"
    assert finding.field == "form.fields[0]"
    assert "signature: true" in finding.message
