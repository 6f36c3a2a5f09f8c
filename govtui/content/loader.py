"""Load a content folder into a Library, collecting every problem with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, get_args

from govtui.content.calendar import EMPTY_CALENDAR, CalendarYear, WorkingCalendar
from govtui.content.conditions import Condition, ConditionSyntaxError, parse_condition
from govtui.content.files import content_files
from govtui.content.findings import LoadResult, Report
from govtui.content.models import (
    Amount,
    AnswerValue,
    Article,
    Basis,
    Bundle,
    CaseType,
    Category,
    Channel,
    Choice,
    Complaint,
    CrossProvince,
    CrossProvinceMode,
    DayUnit,
    EligibilityRule,
    EligibilityState,
    Example,
    Expectation,
    Fact,
    FactType,
    FeeBasis,
    Form,
    FormField,
    Guide,
    Library,
    Locality,
    Location,
    Material,
    MaterialForm,
    MaterialSource,
    MaterialState,
    Office,
    OnlineEntry,
    Policy,
    PolicyLevel,
    PolicyStatus,
    Production,
    Referral,
    Remedy,
    ServiceType,
    SynonymGroup,
    SynonymKind,
    Text,
    TextFormat,
    TimeLimit,
    TimeLimits,
    frozen_mapping,
)
from govtui.content.yamlreader import (
    FACT_ID,
    Cursor,
    Invalid,
    read_yaml_file,
)

T = TypeVar("T")
_NO_TEXTS: tuple[str, ...] = ()


# Small readers ---------------------------------------------------------------------------------


def _text_pair(cursor: Cursor) -> Text:
    fields = cursor.mapping(["zh", "en"])
    zh = fields.read("zh", Cursor.text)
    en = fields.read("en", Cursor.text)
    fields.done()
    return Text(zh, en)


def _condition(cursor: Cursor) -> Condition:
    source = cursor.text()
    try:
        return parse_condition(source)
    except ConditionSyntaxError as error:
        raise cursor.fail(
            f"malformed condition {source!r}: {error.message} (at character {error.offset + 1})"
        ) from None


def _basis(cursor: Cursor) -> Basis:
    fields = cursor.mapping(["policy"], ["article"])
    policy = fields.read("policy", Cursor.slug)
    article = fields.maybe("article", Cursor.text, None)
    fields.done()
    return Basis(policy, article, cursor.where)


def _bases(fields_cursor: Cursor | None) -> tuple[Basis, ...]:
    if fields_cursor is None:
        return ()
    try:
        return fields_cursor.one_or_many(_basis)
    except Invalid:
        return ()


def _answer(cursor: Cursor) -> AnswerValue:
    value = cursor.value()
    if isinstance(value, bool | int | float | str):
        return value
    import datetime

    if isinstance(value, datetime.date):
        return value
    raise cursor.fail("an answer must be true/false, a number, a date or text")


def _answers(cursor: Cursor) -> dict[str, AnswerValue]:
    fields = cursor.mapping([], list(_keys_of(cursor)))
    answers: dict[str, AnswerValue] = {}
    for key, child in fields.children.items():
        try:
            answers[key] = _answer(child)
        except Invalid:
            continue
    return answers


def _keys_of(cursor: Cursor) -> list[str]:
    import yaml

    if isinstance(cursor.node, yaml.MappingNode):
        return [str(key.value) for key, _ in cursor.node.value if isinstance(key, yaml.ScalarNode)]
    return []


def _example(cursor: Cursor) -> Example:
    fields = cursor.mapping(["name", "answers", "expect"])
    name = fields.read("name", Cursor.text)
    answers = fields.read("answers", _answers)
    expect = fields.read("expect", _expectation)
    fields.done()
    return Example(name, frozen_mapping(answers), expect, cursor.where)


def _expectation(cursor: Cursor) -> Expectation:
    fields = cursor.mapping(["eligibility"], ["materials", "missing"])
    state: EligibilityState = fields.read(
        "eligibility", lambda c: c.choice(get_args(EligibilityState))
    )
    materials = fields.maybe("materials", Cursor.texts, _NO_TEXTS)
    missing = fields.maybe("missing", Cursor.texts, None)
    fields.done()
    return Expectation(state, materials, missing)


def _form(cursor: Cursor) -> Form:
    fields = cursor.mapping(["name", "fields"])
    name = fields.read("name", Cursor.text)
    form_fields = fields.read("fields", lambda c: c.list_of(_form_field))
    fields.done()
    return Form(name, form_fields)


def _form_field(cursor: Cursor) -> FormField:
    fields = cursor.mapping(["id", "label"], ["fact"])
    field_id = fields.read("id", lambda c: c.slug(FACT_ID))
    label = fields.read("label", Cursor.text)
    fact = fields.maybe("fact", lambda c: c.slug(FACT_ID), None)
    fields.done()
    return FormField(field_id, label, fact, cursor.where)


# Documents -------------------------------------------------------------------------------------

_MATERIAL_KEYS = [
    "when",
    "defer_days",
    "commitment",
    "basis",
    "note",
    "why",
    "effective_from",
    "effective_to",
    "added",
    "copies",
]


def _material(cursor: Cursor) -> Material:
    fields = cursor.mapping(["id", "name", "form", "source", "state"], _MATERIAL_KEYS)
    material_id = fields.read("id", Cursor.slug)
    name = fields.read("name", Cursor.text)
    form: MaterialForm = fields.read("form", lambda c: c.choice(get_args(MaterialForm)))
    source: MaterialSource = fields.read("source", lambda c: c.choice(get_args(MaterialSource)))
    state: MaterialState = fields.read("state", lambda c: c.choice(get_args(MaterialState)))
    copies = fields.maybe("copies", lambda c: c.integer(minimum=0), 1)
    when = fields.maybe("when", _condition, None)
    defer_days = fields.maybe("defer_days", lambda c: c.integer(minimum=1), None)
    commitment = fields.maybe("commitment", Cursor.text, None)
    if state == "deferrable" and defer_days is None and "defer_days" not in fields:
        cursor.report.error(
            cursor.where,
            f"{cursor.path}.defer_days",
            "a deferrable (容缺) material needs defer_days",
        )
        fields.failed = True
    if state != "deferrable" and "defer_days" in fields:
        fields.children["defer_days"].fail("defer_days belongs only to state: deferrable (容缺)")
    if state == "commitment" and commitment is None and "commitment" not in fields:
        cursor.report.error(
            cursor.where,
            f"{cursor.path}.commitment",
            "a commitment (告知承诺) material needs the commitment text to sign",
        )
        fields.failed = True
    if state != "commitment" and "commitment" in fields:
        fields.children["commitment"].fail(
            "commitment belongs only to state: commitment (告知承诺)"
        )
    fields.done()
    return Material(
        id=material_id,
        name=name,
        form=form,
        copies=copies,
        source=source,
        state=state,
        when=when,
        defer_days=defer_days,
        commitment=commitment,
        basis=_bases(fields.get("basis")),
        note=fields.maybe("note", Cursor.text, None),
        why=fields.maybe("why", Cursor.text, None),
        effective_from=fields.maybe("effective_from", Cursor.date, None),
        effective_to=fields.maybe("effective_to", Cursor.date, None),
        added=fields.maybe("added", Cursor.boolean, False),
        where=cursor.where,
    )


def _referral(cursor: Cursor) -> Referral:
    fields = cursor.mapping(["to", "text"], ["to_en", "office", "text_en", "basis"])
    referral = Referral(
        to=fields.read("to", Cursor.text),
        to_en=fields.maybe("to_en", Cursor.text, None),
        office=fields.maybe("office", Cursor.slug, None),
        text=fields.read("text", Cursor.text),
        text_en=fields.maybe("text_en", Cursor.text, None),
        basis=_bases(fields.get("basis")),
        where=cursor.where,
    )
    fields.done()
    return referral


def _eligibility(cursor: Cursor) -> EligibilityRule:
    fields = cursor.mapping(["id", "when", "text"], ["text_en", "basis", "added", "note", "refer"])
    rule = EligibilityRule(
        id=fields.read("id", Cursor.slug),
        when=fields.read("when", _condition),
        text=fields.read("text", Cursor.text),
        text_en=fields.maybe("text_en", Cursor.text, None),
        basis=_bases(fields.get("basis")),
        added=fields.maybe("added", Cursor.boolean, False),
        note=fields.maybe("note", Cursor.text, None),
        refer=fields.maybe("refer", _referral, None),
        where=cursor.where,
    )
    fields.done()
    return rule


def _time_limit(cursor: Cursor) -> TimeLimit:
    """A limit is words only (`legal: 即时办结`) or a count with its unit, words and basis."""
    if cursor.is_scalar():
        return TimeLimit(None, None, cursor.text(), (), cursor.where)
    fields = cursor.mapping([], ["days", "unit", "text", "basis"])
    days = fields.maybe("days", lambda c: c.integer(minimum=0), None)
    unit: DayUnit | None = fields.maybe("unit", lambda c: c.choice(get_args(DayUnit)), None)
    text = fields.maybe("text", Cursor.text, None)
    if days is not None and unit is None and "unit" not in fields:
        cursor.report.error(
            cursor.where, f"{cursor.path}.unit", "a limit in days needs its unit: 工作日 or 自然日"
        )
        fields.failed = True
    if days is None and text is None and "days" not in fields and "text" not in fields:
        cursor.report.error(
            cursor.where, cursor.path, "a time limit needs days (with unit) or text, or both"
        )
        fields.failed = True
    limit = TimeLimit(days, unit, text, _bases(fields.get("basis")), cursor.where)
    fields.done()
    return limit


def _time_limits(cursor: Cursor) -> TimeLimits:
    fields = cursor.mapping([], ["legal", "promised", "excluded"])
    limits = TimeLimits(
        fields.maybe("legal", _time_limit, None),
        fields.maybe("promised", _time_limit, None),
        fields.maybe("excluded", Cursor.texts, _NO_TEXTS),
    )
    fields.done()
    return limits


def _fee_basis(cursor: Cursor) -> FeeBasis:
    fields = cursor.mapping(["text"], ["basis"])
    fee_basis = FeeBasis(fields.read("text", Cursor.text), _bases(fields.get("basis")))
    fields.done()
    return fee_basis


def _online(cursor: Cursor) -> OnlineEntry:
    fields = cursor.mapping(["entry"], ["url"])
    entry = OnlineEntry(fields.read("entry", Cursor.text), fields.maybe("url", Cursor.text, None))
    fields.done()
    return entry


def _cross_province(cursor: Cursor) -> CrossProvince:
    fields = cursor.mapping(["mode", "scope"])
    mode: CrossProvinceMode = fields.read("mode", lambda c: c.choice(get_args(CrossProvinceMode)))
    cross = CrossProvince(mode, fields.read("scope", Cursor.text))
    fields.done()
    return cross


def _amount(cursor: Cursor) -> Amount:
    fields = cursor.mapping(["item", "value"], ["sample"])
    amount = Amount(
        item=fields.read("item", Cursor.text),
        value=fields.read("value", Cursor.text),
        sample=fields.maybe("sample", Cursor.boolean, False),
        where=cursor.where,
    )
    fields.done()
    return amount


def _codes(cursor: Cursor) -> dict[str, str]:
    fields = cursor.mapping([], ["basic", "implementation"])
    return {key: fields.read(key, Cursor.text) for key in fields.children}


_GUIDE_REQUIRED = [
    "id",
    "name",
    "name_en",
    "category",
    "service_type",
    "department",
    "office",
    "summary",
    "materials",
    "steps",
    "time_limits",
    "case_type",
    "fee",
    "visits",
    "channels",
    "version",
    "reviewed",
]
_GUIDE_OPTIONAL = [
    "aliases",
    "shared_aliases",
    "codes",
    "audience",
    "eligibility",
    "basis",
    "form",
    "effective_from",
    "effective_to",
    "note",
    "result",
    "validity",
    "refusal",
    "online",
    "cross_province",
    "delivery",
    "fee_basis",
    "amounts",
    "examples",
]


def _guide(cursor: Cursor) -> Guide:
    fields = cursor.mapping(_GUIDE_REQUIRED, _GUIDE_OPTIONAL)
    guide = Guide(
        id=fields.read("id", Cursor.slug),
        name=fields.read("name", Cursor.text),
        name_en=fields.read("name_en", Cursor.text),
        aliases=fields.maybe("aliases", Cursor.texts, _NO_TEXTS),
        shared_aliases=fields.maybe("shared_aliases", Cursor.texts, _NO_TEXTS),
        codes=frozen_mapping(fields.maybe("codes", _codes, {})),
        category=fields.read("category", Cursor.slug),
        service_type=fields.read("service_type", lambda c: c.choice(get_args(ServiceType))),
        department=fields.read("department", Cursor.text),
        office=fields.read("office", Cursor.slug),
        audience=fields.maybe("audience", Cursor.text, "自然人"),
        summary=fields.read("summary", Cursor.text),
        eligibility=fields.maybe("eligibility", lambda c: c.list_of(_eligibility), ()),
        materials=fields.read("materials", lambda c: c.list_of(_material)),
        steps=fields.read("steps", Cursor.texts),
        time_limits=fields.read("time_limits", _time_limits),
        case_type=fields.read("case_type", lambda c: c.choice(get_args(CaseType))),
        fee=fields.read("fee", Cursor.text),
        visits=fields.read("visits", lambda c: c.integer(minimum=0)),
        channels=fields.read(
            "channels", lambda c: c.list_of(lambda item: item.choice(get_args(Channel)))
        ),
        basis=_bases(fields.get("basis")),
        form=fields.maybe("form", _form, None),
        effective_from=fields.maybe("effective_from", Cursor.date, None),
        effective_to=fields.maybe("effective_to", Cursor.date, None),
        version=fields.read("version", Cursor.text),
        reviewed=fields.read("reviewed", Cursor.date),
        note=fields.maybe("note", Cursor.text, None),
        result=fields.maybe("result", Cursor.text, None),
        validity=fields.maybe("validity", Cursor.text, None),
        refusal=fields.maybe("refusal", Cursor.texts, _NO_TEXTS),
        online=fields.maybe("online", _online, None),
        cross_province=fields.maybe("cross_province", _cross_province, None),
        delivery=fields.maybe("delivery", Cursor.texts, _NO_TEXTS),
        fee_basis=fields.maybe("fee_basis", _fee_basis, None),
        amounts=fields.maybe("amounts", lambda c: c.list_of(_amount), ()),
        examples=fields.maybe("examples", lambda c: c.list_of(_example), ()),
        path=cursor.file,
        where=cursor.where,
    )
    fields.done()
    return guide


def _article(cursor: Cursor) -> Article:
    fields = cursor.mapping(["number", "heading", "digest"], ["added", "note"])
    article = Article(
        number=fields.read("number", Cursor.text),
        heading=fields.read("heading", Cursor.text),
        digest=fields.read("digest", Cursor.text),
        added=fields.maybe("added", Cursor.boolean, False),
        note=fields.maybe("note", Cursor.text, None),
        where=cursor.where,
    )
    fields.done()
    return article


def _policy(cursor: Cursor) -> Policy:
    fields = cursor.mapping(
        ["id", "title", "issuer", "doc_number", "status", "level"],
        [
            "title_en",
            "issued",
            "effective",
            "amended",
            "superseded_by",
            "repealed",
            "commitment_rule",
            "articles",
            "note",
        ],
    )
    policy = Policy(
        id=fields.read("id", Cursor.slug),
        title=fields.read("title", Cursor.text),
        title_en=fields.maybe("title_en", Cursor.text, None),
        issuer=fields.read("issuer", Cursor.text),
        doc_number=fields.read("doc_number", Cursor.text),
        issued=fields.maybe("issued", Cursor.date, None),
        effective=fields.maybe("effective", Cursor.date, None),
        status=fields.read("status", lambda c: c.choice(get_args(PolicyStatus))),
        amended=fields.maybe("amended", Cursor.date, None),
        superseded_by=fields.maybe("superseded_by", Cursor.slug, None),
        repealed=fields.maybe("repealed", Cursor.date, None),
        commitment_rule=fields.maybe("commitment_rule", Cursor.boolean, False),
        level=fields.read("level", lambda c: c.choice(get_args(PolicyLevel))),
        articles=fields.maybe("articles", lambda c: c.list_of(_article), ()),
        note=fields.maybe("note", Cursor.text, None),
        path=cursor.file,
        where=cursor.where,
    )
    fields.done()
    return policy


def _production(cursor: Cursor) -> Production:
    fields = cursor.mapping(["material", "by", "for"])
    production = Production(
        material=fields.read("material", Cursor.slug),
        by=fields.read("by", Cursor.slug),
        for_guides=fields.read("for", lambda c: c.list_of(Cursor.slug)),
        where=cursor.where,
    )
    fields.done()
    return production


def _member(cursor: Cursor) -> tuple[str, Condition | None]:
    """A bundle member: a guide id, or `{guide: id, when: condition}` for one not always needed."""
    import yaml

    if isinstance(cursor.node, yaml.ScalarNode):
        return cursor.slug(), None
    fields = cursor.mapping(["guide", "when"])
    member = (fields.read("guide", Cursor.slug), fields.read("when", _condition))
    fields.done()
    return member


def _bundle(cursor: Cursor) -> Bundle:
    fields = cursor.mapping(
        [
            "id",
            "name",
            "name_en",
            "lead_department",
            "office",
            "summary",
            "guides",
            "version",
            "reviewed",
        ],
        ["aliases", "produces", "form", "note", "examples"],
    )
    members = fields.read("guides", lambda c: c.list_of(_member)) or ()
    bundle = Bundle(
        id=fields.read("id", Cursor.slug),
        name=fields.read("name", Cursor.text),
        name_en=fields.read("name_en", Cursor.text),
        aliases=fields.maybe("aliases", Cursor.texts, _NO_TEXTS),
        lead_department=fields.read("lead_department", Cursor.text),
        office=fields.read("office", Cursor.slug),
        summary=fields.read("summary", Cursor.text),
        guides=tuple(guide for guide, _ in members),
        member_conditions=frozen_mapping({g: when for g, when in members if when is not None}),
        produces=fields.maybe("produces", lambda c: c.list_of(_production), ()),
        form=fields.maybe("form", _form, None),
        version=fields.read("version", Cursor.text),
        reviewed=fields.read("reviewed", Cursor.date),
        note=fields.maybe("note", Cursor.text, None),
        examples=fields.maybe("examples", lambda c: c.list_of(_example), ()),
        path=cursor.file,
        where=cursor.where,
    )
    fields.done()
    return bundle


def _choice(cursor: Cursor) -> Choice:
    fields = cursor.mapping(["value", "label"])
    choice = Choice(fields.read("value", Cursor.text), fields.read("label", _text_pair))
    fields.done()
    return choice


def _fact(cursor: Cursor) -> Fact:
    fields = cursor.mapping(
        ["id", "type", "label"],
        [
            "short",
            "help",
            "choices",
            "min",
            "max",
            "integer",
            "unit",
            "format",
            "personal",
            "yes",
            "no",
            "note",
        ],
    )
    fact_type: FactType = fields.read("type", lambda c: c.choice(get_args(FactType)))
    label = fields.read("label", _text_pair)
    choices: tuple[Choice, ...] = fields.maybe("choices", lambda c: c.list_of(_choice), ())
    if fact_type == "choice" and not choices and not fields.failed:
        cursor.report.error(cursor.where, f"{cursor.path}.choices", "a choice fact needs choices")
        fields.failed = True
    if fact_type != "choice" and "choices" in fields:
        fields.children["choices"].fail("only a choice fact has choices")
    for key, allowed_type in (
        ("min", "number"),
        ("max", "number"),
        ("integer", "number"),
        ("unit", "number"),
        ("format", "text"),
        ("yes", "boolean"),
        ("no", "boolean"),
    ):
        if key in fields and fact_type != allowed_type:
            fields.children[key].fail(f"'{key}' belongs only to a {allowed_type} fact")
    fact = Fact(
        id=fields.read("id", lambda c: c.slug(FACT_ID)),
        type=fact_type,
        label=label,
        short=fields.maybe("short", _text_pair, label),
        help=fields.maybe("help", _text_pair, None),
        choices=choices,
        minimum=fields.maybe("min", Cursor.number, None),
        maximum=fields.maybe("max", Cursor.number, None),
        integer=fields.maybe("integer", Cursor.boolean, False),
        unit=fields.maybe("unit", _text_pair, None),
        format=fields.maybe("format", lambda c: c.choice(get_args(TextFormat)), None),
        personal=fields.maybe("personal", Cursor.boolean, False),
        yes=fields.maybe("yes", _text_pair, None),
        no=fields.maybe("no", _text_pair, None),
        where=cursor.where,
    )
    fields.done()
    return fact


def _synonym(cursor: Cursor) -> SynonymGroup:
    fields = cursor.mapping(["official", "terms", "kind"], ["note"])
    group = SynonymGroup(
        official=fields.read("official", Cursor.text),
        terms=fields.read("terms", Cursor.texts),
        kind=fields.read("kind", lambda c: c.choice(get_args(SynonymKind))),
        note=fields.maybe("note", Cursor.text, None),
        where=cursor.where,
    )
    fields.done()
    return group


def _office(cursor: Cursor) -> Office:
    fields = cursor.mapping(["id", "name", "address", "hours", "phone"])
    office = Office(
        id=fields.read("id", Cursor.slug),
        name=fields.read("name", Cursor.text),
        address=fields.read("address", Cursor.text),
        hours=fields.read("hours", Cursor.text),
        phone=fields.read("phone", Cursor.text),
        where=cursor.where,
    )
    fields.done()
    return office


def _locality(cursor: Cursor) -> Locality:
    fields = cursor.mapping(
        ["name", "name_en", "offices"], ["fictional", "region_code", "complaint", "remedies"]
    )
    locality = Locality(
        name=fields.read("name", Cursor.text),
        name_en=fields.read("name_en", Cursor.text),
        fictional=fields.maybe("fictional", Cursor.boolean, False),
        offices=fields.read("offices", lambda c: c.list_of(_office)),
        region_code=fields.maybe("region_code", Cursor.text, None),
        complaint=fields.maybe("complaint", _complaint, None),
        remedies=fields.maybe("remedies", lambda c: c.list_of(_remedy), ()),
    )
    fields.done()
    return locality


def _complaint(cursor: Cursor) -> Complaint:
    fields = cursor.mapping(["name", "name_en", "phone"])
    complaint = Complaint(
        fields.read("name", Cursor.text),
        fields.read("name_en", Cursor.text),
        fields.read("phone", Cursor.text),
    )
    fields.done()
    return complaint


def _remedy(cursor: Cursor) -> Remedy:
    fields = cursor.mapping(["kind", "kind_en", "text", "text_en"], ["basis"])
    remedy = Remedy(
        kind=fields.read("kind", Cursor.text),
        kind_en=fields.read("kind_en", Cursor.text),
        text=fields.read("text", Cursor.text),
        text_en=fields.read("text_en", Cursor.text),
        basis=_bases(fields.get("basis")),
        where=cursor.where,
    )
    fields.done()
    return remedy


def _calendar_year(cursor: Cursor) -> CalendarYear:
    fields = cursor.mapping(["year", "source", "rest_days", "working_days"])
    year = fields.read("year", lambda c: c.integer(minimum=2000))
    rest_days = fields.read("rest_days", lambda c: c.list_of(Cursor.date))
    working_days = fields.read("working_days", lambda c: c.list_of(Cursor.date))
    for label, days in (("rest_days", rest_days), ("working_days", working_days)):
        for day in days:
            if day.year != year:
                fields.children[label].warn(f"{day.isoformat()} is not in {year}")
    calendar_year = CalendarYear(
        year=year,
        source=fields.read("source", Cursor.text),
        rest_days=frozenset(rest_days),
        working_days=frozenset(working_days),
        where=cursor.where,
    )
    fields.done()
    return calendar_year


def _calendar(cursor: Cursor) -> WorkingCalendar:
    fields = cursor.mapping(["years"])
    years = fields.read("years", lambda c: c.list_of(_calendar_year))
    fields.done()
    return WorkingCalendar(frozen_mapping({year.year: year for year in years}))


def _category(cursor: Cursor) -> Category:
    fields = cursor.mapping(["id", "name", "name_en"])
    category = Category(
        id=fields.read("id", Cursor.slug),
        name=fields.read("name", Cursor.text),
        name_en=fields.read("name_en", Cursor.text),
        where=cursor.where,
    )
    fields.done()
    return category


def _list_file(key: str, read: Callable[[Cursor], T]) -> Callable[[Cursor], tuple[T, ...]]:
    def read_file(cursor: Cursor) -> tuple[T, ...]:
        fields = cursor.mapping([key])
        items = fields.read(key, lambda c: c.list_of(read))
        fields.done()
        return items

    return read_file


# The folder ------------------------------------------------------------------------------------

EMPTY_LOCALITY = Locality(name="", name_en="", fictional=True, offices=())


def _read(path: Path, report: Report, read: Callable[[Cursor], T]) -> T | None:
    cursor = read_yaml_file(path, report)
    if cursor is None:
        return None
    try:
        return read(cursor)
    except Invalid:
        return None


def _add_unique(
    store: dict[str, T],
    item: T,
    item_id: str,
    where: Location,
    kind: str,
    report: Report,
    seen: dict[str, Location],
) -> None:
    if item_id in seen:
        report.error(where, "id", f"the {kind} id '{item_id}' is already used at {seen[item_id]}")
        return
    seen[item_id] = where
    store[item_id] = item


def load_library(root: Path) -> LoadResult:
    """Load every file under `root/guides` and `root/policies` into one Library."""
    report = Report()
    guides_folder = root / "guides"
    facts: dict[str, Fact] = {}
    guides: dict[str, Guide] = {}
    bundles: dict[str, Bundle] = {}
    policies: dict[str, Policy] = {}
    categories: dict[str, Category] = {}
    synonyms: tuple[SynonymGroup, ...] = ()
    locality = EMPTY_LOCALITY
    calendar = EMPTY_CALENDAR
    seen_ids: dict[str, Location] = {}
    seen_facts: dict[str, Location] = {}
    seen_categories: dict[str, Location] = {}

    for path in content_files(root):
        relative = path.relative_to(root)
        parts = relative.parts
        if parts[0] == "policies":
            policy = _read(path, report, _policy)
            if policy is not None:
                _check_file_name(policy.id, path, policy.where, report)
                _add_unique(policies, policy, policy.id, policy.where, "policy", report, seen_ids)
        elif parts[1] == "_facts":
            for fact in _read(path, report, _list_file("facts", _fact)) or ():
                _add_unique(facts, fact, fact.id, fact.where, "fact", report, seen_facts)
        elif parts[1] == "_synonyms.yaml":
            synonyms = _read(path, report, _list_file("synonyms", _synonym)) or ()
        elif parts[1] == "_calendar.yaml":
            calendar = _read(path, report, _calendar) or EMPTY_CALENDAR
        elif parts[1] == "_locality.yaml":
            locality = _read(path, report, _locality) or EMPTY_LOCALITY
        elif parts[1] == "_categories.yaml":
            for category in _read(path, report, _list_file("categories", _category)) or ():
                _add_unique(
                    categories,
                    category,
                    category.id,
                    category.where,
                    "category",
                    report,
                    seen_categories,
                )
        elif parts[1] == "bundles":
            bundle = _read(path, report, _bundle)
            if bundle is not None:
                _check_file_name(bundle.id, path, bundle.where, report)
                _add_unique(bundles, bundle, bundle.id, bundle.where, "bundle", report, seen_ids)
        elif parts[1].startswith("_"):
            report.warning(Location(path, 1, 1), "", "unknown registry file; it is ignored")
        else:
            guide = _read(path, report, _guide)
            if guide is not None:
                _check_file_name(guide.id, path, guide.where, report)
                _add_unique(guides, guide, guide.id, guide.where, "guide", report, seen_ids)
    if not guides_folder.is_dir():
        report.error(Location(root, 1, 1), "", "there is no guides/ folder here")
    library = Library(
        root=root,
        guides=frozen_mapping(guides),
        policies=frozen_mapping(policies),
        bundles=frozen_mapping(bundles),
        facts=frozen_mapping(facts),
        synonyms=synonyms,
        locality=locality,
        categories=frozen_mapping(categories),
        calendar=calendar,
    )
    return LoadResult(library, report)


def _check_file_name(document_id: str, path: Path, where: Location, report: Report) -> None:
    if path.stem != document_id:
        report.error(where, "id", f"the id '{document_id}' must equal the file name '{path.stem}'")
