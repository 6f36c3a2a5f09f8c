"""Ranking regression: a handful of real questions on the sample content, and hit contents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govtui.search import Hit, SearchIndex, open_index

# (query, an id that must come first, a reason that must be given for it)
FIRST = [
    ("低保", "dibao-application", "alias: 低保"),
    ("sfz丢了", "id-card-replacement-lost", "alias: sfz丢了"),
    ("我妈去世了要办什么", "after-death", "alias: 家人去世了要办什么"),
    ("暂住证", "residence-permit", "synonym: 暂住证→居住证"),
    ("身份証换领", "id-card-renewal", "name: 身份证"),
    ("居往证", "residence-permit", "similar: 居住证申领"),
    ("gljt", "elderly-longevity-allowance", "pinyin: gljt"),
    ("gao ling jin tie", "elderly-longevity-allowance", "pinyin: gao ling jin tie"),
    ("ID card expired", "id-card-renewal", "english: expired"),
    # English asked as a task: everyday words widen to the content's Chinese ones, and the
    # English summaries are searched beside the English names.
    ("my father died what do I need to do", "after-death", "synonym: died→去世"),
    ("we want to get married", "marriage-registration", "synonym: married→结婚"),
    # A word-level sound-alike names the service as the word it stands for would.
    ("社宝卡", "social-security-card", "sounds like: 社宝卡→社保卡"),
    ("医宝怎么交", "resident-medical-insurance-enrollment", "sounds like: 医宝→医保"),
    # So does typed pinyin that spells most of a member's name or alias.
    ("shebaokaguashi", "social-security-card", "pinyin: shebaoka"),
    ("yibaojiaofei", "resident-medical-insurance-enrollment", "pinyin: yibao"),
    ("家里就我一个劳动力老婆生病能吃低保不", "dibao-application", "alias: 吃低保"),
]


@pytest.mark.parametrize(("query", "first", "reason"), FIRST)
def test_the_right_hit_comes_first(
    sample_index: SearchIndex, query: str, first: str, reason: str
) -> None:
    hits = sample_index.search(query)
    assert hits, query
    assert hits[0].id == first, [hit.id for hit in hits[:3]]
    assert reason in hits[0].matched


def test_blank_queries_find_nothing(sample_index: SearchIndex) -> None:
    for query in ("", "   ", "\n\t", "？！。", "的了吗"):
        assert sample_index.search(query) == []


def test_articles_are_hits_of_their_own(sample_index: SearchIndex) -> None:
    hits = sample_index.search("身份证 换领 补领", kind="article")
    assert hits and all(hit.kind == "article" for hit in hits)
    article = hits[0]
    assert article.policy is not None and article.id.startswith(f"{article.policy}#")
    assert article.status in ("effective", "amended", "repealed")
    assert article.to_json()["policy"] == article.policy


def test_filters(sample_index: SearchIndex) -> None:
    assert {hit.kind for hit in sample_index.search("身份证", kind="guide")} == {"guide"}
    assert {hit.category for hit in sample_index.search("证明", category="death")} == {"death"}
    assert sample_index.search("身份证", kind="no-such-kind") == []
    assert sample_index.search("身份证", category="no-such-category") == []


def test_snippets_mark_what_matched(sample_index: SearchIndex) -> None:
    hit = sample_index.search("低保金")[0]
    assert "【" in hit.snippet and "】" in hit.snippet
    for start, end in hit.snippet_spans:
        assert f"【{hit.snippet_text[start:end]}】" in hit.snippet


def test_snippets_mark_traditional_and_full_width_text_where_it_stands(
    content: Path,
) -> None:
    """Matching runs on folded text; the marks must land on the words as the content wrote them."""
    guide = content / "guides/assistance/dibao-application.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(
        text.replace("可以申请按月领取低保金", "可以申請按月領取低保金（ＡＢ类）"), encoding="utf-8"
    )
    with open_index(content) as index:
        hit = next(hit for hit in index.search("领取低保金") if hit.id == "dibao-application")
    marked = {hit.snippet_text[start:end] for start, end in hit.snippet_spans}
    assert "領取" in hit.snippet_text and "ＡＢ" in hit.snippet_text
    assert any("領取" in word for word in marked)
    assert all(word in hit.snippet_text for word in marked)


def test_json_contract(sample_index: SearchIndex) -> None:
    hits = sample_index.search("低保", limit=50)
    for hit in hits:
        data = hit.to_json()
        assert {"id", "kind", "title", "score", "snippet", "matched"} <= data.keys()
        assert data["kind"] in ("guide", "bundle", "policy", "article")
        assert ("policy" in data) == (hit.kind == "article")
        json.dumps(data, ensure_ascii=False)


def test_limit(sample_index: SearchIndex) -> None:
    assert len(sample_index.search("证明", limit=3)) == 3
    assert sample_index.search("证明", limit=0) == []


def test_repealed_policies_rank_below_and_are_labelled(small_index: SearchIndex) -> None:
    hits = small_index.search("换领补领", kind="article")
    policies = [hit.policy for hit in hits]
    # Every article in force comes before the repealed one on the same subject.
    assert policies[-1] == "old-id-card-rules" and set(policies[:-1]) == {"id-card-law"}
    repealed = hits[-1]
    assert repealed.status == "repealed" and "已废止" in repealed.title


def test_bundles_and_guides_share_one_ranking(small_index: SearchIndex) -> None:
    hits = small_index.search("身份证的事一次办")
    assert hits[0].id == "id-card-matters" and hits[0].kind == "bundle"


def test_hits_are_frozen(small_index: SearchIndex) -> None:
    hit = small_index.search("低保")[0]
    assert isinstance(hit, Hit)
    with pytest.raises(AttributeError):
        hit.score = 0  # type: ignore[misc]


def test_english_descriptions_are_searched_and_said(sample_index: SearchIndex) -> None:
    hits = sample_index.search("I lost my job")
    assert hits[0].id in {"unemployment-registration", "unemployment-insurance-benefit"}
    assert "english text: job" in hits[0].matched


def test_an_english_synonym_is_found_only_as_a_whole_word(sample_index: SearchIndex) -> None:
    for hit in sample_index.search("deadline for the pension form", limit=20):
        assert "synonym: dead→去世" not in hit.matched
    assert any("synonym: dead→去世" in hit.matched for hit in sample_index.search("my dad is dead"))


def test_english_small_words_among_others_are_not_initials(sample_index: SearchIndex) -> None:
    hits = sample_index.search("my elderly mother needs care")
    assert hits and "synonym: elderly→老年人" in hits[0].matched
    assert not any("pinyin: my" in hit.matched for hit in hits)
    # Alone, two letters may still be initials.
    assert any("pinyin: my" in hit.matched for hit in sample_index.search("my"))
