"""The app: wires screens, keys, the content and index workers, and the citizen's session.

Long because it is one idea: the Textual App, owning what no single screen may own (the
library, the index, the session, the language) and the workers that load them.
"""

from __future__ import annotations

import datetime
import gc
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from govtui.config import Config, load_config
from govtui.content.models import Document, Library
from govtui.errors import GovtuiError
from govtui.i18n import Language, text
from govtui.paths import data_dir, default_export_dir
from govtui.tui.index import (
    IndexFactory,
    ProgressCallback,
    SearchIndex,
    open_default_index,
    open_ready_index,
)
from govtui.tui.keys import Key, bilingual, language_allows
from govtui.tui.messages import ContentLoaded, IndexProgressed, IndexReady
from govtui.tui.screens.search import SearchScreen
from govtui.tui.session import Session, Visit
from govtui.tui.themes import THEMES, is_dark, theme_name
from govtui.tui.widgets.results import document_title

if TYPE_CHECKING:
    from govtui.interview import Outcome, Target
    from govtui.release.service import ContentAge
    from govtui.render.view import ChecklistView
    from govtui.speech import Reading
    from govtui.tui.ratings import EventRecorder
    from govtui.tui.screens.cases import OpenedCase
    from govtui.tui.screens.dialogs import RatingChoice

# The screens past the search screen, the interview engine and the exporters are imported where
# they are first needed: the launch to a usable search screen is budgeted at 0.6 s.

# Any ordinary query: searched once in the background so the first real search is fast.
WARM_UP_QUERY = "身份证"
# At this width the interview has room for the growing checklist beside the question.
WIDE_COLUMNS = 100
WIDER_COLUMNS = 140

# In elder mode a notice stays until the clerk closes it (适老化: no time-outs); a day is never.
ELDER_NOTICE_SECONDS = 24 * 60 * 60


class DocumentCommands(Provider):
    """Open any guide, life event or policy by name from the command palette."""

    def _entries(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        assert isinstance(app, GovTuiApp)
        library, language = app.library, app.language
        if library is None:
            return []
        documents: list[Document] = [
            *library.guides.values(),
            *library.bundles.values(),
            *library.policies.values(),
        ]
        return [
            (
                f"{text(document.kind, language)}: {document_title(document, language)}",
                partial(app.open_document, document.id, None),
            )
            for document in documents
        ]

    async def discover(self) -> Hits:
        for title, open_it in self._entries():
            yield DiscoveryHit(title, open_it)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, open_it in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), open_it)


class GovTuiApp(App[None]):
    """govtui for the window clerk: search, read, ask, print, clear."""

    CSS_PATH = "app.tcss"
    TITLE = "govtui"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (WIDE_COLUMNS, "-wide"),
        (WIDER_COLUMNS, "-wider"),
    ]
    COMMANDS = App.COMMANDS | {DocumentCommands}
    NOTIFICATION_TIMEOUT = 8  # elderly citizens read slowly; the clerk may read it aloud
    BINDINGS: ClassVar[list[BindingType]] = [
        *bilingual(
            Key("f1", "help", "key_help", key_display="F1"),
            Key("question_mark", "help", "key_help", show=False),
            Key("f2", "switch_language", "key_language", key_display="F2"),
            Key("ctrl+q", "quit", "key_quit", show=False, priority=True),
            Key("ctrl+p", "command_palette", "key_palette", show=False, priority=True),
            Key("f10", "open_report", "key_report", show=False, key_display="F10"),
            Key("f9", "finish_visit", "key_finish_visit", show=False, key_display="F9"),
            Key("f7", "toggle_elder", "key_elder", show=False, key_display="F7"),
            # Read aloud and closing notices are in the footer in elder mode only: the everyday
            # footer has no room, and there F1 lists them.
            Key("f5", "read_aloud('elder')", "key_read_aloud", key_display="F5"),
            Key("f5", "read_aloud('everyday')", "key_read_aloud", show=False, key_display="F5"),
            Key("ctrl+l", "dismiss_notices('elder')", "key_dismiss_notices", key_display="Ctrl+L"),
            Key(
                "ctrl+l",
                "dismiss_notices('everyday')",
                "key_dismiss_notices",
                show=False,
                key_display="Ctrl+L",
            ),
        ),
    ]

    language: reactive[Language] = reactive("zh", init=False)
    """The UI language; every screen recomposes when it changes."""
    library: reactive[Library | None] = reactive(None, init=False, always_update=True)
    """The content, once loaded."""
    index: reactive[SearchIndex | None] = reactive(None, init=False, always_update=True)
    """The search index, once open (or built)."""
    index_progress: reactive[tuple[int, int] | None] = reactive(None, init=False)
    """(done, total) while the index is being built."""
    elder: reactive[bool] = reactive(False, init=False)
    """Elder mode (适老化): solid high-contrast colours, more space, notices that stay."""

    def __init__(
        self,
        *,
        content_root: Path | None = None,
        library: Library | None = None,
        index: SearchIndex | None = None,
        index_factory: IndexFactory | None = None,
        language: Language = "zh",
        today: Callable[[], datetime.date] = datetime.date.today,
        ratings_dir: Path | None = None,
        export_dir: Path | None = None,
        freeze_after_load: bool = False,
        cases_dir: Path | None = None,
        case_code_source: Callable[[str], str] | None = None,
        elder: bool = False,
        readings_dir: Path | None = None,
    ) -> None:
        """Args:
        content_root: The content folder, loaded in a worker (unless `library` is given).
        library: Already loaded content (see `open_ready`, and tests).
        index: An open index (or a fake with the same `search`, in tests).
        index_factory: Opens or builds the index for a library, reporting progress.
        language: The UI language at start.
        today: The date the rules are applied for; a fixed one keeps tests stable.
        ratings_dir: Where the anonymous ratings go (default: the user data dir).
        export_dir: Where the export dialog proposes to save (default: `[export] folder` of the
            configuration, else `govtui` in the documents folder, made at the first save).
        freeze_after_load: Once content and index are loaded, keep the garbage collector from
            walking them again; each full collection otherwise pauses typing for 50-100 ms.
            Off by default because tests build many apps in one process.
        cases_dir: Where saved cases go (default: `[case] folder` of the configuration, else
            `cases` in the user data dir, made at the first save).
        case_code_source: Picks each character of the case code (default `secrets.choice`; a
            test passes a seeded one so the screens look the same every run).
        elder: Start in elder mode (`govtui --elder`); F7 switches it at any time.
        readings_dir: Write each reading aloud to a WAV file here instead of the speakers (the
            tests' way to hear it); None plays it.
        """
        super().__init__()
        if content_root is None and library is None:
            raise ValueError("give the content folder or a loaded library")
        self.content_root = content_root
        self.index_factory = index_factory or self._open_default_index
        self.today = today
        self.ratings_dir = ratings_dir
        self.config_problem: GovtuiError | None = None
        try:
            config = load_config()
        except GovtuiError as error:
            self.config_problem = error  # said once the screen is up
            config = Config()
        self.export_dir = export_dir or config.export_folder or default_export_dir()
        self._configure_cases(config, cases_dir, case_code_source)
        self.freeze_after_load = freeze_after_load
        self.session: Session | None = None
        self.content_age: ContentAge | None = None
        self._waiting_to_open: tuple[str, str | None] | None = None
        self.visit = Visit(code=self.new_case_code())
        self.set_reactive(GovTuiApp.language, language)
        self.set_reactive(GovTuiApp.library, library)
        self.set_reactive(GovTuiApp.index, index)
        self.readings_dir = readings_dir
        self._readings = 0
        # Set while a reading runs; setting the event stops it (F5 again, or the app quitting).
        self._reading_stop: threading.Event | None = None
        for theme in THEMES:
            self.register_theme(theme)
        self.set_reactive(GovTuiApp.elder, elder)
        self.theme = theme_name(elder=elder, dark=True)
        self.set_class(elder, "-elder")

    # Start-up ----------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return SearchScreen()

    def on_mount(self) -> None:
        from govtui.tui.testhook import install_test_hook

        install_test_hook(self)  # only with GOVTUI_TEST_HOOK set, for the real-browser test
        self._update_title()
        if self.config_problem is not None:
            self.notify(
                self.config_problem.message(self.language),
                title=self.t("error_title"),
                severity="warning",
                timeout=15,
            )
        if self.elder:
            # Opened with --elder: the clerk learns the keys, and how to make the text larger.
            self.notify(self.t("elder_on"), title=self.t("elder_on_title"))
        # The release's age and changes after the first frame: reading releases and diffs was
        # 30 ms of a county's launch, and a notice a frame later loses nothing.
        self.call_after_refresh(self._tell_about_the_release)
        self._purge_expired_cases()
        self.watch(self, "app_focus", self._app_focus_changed, init=False)
        if self.index is None:
            self._load(self.library)
            return
        # After the first frame, not before it: the screen is usable at once, and only a search
        # typed in its first few milliseconds waits for the query tables.
        self.call_after_refresh(self._warm_up)
        if self.library is None:
            # The content too: a county's takes 0.3 s to read, and the index alone answers
            # searches meanwhile.
            self.call_after_refresh(self._load, None)
        elif self.freeze_after_load:
            gc.freeze()

    def _tell_about_the_release(self) -> None:
        """The applied release's age in the title (and a warning if stale); its changes, once."""
        if self.content_root is None:
            return
        from govtui.release.service import content_age
        from govtui.tui.screens.changes import show_changes_once

        self.content_age = content_age(self.today(), self.content_root)
        show_changes_once(self)
        self._update_title()
        if self.content_age is not None and self.content_age.stale:
            # A warning, never a stop: last month's rules still serve today's citizen.
            self.notify(
                self.t(
                    "status_content_stale",
                    days=self.content_age.days,
                    version=self.content_age.version,
                ),
                title=self.t("status_content_stale_title"),
                severity="warning",
            )

    @work(thread=True, group="warm-up", name="warm-up", description="warm up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Search once, so the clerk's first search does not load the query analyser."""
        if self.index is not None:
            self.index.search(WARM_UP_QUERY, limit=1)

    def _app_focus_changed(self, focused: bool) -> None:
        """Give the screen its first focus if the app had none when its screen was composed.

        In a browser (textual-serve) the app is told it is blurred as it starts, often before
        the search screen is composed; Textual then skips the screen's first focus and has
        nothing to restore when the page takes the focus, so every key would go nowhere.
        """
        screen = self.screen
        if not focused or screen.focused is not None:
            return
        wanted = screen.AUTO_FOCUS if screen.AUTO_FOCUS is not None else self.AUTO_FOCUS
        if wanted:
            for widget in screen.query(wanted):
                if widget.focusable:
                    screen.set_focus(widget)
                    return

    @work(
        thread=True,
        exclusive=True,
        group="index",
        name="load",
        description="load the content and open the index",
        exit_on_error=False,
    )
    def _load(self, library: Library | None) -> None:
        """Read the content and open the index off the UI thread, so the screen is usable at once.

        When the index opened as the app started, only the content is read here. When the index
        is opened here, the content and the index are announced together: a redraw for the
        content alone would compete with this thread for the interpreter and cost about 0.2 s at
        launch. When it has to be built, the content is shown at once for browsing.
        """
        held: list[ContentLoaded] = []
        if library is None:
            from govtui.content.cache import load_library_cached
            from govtui.content.parsed import collection_paused
            from govtui.paths import cache_dir

            assert self.content_root is not None
            # The library lives as long as the app: set aside from the collector as it is read,
            # or the collections after it walk a county's 240,000 models again and again.
            with collection_paused():
                result = load_library_cached(
                    self.content_root,
                    cache_dir(),
                    on_damaged=partial(self._repaired, "notice_library_cache_repaired"),
                )
                if self.freeze_after_load:
                    gc.freeze()
            library = result.library
            held.append(ContentLoaded(library, len(result.report.errors)))
            if self.index is not None:
                # Opened as the app started, from the same content: nothing more to wait for.
                self.post_message(held.pop())
                return

        def progress(done: int, total: int) -> None:
            while held:
                self.post_message(held.pop())
            self.post_message(IndexProgressed(done, total))

        try:
            index = self.index_factory(library, progress)
            # The first search loads the query analyser (a word dictionary); pay for it here,
            # not on the clerk's first key press.
            index.search(WARM_UP_QUERY, limit=1)
        finally:
            # Without an index the content can still be browsed.
            for message in held:
                self.post_message(message)
        self.post_message(IndexReady(index))

    def _open_default_index(self, library: Library, progress: ProgressCallback) -> SearchIndex:
        """The on-disk index, built if need be; the clerk is told if a damaged one was rebuilt."""
        return open_default_index(
            library, progress, on_damaged=partial(self._repaired, "notice_index_repaired")
        )

    def _repaired(self, key: str) -> None:
        """Tell the clerk a damaged cache was rebuilt; called from the load worker's thread."""
        self.call_from_thread(
            self.notify, self.t(key), title=self.t("notice_repaired_title"), severity="information"
        )

    @on(ContentLoaded)
    def _content_loaded(self, message: ContentLoaded) -> None:
        self.library = message.library
        self._update_title()
        if message.problems:
            self.notify(
                self.t("content_problems", n=message.problems),
                title=self.t("content_problems_title"),
                severity="warning",
            )
        if self._waiting_to_open is not None:
            document_id, article = self._waiting_to_open
            self._waiting_to_open = None
            self.open_document(document_id, article)

    @on(IndexProgressed)
    def _index_progressed(self, message: IndexProgressed) -> None:
        self.index_progress = (message.done, message.total)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        self.index_progress = None
        if self.freeze_after_load:
            gc.freeze()

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure ends here, as a message a clerk can act on."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        detail = (
            error.message(self.language)
            if isinstance(error, GovtuiError)
            else f"{type(error).__name__}: {error}"
        )
        key = {"load": "error_load", "search": "error_search"}.get(event.worker.name, "error_other")
        self.notify(self.t(key, detail=detail), title=self.t("error_title"), severity="error")

    # Language and help -------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not language_allows(parameters, self.language):
            return False
        if parameters and parameters[0] in ("elder", "everyday"):
            # Of a key's two twins, the one for the other mode stands aside.
            return (parameters[0] == "elder") == self.elder
        return True

    def watch_language(self) -> None:
        self._update_title()

    def _update_title(self) -> None:
        # The case code on every screen, so the clerk can read it out or find it on the paper.
        self.title = self.t("app_title_with_case", title=self.t("app_title"), code=self.visit.code)
        locality = self.library.locality if self.library else None
        parts = [(locality.name_en if self.language == "en" else locality.name) if locality else ""]
        if self.content_age is not None:
            age = self.content_age
            parts.append(self.t("status_content", version=age.version, days=age.days))
        if any(parts):
            self.sub_title = " · ".join(part for part in parts if part)

    def action_switch_language(self) -> None:
        self.language = "en" if self.language == "zh" else "zh"

    def action_help(self) -> None:
        from govtui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_report(self) -> None:
        """The director's report of ratings and searches (F10, or from the command palette)."""
        from govtui.tui.screens.report import ReportScreen

        if not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen(self.ratings_dir))

    def action_help_quit(self) -> None:
        self.notify(self.t("how_to_quit"))

    def action_toggle_theme(self) -> None:
        self.theme = theme_name(elder=self.elder, dark=not is_dark(self.theme))

    # Elder mode and reading aloud (docs/accessibility.md) --------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notice, which in elder mode stays until the clerk closes it (Ctrl+L)."""
        if self.elder:
            timeout = ELDER_NOTICE_SECONDS
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_toggle_elder(self) -> None:
        self.elder = not self.elder

    def watch_elder(self, elder: bool) -> None:
        self.theme = theme_name(elder=elder, dark=is_dark(self.theme))
        self.set_class(elder, "-elder")
        self.refresh_bindings()
        # Notices shown with a time-out go, so none of them vanishes while being read.
        self.clear_notifications()
        if elder:
            self.notify(self.t("elder_on"), title=self.t("elder_on_title"))
        else:
            self.notify(self.t("elder_off"))

    def on_unmount(self) -> None:
        # A reading must not outlive the app (nor go on for the next citizen).
        if self._reading_stop is not None:
            self._reading_stop.set()

    def action_dismiss_notices(self) -> None:
        self.clear_notifications()

    def action_read_aloud(self) -> None:
        """Read the current question, the result or the checklist aloud; again to stop."""
        from govtui.tui.screens.base import GovScreen

        if self._reading_stop is not None:
            self._reading_stop.set()
            return
        screen = self.screen
        words = screen.spoken_words() if isinstance(screen, GovScreen) else None
        if not words:
            self.notify(self.t("reading_nothing"), severity="warning")
            return
        wav = None
        if self.readings_dir is not None:
            self._readings += 1
            wav = self.readings_dir / f"reading-{self._readings}.wav"
        self._reading_stop = threading.Event()
        self._read_aloud(words, wav, self._reading_stop)

    # The text goes to espeak-ng on its stdin, never into a worker's description or a log.
    @work(thread=True, group="speech", name="read-aloud", description="read aloud")
    def _read_aloud(self, words: str, wav: Path | None, stop: threading.Event) -> None:
        from govtui.speech import SpeechError, speak

        try:
            reading = speak(words, wav=wav)
        except SpeechError as error:
            self.call_from_thread(self._reading_ended, error, False, None)
            return
        threading.Thread(target=_stop_when_set, args=(stop, reading), daemon=True).start()
        self.call_from_thread(self.notify, self.t("reading_started"))
        problem: SpeechError | None = None
        try:
            reading.wait()
        except SpeechError as error:
            problem = error
        finally:
            stopped = stop.is_set()
            stop.set()  # lets the watcher thread end
        self.call_from_thread(self._reading_ended, problem, stopped, wav)

    def _reading_ended(self, problem: GovtuiError | None, stopped: bool, wav: Path | None) -> None:
        self._reading_stop = None
        if problem is not None:
            self.notify(
                problem.message(self.language),
                title=self.t("reading_failed_title"),
                severity="warning",
            )
        elif stopped:
            self.notify(self.t("reading_stopped"))
        elif wav is not None:
            self.notify(self.t("reading_saved", path=str(wav)))

    def action_new_search(self) -> None:
        self.call_later(self.return_to_search)

    def action_command_palette(self) -> None:
        """Textual's palette, with its search box worded in the UI language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=self.t("palette_placeholder"))
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            self.t("command_language"), self.t("command_language_help"), self.action_switch_language
        )
        yield SystemCommand(
            self.t("command_new_search"), self.t("command_new_search_help"), self.action_new_search
        )
        yield SystemCommand(self.t("command_help"), self.t("command_help_help"), self.action_help)
        yield SystemCommand(
            self.t("command_report"), self.t("command_report_help"), self.action_open_report
        )
        if self.visit.open:
            yield SystemCommand(
                self.t("command_finish"), self.t("command_finish_help"), self.action_finish_visit
            )
        if self.visit.open:
            yield SystemCommand(
                self.t("command_save_case"), self.t("command_save_case_help"), self.save_case
            )
        yield SystemCommand(
            self.t("command_open_case"), self.t("command_open_case_help"), self.action_open_case
        )
        if len(self.visit.sessions) >= 2:
            yield SystemCommand(
                self.t("command_visit_checklist"),
                self.t("command_visit_checklist_help"),
                self.visit_checklist,
            )
        yield SystemCommand(
            self.t("command_theme"), self.t("command_theme_help"), self.action_toggle_theme
        )
        yield SystemCommand(
            self.t("command_elder"), self.t("command_elder_help"), self.action_toggle_elder
        )
        yield SystemCommand(
            self.t("command_read_aloud"),
            self.t("command_read_aloud_help"),
            self.action_read_aloud,
        )
        yield SystemCommand(self.t("command_quit"), self.t("command_quit_help"), self.exit)

    # Navigation --------------------------------------------------------------------------------

    def open_document(self, document_id: str, article: str | None) -> None:
        """Show a guide, a life event or a policy (at one of its articles)."""
        from govtui.tui.screens.bundle import BundleScreen
        from govtui.tui.screens.guide import GuideScreen
        from govtui.tui.screens.policy import PolicyScreen

        library = self.library
        if library is None:
            # Chosen in the moment after launch, before the content is read: opened once it is.
            self._waiting_to_open = (document_id, article)
            self.notify(self.t("loading_content"))
            return
        if document_id in library.guides:
            self.push_screen(GuideScreen(library.guides[document_id]))
        elif document_id in library.bundles:
            self.push_screen(BundleScreen(library.bundles[document_id]))
        elif document_id in library.policies:
            self.push_screen(PolicyScreen(library.policies[document_id], article))
        elif matter := next((m for m in library.elsewhere if m.id == document_id), None):
            from govtui.tui.screens.dialogs import ElsewhereDialog

            self.push_screen(ElsewhereDialog(matter))
        else:
            self.notify(self.t("unknown_document", id=document_id), severity="warning")

    def start_application(self, target: Target) -> None:
        """Begin the interview for a guide or a life event, resuming this citizen's answers."""
        from govtui.tui.screens.interview import InterviewScreen

        session, carried = self.visit.session_for(target)
        self.session = session
        assert self.library is not None
        from govtui.tui.visit import facts_read_by

        reused = facts_read_by(self.library, target, carried)
        if reused:
            names = text("list_separator", self.language).join(
                self.library.facts[fact].short.get(self.language) for fact in reused
            )
            self.notify(self.t("answers_carried_over", facts=names), timeout=8)
        self.push_screen(InterviewScreen(session))

    def visit_checklist(self) -> None:
        """One notice for every stand-alone service of this visit, materials de-duplicated."""
        from govtui.tui.screens.checklist import ChecklistScreen

        assert self.library is not None
        from govtui.tui.visit import combined_target

        combined = combined_target(self.library, self.visit)
        if combined is None:
            self.notify(self.t("visit_needs_two_services"), severity="warning")
            return
        session = Session(combined)
        for fact_id, value in self.visit.answers().items():
            session.answer(fact_id, value)
        for part in self.visit.sessions.values():
            session.brought.update(part.brought)
        self.push_screen(ChecklistScreen(session))

    def outcome(self, session: Session) -> Outcome:
        """What the core concludes from the answers so far."""
        from govtui.interview import evaluate_target

        assert self.library is not None
        return evaluate_target(self.library, session.target, session.answers, self.today())

    def view(self, outcome: Outcome, language: Language | None = None) -> ChecklistView:
        """The outcome in the UI language (or `language`), as every face of the checklist shows it.

        Read-aloud asks for Chinese whatever the UI language: the voice speaks Mandarin.
        """
        from govtui.render.view import build_view

        assert self.library is not None
        return build_view(
            self.library, outcome, language or self.language, case_code=self.visit.code
        )

    async def return_to_search(self) -> None:
        """Close every screen above the search screen and start a fresh search."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if isinstance(self.screen, SearchScreen):
            self.screen.reset()

    def action_finish_visit(self) -> None:
        """Finish and clear from any screen: ask first, since it wipes the visit's answers."""
        from govtui.tui.screens.dialogs import ConfirmDialog

        if not self.visit.open and self.session is None:
            self.notify(self.t("nothing_to_clear"))
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.call_later(self.finish_session)

        self.push_screen(
            ConfirmDialog(self.t("finish_question"), self.t("finish_detail")), confirmed
        )

    async def finish_session(self) -> None:
        """Wipe the answers (the terminal is shared), go back to search, offer the rating."""
        from govtui.tui.screens.dialogs import RatingDialog

        session = self.session
        if session is None:
            self.visit.clear()
            self._new_visit_code()
            return
        rated = session.target.id
        if self._reading_stop is not None:
            self._reading_stop.set()  # the next citizen must not hear this one's checklist
        session.clear()
        # Every service of the visit goes: the next citizen must find none of these answers.
        self.visit.clear()
        self._new_visit_code()
        self.session = None
        await self.return_to_search()
        self.push_screen(RatingDialog(rated), partial(self._save_rating, rated))

    # The case that follows the citizen (docs/cases.md) -----------------------------------------

    def _configure_cases(
        self,
        config: Config,
        cases_dir: Path | None,
        case_code_source: Callable[[str], str] | None,
    ) -> None:
        """The case folder, how long cases are kept, and the code's prefix, from `[case]`."""
        from govtui.cases.code import DEFAULT_PREFIX
        from govtui.paths import default_cases_dir

        self.case_keep_days = config.case_keep_days
        self.case_prefix = config.case_prefix or DEFAULT_PREFIX
        self.case_code_source = case_code_source
        configured = config.case_folder
        self.cases_dir = cases_dir or configured or default_cases_dir()
        # Only the default folder is made at the first save; a configured one (a share) that is
        # missing is more likely unmounted, and must be said, not replaced by a local folder.
        self.cases_dir_is_default = cases_dir is None and configured is None

    def new_case_code(self) -> str:
        from govtui.cases.code import new_case_code

        if self.case_code_source is None:
            return new_case_code(self.case_prefix)
        return new_case_code(self.case_prefix, self.case_code_source)

    def _new_visit_code(self) -> None:
        self.visit.code = self.new_case_code()
        self._update_title()

    @work(thread=True, group="cases", name="purge", description="delete expired cases")
    def _purge_expired_cases(self) -> None:
        """Expired cases go at start: a shared folder may be slow, so off the UI thread."""
        from govtui.cases.store import CaseError, purge_expired

        try:
            result = purge_expired(self.cases_dir, self.today(), self.case_keep_days)
        except (OSError, CaseError) as error:
            detail = error.message(self.language) if isinstance(error, CaseError) else str(error)
            self.call_from_thread(self.notify, detail, severity="warning")
            return
        for failure in result.failed:
            self.call_from_thread(self.notify, failure.message(self.language), severity="warning")

    def save_case(self) -> None:
        """Save the visit, encrypted, on the clerk's explicit request (Ctrl+S or the palette)."""
        from govtui.cases.store import case_path
        from govtui.tui.screens.cases import CaseSaveDialog, visit_state, where_stopped

        if not self.visit.open:
            self.notify(self.t("case_nothing_to_save"), severity="warning")
            return
        if not self.visit.owns_case_file:
            # Another citizen's case of the same code is in the shared folder: this visit
            # takes a free code rather than ever replacing theirs.
            taken = self.visit.code
            while case_path(self.cases_dir, self.visit.code).exists():
                self._new_visit_code()
            if self.visit.code != taken:
                self.notify(self.t("case_new_code", old=taken, code=self.visit.code), timeout=15)
        current, stopped_at = where_stopped(self.screen_stack)
        state = visit_state(self.visit, current or self.session, stopped_at)
        code = state.code

        def saved(path: Path | None) -> None:
            if path is None:
                return
            if self.visit.code == code:
                self.visit.owns_case_file = True
            self.notify(
                self.t("case_saved", code=code, path=str(path)), title=self.t("case_saved_title")
            )

        dialog = CaseSaveDialog(
            state,
            self.cases_dir,
            self.today(),
            self.case_keep_days,
            replace=self.visit.owns_case_file,
            make_folder=self.cases_dir_is_default,
        )
        self.push_screen(dialog, saved)

    def action_open_case(self) -> None:
        """Open a saved case (Ctrl+O on the search screen, or the palette); never mix visits."""
        from govtui.tui.screens.dialogs import ConfirmDialog

        if self.library is None:
            self.notify(self.t("loading_content"), severity="warning")
            return
        if not self.visit.open:
            self._ask_for_case()
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._ask_for_case()

        self.push_screen(
            ConfirmDialog(self.t("case_replace_question"), self.t("case_replace_detail")),
            confirmed,
        )

    def _ask_for_case(self) -> None:
        from govtui.tui.screens.cases import CaseOpenDialog

        assert self.library is not None

        def opened(case: OpenedCase | None) -> None:
            if case is not None:
                self.call_later(self.continue_case, case)

        self.push_screen(CaseOpenDialog(self.library, self.cases_dir, self.today()), opened)

    async def continue_case(self, case: OpenedCase) -> None:
        """Replace the visit with the opened case's and go back to where it stopped."""
        from govtui.tui.screens.checklist import ChecklistScreen
        from govtui.tui.screens.interview import InterviewScreen
        from govtui.tui.screens.review import ReviewScreen

        if self.session is not None:
            self.session.clear()
        # In place: no screen still holding the last citizen's answers can show them.
        self.visit.clear()
        self.visit.sessions.update(case.visit.sessions)
        self.visit.code = case.visit.code
        self.visit.owns_case_file = True
        self.session = None
        self._update_title()
        await self.return_to_search()
        state = case.state
        self.notify(
            self.t("case_opened", code=state.code, n=len(state.services)),
            title=self.t("case_opened_title"),
        )
        if state.stopped_at == "visit-checklist":
            self.session = next(reversed(self.visit.sessions.values()), None)
            self.visit_checklist()
            return
        session = self.visit.sessions.get(state.current) if state.current else None
        if session is None:
            return  # saved from the search screen: the answers are held, the search is ready
        self.session = session
        self.open_document(session.target.id, None)
        if state.stopped_at == "search":
            return
        await self.push_screen(InterviewScreen(session))
        if state.stopped_at == "review":
            await self.push_screen(ReviewScreen(session))
        if state.stopped_at == "checklist":
            await self.push_screen(ChecklistScreen(session))

    def _save_rating(self, document_id: str, choice: RatingChoice | None) -> None:
        # A skipped rating is stored as 未评价, never as a score: the visit itself still counts.
        stars, reason = (choice.stars, choice.reason or None) if choice else (None, None)
        self._record_event(lambda recorder: recorder.rating(document_id, stars, reason), choice)

    @on(SearchScreen.QueryLeft)
    def _query_left(self, message: SearchScreen.QueryLeft) -> None:
        self._record_event(lambda recorder: recorder.search(message.query, message.outcome), None)

    @work(thread=True, group="events", name="events", description="record an event")
    def _record_event(self, write: Callable[[EventRecorder], None], rated: object) -> None:
        """Write one event to the terminal's store, off the UI thread (SQLite waits on fsync)."""
        from govtui.tui.ratings import EventRecorder

        try:
            write(EventRecorder(self.ratings_dir or data_dir(), self.library))
        except GovtuiError as error:
            detail = error.message(self.language)
            self.call_from_thread(
                self.notify, self.t("rating_failed", detail=detail), severity="warning"
            )
            return
        if rated is not None:
            self.call_from_thread(self.notify, self.t("rating_saved"))


def open_ready(content_root: Path) -> SearchIndex | None:
    """The index of `content_root` if it is up to date on disk, else None.

    Opened before the first frame (40 ms for a county), so the search screen answers at once.
    The content is read after that frame, in the load worker: a county's library takes 0.3 s to
    read, and the index alone answers searches meanwhile. Whatever must be built is left to
    that worker, which shows progress on a screen already in use.
    """
    try:
        return open_ready_index(content_root)
    except Exception:  # noqa: BLE001 - whatever is wrong, the worker meets it again and says so
        return None


def _stop_when_set(stop: threading.Event, reading: Reading) -> None:
    stop.wait()
    reading.stop()


def make_app(content_root: Path, language: Language = "zh", *, elder: bool = False) -> GovTuiApp:
    """The app as a bare `govtui` opens it."""
    return GovTuiApp(
        content_root=content_root,
        index=open_ready(content_root),
        language=language,
        freeze_after_load=True,
        elder=elder,
    )


def run_app(content_root: Path, language: Language = "zh", *, elder: bool = False) -> None:
    """Open the app on a content folder; the command line calls this for a bare `govtui`."""
    make_app(content_root, language, elder=elder).run()
