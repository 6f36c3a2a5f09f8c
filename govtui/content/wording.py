"""Lint for what a citizen or clerk reads: no working notes in it, and bundles that ask well."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govtui.content.conditions import implied_answers
from govtui.content.findings import Report
from govtui.content.models import Bundle, Guide, Library, Location, Policy

# Marks of research and authoring notes, which belong in `editor_note`: unverified facts, a
# source locality's practice, drafts of ours, our own files and tools.
_WORKING_NOTE = re.compile(
    r"未经核实|未核实|unverified|拟定|待核实|"
    r"services\.yaml|policies\.md|life-events\.md|guide-elements\.md|LawRefBook|审计|"
    r"第三方转述|（[^（）]{0,12}做法[^（）]{0,8}）|https?://",
    re.IGNORECASE,
)


def check_wording(library: Library, report: Report) -> None:
    for guide in library.guides.values():
        _check_texts(_guide_texts(guide), report)
    for bundle in library.bundles.values():
        _check_texts(_bundle_texts(bundle), report)
        _check_bundle_questions(library, bundle, report)
    for policy in library.policies.values():
        _check_texts(_policy_texts(policy), report)
    for matter in library.elsewhere:
        _check_texts(iter([(matter.where, "why", matter.why)]), report)
        for basis in matter.basis:
            cited = library.policies.get(basis.policy)
            if cited is None:
                report.error(
                    basis.where, f"{matter.id}.basis", f"no policy has the id '{basis.policy}'"
                )
            elif basis.article is not None and cited.article(basis.article) is None:
                report.error(
                    basis.where,
                    f"{matter.id}.basis",
                    f"policy '{cited.id}' has no article '{basis.article}'",
                )


Texts = Iterator[tuple[Location, str, str | None]]


def _guide_texts(guide: Guide) -> Texts:
    where = guide.where
    for field, value in (
        ("summary", guide.summary),
        ("summary_en", guide.summary_en),
        ("note", guide.note),
        ("fee", guide.fee),
        ("result", guide.result),
        ("validity", guide.validity),
    ):
        yield where, field, value
    for number, step in enumerate(guide.steps):
        yield where, f"steps[{number}]", step
    for number, refusal in enumerate(guide.refusal):
        yield where, f"refusal[{number}]", refusal
    for name, limit in (
        ("legal", guide.time_limits.legal),
        ("promised", guide.time_limits.promised),
    ):
        if limit is not None:
            yield limit.where, f"time_limits.{name}.text", limit.text
    for rule in guide.eligibility:
        yield rule.where, f"eligibility.{rule.id}.text", rule.text
        yield rule.where, f"eligibility.{rule.id}.note", rule.note
        if rule.refer is not None:
            yield rule.refer.where, f"eligibility.{rule.id}.refer.text", rule.refer.text
    for material in guide.materials:
        for field, value in (
            ("name", material.name),
            ("note", material.note),
            ("why", material.why),
            ("commitment", material.commitment),
        ):
            yield material.where, f"materials.{material.id}.{field}", value
    for amount in guide.amounts:
        yield amount.where, "amounts", f"{amount.item} {amount.value}"


def _bundle_texts(bundle: Bundle) -> Texts:
    yield bundle.where, "summary", bundle.summary
    yield bundle.where, "note", bundle.note


def _policy_texts(policy: Policy) -> Texts:
    yield policy.where, "note", policy.note
    for article in policy.articles:
        yield article.where, f"articles.{article.number}.note", article.note
        # An official text a county loaded is the law as written (审计机关 is a real word there).
        if article.text != "official":
            yield article.where, f"articles.{article.number}.digest", article.digest


def _check_texts(texts: Texts, report: Report) -> None:
    for where, field, value in texts:
        if not value:
            continue
        found = _WORKING_NOTE.search(value)
        if found is not None:
            report.error(
                where,
                field,
                f"a working note ({found.group(0)!r}) in text a citizen or clerk reads; move it "
                "to editor_note, which only content editors see",
                "working-note",
            )


def _check_bundle_questions(library: Library, bundle: Bundle, report: Report) -> None:
    for index, implication in enumerate(bundle.implies):
        stated = implied_answers(implication.then)
        if stated is None:
            report.error(
                implication.where,
                f"implies[{index}].then",
                f"'{implication.then.source}' states no answer: write fact tests joined by and "
                "(a fact, not fact, or fact == value)",
            )
            continue
        for fact, _ in stated:
            if fact not in library.facts:
                report.error(implication.where, f"implies[{index}].then", f"unknown fact '{fact}'")
    for index, label in enumerate(bundle.labels):
        if label.fact not in library.facts:
            report.error(label.where, f"labels[{index}].fact", f"unknown fact '{label.fact}'")
