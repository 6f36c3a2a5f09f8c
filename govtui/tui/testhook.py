"""A window for the real-browser test: what the app shows, as a small JSON file, never an answer.

In a browser the page draws the terminal on a canvas, so a test cannot read the screen from the
page. With `GOVTUI_TEST_HOOK` naming a file, the app writes there, each time it changes:

    {"screen": "SearchScreen", "ready": true, "query": "低保",
     "results": ["…最低生活保障审核确认…", …], "document": null}

`screen` is the active screen's class, `ready` whether the search index is open, `query` the
search box, `results` the first line of each option of the result list (at most ten), and
`document` the id of the guide, life event or policy the active screen is about. Only these
fields, ever: a citizen's answers are never written. Each write goes to a temporary file in the
same folder first and then replaces the file, so a reader never sees half a state. Without the
variable nothing is installed and nothing is written.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, OptionList

from govtui.tui.screens.search import SearchScreen
from govtui.tui.session import Session

if TYPE_CHECKING:
    from govtui.tui.app import GovTuiApp

ENVIRONMENT = "GOVTUI_TEST_HOOK"
MOST_RESULTS = 10

State = dict[str, object]


def install_test_hook(app: GovTuiApp) -> StateHook | None:
    """Follow `app` into the file `GOVTUI_TEST_HOOK` names; without it, do nothing at all."""
    path = os.environ.get(ENVIRONMENT, "").strip()
    if not path:
        return None
    hook = StateHook(app, Path(path))
    hook.install()
    return hook


class StateHook:
    """Writes the app's state to one file whenever it changes (only Textual's public API)."""

    def __init__(self, app: GovTuiApp, path: Path) -> None:
        self.app = app
        self.path = path
        self._written: str | None = None
        self._followed: weakref.WeakSet[SearchScreen] = weakref.WeakSet()

    def install(self) -> None:
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed)
        self.app.watch(self.app, "index", self._changed, init=False)
        for screen in self.app.screen_stack:
            self._follow(screen)
        self.write()

    def _follow(self, screen: Screen[object]) -> None:
        if isinstance(screen, SearchScreen) and screen not in self._followed:
            self._followed.add(screen)
            screen.list_shown_signal.subscribe(self.app, self._changed)

    def _screen_changed(self, screen: Screen[object]) -> None:
        self._follow(screen)
        self.write()

    def _changed(self, _value: object = None) -> None:
        self.write()

    def write(self) -> None:
        """Replace the file with the current state, unless it already says just that."""
        words = json.dumps(state_of(self.app), ensure_ascii=False)
        if words == self._written:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                    file.write(words)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            # A test aid must never stop the clerk's app; the waiting test reports the silence.
            self.app.log.warning(f"test hook: cannot write {self.path}: {error}")
            return
        self._written = words


def state_of(app: GovTuiApp) -> State:
    """The fields the hook writes, and nothing else (never an answer)."""
    stack = app.screen_stack
    active = stack[-1] if stack else None
    search = next((screen for screen in stack if isinstance(screen, SearchScreen)), None)
    query, results = "", []
    if search is not None:
        try:
            query = search.query_one("#query", Input).value
            options = search.query_one("#results", OptionList)
        except NoMatches:  # not composed yet
            pass
        else:
            shown = min(options.option_count, MOST_RESULTS)
            results = [_first_line(options.get_option_at_index(i).prompt) for i in range(shown)]
    return {
        "screen": type(active).__name__ if active is not None else None,
        "ready": app.index is not None,
        "query": query,
        "results": results,
        "document": _document(active),
    }


def _first_line(prompt: object) -> str:
    plain = prompt.plain if isinstance(prompt, Content | Text) else str(prompt)
    return plain.split("\n", 1)[0].strip()


def _document(screen: Screen[object] | None) -> str | None:
    """The id of the guide, life event or policy `screen` is about, else None."""
    from govtui.tui.screens.bundle import BundleScreen
    from govtui.tui.screens.guide import GuideScreen
    from govtui.tui.screens.policy import PolicyScreen

    if isinstance(screen, GuideScreen):
        return screen.guide.id
    if isinstance(screen, BundleScreen):
        return screen.bundle.id
    if isinstance(screen, PolicyScreen):
        return screen.policy.id
    # The interview, review and checklist: the session's target (its id only, no answer).
    session = getattr(screen, "session", None)
    if isinstance(session, Session):
        return session.target.id
    return None


__all__ = ["ENVIRONMENT", "StateHook", "install_test_hook", "state_of"]
