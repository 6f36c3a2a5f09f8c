"""`govtui serve` in a real browser: Debian's headless Chromium finds 最低生活保障 from 低保.

The page draws the terminal on a canvas, so the test reads what the app shows from the app's
test hook (GOVTUI_TEST_HOOK, see govtui/tui/testhook.py) and drives Chromium through the
DevTools protocol over aiohttp's websocket client. Skipped where Chromium is not installed.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import socket
import struct
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.conftest import REPOSITORY
from tests.tui.test_tmux import installed_govtui


def find_chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.web,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed, so the real-browser test cannot run"
    ),
]

WIDTH, HEIGHT = 1280, 900
# Generous: the first start builds the search index, and CI has two cores and other tests.
START_SECONDS = 90.0
STEP_SECONDS = 30.0
GONE_SECONDS = 15.0
DIBAO = "dibao-application"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

State = dict[str, Any]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def stop(process: subprocess.Popen[bytes], seconds: float = 10.0) -> None:
    """Terminate, then kill if it will not go."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(seconds)


def app_processes(parent: int) -> list[int]:
    """The app sessions the server started: its children running `python -m govtui`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        # The fields after the command name, which may itself hold spaces and brackets.
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z" and b"-m" in words and b"govtui" in words:
            found.append(int(entry.name))
    return found


def read_hook(path: Path) -> State | None:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not written yet (it is replaced whole, so never half written)
    return state if isinstance(state, dict) else None


async def wait_for(
    what: str,
    check: Callable[[], object],
    seconds: float,
    describe: Callable[[], str] = lambda: "",
) -> None:
    """Poll `check` until it is true; fail saying what was awaited and what was seen."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds:.0f} s for {what}; {describe()}")
        await asyncio.sleep(0.1)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which a valid PNG has first."""
    assert png[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", png[8:16])
    assert kind == b"IHDR" and length == 13, "a PNG's first chunk is its IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


class DevTools:
    """Just enough of the DevTools protocol: commands over one websocket, events ignored."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            reply = json.loads(message.data)
            future = self._waiting.pop(reply.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(reply)
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(ConnectionError("the DevTools socket closed"))

    async def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        number = next(self._ids)
        command: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session is not None:
            command["sessionId"] = session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self.websocket.send_json(command)
        reply = await asyncio.wait_for(future, STEP_SECONDS)
        if "error" in reply:
            raise AssertionError(f"{method} failed: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def close(self) -> None:
        await self.websocket.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionError):
            await self._reader


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str, Path]]:
    """`govtui serve` on a free port with the shipped content; its URL and the hook file."""
    hook = tmp_path / "hook.json"
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    environment = {
        **os.environ,
        "GOVTUI_TEST_HOOK": str(hook),
        "GOVTUI_CONFIG": str(config),
        "GOVTUI_CACHE_DIR": str(tmp_path / "cache"),
        "GOVTUI_DATA_DIR": str(tmp_path / "data"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    port = free_port()
    command = [str(installed_govtui()), "--content", str(REPOSITORY), "serve", "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, env=environment, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"govtui serve exited with {server.returncode}: {log.read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"govtui serve did not listen on {port}: {log.read_text()}")
            time.sleep(0.1)
        yield server, f"http://127.0.0.1:{port}/", hook
    finally:
        sessions = app_processes(server.pid)
        stop(server)
        for pid in sessions:  # left behind only if the server had to be killed
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """Headless Chromium with its own profile, quiet on a closed network."""
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    log = tmp_path / "chromium.log"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--remote-debugging-port=0",
        f"--window-size={WIDTH},{HEIGHT}",
        "about:blank",
    ]
    with log.open("wb") as output:
        browser = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield browser, profile
    finally:
        stop(browser)


@contextlib.asynccontextmanager
async def devtools(browser: subprocess.Popen[bytes], profile: Path) -> AsyncIterator[DevTools]:
    """The browser's DevTools socket, from the port Chromium writes into its profile."""
    active = profile / "DevToolsActivePort"

    def listening() -> bool:
        if browser.poll() is not None:
            pytest.fail(f"chromium exited with {browser.returncode}")
        return len(active.read_text().splitlines()) >= 2 if active.exists() else False

    await wait_for("chromium's DevToolsActivePort", listening, STEP_SECONDS)
    port, path = active.read_text().splitlines()[:2]
    async with aiohttp.ClientSession() as http:
        websocket = await http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0)
        tools = DevTools(websocket)
        try:
            yield tools
        finally:
            await tools.close()


async def test_serve_finds_dibao_in_a_real_browser(
    served: tuple[subprocess.Popen[bytes], str, Path],
    chromium: tuple[subprocess.Popen[bytes], Path],
    tmp_path: Path,
) -> None:
    server, url, hook = served
    state: State | None = None

    def now() -> State:
        nonlocal state
        state = read_hook(hook) or {}
        return state

    def seen() -> str:
        return f"the hook says {state}; server log: {(tmp_path / 'serve.log').read_text()}"

    async with devtools(*chromium) as browser:
        # A blank page of the same size first: what a screenshot of nothing weighs.
        target = (await browser.send("Target.createTarget", {"url": "about:blank"}))["targetId"]
        page = (await browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}))[
            "sessionId"
        ]
        await browser.send("Emulation.setFocusEmulationEnabled", {"enabled": True}, page)
        blank = await screenshot(browser, page)

        await browser.send("Page.navigate", {"url": url}, page)
        await wait_for(
            "the search screen with its index",
            lambda: now().get("screen") == "SearchScreen" and now().get("ready") is True,
            START_SECONDS,
            seen,
        )
        [session] = app_processes(server.pid)
        searching = await screenshot(browser, page)

        # The keys go to xterm's hidden text box; Chinese arrives as composed text, like an IME's.
        await browser.send(
            "Runtime.evaluate",
            {"expression": "document.querySelector('.xterm-helper-textarea').focus()"},
            page,
        )
        await browser.send("Input.insertText", {"text": "低保"}, page)
        await wait_for(
            "最低生活保障 first among the results",
            lambda: (
                now().get("query") == "低保"
                and bool(now().get("results"))
                and "最低生活保障" in now()["results"][0]
            ),
            STEP_SECONDS,
            seen,
        )
        enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}
        await browser.send("Input.dispatchKeyEvent", {"type": "keyDown", **enter}, page)
        await browser.send("Input.dispatchKeyEvent", {"type": "keyUp", **enter}, page)
        await wait_for(
            "the 最低生活保障 guide",
            lambda: now().get("screen") == "GuideScreen" and now().get("document") == DIBAO,
            STEP_SECONDS,
            seen,
        )
        guide = await screenshot(browser, page)
        (tmp_path / "guide.png").write_bytes(guide)

        # The page's viewport: the window's width, its height less what headless keeps back.
        width, height = png_size(guide)
        assert png_size(blank) == png_size(searching) == (width, height)
        assert width == WIDTH and HEIGHT * 0.8 < height <= HEIGHT
        # A flat page compresses to almost nothing; a screen of text does not, and the guide
        # is not the search screen drawn again.
        assert len(guide) > 10 * len(blank), (len(guide), len(blank))
        assert len(searching) > 10 * len(blank), (len(searching), len(blank))
        assert guide != searching

        # Closing the tab ends its app process: the citizen's answers go with it.
        await browser.send("Target.closeTarget", {"targetId": target})
        await wait_for(
            f"the app process {session} to end after its tab closed",
            lambda: session not in app_processes(server.pid),
            GONE_SECONDS,
        )
    assert server.poll() is None, "the server must outlive the tab"


async def screenshot(browser: DevTools, page: str) -> bytes:
    shot = await browser.send("Page.captureScreenshot", {"format": "png"}, page)
    data: str = shot["data"]
    return base64.b64decode(data)
