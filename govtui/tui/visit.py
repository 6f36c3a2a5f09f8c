"""A visit's services together: which carried-over answers matter, and one combined notice."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govtui.content.models import Bundle, Guide, Library, Location
from govtui.interview import Target, member_guides
from govtui.tui.session import Visit

COMBINED_ID = "this-visit"


def facts_read_by(library: Library, target: Target, facts: Iterable[str]) -> list[str]:
    """The carried-over facts this service's conditions read: the ones it will not ask again."""
    read: set[str] = set()
    for guide in member_guides(library, target):
        for rule in guide.eligibility:
            read.update(rule.when.facts())
        for material in guide.materials:
            if material.when is not None:
                read.update(material.when.facts())
    if isinstance(target, Bundle):
        for condition in target.member_conditions.values():
            read.update(condition.facts())
    return [fact for fact in facts if fact in read and fact in library.facts]


def combined_target(library: Library, visit: Visit) -> Bundle | None:
    """The visit's stand-alone services as one ad-hoc bundle, so its notice merges materials.

    None when fewer than two services were started: there is nothing to combine.
    """
    guides: list[Guide] = [
        session.target
        for session in visit.sessions.values()
        if isinstance(session.target, Guide) and session.target.id in library.guides
    ]
    if len(guides) < 2:
        return None
    first = guides[0]
    names = "、".join(guide.name for guide in guides)
    return Bundle(
        id=COMBINED_ID,
        name=f"本次来访：{names}",
        name_en="This visit: " + ", ".join(guide.name_en for guide in guides),
        aliases=(),
        lead_department=first.department,
        office=first.office,
        summary=names,
        summary_en=None,
        guides=tuple(guide.id for guide in guides),
        member_conditions={},
        produces=(),
        form=None,
        implies=(),
        labels=(),
        version=max(guide.version for guide in guides),
        reviewed=min(guide.reviewed for guide in guides),
        note=None,
        editor_note=None,
        examples=(),
        path=Path(COMBINED_ID),
        where=Location(Path(COMBINED_ID), 1, 1),
    )
