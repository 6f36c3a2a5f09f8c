"""The situation registry: read with the library, lint-checked like aliases, and searched."""

from __future__ import annotations

import datetime
from pathlib import Path

from govtui.content.lint import lint
from govtui.search import open_index

SITUATIONS = """\
situations:
  - guide: dibao-application
    situations: [家里揭不开锅, 没有收入来源]
  - guide: no-such-guide
    situations: [什么都没有]
  - guide: dibao-application
    situations: [又写一遍]
  - guide: residence-permit
    situations: [没有收入来源, 居住证申领, 一]
"""


def test_situations_are_read_and_linted(content: Path) -> None:
    (content / "guides" / "_situations.yaml").write_text(SITUATIONS, encoding="utf-8")
    result, findings = lint(content, datetime.date(2026, 12, 1))
    entries = {entry.guide: entry.situations for entry in result.library.situations}
    assert entries["residence-permit"] == ("没有收入来源", "居住证申领", "一")
    messages = [(finding.severity, finding.message) for finding in findings]
    assert ("error", "no guide or bundle has the id 'no-such-guide'") in messages
    assert any(s == "error" and "already has situations" in m for s, m in messages)
    assert any(s == "error" and "'没有收入来源' is also listed" in m for s, m in messages)
    assert any(s == "error" and "'一' is too short" in m for s, m in messages)
    assert any(s == "warning" and "already a name or alias" in m for s, m in messages)


def test_no_situations_file_no_findings(content: Path) -> None:
    _, findings = lint(content, datetime.date(2026, 12, 1))
    assert not [finding for finding in findings if "situations" in finding.field]


def test_a_situation_is_searched_and_explained(content: Path) -> None:
    (content / "guides" / "_situations.yaml").write_text(
        "situations:\n  - guide: dibao-application\n    situations: [家里揭不开锅]\n",
        encoding="utf-8",
    )
    with open_index(content) as index:
        hits = index.search("揭不开锅")
    assert hits and hits[0].id == "dibao-application"
    assert "situation: 家里揭不开锅" in hits[0].matched
