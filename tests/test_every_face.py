"""Every face lists the same materials in the same groups, for every guide and bundle shipped."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from govtui.content.loader import load_library
from govtui.content.models import AnswerValue, Bundle, Guide, Library
from govtui.i18n import Language, text
from govtui.interview import Outcome, evaluate_target
from govtui.render.blocks import Entries, Heading
from govtui.render.checklist import render_checklist
from govtui.render.notice import build_notice
from govtui.render.view import build_view
from govtui.tui.screens.checklist import row_plan
from govtui.tui.widgets.outcome import checklist_content

AS_OF = datetime.date(2026, 12, 3)
Groups = list[tuple[str, list[str]]]


@pytest.fixture(scope="module")
def shipped(repository: Path) -> Library:
    return load_library(repository).library


def cases(library: Library) -> list[tuple[str, dict[str, AnswerValue]]]:
    """Each guide and bundle with no answers and with each of its worked examples' answers."""
    found: list[tuple[str, dict[str, AnswerValue]]] = []
    targets: list[Guide | Bundle] = [*library.guides.values(), *library.bundles.values()]
    for target in targets:
        found.append((target.id, {}))
        found += [(target.id, dict(example.answers)) for example in target.examples]
    return found


def notice_groups(library: Library, outcome: Outcome, language: Language) -> Groups:
    """The printout's groups: every print target (text, receipt, Markdown, HTML) renders these."""
    notice = build_notice(library, outcome, language)
    groups: Groups = []
    for section in notice.sections:
        if section.name not in ("materials", "branches"):
            continue
        for block in section.blocks:
            if isinstance(block, Heading) and block.level == 3:
                groups.append((block.text, []))
            elif isinstance(block, Entries) and (block.checkbox or section.name == "materials"):
                if section.name == "branches":
                    groups.append(("branch", []))
                groups[-1][1].extend(entry.title for entry in block.entries)
    return groups


def screen_groups(library: Library, outcome: Outcome, language: Language) -> Groups:
    groups: Groups = []
    in_branches = False
    for kind, words, item in row_plan(build_view(library, outcome, language)):
        if item is not None:
            groups[-1][1].append(item.name)
        elif kind == "section":
            in_branches = words == text("branches_heading", language)
            if not in_branches:
                groups.append((words, []))
        elif in_branches:
            groups.append(("branch", []))
    return groups


def panel_groups(library: Library, outcome: Outcome, language: Language) -> Groups:
    view = build_view(library, outcome, language)
    headings = {group.heading for group in view.groups}
    groups: Groups = []
    for line in checklist_content(view).plain.splitlines():
        if line.startswith(" •"):
            groups[-1][1].append(line[2:])
        elif line in headings:
            groups.append((line, []))
        else:
            groups.append(("branch", []))
    return [(heading, names) for heading, names in groups if names]


def json_groups(library: Library, outcome: Outcome) -> list[tuple[str, list[str]]]:
    data = json.loads(render_checklist(library, outcome, "json"))
    groups: list[tuple[str, list[str]]] = []
    for material in data["materials"]:
        if not groups or groups[-1][0] != material["group"]:
            groups.append((material["group"], []))
        groups[-1][1].append(material["id"])
    for branch in data["branches"]:
        groups.append(("branch", [material["id"] for material in branch["materials"]]))
    return groups


def names_match(expected: Groups, actual: Groups) -> bool:
    """Same groups in the same order, each listing the same materials (a face may add the form)."""
    if [heading for heading, _ in expected] != [heading for heading, _ in actual]:
        return False
    return all(
        len(want) == len(got)
        and all(line.startswith(name) for name, line in zip(want, got, strict=True))
        for (_, want), (_, got) in zip(expected, actual, strict=True)
    )


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_face_lists_the_same_materials_in_the_same_groups(
    shipped: Library, language: Language
) -> None:
    checked = 0
    for target_id, answers in cases(shipped):
        target = shipped.guides.get(target_id) or shipped.bundles[target_id]
        outcome = evaluate_target(shipped, target, answers, AS_OF)
        view = build_view(shipped, outcome, language)
        expected: Groups = [
            (group.heading, [item.name for item in group.items]) for group in view.groups
        ] + [("branch", [item.name for item in branch.items]) for branch in view.branches]
        where = f"{target_id} {answers}"
        assert names_match(expected, notice_groups(shipped, outcome, language)), where
        assert names_match(expected, screen_groups(shipped, outcome, language)), where
        assert names_match(expected, panel_groups(shipped, outcome, language)), where
        by_action = [(g.action, [i.id for i in g.items]) for g in view.groups] + [
            ("branch", [i.id for i in b.items]) for b in view.branches
        ]
        assert json_groups(shipped, outcome) == by_action, where
        checked += 1
    assert checked > 300


def test_the_newborn_side_panel_agrees_with_the_printout(shipped: Library) -> None:
    """The bundle issues the birth certificate itself: no face tells the citizen to bring it."""
    newborn = shipped.bundles["newborn"]
    example = next(
        example
        for example in newborn.examples
        if any(
            item.produced_by is not None
            for item in evaluate_target(shipped, newborn, example.answers, AS_OF).items
        )
    )
    outcome = evaluate_target(shipped, newborn, example.answers, AS_OF)
    produced = [item for item in outcome.items if item.produced_by is not None]
    assert any(item.material.name == "出生医学证明" for item in produced)
    panel = checklist_content(build_view(shipped, outcome, "zh")).plain
    printed = render_checklist(shipped, outcome, "text", width=80)
    heading = "本次联办中出具，无需自备"
    assert heading in panel and heading in printed
    certificate = " •出生医学证明（"
    before, after = panel.split(heading, 1)
    assert certificate in after and certificate not in before
    before, after = printed.split(heading, 1)
    assert "- 出生医学证明\n" in after and "出生医学证明\n" not in before
