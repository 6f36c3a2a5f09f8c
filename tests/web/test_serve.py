"""`govtui serve`'s server without a browser: an offline page, the session cap, clear errors."""

from __future__ import annotations

import asyncio
import gc
import re
import socket
import sys
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from typer.testing import CliRunner

from govtui.cli import app
from govtui.config import load_config
from govtui.web.server import GovtuiServer, ServeSettings, app_command, beyond_loopback

# A stand-in for the app: says it is ready as a Textual app does, then quits on any input.
FAKE_APP = (
    f"exec {sys.executable} -c \"import sys; sys.stdout.write('__GANGLION__\\n');"
    ' sys.stdout.flush(); sys.stdin.buffer.read(1)"'
)


def server(max_sessions: int = 1) -> GovtuiServer:
    settings = ServeSettings(command=FAKE_APP, max_sessions=max_sessions)
    return GovtuiServer(settings, say=lambda _line: None)


async def client_for(govtui_server: GovtuiServer) -> TestClient:  # type: ignore[type-arg]
    client = TestClient(TestServer(await govtui_server._make_app()))
    await client.start_server()
    return client


async def test_the_page_names_no_other_host_and_local_cjk_fonts() -> None:
    client = await client_for(server())
    try:
        response = await client.get("/")
        page = await response.text()
        own = f"{client.host}:{client.server.port}"
    finally:
        await client.close()
    assert response.status == 200
    hosts = set(re.findall(r"(?:https?|wss?)://([^/\"' )]+)", page))
    assert hosts == {own}
    assert 'local("Noto Sans Mono CJK SC")' in page and '"Microsoft YaHei"' in page
    assert "static/js/textual.js" in page


async def test_past_the_cap_a_tab_is_told_and_its_socket_closed() -> None:
    client = await client_for(server(max_sessions=1))
    try:
        first = await client.ws_connect("/ws")
        await first.send_json(["resize", {"width": 80, "height": 24}])
        full = await client.get("/")
        assert full.status == 503
        words = await full.text()
        assert "同时使用的人数已满" in words and "All sessions are in use" in words
        second = await client.ws_connect("/ws")
        notice = await second.receive_bytes(timeout=5)
        assert "All sessions are in use" in notice.decode("utf-8")
        assert (await second.receive(timeout=5)).type.name in {"CLOSE", "CLOSED"}
        await first.close()
        again = await client.get("/")
        assert again.status == 200
        # textual-serve never closes a finished app's transport itself; let it go while the
        # loop still runs, not at interpreter exit.
        await asyncio.sleep(0.2)
        gc.collect()
    finally:
        await client.close()


def test_the_app_command_is_this_installation_with_the_options(tmp_path: Path) -> None:
    command = app_command("/venv/bin/python", tmp_path, "en", elder=False)
    assert command == f"exec /venv/bin/python -m govtui --content {tmp_path} --lang en"


def test_loopback_is_told_from_every_other_address() -> None:
    assert not beyond_loopback(["127.0.0.1", "::1"])
    assert beyond_loopback(["0.0.0.0"])
    assert beyond_loopback(["192.168.1.20"])


def test_a_port_in_use_is_a_message_and_exit_one() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"端口 {port} 已被占用" in result.output
    assert "Traceback" not in result.output


def test_a_host_that_does_not_exist_is_a_message_and_exit_two() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "serve", "--host", "no-such-host.invalid"])
    assert result.exit_code == 2
    assert "Cannot listen on no-such-host.invalid" in result.output


def test_the_session_cap_comes_from_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[serve]\nmax_sessions = 2\n", encoding="utf-8")
    assert load_config(config).serve_max_sessions == 2
    config.write_text("[serve]\nmax_sessions = 0\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve"], env={"GOVTUI_CONFIG": str(config)})
    assert result.exit_code == 1  # as every configuration error
    assert "serve.max_sessions" in result.output
