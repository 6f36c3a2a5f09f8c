"""Fixtures for the content tests: a small content folder written afresh for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.helpers import write_content


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")
