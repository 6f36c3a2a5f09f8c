"""The interview: one question at a time, progress, back, and the checklist growing beside it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, ProgressBar, Static

from govtui.interview import Outcome, question_for
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.screens.checklist import ChecklistScreen
from govtui.tui.screens.review import ReviewScreen
from govtui.tui.session import Session
from govtui.tui.widgets.outcome import EligibilityView, checklist_content
from govtui.tui.widgets.prose import Prose
from govtui.tui.widgets.question import QuestionForm
from govtui.tui.widgets.results import document_title


class InterviewScreen(GovScreen[None]):
    """Ask what the core still needs, one fact at a time, for a guide or a whole life event."""

    BINDINGS = bilingual(
        Key("escape", "back", "key_previous", key_display="Esc"),
        Key("f6", "review", "key_review", key_display="F6"),
        Key("f8", "checklist", "key_checklist", key_display="F8"),
        Key("ctrl+s", "save_case", "key_save_case", key_display="Ctrl+S"),
    )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.outcome: Outcome | None = None
        self._revision_shown = -1
        self._form: QuestionForm | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="interview"):
            with VerticalScroll(id="question-side"):
                yield Static(
                    self.t(
                        "interview_title", name=document_title(self.session.target, self.language)
                    ),
                    classes="document-title",
                    markup=False,
                )
                yield Static("", id="progress-text", markup=False)
                yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
                yield Vertical(id="question-slot")
                yield EligibilityView(id="eligibility")
            with VerticalScroll(id="checklist-side"):
                yield Static(self.t("checklist_so_far"), classes="section", markup=False)
                yield Prose("", hang=2, id="checklist-so-far")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.t("interview_subtitle")
        self.show_current()

    def after_recompose(self) -> None:
        self.sub_title = self.t("interview_subtitle")
        self.show_current()

    def on_screen_resume(self) -> None:
        # Answers may have changed on the review screen; a finished session shows nothing more.
        finished = self.govtui.session is not self.session
        if not finished and self._revision_shown not in (-1, self.session.revision):
            self.show_current()

    def show_current(self) -> None:
        """Recompute the outcome and show the question due (or revisited), or that none is left."""
        library = self.govtui.library
        assert library is not None
        outcome = self.outcome = self.govtui.outcome(self.session)
        self._revision_shown = self.session.revision
        progress = outcome.progress
        total = progress.answered + progress.remaining_at_most
        revisited = self.session.revisited()
        if revisited is not None:
            assert self.session.revisiting is not None
            progress_text = self.t("progress_revisiting", number=self.session.revisiting + 1)
        elif outcome.next_question is None:
            progress_text = self.t("progress_done", answered=progress.answered)
        else:
            progress_text = self.t(
                "progress_text", number=progress.answered + 1, remaining=progress.remaining_at_most
            )
        self.query_one("#progress-text", Static).update(progress_text)
        self.query_one("#progress", ProgressBar).update(
            total=max(total, 1), progress=progress.answered
        )
        view = self.govtui.view(outcome)
        self.query_one("#eligibility", EligibilityView).show(view)
        self.query_one("#checklist-so-far", Prose).update(checklist_content(view))
        slot = self.query_one("#question-slot", Vertical)
        slot.remove_children()
        fact = (
            question_for(library, self.session.target, revisited)
            if revisited is not None
            else outcome.next_question
        )
        if fact is None:
            self._form = None
            slot.mount(Static(self.t("all_answered"), classes="hint", markup=False))
            self.query_one("#question-side").focus()
            return
        self._form = QuestionForm(fact, self.language, self.session.default_for(fact.id))
        slot.mount(self._form)

    def spoken_words(self) -> str | None:
        """The question being asked, or the result once every question is answered."""
        from govtui.render.spoken import question_words, result_words

        if self._form is not None:
            return question_words(self._form.fact)
        return result_words(self.govtui.view(self.govtui.outcome(self.session), "zh"))

    @on(QuestionForm.Answered)
    def _answered(self, event: QuestionForm.Answered) -> None:
        if event.form is not self._form:
            return  # a form already replaced: its answer is in, this is a stray key
        revisiting = self.session.revisited() is not None
        self.session.answer(event.fact.id, event.value)
        if revisiting:
            # A changed answer can set later ones aside; those are not walked through again.
            self.session.step_forward(self.govtui.outcome(self.session).set_aside)
        self.show_current()
        if (
            self.outcome is not None
            and self.outcome.next_question is None
            and self.session.revisited() is None
        ):
            self.app.push_screen(ReviewScreen(self.session))

    def action_back(self) -> None:
        """The answered question before this one, its answer kept; before the first, leave."""
        set_aside = self.outcome.set_aside if self.outcome is not None else {}
        if self.session.step_back(set_aside) is None:
            self.app.pop_screen()
            return
        self.show_current()

    def action_review(self) -> None:
        self.app.push_screen(ReviewScreen(self.session))

    def action_checklist(self) -> None:
        self.app.push_screen(ChecklistScreen(self.session))

    def action_save_case(self) -> None:
        self.govtui.save_case()
