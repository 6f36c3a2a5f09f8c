"""Shared constants and types for the render tests (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

from govtui.interview import Outcome

TESTS = Path(__file__).resolve().parent.parent
CONTENT = TESTS / "data" / "content"
GOLDEN = TESTS / "golden"
# A fixed date inside every synthetic guide's range: render has no clock, and neither do its tests.
AS_OF = datetime.date(2026, 11, 22)
# Set GOVTUI_UPDATE_GOLDENS=1 to rewrite the golden files; review the diff before committing.
UPDATE_GOLDENS = os.environ.get("GOVTUI_UPDATE_GOLDENS") == "1"

Evaluate = Callable[..., Outcome]
Golden = Callable[[str, str], None]
