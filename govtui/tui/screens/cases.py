"""Saving and opening a case: the passphrase dialogs, and a visit to and from its saved state.

The slow Scrypt key runs in a thread worker of the dialog, which stays open to say what went
wrong (a short passphrase, a wrong one, a damaged file) so the clerk can try again at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from govtui.cases.state import CaseState, ServiceState, Stop
from govtui.cases.store import MINIMUM_PASSPHRASE_LENGTH, check_passphrase, open_case, save_case
from govtui.content.models import Library
from govtui.errors import GovtuiError
from govtui.i18n import long_date
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovModal
from govtui.tui.session import Session, Visit
from govtui.tui.visit import COMBINED_ID

# Screen class names, so this module need not import the screens (they import it for the key).
_STOPS: dict[str, Stop] = {
    "InterviewScreen": "interview",
    "ReviewScreen": "review",
    "ChecklistScreen": "checklist",
}


def where_stopped(screens: Sequence[Screen[object]]) -> tuple[Session | None, Stop]:
    """The service and the screen the visit is at: the top-most interview, review or checklist."""
    for screen in reversed(screens):
        stop = _STOPS.get(type(screen).__name__)
        session = getattr(screen, "session", None)
        if stop is not None and isinstance(session, Session):
            if session.target.id == COMBINED_ID:
                return session, "visit-checklist"
            return session, stop
    return None, "search"


def visit_state(visit: Visit, current: Session | None, stopped_at: Stop) -> CaseState:
    """The visit as it is saved. Ticks made on the visit's combined notice count for each part."""
    combined = current.brought if current is not None and stopped_at == "visit-checklist" else set()
    return CaseState(
        code=visit.code,
        services=tuple(
            ServiceState(
                target=session.target.id,
                answers=dict(session.answers),
                asked=tuple(session.asked),
                brought=tuple(sorted(session.brought | combined)),
                revisiting=session.revisiting,
            )
            for session in visit.sessions.values()
        ),
        current=current.target.id if current is not None else None,
        stopped_at=stopped_at,
    )


def restored_visit(library: Library, state: CaseState) -> Visit:
    """The saved state as a visit on this library: all of it, or a `GovtuiError` and nothing."""
    visit = Visit(code=state.code, owns_case_file=True)
    for service in state.services:
        target = library.guides.get(service.target) or library.bundles.get(service.target)
        if target is None:
            raise GovtuiError("error_case_service_missing", id=service.target)
        session = Session(target)
        session.answers.update(service.answers)
        session.asked.extend(service.asked)
        session.brought.update(service.brought)
        session.revisiting = service.revisiting
        session.revision += 1
        visit.sessions[target.id] = session
    if state.current not in (None, COMBINED_ID) and state.current not in visit.sessions:
        raise GovtuiError("error_case_service_missing", id=state.current)
    return visit


@dataclass(frozen=True, slots=True)
class OpenedCase:
    """A case that opened: the visit to continue, and where it stopped."""

    visit: Visit
    state: CaseState


DialogResult = TypeVar("DialogResult")


class _CaseDialog(GovModal[DialogResult]):
    """What the two dialogs share: a problem line, and inputs locked while the key is derived."""

    def _problem(self, message: str) -> None:
        self.query_one("#case-problem", Static).update(message)
        self._working(False)

    def _working(self, busy: bool) -> None:
        for widget in self.query(Input):
            widget.disabled = busy
        for button in self.query(Button):
            button.disabled = busy
        if busy:
            self.query_one("#case-problem", Static).update(self.t("case_working"))

    def _password(self, widget_id: str) -> Input:
        field = Input(password=True, id=widget_id, select_on_focus=False)
        if self.app.is_headless:
            field.cursor_blink = False  # deterministic snapshots
        return field

    def _buttons(self, label: str) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(label, id="case-go", variant="primary", compact=True)
            yield Button(self.t("cancel_button"), id="case-cancel", compact=True)

    @on(Button.Pressed, "#case-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        raise NotImplementedError


class CaseSaveDialog(_CaseDialog[Path | None]):
    """Ask the passphrase twice, say where the case goes and for how long, then save it."""

    AUTO_FOCUS = "#case-passphrase"
    BINDINGS = bilingual(
        Key("ctrl+s", "save", "key_save", key_display="Ctrl+S"),
        Key("escape", "cancel", "key_cancel", key_display="Esc"),
    )

    class Saved(Message):
        """The case file is written."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Failed(Message):
        """The case could not be saved; nothing was written."""

        def __init__(self, error: GovtuiError) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        state: CaseState,
        folder: Path,
        today: datetime.date,
        keep_days: int,
        *,
        replace: bool,
        make_folder: bool,
    ) -> None:
        super().__init__()
        self.state = state
        self.folder = folder
        self.today = today
        self.keep_days = keep_days
        self.replace = replace
        self.make_folder = make_folder

    def compose(self) -> ComposeResult:
        from govtui.cases.store import case_path

        deleted = self.today + datetime.timedelta(days=self.keep_days)
        with Vertical(classes="dialog case-dialog"):
            yield Static(
                self.t("case_save_title", code=self.state.code),
                classes="dialog-title",
                markup=False,
            )
            yield Static(
                self.t(
                    "case_save_where",
                    path=case_path(self.folder, self.state.code),
                    days=self.keep_days,
                    date=long_date(deleted, self.language),
                ),
                classes="dialog-note",
                markup=False,
            )
            yield Static(
                self.t("case_passphrase", n=MINIMUM_PASSPHRASE_LENGTH),
                classes="field-label",
                markup=False,
            )
            yield self._password("case-passphrase")
            yield Static(self.t("case_passphrase_again"), classes="field-label", markup=False)
            yield self._password("case-passphrase-again")
            yield Static(self.t("case_passphrase_warning"), classes="dialog-note", markup=False)
            yield Static("", id="case-problem", classes="warning-line", markup=False)
            yield from self._buttons(self.t("case_save_button"))
        yield Footer(compact=True)

    @on(Input.Submitted, "#case-passphrase")
    def _first_submitted(self) -> None:
        self.query_one("#case-passphrase-again", Input).focus()

    @on(Input.Submitted, "#case-passphrase-again")
    def _second_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#case-go")
    def _go_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        passphrase = self.query_one("#case-passphrase", Input).value
        repeated = self.query_one("#case-passphrase-again", Input).value
        try:
            check_passphrase(passphrase, repeated)
        except GovtuiError as error:
            self._problem(error.message(self.language))
            return
        self._working(True)
        self._save(passphrase)

    # A fixed description: by default Textual would put the arguments, the passphrase, in it.
    @work(thread=True, exclusive=True, group="case", name="case", description="save a case")
    def _save(self, passphrase: str) -> None:
        try:
            path = save_case(
                self.folder,
                self.state,
                passphrase,
                self.today,
                self.keep_days,
                replace=self.replace,
                make_folder=self.make_folder,
            )
        except GovtuiError as error:
            self.post_message(self.Failed(error))
            return
        self.post_message(self.Saved(path))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        self.dismiss(message.path)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self._problem(message.error.message(self.language))
        self.query_one("#case-passphrase", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class CaseOpenDialog(_CaseDialog[OpenedCase | None]):
    """Ask the code and the passphrase, find the case in the folder, and open it whole."""

    AUTO_FOCUS = "#case-code"
    BINDINGS = bilingual(
        Key("ctrl+s", "open", "key_open_case", key_display="Ctrl+S"),
        Key("escape", "cancel", "key_cancel", key_display="Esc"),
    )

    class Decrypted(Message):
        """The case opened and passed every check."""

        def __init__(self, state: CaseState) -> None:
            super().__init__()
            self.state = state

    class Failed(Message):
        """The case did not open; nothing is restored."""

        def __init__(self, error: GovtuiError) -> None:
            super().__init__()
            self.error = error

    def __init__(self, library: Library, folder: Path, today: datetime.date) -> None:
        super().__init__()
        self.library = library
        self.folder = folder
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog case-dialog"):
            yield Static(self.t("case_open_title"), classes="dialog-title", markup=False)
            yield Static(
                self.t("case_open_folder", folder=self.folder), classes="dialog-note", markup=False
            )
            yield Static(self.t("case_open_code"), classes="field-label", markup=False)
            code = Input(id="case-code", placeholder="QH-7K4Q", select_on_focus=False)
            if self.app.is_headless:
                code.cursor_blink = False
            yield code
            yield Static(self.t("case_open_passphrase"), classes="field-label", markup=False)
            yield self._password("case-passphrase")
            yield Static("", id="case-problem", classes="warning-line", markup=False)
            yield from self._buttons(self.t("case_open_button"))
        yield Footer(compact=True)

    @on(Input.Submitted, "#case-code")
    def _code_submitted(self) -> None:
        self.query_one("#case-passphrase", Input).focus()

    @on(Input.Submitted, "#case-passphrase")
    def _passphrase_submitted(self) -> None:
        self.action_open()

    @on(Button.Pressed, "#case-go")
    def _go_pressed(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        from govtui.cases.code import parse_case_code

        try:
            code = parse_case_code(self.query_one("#case-code", Input).value)
        except GovtuiError as error:
            self._problem(error.message(self.language))
            self.query_one("#case-code", Input).focus()
            return
        self._working(True)
        self._open(code, self.query_one("#case-passphrase", Input).value)

    @work(thread=True, exclusive=True, group="case", name="case", description="open a case")
    def _open(self, code: str, passphrase: str) -> None:
        try:
            state = open_case(self.folder, code, passphrase, self.today)
        except GovtuiError as error:
            self.post_message(self.Failed(error))
            return
        self.post_message(self.Decrypted(state))

    @on(Decrypted)
    def _decrypted(self, message: Decrypted) -> None:
        try:
            visit = restored_visit(self.library, message.state)
        except GovtuiError as error:
            self._failed(self.Failed(error))
            return
        self.dismiss(OpenedCase(visit, message.state))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self._problem(message.error.message(self.language))
        passphrase = self.query_one("#case-passphrase", Input)
        passphrase.value = ""
        passphrase.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
