"""The policy reader: our plain-language digests of each article, the status, who cites it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from govtui.content.models import Policy
from govtui.render.text import articles_note
from govtui.tui.keys import Key, bilingual
from govtui.tui.screens.base import GovScreen
from govtui.tui.widgets.results import document_title, heading_title
from govtui.tui.widgets.rows import Row

_STATUS_STYLE = {
    "effective": "$success",
    "amended": "$secondary",
    "superseded": "$error",
    "repealed": "$error",
}


class PolicyScreen(GovScreen[None]):
    """One law or policy document; opened at an article when a requirement cites one."""

    AUTO_FOCUS = "#document"
    BINDINGS = bilingual(
        Key("enter", "open_focused", "key_open_guide", key_display="Enter"),
        Key("escape", "app.pop_screen", "key_back", key_display="Esc"),
    )

    def __init__(self, policy: Policy, article: str | None = None) -> None:
        super().__init__()
        self.policy = policy
        self.article = article

    def compose(self) -> ComposeResult:
        library = self.govtui.library
        assert library is not None
        policy, language = self.policy, self.language
        yield Header(icon="◆")
        with VerticalScroll(id="document"):
            yield Static(heading_title(policy, language), classes="document-title", markup=False)
            status = self.t(f"status_{policy.status}")
            yield Static(
                Content.from_markup(
                    f"$kind · $level  [reverse {_STATUS_STYLE[policy.status]}] $status [/]",
                    kind=self.t("policy"),
                    level=self.t(f"level_{policy.level}"),
                    status=status,
                ),
                classes="document-tags",
            )
            facts = [
                (self.t("issuer"), policy.issuer),
                (self.t("doc_number"), policy.doc_number),
            ]
            if policy.issued:
                facts.append((self.t("issued"), policy.issued.isoformat()))
            if policy.effective:
                facts.append((self.t("effective"), policy.effective.isoformat()))
            if policy.amended:
                facts.append((self.t("amended"), policy.amended.isoformat()))
            with Grid(classes="facts"):
                for label, value in facts:
                    yield Static(label, classes="fact-label", markup=False)
                    yield Static(value, classes="fact-value", markup=False)
            if policy.superseded_by:
                replacement = library.policies.get(policy.superseded_by)
                name = replacement.title if replacement else policy.superseded_by
                yield Row(
                    self.t("superseded_by", title=name),
                    value=f"policy:{policy.superseded_by}",
                    classes="-warning",
                )
            if policy.articles:
                yield Static(self.t("section_articles"), classes="section", markup=False)
                yield Static(self.t(articles_note(policy)), classes="hint", markup=False)
                for position, article in enumerate(policy.articles):
                    heading = (
                        self.t("article_number", number=article.number)
                        if article.number.isdigit()
                        else article.number  # a notice's own point, 二（一）, as written
                    )
                    content = Content("\n").join(
                        [
                            Content.assemble((f"{heading} {article.heading}", "bold")),
                            Content(f"  {article.digest}"),
                        ]
                    )
                    yield Row(
                        content,
                        value=f"article:{article.number}",
                        widget_id=f"article-{position}",
                    )
            citing = library.guides_citing(policy.id)
            yield Static(self.t("cited_by"), classes="section", markup=False)
            if not citing:
                yield Static(self.t("cited_by_none"), classes="hint", markup=False)
            for guide in citing:
                yield Row(
                    Content.assemble(
                        "• ", (document_title(guide, language), "bold"), f"  {guide.department}"
                    ),
                    value=f"guide:{guide.id}",
                )
            if policy.note:
                yield Static(self.t("note"), classes="section", markup=False)
                yield Static(policy.note, classes="steps", markup=False)
        yield Footer(compact=True)

    def spoken_words(self) -> str | None:
        from govtui.render.spoken import document_words

        return document_words(self.policy.title, self.policy.issuer)

    def on_mount(self) -> None:
        self._focus_start()

    def after_recompose(self) -> None:
        self._focus_start()

    def _focus_start(self) -> None:
        self.sub_title = document_title(self.policy, self.language)
        numbers = [article.number for article in self.policy.articles]
        if self.article in numbers:
            self.query_one(f"#article-{numbers.index(self.article)}", Row).focus()
            return
        self.query_one("#document").focus()

    def action_open_focused(self) -> None:
        focused = self.focused
        if isinstance(focused, Row):
            self._open(focused.value)

    @on(Row.Chosen)
    def _clicked(self, event: Row.Chosen) -> None:
        self._open(event.row.value)

    def _open(self, value: str) -> None:
        kind, _, document_id = value.partition(":")
        if kind in ("guide", "policy"):
            self.govtui.open_document(document_id, None)
