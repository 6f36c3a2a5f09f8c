"""Issue 14: situations, bundle against member, sound-alike words, the floor, policy lookups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from govtui.search import SearchIndex
from govtui.search.analysis import Tables
from govtui.search.proposals import proposals_yaml, propose, read_queries
from govtui.search.soundalike import Soundalikes

REPOSITORY = Path(__file__).resolve().parent.parent.parent
DEV_QUERIES = REPOSITORY.parent / "shared" / "eval" / "queries-dev.yaml"
QUERY_SETS = [
    REPOSITORY / "benchmarks" / name
    for name in ("queries-holdout.yaml", "queries-fresh.yaml", "queries-policy.yaml")
]

# The clerk trial's life-event phrasings (issue 16, M1), which the content must not hold
# verbatim: general situations and synonyms find them.
LIFE_EVENTS = [
    ("老伴没了", "after-death"),
    ("老人不在了", "after-death"),
    ("我老伴上个月走了", "after-death"),
    ("办丧事", "after-death"),
    ("退休", "retirement"),
    ("生娃", "newborn"),
]


@pytest.mark.parametrize(("query", "first"), LIFE_EVENTS)
def test_life_events_in_everyday_words(sample_index: SearchIndex, query: str, first: str) -> None:
    hits = sample_index.search(query)
    assert hits and hits[0].id == first, [hit.id for hit in hits[:3]]


def test_the_clerk_trial_phrasings_are_not_in_the_content_verbatim() -> None:
    situations = (REPOSITORY / "guides" / "_situations.yaml").read_text(encoding="utf-8")
    entries = [
        text for entry in yaml.safe_load(situations)["situations"] for text in entry["situations"]
    ]
    for query in ("老伴没了", "我爸没了", "人没了", "老人不在了", "我老伴上个月走了", "办丧事"):
        assert query not in entries
    for query in ("退休", "户口本丢了", "生娃"):
        assert query not in entries


@pytest.mark.parametrize(
    ("query", "first", "reason"),
    [
        ("残疾证", "disability-certificate", "alias: 残疾证"),
        ("小孩的医保", "resident-medical-insurance-enrollment", "alias: 小孩医保"),
        ("营业执照", "individual-business-registration", "alias: 办营业执照"),
    ],
)
def test_a_member_named_comes_before_its_bundle(
    sample_index: SearchIndex, query: str, first: str, reason: str
) -> None:
    hits = sample_index.search(query)
    assert hits[0].id == first, [hit.id for hit in hits[:3]]
    assert any(matched.startswith(reason) for matched in hits[0].matched), hits[0].matched


def test_the_life_event_described_puts_the_bundle_first(sample_index: SearchIndex) -> None:
    ids = [hit.id for hit in sample_index.search("孩子出生后要办什么")]
    assert ids[0] == "newborn", ids[:3]


def test_a_situation_finds_the_service_and_says_so(sample_index: SearchIndex) -> None:
    hits = sample_index.search("家里遭了洪水")
    assert hits[0].id == "temporary-assistance"
    assert any(reason.startswith("situation: ") for reason in hits[0].matched)


@pytest.mark.parametrize(
    ("query", "first", "reason"),
    [
        ("低报", "dibao-application", "sounds like: 低报→低保"),
        ("结昏登记", "marriage-registration", "sounds like: 结昏→结婚"),
    ],
)
def test_sound_alike_words_of_the_index(
    sample_index: SearchIndex, query: str, first: str, reason: str
) -> None:
    hits = sample_index.search(query)
    assert hits[0].id == first, [hit.id for hit in hits[:3]]
    assert reason in hits[0].matched


def test_sound_alike_words_rank_below_the_exact_word(sample_index: SearchIndex) -> None:
    exact = sample_index.search("低保")[0]
    sounding = sample_index.search("低报")[0]
    assert exact.id == sounding.id
    assert sounding.score < exact.score


def test_soundalikes_come_from_the_vocabulary_only() -> None:
    tables = Tables(
        fold={},
        pinyin={"低": "di", "保": "bao", "报": "bao", "宝": "bao"},
        vocabulary=frozenset({"低保"}),
        synonyms=(),
    )
    soundalikes = Soundalikes(tables)
    assert soundalikes.like("低报") == ["低保"]
    assert soundalikes.like("低宝") == ["低保"]
    assert soundalikes.like("低保") == []  # a known word is not a typo
    assert soundalikes.like("报") == []


def test_the_floor_shows_nothing_rather_than_unrelated_services(
    sample_index: SearchIndex,
) -> None:
    hits, suggestions = sample_index.search_with_suggestions("房顶漏雨")
    assert hits == []
    shop = [hit.id for hit in sample_index.search("开个小超市要办什么")[:3]]
    assert shop[0] == "individual-business-registration"
    assert "after-death" not in shop and "newborn" not in shop
    assert isinstance(suggestions, list)


def test_a_rule_question_puts_the_article_first(sample_index: SearchIndex) -> None:
    ids = [hit.id for hit in sample_index.search("低保 审核 时限 规定")[:5]]
    assert "dibao-review-measures#22" in ids


def test_proposals_group_zero_result_searches_and_never_write(
    sample_index: SearchIndex, tmp_path: Path
) -> None:
    lines = [
        "家里房子被水淹了怎么办",
        json.dumps({"query": "家里房子被水淹了怎么办", "at": "2026-12-01"}),
        json.dumps({"query": 3}),
        "not json {",
        "",
        "qqxxzz",
    ]
    queries = read_queries(lines)
    assert queries == ["家里房子被水淹了怎么办", "not json {", "qqxxzz"]
    before = (REPOSITORY / "guides" / "_situations.yaml").read_bytes()
    proposals, unplaced = propose(sample_index, queries)
    assert "qqxxzz" in unplaced
    assert any(
        proposal.guide == "temporary-assistance" and "家里房子被水淹了怎么办" in proposal.queries
        for proposal in proposals
    )
    text = proposals_yaml(proposals)
    assert yaml.safe_load("situations:\n" + text)["situations"]
    assert (REPOSITORY / "guides" / "_situations.yaml").read_bytes() == before


def _search_package_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in (REPOSITORY / "govtui" / "search").rglob("*.py")
    )


def test_no_query_is_special_cased_in_the_search_package() -> None:
    source = _search_package_text()
    queries = [
        str(query["query"])
        for path in (DEV_QUERIES, *QUERY_SETS)
        if path.exists()
        for query in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    ]
    assert len(queries) > 200
    # Short queries are words any code may hold (低保 is a comment's example); a sentence is not.
    found = [query for query in queries if len(query) >= 5 and query in source]
    assert found == []
