"""Golden files of `govtui diff`: one per kind of change, and every format for a mixed case."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from govtui.content import load_library
from govtui.diff.compare import compare
from govtui.diff.words import render
from tests.release.helpers import GUIDE, SMALL_CONTENT, copy_content, edit, remove_material
from tests.render.helpers import GOLDEN

AS_OF = datetime.date(2026, 11, 22)
POLICY = "policies/sample-assistance-measures.yaml"
Edit = Callable[[Path], None]


def _state(root: Path) -> None:
    edit(
        root,
        GUIDE,
        "    state: required\n    note: 复印卡号一面",
        "    state: commitment\n    commitment: 本人承诺所填账户真实有效。\n    note: 复印卡号一面",
    )


def _added(root: Path) -> None:
    edit(
        root,
        GUIDE,
        "  - id: photo\n",
        "  - id: residence-proof\n    name: 居住证明\n    form: 原件\n"
        "    source: 申请人自备\n    state: required\n  - id: photo\n",
    )


def _limits(root: Path) -> None:
    edit(
        root, GUIDE, "  promised: {days: 15, unit: 工作日}", "  promised: {days: 10, unit: 工作日}"
    )
    edit(root, GUIDE, "visits: 1\n", "visits: 0\n")


def _rules(root: Path) -> None:
    edit(root, GUIDE, "    text: 户籍在本县\n", "    text: 户籍在本县，或在本县居住满一年\n")


def _cited(root: Path) -> None:
    edit(
        root,
        GUIDE,
        'basis:\n  - {policy: sample-assistance-measures, article: "9"}\n',
        'basis:\n  - {policy: sample-assistance-measures, article: "9"}\n'
        '  - {policy: sample-assistance-measures, article: "14"}\n',
    )


def _policy(root: Path) -> None:
    edit(
        root,
        POLICY,
        "digest: 户籍在本县、家庭人均收入低于本县标准的家庭，可以申请生活补助。",
        "digest: 户籍在本县或者在本县居住满一年、"
        "家庭人均收入低于本县标准的家庭，可以申请生活补助。",
    )
    edit(root, POLICY, "status: effective\n", "status: amended\namended: 2026-10-01\n")


def _repealed(root: Path) -> None:
    edit(root, POLICY, "status: effective\n", "status: repealed\nrepealed: 2026-11-01\n")


def _coming(root: Path) -> None:
    # Fees are waived from next month: the material stays until then and is dropped after.
    edit(
        root,
        GUIDE,
        "    note: 没有照片的，窗口可以现场拍摄。\n",
        "    note: 没有照片的，窗口可以现场拍摄。\n    effective_to: 2026-11-30\n",
    )


def _fee_and_removed(root: Path) -> None:
    edit(root, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n")
    remove_material(root, GUIDE, "bank-card")


CASES: dict[str, Edit] = {
    "material-state": _state,
    "material-added": _added,
    "material-removed": lambda root: remove_material(root, GUIDE, "bank-card"),
    "fee": lambda root: edit(root, GUIDE, "fee: 不收费\n", "fee: 工本费10元\n"),
    "time-limit-and-visits": _limits,
    "eligibility-rule": _rules,
    "cited-article": _cited,
    "policy-article-and-version": _policy,
    "policy-repealed": _repealed,
    "coming-next-month": _coming,
}


def _changes(tmp_path: Path, change: Edit, as_of: datetime.date = AS_OF) -> object:
    new = copy_content(SMALL_CONTENT, tmp_path / "new")
    change(new)
    new_library = load_library(new)
    assert not new_library.report.errors, new_library.report.errors
    return compare(load_library(SMALL_CONTENT).library, new_library.library, as_of)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_change(case: str, tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    changes = _changes(tmp_path, CASES[case])
    assert render(changes, "text", "zh") == snapshot.use_extension(GOLDEN["txt"])(name=case)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("extension", "output_format"),
    [("txt", "text"), ("md", "markdown"), ("html", "html"), ("json", "json")],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_format(
    extension: str, output_format: str, language: str, tmp_path: Path, snapshot: SnapshotAssertion
) -> None:
    changes = _changes(tmp_path, _fee_and_removed)
    rendered = render(changes, output_format, language)  # type: ignore[arg-type]
    assert rendered == snapshot.use_extension(GOLDEN[extension])(name=f"mixed.{language}")


def test_as_of_shows_the_content_as_it_will_be(tmp_path: Path) -> None:
    from govtui.diff.compare import ContentChanges

    now = _changes(tmp_path / "a", _coming)
    later = _changes(tmp_path / "b", _coming, datetime.date(2026, 12, 15))
    assert isinstance(now, ContentChanges) and isinstance(later, ContentChanges)
    [coming] = [change for document in now.documents for change in document.changes]
    assert (coming.aspect, coming.effective) == ("material_removed", datetime.date(2026, 12, 1))
    [removed] = [change for document in later.documents for change in document.changes]
    assert (removed.aspect, removed.effective) == ("material_removed", None)
