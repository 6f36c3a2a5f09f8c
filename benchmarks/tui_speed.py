"""TUI speed on the sample content: launch to a usable search, keystroke to results, memory.

Usage: python benchmarks/tui_speed.py [--runs N] [--queries N] [--json]

Figures only, never asserted. Each launch is a fresh process running the installed app headless at
100x30 against a warm index cache in a temporary folder (the first, cold launch that builds the
index is reported on its own). Keystroke latency types the first dev queries character by
character, a key every 150 ms as a quick clerk would, and times each key from the press to the
repaint after its results arrived (or after the list showed that nothing matched). Memory is the
peak resident size of a process that opened the index, searched, and ran a whole interview.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The content launched (--content); the probe processes inherit it through the environment.
CONTENT = Path(os.environ.get("GOVTUI_BENCH_CONTENT", str(ROOT)))
sys.path.insert(0, str(ROOT))

QUERIES_FILE = ROOT.parent / "shared" / "eval" / "queries-dev.yaml"
# Used when the shared dev queries are not beside the checkout.
FALLBACK_QUERIES = [
    "低保",
    "身份证丢了",
    "sfz",
    "生孩子",
    "退休",
    "dibao",
    "公积金提取",
    "残疾人证",
]
KEY_INTERVAL = 0.15
# Measure as installed on a clerk's machine, where Python keeps the compiled modules: some
# sandboxes set PYTHONDONTWRITEBYTECODE, and every fresh process then compiled govtui again.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
READY_TEXT = "可以输入了"  # the search status once the index is open
FIRST_QUERY = "低保"  # typed in tmux the moment the status says ready
RESULTS_TEXT = "找到"  # the status once results are shown ("找到3条")
SIZE = (100, 30)


def _app(cache: Path) -> Any:
    os.environ["GOVTUI_CACHE_DIR"] = str(cache)
    from govtui.tui.app import make_app

    return make_app(CONTENT)  # as a bare `govtui` makes it


def probe_launch(cache: Path) -> None:
    """Child process: run until the search screen shows with the index open, then report."""
    started = float(os.environ["GOVTUI_BENCH_STARTED"])
    app = _app(cache)

    async def next_repaint() -> float:
        painted = asyncio.get_running_loop().create_future()
        # On the screen, not the app: the callback then runs after the screen's next repaint.
        app.screen.call_after_refresh(lambda: painted.set_result(time.time()))
        return float(await painted)

    async def wait_until_ready(pilot: Any) -> None:
        while app.index is None:
            await asyncio.sleep(0.002)
        ready = await next_repaint()
        # The content is read after the first frame; the browse list and documents need it.
        while app.library is None:
            await asyncio.sleep(0.002)
        content = await next_repaint()
        print(json.dumps({"seconds": ready - started, "content": content - started}), flush=True)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=wait_until_ready)


def probe_memory(cache: Path, queries: list[str]) -> None:
    """Child process: search, open a guide, answer until the checklist; report the peak RSS."""
    app = _app(cache)

    async def visit(pilot: Any) -> None:
        while app.index is None:
            await asyncio.sleep(0.01)
        for query in queries:
            await pilot.press(*query)
            await pilot.pause(0.1)
            await pilot.press("escape")
        app.open_document("dibao-application", None)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        while app.screen.__class__.__name__ == "InterviewScreen":
            await pilot.press("1")
            await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"peak_mib": peak_kib / 1024, "screen": type(app.screen).__name__}))
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=visit)


async def keystrokes(cache: Path, queries: list[str]) -> list[tuple[str, float]]:
    """(text so far, milliseconds) from each key press to the repaint showing its results."""
    # govtui.tui first, as the `govtui` command imports it: it sets Textual's repaint rate,
    # which Textual reads once, when it is first imported.
    from govtui.tui.messages import SearchFinished  # noqa: I001
    from textual.message import Message

    app = _app(cache)
    latencies: list[tuple[str, float]] = []
    waiting: dict[str, float] = {}
    arrived = asyncio.Event()

    def hook(message: Message) -> None:
        if isinstance(message, SearchFinished) and message.request.text in waiting:
            text = message.request.text
            pressed = waiting.pop(text)

            def painted() -> None:
                latencies.append((text, (time.perf_counter() - pressed) * 1000))
                arrived.set()

            # The hook runs on the screen just before its handler updates the list. Queued on
            # the screen itself, the callback lands behind that handler and runs after the
            # repaint that shows the results (queued on the app, it could land after that
            # repaint and wait for the next one, a frame late).
            app.screen.call_after_refresh(painted)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        # Typed once all is read: the keys of a clerk at work, not of the launch's first second.
        while app.index is None or app.library is None:
            await asyncio.sleep(0.01)
        await pilot.pause()
        for query in queries:
            typed = ""
            for character in query:
                typed += character
                arrived.clear()
                if typed.strip():
                    waiting[typed.strip()] = time.perf_counter()
                await pilot.press(character)
                if typed.strip():
                    try:
                        await asyncio.wait_for(arrived.wait(), timeout=2)
                    except TimeoutError:
                        waiting.pop(typed.strip(), None)
                await asyncio.sleep(KEY_INTERVAL)
            await pilot.press("escape")
            await pilot.pause()
    return latencies


def launch_in_tmux(cache: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from starting the installed `govtui` in tmux until its status says it is ready,
    and from typing a query at that moment until the status counts its results.

    This is the command a clerk runs, through the real CLI and a real terminal; the pane is
    polled every 10 ms, so the figures may run up to 10 ms late. The query is typed while the
    content is still being read (it is read after the first frame).
    """
    tmux = shutil.which("tmux")
    command = Path(sys.executable).parent / "govtui"
    if tmux is None or not command.exists():
        return [], []
    seconds: list[float] = []
    answers: list[float] = []
    for run in range(runs):
        # A server per run: a server left without sessions exits, racing the next one's start.
        socket = f"govtui-bench-{os.getpid()}-{run}"
        started = time.perf_counter()
        try:
            subprocess.run(
                [
                    tmux,
                    "-L",
                    socket,
                    "new-session",
                    "-d",
                    "-s",
                    "bench",
                    "-x",
                    "100",
                    "-y",
                    "30",
                    f"env GOVTUI_CACHE_DIR={cache} {command} --content {CONTENT}",
                ],
                check=True,
            )
            ready = _seconds_until(tmux, socket, READY_TEXT, started)
            if ready is not None:
                seconds.append(ready)
                typed = time.perf_counter()
                subprocess.run(
                    [tmux, "-L", socket, "send-keys", "-t", "bench", FIRST_QUERY], check=True
                )
                answered = _seconds_until(tmux, socket, RESULTS_TEXT, typed)
                if answered is not None:
                    answers.append(answered)
        finally:
            socket_path = subprocess.run(
                [tmux, "-L", socket, "display-message", "-p", "#{socket_path}"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            subprocess.run([tmux, "-L", socket, "kill-server"], check=False, capture_output=True)
            if socket_path:
                Path(socket_path).unlink(missing_ok=True)  # tmux leaves the socket file behind
    return seconds, answers


def _seconds_until(tmux: str, socket: str, wanted: str, since: float) -> float | None:
    """Seconds from `since` until the pane shows `wanted` (polled every 10 ms), None past 30 s."""
    while time.perf_counter() - since < 30:
        screen = subprocess.run(
            [tmux, "-L", socket, "capture-pane", "-p", "-t", "bench"],
            capture_output=True,
            text=True,
        ).stdout
        if wanted in screen:
            return time.perf_counter() - since
        time.sleep(0.01)
    return None


def load_queries(count: int) -> list[str]:
    if QUERIES_FILE.exists():
        import yaml

        queries = [
            entry["query"] for entry in yaml.safe_load(QUERIES_FILE.read_text("utf-8"))["queries"]
        ]
        return queries[:count]
    return FALLBACK_QUERIES[:count]


def child(mode: str, cache: Path, extra: dict[str, str] | None = None) -> dict[str, Any]:
    environment = {**os.environ, "GOVTUI_BENCH_STARTED": repr(time.time()), **(extra or {})}
    done = subprocess.run(
        [sys.executable, __file__, f"--probe={mode}", f"--cache={cache}"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the {mode} probe failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="launches to time (default 9)")
    parser.add_argument("--queries", type=int, default=30, help="dev queries to type (default 30)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--slowest", type=int, default=0, help="also list the N slowest keys")
    parser.add_argument("--content", type=Path, help="content folder (default: the sample)")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.content is not None:
        global CONTENT
        CONTENT = arguments.content.resolve()
        os.environ["GOVTUI_BENCH_CONTENT"] = str(CONTENT)

    if arguments.probe == "launch":
        probe_launch(arguments.cache)
        return
    if arguments.probe == "memory":
        probe_memory(arguments.cache, load_queries(10))
        return

    with tempfile.TemporaryDirectory(prefix="govtui-tui-bench-") as folder:
        cache = Path(folder) / "cache"
        cold = child("launch", cache)["seconds"]
        launched = [child("launch", cache) for _ in range(arguments.runs)]
        launches = [run["seconds"] for run in launched]
        contents = [run["content"] for run in launched]
        terminal, first_answers = launch_in_tmux(cache, arguments.runs)
        queries = load_queries(arguments.queries)
        timed = asyncio.run(keystrokes(cache, queries))
        latencies = [milliseconds for _, milliseconds in timed]
        memory = child("memory", cache)
    figures = {
        "launch_cold_build_s": round(cold, 3),
        "launch_warm_median_s": round(statistics.median(launches), 3),
        "launch_warm_min_s": round(min(launches), 3),
        "launch_warm_max_s": round(max(launches), 3),
        "launch_content_read_median_s": round(statistics.median(contents), 3),
        "launch_command_in_tmux_median_s": round(statistics.median(terminal), 3)
        if terminal
        else None,
        "first_query_in_tmux_median_s": round(statistics.median(first_answers), 3)
        if first_answers
        else None,
        "keystrokes": len(latencies),
        "keystroke_median_ms": round(statistics.median(latencies), 1),
        "keystroke_p95_ms": round(percentile(latencies, 0.95), 1),
        "keystroke_max_ms": round(max(latencies), 1),
        "peak_memory_mib": round(memory["peak_mib"], 1),
    }
    if arguments.json:
        print(json.dumps(figures, indent=2))
        return
    print(
        "launch → usable search (index built), warm cache: median "
        f"{figures['launch_warm_median_s']} s (min {figures['launch_warm_min_s']}, "
        f"max {figures['launch_warm_max_s']}, {arguments.runs} runs)"
    )
    print(
        "launch → content read too (browse list, documents open), the same launches: median "
        f"{figures['launch_content_read_median_s']} s"
    )
    if terminal:
        print(
            f"the same, as the `govtui` command in tmux: median "
            f"{figures['launch_command_in_tmux_median_s']} s ({len(terminal)} runs)"
        )
        print(
            f"{FIRST_QUERY} typed in tmux the moment it is ready: results shown "
            f"{figures['first_query_in_tmux_median_s']} s later (median)"
        )
    print(f"first launch, building the index: {figures['launch_cold_build_s']} s")
    print(
        f"keystroke → results repainted: median {figures['keystroke_median_ms']} ms, "
        f"p95 {figures['keystroke_p95_ms']} ms, max {figures['keystroke_max_ms']} ms "
        f"({figures['keystrokes']} keys over {len(queries)} queries)"
    )
    print(f"peak memory after a whole visit: {figures['peak_memory_mib']} MiB")
    for text, milliseconds in sorted(timed, key=lambda pair: -pair[1])[: arguments.slowest]:
        print(f"  {milliseconds:6.1f} ms  {text}")


if __name__ == "__main__":
    main()
