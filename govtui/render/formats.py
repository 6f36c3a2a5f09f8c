"""The formats a checklist exports to, in one list the exporters and both faces share."""

from __future__ import annotations

from typing import Literal, get_args

# "receipt" is the short handout (materials, where, when, what is missing) for a receipt roll.
ExportFormat = Literal["text", "receipt", "markdown", "html", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
