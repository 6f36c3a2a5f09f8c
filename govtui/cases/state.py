"""What a saved case holds: the visit's services, every answer, the ticks, and where it stopped."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from govtui.content.models import AnswerValue

Stop = Literal["search", "interview", "review", "checklist", "visit-checklist"]
"""The screen the visit stopped on; opening the case continues there."""
STOPS: tuple[Stop, ...] = get_args(Stop)


class StateShapeError(ValueError):
    """The decrypted body is not a case of this format (said to the clerk as a damaged file)."""


@dataclass(frozen=True, slots=True)
class ServiceState:
    """One service of the visit: its answers in the order given, what was ticked as brought."""

    target: str
    """The guide's or life event's id."""
    answers: Mapping[str, AnswerValue] = field(repr=False)
    asked: tuple[str, ...] = field(repr=False)
    brought: tuple[str, ...] = field(repr=False)
    revisiting: int | None = None
    """Where "back" had stepped to in `asked`; None while the interview asked new questions."""


@dataclass(frozen=True, slots=True)
class CaseState:
    """A whole visit as saved: personal data, so it is only ever written encrypted."""

    code: str
    services: tuple[ServiceState, ...] = field(repr=False)
    current: str | None
    """The service on screen when it was saved (None: none was)."""
    stopped_at: Stop


def state_to_json(state: CaseState) -> dict[str, object]:
    return {
        "code": state.code,
        "current": state.current,
        "stopped_at": state.stopped_at,
        "services": [
            {
                "target": service.target,
                "answers": {fact: _value_to_json(value) for fact, value in service.answers.items()},
                "asked": list(service.asked),
                "brought": list(service.brought),
                "revisiting": service.revisiting,
            }
            for service in state.services
        ],
    }


def _value_to_json(value: AnswerValue) -> object:
    # JSON has no dates; every other answer type is JSON's own (bool stays bool, int stays int).
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    return value


def state_from_json(data: object) -> CaseState:
    """The body read back; any other shape raises `StateShapeError`, never half a case."""
    record = _mapping(data)
    stopped_at = record.get("stopped_at")
    if stopped_at not in STOPS:
        raise StateShapeError("stopped_at")
    current = record.get("current")
    if current is not None and not isinstance(current, str):
        raise StateShapeError("current")
    services = record.get("services")
    if not isinstance(services, list):
        raise StateShapeError("services")
    return CaseState(
        code=_string(record.get("code")),
        services=tuple(_service(item) for item in services),
        current=current,
        stopped_at=stopped_at,
    )


def _service(data: object) -> ServiceState:
    record = _mapping(data)
    answers = _mapping(record.get("answers"))
    asked = _strings(record.get("asked"))
    revisiting = record.get("revisiting")
    if revisiting is not None and (
        not isinstance(revisiting, int)
        or isinstance(revisiting, bool)
        or not 0 <= revisiting < len(asked)
    ):
        raise StateShapeError("revisiting")
    return ServiceState(
        target=_string(record.get("target")),
        answers={_string(fact): _value_from_json(value) for fact, value in answers.items()},
        asked=asked,
        brought=_strings(record.get("brought")),
        revisiting=revisiting,
    )


def _value_from_json(value: object) -> AnswerValue:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict) and set(value) == {"date"}:
        try:
            return datetime.date.fromisoformat(_string(value["date"]))
        except ValueError:
            raise StateShapeError("date") from None
    raise StateShapeError("answer")


def _mapping(data: object) -> dict[str, object]:
    if not isinstance(data, dict):
        raise StateShapeError("object")
    return data


def _string(data: object) -> str:
    if not isinstance(data, str) or not data:
        raise StateShapeError("string")
    return data


def _strings(data: object) -> tuple[str, ...]:
    if not isinstance(data, list):
        raise StateShapeError("list")
    return tuple(_string(item) for item in data)
