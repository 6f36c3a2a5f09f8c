"""No personal data in an event, and no rating the citizen did not give."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest

from govtui.events.model import (
    Event,
    InvalidEvent,
    from_record,
    level_for_stars,
    rating_event,
    to_record,
)
from govtui.events.scrub import scrub
from tests.events.helpers import MONDAY, rating, search

ID_NUMBER = "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"证件{ID_NUMBER}丢了", "证件〔证件号〕丢了"),
        ("老证110105491231002还能用吗", "老证〔证件号〕还能用吗"),
        ("号码 110105 19491231 002X", "号码 〔证件号〕"),
        ("打13800138000找我", "打〔手机号〕找我"),
        ("电话 138-0013-8000", "电话 〔手机号〕"),
        ("电话１３８００１３８０００", "电话〔手机号〕"),
        ("我叫张三，来办低保", "我叫〔姓名〕，来办低保"),
        ("本人李四", "本人〔姓名〕"),
        ("本人姓名：王小明", "本人姓名：〔姓名〕"),
        ("本人觉得等太久", "本人觉得等太久"),
        ("本人不满意", "本人不满意"),
        # Not an ID number nor a phone: a 19-digit account and a 4-digit fee stay.
        ("收费1200元，单号1234567890123456789", "收费1200元，单号1234567890123456789"),
    ],
)
def test_free_text_is_scrubbed(typed: str, stored: str) -> None:
    assert scrub(typed) == stored


def test_an_event_never_holds_the_typed_personal_data() -> None:
    event = rating("dissatisfied", text=f"我叫张三 {ID_NUMBER} 13800138000 态度差")
    assert event.text == "我叫〔姓名〕 〔证件号〕 〔手机号〕 态度差"
    query = search(f"{ID_NUMBER} 低保")
    assert query.query == "〔证件号〕 低保"
    # A record from elsewhere (a USB file) is scrubbed again on the way in.
    record = to_record(event) | {"text": f"本人王五 {ID_NUMBER}"}
    assert from_record(record).text == "本人〔姓名〕 〔证件号〕"


def test_a_skipped_rating_is_unrated_and_keeps_no_text() -> None:
    skipped = rating("unrated", text="ignored")
    assert skipped.satisfaction == "unrated"
    assert skipped.text is None


def test_no_rating_exists_without_the_citizens_choice() -> None:
    # The level has no default anywhere: building a rating without it is a TypeError.
    parameters = inspect.signature(rating_event).parameters
    assert parameters["satisfaction"].default is inspect.Parameter.empty
    with pytest.raises(TypeError):
        rating_event(  # type: ignore[call-arg]
            point_code="p",
            content_version="v",
            service_id="s",
            task_code=None,
            text=None,
            at=MONDAY,
        )
    fields = {field.name: field for field in dataclasses.fields(Event)}
    assert fields["satisfaction"].default is None  # None (no rating event), never a level
    with pytest.raises(InvalidEvent):
        level_for_stars(0)
    with pytest.raises(InvalidEvent):
        from_record(to_record(rating()) | {"satisfaction": None})


def test_no_code_writes_a_satisfaction_level_as_a_default() -> None:
    """No parameter, field or keyword in govtui defaults to a level: only the citizen picks one."""
    levels = {"very_satisfied", "satisfied", "basic", "dissatisfied", "very_dissatisfied"}
    package = Path(__file__).resolve().parents[2] / "govtui"
    found = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            defaults: list[ast.expr | None] = []
            if isinstance(node, ast.arguments):
                defaults = [*node.defaults, *node.kw_defaults]
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                defaults = [node.value]
            for value in defaults:
                if isinstance(value, ast.Constant) and value.value in levels:
                    found.append(f"{path.name}:{value.lineno}")
    assert found == []
