"""Read aloud (F5): the question, the result or the checklist in Mandarin, and F5 stops it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from govtui.tui.app import GovTuiApp
from govtui.tui.screens.base import GovScreen
from tests.tui.conftest import SIZE
from tests.tui.test_flows import open_allowance_checklist, open_allowance_interview

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt install espeak-ng)"
)


def notices(app: GovTuiApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def reading_over(app: GovTuiApp, pilot: Pilot[None], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while app._reading_stop is not None:
        assert time.monotonic() < deadline, "the reading did not end"
        await pilot.pause(0.05)
    await pilot.pause()


def riff_wave(path: Path) -> int:
    """The length of a WAV file's sound data; fails unless it is a RIFF/WAVE file."""
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", data[:12]
    return len(data) - 44


@needs_espeak
async def test_f5_reads_the_question_into_a_wav_through_espeak(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    app = make_app()
    app.readings_dir = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("f5")
        await reading_over(app, pilot)
        wav = tmp_path / "reading-1.wav"
        assert riff_wave(wav) > 20_000  # a whole question, not a click
        assert any(str(wav) in notice for notice in notices(app))


@needs_espeak
async def test_the_checklist_is_read_too_and_longer_than_a_question(
    make_app: Callable[..., GovTuiApp], tmp_path: Path
) -> None:
    app = make_app()
    app.readings_dir = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("f5")
        await reading_over(app, pilot)
        await app.pop_screen()
        await pilot.pause()
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "2", "c")
        await pilot.press("f5")
        await reading_over(app, pilot)
        assert riff_wave(tmp_path / "reading-2.wav") > riff_wave(tmp_path / "reading-1.wav")


def fake_espeak(folder: Path, body: str) -> None:
    """An `espeak-ng` on PATH that runs `body` (a shell line) instead of speaking."""
    folder.mkdir()
    program = folder / "espeak-ng"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(0o755)


async def test_f5_again_stops_the_reading(
    make_app: Callable[..., GovTuiApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_espeak(tmp_path / "bin", "/bin/cat >/dev/null; exec /bin/sleep 60")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("f5")
        deadline = time.monotonic() + 10
        while "正在朗读……再按 F5 停止。" not in notices(app):
            assert time.monotonic() < deadline
            await pilot.pause(0.05)
        started = time.monotonic()
        await pilot.press("f5")
        await reading_over(app, pilot, seconds=5)
        assert time.monotonic() - started < 5
        assert "已停止朗读。" in notices(app)


async def test_without_espeak_the_key_says_how_to_install_it(
    make_app: Callable[..., GovTuiApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        await pilot.press("f5")
        await reading_over(app, pilot)
        assert any("apt install espeak-ng" in notice for notice in notices(app))
        # Nothing is stuck: the key works again at once.
        await pilot.press("f5")
        await reading_over(app, pilot)


async def test_the_search_screen_says_what_can_be_read(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert any("没有可朗读的内容" in notice for notice in notices(app))
        assert app._reading_stop is None


async def test_what_is_read_is_chinese_and_says_each_state_in_words(
    make_app: Callable[..., GovTuiApp],
) -> None:
    app = make_app("en")  # the clerk's UI in English; the citizen hears Mandarin
    async with app.run_test(size=SIZE) as pilot:
        await open_allowance_interview(app, pilot)
        assert isinstance(app.screen, GovScreen)
        question = app.screen.spoken_words()
        assert question is not None and question.startswith("申请人几周岁")
        await app.pop_screen()
        await pilot.pause()
        await open_allowance_checklist(app, pilot, "8", "5", "enter", "1", "2", "c")
        assert isinstance(app.screen, GovScreen)
        words = app.screen.spoken_words()
        assert words is not None
        assert "办理结果：基本符合条件。" in words
        assert "未带" in words and "案件编号 QH-" in words
        await pilot.press("space")  # the first material is brought
        assert isinstance(app.screen, GovScreen)
        after = app.screen.spoken_words()
        assert after is not None and after.count("未带") == words.count("未带") - 1
