"""zh-Hans text to the pinyin the cmn-latn-pinyin voice reads: Han, numbers, letters, pauses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govtui.speech.spoken import LETTERS, to_pinyin


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("最低生活保障", "zui4 di1 sheng1 huo2 bao3 zhang4"),
        ("身份证", "shen1 fen4 zheng4"),
        ("到银行重新办理", "dao4 yin2 hang2 chong2 xin1 ban4 li3"),
        ("2026年1月1日", "er4 ling2 er4 liu4 nian2 yi1 yue4 yi1 ri4"),
        ("电话 0971-5550123", "dian4 hua4 ling2 jiu3 qi1 yi1, wu3 wu3 wu3 ling2 yi1 er4 san1"),
        ("案卷号 QH-7K4Q", "an4 juan4 hao4 qiu1 ai2 qi1, qi1 kai4 si4 qiu1"),
        ("30%", "bai3 fen1 zhi1 san1 shi2"),
        ("３０％", "bai3 fen1 zhi1 san1 shi2"),
        ("3.5元", "san1 dian3 wu3 yuan2"),
        ("15个工作日", "shi2 wu3 ge4 gong1 zuo4 ri4"),
        ("300元", "san1 bai3 yuan2"),
        ("105 1010 2", "yi1 bai3 ling2 wu3 yi1 qian1 ling2 yi1 shi2 er4"),
        ("你的吗", "ni3 de5 ma5"),
        ("女", "nv3"),
    ],
)
def test_readings(text: str, spoken: str) -> None:
    assert to_pinyin(text) == spoken


def test_a_mixed_sentence_pauses_at_its_punctuation_and_spells_letters() -> None:
    text = "您好！请带上身份证（原件）和户口本，到窗口办理。\n• 扫QR码：✓"
    assert to_pinyin(text) == (
        "nin2 hao3. , qing3 dai4 shang4 shen1 fen4 zheng4 yuan2 jian4 he2 hu4 kou3 ben3,"
        " dao4 chuang1 kou3 ban4 li3. , sao3 qiu1 a1 er4 ma3"
    )


def test_an_id_number_is_read_digit_by_digit_with_its_x_as_a_letter() -> None:
    assert to_pinyin("ID号：11010519491231002X") == (
        "ai4 di4 hao4, yi1 yi1 ling2 yi1 ling2 wu3 yi1 jiu3 si4 jiu3 yi1 er4 san1 yi1 ling2"
        " ling2 er4 ai2 ke4 si1"
    )


def test_only_a_year_before_nian_is_read_digit_by_digit() -> None:
    assert to_pinyin("2026 年") == "er4 ling2 er4 liu4 nian2"
    assert to_pinyin("2026人") == "er4 qian1 ling2 er4 shi2 liu4 ren2"


def test_symbols_and_bullets_are_dropped_and_pauses_do_not_pile_up() -> None:
    assert to_pinyin("• 第一条；\n— 第二条 × # * “引号”") == (
        "di4 yi1 tiao2. , di4 er4 tiao2 yin3 hao4"
    )
    assert to_pinyin("。，！") == ""
    assert to_pinyin("") == ""


def test_every_letter_has_a_name_of_tone_numbered_syllables() -> None:
    assert sorted(LETTERS) == list("abcdefghijklmnopqrstuvwxyz")
    for name in LETTERS.values():
        assert re.fullmatch(r"[a-z]+[1-5]( [a-z]+[1-5])*", name), name
    assert to_pinyin("Ab") == to_pinyin("aB") == "ei1 bi4"


@given(st.text())
def test_any_text_gives_only_what_the_voice_reads(text: str) -> None:
    spoken = to_pinyin(text)
    assert isinstance(spoken, str)
    assert re.fullmatch(r"[a-z0-9 ,.]*", spoken)


@given(st.text(alphabet=st.sampled_from("银行重2026年0.5%QHx-，。 \n•（")))
def test_text_near_the_rules_edges_never_breaks_them(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9 ,.]*", to_pinyin(text))
