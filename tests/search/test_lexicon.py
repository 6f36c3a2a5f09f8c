"""Index-time segmentation: the reduced jieba dictionary cuts exactly as the whole one does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govtui.search.lexicon import WordSegmenter, user_words, write_dictionary

TEXTS = [
    "家里每人每月的收入比本县低保标准还低、家庭财产也符合规定的本县户籍家庭，可以申请低保。",
    "孩子出生后一个月内，由父母等家人带出生医学证明和户口簿，到落户地派出所给孩子上户口。",
    "身份证丢了或被偷了，要申请补领，可以同时办理挂失，补领每证40元。",
    "缴存职工去世或被宣告死亡后，账户里的住房公积金由他的继承人或者遗嘱指定的受遗赠人提取。",
    "申请办理居住证需要提交哪些材料？请登录12345 App查询社会保险。",
]
USER_WORDS = ["最低生活保障审核确认", "吃低保", "居民户口簿", "临时居民身份证"]


def test_reduced_dictionary_cuts_like_the_whole_dictionary(tmp_path: Path) -> None:
    import jieba

    whole = jieba.Tokenizer()
    whole.tmp_dir = str(tmp_path)
    cache = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    write_dictionary([*TEXTS, *USER_WORDS], tmp_path / "reduced.txt", cache)
    reduced = jieba.Tokenizer(str(tmp_path / "reduced.txt"))
    reduced.cache_file = str(tmp_path / "reduced.cache")
    for word in USER_WORDS:
        whole.add_word(word)
        reduced.add_word(word)
    assert reduced.total == whole.total
    for text in TEXTS:
        assert list(reduced.cut_for_search(text)) == list(whole.cut_for_search(text))
        assert list(reduced.cut(text)) == list(whole.cut(text))


def test_reduced_dictionary_is_small(tmp_path: Path) -> None:
    cache = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    write_dictionary(TEXTS, tmp_path / "reduced.txt", cache)
    lines = (tmp_path / "reduced.txt").read_text(encoding="utf-8").splitlines()
    assert 100 < len(lines) < 5000  # of about 350,000


def test_user_words_keep_names_whole(tmp_path: Path) -> None:
    cache = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    words = user_words(["最低生活保障审核确认", "DB", "吃低保"], {})
    write_dictionary(["我想吃低保", *words], tmp_path / "reduced.txt", cache)
    segmenter = WordSegmenter(tmp_path / "reduced.txt", words)
    assert "吃低保" in segmenter.words("我想吃低保")
    assert "最低生活保障审核确认" in segmenter.words("最低生活保障审核确认")


def test_the_table_and_the_dictionary_file_give_the_same_entries(tmp_path: Path) -> None:
    cache = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    write_dictionary(TEXTS, tmp_path / "from-table.txt", cache)
    empty = tmp_path / "no-table"
    write_dictionary(TEXTS, tmp_path / "from-file.txt", empty, make_table=False)
    assert not empty.exists()
    from_table = (tmp_path / "from-table.txt").read_text(encoding="utf-8")
    assert (tmp_path / "from-file.txt").read_text(encoding="utf-8") == from_table


def test_known_frequencies_cut_as_worked_out_ones_without_cutting_the_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jieba

    cache = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    write_dictionary([*TEXTS, *USER_WORDS], tmp_path / "reduced.txt", cache)
    worked_out = WordSegmenter(tmp_path / "reduced.txt", USER_WORDS)
    assert set(worked_out.frequencies) == set(USER_WORDS)
    suggested: list[str] = []
    suggest = jieba.Tokenizer.suggest_freq

    def counting(self: jieba.Tokenizer, segment: str, tune: bool = False) -> int:
        suggested.append(segment)
        return int(suggest(self, segment, tune))

    monkeypatch.setattr(jieba.Tokenizer, "suggest_freq", counting)
    known = WordSegmenter(tmp_path / "reduced.txt", USER_WORDS, worked_out.frequencies)
    assert suggested == []
    assert known.frequencies == worked_out.frequencies
    for text in TEXTS:
        assert known.words(text) == worked_out.words(text)
