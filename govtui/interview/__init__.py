"""The interview: next question, eligibility, the tailored checklist and the merged form."""

from govtui.interview.engine import (
    Branch,
    ChecklistItem,
    Eligibility,
    Outcome,
    Progress,
    Reason,
    Target,
    evaluate_target,
    member_guides,
    question_for,
)
from govtui.interview.validate import AnswerInvalid, coerce_answer, parse_answer

__all__ = [
    "AnswerInvalid",
    "Branch",
    "ChecklistItem",
    "Eligibility",
    "Outcome",
    "Progress",
    "Reason",
    "Target",
    "coerce_answer",
    "evaluate_target",
    "member_guides",
    "parse_answer",
    "question_for",
]
