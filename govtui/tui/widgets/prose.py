"""Static text wrapped by the Chinese line-breaking rules, not only at spaces."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from govtui.render.linebreak import break_offsets


def wrap_content(content: Content, width: int, hang: int = 0) -> Content:
    """`content` with a newline wherever a line must break to fit `width` cells.

    Textual wraps at spaces and cuts Chinese wherever the width runs out, so a line could start
    with "。" or "：". Lines carried over start with `hang` spaces, under a bullet's text.
    """
    plain = content.plain
    breaks: list[int] = []
    line_start = 0
    for line in plain.split("\n"):
        breaks += [line_start + offset for offset in break_offsets(line, width, hang)]
        line_start += len(line) + 1
    if not breaks:
        return content
    pieces = content.divide(breaks)
    joint = Content("\n" + " " * hang)
    wrapped = pieces[0]
    for piece in pieces[1:]:
        wrapped = wrapped + joint + piece
    return wrapped


class Prose(Static):
    """A Static whose text breaks between Chinese characters by 禁则, with a hanging indent."""

    def __init__(
        self,
        content: str | Content = "",
        *,
        hang: int = 0,
        markup: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(content, markup=markup, id=id, classes=classes)
        self.hang = hang

    def _wrapped(self, width: int) -> RenderResult:
        visual = self.visual
        if isinstance(visual, Content) and width > 0:
            return wrap_content(visual, width, self.hang)
        return visual

    def render(self) -> RenderResult:
        return self._wrapped(self.content_region.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        wrapped = self._wrapped(width)
        if isinstance(wrapped, Content):
            # Every line now fits, so each is one row on screen.
            return wrapped.plain.count("\n") + 1
        return super().get_content_height(container, viewport, width)
