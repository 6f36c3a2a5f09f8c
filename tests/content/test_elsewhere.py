"""Matters handled elsewhere are found by what people call them, in Chinese and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.content.elsewhere import matters_elsewhere
from govtui.content.loader import load_library
from govtui.content.models import Library


@pytest.fixture(scope="module")
def shipped(repository: Path) -> Library:
    return load_library(repository).library


@pytest.mark.parametrize(
    ("query", "matter"),
    [
        ("driving licence", "driving-licence"),
        ("I need a visa", "foreigner-visa-extension"),
        ("passport", "chinese-passport"),
        ("我要办护照", "chinese-passport"),
        ("foreigner residence permit", "foreigner-residence-permit"),
        ("驾照到期了", "driving-licence"),
    ],
)
def test_a_matter_handled_elsewhere_is_found_by_its_everyday_name(
    shipped: Library, query: str, matter: str
) -> None:
    found = [entry.id for entry in matters_elsewhere(shipped, query)]
    assert matter in found, (query, found)


def test_words_of_our_own_services_find_no_matter_elsewhere(shipped: Library) -> None:
    for query in ("低保", "身份证丢了", "advisable", "养老金"):
        assert matters_elsewhere(shipped, query) == [], query


def test_each_matter_says_where_and_why_in_both_languages(shipped: Library) -> None:
    assert len(shipped.elsewhere) >= 8
    for matter in shipped.elsewhere:
        for language in ("zh", "en"):
            name, where, why = matter.words(language)
            assert name and where and why
