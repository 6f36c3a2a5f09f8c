"""Whatever is typed or pasted, search answers with a list of hits and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtui.search import Hit, SearchIndex

NASTY = [
    'title:低保 AND (sfz OR "居住证"',
    "*?~^2 -NOT +OR {[]}",
    "\x00\x01\x1b[31m\u202e\ufeff",
    "🙂👨‍👩‍👧 身份证🙂",
    "身份证" * 2000,
    "a" * 5000,
    "ｓｆｚ　丢了",
    "\\" * 100,
    "   \n\r\t  ",
    "𠀀𠀁𪚥",
]

# Mostly CJK and ASCII, with everything else mixed in, as pasted text is.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(),
    ),
    max_size=300,
)


def _check(index: SearchIndex, text: str) -> None:
    hits = index.search(text)
    assert isinstance(hits, list)
    assert all(isinstance(hit, Hit) for hit in hits)
    for hit in hits:
        hit.to_json()
        for start, end in hit.snippet_spans:
            assert 0 <= start < end <= len(hit.snippet_text)


def test_nasty_inputs(small_index: SearchIndex) -> None:
    for text in NASTY:
        _check(small_index, text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_arbitrary_text_never_raises(small_index: SearchIndex, text: str) -> None:
    _check(small_index, text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=TEXT,
    kind=st.one_of(st.none(), st.sampled_from(["guide", "bundle", "policy", "article"]), st.text()),
    category=st.one_of(st.none(), st.text(max_size=10)),
    limit=st.integers(min_value=-5, max_value=5000),
)
def test_arbitrary_filters_never_raise(
    small_index: SearchIndex, text: str, kind: str | None, category: str | None, limit: int
) -> None:
    hits = small_index.search(text, kind=kind, category=category, department=category, limit=limit)
    assert len(hits) <= max(0, limit)
