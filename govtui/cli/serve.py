"""`govtui serve`: the same app in a browser, one process per tab, on this computer by default."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from govtui.cli.exits import say
from govtui.cli.options import language, state
from govtui.i18n import Language, text


def serve_command(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default serves this computer only; anything else "
            "needs a reverse proxy with TLS and login in front (docs/serve.md).",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    max_sessions: Annotated[
        int | None,
        typer.Option(
            "--max-sessions",
            help="Browser tabs served at once; each is its own app process (default: "
            "[serve] max_sessions of the configuration, else 4).",
            show_default=False,
        ),
    ] = None,
    ui_language: Annotated[
        Language | None,
        typer.Option("--lang", help="The app's language (default: the global --lang, else zh)."),
    ] = None,
    elder: Annotated[
        bool,
        typer.Option("--elder", help="Larger text in the browser, and the app in elder mode."),
    ] = False,
    public_url: Annotated[
        str | None,
        typer.Option(
            "--public-url",
            help="The address browsers use when a reverse proxy is in front, e.g. "
            "https://zwfw.example.gov.cn (default: the address each request came to).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the clerk's app to a browser (textual-serve); each tab is its own session."""
    from govtui.web.server import (
        DEFAULT_FONT_SIZE,
        DEFAULT_MAX_SESSIONS,
        ELDER_FONT_SIZE,
        GovtuiServer,
        ServeSettings,
        app_command,
        beyond_loopback,
        check_public_url,
        check_sessions,
        resolve_host,
    )

    chosen_language = ui_language or state.language
    words: Language = chosen_language or language()
    if ui_language is not None:
        state.language = ui_language  # this command's own messages follow it too
    if max_sessions is None:
        from govtui.config import load_config  # tomllib: 5 ms every other command need not pay

        max_sessions = load_config().serve_max_sessions or DEFAULT_MAX_SESSIONS
    sessions = check_sessions(max_sessions)
    url = check_public_url(public_url)
    if beyond_loopback(resolve_host(host)):
        say(text("serve_not_loopback", words, host=host))
    settings = ServeSettings(
        command=app_command(sys.executable, state.content, chosen_language, elder),
        host=host,
        port=port,
        max_sessions=sessions,
        language=words,
        font_size=ELDER_FONT_SIZE if elder else DEFAULT_FONT_SIZE,
        public_url=url,
    )
    GovtuiServer(settings, say).run()
    say(text("serve_stopped", words))
