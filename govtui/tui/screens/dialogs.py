"""Dialogs that return a value: why a requirement applies, confirm, export, rate, edit an answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Input, RadioButton, RadioSet, Static

from govtui.content.models import AnswerValue, Basis, Elsewhere, Fact
from govtui.render.checklist import ExportFormat
from govtui.render.citation import basis_text
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovModal
from govtui.tui.widgets.question import ChoiceList, QuestionForm
from govtui.tui.widgets.rows import Row


@dataclass(frozen=True, slots=True)
class ExportLayout:
    """One way to export: a render format, its width in columns for text, and the file suffix."""

    name: str
    fmt: ExportFormat
    width: int
    suffix: str


# Plain text also comes in the widths of the receipt printers at village service points.
LAYOUTS: tuple[ExportLayout, ...] = (
    ExportLayout("text", "text", 80, ".txt"),
    ExportLayout("receipt_80mm", "text", 48, ".txt"),
    ExportLayout("receipt_58mm", "text", 32, ".txt"),
    ExportLayout("short_58mm", "receipt", 32, ".txt"),
    ExportLayout("markdown", "markdown", 80, ".md"),
    ExportLayout("html", "html", 80, ".html"),
    ExportLayout("json", "json", 80, ".json"),
)
# A printer takes plain text: a sheet of 80 columns or a receipt roll.
PRINT_LAYOUTS = tuple(layout for layout in LAYOUTS if layout.fmt in ("text", "receipt"))


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a requirement applies: what it is, when it applies, notes, and the articles behind it."""

    title: str
    condition: str
    notes: tuple[str, ...]
    bases: tuple[Basis, ...]
    bases_are_the_guides: bool
    """True when the requirement cites nothing itself and the guide's own basis is shown."""


class WhyDialog(GovModal[Basis | None]):
    """A requirement's reason and legal basis; choosing an article opens the policy reader."""

    AUTO_FOCUS = "Row"
    BINDINGS = bilingual(
        Key("enter", "open_basis", "key_read_policy", key_display="Enter"),
        Key("escape", "close", "key_close", key_display="Esc"),
    )

    def __init__(self, reason: Reason) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        reason = self.reason
        with VerticalScroll(classes="dialog"):
            yield Static(reason.title, classes="dialog-title", markup=False)
            if reason.condition:
                yield Static(self.t("when_line", condition=reason.condition), markup=False)
            for line in reason.notes:
                yield Static(line, classes="dialog-note", markup=False)
            yield Static(self.t("basis"), classes="section", markup=False)
            if reason.bases_are_the_guides and reason.bases:
                yield Static(self.t("basis_of_guide"), classes="dialog-note", markup=False)
            if not reason.bases:
                yield Static(self.t("no_basis"), classes="dialog-note", markup=False)
            for number, basis in enumerate(reason.bases):
                policy = library.policies.get(basis.policy)
                article = policy.article(basis.article) if policy and basis.article else None
                lines = [Content(basis_text(library, basis)).stylize("bold")]
                if article:
                    lines.append(Content(f"{article.heading}：{article.digest}"))
                yield Row(Content("\n").join(lines), value=str(number))
        yield Footer(compact=True)

    def action_open_basis(self) -> None:
        focused = self.focused
        if isinstance(focused, Row):
            self.dismiss(self.reason.bases[int(focused.value)])

    @on(Row.Chosen)
    def _clicked(self, event: Row.Chosen) -> None:
        self.dismiss(self.reason.bases[int(event.row.value)])

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(GovModal[bool]):
    """A yes-or-no question; Enter or Y says yes, Esc or N says no."""

    AUTO_FOCUS = "#yes"
    BINDINGS = bilingual(
        Key("y", "answer(True)", "key_yes", key_display="Y"),
        Key("n,escape", "answer(False)", "key_no", key_display="N/Esc"),
    )

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, classes="dialog-note", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.t("yes_button"), id="yes", variant="primary", compact=True)
                yield Button(self.t("no_button"), id="no", compact=True)
        yield Footer(compact=True)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to write where: the layout, the file (None: the printer), and whether personal
    answers stay unmasked."""

    layout: ExportLayout
    path: Path | None
    include_personal: bool


class ExportDialog(GovModal[ExportRequest | None]):
    """Choose the format and the file for the checklist, or, without a file, how to print it."""

    AUTO_FOCUS = "#export-path, #save"
    BINDINGS = bilingual(
        Key("ctrl+s", "save", "key_save", key_display="Ctrl+S"),
        Key("escape", "cancel", "key_cancel", key_display="Esc"),
    )

    def __init__(self, default_path: Path | None, remembered: ExportRequest | None = None) -> None:
        """`default_path` None makes it the print dialog: text layouts only, no file.

        `remembered` is the clerk's last choice (after a failed save), offered again as it was.
        """
        super().__init__()
        self.printing = default_path is None
        self.layouts = PRINT_LAYOUTS if self.printing else LAYOUTS
        self.export_layout = self.layouts[0]
        self.path_text = (
            "" if default_path is None else str(default_path.with_suffix(self.export_layout.suffix))
        )
        self.include_personal = False
        if remembered is not None and remembered.layout in self.layouts:
            self.export_layout = remembered.layout
            self.include_personal = remembered.include_personal
            if remembered.path is not None and not self.printing:
                self.path_text = str(remembered.path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = self.t("print_title" if self.printing else "export_title")
            yield Static(title, classes="dialog-title", markup=False)
            yield Static(self.t("export_format"), classes="field-label", markup=False)
            with RadioSet(id="export-format", compact=True):
                for layout in self.layouts:
                    yield RadioButton(
                        self.t(f"format_{layout.name}"), value=layout == self.export_layout
                    )
            if not self.printing:
                yield Static(self.t("export_file"), classes="field-label", markup=False)
                # Typing adds to the name instead of replacing it all at the first key.
                path = Input(value=self.path_text, id="export-path", select_on_focus=False)
                if self.app.is_headless:
                    path.cursor_blink = False  # deterministic snapshots
                yield path
            yield Checkbox(
                self.t("export_personal"),
                value=self.include_personal,
                id="export-personal",
                compact=True,
            )
            with Horizontal(classes="buttons"):
                label = self.t("print_button" if self.printing else "save_button")
                yield Button(label, id="save", variant="primary", compact=True)
                yield Button(self.t("cancel_button"), id="cancel", compact=True)
        yield Footer(compact=True)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.export_layout = self.layouts[event.index]
        if self.printing:
            return
        path = self.query_one("#export-path", Input)
        if path.value.strip():
            # Keep the name the clerk typed, but let the suffix follow the format.
            path.value = str(Path(path.value.strip()).with_suffix(self.export_layout.suffix))

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self.path_text = event.value

    @on(Checkbox.Changed, "#export-personal")
    def _personal_changed(self, event: Checkbox.Changed) -> None:
        self.include_personal = event.value

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.printing:
            self.dismiss(ExportRequest(self.export_layout, None, self.include_personal))
            return
        raw = self.path_text.strip()
        if not raw:
            self.notify(self.t("export_no_file"), severity="warning")
            return
        self.dismiss(
            ExportRequest(self.export_layout, Path(raw).expanduser(), self.include_personal)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)


class PrintDialog(ExportDialog):
    """The export dialog without a file: how to print the checklist on the counter printer."""

    # Its own class so the footer says what Ctrl+S does here: the labels are fixed per class.
    BINDINGS = bilingual(
        Key("ctrl+s", "save", "key_print", key_display="Ctrl+S"),
        Key("escape", "cancel", "key_cancel", key_display="Esc"),
    )

    def __init__(self) -> None:
        super().__init__(None)


@dataclass(frozen=True, slots=True)
class RatingChoice:
    """What the citizen said: 1-5 stars and, if they wish, why. Nothing else."""

    stars: int
    reason: str


class RatingDialog(GovModal[RatingChoice | None]):
    """The optional 好差评 at the end: press 1-5, add a reason if the citizen wants to."""

    AUTO_FOCUS = "#rating-stars"
    BINDINGS = bilingual(Key("escape", "skip", "key_skip", key_display="Esc"))

    def __init__(self, document_id: str) -> None:
        super().__init__()
        self.document_id = document_id
        self.reason = ""
        self.rated = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("rating_title"), classes="dialog-title", markup=False)
            yield Static(self.t("rating_hint"), classes="dialog-note", markup=False)
            reason = Input(
                value=self.reason,
                placeholder=self.t("rating_reason"),
                id="rating-reason",
                select_on_focus=False,
            )
            if self.app.is_headless:
                reason.cursor_blink = False  # deterministic snapshots
            yield reason
            yield ChoiceList(
                *[ChoiceList.numbered(stars, self.t(f"rating_{stars}")) for stars in range(1, 6)],
                shortcuts={},
                widget_id="rating-stars",
            )
        yield Footer(compact=True)

    @on(Input.Changed, "#rating-reason")
    def _reason_changed(self, event: Input.Changed) -> None:
        self.reason = event.value

    @on(Input.Submitted, "#rating-reason")
    def _reason_done(self) -> None:
        self.query_one("#rating-stars", ChoiceList).focus()

    @on(ChoiceList.OptionSelected, "#rating-stars")
    def _rated(self, event: ChoiceList.OptionSelected) -> None:
        reason = self.query_one("#rating-reason", Input)
        if self.focused is reason:
            # A digit queued to the stars just before the words moved the focus to the reason
            # box was part of the reason ("等了30分钟"): it goes there, and rates nothing.
            reason.insert_text_at_cursor(str(event.option_index + 1))
            return
        if self.rated:
            return  # a second key before the dialog closed: the citizen rated once
        self.rated = True
        self.dismiss(RatingChoice(event.option_index + 1, self.reason.strip()))

    def on_key(self, event: events.Key) -> None:
        # Words typed while the stars have focus are the reason: send them to its box.
        stars = self.query_one("#rating-stars", ChoiceList)
        character = event.character
        if self.focused is stars and event.is_printable and character and not character.isdigit():
            event.stop()
            reason = self.query_one("#rating-reason", Input)
            reason.focus()
            reason.insert_text_at_cursor(character)

    def on_paste(self, event: events.Paste) -> None:
        # An IME or a fast burst arrives as one paste: all of it is the reason, digits included,
        # so "等了30分钟" never rates 3 and spills the rest elsewhere.
        if self.focused is self.query_one("#rating-stars", ChoiceList) and event.text:
            event.stop()
            reason = self.query_one("#rating-reason", Input)
            reason.focus()
            reason.insert_text_at_cursor(event.text)

    def action_skip(self) -> None:
        self.dismiss(None)


class PickerDialog(GovModal[str | None]):
    """Choose one value from a short list: a digit or Enter picks, Esc keeps the current one."""

    AUTO_FOCUS = "#picker-choices"
    BINDINGS = bilingual(Key("escape", "cancel", "key_cancel", key_display="Esc"))

    def __init__(self, title: str, options: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            choices = ChoiceList(
                *[
                    ChoiceList.numbered(number, label)
                    for number, (label, _) in enumerate(self.options, 1)
                ],
                shortcuts={},
                widget_id="picker-choices",
            )
            values = [value for _, value in self.options]
            choices.highlighted = values.index(self.current) if self.current in values else 0
            yield choices
        yield Footer(compact=True)

    @on(ChoiceList.OptionSelected, "#picker-choices")
    def _picked(self, event: ChoiceList.OptionSelected) -> None:
        self.dismiss(self.options[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuestionDialog(GovModal[AnswerValue | None]):
    """Change one answer from the review screen."""

    BINDINGS = bilingual(Key("escape", "cancel", "key_cancel", key_display="Esc"))

    def __init__(self, fact: Fact, current: AnswerValue | None) -> None:
        super().__init__()
        self.fact = fact
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield QuestionForm(self.fact, self.language, self.current)
        yield Footer(compact=True)

    @on(QuestionForm.Answered)
    def _answered(self, event: QuestionForm.Answered) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ElsewhereDialog(GovModal[None]):
    """A matter another office handles: which kind of office, why, and the rule."""

    BINDINGS = bilingual(Key("escape", "close", "key_close", key_display="Esc"))

    def __init__(self, matter: Elsewhere) -> None:
        super().__init__()
        self.matter = matter

    def compose(self) -> ComposeResult:
        name, where, why = self.matter.words(self.language)
        with Vertical(classes="dialog"):
            yield Static(self.t("elsewhere_title"), classes="dialog-title", markup=False)
            yield Static(name, classes="field-label", markup=False)
            yield Static(self.t("elsewhere_go_to", place=where), markup=False)
            yield Static(why, classes="dialog-note", markup=False)
            library = self.govtui.library
            if library is not None and self.matter.basis:
                citations = "；".join(basis_text(library, basis) for basis in self.matter.basis)
                yield Static(
                    self.t("basis_line", basis=citations), classes="dialog-note", markup=False
                )
        yield Footer(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
