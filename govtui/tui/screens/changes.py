"""What changed: shown once after a content update, before the next citizen sits down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from govtui.diff.updates import Update, acknowledge, pending_update
from govtui.diff.words import sentence, title
from govtui.paths import data_dir, releases_dir
from govtui.release.install import installed
from govtui.tui.screens.base import GovScreen

if TYPE_CHECKING:
    from govtui.tui.app import GovTuiApp


class ChangesScreen(GovScreen[None]):
    """The changes that touch the point's most used services; any key goes on to the search."""

    AUTO_FOCUS = "VerticalScroll"

    def __init__(self, update: Update) -> None:
        super().__init__()
        self.update = update

    def compose(self) -> ComposeResult:
        update = self.update
        yield Header(icon="◆")
        with VerticalScroll(classes="changes"):
            heading = self.t("changes_heading", previous=update.previous, version=update.version)
            yield Static(heading, classes="dialog-title", markup=False)
            basis = self.t("changes_basis_usage" if update.by_usage else "changes_basis_order")
            yield Static(self.t("changes_intro", basis=basis), classes="hint", markup=False)
            if not update.documents:
                yield Static(self.t("change_nothing"), markup=False)
            for document in update.documents:
                yield Static(title(document, self.language), classes="section", markup=False)
                for change in document.changes:
                    coming = " coming" if change.effective is not None else ""
                    yield Static(
                        f"· {sentence(change, self.language)}",
                        classes=f"change{coming}",
                        markup=False,
                    )
            if update.more:
                yield Static(self.t("changes_more", n=update.more), classes="hint", markup=False)
            yield Static(self.t("changes_dismiss"), classes="hint", markup=False)
        yield Footer(compact=True)

    def on_key(self, event: events.Key) -> None:
        # One key, whichever: the clerk has read it and the citizen is waiting.
        event.stop()
        acknowledge(releases_dir(), self.update.version)
        self.dismiss(None)


def show_changes_once(app: GovTuiApp) -> None:
    """Look for an update not yet shown, in a thread; push the screen when there is one."""
    app.run_worker(
        lambda: _find(app),
        thread=True,
        group="changes",
        name="changes",
        description="compare the content with the version before the update",
        exit_on_error=False,
    )


def _find(app: GovTuiApp) -> None:
    from govtui.content import load_library

    root = app.content_root
    if root is None or installed(releases_dir()) is None:
        return  # no release applied: nothing to compare, and no content to load twice
    library = app.library or load_library(root).library
    update = pending_update(
        releases_dir(), root, library, app.today(), app.ratings_dir or data_dir()
    )
    if update is not None:
        app.call_from_thread(app.push_screen, ChangesScreen(update))
