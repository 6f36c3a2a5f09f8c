"""The director's report: ratings, bad ratings and their deadlines, failed searches, workload."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Footer, Header, Static

from govtui.errors import GovtuiError
from govtui.events.report import Report
from govtui.paths import data_dir
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen


class ReportScreen(GovScreen[None]):
    """The same report as `govtui report`, from the county's database when one is set."""

    AUTO_FOCUS = "#report-body"
    BINDINGS = bilingual(
        Key("r", "refresh", "key_refresh", key_display="R"),
        Key("escape", "back", "key_back", key_display="Esc"),
    )

    report: reactive[Report | None] = reactive(None, init=False, always_update=True)
    """The report once read; None while it is being read."""

    class ReportRead(Message):
        """The worker finished reading the report (or failed, with the reason)."""

        def __init__(self, report: Report | None, problem: str | None) -> None:
            super().__init__()
            self.report = report
            self.problem = problem

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="report-body"):
            yield Static(self._body(), id="report-text", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.t("report_screen_title")
        self._read()

    def _body(self) -> str:
        from govtui.render.report_text import render_report_text

        if self.problem is not None:
            return self.problem
        if self.report is None:
            return self.t("report_loading")
        return render_report_text(self.report, self.language)

    def watch_report(self) -> None:
        self.query_one("#report-text", Static).update(self._body())

    @work(thread=True, exclusive=True, group="report", name="report", exit_on_error=False)
    def _read(self) -> None:
        """Read the events off the UI thread: a county database may take a moment to answer."""
        from govtui.content.calendar import EMPTY_CALENDAR, add_working_days
        from govtui.events.legacy import open_terminal_store
        from govtui.events.report import Filters, build_report
        from govtui.events.settings import load_event_settings
        from govtui.events.store import EventStore

        library = self.govtui.library
        calendar = library.calendar if library else EMPTY_CALENDAR
        names = {guide.id: guide.name for guide in library.guides.values()} if library else {}
        try:
            settings = load_event_settings()
            if settings.database_url:
                store = EventStore.open(settings.database_url)
            else:
                folder = self.folder or data_dir()
                store = open_terminal_store(folder, point_code=settings.point_code, task_codes={})
            with store:
                report = build_report(
                    store.database,
                    Filters(),
                    deadline=lambda day, days: add_working_days(calendar, day, days),
                    rectification_working_days=settings.rectification_working_days,
                    names=names,
                )
        except GovtuiError as error:
            self.post_message(self.ReportRead(None, error.message(self.language)))
            return
        self.post_message(self.ReportRead(report, None))

    @on(ReportRead)
    def _report_read(self, message: ReportRead) -> None:
        self.problem = message.problem
        self.report = message.report

    def action_refresh(self) -> None:
        self.problem = None
        self.report = None
        self._read()

    def action_back(self) -> None:
        self.dismiss(None)
