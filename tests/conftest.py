"""Keep the machine running the tests out of them: caches and data go to a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_directories(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    base = tmp_path_factory.mktemp("govtui-home")
    monkeypatch.setenv("GOVTUI_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("GOVTUI_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("GOVTUI_CONFIG", str(base / "config.toml"))
    monkeypatch.setenv("GOVTUI_EXPORT_DIR", str(base / "exports"))
    monkeypatch.delenv("GOVTUI_CONTENT", raising=False)
    yield


@pytest.fixture(scope="session")
def repository() -> Path:
    return REPOSITORY
