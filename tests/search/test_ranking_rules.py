"""Ranking rules that must hold however big the catalogue, on hand-made candidates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govtui.search.query import AnalyzedQuery, QueryTerm
from govtui.search.ranking import explain, rank

# Pairs a big catalogue spreads over many unrelated services (wording.generic_pairs).
GENERIC = frozenset({"营业", "业执", "执照", "老人", "高龄", "津贴"})
READINGS = dict(
    zip(
        "计划生育家庭高龄津贴发放申领",
        "ji hua sheng yu jia ting gao ling jin tie fa fang shen ling".split(),
        strict=True,
    )
)


def _query(
    text: str,
    *terms: QueryTerm,
    units: Iterable[int] | None = None,
    readings: Mapping[str, str] = READINGS,
) -> AnalyzedQuery:
    """A query of hand-made terms; every character carries meaning unless `units` says which."""
    meaningful = frozenset(range(len(text)) if units is None else units)
    return AnalyzedQuery(text, terms, meaningful, readings=readings)


def _document(document_id: str, kind: str = "guide", **fields: str) -> dict[str, Any]:
    return {"id": document_id, "kind": kind, "title": document_id, **fields}


def test_words_that_make_up_a_name_are_specific_however_common_their_pairs() -> None:
    query = _query("营业执照", QueryTerm("word", "营业执照", 1.0, 0, 4))
    named = explain(query, _document("a", aliases_text="个体户执照\n办营业执照"), generic=GENERIC)
    longer = explain(
        query, _document("b", names_text="个体工商户营业执照变更登记"), generic=GENERIC
    )
    assert named.name_coverage == 1.0
    assert named.named == {"营业执照"}
    assert longer.name_coverage < 0.5 and not longer.named


def test_one_common_pair_is_still_how_people_ask() -> None:
    query = _query("老人", QueryTerm("word", "老人", 1.0, 0, 2))
    evidence = explain(query, _document("a", aliases_text="老人卡"), generic=GENERIC)
    assert evidence.name_coverage < 0.5


def test_a_bundle_explaining_the_same_characters_only_in_common_pairs_stays_below() -> None:
    query = _query(
        "高龄津贴",
        QueryTerm("bigram", "高龄", 1.0, 0, 2),
        QueryTerm("bigram", "津贴", 1.0, 2, 4),
        QueryTerm("synonym", "高龄津贴", 0.8, 0, 4),
    )
    member = _document("member", aliases_text="高龄津贴")
    bundle = _document(
        "bundle",
        "bundle",
        names_text="老年人一件事",
        aliases_text="高龄老人\n生活津贴",
        members="member",
    )
    ranking = rank(query, [(10.0, member), (9.0, bundle)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["member", "bundle"]


def test_a_bundle_explaining_all_a_member_does_still_comes_first() -> None:
    query = _query("退休", QueryTerm("word", "退休", 1.0, 0, 2))
    member = _document("member", names_text="退休申请")
    bundle = _document("bundle", "bundle", names_text="退休一件事", members="member")
    ranking = rank(query, [(10.0, member), (9.0, bundle)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["bundle", "member"]


def test_initials_spelling_a_whole_alias_beat_a_longer_name_sharing_them() -> None:
    query = _query("gljt", QueryTerm("initials", "gljt", 1.0, 0, 4, "gljt"))
    longer = _document("a-longer", names_text="计划生育家庭高龄津贴发放", keys_text="i:gljt")
    whole = _document(
        "b-whole", names_text="高龄津贴申领", aliases_text="高龄津贴", keys_text="i:gljt"
    )
    ranking = rank(query, [(5.0, longer), (5.0, whole)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["b-whole", "a-longer"]
    assert "pinyin: gljt" in ranking.hits[0].matched


def test_pinyin_spelling_a_whole_alias_beats_a_longer_name_sharing_it() -> None:
    pairs = [("gao_ling", 0, 7), ("ling_jin", 3, 10), ("jin_tie", 7, 13)]
    query = _query(
        "gaolingjintie",
        *(QueryTerm("pinyin", text, 1.0, start, end) for text, start, end in pairs),
    )
    keys = " ".join(f"p:{text}" for text, _, _ in pairs)
    longer = _document("a-longer", names_text="计划生育家庭高龄津贴发放", keys_text=keys)
    whole = _document("b-whole", names_text="高龄津贴申领", aliases_text="高龄津贴", keys_text=keys)
    ranking = rank(query, [(5.0, longer), (5.0, whole)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["b-whole", "a-longer"]


def test_typed_pinyin_spelling_a_members_alias_puts_the_member_first() -> None:
    readings = dict(
        zip("交医保出生一件事", "jiao yi bao chu sheng yi jian shi".split(), strict=True)
    )
    typed = [("yi_bao", 0, 5), ("bao_jiao", 2, 8), ("jiao_fei", 5, 12)]
    query = _query(
        "yibaojiaofei",
        *(QueryTerm("pinyin", text, 1.0, start, end) for text, start, end in typed),
        readings=readings,
    )
    keys = "p:yi_bao p:jiao_yi"
    member = _document(
        "member", names_text="城乡居民医保参保", aliases_text="交医保", keys_text=keys
    )
    bundle = _document(
        "bundle",
        "bundle",
        names_text="出生一件事",
        aliases_text="出生落户医保一起办",
        members="member",
        keys_text=keys,
    )
    ranking = rank(query, [(5.0, member), (6.0, bundle)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["member", "bundle"]


def test_a_hit_explaining_one_character_beside_a_full_answer_is_held_back() -> None:
    # 我 and 要 are stop characters: the units are 开个小卖部.
    query = _query(
        "我要开个小卖部",
        QueryTerm("word", "开个", 1.0, 2, 4),
        QueryTerm("word", "小卖部", 1.0, 4, 7),
        QueryTerm("bigram", "要开", 1.0, 1, 3),
        units=range(2, 7),
    )
    answer = _document("answer", aliases_text="开个小卖部")
    noise = _document("noise", situations_text="孩子出生要开证明")
    text_only = _document("text-only", names_text="个体工商户登记", snippet="开小卖部也要登记")
    ranking = rank(query, [(5.0, answer), (12.0, noise), (12.0, text_only)], 10, GENERIC)
    assert [hit.id for hit in ranking.hits] == ["answer", "text-only"]  # by its score alone
    assert [hit.id for hit in ranking.below_floor] == ["noise"]


def test_a_hit_with_nothing_to_say_why_becomes_a_suggestion() -> None:
    # Single characters match words in the text, but explain nothing a clerk could check.
    query = _query(
        "狗咬了",
        QueryTerm("word", "狗", 1.0, 0, 1),
        QueryTerm("word", "咬", 1.0, 1, 2),
        units=range(2),
    )
    unrelated = _document("unrelated", names_text="育儿补贴", snippet="钱打到卡上")
    ranking = rank(query, [(2.0, unrelated)], 10, GENERIC)
    assert ranking.hits == []
    assert [hit.id for hit in ranking.below_floor] == ["unrelated"]
