"""The review screen: every answer given, each one a key press away from being changed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from govtui.content.describe import describe_value
from govtui.content.models import AnswerValue
from govtui.render.masking import mask_answer
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.screens.checklist import ChecklistScreen
from govtui.tui.screens.dialogs import QuestionDialog
from govtui.tui.session import Session
from govtui.tui.widgets.outcome import EligibilityView
from govtui.tui.widgets.results import document_title
from govtui.tui.widgets.rows import Row


class ReviewScreen(GovScreen[None]):
    """Read the answers back to the citizen before the checklist is printed."""

    BINDINGS = bilingual(
        Key("enter", "edit", "key_edit", key_display="Enter"),
        Key("c", "checklist", "key_checklist", key_display="C"),
        Key("ctrl+s", "save_case", "key_save_case", key_display="Ctrl+S"),
        Key("escape", "app.pop_screen", "key_back_to_questions", key_display="Esc"),
    )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._focused_fact: str | None = None
        self._revision_shown = -1

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        outcome = self.govtui.outcome(self.session)
        self._revision_shown = self.session.revision
        language = self.language
        yield Header(icon="◆")
        with VerticalScroll(id="document"):
            yield Static(
                self.t("review_title", name=document_title(self.session.target, language)),
                classes="document-title",
                markup=False,
            )
            eligibility = EligibilityView(id="eligibility")
            yield eligibility
            eligibility.show(self.govtui.view(outcome))
            if outcome.next_question is not None:
                yield Static(
                    self.t("review_open_questions", n=outcome.progress.remaining_at_most),
                    classes="warning-line",
                    markup=False,
                )
            yield Static(self.t("review_hint"), classes="hint", markup=False)
            for fact_id in self.session.asked:
                fact = library.facts.get(fact_id)
                value = self.session.answers.get(fact_id)
                if fact is None or value is None:
                    continue
                lines = [
                    Content(fact.label.get(language)),
                    Content.assemble("  ", (self._shown(fact_id, value), "bold")),
                ]
                if fact_id in outcome.set_aside:
                    lines.append(Content(f"  {self.t('answer_set_aside')}").stylize("dim"))
                yield Row(Content("\n").join(lines), value=fact_id, widget_id=f"answer-{fact_id}")
        yield Footer(compact=True)

    def spoken_words(self) -> str | None:
        """The result: the citizen hears it before the checklist is printed."""
        from govtui.render.spoken import result_words

        return result_words(self.govtui.view(self.govtui.outcome(self.session), "zh"))

    def _shown(self, fact_id: str, value: AnswerValue) -> str:
        """An answer as read back: personal data masked, since the screen faces the queue too."""
        library = self.govtui.library
        assert library is not None
        fact = library.facts[fact_id]
        if fact.personal:
            return mask_answer(fact, value)
        return describe_value(fact, value, self.language)

    def on_mount(self) -> None:
        self.sub_title = self.t("review_subtitle")
        self._focus_answer()

    def after_recompose(self) -> None:
        self.sub_title = self.t("review_subtitle")
        self._focus_answer()

    def on_screen_resume(self) -> None:
        # An answer may have been changed in the dialog, or on the screens further on. A finished
        # session is passing through on its way back to search: nothing to show.
        finished = self.govtui.session is not self.session
        if not finished and self._revision_shown not in (-1, self.session.revision):
            self.call_later(self._refresh_answers)

    async def _refresh_answers(self) -> None:
        await self.recompose()
        self._focus_answer()

    def _focus_answer(self) -> None:
        rows = self.query(Row)
        chosen = [row for row in rows if row.value == self._focused_fact]
        if chosen:
            chosen[0].focus()
        elif rows:
            rows.first().focus()

    def action_edit(self) -> None:
        focused = self.focused
        if isinstance(focused, Row):
            self._edit(focused.value)

    @on(Row.Chosen)
    def _clicked(self, event: Row.Chosen) -> None:
        self._edit(event.row.value)

    def _edit(self, fact_id: str) -> None:
        library = self.govtui.library
        assert library is not None
        fact = library.facts[fact_id]
        self._focused_fact = fact_id

        def changed(value: AnswerValue | None) -> None:
            if value is not None:
                self.session.answer(fact_id, value)

        self.app.push_screen(QuestionDialog(fact, self.session.answers.get(fact_id)), changed)

    def action_checklist(self) -> None:
        self.app.push_screen(ChecklistScreen(self.session))

    def action_save_case(self) -> None:
        self.govtui.save_case()
