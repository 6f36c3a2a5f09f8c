"""Typed, immutable models of guides, facts, policies and bundles, made once from YAML."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar

from govtui.content.conditions import Condition

Language = Literal["zh", "en"]
FactType = Literal["boolean", "choice", "number", "date", "text"]
TextFormat = Literal["id_number", "mobile"]
MaterialState = Literal["required", "optional", "deferrable", "commitment", "shared"]
MaterialForm = Literal["原件", "复印件", "原件和复印件", "电子证照", "现场填写"]
MaterialSource = Literal["申请人自备", "部门核发", "第三方", "数据共享", "窗口领取"]
ServiceType = Literal["行政许可", "行政给付", "行政确认", "公共服务", "其他"]
CaseType = Literal["即办件", "承诺件"]
Channel = Literal["窗口", "网办", "掌上办", "邮寄", "跨省通办", "自助终端"]
PolicyStatus = Literal["effective", "amended", "repealed"]
PolicyLevel = Literal["national", "provincial", "local"]
SynonymKind = Literal["old_name", "colloquial", "abbreviation"]
EligibilityState = Literal["likely", "not_eligible", "unknown"]
AnswerValue = bool | int | float | str | datetime.date

MATERIAL_STATES: tuple[MaterialState, ...] = (
    "required",
    "optional",
    "deferrable",
    "commitment",
    "shared",
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an element was written: used by lint to point at the line."""

    file: Path
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Text:
    """A UI string in zh-Hans with its English twin."""

    zh: str
    en: str

    def get(self, language: Language) -> str:
        return self.en if language == "en" and self.en else self.zh


@dataclass(frozen=True, slots=True)
class Basis:
    """A legal basis: a policy, and one of its articles where the policy has articles."""

    policy: str
    article: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True, slots=True)
class Fact:
    """A question a clerk may ask, shared by all guides and bundles."""

    id: str
    type: FactType
    label: Text
    short: Text
    help: Text | None
    choices: tuple[Choice, ...]
    minimum: float | None
    maximum: float | None
    integer: bool
    unit: Text | None
    format: TextFormat | None
    personal: bool
    yes: Text | None
    no: Text | None
    where: Location = field(compare=False)

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)


@dataclass(frozen=True, slots=True)
class EligibilityRule:
    """One condition every applicant must meet, with its reason in plain words."""

    id: str
    when: Condition
    text: str
    text_en: str | None
    basis: tuple[Basis, ...]
    added: bool
    note: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Material:
    """A document the citizen brings, signs, supplies later, or that the office fetches."""

    id: str
    name: str
    form: MaterialForm
    copies: int
    source: MaterialSource
    state: MaterialState
    when: Condition | None
    defer_days: int | None
    commitment: str | None
    basis: tuple[Basis, ...]
    note: str | None
    why: str | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    added: bool
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class FormField:
    id: str
    label: str
    fact: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True, slots=True)
class TimeLimits:
    legal: str | None
    promised: str | None


@dataclass(frozen=True, slots=True)
class Expectation:
    eligibility: EligibilityState
    materials: tuple[str, ...]
    missing: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Example:
    """A worked example: answers, then what the engine must conclude from them."""

    name: str
    answers: Mapping[str, AnswerValue]
    expect: Expectation
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Guide:
    """One service (政务服务事项) as its 办事指南 describes it."""

    id: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    shared_aliases: tuple[str, ...]
    codes: Mapping[str, str]
    category: str
    service_type: ServiceType
    department: str
    office: str
    audience: str
    summary: str
    eligibility: tuple[EligibilityRule, ...]
    materials: tuple[Material, ...]
    steps: tuple[str, ...]
    time_limits: TimeLimits
    case_type: CaseType
    fee: str
    visits: int
    channels: tuple[Channel, ...]
    basis: tuple[Basis, ...]
    form: Form | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    version: str
    reviewed: datetime.date
    note: str | None
    result: str | None
    validity: str | None
    examples: tuple[Example, ...]
    path: Path
    where: Location = field(compare=False)

    kind: Literal["guide"] = "guide"

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Article:
    number: str
    heading: str
    digest: str
    added: bool
    note: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Policy:
    """A law or policy document, as our own plain-language digest with exact citations."""

    id: str
    title: str
    title_en: str | None
    issuer: str
    doc_number: str
    issued: datetime.date | None
    effective: datetime.date | None
    status: PolicyStatus
    amended: datetime.date | None
    superseded_by: str | None
    level: PolicyLevel
    articles: tuple[Article, ...]
    note: str | None
    path: Path
    where: Location = field(compare=False)

    kind: Literal["policy"] = "policy"

    @property
    def name(self) -> str:
        return self.title

    def article(self, number: str) -> Article | None:
        return next((article for article in self.articles if article.number == number), None)


@dataclass(frozen=True, slots=True)
class Production:
    """A document one member of a bundle issues for other members."""

    material: str
    by: str
    for_guides: tuple[str, ...]
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Bundle:
    """A life-event bundle (一件事一次办): several services, one interview, one form."""

    id: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    lead_department: str
    office: str
    summary: str
    guides: tuple[str, ...]
    member_conditions: Mapping[str, Condition]
    produces: tuple[Production, ...]
    form: Form | None
    version: str
    reviewed: datetime.date
    note: str | None
    examples: tuple[Example, ...]
    path: Path
    where: Location = field(compare=False)

    kind: Literal["bundle"] = "bundle"

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    official: str
    terms: tuple[str, ...]
    kind: SynonymKind
    note: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    name: str
    address: str
    hours: str
    phone: str
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Locality:
    name: str
    name_en: str
    fictional: bool
    offices: tuple[Office, ...]

    def office(self, office_id: str) -> Office | None:
        return next((office for office in self.offices if office.id == office_id), None)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    name_en: str
    where: Location = field(compare=False)


Document = Guide | Policy | Bundle


KeyType = TypeVar("KeyType")
ValueType = TypeVar("ValueType")


def frozen_mapping(items: Mapping[KeyType, ValueType]) -> Mapping[KeyType, ValueType]:
    """A read-only view, so a model's mappings cannot be changed after loading."""
    return MappingProxyType(dict(items))


@dataclass(frozen=True, slots=True)
class Library:
    """Everything loaded from one content folder."""

    root: Path
    guides: Mapping[str, Guide]
    policies: Mapping[str, Policy]
    bundles: Mapping[str, Bundle]
    facts: Mapping[str, Fact]
    synonyms: tuple[SynonymGroup, ...]
    locality: Locality
    categories: Mapping[str, Category]

    def document(self, document_id: str) -> Document | None:
        return (
            self.guides.get(document_id)
            or self.bundles.get(document_id)
            or self.policies.get(document_id)
        )

    def all_ids(self) -> list[str]:
        return [*self.guides, *self.bundles, *self.policies]

    def guides_citing(self, policy_id: str) -> list[Guide]:
        """Guides whose basis, eligibility or materials cite this policy."""
        citing = []
        for guide in self.guides.values():
            bases = [*guide.basis]
            for rule in guide.eligibility:
                bases.extend(rule.basis)
            for material in guide.materials:
                bases.extend(material.basis)
            if any(basis.policy == policy_id for basis in bases):
                citing.append(guide)
        return citing
