"""espeak-ng as a child process: start a reading, wait for it or stop it, say what went wrong."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path
from typing import Final

from govtui.errors import GovtuiError
from govtui.speech.spoken import to_pinyin

VOICE: Final = "cmn-latn-pinyin"
# Words a minute; espeak-ng's own 175 is too quick for many elderly listeners.
DEFAULT_RATE: Final = 140
# An error line is cut here: it goes into a message a person reads, not a log.
_DETAIL_LIMIT: Final = 200


class SpeechUnavailable(GovtuiError):
    """Reading aloud cannot be done here: no espeak-ng, no voice, no sound device, or it failed."""


# The name the TUI catches; one class, so either name catches every reading error.
SpeechError = SpeechUnavailable


def find_espeak() -> str | None:
    """The espeak-ng program on PATH, or None."""
    return shutil.which("espeak-ng")


class Reading:
    """One espeak-ng process reading `pinyin` aloud, or into `wav`; started on construction.

    The words go to espeak-ng's stdin only: a command line is visible to every user of the
    machine (ps), and a temporary file would outlive a crash.
    """

    def __init__(
        self,
        pinyin: str,
        *,
        espeak: str,
        rate: int = DEFAULT_RATE,
        wav: Path | None = None,
    ) -> None:
        self._wav = wav
        self._stopped = False
        # stop() may come from the UI thread while wait() runs in a worker.
        self._lock = threading.Lock()
        self._wait_lock = threading.Lock()
        self._outcome: list[SpeechUnavailable | None] | None = None
        command = [espeak, "-v", VOICE, "-s", str(rate), "--stdin"]
        if wav is not None:
            command += ["-w", str(wav)]
        self.args: tuple[str, ...] = tuple(command)
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except FileNotFoundError:
            raise SpeechUnavailable("error_speech_missing") from None
        except OSError as error:
            raise SpeechUnavailable(
                "error_speech_failed", code="-", detail=error.strerror or type(error).__name__
            ) from None
        assert self._process.stdin is not None
        try:
            # Pinyin is ASCII by construction; --stdin reads it all before speaking.
            self._process.stdin.write(pinyin.encode("ascii", "ignore"))
            self._process.stdin.close()
        except OSError:
            # espeak-ng ended before reading (a missing voice): wait() reports why from stderr.
            pass

    @property
    def stopped(self) -> bool:
        """Whether stop() ended this reading."""
        return self._stopped

    def done(self) -> bool:
        """Whether espeak-ng has ended, by itself or by stop()."""
        return self._process.poll() is not None

    def stop(self) -> None:
        """End the reading now; harmless twice, from another thread, or once it has ended."""
        with self._lock:
            if self._process.poll() is not None:
                return
            self._stopped = True
            try:
                self._process.terminate()
            except ProcessLookupError:
                # It ended between poll() and terminate().
                pass

    def wait(self) -> None:
        """Block until espeak-ng ends; raise SpeechUnavailable if it could not read.

        A reading ended by stop() is no error. Waiting again gives the same answer.
        """
        # stderr can be read only once, so the first answer is kept for any later wait().
        with self._wait_lock:
            if self._outcome is None:
                self._outcome = [self._check()]
        problem = self._outcome[0]
        if problem is not None:
            raise problem

    def _check(self) -> SpeechUnavailable | None:
        try:
            self._finish()
        except SpeechUnavailable as problem:
            return problem
        return None

    def _finish(self) -> None:
        assert self._process.stderr is not None
        # Only stderr is a pipe, so reading it to the end cannot deadlock.
        errors = self._process.stderr.read().decode("utf-8", "replace")
        self._process.stderr.close()
        code = self._process.wait()
        if self._stopped:
            return
        lines = [line.strip() for line in errors.splitlines() if line.strip()]
        detail = (lines[0] if lines else "")[:_DETAIL_LIMIT]
        if code != 0:
            # espeak-ng 1.51: "Error: The specified espeak-ng voice does not exist." and exit 1.
            if "voice" in errors.lower():
                raise SpeechUnavailable("error_speech_voice_missing", voice=VOICE)
            raise SpeechUnavailable("error_speech_failed", code=code, detail=detail)
        if self._wav is not None:
            # An unwritable -w path exits 0 too, with only "Can't write to: ..." on stderr.
            unwritten = any(line.lower().startswith("can't write") for line in lines)
            if unwritten or not self._wav.is_file() or self._wav.stat().st_size == 0:
                raise SpeechUnavailable("error_speech_failed", code=code, detail=detail)
            return
        # Without a sound device espeak-ng still exits 0; the only sign is an "error:" line
        # after ALSA's own complaints.
        if any(line.lower().startswith("error:") for line in lines):
            raise SpeechUnavailable("error_speech_no_device")


def speak(
    text: str,
    *,
    wav: Path | None = None,
    espeak: str | None = None,
    rate: int = DEFAULT_RATE,
) -> Reading:
    """Start reading `text` (zh-Hans) aloud, or into the WAV file `wav`; espeak-ng found on PATH."""
    program = espeak if espeak is not None else find_espeak()
    if program is None:
        raise SpeechUnavailable("error_speech_missing")
    return Reading(to_pinyin(text), espeak=program, rate=rate, wav=wav)
