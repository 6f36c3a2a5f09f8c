"""A county key, a terminal configured with it, and content folders to release."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.release.helpers import SMALL_CONTENT, copy_content, make_keys, write_config


@dataclass
class County:
    secret_key: Path
    public_key: str
    content: Path


@pytest.fixture
def county(tmp_path: Path) -> County:
    secret, public = make_keys(tmp_path)
    write_config(Path(os.environ["GOVTUI_CONFIG"]), public)
    return County(secret, public, copy_content(SMALL_CONTENT, tmp_path / "county-content"))
