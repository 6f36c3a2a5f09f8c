"""UI strings: both languages for every key, and English plurals."""

from __future__ import annotations

import string

from govtui.i18n import STRINGS, text


def test_every_string_has_both_languages_and_the_same_placeholders() -> None:
    for key, (zh, en) in STRINGS.items():
        assert zh and en, key
        fields = {name for _, name, _, _ in string.Formatter().parse(zh) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(en) if name}, key


def test_one_takes_the_singular_where_english_has_one() -> None:
    assert text("visits_value", "en", n=1) == "at most one visit"
    assert text("visits_value", "en", n=2) == "at most 2 visits"
    assert text("still_missing", "en", n=1, names="ID card") == "One required item missing: ID card"
    assert text("still_missing", "zh", n=1, names="身份证") == "还缺1项必交材料：身份证"
