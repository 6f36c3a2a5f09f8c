"""The checklist screen: the tailored 一次性告知单, ticks for what was brought, export, clear."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Header, Static

from govtui.content.models import Basis
from govtui.errors import GovtuiError, OutputExistsError
from govtui.i18n import Language, text
from govtui.render.checklist import MINIMUM_WIDTH, render_checklist
from govtui.render.files import write_atomically
from govtui.render.printing import send_to_printer
from govtui.render.view import ChecklistView, ItemView, tick_key
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.screens.dialogs import (
    ConfirmDialog,
    ExportDialog,
    ExportRequest,
    PrintDialog,
    WhyDialog,
)
from govtui.tui.screens.guide import material_reason
from govtui.tui.session import Session
from govtui.tui.widgets.outcome import EligibilityView, joined
from govtui.tui.widgets.results import document_title
from govtui.tui.widgets.rows import Row

# Materials the citizen hands over (or signs) at the window, as opposed to ones the office
# fetches itself or another service in the bundle issues.
_TICKABLE = ("original", "copy", "commitment", "deferred")
PREVIEW_WIDTH = 80
# The colour beside each state's word; the word alone already says it (适老化: never colour only).
TICK_STYLES = {
    "tick_signed": "$success",
    "tick_brought": "$success",
    "tick_missing": "$error",
    "tick_later": "$warning",
}


class TickRow(Row):
    """A material that can be ticked as brought; a required one not yet ticked stands out."""

    def __init__(self, view: ItemView, ticked: bool, language: Language) -> None:
        super().__init__("", value=view.id)
        self.view = view
        self.item = view.item
        self.language = language
        self.ticked = ticked
        self.conditional = False
        self.render_tick()

    @property
    def missing(self) -> bool:
        """Required, brought from home, and not ticked: the view's own rule, as on the handout."""
        return not self.ticked and self.item.state == "required" and self.view.from_home

    def render_tick(self) -> None:
        key = tick_key(self.view, self.ticked)
        style = TICK_STYLES.get(key, "$secondary")
        # A 容缺 item says by when, as the printout does.
        name = self.view.line + (f" · {self.view.due}" if self.view.due else "")
        self.update(
            Content.from_markup(
                f"$box $name  [$background on {style}] $tag [/]",
                box="[✔]" if self.ticked else "[ ]",
                name=name,
                tag=text(key, self.language),
            )
        )
        self.set_class(self.missing, "-missing")


def row_plan(view: ChecklistView) -> list[tuple[str, str, ItemView | None]]:
    """The checklist screen's rows, top to bottom: headings and hints, and the materials.

    Pure, so a test can compare it with the printout for every guide.
    """
    rows: list[tuple[str, str, ItemView | None]] = []
    if view.empty is not None and not view.branches:
        rows.append(("hint", view.empty, None))
    for group in view.groups:
        rows.append(("section", group.heading, None))
        rows += [("item", item.line, item) for item in group.items]
    if view.branches:
        rows.append(("section", text("branches_heading", view.language), None))
        for branch in view.branches:
            rows.append(("hint", branch.lead_in, None))
            rows += [("branch-item", item.line, item) for item in branch.items]
    return rows


class ChecklistScreen(GovScreen[None]):
    """What to bring, tailored to the answers; tick what the citizen has with them today."""

    BINDINGS = [
        *bilingual(
            Key("space", "tick", "key_tick", key_display="Space"),
            Key("w", "why", "key_why", key_display="W"),
            Key("p", "print", "key_print", key_display="P"),
            Key("e", "export", "key_export", key_display="E"),
            Key("v", "toggle_preview", "key_preview", key_display="V"),
            Key("f", "finish", "key_finish", key_display="F"),
            Key("ctrl+s", "save_case", "key_save_case", key_display="Ctrl+S"),
            Key("escape", "back", "key_back", key_display="Esc"),
        ),
        Binding("enter", "tick", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.preview = False
        self.last_export: ExportRequest | None = None

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        outcome = self.govtui.outcome(self.session)
        language = self.language
        yield Header(icon="◆")
        with ContentSwitcher(initial="preview-view" if self.preview else "tick-view"):
            with VerticalScroll(id="tick-view"):
                yield Static(
                    self.t("notice_title", name=document_title(self.session.target, language)),
                    classes="document-title",
                    markup=False,
                )
                view = self.govtui.view(outcome)
                eligibility = EligibilityView(id="eligibility")
                eligibility.show(view)
                yield eligibility
                yield Static("", id="brought-status", markup=False)
                yield from self._material_rows(view)
                office = library.locality.office(self.session.target.office)
                if office:
                    yield Static(self.t("where_to_go"), classes="section", markup=False)
                    yield Static(
                        f"{office.name}\n{office.address}\n{office.hours}  {office.phone}",
                        classes="steps",
                        markup=False,
                    )
            with VerticalScroll(id="preview-view"):
                yield Static("", id="preview", markup=False)
        yield Footer(compact=True)

    def _material_rows(self, view: ChecklistView) -> ComposeResult:
        for kind, words, item in row_plan(view):
            if item is None:
                yield Static(words, classes=kind, markup=False)
            elif item.tickable:
                row = TickRow(item, item.id in self.session.brought, self.language)
                # Only if a question still open turns out so: not "missing" yet.
                row.conditional = kind == "branch-item"
                yield row
            else:
                yield Row(f"    {item.line}", value=item.id, classes="-untickable")

    def on_mount(self) -> None:
        self._after_build()

    def after_recompose(self) -> None:
        self._after_build()

    def _after_build(self) -> None:
        self.sub_title = self.t("checklist_subtitle")
        self._render_status()
        if self.preview:
            self._render_preview()
            self.query_one("#preview-view").focus()
            return
        rows = self.query(TickRow)
        if rows:
            rows.first().focus()
        else:
            self.query_one("#tick-view").focus()

    def spoken_words(self) -> str | None:
        """The checklist from the top, each material with its state as ticked now."""
        from govtui.render.spoken import checklist_words

        view = self.govtui.view(self.govtui.outcome(self.session), "zh")
        title = text("notice_title", "zh", name=document_title(self.session.target, "zh"))
        return checklist_words(view, self.session.brought, title)

    def _render_status(self) -> None:
        rows = list(self.query(TickRow))
        # What is surely needed and not brought, each document once.
        missing = list(
            dict.fromkeys(row.view.name for row in rows if row.missing and not row.conditional)
        )
        status = self.query_one("#brought-status", Static)
        if missing:
            status.update(
                self.t("still_missing", n=len(missing), names=joined(missing, self.language))
            )
        elif rows:
            status.update(self.t("all_brought"))
        else:
            status.update("")
        status.set_class(bool(missing), "-missing")
        status.set_class(bool(rows) and not missing, "-complete")

    def _render_preview(self) -> None:
        library = self.govtui.library
        assert library is not None
        width = max(MINIMUM_WIDTH, min(PREVIEW_WIDTH, self.app.size.width - 6))
        content = render_checklist(
            library,
            self.govtui.outcome(self.session),
            "text",
            width=width,
            language=self.language,
            include_personal=False,
            brought=self.session.brought,
            case_code=self.govtui.visit.code,
        )
        self.query_one("#preview", Static).update(content)

    # Ticking -------------------------------------------------------------------------------------

    def action_tick(self) -> None:
        focused = self.focused
        if isinstance(focused, TickRow):
            self._toggle(focused)

    @on(Row.Chosen)
    def _clicked(self, event: Row.Chosen) -> None:
        if isinstance(event.row, TickRow):
            self._toggle(event.row)

    def action_why(self) -> None:
        """Why the focused material is needed, and on what basis, as the citizen asks."""
        library = self.govtui.library
        assert library is not None
        focused = self.focused
        item = focused.item if isinstance(focused, TickRow) else None
        if item is None and isinstance(focused, Row):
            found = [
                view.item
                for view in self.govtui.view(self.govtui.outcome(self.session)).items()
                if view.id == focused.value
            ]
            item = found[0] if found else None
        if item is None:
            self.notify(self.t("why_pick_a_material"), severity="warning")
            return
        guide = library.guides.get(item.needed_by[0]) if item.needed_by else None
        if guide is None:
            return
        reason = material_reason(library, guide, item.material, self.language)

        def jump(basis: Basis | None) -> None:
            if basis is not None:
                self.govtui.open_document(basis.policy, basis.article)

        self.app.push_screen(WhyDialog(reason), jump)

    def _toggle(self, row: TickRow) -> None:
        row.ticked = not row.ticked
        if row.ticked:
            self.session.brought.add(row.item.id)
        else:
            self.session.brought.discard(row.item.id)
        row.render_tick()
        self._render_status()

    # Preview, export, finish ---------------------------------------------------------------------

    def action_back(self) -> None:
        """Esc leaves the preview first, then the checklist."""
        if self.preview:
            self.action_toggle_preview()
        else:
            self.app.pop_screen()

    def action_toggle_preview(self) -> None:
        self.preview = not self.preview
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "preview-view" if self.preview else "tick-view"
        self._after_build()

    def action_export(self) -> None:
        target = self.session.target
        name = f"{target.id}-{self.govtui.today().isoformat()}.txt"
        dialog = ExportDialog(self.govtui.export_dir / name, self.last_export)
        self.app.push_screen(dialog, self._export)

    def action_print(self) -> None:
        self.app.push_screen(PrintDialog(), self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        # Kept until a save succeeds, so a failed one reopens with the same format and file.
        self.last_export = request if request.path is not None else self.last_export
        library = self.govtui.library
        assert library is not None
        try:
            content = render_checklist(
                library,
                self.govtui.outcome(self.session),
                request.layout.fmt,
                width=request.layout.width,
                language=self.language,
                include_personal=request.include_personal,
                brought=self.session.brought,
                case_code=self.govtui.visit.code,
            )
        except GovtuiError as error:
            self.notify(error.message(self.language), title=self.t("error_title"), severity="error")
            return
        if request.path is None:
            self._print(content + "\n")
        else:
            self._write(request.path, content + "\n", force=False)

    # The spooler can take a moment to answer; the screen stays usable meanwhile. A fixed
    # description: by default Textual would put the checklist's text, personal data, in it.
    @work(thread=True, group="print", name="print", description="print", exit_on_error=False)
    def _print(self, content: str) -> None:
        try:
            job = send_to_printer(content)
        except GovtuiError as error:
            self.app.call_from_thread(
                self.notify,
                error.message(self.language),
                title=self.t("print_failed"),
                severity="error",
            )
            return
        self.app.call_from_thread(
            self.notify, self.t("print_sent", job=job).strip(), title=self.t("print_done")
        )

    def _write(self, path: Path, content: str, force: bool) -> None:
        try:
            # The folder the terminal proposes is made at the first save; a folder the clerk
            # typed must exist, so a typo is an error, never a new folder somewhere.
            proposed = path.parent == self.govtui.export_dir
            write_atomically(path, content, force=force, make_folder=proposed)
        except OutputExistsError:

            def overwrite(confirmed: bool | None) -> None:
                if confirmed:
                    self._write(path, content, force=True)

            self.app.push_screen(
                ConfirmDialog(self.t("export_overwrite", path=str(path))), overwrite
            )
            return
        except GovtuiError as error:
            self.notify(
                error.message(self.language), title=self.t("export_failed"), severity="error"
            )
            return
        self.last_export = None
        # The next export proposes the same folder (a USB stick, say), for the rest of this run.
        self.govtui.export_dir = path.parent
        self.notify(self.t("export_saved", path=str(path)), title=self.t("export_done"))

    def action_save_case(self) -> None:
        self.govtui.save_case()

    def action_finish(self) -> None:
        def finish(confirmed: bool | None) -> None:
            if confirmed:
                self.app.call_later(self.govtui.finish_session)

        self.app.push_screen(
            ConfirmDialog(self.t("finish_question"), self.t("finish_detail")), finish
        )
