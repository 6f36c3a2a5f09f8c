"""Words of the index's own vocabulary that sound alike: 低报 for 低保, 结昏证 for 结婚证."""

from __future__ import annotations

from govtui.search.analysis import Tables, is_han

# Homophones are found for words of two and three characters: a longer mistyped word leaves
# enough right characters for the character pairs to find it.
LENGTHS = (2, 3)
# A reading shared by more words than this says little about which was meant.
MAX_WORDS_PER_READING = 3


class Soundalikes:
    """Maps a reading (toneless syllables) to the index's words with it, made on first use.

    Only a query that needs the character-level fallbacks asks, so a cold search of a name
    never pays for the map.
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._by_reading: dict[str, list[str]] | None = None

    def reading(self, text: str) -> str | None:
        syllables = [self.tables.pinyin.get(character) for character in text]
        if not all(syllables):
            return None
        return "_".join(syllable for syllable in syllables if syllable)

    def like(self, text: str) -> list[str]:
        """The vocabulary's words that read as `text` does, other than `text` itself."""
        if len(text) not in LENGTHS or text in self.tables.vocabulary:
            return []
        key = self.reading(text)
        if key is None:
            return []
        words = self._map().get(key, [])
        if len(words) > MAX_WORDS_PER_READING:
            return []
        return [word for word in words if word != text]

    def _map(self) -> dict[str, list[str]]:
        if self._by_reading is None:
            by_reading: dict[str, list[str]] = {}
            for word in sorted(self.tables.vocabulary):
                if len(word) in LENGTHS and is_han(word):
                    key = self.reading(word)
                    if key is not None:
                        by_reading.setdefault(key, []).append(word)
            self._by_reading = by_reading
        return self._by_reading
