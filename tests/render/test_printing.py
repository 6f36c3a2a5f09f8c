"""Printing through the system's lp or lpr, driven here by a stand-in that records the job."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from govtui.errors import GovtuiError
from govtui.render.printing import send_to_printer

FAKE_SPOOLER = f"""#!{sys.executable}
import os, sys
out = os.environ["FAKE_PRINTER_OUT"]
with open(out + ".args", "w") as handle:
    handle.write(" ".join([os.path.basename(sys.argv[0]), *sys.argv[1:]]))
with open(out + ".txt", "wb") as handle:
    handle.write(sys.stdin.buffer.read())
if os.environ.get("FAKE_PRINTER_FAIL"):
    sys.stderr.write("lp: Error - no default destination available.\\n")
    sys.exit(1)
print("request id is counter-7 (1 file(s))")
"""


def install_spooler(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake `lp` or `lpr` as the only program on PATH; returns where it records the job."""
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text(FAKE_SPOOLER, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("GOVTUI_PRINTER", raising=False)
    monkeypatch.delenv("GOVTUI_PRINTER_ENCODING", raising=False)
    record = folder / "job"
    monkeypatch.setenv("FAKE_PRINTER_OUT", str(record))
    return record


def test_the_text_reaches_lp_as_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    job = send_to_printer("一次性告知单\n身份证\n")
    assert job == "request id is counter-7 (1 file(s))"
    assert Path(f"{record}.txt").read_bytes().decode("utf-8") == "一次性告知单\n身份证\n"
    assert Path(f"{record}.args").read_text() == "lp"


def test_a_chosen_printer_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("GOVTUI_PRINTER", "counter-3")
    send_to_printer("x")
    assert Path(f"{record}.args").read_text() == "lp -d counter-3"
    send_to_printer("x", printer="hall")
    assert Path(f"{record}.args").read_text() == "lp -d hall"


def test_lpr_where_there_is_no_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = install_spooler(tmp_path / "bin", "lpr", monkeypatch)
    send_to_printer("x", printer="hall")
    assert Path(f"{record}.args").read_text() == "lpr -P hall"


def test_no_print_command_is_a_plain_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GovtuiError, match="no print command"):
        send_to_printer("x")


def test_a_refused_job_says_why_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("FAKE_PRINTER_FAIL", "1")
    with pytest.raises(GovtuiError) as refused:
        send_to_printer("x")
    assert "no default destination available" in refused.value.message("en")
    assert "GOVTUI_PRINTER=NAME" in refused.value.message("en")


RECEIPT = "一次性告知单\n申请人：䶮 𠀾\n身份证\n"  # a rare name: CJK extension A and B


@pytest.mark.parametrize("asked", ["GB18030", "gb18030", " gb_18030 "])
def test_gb18030_is_sent_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("GOVTUI_PRINTER_ENCODING", asked)
    send_to_printer(RECEIPT)
    sent = Path(f"{record}.txt").read_bytes()
    assert sent == RECEIPT.encode("gb18030")
    assert sent != RECEIPT.encode("utf-8")
    assert sent.decode("gb18030") == RECEIPT


@pytest.mark.parametrize("asked", ["", "UTF-8", "utf8"])
def test_utf8_is_the_default_and_can_be_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("GOVTUI_PRINTER_ENCODING", asked)
    send_to_printer(RECEIPT)
    assert Path(f"{record}.txt").read_bytes() == RECEIPT.encode("utf-8")


@pytest.mark.parametrize("asked", ["gbk", "latin-1", "big5"])
def test_another_encoding_is_refused_before_anything_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("GOVTUI_PRINTER_ENCODING", asked)
    with pytest.raises(GovtuiError) as refused:
        send_to_printer(RECEIPT)
    for language in ("zh", "en"):
        words = refused.value.message(language)
        assert f"GOVTUI_PRINTER_ENCODING={asked}" in words
        assert "UTF-8" in words and "GB18030" in words
    assert not Path(f"{record}.txt").exists()


@pytest.mark.parametrize("asked", ["UTF-8", "GB18030"])
def test_a_character_no_encoding_has_never_stops_the_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    # A lone surrogate (from a file name read with surrogateescape) has no encoding at all.
    record = install_spooler(tmp_path / "bin", "lp", monkeypatch)
    monkeypatch.setenv("GOVTUI_PRINTER_ENCODING", asked)
    send_to_printer("姓名：\udcff张三\n")
    assert Path(f"{record}.txt").read_bytes() == "姓名：?张三\n".encode(asked)
