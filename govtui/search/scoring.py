"""BM25F as govtui scores it: short fields skip the per-document field-length lookup."""

from __future__ import annotations

from typing import Any

from whoosh.scoring import BM25F, BaseScorer

from govtui.search.schema import FIELD_B, K1


class _LengthFreeScorer(BaseScorer):  # type: ignore[misc]  # whoosh is untyped
    """BM25 with B = 0: the score depends on the term frequency only.

    Reading a document's field length costs a file seek per posting, which in a big index is
    most of a query's time; names, aliases and pinyin keys are short lists where length
    normalisation has nothing to correct.
    """

    def __init__(self, idf: float, qf: float) -> None:
        self.idf = idf
        self.qf = qf

    def score(self, matcher: Any) -> float:
        frequency = float(matcher.weight())
        return self.idf * frequency * (K1 + 1) / (frequency + K1) * self.qf


class GovtuiBM25F(BM25F):  # type: ignore[misc]
    """BM25F with govtui's field B values; fields with B = 0 get the length-free scorer."""

    def __init__(self) -> None:
        super().__init__(K1=K1, B=0.75, **{f"{name}_B": value for name, value in FIELD_B.items()})

    def supports_block_quality(self) -> bool:
        return False

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: float = 1) -> Any:
        if FIELD_B.get(fieldname, 0.75) == 0:
            return _LengthFreeScorer(searcher.get_parent().idf(fieldname, text), qf)
        return super().scorer(searcher, fieldname, text, qf=qf)
