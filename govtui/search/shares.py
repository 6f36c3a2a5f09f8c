"""What each content file and document gives the whole-library tables, kept beside the index.

An update needs three things of the whole library: jieba's user words, the generic character
pairs, and which documents draw on the changed files. Kept per file and per document, they let
an update read only the files its documents are made from: a county's one-guide update read all
1,800 files (0.6 s) and made all 16,700 documents (0.3 s) for them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from govtui.search.documents import SourceDocument, relative
from govtui.search.hit import KINDS
from govtui.search.lexicon import user_words
from govtui.search.wording import GroupMember, generic_pairs, name_pairs

if TYPE_CHECKING:
    from govtui.content.models import Library

SHARES_FILE = "shares.pickle"
# A new layout of what is pickled needs a new line here: an old file then reads as none.
_MAGIC = b"govtui index shares 1\n"


class DocumentShare(NamedTuple):
    """What one indexed document needs remembered: its kind, its files, its group's pairs."""

    kind: str
    sources: tuple[str, ...]
    member: GroupMember | None
    """For guides and bundles, what the generic pairs are worked out from."""


@dataclass(frozen=True)
class Shares:
    """Per content file, its jieba user words; per document, its share."""

    words: Mapping[str, tuple[str, ...]]
    documents: Mapping[str, DocumentShare]

    def affected(self, changed_files: AbstractSet[str]) -> set[str]:
        """The documents made (in part) from any of `changed_files`."""
        return {
            document_id
            for document_id, share in self.documents.items()
            if not changed_files.isdisjoint(share.sources)
        }

    def guide_files(self) -> dict[str, str]:
        """Guide id -> its file (a guide document's first source)."""
        return {
            document_id: share.sources[0]
            for document_id, share in self.documents.items()
            if share.kind == "guide" and share.sources
        }

    def ordered_words(self, names: Iterable[str]) -> list[str]:
        """Every file's user words, files in the order jieba has always been given them."""
        present = [name for name in names if name in self.words]
        present.sort(key=_word_rank)  # stable: the content order within each kind
        return [word for name in present for word in self.words[name]]

    def generic(self) -> frozenset[str]:
        return generic_pairs(
            share.member for share in self.documents.values() if share.member is not None
        )

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for share in self.documents.values():
            counts[share.kind] = counts.get(share.kind, 0) + 1
        return counts

    def updated(
        self,
        files: Mapping[str, tuple[str, ...]],
        removed_files: Iterable[str],
        removed_documents: Iterable[str],
        documents: Mapping[str, DocumentShare],
    ) -> Shares:
        """These shares with `files` and `documents` replacing or adding to what was kept."""
        words = dict(self.words)
        for name in removed_files:
            words.pop(name, None)
        words.update(files)
        kept = dict(self.documents)
        for document_id in removed_documents:
            kept.pop(document_id, None)
        kept.update(documents)
        return Shares(words, kept)


def _word_rank(name: str) -> int:
    """Guides, bundles, policies, synonyms, categories: the order the words were first read in."""
    if name.startswith("policies/"):
        return 2
    if name.startswith("guides/bundles/"):
        return 1
    if name == "guides/_synonyms.yaml":
        return 3
    if name == "guides/_categories.yaml":
        return 4
    return 0


def file_words(library: Library, table: Mapping[int, str]) -> dict[str, tuple[str, ...]]:
    """Each loaded file's jieba user words: names, aliases and material names kept whole."""
    texts: dict[str, list[str]] = {}

    def add(path: Path, items: Iterable[str]) -> None:
        texts.setdefault(relative(path, library.root), []).extend(items)

    for guide in library.guides.values():
        add(guide.path, [guide.name, *guide.aliases, *guide.shared_aliases])
        add(guide.path, [material.name for material in guide.materials])
    for bundle in library.bundles.values():
        add(bundle.path, [bundle.name, *bundle.aliases])
    for policy in library.policies.values():
        add(policy.path, [policy.title, *(article.heading for article in policy.articles)])
    for group in library.synonyms:
        add(group.where.file, [group.official, *group.terms])
    for category in library.categories.values():
        add(category.where.file, [category.name])
    return {name: tuple(user_words(items, table)) for name, items in texts.items()}


def document_shares(
    documents: Iterable[SourceDocument], table: Mapping[int, str]
) -> dict[str, DocumentShare]:
    return {
        document.id: DocumentShare(
            document.kind,
            document.sources,
            GroupMember(
                document.id,
                document.kind,
                document.category,
                document.members,
                name_pairs(document, table),
            )
            if document.kind in ("guide", "bundle")
            else None,
        )
        for document in documents
    }


def save_shares(directory: Path, shares: Shares) -> None:
    """Keep the shares beside the index (a sealed pickle: JSON took 80 ms to read back)."""
    from govtui.content.parsed import write_sealed

    write_sealed(directory / SHARES_FILE, _MAGIC, (dict(shares.words), dict(shares.documents)))


def load_shares(directory: Path) -> Shares | None:
    """The shares kept beside an index; None if there are none or they cannot be read."""
    from govtui.content.parsed import SealDamaged, read_sealed

    try:
        value = read_sealed(directory / SHARES_FILE, _MAGIC)
    except SealDamaged:
        return None
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    words, documents = value
    if not (isinstance(words, dict) and isinstance(documents, dict)):
        return None
    return Shares(words, documents)


def update_files(
    shares: Shares, changed_files: AbstractSet[str], names: Collection[str]
) -> set[str]:
    """The files an update reads: the changed ones, the files their documents are made from,
    and the registries (small, and guide documents draw on them).

    Raises NeedsWholeLibrary when only the whole library will do: a registry or fact file
    changed (its documents are many, and fact types change how guides are read), or a changed
    file's name is another's too (which of the two holds the id is for the whole load to say).
    """
    if not all(_is_document_file(name) for name in changed_files):
        raise NeedsWholeLibrary("a registry changed")
    stems: dict[str, int] = {}
    for name in names:
        if _is_document_file(name):
            stem = _stem(name)
            stems[stem] = stems.get(stem, 0) + 1
    if any(stems.get(_stem(name), 0) > 1 for name in changed_files):
        raise NeedsWholeLibrary("a changed file's name is used twice")
    files = {name for name in names if not _is_document_file(name)}
    files.update(name for name in changed_files if name in names)
    for document_id in shares.affected(changed_files):
        files.update(name for name in shares.documents[document_id].sources if name in names)
    return files


class NeedsWholeLibrary(Exception):
    """An update that cannot be made from a part of the library (the reason is the message)."""


def _is_document_file(name: str) -> bool:
    """A guide, bundle or policy file, as the loader tells them from the registries."""
    parts = name.split("/")
    return parts[0] == "policies" or (len(parts) > 1 and not parts[1].startswith("_"))


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].removesuffix(".yaml")
