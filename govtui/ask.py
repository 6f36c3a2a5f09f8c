"""The plain line-by-line interview face (`govtui ask`); input and output are passed in."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from govtui.content.models import AnswerValue, Fact, Language, Library
from govtui.i18n import text
from govtui.interview.engine import Target, evaluate_target
from govtui.interview.validate import AnswerInvalid, parse_answer

ReadLine = Callable[[str], str | None]
Write = Callable[[str], None]
_ASSIGNMENT = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*=(.*)$")


def _describe_question(fact: Fact, language: Language) -> list[str]:
    lines = [fact.label.get(language)]
    if fact.type == "choice":
        lines += [
            f"  {n}. {choice.label.get(language)}" for n, choice in enumerate(fact.choices, 1)
        ]
    elif fact.type == "boolean":
        lines.append(f"  {text('ask_yes_no', language)}")
    elif fact.type == "date":
        lines.append("  (YYYY-MM-DD)")
    elif fact.type == "number" and fact.unit:
        lines.append(f"  ({fact.unit.get(language)})")
    return lines


def run_interview(
    library: Library,
    target: Target,
    as_of: datetime.date,
    *,
    language: Language,
    read_line: ReadLine,
    write: Write,
    interactive: bool,
    width: int = 80,
) -> int:
    """Ask until nothing open remains, then print the checklist. Returns an exit code."""
    from govtui.render.checklist import render_checklist

    answers: dict[str, AnswerValue] = {}
    history: list[str] = []
    line_number = 0
    title = target.name_en if language == "en" else target.name
    write(title)
    if interactive:
        write(text("ask_intro", language))
    ended_early = False
    while True:
        outcome = evaluate_target(library, target, answers, as_of)
        fact = outcome.next_question
        if fact is None:
            break
        if interactive:
            write("")
            write(
                text(
                    "ask_question",
                    language,
                    number=len(history) + 1,
                    left=outcome.progress.remaining_at_most,
                )
            )
            for line in _describe_question(fact, language):
                write(line)
        raw = read_line("> " if interactive else "")
        line_number += 1
        if raw is None:
            if interactive:
                write(text("ask_quit", language))
                return 130
            ended_early = True
            break
        command = raw.strip()
        if interactive and command.lower() in ("q", "quit", "退出"):
            write(text("ask_quit", language))
            return 0
        if interactive and command.lower() in ("b", "back", "返回"):
            if history:
                answers.pop(history.pop(), None)
            else:
                write(text("ask_no_back", language))
            continue
        if interactive and command in ("?", "？"):
            write(fact.help.get(language) if fact.help else text("ask_no_help", language))
            continue
        target_fact = fact
        assignment = _ASSIGNMENT.match(raw)
        if assignment and not interactive:
            named = library.facts.get(assignment.group(1))
            if named is None:
                write(
                    text(
                        "ask_bad_line",
                        language,
                        line=line_number,
                        problem=text("ask_unknown_fact", language, fact=assignment.group(1)),
                    )
                )
                return 2
            target_fact, raw = named, assignment.group(2)
        try:
            value = parse_answer(target_fact, raw, today=as_of)
        except AnswerInvalid as error:
            if interactive:
                write(error.problem.get(language))
                continue
            write(
                text(
                    "ask_bad_line", language, line=line_number, problem=error.problem.get(language)
                )
            )
            return 2
        answers[target_fact.id] = value
        if target_fact.id in history:
            history.remove(target_fact.id)
        history.append(target_fact.id)
    outcome = evaluate_target(library, target, answers, as_of)
    write("")
    write(text("ask_stopped" if ended_early else "ask_done", language))
    write(render_checklist(library, outcome, "text", width=width, language=language))
    return 0
