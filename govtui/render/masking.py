"""Masking personal data in exports: ID numbers, mobile numbers and names."""

from __future__ import annotations

import datetime

from govtui.content.models import AnswerValue, Fact


def mask_id_number(value: str) -> str:
    """Keep the first six (the region) and the last four: 110101********123X."""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_mobile(value: str) -> str:
    """Keep the first three and the last four: 138****5678."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """Keep the first character only: 张*, 欧***."""
    return value[:1] + "*" * (len(value) - 1)


def mask_answer(fact: Fact, value: AnswerValue) -> str:
    """A personal answer as an export may show it: masked by the fact's format."""
    if isinstance(value, str):
        if fact.format == "id_number":
            return mask_id_number(value)
        if fact.format == "mobile":
            return mask_mobile(value)
        return mask_name(value)
    # Dates, numbers and choices that are personal carry no safe part worth keeping.
    width = len(value.isoformat()) if isinstance(value, datetime.date) else 4
    return "*" * width
