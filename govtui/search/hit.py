"""One search result, as the CLI and the TUI both show it."""

from __future__ import annotations

from dataclasses import dataclass

from govtui.content.kinds import HIT_KINDS
from govtui.content.kinds import HitKind as HitKind

KINDS = HIT_KINDS

MARK_OPEN = "【"
MARK_CLOSE = "】"


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result with the reasons it matched."""

    id: str
    """A guide's slug, a bundle's id, a policy's id, or `<policy id>#<article number>`."""
    kind: HitKind
    title: str
    """The name; an article's title is its policy's title, the article number and heading."""
    score: float
    snippet: str
    """A short passage with the matched terms between 【 and 】."""
    snippet_text: str
    """The same passage without markers."""
    snippet_spans: tuple[tuple[int, int], ...]
    """(start, end) offsets of the matched terms in `snippet_text`, for highlighting."""
    matched: tuple[str, ...]
    """Why it matched, most telling first: "alias: 低保", "pinyin: sfz", "synonym: 五保→特困"."""
    policy: str | None = None
    """For an article: the id of its policy."""
    status: str | None = None
    """For a policy or an article: effective, amended or repealed (repealed ones rank lower)."""
    category: str | None = None
    department: str | None = None
    title_en: str | None = None
    """The English name where the content has one (an article has none)."""

    def to_json(self) -> dict[str, object]:
        """The JSON contract of `govtui search --json`.

        The snippet is plain text and `spans` are its matched terms as [start, end) character
        offsets: a program highlights them its own way (the text face writes 【】 around them).
        """
        data: dict[str, object] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet_text,
            "spans": [list(span) for span in self.snippet_spans],
            "matched": list(self.matched),
        }
        if self.title_en is not None:
            data["title_en"] = self.title_en
        if self.policy is not None:
            data["policy"] = self.policy
        if self.status is not None:
            data["status"] = self.status
        return data


def mark(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each span wrapped in 【】."""
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces += [text[position:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
