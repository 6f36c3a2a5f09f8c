"""Analysis units: folding, runs, segmentation, pinyin, synonyms and query terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.search.analysis import (
    SYLLABLES,
    MaxMatchSegmenter,
    Tables,
    bigrams,
    english_terms,
    fold,
    initials,
    pairs,
    runs,
    skip_bigrams,
    split_syllables,
)
from govtui.search.lexicon import character_pinyin, common_characters, fold_table
from govtui.search.query import QueryAnalyzer

REPOSITORY = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def table() -> dict[int, str]:
    return fold_table()


def test_fold_turns_traditional_and_variant_characters_simplified(table: dict[int, str]) -> None:
    assert fold("出生證明遺失", table) == "出生证明遗失"
    assert fold("戶口註銷", table) == "户口注销"
    assert fold("身份証", table) == "身份证"
    assert fold("低報", table) == "低报"


def test_fold_leaves_simplified_characters_alone(table: dict[int, str]) -> None:
    # OpenCC alone would turn 么 into 幺: a GB 2312 character is never folded.
    assert fold("什么 干部 后来", table) == "什么 干部 后来"


def test_fold_makes_full_width_half_width_and_lower_case() -> None:
    assert fold("ＳＦＺ１２３　ＩＤ") == "sfz123 id"
    assert fold("Lü") == "lv"


def test_runs_split_han_letters_and_digits() -> None:
    assert list(runs("sfz丢了2025年")) == [
        ("latin", "sfz"),
        ("han", "丢了"),
        ("digit", "2025"),
        ("han", "年"),
    ]
    assert list(runs("!!! ??? 🙂")) == []


def test_maximum_matching_prefers_fewer_and_longer_words() -> None:
    segmenter = MaxMatchSegmenter(frozenset({"身份证", "身份", "丢了", "居住证", "办理"}))
    assert segmenter.segment("身份证丢了") == ["身份证", "丢了"]
    assert segmenter.segment("办理居住证") == ["办理", "居住证"]
    # Characters outside the vocabulary come out one by one.
    assert segmenter.segment("补办身份证") == ["补", "办", "身份证"]
    assert segmenter.subwords("身份证") == ["身份"]


def test_character_grams() -> None:
    assert bigrams("居住证") == ["居住", "住证"]
    assert skip_bigrams("居住证") == ["居*证"]
    assert bigrams("低") == []


def test_pinyin_splits_whole_syllables_only() -> None:
    assert split_syllables("shenfenzheng") == [["shen", "fen", "zheng"]]
    assert ["xian"] in split_syllables("xian") and ["xi", "an"] in split_syllables("xian")
    assert split_syllables("sfz") == []
    assert split_syllables("card") == []
    assert split_syllables("a" * 500) == []


def test_pinyin_pairs_and_initials() -> None:
    assert pairs(["shen", "fen", "zheng"]) == ["shen_fen", "fen_zheng"]
    assert initials(["shen", "fen", "zheng"]) == "sfz"


def test_every_syllable_pypinyin_reads_is_in_the_syllable_table() -> None:
    from pypinyin import Style, pinyin

    found: set[str] = set()
    for character in common_characters()[::7]:
        for readings in pinyin(character, style=Style.NORMAL, heteronym=True):
            found.update(r for r in readings if any(vowel in r for vowel in "aeiouv"))
    assert found <= SYLLABLES


def test_character_pinyin_gives_the_common_reading() -> None:
    table = character_pinyin("身份证行", {})
    assert [table[c] for c in "身份证"] == ["shen", "fen", "zheng"]
    assert table["行"] == "xing"


def test_english_terms_are_stemmed_without_stop_words() -> None:
    assert english_terms("lost my id card") == ["lost", "id", "card"]
    assert english_terms("expired") == english_terms("expire")


def _tables(**overrides: object) -> Tables:
    values: dict[str, object] = {
        "fold": {},
        "pinyin": {"身": "shen", "分": "fen", "份": "fen", "证": "zheng"},
        "vocabulary": frozenset({"身份证", "居住证", "低保", "丢了"}),
        "synonyms": (("居住证", "old_name", ("暂住证",)),),
    }
    values.update(overrides)
    return Tables(**values)  # type: ignore[arg-type]


def test_query_words_drop_stop_words() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("身份证丢了怎么办")
    words = [term.text for term in analyzed.terms if term.origin == "word"]
    assert words == ["身份证", "丢了"]


def test_query_synonyms_widen_to_the_official_name() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("暂住证过期")
    synonyms = [term for term in analyzed.terms if term.origin == "synonym"]
    assert [term.text for term in synonyms] == ["居住证"]
    assert synonyms[0].note == "暂住证→居住证"


def test_query_pinyin_pairs_cross_spaces() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("shen fen zheng")
    assert {t.text for t in analyzed.terms if t.origin == "pinyin"} == {"shen_fen", "fen_zheng"}


def test_query_homophones_come_from_the_character_table() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("身分证")
    homophones = {term.text for term in analyzed.terms if term.origin == "homophone"}
    assert homophones == {"shen_fen", "fen_zheng"}


def test_long_queries_get_no_character_fallbacks() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("家里就我一个劳动力老婆生病能吃低保不")
    assert not {"skipgram", "homophone"} & {term.origin for term in analyzed.terms}


def test_pastes_are_cut_to_a_bounded_query() -> None:
    analyzed = QueryAnalyzer(_tables()).analyze("身份证" * 5000)
    assert len(analyzed.text) <= 200
