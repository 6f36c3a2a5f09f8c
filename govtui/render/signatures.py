"""Who signs a printed notice or form by hand: the applicant, and an agent or guardian."""

from __future__ import annotations

from govtui.content.models import AnswerValue
from govtui.i18n import Language, text
from govtui.interview.engine import Outcome
from govtui.render.blocks import Signer

# The shared fact (guides/_facts/common.yaml) saying who applies: self, agent or guardian.
ROLE_FACT = "applicant_role"


def applicant_role(outcome: Outcome) -> AnswerValue | None:
    """The answer to who applies, wherever the outcome kept it; None when nobody said."""
    for answers in (outcome.answers_used, outcome.set_aside, outcome.implied):
        if ROLE_FACT in answers:
            return answers[ROLE_FACT]
    # Asked only for the form, it is in no condition: the form field still carries it.
    return next(
        (field.value for field in outcome.form if field.fact == ROLE_FACT and field.value),
        None,
    )


def signer(label_key: str, language: Language, **extra: str | None) -> Signer:
    return Signer(
        text(label_key, language),
        text("paper_date", language),
        text("paper_date_blank", language),
        **extra,
    )


def signers(outcome: Outcome, language: Language) -> tuple[Signer, ...]:
    """The applicant's line, then the agent's or guardian's where one applies.

    Nobody said who applies: the agent's line is printed too, marked for when someone applies
    on the applicant's behalf, so a form printed early still has a place for either.
    """
    role = applicant_role(outcome)
    applicant = signer("paper_applicant_signature", language)
    if role == "self":
        return (applicant,)
    id_number = text("paper_id_number", language)
    if role == "guardian":
        return (applicant, signer("paper_guardian_signature", language, id_number=id_number))
    note = None if role == "agent" else text("paper_agent_note", language)
    return (applicant, signer("paper_agent_signature", language, note=note, id_number=id_number))


def clerk(language: Language) -> Signer:
    return signer("clerk_signature", language)
