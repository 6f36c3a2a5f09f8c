"""One citizen's visit: what they asked for and what they answered, held in memory only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container

    from govtui.content.models import AnswerValue
    from govtui.interview import Target


@dataclass(eq=False)
class Session:
    """The answers of the citizen at the window. Never written to disk, never logged.

    `repr=False` keeps the answers out of any log line or traceback that prints the session.
    """

    target: Target
    answers: dict[str, AnswerValue] = field(default_factory=dict, repr=False)
    asked: list[str] = field(default_factory=list, repr=False)
    """Fact ids in the order they were answered, so "back" can walk them in reverse."""
    revisiting: int | None = None
    """Where "back" has stepped to in `asked`; None while the interview asks new questions.

    Going back never withdraws an answer: it shows an earlier question with its answer, and the
    answers after it stay until the citizen changes them (a clerk walking back over five
    questions must not have to ask them all again)."""
    brought: set[str] = field(default_factory=set, repr=False)
    """Material ids ticked as brought to the window today."""
    revision: int = 0
    """Counts changes to the answers, so a screen can tell whether it shows the latest."""

    def answer(self, fact_id: str, value: AnswerValue) -> None:
        self.answers[fact_id] = value
        self.revision += 1
        if fact_id not in self.asked:
            self.asked.append(fact_id)

    def revisited(self) -> str | None:
        """The earlier question "back" is showing, or None when the next new one is due."""
        return None if self.revisiting is None else self.asked[self.revisiting]

    def step_back(self, set_aside: Container[str]) -> str | None:
        """Step to the answered question before the one on screen; None when there is none.

        Questions whose answers no longer matter (`set_aside` by a changed answer) are passed
        over: they would not be asked now.
        """
        start = len(self.asked) if self.revisiting is None else self.revisiting
        for index in range(start - 1, -1, -1):
            if self.asked[index] not in set_aside:
                self.revisiting = index
                return self.asked[index]
        # Leaving the interview: coming back to it continues with the next new question.
        self.revisiting = None
        return None

    def step_forward(self, set_aside: Container[str]) -> str | None:
        """After an earlier answer is confirmed: the next answered one, or None for new ones."""
        if self.revisiting is None:
            return None
        for index in range(self.revisiting + 1, len(self.asked)):
            if self.asked[index] not in set_aside:
                self.revisiting = index
                return self.asked[index]
        self.revisiting = None
        return None

    def default_for(self, fact_id: str) -> AnswerValue | None:
        return self.answers.get(fact_id)

    def clear(self) -> None:
        """Forget every answer and tick, in place, so no screen still holding it can show it."""
        self.answers.clear()
        self.asked.clear()
        self.revisiting = None
        self.brought.clear()
        self.revision += 1


@dataclass(eq=False)
class Visit:
    """One citizen's visit to the window: every service started, with one set of answers.

    A fact the citizen gave for one service (their hukou, who applies) is the same fact for the
    next, so it is carried over instead of asked again. Held in memory only.
    """

    sessions: dict[str, Session] = field(default_factory=dict, repr=False)
    code: str = ""
    """The case code (QH-7K4Q), shown on screen and printed on the checklist; new each visit."""
    owns_case_file: bool = False
    """True once this visit saved its case or was opened from one: saving may replace that file,
    never another citizen's of the same code."""

    def answers(self) -> dict[str, AnswerValue]:
        """Every answer given in this visit, the latest winning where two services differ."""
        merged: dict[str, AnswerValue] = {}
        for session in self.sessions.values():
            merged.update(session.answers)
        return merged

    def session_for(self, target: Target) -> tuple[Session, list[str]]:
        """The service's session (resumed if started before), and the facts carried over."""
        existing = self.sessions.get(target.id)
        if existing is not None:
            return existing, []
        carried = self.answers()
        session = Session(target)
        for fact_id, value in carried.items():
            session.answer(fact_id, value)
        self.sessions[target.id] = session
        return session, list(carried)

    @property
    def open(self) -> bool:
        return any(session.answers or session.brought for session in self.sessions.values())

    def clear(self) -> None:
        """Forget the whole visit, every service's answers and ticks, in place."""
        for session in self.sessions.values():
            session.clear()
        self.sessions.clear()
        self.owns_case_file = False
