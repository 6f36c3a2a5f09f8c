"""Cross-reference checks over a loaded Library: the part of lint the schema alone cannot do."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from govtui.content.conditions import Comparison, Condition, FactTest
from govtui.content.currency import check_currency
from govtui.content.findings import Finding, LoadResult, Report
from govtui.content.loader import load_library
from govtui.content.models import (
    AnswerValue,
    Basis,
    Bundle,
    Example,
    Fact,
    Form,
    Guide,
    Library,
    Location,
)
from govtui.content.parsed import ParsedFiles
from govtui.content.situations_lint import check_situations
from govtui.content.wording import check_wording

# Words that say a form row is signed; a row that only names a 承诺书 (a document) is not.
_SIGNED = ("签字", "签名")


def lint(
    root: Path, today: datetime.date | None = None, parsed: ParsedFiles | None = None
) -> tuple[LoadResult, list[Finding]]:
    """Load a content folder and check it; return the load and every finding, sorted by place.

    `today` matters only to the calendar's look-ahead; it defaults to the real date. With
    `parsed`, files unchanged since an earlier lint are not read again (the checks all run).
    """
    result = load_library(root, parsed)
    check_library(result.library, result.report, today or datetime.date.today())
    findings = sorted(
        result.report.findings, key=lambda f: (str(f.file), f.line, f.column, f.message)
    )
    return result, findings


def check_library(library: Library, report: Report, today: datetime.date) -> None:
    for guide in library.guides.values():
        _check_guide(library, guide, report)
        # An import's `todo` entries: what the spreadsheet could not say, until an editor does.
        for index, todo in enumerate(guide.todo):
            report.warning(todo.where, f"todo[{index}].{todo.about}", todo.text, "todo")
    check_currency(library, report, today)
    check_wording(library, report)
    for bundle in library.bundles.values():
        _check_bundle(library, bundle, report)
    _check_policies(library, report)
    _check_aliases(library, report)
    _check_synonyms(library, report)
    check_situations(library, report)
    if library.locality.offices and library.locality.fictional is None:
        # A county's own content says false (the import writes it); sample content must say true,
        # so its made-up addresses and phones are never taken for a real office's.
        report.warning(
            library.locality.offices[0].where,
            "fictional",
            "say whether the locality is fictional: true for sample content, false for a county's"
            " own offices",
        )


def _check_basis(library: Library, basis: Basis, field: str, report: Report) -> None:
    policy = library.policies.get(basis.policy)
    if policy is None:
        report.error(basis.where, field, f"no policy has the id '{basis.policy}'", "reference")
        return
    if basis.article is not None and policy.article(basis.article) is None:
        known = ", ".join(article.number for article in policy.articles) or "none"
        report.error(
            basis.where,
            field,
            f"policy '{policy.id}' has no article '{basis.article}' (its articles: {known})",
            "reference",
        )


def _literal_fits(fact: Fact, value: object) -> str | None:
    """Why a literal cannot be compared with this fact, or None when it can."""
    if fact.type == "boolean":
        return None if isinstance(value, bool) else "is a yes/no fact: compare with true or false"
    if fact.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "is a number fact: compare with a number"
        return None
    if fact.type == "date":
        if not isinstance(value, str):
            return "is a date fact: compare with a date string 'YYYY-MM-DD'"
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return f"is a date fact, and {value!r} is not a date 'YYYY-MM-DD'"
        return None
    if not isinstance(value, str):
        return f"is a {fact.type} fact: compare with a quoted string"
    if fact.type == "choice" and fact.choice(value) is None:
        options = ", ".join(choice.value for choice in fact.choices)
        return f"has no choice {value!r} (its choices: {options})"
    return None


def check_condition(
    library: Library, condition: Condition, where: Location, field: str, report: Report
) -> None:
    for leaf in condition.leaves():
        fact = library.facts.get(leaf.fact)
        if fact is None:
            report.error(
                where, field, f"the condition names an unknown fact '{leaf.fact}'", "condition"
            )
            continue
        if isinstance(leaf, FactTest):
            if fact.type != "boolean":
                report.error(
                    where,
                    field,
                    f"'{fact.id}' is a {fact.type} fact, not yes/no: compare it with a value",
                    "condition",
                )
            continue
        assert isinstance(leaf, Comparison)
        values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
        if leaf.operator in ("<", "<=", ">", ">=") and fact.type not in ("number", "date"):
            report.error(
                where,
                field,
                f"'{leaf.operator}' needs a number or date fact; '{fact.id}' is a {fact.type} fact",
                "condition",
            )
            continue
        for value in values:
            problem = _literal_fits(fact, value)
            if problem:
                report.error(where, field, f"'{fact.id}' {problem}", "condition")


def check_answers(
    library: Library,
    answers: Mapping[str, AnswerValue],
    where: Location,
    field: str,
    report: Report,
) -> None:
    for fact_id, value in answers.items():
        fact = library.facts.get(fact_id)
        if fact is None:
            report.error(where, f"{field}.{fact_id}", f"unknown fact '{fact_id}'", "example")
            continue
        candidate: object = value.isoformat() if isinstance(value, datetime.date) else value
        problem = _literal_fits(fact, candidate)
        if problem:
            report.error(where, f"{field}.{fact_id}", f"'{fact_id}' {problem}", "example")


def _check_dates(
    start: datetime.date | None,
    end: datetime.date | None,
    where: Location,
    field: str,
    report: Report,
) -> None:
    if start and end and end < start:
        report.error(where, field, f"effective_to {end} is before effective_from {start}", "dates")


def _check_form(library: Library, form: Form | None, field: str, report: Report) -> None:
    if form is None:
        return
    seen: set[str] = set()
    for index, form_field in enumerate(form.fields):
        path = f"{field}.fields[{index}]"
        if form_field.id in seen:
            report.error(form_field.where, path, f"the form field '{form_field.id}' appears twice")
        seen.add(form_field.id)
        if form_field.fact and form_field.fact not in library.facts:
            report.error(form_field.where, path, f"unknown fact '{form_field.fact}'", "reference")
        if not form_field.signature and any(word in form_field.label for word in _SIGNED):
            report.warning(
                form_field.where,
                path,
                f"the label '{form_field.label}' asks for a signature; mark the field "
                "signature: true so the form puts it last",
            )


def _check_examples(
    library: Library, examples: Iterable[Example], material_ids: set[str], report: Report
) -> None:
    for index, example in enumerate(examples):
        field = f"examples[{index}]"
        check_answers(library, example.answers, example.where, f"{field}.answers", report)
        for material_id in example.expect.materials:
            if material_id not in material_ids:
                report.error(
                    example.where,
                    f"{field}.expect.materials",
                    f"no material has the id '{material_id}'",
                    "example",
                )
        for fact_id in example.expect.missing or ():
            if fact_id not in library.facts:
                report.error(
                    example.where, f"{field}.expect.missing", f"unknown fact '{fact_id}'", "example"
                )


def _check_guide(library: Library, guide: Guide, report: Report) -> None:
    if guide.category not in library.categories:
        report.error(guide.where, "category", f"unknown category '{guide.category}'", "reference")
    elif guide.path.parent.name != guide.category:
        report.error(
            guide.where,
            "category",
            f"the guide is in the folder '{guide.path.parent.name}' but its category is "
            f"'{guide.category}'; move it to guides/{guide.category}/",
        )
    if library.locality.office(guide.office) is None:
        report.error(guide.where, "office", f"unknown office '{guide.office}'", "reference")
    _check_dates(guide.effective_from, guide.effective_to, guide.where, "effective_to", report)
    for index, basis in enumerate(guide.basis):
        _check_basis(library, basis, f"basis[{index}]", report)
    seen_rules: set[str] = set()
    for index, rule in enumerate(guide.eligibility):
        field = f"eligibility[{index}]"
        if rule.id in seen_rules:
            report.error(rule.where, f"{field}.id", f"the eligibility id '{rule.id}' appears twice")
        seen_rules.add(rule.id)
        check_condition(library, rule.when, rule.where, f"{field}.when", report)
        for basis in rule.basis:
            _check_basis(library, basis, f"{field}.basis", report)
    seen_materials: set[str] = set()
    for index, material in enumerate(guide.materials):
        field = f"materials[{index}]"
        if material.id in seen_materials:
            report.error(
                material.where, f"{field}.id", f"the material id '{material.id}' appears twice"
            )
        seen_materials.add(material.id)
        if material.when is not None:
            check_condition(library, material.when, material.where, f"{field}.when", report)
        for basis in material.basis:
            _check_basis(library, basis, f"{field}.basis", report)
        _check_dates(material.effective_from, material.effective_to, material.where, field, report)
    _check_form(library, guide.form, "form", report)
    _check_examples(library, guide.examples, seen_materials, report)


def _check_bundle(library: Library, bundle: Bundle, report: Report) -> None:
    if library.locality.office(bundle.office) is None:
        report.error(bundle.where, "office", f"unknown office '{bundle.office}'", "reference")
    materials: set[str] = set()
    for member in bundle.guides:
        guide = library.guides.get(member)
        if guide is None:
            report.error(bundle.where, "guides", f"no guide has the id '{member}'", "reference")
            continue
        materials.update(material.id for material in guide.materials)
    for member, condition in bundle.member_conditions.items():
        check_condition(library, condition, bundle.where, f"guides.{member}.when", report)
    if len(set(bundle.guides)) != len(bundle.guides):
        report.error(bundle.where, "guides", "a member guide is listed twice")
    for index, production in enumerate(bundle.produces):
        field = f"produces[{index}]"
        if production.by not in bundle.guides:
            report.error(
                production.where, f"{field}.by", f"'{production.by}' is not a member of the bundle"
            )
        for member in production.for_guides:
            if member not in bundle.guides:
                report.error(
                    production.where, f"{field}.for", f"'{member}' is not a member of the bundle"
                )
                continue
            guide = library.guides.get(member)
            if guide and production.material not in {m.id for m in guide.materials}:
                report.error(
                    production.where,
                    f"{field}.material",
                    f"'{member}' does not list the material '{production.material}'",
                    "reference",
                )
    _check_form(library, bundle.form, "form", report)
    _check_examples(library, bundle.examples, materials, report)


def _check_policies(library: Library, report: Report) -> None:
    for policy in library.policies.values():
        if policy.status == "repealed" and not policy.superseded_by:
            report.warning(
                policy.where, "superseded_by", "a repealed policy should name its successor"
            )
        if policy.status == "superseded" and not (policy.superseded_by and policy.repealed):
            report.error(
                policy.where,
                "superseded_by",
                "a superseded policy names its newer version (superseded_by) and the date it "
                "stopped applying (repealed)",
            )
        if policy.superseded_by and policy.superseded_by not in library.policies:
            report.error(
                policy.where,
                "superseded_by",
                f"no policy has the id '{policy.superseded_by}'",
                "reference",
            )
        if policy.issued and policy.effective and policy.effective < policy.issued:
            report.error(
                policy.where, "effective", "the effective date is before the issue date", "dates"
            )
        if policy.amended and policy.issued and policy.amended < policy.issued:
            report.error(
                policy.where, "amended", "the amendment date is before the issue date", "dates"
            )
        seen: set[str] = set()
        for index, article in enumerate(policy.articles):
            if article.number in seen:
                report.error(
                    article.where,
                    f"articles[{index}].number",
                    f"the article '{article.number}' appears twice",
                )
            seen.add(article.number)


def _check_aliases(library: Library, report: Report) -> None:
    owners: dict[str, list[Guide]] = defaultdict(list)
    for guide in library.guides.values():
        for alias in {*guide.aliases, *guide.shared_aliases}:
            owners[alias.casefold()].append(guide)
    for alias, guides in owners.items():
        if len(guides) < 2:
            continue
        for guide in guides:
            if alias not in {shared.casefold() for shared in guide.shared_aliases}:
                others = ", ".join(other.id for other in guides if other is not guide)
                report.error(
                    guide.where,
                    "aliases",
                    f"the alias '{alias}' is also used by {others}; list it under shared_aliases "
                    "in each guide if that is intended",
                    "alias",
                )


def _check_synonyms(library: Library, report: Report) -> None:
    seen: dict[str, Location] = {}
    for index, group in enumerate(library.synonyms):
        field = f"synonyms[{index}]"
        if group.official in group.terms:
            report.error(
                group.where, f"{field}.terms", f"'{group.official}' is its own synonym", "synonym"
            )
        for term in group.terms:
            if term in seen:
                report.error(
                    group.where,
                    f"{field}.terms",
                    f"the term '{term}' is already in the group at {seen[term]}",
                    "synonym",
                )
            seen[term] = group.where
