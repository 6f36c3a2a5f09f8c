"""What every screen shares: the UI language, its bilingual keys, and typed access to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

from govtui.i18n import Language, text
from govtui.tui.keys import language_allows

if TYPE_CHECKING:
    from govtui.tui.app import GovTuiApp

ResultType = TypeVar("ResultType")


class GovScreen(Screen[ResultType]):
    """A screen whose text follows the app's language: switching it recomposes the screen.

    Subclasses build every string with `self.t(...)` in `compose` and keep their state in
    attributes, so a recompose shows the same state in the other language. They name their first
    focus in `AUTO_FOCUS` rather than focusing in `on_mount`, which would redraw the footer twice.
    """

    @property
    def govtui(self) -> GovTuiApp:
        return cast("GovTuiApp", self.app)

    @property
    def language(self) -> Language:
        return self.govtui.language

    def t(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return language_allows(parameters, self.language)

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._language_changed, init=False)
        self.watch(self.app, "elder", self._elder_changed, init=False)

    async def _language_changed(self, _language: Language) -> None:
        self.refresh_bindings()
        await self.recompose()
        self.after_recompose()

    async def _elder_changed(self, _elder: bool) -> None:
        # Lists keep their lines drawn at the old spacing; built anew they take elder mode's.
        self.refresh_bindings()
        await self.recompose()
        self.after_recompose()

    def after_recompose(self) -> None:
        """Put focus back after a language switch rebuilt the widgets."""

    def spoken_words(self) -> str | None:
        """What read-aloud (F5) says on this screen, in Mandarin; None where nothing is read."""
        return None


class GovModal(ModalScreen[ResultType], GovScreen[ResultType]):
    """A dialog that returns a value, with the same language handling.

    ModalScreen comes first: Textual takes default CSS along the first base class only.
    """
