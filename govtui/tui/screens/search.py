"""The search screen: as-you-type results, filters, and something useful when nothing matches.

Long because it is one idea: the one screen of the clerk's first task, from typing to a chosen
result.
"""

from __future__ import annotations

import difflib

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from govtui.content.models import Library
from govtui.events.model import SearchOutcome
from govtui.events.searches import QueryTracker
from govtui.tui.index import SearchIndex
from govtui.tui.keys import Key, bilingual
from govtui.tui.messages import SearchFinished, SearchRequest
from govtui.tui.screens.base import GovScreen
from govtui.tui.widgets.results import (
    document_option,
    document_title,
    heading,
    hit_option,
    note,
    option_id,
    parse_option_id,
    spaced,
)

RESULT_LIMIT = 12
KINDS = ("", "guide", "bundle", "policy", "article")
# The debounce is on the leading edge: a key after a pause searches at once (results within
# 50 ms), and the keys that follow within this window fold into one search for the latest text.
DEBOUNCE_SECONDS = 0.05


class SearchScreen(GovScreen[None]):
    """Type what the citizen said; pick a guide, a life event or a policy."""

    AUTO_FOCUS = "#query"
    BINDINGS = [
        *bilingual(
            Key("enter", "open_highlighted", "key_open", key_display="Enter"),
            Key("f3", "choose_kind", "key_kind", key_display="F3"),
            Key("f4", "choose_category", "key_category", key_display="F4"),
            Key("escape", "clear", "key_clear", key_display="Esc"),
            Key("ctrl+o", "open_case", "key_open_case", key_display="Ctrl+O"),
        ),
        Binding("down", "results_down", show=False),
        Binding("up", "results_up", show=False),
    ]

    class QueryLeft(Message):
        """The clerk left a query that found nothing, or whose results none was opened of."""

        def __init__(self, query: str, outcome: SearchOutcome) -> None:
            super().__init__()
            self.query = query
            self.outcome = outcome

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.kind = ""
        self.category = ""
        self._generation = 0
        self._timer: Timer | None = None
        self._typed_during_quiet = False
        self._finished: SearchFinished | None = None
        self._tracker = QueryTracker()
        self._shown_width: int | None = None
        """The option width the list was last filled for."""
        self.list_shown_signal: Signal[SearchScreen] = Signal(self, "list-shown")
        """Published each time the result list is filled (`govtui.tui.testhook` follows it)."""

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Vertical(id="search-top"):
            query = Input(
                value=self.query_text,
                placeholder=self.t("search_placeholder"),
                id="query",
                select_on_focus=False,
            )
            if self.app.is_headless:
                query.cursor_blink = False  # deterministic snapshots
            yield query
            with Horizontal(id="filters"):
                # Plain buttons open a picker: lighter to draw at start-up than two Selects.
                yield Button(self._kind_label(), id="kind-filter", compact=True)
                yield Button(self._category_label(), id="category-filter", compact=True)
                yield Static("", id="search-status", markup=False)
        yield OptionList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.govtui, "library", self._library_changed, init=False)
        self.watch(self.govtui, "index", self._index_changed, init=False)
        self.watch(self.govtui, "index_progress", self._progress_changed)
        self._show_list()

    def on_screen_resume(self) -> None:
        # A shared terminal: say so when the last citizen's answers are still held.
        self.sub_title = self.t("visit_open_hint") if self.govtui.visit.open else None

    def after_recompose(self) -> None:
        self.query_one("#query", Input).focus()
        self._progress_changed(self.govtui.index_progress)
        self._show_list()

    def _kind_options(self) -> list[tuple[str, str]]:
        return [(self.t(f"kind_filter_{kind or 'all'}"), kind) for kind in KINDS]

    def _category_options(self) -> list[tuple[str, str]]:
        library = self.govtui.library
        categories = library.categories.values() if library else ()
        english = self.language == "en"
        return [(self.t("category_all"), "")] + [
            (category.name_en if english else category.name, category.id) for category in categories
        ]

    def _kind_label(self) -> str:
        chosen = {value: label for label, value in self._kind_options()}[self.kind]
        return self.t("filter_kind", value=chosen)

    def _category_label(self) -> str:
        names = {value: label for label, value in self._category_options()}
        return self.t("filter_category", value=names.get(self.category, self.category))

    # State from the app ------------------------------------------------------------------------

    def _library_changed(self, _library: Library | None) -> None:
        # The category names arrive with the content; the rest of the screen stays as it is.
        self.query_one("#category-filter", Button).label = self._category_label()
        if self.query_text.strip() and self.govtui.index is not None:
            self._search_now()  # again: the hits gain where they belong, a miss its suggestions
        else:
            self._show_list()

    def _index_changed(self, index: SearchIndex | None) -> None:
        if index is not None and self.query_text.strip():
            self._search_now()
        self._render_status()

    def _progress_changed(self, progress: tuple[int, int] | None) -> None:
        # The bar exists only while a build runs: an up-to-date index opens without one.
        bars = self.query("#index-progress").results(ProgressBar)
        bar = next(bars, None)
        building = progress is not None and self.govtui.index is None
        if building and bar is None:
            bar = ProgressBar(show_eta=False, id="index-progress")
            self.query_one("#filters").mount(bar)
        if bar is not None:
            bar.display = building
            if progress is not None:
                done, total = progress
                bar.update(total=max(total, 1), progress=done)
        self._render_status()

    # Typing and filters ------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._schedule()

    def set_filters(self, kind: str | None = None, category: str | None = None) -> None:
        """Narrow the search to one kind or category ("" for all) and search again."""
        if kind is not None:
            self.kind = kind
        if category is not None:
            self.category = category
        self.query_one("#kind-filter", Button).label = self._kind_label()
        self.query_one("#category-filter", Button).label = self._category_label()
        self._search_now()

    @on(Button.Pressed, "#kind-filter")
    def _kind_pressed(self) -> None:
        self.action_choose_kind()

    @on(Button.Pressed, "#category-filter")
    def _category_pressed(self) -> None:
        self.action_choose_category()

    def action_choose_kind(self) -> None:
        self._pick(self.t("key_kind"), self._kind_options(), self.kind, "kind")

    def action_choose_category(self) -> None:
        self._pick(self.t("key_category"), self._category_options(), self.category, "category")

    def _pick(self, title: str, options: list[tuple[str, str]], current: str, which: str) -> None:
        from govtui.tui.screens.dialogs import PickerDialog

        def chosen(value: str | None) -> None:
            if value is not None:
                self.set_filters(**{which: value})
            self.query_one("#query", Input).focus()

        self.app.push_screen(PickerDialog(title, options, current), chosen)

    def _schedule(self) -> None:
        """Search now after a quiet spell, else when the window ends; older results go stale."""
        self._generation += 1
        if not self.query_text.strip():
            left = self._tracker.left()  # cleared or reset: the query is left, not refined
            if left is not None:
                self.post_message(self.QueryLeft(left.query, left.outcome))
            self._finished = None
            self._show_list()
            return
        if self._timer is None:
            self._search_now()
            self._timer = self.set_timer(DEBOUNCE_SECONDS, self._quiet_window_over)
        else:
            self._typed_during_quiet = True

    def _quiet_window_over(self) -> None:
        self._timer = None
        if self._typed_during_quiet:
            self._typed_during_quiet = False
            self._search_now()
            self._timer = self.set_timer(DEBOUNCE_SECONDS, self._quiet_window_over)

    def _search_now(self) -> None:
        self._generation += 1
        index, library = self.govtui.index, self.govtui.library
        # No library yet is fine: the index alone answers, and the hits are filled in after.
        if not self.query_text.strip() or index is None:
            self._finished = None
            self._show_list()
            return
        request = SearchRequest(
            self._generation, self.query_text.strip(), self.kind or None, self.category or None
        )
        self._search(request, index, library)

    # A fixed description: by default Textual builds one from the repr of every argument, which
    # for the library costs more than the search itself.
    @work(
        thread=True,
        exclusive=True,
        group="search",
        name="search",
        description="search",
        exit_on_error=False,
    )
    def _search(self, request: SearchRequest, index: SearchIndex, library: Library | None) -> None:
        hits = index.search(
            request.text, kind=request.kind, category=request.category, limit=RESULT_LIMIT
        )
        unfiltered = 0
        suggestions: tuple[str, ...] = ()
        if not hits:
            if request.kind or request.category:
                unfiltered = len(index.search(request.text, limit=RESULT_LIMIT))
            suggestions = _close_matches(library, request.text) if library else ()
        if not get_current_worker().is_cancelled:
            self.post_message(SearchFinished(request, hits, unfiltered, suggestions))

    @on(SearchFinished)
    def _search_finished(self, message: SearchFinished) -> None:
        if message.request.generation != self._generation:
            return  # the clerk typed on since; a newer search is on its way
        self._finished = message
        self._tracker.finished(message.request.text, len(message.hits))
        self._show_list()

    # What the list shows -----------------------------------------------------------------------

    def _show_list(self) -> None:
        results = self.query_one("#results", OptionList)
        library = self.govtui.library
        options: list[Option] = []
        if not self.query_text.strip():
            loading = [note(self.t("loading_content"))]
            options = self._browse_options(library) if library else loading
        elif self._finished is None:
            options.append(note(self.t("search_preparing")))
            options += self._browse_options(library) if library else []
        elif self._finished.hits:
            width = self._option_width()
            options = [
                hit_option(hit, library, self.language, width) for hit in self._finished.hits
            ]
        else:
            options = self._nothing_found_options(library, self._finished)
        results.set_options(spaced(options, self.govtui.elder))
        self._shown_width = self._option_width()
        first = next((i for i, option in enumerate(options) if not option.disabled), None)
        results.highlighted = first
        self._render_status()
        self.list_shown_signal.publish(self)

    def _option_width(self) -> int:
        """Columns an option line may take: the list's width less its padding and scrollbar."""
        results = self.query_one("#results", OptionList)
        width = results.scrollable_content_region.width or self.app.size.width - 4
        return max(width - 2, 20)

    def on_resize(self) -> None:
        # Results are cut to the list's width, so a new width needs them cut again; the first
        # layout passes resize the screen three times at the same width (a county's browse
        # list took 10 ms each).
        if self._option_width() != self._shown_width:
            self._show_list()

    def _render_status(self) -> None:
        status = self.query_one("#search-status", Static)
        progress = self.govtui.index_progress
        if self.govtui.library is None and self.govtui.index is None:
            message = self.t("loading_content")
        elif self.govtui.index is None:
            if progress is not None and progress[1]:
                message = self.t("index_building", done=progress[0], total=progress[1])
            else:
                message = self.t("index_opening")
        elif self._finished is not None and self.query_text.strip():
            message = self.t("result_count", n=len(self._finished.hits))
        else:
            # Also while the content is still read: the index answers, and the list says so.
            message = self.t("search_ready")
        # The status line has a fixed size (app.tcss), so a new message needs no layout pass:
        # a layout pass repaints the whole screen and doubled the time a keystroke takes.
        status.update(message, layout=False)

    def _browse_options(self, library: Library) -> list[Option]:
        """With no words typed: the life events and the categories, or one kind or category."""
        language = self.language
        width = self._option_width()
        if self.category:
            category = library.categories.get(self.category)
            name = (category.name_en if language == "en" else category.name) if category else ""
            guides = [guide for guide in library.guides.values() if guide.category == self.category]
            return [heading(self.t("browse_category", name=name))] + [
                document_option(
                    "guide",
                    guide.id,
                    document_title(guide, language),
                    guide.department,
                    language,
                    width,
                )
                for guide in sorted(guides, key=lambda guide: guide.name)
            ]
        if self.kind == "policy":
            policies = sorted(library.policies.values(), key=lambda policy: policy.id)
            return [heading(self.t("browse_policies"))] + [
                document_option(
                    "policy",
                    policy.id,
                    document_title(policy, language),
                    self.t(f"status_{policy.status}"),
                    language,
                    width,
                )
                for policy in policies
            ]
        options = []
        if library.bundles and self.kind in ("", "bundle"):
            options.append(heading(self.t("browse_bundles")))
            options += [
                document_option(
                    "bundle",
                    bundle.id,
                    document_title(bundle, language),
                    bundle.summary if language == "zh" else bundle.name,
                    language,
                    width,
                )
                for bundle in library.bundles.values()
            ]
        options.append(heading(self.t("browse_categories")))
        for category in library.categories.values():
            count = sum(1 for guide in library.guides.values() if guide.category == category.id)
            if count:
                name = category.name_en if language == "en" else category.name
                label = self.t("category_line", name=name, n=count)
                options.append(Option(label, id=option_id("category", category.id)))
        options.append(note(self.t("search_tip")))
        return options

    def _nothing_found_options(
        self, library: Library | None, finished: SearchFinished
    ) -> list[Option]:
        """Never a blank list: say so, offer ways out, then the browse list (once it is read)."""
        options = [heading(self.t("nothing_found", query=finished.request.text))]
        if finished.unfiltered:
            options.append(
                Option(self.t("drop_filters", n=finished.unfiltered), id="clear-filters:")
            )
        for document_id in finished.suggestions:
            document = library.document(document_id) if library else None
            if document is not None:
                title = document_title(document, self.language)
                options.append(
                    Option(
                        self.t("did_you_mean", title=title),
                        id=option_id(document.kind, document.id),
                    )
                )
        options.append(note(self.t("search_tip")))
        return options + (self._browse_options(library) if library else [])

    # Choosing ----------------------------------------------------------------------------------

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self.action_open_highlighted()

    @on(OptionList.OptionSelected, "#results")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._choose(event.option.id)

    def action_open_highlighted(self) -> None:
        results = self.query_one("#results", OptionList)
        option = results.highlighted_option
        if option is not None and option.id and not option.disabled:
            self._choose(option.id)

    def _choose(self, value: str) -> None:
        kind, document_id, article = parse_option_id(value)
        if kind == "category":
            self.set_filters(category=document_id)
        elif kind == "clear-filters":
            self.set_filters(kind="", category="")
        else:
            self._tracker.opened()
            self.govtui.open_document(document_id, article)

    def action_open_case(self) -> None:
        self.govtui.action_open_case()

    def action_clear(self) -> None:
        query = self.query_one("#query", Input)
        if query.value:
            query.value = ""
        elif self.kind or self.category:
            self.set_filters(kind="", category="")
        query.focus()

    def reset(self) -> None:
        """Back to an empty search, as a new citizen steps up to the window."""
        self.query_one("#query", Input).value = ""
        self.set_filters(kind="", category="")
        self.query_one("#query", Input).focus()

    # Keys between the box and the list ---------------------------------------------------------

    def action_results_down(self) -> None:
        # The search box keeps the focus while the arrows move through the results.
        self.query_one("#results", OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        self.query_one("#results", OptionList).action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        # Typing while the list has focus goes on into the search box.
        if event.is_printable and event.character and isinstance(self.focused, OptionList):
            query = self.query_one("#query", Input)
            query.focus()
            query.insert_text_at_cursor(event.character)
            event.stop()


def _close_matches(library: Library, query: str) -> tuple[str, ...]:
    """Guides and bundles whose names or aliases look like a mistyped `query`."""
    names: dict[str, str] = {}
    for guide in library.guides.values():
        for name in (guide.name, *guide.aliases):
            names.setdefault(name, guide.id)
    for bundle in library.bundles.values():
        for name in (bundle.name, *bundle.aliases):
            names.setdefault(name, bundle.id)
    matches = difflib.get_close_matches(query, list(names), n=6, cutoff=0.5)
    return tuple(dict.fromkeys(names[match] for match in matches))[:3]
