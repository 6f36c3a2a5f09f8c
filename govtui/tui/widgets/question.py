"""One interview question with the widget its fact type needs, validated by the core."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, MaskedInput, OptionList, Static
from textual.widgets.option_list import Option

from govtui.content.models import AnswerValue, Fact
from govtui.i18n import Language, text
from govtui.interview import AnswerInvalid, parse_answer
from govtui.tui.widgets.results import spaced

if TYPE_CHECKING:
    from govtui.tui.app import GovTuiApp

# What a clerk may type for each text format, so a slip of the finger never reaches validation.
_RESTRICT = {"id_number": r"[0-9Xx]*", "mobile": r"[0-9+ -]*"}
_MAX_LENGTH = {"id_number": 18, "mobile": 16}


class ChoiceList(OptionList):
    """Options numbered 1-9: a digit picks one at once, Enter picks the highlighted one."""

    def __init__(
        self, *options: Option | None, shortcuts: dict[str, int], widget_id: str | None = None
    ) -> None:
        super().__init__(*options, id=widget_id)
        self.shortcuts = shortcuts

    @staticmethod
    def numbered(number: int, label: str) -> Option:
        """An option showing the digit that picks it.

        Textual wraps at spaces only, so after "1  " a long Chinese label (one unbroken word to
        it) would start on the next line without its digit; "1．" keeps them together, as
        Chinese numbering is written anyway.
        """
        joiner = "．" if label[:1] > "\u2e80" else "  "
        return Option(
            Content.from_markup(
                "[b]$number[/b]$joiner$label", number=str(number), joiner=joiner, label=label
            )
        )

    def on_key(self, event: events.Key) -> None:
        index = self.shortcuts.get(event.key)
        if index is None and event.character and event.character.isdigit():
            index = int(event.character) - 1
        if index is not None and 0 <= index < self.option_count:
            event.stop()
            self.highlighted = index
            self.action_select()


def _choice_options(fact: Fact, language: Language) -> tuple[list[Option], list[str | bool]]:
    values: list[str | bool]
    if fact.type == "boolean":
        yes = text("answer_yes", language)
        no = text("answer_no", language)
        if fact.yes:
            yes = text("with_note", language, main=yes, note=fact.yes.get(language))
        if fact.no:
            no = text("with_note", language, main=no, note=fact.no.get(language))
        labels, values = [yes, no], [True, False]
    else:
        labels = [choice.label.get(language) for choice in fact.choices]
        values = [choice.value for choice in fact.choices]
    options = [ChoiceList.numbered(number, label) for number, label in enumerate(labels, 1)]
    return options, values


def answer_as_input(value: AnswerValue | None) -> str:
    """A stored answer as the text an input box shows for it."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class QuestionForm(Vertical):
    """Ask one fact. Posts `Answered` once the core has accepted what the clerk entered."""

    @dataclass
    class Answered(Message):
        """The clerk answered the question and the answer passed validation."""

        form: QuestionForm
        fact: Fact
        value: AnswerValue

    def __init__(
        self,
        fact: Fact,
        language: Language,
        default: AnswerValue | None = None,
    ) -> None:
        super().__init__(classes="question-form")
        self.fact = fact
        self.language = language
        self.default = default
        self.answered = False
        self._choice_values: list[str | bool] = []

    def compose(self) -> ComposeResult:
        fact, language = self.fact, self.language
        label = fact.label.get(language)
        if fact.type == "number" and fact.unit:
            label = text("with_note", language, main=label, note=fact.unit.get(language))
        yield Static(label, classes="question-label", markup=False)
        if fact.help:
            yield Static(fact.help.get(language), classes="question-help", markup=False)
        if fact.type in ("boolean", "choice"):
            options, self._choice_values = _choice_options(fact, language)
            shortcuts = {"y": 0, "n": 1} if fact.type == "boolean" else {}
            elder = cast("GovTuiApp", self.app).elder
            choices = ChoiceList(
                *spaced(options, elder), shortcuts=shortcuts, widget_id="answer-choice"
            )
            default = self.default
            if isinstance(default, str | bool) and default in self._choice_values:
                choices.highlighted = self._choice_values.index(default)
            yield choices
        elif fact.type == "date":
            yield MaskedInput(
                template="9999-99-99",
                value=answer_as_input(self.default) or None,
                placeholder=text("date_placeholder", language),
                id="answer-input",
            )
        elif fact.type == "number":
            yield Input(
                value=answer_as_input(self.default) or None,
                placeholder=text("number_placeholder", language),
                # Whole numbers too take a decimal point, so 0.5 is refused with a reason
                # instead of silently read as 5.
                type="number",
                id="answer-input",
            )
        else:
            yield Input(
                value=answer_as_input(self.default) or None,
                placeholder=text(f"text_placeholder_{fact.format or 'plain'}", language),
                restrict=_RESTRICT.get(fact.format or ""),
                max_length=_MAX_LENGTH.get(fact.format or "", 500),
                id="answer-input",
            )
        yield Static("", id="answer-error", markup=False)

    def on_mount(self) -> None:
        if self.app.is_headless:
            # A blinking cursor would make every snapshot different.
            for box in self.query(Input):
                box.cursor_blink = False
        # Focus at once, before the question is even drawn: a clerk who types as soon as it
        # appears must not lose the first keys.
        self.focus_answer()

    def focus_answer(self) -> None:
        """Put the keyboard on the answer widget, unless the form is already on its way out.

        A quick clerk can answer before the form has finished mounting; its widgets are then
        gone by the time it would take the focus.
        """
        for answer in self.query("#answer-choice, #answer-input"):
            answer.focus()
            return

    def show_problem(self, problem: str) -> None:
        error = self.query_one("#answer-error", Static)
        error.update(problem)
        error.set_class(bool(problem), "-shown")

    @on(OptionList.OptionSelected, "#answer-choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._answer(self._choice_values[event.option_index])

    @on(Input.Submitted, "#answer-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = parse_answer(self.fact, event.value, today=self._today())
        except AnswerInvalid as invalid:
            self.show_problem(invalid.problem.get(self.language))
            return
        self.show_problem("")
        self._answer(value)

    def _today(self) -> datetime.date:
        # The app's clock, so a test's fixed date also decides what counts as the future.
        return cast("GovTuiApp", self.app).today()

    def _answer(self, value: AnswerValue) -> None:
        """Answer once. A key pressed right after, meant for the next question, may still reach
        this form before it is replaced; it must not change this answer."""
        if self.answered:
            return
        self.answered = True
        self.post_message(self.Answered(self, self.fact, value))

    @on(Input.Changed, "#answer-input")
    def _typed(self, event: Input.Changed) -> None:
        # The last problem shown no longer describes what is in the box.
        event.stop()
        self.show_problem("")
