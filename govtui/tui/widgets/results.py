"""Options for the search screen's list: hits with marked snippets, headings and suggestions."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from govtui.content.models import Library
from govtui.i18n import Language, text
from govtui.render.titles import document_title as document_title
from govtui.render.titles import heading_title as heading_title
from govtui.render.titles import hit_title, match_reason
from govtui.tui.index import SearchHit

INDENT = "    "


def spaced(options: list[Option], elder: bool) -> list[Option | None]:
    """In elder mode a rule between options, so each stands apart (适老化: room between lines).

    A rule is not an option: the options keep their indices, so digits and highlights hold.
    """
    if not elder:
        return list(options)
    ruled: list[Option | None] = []
    for option in options:
        if ruled:
            ruled.append(None)
        ruled.append(option)
    return ruled


def marked_snippet(hit: SearchHit, width: int) -> Content:
    """One line of the snippet, matched terms in reverse video, cut to `width` columns."""
    # Replacing newlines keeps every offset, so the spans still point at the matched terms.
    snippet = Content(hit.snippet_text.replace("\n", " "))
    for start, end in hit.snippet_spans:
        snippet = snippet.stylize("bold reverse", start, end)
    return snippet.truncate(width, ellipsis=True)


def option_id(kind: str, document_id: str, article: str | None = None) -> str:
    """What choosing an option does, as `kind:id[:article]`."""
    return f"{kind}:{document_id}" + (f":{article}" if article else "")


def parse_option_id(value: str) -> tuple[str, str, str | None]:
    kind, _, rest = value.partition(":")
    document_id, _, article = rest.partition(":")
    return kind, document_id, article or None


def heading(label: str) -> Option:
    """A line that groups the options below it; it cannot be chosen."""
    return Option(Content.from_markup("[b]$label[/b]", label=label), disabled=True)


def note(label: str) -> Option:
    return Option(Content(label), disabled=True)


def _kind_tag(kind: str, language: Language) -> Content:
    return Content.from_markup("[reverse] $kind [/reverse]", kind=text(kind, language))


def hit_option(hit: SearchHit, library: Library | None, language: Language, width: int) -> Option:
    """Three lines: kind and title with where it belongs, the marked snippet, why it matched."""
    title = hit_title(hit, language)
    where = _where(hit, library, language)
    first = Content.assemble(
        _kind_tag(hit.kind, language), " ", (title, "bold"), ("  " + " · ".join(where), "dim")
    )
    lines = [first.truncate(width, ellipsis=True)]
    room = max(width - len(INDENT), 10)
    if hit.snippet_text:
        lines.append(Content(INDENT).append(marked_snippet(hit, room)))
    if hit.matched:
        reasons = text("list_separator", language).join(
            match_reason(reason, language) for reason in hit.matched
        )
        because = Content(text("matched_because", language, reasons=reasons))
        lines.append(Content(INDENT).append(because.truncate(room, ellipsis=True)).stylize("dim"))
    article = _article_number(hit) if hit.kind == "article" else None
    document = hit.policy if hit.kind == "article" and hit.policy else hit.id
    kind = "policy" if hit.kind == "article" else hit.kind
    # A blank line after each result gives the eye a rest (options cannot have vertical padding).
    lines.append(Content(""))
    return Option(Content("\n").join(lines), id=option_id(kind, document, article))


def _where(hit: SearchHit, library: Library | None, language: Language) -> list[str]:
    """A guide's category and department, an article's policy, a policy no longer in force.

    They come from the library: just after launch, before it is read, a hit goes without.
    """
    where: list[str] = []
    if library is None:
        return where
    if hit.kind == "guide":
        guide = library.guides.get(hit.id)
        category = library.categories.get(guide.category) if guide else None
        if category:
            where.append(category.name_en if language == "en" else category.name)
        if guide:
            where.append(guide.department)
    elif hit.policy or hit.kind == "policy":
        policy = library.policies.get(hit.policy or hit.id)
        if policy and hit.kind == "article":
            where.append(f"《{policy.title}》")
        if policy and policy.status != "effective":
            where.append(text(f"status_{policy.status}", language))
    return where


def _article_number(hit: SearchHit) -> str | None:
    """An article hit's number: its id is `<policy>#<number>`."""
    _, separator, number = hit.id.rpartition("#")
    return number if separator else None


def document_option(
    kind: str, document_id: str, title: str, detail: str, language: Language, width: int
) -> Option:
    """A browse line for a guide, bundle or policy: the kind, the title and one line of detail."""
    lines = [Content.assemble(_kind_tag(kind, language), " ", (title, "bold"))]
    if detail:
        one_line = Content(detail.replace("\n", " ")).truncate(
            max(width - len(INDENT), 10), ellipsis=True
        )
        lines.append(Content(INDENT).append(one_line).stylize("dim"))
    lines.append(Content(""))
    return Option(Content("\n").join(lines), id=option_id(kind, document_id))
