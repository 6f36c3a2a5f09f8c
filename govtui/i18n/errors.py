"""The words of every error a user can see, each a key with parameters (zh-Hans, English)."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {}
