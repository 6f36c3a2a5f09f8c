"""A legal basis as a clerk reads it out: 《title》 第N条, or a notice's own point, 二（一）."""

from __future__ import annotations

from govtui.content.models import Basis, Library, article_label


def basis_text(library: Library, basis: Basis) -> str:
    """《title》 第N条 for an article; a notice's own numbering (二（一）) as it is written."""
    policy = library.policies.get(basis.policy)
    title = f"《{policy.title}》" if policy else basis.policy
    if not basis.article:
        return title
    return f"{title} {article_label(basis.article)}"
