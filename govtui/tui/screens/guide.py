"""The guide screen: a plain summary first, then every requirement with its reason and basis."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from govtui.content.describe import describe_condition
from govtui.content.models import Basis, Guide, Library, Material
from govtui.i18n import Language, text
from govtui.render.citation import basis_text
from govtui.render.elements import ElementWriter
from govtui.render.text import visits_text
from govtui.render.view import material_line
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.screens.dialogs import Reason, WhyDialog
from govtui.tui.widgets.outcome import STATE_ORDER, joined
from govtui.tui.widgets.prose import Prose
from govtui.tui.widgets.results import document_title, heading_title
from govtui.tui.widgets.rows import Row


def material_summary(guide: Guide, language: Language) -> str:
    """必交4项、告知承诺1项、免提交1项；视情况另需3项."""
    always = [material for material in guide.materials if material.when is None]
    counts = [
        text("count_of", language, label=text(f"state_{state}", language), n=count)
        for state in STATE_ORDER
        if (count := sum(1 for material in always if material.state == state))
    ]
    summary = joined(counts, language)
    conditional = len(guide.materials) - len(always)
    if conditional:
        summary += text("count_conditional", language, n=conditional)
    return summary


def material_reason(
    library: Library, guide: Guide, material: Material, language: Language
) -> Reason:
    """Why a material is asked for: its situation, its state, and the article behind it."""
    condition = (
        describe_condition(material.when, library.facts, language)
        if material.when
        else text("always", language)
    )
    notes = [text("state_line", language, state=text(f"state_{material.state}", language))]
    if material.state == "deferrable" and material.defer_days:
        notes.append(text("defer_within", language, days=material.defer_days))
    if material.commitment:
        notes.append(text("commitment_line", language, commitment=material.commitment))
    if material.why:
        notes.append(material.why)
    if material.note:
        notes.append(material.note)
    bases = material.basis or guide.basis[:1]
    return Reason(material.name, condition, tuple(notes), bases, not material.basis)


class GuideScreen(GovScreen[None]):
    """One service, as a clerk would explain it across the counter."""

    AUTO_FOCUS = "#document"
    BINDINGS = [
        *bilingual(
            Key("s", "start", "key_start", key_display="S"),
            Key("enter", "why", "key_why", key_display="Enter"),
            Key("p", "policy", "key_policy", key_display="P"),
            Key("escape", "app.pop_screen", "key_back", key_display="Esc"),
        ),
        # ↓/↑ walk the requirements (rules, materials, articles) rather than scroll past them:
        # the clerk points at one and Enter says why.
        Binding("down", "next_row(1)", show=False, priority=True),
        Binding("up", "next_row(-1)", show=False, priority=True),
    ]

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.guide = guide
        self._reasons: dict[str, Reason] = {}

    @property
    def elements(self) -> ElementWriter:
        library = self.govtui.library
        assert library is not None
        return ElementWriter(library, self.language, self.govtui.today())

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        guide, language = self.guide, self.language
        category = library.categories.get(guide.category)
        yield Header(icon="◆")
        with VerticalScroll(id="document"):
            yield Static(heading_title(guide, language), classes="document-title", markup=False)
            tags = [text("guide", language), guide.service_type, guide.case_type]
            if category:
                tags.insert(1, category.name_en if language == "en" else category.name)
            yield Static(" · ".join(tags), classes="document-tags", markup=False)
            yield Prose(guide.summary, classes="document-summary")
            with Grid(classes="facts"):
                for label, value in self._facts(library):
                    yield Static(label, classes="fact-label", markup=False)
                    yield Prose(value, classes="fact-value")
            yield Static(self.t("start_hint"), classes="hint", markup=False)
            if guide.eligibility:
                yield Static(self.t("eligibility_heading"), classes="section", markup=False)
                for rule in guide.eligibility:
                    rule_text = (rule.text_en or rule.text) if language == "en" else rule.text
                    self._reasons[f"rule:{rule.id}"] = Reason(
                        rule_text,
                        describe_condition(rule.when, library.facts, language),
                        (rule.note,) if rule.note else (),
                        rule.basis or guide.basis[:1],
                        not rule.basis,
                    )
                    refer = self.elements.referral(guide, rule.id)
                    yield Row(
                        self._row_content(rule_text, rule.basis, library, refer),
                        value=f"rule:{rule.id}",
                    )
            yield Static(self.t("materials_heading"), classes="section", markup=False)
            for material in guide.materials:
                self._reasons[f"material:{material.id}"] = material_reason(
                    library, guide, material, language
                )
                yield Row(
                    self._material_content(material, library), value=f"material:{material.id}"
                )
            yield Static(self.t("steps"), classes="section", markup=False)
            steps = "\n".join(f"{number}. {step}" for number, step in enumerate(guide.steps, 1))
            yield Prose(steps, classes="steps")
            if guide.basis:
                yield Static(self.t("basis"), classes="section", markup=False)
                for number, basis in enumerate(guide.basis):
                    key = f"basis:{number}"
                    self._reasons[key] = Reason(basis_text(library, basis), "", (), (basis,), False)
                    yield Row(basis_text(library, basis), value=key)
            yield from self._elements(guide)
            if guide.note:
                yield Static(self.t("note"), classes="section", markup=False)
                yield Prose(guide.note, classes="steps")
        yield Footer(compact=True)

    def _facts(self, library: Library) -> list[tuple[str, str]]:
        guide, language = self.guide, self.language
        rules = [
            (rule.text_en or rule.text) if language == "en" else rule.text
            for rule in guide.eligibility
        ]
        # Each rule is a clause of its own: joined with 、 they ran together into one condition.
        who = ("; " if language == "en" else "；").join(rules) if rules else guide.audience
        office = library.locality.office(guide.office)
        where = f"{office.name}\n{office.address}\n{office.hours}" if office else guide.department
        promised, legal = guide.time_limits.words(language)
        duration = promised or legal or "—"
        if promised and legal:
            duration = text("promised_and_legal", language, promised=promised, legal=legal)
        return [
            (self.t("who_can_apply"), who),
            (self.t("what_to_bring"), material_summary(guide, language)),
            (self.t("where_to_go"), where),
            (self.t("how_long"), duration),
            (self.t("cost"), guide.fee),
            (self.t("visits"), visits_text(guide.visits, language)),
        ]

    def _elements(self, guide: Guide) -> ComposeResult:
        """Codes, limits with their dates, fee basis, channels, and what a citizen may do next."""
        yield Static(self.t("howto_heading"), classes="section", markup=False)
        with Grid(classes="facts"):
            complaint = [(self.t("complaint_phone"), self.elements.complaint())]
            for label, value in [*self.elements.rows(guide), *complaint]:
                yield Static(label, classes="fact-label", markup=False)
                yield Prose(value, classes="fact-value")
        for heading, lines in (
            ("refusal_heading", self.elements.refusals([guide])),
            ("remedies_heading", self.elements.remedies()),
        ):
            if lines:
                yield Static(self.t(heading), classes="section", markup=False)
                yield Static(
                    "\n".join(f"• {line}" for line in lines), classes="steps", markup=False
                )

    def _row_content(
        self, main: str, bases: tuple[Basis, ...], library: Library, refer: str = ""
    ) -> Content:
        lines = [Content(f"• {main}")]
        if refer:
            lines.append(Content(f"  {refer}").stylize("italic"))
        if bases:
            citation = joined((basis_text(library, basis) for basis in bases), self.language)
            lines.append(Content(f"  {self.t('basis_line', basis=citation)}").stylize("dim"))
        return Content("\n").join(lines)

    def _material_content(self, material: Material, library: Library) -> Content:
        language = self.language
        state = text(f"state_{material.state}", language)
        name = material_line(material, language)
        condition = (
            describe_condition(material.when, library.facts, language)
            if material.when
            else text("always", language)
        )
        tag = Content.from_markup(f"[reverse {_state_style(material)}] $state [/]", state=state)
        return Content("\n").join(
            [
                Content(f"• {name}  ").append(tag),
                Content(f"  {self.t('when_line', condition=condition)}").stylize("dim"),
            ]
        )

    def on_mount(self) -> None:
        self.sub_title = document_title(self.guide, self.language)

    def after_recompose(self) -> None:
        self.sub_title = document_title(self.guide, self.language)

    def spoken_words(self) -> str | None:
        from govtui.render.spoken import document_words

        return document_words(self.guide.name, self.guide.summary)

    def _focused_reason(self) -> Reason | None:
        focused = self.focused
        return self._reasons.get(focused.value) if isinstance(focused, Row) else None

    def action_next_row(self, step: int) -> None:
        rows = list(self.query(Row))
        if not rows:
            return
        focused = self.focused
        if isinstance(focused, Row) and focused in rows:
            index = rows.index(focused) + step
        else:
            index = 0 if step > 0 else len(rows) - 1
        if index < 0:
            # Above the first requirement is the summary: show it again.
            self.query_one("#document").focus()
            self.query_one("#document").scroll_home(animate=False)
            return
        rows[min(index, len(rows) - 1)].focus()

    def action_start(self) -> None:
        self.govtui.start_application(self.guide)

    def action_why(self) -> None:
        reason = self._focused_reason()
        if reason is None:
            self.query_one(Row).focus()
            return
        self._show_why(reason)

    def action_policy(self) -> None:
        reason = self._focused_reason()
        bases = reason.bases if reason else self.guide.basis
        if bases:
            self.govtui.open_document(bases[0].policy, bases[0].article)
        else:
            self.notify(self.t("no_basis"), severity="warning")

    @on(Row.Chosen)
    def _row_clicked(self, event: Row.Chosen) -> None:
        reason = self._reasons.get(event.row.value)
        if reason is not None:
            self._show_why(reason)

    def _show_why(self, reason: Reason) -> None:
        def jump(basis: Basis | None) -> None:
            if basis is not None:
                self.govtui.open_document(basis.policy, basis.article)

        self.app.push_screen(WhyDialog(reason), jump)


def _state_style(material: Material) -> str:
    return {"required": "$warning", "shared": "$success"}.get(material.state, "$secondary")
