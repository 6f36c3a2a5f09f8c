"""A life event (一件事): its services, what one issues for another, and one interview for all."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from govtui.content.models import Bundle, Library
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.widgets.outcome import joined
from govtui.tui.widgets.results import document_title, heading_title
from govtui.tui.widgets.rows import Row


class BundleScreen(GovScreen[None]):
    """Several services asked as one: the clerk starts a single interview for all of them."""

    AUTO_FOCUS = "#document"
    BINDINGS = bilingual(
        Key("s", "start", "key_start_bundle", key_display="S"),
        Key("enter", "open_focused", "key_open_guide", key_display="Enter"),
        Key("escape", "app.pop_screen", "key_back", key_display="Esc"),
    )

    def __init__(self, bundle: Bundle) -> None:
        super().__init__()
        self.bundle = bundle

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        bundle, language = self.bundle, self.language
        yield Header(icon="◆")
        with VerticalScroll(id="document"):
            yield Static(heading_title(bundle, language), classes="document-title", markup=False)
            yield Static(self.t("bundle"), classes="document-tags", markup=False)
            yield Static(bundle.summary, classes="document-summary", markup=False)
            office = library.locality.office(bundle.office)
            with Grid(classes="facts"):
                for label, value in (
                    (self.t("lead_department"), bundle.lead_department),
                    (
                        self.t("where_to_go"),
                        f"{office.name}\n{office.address}\n{office.hours}" if office else "—",
                    ),
                    (self.t("members"), self.t("member_count", n=len(bundle.guides))),
                ):
                    yield Static(label, classes="fact-label", markup=False)
                    yield Static(value, classes="fact-value", markup=False)
            yield Static(self.t("start_bundle_hint"), classes="hint", markup=False)
            yield Static(self.t("members"), classes="section", markup=False)
            for member in bundle.guides:
                guide = library.guides.get(member)
                if guide is None:
                    continue
                yield Row(
                    Content.assemble(
                        "• ", (document_title(guide, language), "bold"), f"  {guide.department}"
                    ),
                    value=guide.id,
                )
            if bundle.produces:
                yield Static(self.t("section_produced"), classes="section", markup=False)
                for production in bundle.produces:
                    issuer = library.guides.get(production.by)
                    users = [
                        document_title(library.guides[user], language)
                        for user in production.for_guides
                        if user in library.guides
                    ]
                    material = _material_name(bundle, production.material, library)
                    yield Static(
                        self.t(
                            "produced_line",
                            material=material,
                            issuer=document_title(issuer, language) if issuer else production.by,
                            users=joined(users, language),
                        ),
                        classes="steps",
                        markup=False,
                    )
        yield Footer(compact=True)

    def spoken_words(self) -> str | None:
        from govtui.render.spoken import document_words

        return document_words(self.bundle.name, self.bundle.summary)

    def on_mount(self) -> None:
        self.sub_title = document_title(self.bundle, self.language)

    def after_recompose(self) -> None:
        self.sub_title = document_title(self.bundle, self.language)

    def action_start(self) -> None:
        self.govtui.start_application(self.bundle)

    def action_open_focused(self) -> None:
        focused = self.focused
        if isinstance(focused, Row):
            self.govtui.open_document(focused.value, None)
        else:
            self.action_start()

    @on(Row.Chosen)
    def _clicked(self, event: Row.Chosen) -> None:
        self.govtui.open_document(event.row.value, None)


def _material_name(bundle: Bundle, material_id: str, library: Library) -> str:
    """The name a member guide gives the produced material, else its id."""
    for member in bundle.guides:
        guide = library.guides.get(member)
        for material in guide.materials if guide else ():
            if material.id == material_id:
                return material.name
    return material_id
