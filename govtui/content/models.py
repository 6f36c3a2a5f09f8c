"""Typed, immutable models of guides, facts, policies and bundles, made once from YAML.

Each model is also its YAML shape: the loader reads a field's key from its name and type, and
the `Key`, `AtLeast`, `Slug` and `FactId` marks say what a type alone does not.

Long because it is one idea: every content model in one place, since the loader and lint
read their shape from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

from govtui.content.conditions import Condition
from govtui.content.yamlkeys import AtLeast, FactId, Key, Slug

if TYPE_CHECKING:
    from govtui.content.calendar import WorkingCalendar

Language = Literal["zh", "en"]
FactType = Literal["boolean", "choice", "number", "date", "text"]
TextFormat = Literal["id_number", "mobile"]
MaterialState = Literal["required", "optional", "deferrable", "commitment", "shared"]
MaterialForm = Literal["原件", "复印件", "原件和复印件", "电子证照", "现场填写"]
MaterialSource = Literal["申请人自备", "部门核发", "第三方", "数据共享", "窗口领取"]
ServiceType = Literal["行政许可", "行政给付", "行政确认", "公共服务", "其他"]
CaseType = Literal["即办件", "承诺件"]
Channel = Literal["窗口", "网办", "掌上办", "邮寄", "跨省通办", "自助终端"]
PolicyStatus = Literal["effective", "amended", "superseded", "repealed"]
PolicyLevel = Literal["national", "provincial", "local"]
# "english": everyday English for what the content names in Chinese (died -> 去世).
SynonymKind = Literal["old_name", "colloquial", "abbreviation", "english"]
EligibilityState = Literal["likely", "refer", "not_eligible", "unknown"]
DayUnit = Literal["工作日", "自然日"]
CrossProvinceMode = Literal["全程网办", "异地代收代办", "多地联办"]
ArticleText = Literal["digest", "official"]
"""What an article's body is: our own plain-language digest, or the official text imported."""
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

    policy: Slug
    article: str | None
    where: Location = field(compare=False)


Bases = Annotated[tuple[Basis, ...], Key(default=(), single=True)]
"""The legal bases of an element: one basis, or a list of them; none by default."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text
    said: Text | None
    """The choice as a "why" text states it, where the label does not read as a statement
    (都不是 → 不是低保、特困或低收入救助对象)."""


@dataclass(frozen=True, slots=True)
class Fact:
    """A question a clerk may ask, shared by all guides and bundles."""

    id: FactId
    type: FactType
    label: Text
    short: Text
    help: Text | None
    choices: Annotated[tuple[Choice, ...], Key(default=())]
    minimum: Annotated[float | None, Key(name="min")]
    maximum: Annotated[float | None, Key(name="max")]
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
class Referral:
    """Where a case goes when the rule is "not here, but there" (跨省通办, 居住地, 急难发生地)."""

    to: str
    to_en: str | None
    office: Slug | None
    text: str
    text_en: str | None
    basis: Bases
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class EligibilityRule:
    """One condition every applicant must meet, with its reason in plain words.

    A rule with a referral does not refuse the citizen when it fails: it sends the case on.
    """

    id: Slug
    when: Condition
    text: str
    text_en: str | None
    basis: Bases
    added: bool
    note: str | None
    refer: Referral | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Material:
    """A document the citizen brings, signs, supplies later, or that the office fetches."""

    id: Slug
    name: str
    name_en: str | None
    form: MaterialForm
    copies: Annotated[int, AtLeast(0), Key(default=1)]
    source: MaterialSource
    state: MaterialState
    when: Condition | None
    defer_days: Annotated[int, AtLeast(1)] | None
    commitment: str | None
    basis: Bases
    note: str | None
    why: str | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    added: bool
    # Research and authoring notes: for content editors only, never shown to a citizen or a clerk.
    editor_note: str | None
    where: Location = field(compare=False)

    def display_name(self, language: Language) -> str:
        return (self.name_en or self.name) if language == "en" else self.name


@dataclass(frozen=True, slots=True)
class FormField:
    """One row of an application form, pre-filled from `fact` when the interview knows it."""

    id: FactId
    label: str
    fact: FactId | None
    signature: bool
    """A row the citizen signs (签字, 签名, 承诺): the merged form puts every one of them last."""
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A legal or promised limit: a count of days in a unit, or words where no count applies."""

    days: Annotated[int, AtLeast(0)] | None
    unit: DayUnit | None
    text: str | None
    text_en: str | None
    basis: Bases
    where: Location = field(compare=False)

    def words(self, language: Language = "zh") -> str:
        """The limit as the guide says it, or the count in words where only a count is given.

        In English, the guide's English words, else the count, else its Chinese words.
        """
        if language == "en" and self.text_en:
            return self.text_en
        if self.text and (language == "zh" or self.days is None):
            return self.text
        if self.days is None:
            return ""
        if language == "en":
            unit = "working day" if self.unit == "工作日" else "calendar day"
            return f"{self.days} {unit}{'' if self.days == 1 else 's'}"
        return f"{self.days}个{self.unit or '工作日'}"


@dataclass(frozen=True, slots=True)
class TimeLimits:
    legal: TimeLimit | None
    promised: TimeLimit | None
    excluded: tuple[str, ...] = ()

    def words(self, language: Language = "zh") -> tuple[str, str]:
        """(promised, legal) in words, empty where the guide gives none."""
        return (
            self.promised.words(language) if self.promised else "",
            self.legal.words(language) if self.legal else "",
        )


@dataclass(frozen=True, slots=True)
class FeeBasis:
    """收费依据: why the fee is what it is, including why there is none."""

    text: str
    basis: Bases


@dataclass(frozen=True, slots=True)
class OnlineEntry:
    """网办入口: where the service can be applied for online."""

    entry: str
    url: str | None


@dataclass(frozen=True, slots=True)
class CrossProvince:
    """跨省通办: how a case from another province is handled, and over what area."""

    mode: CrossProvinceMode
    scope: str


@dataclass(frozen=True, slots=True)
class Amount:
    """A local benefit figure; in the fictional sample it is always a sample figure."""

    item: str
    value: str
    sample: bool
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Expectation:
    eligibility: EligibilityState
    materials: Annotated[tuple[str, ...], Key(default=())]
    missing: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Example:
    """A worked example: answers, then what the engine must conclude from them."""

    name: str
    answers: Mapping[str, AnswerValue]
    expect: Expectation
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Todo:
    """What an import could not say (a material's condition, the facts, an example), for an editor
    to write; lint warns about each one until it is done and removed."""

    about: str
    text: str
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Guide:
    """One service (政务服务事项) as its 办事指南 describes it."""

    id: Slug
    name: str
    name_en: str
    aliases: Annotated[tuple[str, ...], Key(default=())]
    shared_aliases: Annotated[tuple[str, ...], Key(default=())]
    codes: Annotated[Mapping[str, str], Key(default=MappingProxyType({}))]
    category: Slug
    service_type: ServiceType
    department: str
    office: Slug
    audience: Annotated[str, Key(default="自然人")]
    summary: str
    summary_en: str | None
    eligibility: Annotated[tuple[EligibilityRule, ...], Key(default=())]
    materials: tuple[Material, ...]
    steps: tuple[str, ...]
    time_limits: TimeLimits
    case_type: CaseType
    fee: str
    fee_en: str | None
    visits: Annotated[int, AtLeast(0)]
    channels: tuple[Channel, ...]
    basis: Bases
    form: Form | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    version: str
    reviewed: datetime.date
    note: str | None
    editor_note: str | None
    result: str | None
    validity: str | None
    refusal: Annotated[tuple[str, ...], Key(default=())]
    online: OnlineEntry | None
    cross_province: CrossProvince | None
    delivery: Annotated[tuple[str, ...], Key(default=())]
    fee_basis: FeeBasis | None
    amounts: Annotated[tuple[Amount, ...], Key(default=())]
    examples: Annotated[tuple[Example, ...], Key(default=())]
    todo: Annotated[tuple[Todo, ...], Key(default=())]
    path: Path
    where: Location = field(compare=False)

    kind: Literal["guide"] = field(default="guide", init=False)

    @property
    def title(self) -> str:
        return self.name

    def cited_elsewhere(self) -> list[Basis]:
        """Bases cited outside eligibility, materials and the guide's own basis list."""
        bases: list[Basis] = []
        for rule in self.eligibility:
            if rule.refer is not None:
                bases.extend(rule.refer.basis)
        for limit in (self.time_limits.legal, self.time_limits.promised):
            if limit is not None:
                bases.extend(limit.basis)
        if self.fee_basis is not None:
            bases.extend(self.fee_basis.basis)
        return bases

    def all_bases(self) -> list[tuple[str, Basis]]:
        """Every basis the guide cites, with the field it is cited in."""
        cited: list[tuple[str, Basis]] = [("basis", basis) for basis in self.basis]
        for rule in self.eligibility:
            cited.extend((f"eligibility.{rule.id}.basis", basis) for basis in rule.basis)
            if rule.refer is not None:
                cited.extend((f"eligibility.{rule.id}.refer.basis", b) for b in rule.refer.basis)
        for material in self.materials:
            cited.extend((f"materials.{material.id}.basis", basis) for basis in material.basis)
        for name, limit in (
            ("legal", self.time_limits.legal),
            ("promised", self.time_limits.promised),
        ):
            if limit is not None:
                cited.extend((f"time_limits.{name}.basis", basis) for basis in limit.basis)
        if self.fee_basis is not None:
            cited.extend(("fee_basis.basis", basis) for basis in self.fee_basis.basis)
        return cited


def article_label(number: str) -> str:
    """第23条 for an article; a notice's own point numbering (二（一）) as it is written."""
    return f"第{number}条" if number.isdigit() else number


@dataclass(frozen=True, slots=True)
class Article:
    """One article (条) of a policy. `digest` is its body: our own digest, or with `text: official`
    the official text a county imported; `chapter` and `section` say where it stands (第二章 …)."""

    number: str
    heading: str
    digest: str
    text: Annotated[ArticleText, Key(default="digest")]
    chapter: str | None
    section: str | None
    added: bool
    note: str | None
    editor_note: str | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Policy:
    """A law or policy document, as our own plain-language digest with exact citations."""

    id: Slug
    title: str
    title_en: str | None
    issuer: str
    doc_number: str
    issued: datetime.date | None
    effective: datetime.date | None
    status: PolicyStatus
    amended: datetime.date | None
    superseded_by: Slug | None
    repealed: datetime.date | None
    commitment_rule: bool
    level: PolicyLevel
    articles: Annotated[tuple[Article, ...], Key(default=())]
    note: str | None
    editor_note: str | None
    path: Path
    where: Location = field(compare=False)

    kind: Literal["policy"] = field(default="policy", init=False)

    @property
    def name(self) -> str:
        return self.title

    @property
    def out_of_force(self) -> bool:
        """Repealed, or replaced by a newer version: no longer the rule to cite."""
        return self.status in ("superseded", "repealed")

    def in_force_on(self, date: datetime.date) -> bool:
        started = self.effective is None or self.effective <= date
        ended = self.repealed is not None and self.repealed <= date
        return started and not ended

    def article(self, number: str) -> Article | None:
        return next((article for article in self.articles if article.number == number), None)


@dataclass(frozen=True, slots=True)
class Production:
    """A document one member of a bundle issues for other members."""

    material: Slug
    by: Slug
    for_guides: Annotated[tuple[Slug, ...], Key(name="for")]
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Implication:
    """What the life event itself answers: in the newborn bundle the child is born.

    `then` is a fact test (`child_born`, `not court_declared_death`, `card_kind == "first"`, or
    several joined by `and`); with `when`, it holds only once that condition does.
    """

    then: Condition
    when: Condition | None
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class FactLabel:
    """A question as the bundle asks it, saying whose fact it is (the child's hukou)."""

    fact: FactId
    label: Text
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Bundle:
    """A life-event bundle (一件事一次办): several services, one interview, one form."""

    id: Slug
    name: str
    name_en: str
    aliases: Annotated[tuple[str, ...], Key(default=())]
    lead_department: str
    office: Slug
    summary: str
    summary_en: str | None
    guides: tuple[Slug, ...]
    member_conditions: Mapping[str, Condition]
    produces: Annotated[tuple[Production, ...], Key(default=())]
    form: Form | None
    implies: Annotated[tuple[Implication, ...], Key(default=())]
    labels: Annotated[tuple[FactLabel, ...], Key(default=())]
    version: str
    reviewed: datetime.date
    note: str | None
    editor_note: str | None
    examples: Annotated[tuple[Example, ...], Key(default=())]
    path: Path
    where: Location = field(compare=False)

    kind: Literal["bundle"] = field(default="bundle", init=False)

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
class Situations:
    """The circumstances citizens describe when they need one guide or bundle (房子被水淹了)."""

    guide: Slug
    situations: tuple[str, ...]
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A matter people ask about here that another kind of office handles (a passport, a visa).

    An honest "not here: go to …" beats the nearest wrong service.
    """

    id: Slug
    name: str
    name_en: str
    aliases: Annotated[tuple[str, ...], Key(default=())]
    go_to: Annotated[str, Key(name="where")]
    go_to_en: Annotated[str, Key(name="where_en")]
    why: str
    why_en: str
    basis: Bases
    editor_note: str | None
    where: Location = field(compare=False)

    def words(self, language: Language) -> tuple[str, str, str]:
        """(name, where to go, why) in the language asked."""
        if language == "en":
            return self.name_en, self.go_to_en, self.why_en
        return self.name, self.go_to, self.why


@dataclass(frozen=True, slots=True)
class Office:
    id: Slug
    name: str
    address: str
    hours: str
    phone: str
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Remedy:
    """A citizen's remedy against a decision (行政复议, 行政诉讼) with its time limit."""

    kind: str
    kind_en: str
    text: str
    text_en: str
    basis: Bases
    where: Location = field(compare=False)


@dataclass(frozen=True, slots=True)
class Complaint:
    """The 监督投诉 channel beside each office's 咨询 phone."""

    name: str
    name_en: str
    phone: str


@dataclass(frozen=True, slots=True)
class Locality:
    name: str
    name_en: str
    fictional: bool | None
    """True for sample content, false for a county's own; None where the file does not say."""
    offices: tuple[Office, ...]
    region_code: str | None = None
    complaint: Complaint | None = None
    remedies: tuple[Remedy, ...] = ()

    def office(self, office_id: str) -> Office | None:
        return next((office for office in self.offices if office.id == office_id), None)


@dataclass(frozen=True, slots=True)
class Category:
    id: Slug
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
    calendar: WorkingCalendar
    situations: tuple[Situations, ...] = ()
    elsewhere: tuple[Elsewhere, ...] = ()

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
            bases.extend(guide.cited_elsewhere())
            if any(basis.policy == policy_id for basis in bases):
                citing.append(guide)
        return citing
