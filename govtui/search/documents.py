"""What gets indexed: one searchable document per guide, bundle, policy and policy article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.content.models import article_label
from govtui.search.hit import HitKind

if TYPE_CHECKING:
    from govtui.content.models import Bundle, Elsewhere, Guide, Library, Policy


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The texts of one search hit, grouped by the index field they go to."""

    id: str
    kind: HitKind
    title: str
    names: tuple[str, ...]
    """The statutory name (a policy's title, an article's heading)."""
    aliases: tuple[str, ...]
    english: tuple[str, ...]
    body: tuple[str, ...]
    materials: tuple[str, ...]
    department: str
    category: str | None
    policy: str | None
    status: str | None
    sources: tuple[str, ...]
    """The content files (relative to the content root) this document is made from."""
    situations: tuple[str, ...] = ()
    """The circumstances citizens describe for it (guides/_situations.yaml)."""
    members: tuple[str, ...] = ()
    """A bundle's member guides, so ranking can tell a member's name from the life event."""
    title_en: str | None = None
    """The English name, shown instead of `title` in the English UI."""
    english_text: tuple[str, ...] = ()
    """English descriptions (a summary, who may apply), for English asked as a task."""

    @property
    def snippet_text(self) -> str:
        """The text snippets are cut from: the descriptive body, then the materials."""
        return "\n".join((*self.body, *self.materials))


def relative(path: Path, root: Path) -> str:
    """`path` as the content file digests name it, relative to the content root."""
    # The loader's paths start with the root as given: no need to resolve (0.1 ms a file).
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def library_documents(library: Library) -> list[SourceDocument]:
    """Every searchable document of a library, in a stable order."""
    documents: list[SourceDocument] = []
    for guide in sorted(library.guides.values(), key=lambda guide: guide.id):
        documents.append(guide_document(library, guide))
    for bundle in sorted(library.bundles.values(), key=lambda bundle: bundle.id):
        documents.append(bundle_document(library, bundle))
    for policy in sorted(library.policies.values(), key=lambda policy: policy.id):
        documents.extend(policy_documents(library, policy))
    for matter in sorted(library.elsewhere, key=lambda matter: matter.id):
        documents.append(elsewhere_document(library, matter))
    return documents


def elsewhere_document(library: Library, matter: Elsewhere) -> SourceDocument:
    """A matter another office handles: found by what people call it, answered with where."""
    latin = tuple(alias for alias in matter.aliases if alias.isascii())
    return SourceDocument(
        id=matter.id,
        kind="elsewhere",
        title=matter.name,
        names=(matter.name,),
        aliases=tuple(alias for alias in matter.aliases if not alias.isascii()),
        english=(matter.name_en, *latin),
        body=(matter.why, matter.go_to),
        materials=(),
        department=matter.go_to,
        category=None,
        policy=None,
        status=None,
        sources=(relative(matter.where.file, library.root),),
        title_en=matter.name_en,
    )


def situations_of(library: Library, document_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A guide's or bundle's situations, and the registry file they come from (as a source)."""
    for entry in library.situations:
        if entry.guide == document_id:
            return entry.situations, (relative(entry.where.file, library.root),)
    return (), ()


def guide_document(library: Library, guide: Guide) -> SourceDocument:
    time_limits = [text for text in guide.time_limits.words("zh") if text]
    body = (
        guide.summary,
        *(rule.text for rule in guide.eligibility),
        *guide.steps,
        *(text for text in (guide.result, guide.validity, guide.note) if text),
        f"收费：{guide.fee}",
        *(f"办理时限：{text}" for text in time_limits),
        guide.audience,
        guide.service_type,
    )
    materials = tuple(
        text
        for material in guide.materials
        for text in (material.name, material.note, material.commitment)
        if text
    )
    if guide.form is not None:
        materials += (guide.form.name,)
    # The category's name is searchable too (户籍, 婚姻), as body text and in English.
    category = library.categories.get(guide.category)
    category_names = (category.name,) if category else ()
    category_english = (category.name_en,) if category else ()
    # The categories file is a source too: renaming a category re-indexes its guides.
    category_file = (relative(category.where.file, library.root),) if category else ()
    situations, situations_file = situations_of(library, guide.id)
    return SourceDocument(
        id=guide.id,
        kind="guide",
        title=guide.name,
        names=(guide.name,),
        aliases=(*guide.aliases, *guide.shared_aliases),
        english=(guide.name_en, *category_english),
        body=(*(text for text in body if text), *category_names),
        materials=materials,
        department=guide.department,
        category=guide.category,
        policy=None,
        status=None,
        sources=(
            relative(guide.path, library.root),
            *category_file,
            *situations_file,
        ),
        situations=situations,
        title_en=guide.name_en,
        english_text=tuple(
            text
            for text in (guide.summary_en, *(rule.text_en for rule in guide.eligibility))
            if text
        ),
    )


def bundle_document(library: Library, bundle: Bundle) -> SourceDocument:
    members = [library.guides[guide_id] for guide_id in bundle.guides if guide_id in library.guides]
    situations, situations_file = situations_of(library, bundle.id)
    return SourceDocument(
        id=bundle.id,
        kind="bundle",
        title=bundle.name,
        names=(bundle.name,),
        aliases=bundle.aliases,
        english=(bundle.name_en,),
        # A bundle answers for its members: their names are part of what it is about.
        body=(bundle.summary, *(guide.name for guide in members), *(bundle.note or "",)),
        materials=tuple(production.material for production in bundle.produces),
        department=bundle.lead_department,
        category=None,
        policy=None,
        status=None,
        sources=(
            relative(bundle.path, library.root),
            *(relative(guide.path, library.root) for guide in members),
            *situations_file,
        ),
        situations=situations,
        members=tuple(guide.id for guide in members),
        title_en=bundle.name_en,
        english_text=(bundle.summary_en,) if bundle.summary_en else (),
    )


def policy_documents(library: Library, policy: Policy) -> list[SourceDocument]:
    """The policy itself, then each of its articles as a hit of its own."""
    source = (relative(policy.path, library.root),)
    english = (policy.title_en,) if policy.title_en else ()
    documents = [
        SourceDocument(
            id=policy.id,
            kind="policy",
            title=policy.title,
            names=(policy.title,),
            aliases=(),
            english=english,
            body=tuple(
                text
                for text in (policy.doc_number, policy.note, *(a.heading for a in policy.articles))
                if text
            ),
            materials=(),
            department=policy.issuer,
            category=None,
            policy=None,
            status=policy.status,
            sources=source,
            title_en=policy.title_en,
        )
    ]
    for article in policy.articles:
        documents.append(
            SourceDocument(
                id=f"{policy.id}#{article.number}",
                kind="article",
                title=f"{policy.title} {article_label(article.number)} {article.heading}".strip(),
                names=(article.heading,),
                # What a clerk asks for is a rule of a law ("居住证 签注"): the law's title
                # explains as much of the query as the heading does.
                aliases=(policy.title,),
                english=(),
                body=(article.digest, policy.title),
                materials=(),
                department=policy.issuer,
                category=None,
                policy=policy.id,
                status=policy.status,
                sources=source,
                # The article's digest says, in plain words, the situation it rules on.
                situations=(article.digest,),
            )
        )
    return documents
