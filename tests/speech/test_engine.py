"""espeak-ng reads into a WAV file, stops on demand, and fails with a message one can act on."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import wave
from pathlib import Path
from typing import Any

import pytest

from govtui.speech import engine
from govtui.speech.engine import DEFAULT_RATE, VOICE, Reading, SpeechUnavailable, speak

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt install espeak-ng)"
)

SENTENCE = "您好！请带上身份证和户口本，到银行重新办理最低生活保障。"


@needs_espeak
def test_a_sentence_is_read_into_a_wave_file(tmp_path: Path) -> None:
    wav = tmp_path / "reading.wav"
    reading = speak(SENTENCE, wav=wav)
    reading.wait()
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    with wave.open(str(wav)) as audio:
        assert audio.getnframes() * audio.getsampwidth() > 10_000
    assert not reading.stopped


@needs_espeak
def test_stop_ends_a_long_reading_quickly_and_is_safe_to_repeat(tmp_path: Path) -> None:
    reading = speak(SENTENCE * 200, wav=tmp_path / "long.wav")
    time.sleep(0.2)
    started = time.monotonic()
    stopper = threading.Thread(target=reading.stop)
    stopper.start()
    stopper.join()
    reading.wait()  # no error: a stopped reading is not a failure
    assert time.monotonic() - started < 2
    assert reading.stopped and reading.done()
    reading.stop()
    reading.wait()


@needs_espeak
def test_stop_after_the_end_changes_nothing(tmp_path: Path) -> None:
    reading = speak("好", wav=tmp_path / "short.wav")
    reading.wait()
    reading.stop()
    assert not reading.stopped


def test_a_missing_espeak_says_how_to_install_it() -> None:
    with pytest.raises(SpeechUnavailable) as raised:
        speak("你好", espeak="/nonexistent")
    assert raised.value.key == "error_speech_missing"
    assert "sudo apt install espeak-ng" in raised.value.message("zh")
    assert "PATH" in raised.value.message("en")


def test_no_espeak_on_path_is_the_same_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "find_espeak", lambda: None)
    with pytest.raises(SpeechUnavailable) as raised:
        speak("你好")
    assert raised.value.key == "error_speech_missing"


@needs_espeak
def test_the_text_never_reaches_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[list[str]] = []
    real_popen = subprocess.Popen

    def recording_popen(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        seen.append(list(args))
        return real_popen(args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", recording_popen)
    wav = tmp_path / "r.wav"
    speak("身份证 11010519491231002X", wav=wav).wait()
    espeak = shutil.which("espeak-ng")
    assert seen == [[str(espeak), "-v", VOICE, "-s", str(DEFAULT_RATE), "--stdin", "-w", str(wav)]]
    assert not any("shen1" in arg or "1101" in arg or "身份证" in arg for arg in seen[0])


def _fake_espeak(tmp_path: Path, script: str) -> str:
    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\ncat >/dev/null\n" + script)
    program.chmod(0o755)
    return str(program)


def test_an_error_line_on_stderr_means_no_sound_device(tmp_path: Path) -> None:
    # As espeak-ng 1.51 does without ALSA: exit 0, the ALSA lines, then "error:".
    espeak = _fake_espeak(
        tmp_path, "echo 'ALSA lib pcm.c: Unknown PCM default' >&2\necho 'error: No such file' >&2\n"
    )
    with pytest.raises(SpeechUnavailable) as raised:
        speak("你好", espeak=espeak).wait()
    assert raised.value.key == "error_speech_no_device"


def test_a_failure_carries_the_exit_code_and_the_first_stderr_line(tmp_path: Path) -> None:
    espeak = _fake_espeak(tmp_path, "echo 'bad thing' >&2\necho more >&2\nexit 3\n")
    with pytest.raises(SpeechUnavailable) as raised:
        speak("你好", espeak=espeak).wait()
    assert raised.value.key == "error_speech_failed"
    assert raised.value.params == {"code": 3, "detail": "bad thing"}
    assert "3" in raised.value.message("zh") and "bad thing" in raised.value.message("en")


@needs_espeak
def test_a_missing_voice_is_named(tmp_path: Path) -> None:
    espeak = _fake_espeak(
        tmp_path, "echo 'Error: The specified espeak-ng voice does not exist.' >&2\nexit 1\n"
    )
    with pytest.raises(SpeechUnavailable) as raised:
        Reading("ni3 hao3", espeak=espeak).wait()
    assert raised.value.key == "error_speech_voice_missing"
    assert VOICE in raised.value.message("en")


@needs_espeak
def test_an_unwritable_wave_file_is_a_failure_though_espeak_exits_0(tmp_path: Path) -> None:
    with pytest.raises(SpeechUnavailable) as raised:
        speak("你好", wav=tmp_path / "no" / "such" / "r.wav").wait()
    assert raised.value.key == "error_speech_failed"
    assert "write" in str(raised.value.params["detail"])
