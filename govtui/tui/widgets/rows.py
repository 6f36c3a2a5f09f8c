"""A focusable line in a list: arrows move between lines, Enter or a click chooses one."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message

from govtui.tui.widgets.prose import Prose


class Row(Prose, can_focus=True):
    """One line of a list that the clerk can focus; the screen decides what choosing it does.

    The arrow keys are bound here because a scrolling container would otherwise take them to
    scroll, and moving focus scrolls the focused line into view anyway.
    """

    BINDINGS = [
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """The clerk clicked the row; Enter is the screen's binding, as it knows what it means."""

        row: Row

    def __init__(
        self, content: Content | str, *, value: str, widget_id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__(content, id=widget_id, classes=f"row {classes}".strip(), markup=False)
        self.value = value

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Chosen(self))
