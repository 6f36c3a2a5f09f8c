"""Warnings about a checklist's date: the policies it rests on that are not yet in force then."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from govtui.content.models import Library, Policy
from govtui.i18n import Language, text
from govtui.interview.engine import Outcome
from govtui.render.titles import document_title


@dataclass(frozen=True, slots=True)
class BasisWarning:
    """A policy the outcome's guides cite that takes effect only after the date applied."""

    policy: Policy
    effective: datetime.date
    as_of: datetime.date

    def words(self, language: Language) -> str:
        return text(
            "warning_basis_not_yet_in_force",
            language,
            title=document_title(self.policy, language),
            effective=self.effective.isoformat(),
            date=self.as_of.isoformat(),
        )

    def to_json(self) -> dict[str, Any]:
        """One entry of the checklist JSON's `warnings`, worded in the content's language."""
        return {
            "code": "basis_not_yet_in_force",
            "policy": self.policy.id,
            "effective": self.effective.isoformat(),
            "text": self.words("zh"),
        }


def basis_warnings(library: Library, outcome: Outcome) -> list[BasisWarning]:
    """Every policy the outcome's guides cite that takes effect after `as_of`, earliest first."""
    cited = {basis.policy for guide in outcome.guides for _, basis in guide.all_bases()}
    warnings = [
        BasisWarning(policy, policy.effective, outcome.as_of)
        for policy_id in cited
        if (policy := library.policies.get(policy_id)) is not None
        and policy.effective is not None
        and policy.effective > outcome.as_of
    ]
    return sorted(warnings, key=lambda warning: (warning.effective, warning.policy.id))
