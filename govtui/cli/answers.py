"""The answers a checklist is computed from: --answers FILE.yaml, then --answer FACT=VALUE."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.cli.loading import did_you_mean
from govtui.errors import AnswerError

if TYPE_CHECKING:
    from govtui.content.models import AnswerValue, Library


def parse_answers(
    library: Library, pairs: list[str], answers_file: Path | None, today: datetime.date
) -> dict[str, AnswerValue]:
    """Answers from --answers FILE.yaml, then --answer FACT=VALUE (which win).

    `today` is the date the case is dealt with (--as-of): no birth date may be later.
    """
    from govtui.interview.validate import AnswerInvalid, coerce_answer

    raw: dict[str, tuple[object, str]] = {}
    value: object
    if answers_file is not None:
        raw.update(_read_answers_file(answers_file))
    for pair in pairs:
        fact_id, separator, value = pair.partition("=")
        if not separator or not fact_id.strip():
            raise AnswerError("error_answer_shape", pair=pair)
        raw[fact_id.strip()] = (value, f"--answer {pair}")
    answers: dict[str, AnswerValue] = {}
    for fact_id, (value, origin) in raw.items():
        fact = library.facts.get(fact_id)
        if fact is None:
            hint = did_you_mean(difflib.get_close_matches(fact_id, list(library.facts), n=3))
            raise AnswerError("error_answer_unknown_fact", origin=origin, fact=fact_id, hint=hint)
        try:
            answers[fact_id] = coerce_answer(fact, value, today=today)
        except AnswerInvalid as error:
            raise AnswerError(
                "error_answer_invalid", origin=origin, fact=fact_id, problem=error.problem
            ) from None
    return answers


def _read_answers_file(path: Path) -> dict[str, tuple[object, str]]:
    """FACT: VALUE pairs, each with where it came from (`FILE: FACT`) for messages."""
    import yaml

    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerError("error_answers_missing", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AnswerError("error_answers_unreadable", path=path, detail=error) from None
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"{path}:{mark.line + 1}" if mark else str(path)
        raise AnswerError("error_answers_yaml", place=place) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise AnswerError("error_answers_not_mapping", path=path)
    return {key: (value, f"{path}: {key}") for key, value in data.items()}
