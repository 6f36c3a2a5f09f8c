"""textual-serve with govtui's own offline page, a session cap, and errors a clerk can act on."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import shlex
import socket
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from markupsafe import Markup
from textual_serve.app_service import AppService
from textual_serve.server import Server

from govtui.errors import GovtuiError, UsageError
from govtui.i18n import Language, text

TEMPLATES = Path(__file__).resolve().parent / "templates"
# One session is one Python process of the whole app (see docs/serve.md for what one costs), so
# a village PC or a small county VM keeps the default low.
DEFAULT_MAX_SESSIONS = 4
MOST_SESSIONS = 64
DEFAULT_FONT_SIZE = 16
# Elder mode in the browser: half as large again, the step the 适老化 rules ask of large text.
ELDER_FONT_SIZE = 24
SMALLEST_FONT_SIZE, LARGEST_FONT_SIZE = 8, 64

# Names for `local()`: each font's full name and PostScript name, as the browser matches them.
# Mono first, since the terminal wants a CJK glyph two cells wide; then the common CJK fonts of
# Debian/UOS/Kylin, Windows and macOS.
CJK_FONT_NAMES = (
    "Noto Sans Mono CJK SC",
    "NotoSansMonoCJKsc-Regular",
    "Noto Sans CJK SC",
    "NotoSansCJKsc-Regular",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei Mono",
    "WenQuanYi Micro Hei Mono",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "MicrosoftYaHei",
    "PingFang SC Regular",
    "PingFangSC-Regular",
)
# The page's own words (the loading and closed notes, the full page), in installed fonts only.
PAGE_FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans Mono CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",'
    ' "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif'
)

# As textual-serve: a tab whose computer vanished (no close frame) is noticed within two beats.
HEARTBEAT_SECONDS = 15

log = logging.getLogger("govtui.web")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What `govtui serve` was asked for."""

    command: str
    """The shell command that starts one app session (see `app_command`)."""
    host: str = "127.0.0.1"
    port: int = 8000
    max_sessions: int = DEFAULT_MAX_SESSIONS
    language: Language = "zh"
    font_size: int = DEFAULT_FONT_SIZE
    """The browser's font size in pixels, unless the address asks for another (`?fontsize=`)."""
    public_url: str | None = None
    """The address browsers use, behind a reverse proxy; else taken from each request."""


def app_command(python: str, content: Path | None, language: Language | None, elder: bool) -> str:
    """The shell command for one session: this installation's govtui, with the chosen options.

    `exec` puts the app in the shell's place, so the process textual-serve starts and stops is the
    app itself and nothing is left behind when a tab closes.
    """
    words = [python, "-m", "govtui"]
    if content is not None:
        words += ["--content", str(content.resolve())]
    if language is not None:
        words += ["--lang", language]
    if elder:
        words.append("--elder")
    return "exec " + shlex.join(words)


def check_public_url(url: str | None) -> str | None:
    """The public address without a trailing slash; anything but http(s) is refused."""
    if url is None:
        return None
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1].strip("/")) == 0:
        raise UsageError("error_serve_bad_public_url", url=url)
    return url.rstrip("/")


def check_sessions(value: int) -> int:
    if not 1 <= value <= MOST_SESSIONS:
        raise UsageError("error_serve_bad_sessions", value=value, most=MOST_SESSIONS)
    return value


def resolve_host(host: str) -> list[str]:
    """The addresses `host` stands for; a name that resolves to nothing is a clear error."""
    if not host.strip():
        raise UsageError("error_serve_bad_host", host=repr(host), detail="empty")
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        detail = error.strerror if isinstance(error, socket.gaierror) else str(error)
        raise UsageError("error_serve_bad_host", host=host, detail=detail) from None
    return sorted({str(address[4][0]) for address in found})


def beyond_loopback(addresses: list[str]) -> bool:
    """Whether another computer could reach one of these addresses (0.0.0.0 reaches them all)."""
    return any(
        not ipaddress.ip_address(address.split("%", 1)[0]).is_loopback for address in addresses
    )


def page_words(language: Language, max_sessions: int) -> dict[str, Any]:
    """Everything the page and the full page say, in the UI language first, then the other."""
    other: Language = "en" if language == "zh" else "zh"
    both = (language, other)
    sources = ", ".join(f'local("{name}")' for name in CJK_FONT_NAMES)
    return {
        "language": "zh-Hans" if language == "zh" else "en",
        "title": text("serve_page_title", language),
        "loading": text("serve_page_loading", language),
        "closed": [text("serve_page_closed", each) for each in both],
        "restart": " / ".join(text("serve_page_restart", each) for each in both),
        # Our own constants, not input: marked safe so the quotes reach the CSS unescaped.
        "cjk_sources": Markup(sources),
        "font_stack": Markup(PAGE_FONT_STACK),
        "full_title": " / ".join(text("serve_full_title", each) for each in both),
        "full": [
            {
                "language": "zh-Hans" if each == "zh" else "en",
                "title": text("serve_full_title", each),
                "body": text("serve_full_body", each, n=max_sessions),
            }
            for each in both
        ],
        "retry": " / ".join(text("serve_full_retry", each) for each in both),
    }


def full_terminal_text(language: Language, max_sessions: int) -> bytes:
    """The full notice as terminal output, for a socket that arrives when every session is taken."""
    other: Language = "en" if language == "zh" else "zh"
    lines: list[str] = []
    for each in (language, other):
        lines.append(f"\x1b[1;33m{text('serve_full_title', each)}\x1b[0m")
        lines.append(text("serve_full_body", each, n=max_sessions))
        lines.append("")
    return "\r\n".join(lines).encode("utf-8")


class GovtuiServer(Server):
    """One app process per browser tab, as textual-serve runs them, at most `max_sessions`."""

    def __init__(self, settings: ServeSettings, say: Callable[[str], None]) -> None:
        super().__init__(
            settings.command,
            host=settings.host,
            port=settings.port,
            title=text("serve_page_title", settings.language),
            public_url=settings.public_url,
            templates_path=TEMPLATES,
        )
        self.settings = settings
        self.say = say
        self.sessions = 0
        """Sessions running now: counted from the socket's arrival until its app has ended."""
        self._sockets: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        # Warnings only: the access log would write every request, and nothing of a session
        # belongs in a log.
        logging.basicConfig(level=logging.WARNING, format="govtui serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        url = self.settings.public_url or f"http://{_url_host(self.settings.host)}:{self.port}"
        self.say(
            text("serve_listening", self.settings.language, url=url, n=self.settings.max_sessions)
        )

    async def on_shutdown(self, app: web.Application) -> None:
        # Ctrl+C: close every tab's socket, so each app is told to quit instead of aiohttp
        # waiting a minute for the sockets before it cancels them.
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY)

    def _base_url(self, request: web.Request) -> str:
        """Where the browser reached us: the public address behind a proxy, else the request's."""
        if self.settings.public_url is not None:
            return self.settings.public_url
        return f"{request.scheme}://{request.host}"

    def _font_size(self, request: web.Request) -> int:
        asked = request.query.get("fontsize", "")
        size = int(asked) if asked.isdigit() else self.settings.font_size
        return min(max(size, SMALLEST_FONT_SIZE), LARGEST_FONT_SIZE)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page: textual-serve's own script and styles from this server, nothing from afar."""
        base = self._base_url(request)
        font_size = self._font_size(request)
        page = page_words(self.settings.language, self.settings.max_sessions)
        if self.sessions >= self.settings.max_sessions:
            page["retry_url"] = str(request.rel_url)
            return aiohttp_jinja2.render_template(
                "govtui_full.html", request, {"page": page, "font_size": font_size}, status=503
            )
        scheme, rest = base.split(":", 1)
        context = {
            "page": page,
            "font_size": font_size,
            "app_websocket_url": ("wss:" if scheme == "https" else "ws:") + rest + "/ws",
            "config": {"static": {"url": f"{base}/static/"}},
        }
        response = aiohttp_jinja2.render_template("govtui_index.html", request, context)
        # Each load starts a new session; a cached page would hide the full notice.
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One session: one app process for this socket, ended when the socket closes.

        As textual-serve's own handler, plus the cap (past it the tab is told so in its terminal
        and the socket closed, never left hanging) and a record of open sockets for shutdown.
        """
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        if self.sessions >= self.settings.max_sessions:
            await websocket.prepare(request)
            await websocket.send_bytes(
                full_terminal_text(self.settings.language, self.settings.max_sessions)
            )
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER)
            return websocket
        self.sessions += 1  # no await since the check: no other socket can slip in between
        self._sockets.add(websocket)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=partial(_close, websocket),
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(_size(request, "width", 80), _size(request, "height", 24))
            await _relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one tab's failure must not stop the server
            log.warning("a session failed: %s: %s", type(error).__name__, error)
        finally:
            if service is not None:
                # Tells the app to quit and waits until its process has ended: its answers go
                # with it.
                await service.stop()
            self._sockets.discard(websocket)
            self.sessions -= 1
        return websocket

    def run(self) -> None:
        """Serve until Ctrl+C; a port in use or a bad address becomes a GovtuiError."""
        # textual-serve asks asyncio for the current loop; give it one, so Python does not warn.
        asyncio.set_event_loop(asyncio.new_event_loop())
        try:
            self.serve()
        except OSError as error:
            raise _bind_error(error, self.settings.host, self.settings.port) from None
        finally:
            asyncio.set_event_loop(None)


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
    """The browser's keys, size and focus to the app, until the socket closes."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        envelope = message.json()
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(int(data["width"]), int(data["height"]))
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


def _size(request: web.Request, name: str, default: int) -> int:
    value = request.query.get(name, "")
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else default


def _url_host(host: str) -> str:
    """A host as it goes into an address: an IPv6 literal in brackets."""
    return f"[{host}]" if ":" in host else host


def _bind_error(error: OSError, host: str, port: int) -> GovtuiError | OSError:
    if isinstance(error, socket.gaierror):
        return UsageError("error_serve_bad_host", host=host, detail=error.strerror)
    if error.errno == errno.EADDRINUSE:
        return GovtuiError("error_serve_port_in_use", port=port)
    if error.errno == errno.EACCES:
        return GovtuiError("error_serve_port_denied", port=port)
    if error.errno == errno.EADDRNOTAVAIL:
        return UsageError("error_serve_bad_host", host=host, detail=error.strerror)
    return error


__all__ = [
    "DEFAULT_MAX_SESSIONS",
    "ELDER_FONT_SIZE",
    "GovtuiServer",
    "ServeSettings",
    "app_command",
    "beyond_loopback",
    "check_public_url",
    "check_sessions",
    "resolve_host",
]
