"""Help: a one-minute walkthrough and the keys of the screen it was opened from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Static

from govtui.tui.keys import Key, bilingual, is_bilingual
from govtui.tui.screens.base import GovModal


class HelpScreen(GovModal[None]):
    """What to do, in order, and which key does what here."""

    AUTO_FOCUS = "VerticalScroll"
    BINDINGS = bilingual(Key("escape,f1,question_mark", "close", "key_close", key_display="Esc"))

    def compose(self) -> ComposeResult:
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        with VerticalScroll(classes="dialog help"):
            yield Static(self.t("help_title"), classes="dialog-title", markup=False)
            yield Static(self.t("help_walkthrough"), classes="help-text", markup=False)
            yield Static(self.t("help_keys_here"), classes="section", markup=False)
            with Grid(classes="facts"):
                seen: set[str] = set()
                for active in below.active_bindings.values() if below else ():
                    binding = active.binding
                    # Only govtui's own keys: a focused widget's editing keys (Input's ← → home
                    # …) are hidden from the footer too, and described in English only.
                    if not is_bilingual(binding) or binding.description in seen:
                        continue
                    seen.add(binding.description)
                    yield Static(
                        self.app.get_key_display(binding), classes="fact-label", markup=False
                    )
                    yield Static(binding.description, classes="fact-value", markup=False)
            yield Static(self.t("help_privacy"), classes="hint", markup=False)
        yield Footer(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
