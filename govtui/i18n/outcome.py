"""The words of an outcome: eligibility states, reasons, groups and deadlines (zh-Hans, English)."""

from __future__ import annotations

OUTCOME: dict[str, tuple[str, str]] = {}
