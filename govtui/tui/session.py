"""One citizen's visit: what they asked for and what they answered, held in memory only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    offered: dict[str, AnswerValue] = field(default_factory=dict, repr=False)
    """Answers taken back with "back", offered again as the default when the question returns."""
    brought: set[str] = field(default_factory=set, repr=False)
    """Material ids ticked as brought to the window today."""
    revision: int = 0
    """Counts changes to the answers, so a screen can tell whether it shows the latest."""

    def answer(self, fact_id: str, value: AnswerValue) -> None:
        self.answers[fact_id] = value
        self.revision += 1
        self.offered.pop(fact_id, None)
        if fact_id not in self.asked:
            self.asked.append(fact_id)

    def take_back(self) -> str | None:
        """Withdraw the latest answer, keeping it as a default; None when nothing was answered."""
        if not self.asked:
            return None
        fact_id = self.asked.pop()
        self.revision += 1
        if fact_id in self.answers:
            self.offered[fact_id] = self.answers.pop(fact_id)
        return fact_id

    def default_for(self, fact_id: str) -> AnswerValue | None:
        return self.answers.get(fact_id, self.offered.get(fact_id))

    def clear(self) -> None:
        """Forget every answer and tick, in place, so no screen still holding it can show it."""
        self.answers.clear()
        self.asked.clear()
        self.offered.clear()
        self.brought.clear()
        self.revision += 1
