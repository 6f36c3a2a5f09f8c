"""The one index schema, its version, and the field weights tuned on the dev queries."""

from __future__ import annotations

from typing import Any

# Bump whenever the schema, the analysis or the document texts change meaning: every cached index
# with another version is rebuilt from scratch.
SCHEMA_VERSION = 12

# Word fields take jieba words at index time and maximum-matched words at query time.
WORD_FIELDS = ("name", "aliases", "situations", "body", "materials", "dept")
# Text fields Whoosh scores with BM25F; all are fed pre-analysed, space-separated tokens.
TEXT_FIELDS = (*WORD_FIELDS, "chars", "pinyin", "initials", "english", "english_text")

# How much one matching term counts in each field (the query multiplies these by the term's own
# weight). Tuned on ../shared/eval/queries-dev.yaml with benchmarks/quality.py.
FIELD_BOOSTS: dict[str, float] = {
    "name": 3.0,
    "aliases": 3.0,
    # The circumstances citizens describe: telling, but one step below a name.
    "situations": 2.0,
    "body": 1.0,
    "materials": 0.6,
    "dept": 0.5,
    "chars": 2.0,
    "pinyin": 1.5,
    "initials": 2.0,
    "english": 2.0,
    # English descriptions: as telling as Chinese body text, for English asked as a task.
    "english_text": 1.0,
}

# BM25F length normalisation per field. Names, aliases and the keys made from them are short
# lists, where one more alias should not dilute a match, so they get none (B = 0), which also
# spares a field-length lookup per posting (see scoring.py).
FIELD_B: dict[str, float] = {
    "name": 0.0,
    "aliases": 0.0,
    "situations": 0.0,
    "body": 0.75,
    "materials": 0.5,
    "dept": 0.0,
    "chars": 0.0,
    "pinyin": 0.0,
    "initials": 0.0,
    "english": 0.0,
    "english_text": 0.75,
}
K1 = 1.2


# The stored `keys_text` holds a document's pinyin, initials and English keys, each marked with
# its field, so a match can be explained without reading the index again.
KEY_PREFIXES: dict[str, str] = {
    "pinyin": "p:",
    "initials": "i:",
    "english": "e:",
    "english_text": "t:",
}


def make_schema() -> Any:
    """The Whoosh schema. Text fields split on spaces only: the analysis happens in govtui."""
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

    tokens = SpaceSeparatedTokenizer()
    fields: dict[str, Any] = {
        "id": ID(stored=True, unique=True),
        "kind": ID(stored=True),
        "category": ID(stored=True),
        "department": ID(stored=True),
        "policy": ID(stored=True),
        "status": ID(stored=True),
        # Keys of the content files a document is made from, for incremental updates.
        "sources": KEYWORD(),
        "title": STORED(),
        "title_en": STORED(),
        "names_text": STORED(),
        "aliases_text": STORED(),
        "situations_text": STORED(),
        "members": STORED(),
        "keys_text": STORED(),
        "snippet": STORED(),
        # The snippet text folded, only where folding changes it: folding every hit's text at
        # query time cost 1.5 ms a query at 10k documents.
        "snippet_folded": STORED(),
    }
    for name in TEXT_FIELDS:
        fields[name] = TEXT(analyzer=tokens, phrase=False)
    return Schema(**fields)


def make_weighting() -> Any:
    from govtui.search.scoring import GovtuiBM25F

    return GovtuiBM25F()
