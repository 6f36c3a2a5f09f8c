"""The 办事指南 elements beyond the checklist in words: codes, limits with dates, fees, remedies."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from govtui.content.calendar import deadline
from govtui.content.models import Basis, Guide, Library, TimeLimit
from govtui.i18n import Language, long_date, text
from govtui.render.citation import basis_text


class ElementWriter:
    """Words for a guide's elements in one language, shared by the notice and the guide screen."""

    def __init__(self, library: Library, language: Language, as_of: datetime.date | None) -> None:
        self.library = library
        self.language = language
        self.as_of = as_of
        self.colon = ": " if language == "en" else "："
        self.list_separator = ", " if language == "en" else "、"
        self.clause_separator = "; " if language == "en" else "；"

    def say(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def parenthesised(self, value: str) -> str:
        if not value:
            return ""
        return f" ({value})" if self.language == "en" else f"（{value}）"

    def citations(self, bases: Sequence[Basis]) -> str:
        return self.clause_separator.join(basis_text(self.library, basis) for basis in bases)

    def limit(self, limit: TimeLimit | None, with_basis: bool = True) -> str:
        """A limit in words, its last day if the case were accepted today, and its rule."""
        if limit is None:
            return ""
        words = limit.words(self.language)
        if limit.days and limit.unit is not None and self.as_of is not None:
            due = deadline(self.library.calendar, self.as_of, limit.days, limit.unit)
            if due is not None:
                words += self.parenthesised(
                    self.say("limit_due", date=long_date(due, self.language))
                )
        if with_basis and limit.basis:
            words += self.clause_separator + self.citations(limit.basis)
        return words

    def codes(self, guide: Guide) -> str:
        return self.list_separator.join(
            f"{self.say('code_' + key)} {value}" for key, value in guide.codes.items()
        )

    def fee_basis(self, guide: Guide) -> str:
        if guide.fee_basis is None:
            return ""
        words = guide.fee_basis.text
        if guide.fee_basis.basis:
            words += self.clause_separator + self.citations(guide.fee_basis.basis)
        return words

    def amounts(self, guide: Guide) -> str:
        # A sample figure is always labelled, unless its own words say so already.
        return self.clause_separator.join(
            f"{amount.item}{self.colon}{amount.value}"
            + (
                self.parenthesised(self.say("sample_figure"))
                if amount.sample and "示例" not in amount.item
                else ""
            )
            for amount in guide.amounts
        )

    def online(self, guide: Guide) -> str:
        if guide.online is None:
            return ""
        return guide.online.entry + (f" {guide.online.url}" if guide.online.url else "")

    def cross_province(self, guide: Guide) -> str:
        if guide.cross_province is None:
            return ""
        return self.say(
            "cross_province_scope",
            mode=guide.cross_province.mode,
            scope=guide.cross_province.scope,
        )

    def complaint(self) -> str:
        complaint = self.library.locality.complaint
        if complaint is None:
            return ""
        name = complaint.name_en if self.language == "en" else complaint.name
        return name if complaint.phone in name else f"{name} {complaint.phone}"

    def remedies(self) -> tuple[str, ...]:
        english = self.language == "en"
        return tuple(
            f"{remedy.kind_en if english else remedy.kind}{self.colon}"
            f"{remedy.text_en if english else remedy.text}"
            + (self.parenthesised(self.citations(remedy.basis)) if remedy.basis else "")
            for remedy in self.library.locality.remedies
        )

    def rows(self, guide: Guide) -> list[tuple[str, str]]:
        """The elements as label and value rows, leaving out those the guide does not give."""
        limits = guide.time_limits
        rows = [
            (self.say("codes"), self.codes(guide)),
            (self.say("fee_basis"), self.fee_basis(guide)),
            (self.say("amounts"), self.amounts(guide)),
            (self.say("legal_limit"), self.limit(limits.legal)),
            (self.say("promised_limit"), self.limit(limits.promised)),
            (self.say("excluded_from_limit"), self.list_separator.join(limits.excluded)),
            (self.say("online_entry"), self.online(guide)),
            (self.say("cross_province"), self.cross_province(guide)),
            (self.say("delivery"), self.list_separator.join(guide.delivery)),
        ]
        return [(label, value) for label, value in rows if value]

    def referral(self, guide: Guide, rule_id: str) -> str:
        """ "不符合时：转往 …" for a rule that refers, in the guide's own words."""
        rule = next((rule for rule in guide.eligibility if rule.id == rule_id), None)
        if rule is None or rule.refer is None:
            return ""
        english = self.language == "en"
        to = (rule.refer.to_en or rule.refer.to) if english else rule.refer.to
        return self.say("refer_otherwise", to=to)

    @staticmethod
    def refusals(guides: Sequence[Guide]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(refusal for guide in guides for refusal in guide.refusal))
