"""Compare two libraries as they stand on a day, and list each change with when it takes effect.

The content dates its own changes (`effective_from`/`effective_to` on guides and materials,
`effective`/`repealed` on policies), so a change that starts next month is already in the new
release. `compare` first compares old and new as they stand on `as_of`, then walks the new
content through each later date one of those fields names and lists what changes then, as coming.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from govtui.content.describe import describe_condition
from govtui.content.models import Basis, Guide, Library, Material, Policy, article_label


@dataclass(frozen=True, slots=True)
class Change:
    """One change. `aspect` names its words in the catalogue (`change_<aspect>`)."""

    aspect: str
    subject: str = ""
    before: str = ""
    after: str = ""
    effective: datetime.date | None = None
    """The day it takes effect, when that is after the day compared; None: in effect already."""


@dataclass(frozen=True, slots=True)
class DocumentChanges:
    """The changes to one guide or policy, in the order a clerk reads them."""

    kind: str
    id: str
    title: str
    title_en: str
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class ContentChanges:
    """Everything that changed, guides first (in content order), then policies."""

    as_of: datetime.date
    documents: tuple[DocumentChanges, ...] = field(default=())

    def touching(self, document_ids: Iterable[str]) -> list[DocumentChanges]:
        """The documents among `document_ids` that changed, in that order."""
        by_id = {document.id: document for document in self.documents}
        return [by_id[document_id] for document_id in document_ids if document_id in by_id]


def _in_range(start: datetime.date | None, end: datetime.date | None, day: datetime.date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def _citation(basis: Basis, library: Library) -> str:
    policy = library.policies.get(basis.policy)
    title = f"《{policy.title}》" if policy else basis.policy
    return f"{title}{article_label(basis.article)}" if basis.article else title


def _citations(guide: Guide, library: Library) -> list[str]:
    bases = [*guide.basis]
    for rule in guide.eligibility:
        bases.extend(rule.basis)
    for material in guide.materials:
        bases.extend(material.basis)
    bases.extend(guide.cited_elsewhere())
    return list(dict.fromkeys(_citation(basis, library) for basis in bases))


def _materials(guide: Guide, day: datetime.date) -> dict[str, Material]:
    return {
        material.id: material
        for material in guide.materials
        if _in_range(material.effective_from, material.effective_to, day)
    }


def _guides(library: Library, day: datetime.date) -> dict[str, Guide]:
    return {
        guide.id: guide
        for guide in library.guides.values()
        if _in_range(guide.effective_from, guide.effective_to, day)
    }


def _policies(library: Library, day: datetime.date) -> dict[str, Policy]:
    return {
        policy.id: policy
        for policy in library.policies.values()
        if policy.effective is None or policy.effective <= day
    }


def _status(policy: Policy, day: datetime.date) -> str:
    if policy.repealed is not None and policy.repealed <= day:
        return "repealed"
    if policy.status == "repealed" and policy.repealed is None:
        return "repealed"
    return "superseded" if policy.status == "superseded" else "in_force"


def _guide_changes(
    old: Guide,
    new: Guide,
    old_library: Library,
    new_library: Library,
    days: tuple[datetime.date, datetime.date],
) -> list[Change]:
    changes: list[Change] = []
    before, after = _materials(old, days[0]), _materials(new, days[1])
    for material_id, material in after.items():
        if material_id not in before:
            changes.append(Change("material_added", material.name, after=material.state))
    for material_id, material in before.items():
        if material_id not in after:
            changes.append(Change("material_removed", material.name, before=material.state))
    for material_id, was in before.items():
        now = after.get(material_id)
        if now is None:
            continue
        if was.state != now.state:
            changes.append(Change("material_state", now.name, was.state, now.state))
        if was.name != now.name:
            changes.append(Change("material_renamed", now.name, was.name, now.name))
        if (was.form, was.copies) != (now.form, now.copies):
            changes.append(
                Change(
                    "material_form",
                    now.name,
                    f"{was.form}×{was.copies}",
                    f"{now.form}×{now.copies}",
                )
            )
        was_when = describe_condition(was.when, old_library.facts, "zh") if was.when else ""
        now_when = describe_condition(now.when, new_library.facts, "zh") if now.when else ""
        if was_when != now_when:
            changes.append(Change("material_when", now.name, was_when, now_when))
    if old.fee != new.fee:
        changes.append(Change("fee", before=old.fee, after=new.fee))
    for name, was_limit, now_limit in (
        ("legal", old.time_limits.legal, new.time_limits.legal),
        ("promised", old.time_limits.promised, new.time_limits.promised),
    ):
        was_words = was_limit.words() if was_limit else ""
        now_words = now_limit.words() if now_limit else ""
        if was_words != now_words:
            changes.append(Change(f"time_limit_{name}", before=was_words, after=now_words))
    if old.visits != new.visits:
        changes.append(Change("visits", before=str(old.visits), after=str(new.visits)))
    was_rules = {rule.id: rule for rule in old.eligibility}
    now_rules = {rule.id: rule for rule in new.eligibility}
    for rule_id, rule in now_rules.items():
        was_rule = was_rules.get(rule_id)
        if was_rule is None:
            changes.append(Change("rule_added", after=rule.text))
        elif (was_rule.text, was_rule.when.source) != (rule.text, rule.when.source):
            changes.append(Change("rule_changed", before=was_rule.text, after=rule.text))
    for rule_id, rule in was_rules.items():
        if rule_id not in now_rules:
            changes.append(Change("rule_removed", before=rule.text))
    was_cited, now_cited = _citations(old, old_library), _citations(new, new_library)
    changes.extend(
        Change("basis_added", after=cited) for cited in now_cited if cited not in was_cited
    )
    changes.extend(
        Change("basis_removed", before=cited) for cited in was_cited if cited not in now_cited
    )
    return changes


def _policy_changes(
    old: Policy, new: Policy, days: tuple[datetime.date, datetime.date]
) -> list[Change]:
    changes: list[Change] = []
    was_status, now_status = _status(old, days[0]), _status(new, days[1])
    if was_status != now_status and now_status == "repealed":
        day = new.repealed.isoformat() if new.repealed else ""
        changes.append(Change("policy_repealed", after=day))
    elif was_status != now_status and now_status == "superseded":
        changes.append(Change("policy_superseded", after=new.superseded_by or ""))
    elif was_status != now_status:
        changes.append(Change("policy_back_in_force"))
    if new.amended is not None and old.amended != new.amended:
        was = old.amended.isoformat() if old.amended else ""
        changes.append(Change("policy_revised", before=was, after=new.amended.isoformat()))
    was_articles = {article.number: article for article in old.articles}
    now_articles = {article.number: article for article in new.articles}
    for number, article in now_articles.items():
        was_article = was_articles.get(number)
        label = article_label(number)
        if was_article is None:
            changes.append(Change("article_added", label, after=article.heading))
        elif (was_article.heading, was_article.digest) != (article.heading, article.digest):
            changes.append(Change("article_changed", label, was_article.digest, article.digest))
    for number, article in was_articles.items():
        if number not in now_articles:
            changes.append(Change("article_removed", article_label(number), before=article.heading))
    return changes


def _compare_on(
    old: Library,
    new: Library,
    days: tuple[datetime.date, datetime.date],
    effective: datetime.date | None,
) -> dict[tuple[str, str], tuple[DocumentChanges, list[Change]]]:
    """Changes between `old` on days[0] and `new` on days[1], keyed by (kind, id)."""
    found: dict[tuple[str, str], tuple[DocumentChanges, list[Change]]] = {}

    def add(kind: str, id_: str, title: str, title_en: str, changes: list[Change]) -> None:
        if changes:
            dated = [Change(c.aspect, c.subject, c.before, c.after, effective) for c in changes]
            found[(kind, id_)] = (DocumentChanges(kind, id_, title, title_en, ()), dated)

    old_guides, new_guides = _guides(old, days[0]), _guides(new, days[1])
    for guide_id in [*new_guides, *(g for g in old_guides if g not in new_guides)]:
        was, now = old_guides.get(guide_id), new_guides.get(guide_id)
        shown = now or was
        assert shown is not None
        if was is None:
            changes = [Change("guide_added")]
        elif now is None:
            changes = [Change("guide_removed")]
        else:
            changes = _guide_changes(was, now, old, new, days)
        add("guide", guide_id, shown.name, shown.name_en, changes)
    old_policies, new_policies = _policies(old, days[0]), _policies(new, days[1])
    for policy_id in [*new_policies, *(p for p in old_policies if p not in new_policies)]:
        was_policy, now_policy = old_policies.get(policy_id), new_policies.get(policy_id)
        shown_policy = now_policy or was_policy
        assert shown_policy is not None
        if was_policy is None:
            changes = [Change("policy_added", after=shown_policy.doc_number)]
        elif now_policy is None:
            changes = [Change("policy_removed")]
        else:
            changes = _policy_changes(was_policy, now_policy, days)
        title_en = shown_policy.title_en or shown_policy.title
        add("policy", policy_id, shown_policy.title, title_en, changes)
    return found


def _dates_after(library: Library, day: datetime.date) -> list[datetime.date]:
    """Every later day on which something in the content starts or stops."""
    dates: set[datetime.date | None] = set()
    for guide in library.guides.values():
        dates.update((guide.effective_from, _next(guide.effective_to)))
        for material in guide.materials:
            dates.update((material.effective_from, _next(material.effective_to)))
    for policy in library.policies.values():
        dates.update((policy.effective, policy.repealed))
    return sorted(date for date in dates if date is not None and date > day)


def _next(day: datetime.date | None) -> datetime.date | None:
    return day + datetime.timedelta(days=1) if day is not None else None


def compare(old: Library, new: Library, as_of: datetime.date) -> ContentChanges:
    """What changed from `old` to `new` on `as_of`, then what the new content changes later."""
    merged = _compare_on(old, new, (as_of, as_of), None)
    previous = as_of
    for day in _dates_after(new, as_of):
        for key, (document, changes) in _compare_on(new, new, (previous, day), day).items():
            if key in merged:
                merged[key][1].extend(changes)
            else:
                merged[key] = (document, changes)
        previous = day
    ordered = sorted(merged.items(), key=lambda item: 0 if item[0][0] == "guide" else 1)
    documents = tuple(
        DocumentChanges(
            document.kind, document.id, document.title, document.title_en, tuple(changes)
        )
        for _, (document, changes) in ordered
    )
    return ContentChanges(as_of, documents)
