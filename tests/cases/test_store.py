"""The case file: round trip, every way it can fail (with nothing restored), expiry and purge."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
from pathlib import Path

import pytest

from govtui.cases.state import CaseState, ServiceState
from govtui.cases.store import (
    SUFFIX,
    CaseError,
    CaseTakenError,
    DamagedCaseError,
    ExpiredCaseError,
    NewerCaseFormatError,
    UnknownCaseError,
    WrongPassphraseError,
    case_path,
    check_passphrase,
    open_case,
    purge_expired,
    save_case,
)
from govtui.errors import GovtuiError

SAVED = datetime.date(2026, 11, 22)
PASSPHRASE = "青禾 river 2026"
STATE = CaseState(
    code="QH-7K4Q",
    services=(
        ServiceState(
            target="dibao-application",
            answers={
                "applicant_role": "agent",
                "age": 67,
                "income": 812.5,
                "has_hukou": True,
                "birth_date": datetime.date(1959, 3, 4),
                "name": "张三",
            },
            asked=("applicant_role", "age", "income", "has_hukou", "birth_date", "name"),
            brought=("id-card",),
            revisiting=2,
        ),
        ServiceState(
            target="medical-aid", answers={"age": 67}, asked=("age",), brought=(), revisiting=None
        ),
    ),
    current="dibao-application",
    stopped_at="checklist",
)


@pytest.fixture(scope="module")
def saved_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """One case saved once (Scrypt is slow on purpose); the damage tests change copies of it."""
    folder = tmp_path_factory.mktemp("cases")
    return save_case(folder, STATE, PASSPHRASE, SAVED).read_bytes()


def place(folder: Path, data: bytes, code: str = STATE.code) -> Path:
    path = case_path(folder, code)
    path.write_bytes(data)
    return path


def test_a_saved_case_opens_to_the_same_visit(tmp_path: Path) -> None:
    path = save_case(tmp_path, STATE, PASSPHRASE, SAVED)
    assert path == tmp_path / f"QH-7K4Q{SUFFIX}"
    restored = open_case(tmp_path, "qh7k4q", PASSPHRASE, SAVED + datetime.timedelta(days=3))
    assert restored == STATE
    answers = restored.services[0].answers
    assert type(answers["age"]) is int and type(answers["has_hukou"]) is bool
    assert answers["birth_date"] == datetime.date(1959, 3, 4)


def test_the_header_is_plain_and_holds_no_personal_data(saved_bytes: bytes) -> None:
    header_line, body_line, checksum, end = saved_bytes.decode().split("\n")
    header = json.loads(header_line)
    assert set(header) == {"govtui_case", "code", "salt", "nonce", "saved", "expires"}
    assert header["code"] == "QH-7K4Q" and header["govtui_case"] == 1
    assert (header["saved"], header["expires"]) == ("2026-11-22", "2026-11-29")
    assert len(base64.b64decode(header["salt"])) == 16
    assert len(base64.b64decode(header["nonce"])) == 12
    for personal in ("张三", "dibao", "agent", "1959", "id-card", "812"):
        assert personal.encode() not in saved_bytes
        assert personal.encode() not in base64.b64decode(body_line)
    assert checksum.startswith("sha256 ") and end == ""


def test_two_saves_of_one_visit_share_no_salt_nonce_or_ciphertext(tmp_path: Path) -> None:
    first = save_case(tmp_path / "a", STATE, PASSPHRASE, SAVED, make_folder=True).read_text()
    second = save_case(tmp_path / "b", STATE, PASSPHRASE, SAVED, make_folder=True).read_text()
    assert set(first.split("\n")[1:3]).isdisjoint(second.split("\n")[1:3])
    assert json.loads(first.split("\n")[0])["salt"] != json.loads(second.split("\n")[0])["salt"]


def test_a_wrong_passphrase_opens_nothing(tmp_path: Path, saved_bytes: bytes) -> None:
    place(tmp_path, saved_bytes)
    with pytest.raises(WrongPassphraseError) as raised:
        open_case(tmp_path, STATE.code, PASSPHRASE + "x", SAVED)
    assert "QH-7K4Q" in raised.value.message("zh") and "Wrong passphrase" in str(raised.value)
    assert PASSPHRASE not in raised.value.message("zh") + raised.value.message("en")


def test_an_unknown_code_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(UnknownCaseError) as raised:
        open_case(tmp_path, "QH-2222", PASSPHRASE, SAVED)
    assert str(tmp_path) in raised.value.message("zh")


def flipped(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]


def test_a_flipped_byte_in_the_salt_is_a_damaged_file(tmp_path: Path, saved_bytes: bytes) -> None:
    position = saved_bytes.index(b'"salt": "') + len(b'"salt": "') + 3
    place(tmp_path, flipped(saved_bytes, position))
    with pytest.raises(DamagedCaseError) as raised:
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)
    assert "损坏" in raised.value.message("zh") and "damaged" in raised.value.message("en")


def test_a_flipped_byte_anywhere_in_the_header_restores_nothing(
    tmp_path: Path, saved_bytes: bytes
) -> None:
    """Every position: an error of the file, never data, and never a wrong-passphrase guess
    (the checksum tells damage from a wrong passphrase before the slow key is derived)."""
    end_of_header = saved_bytes.index(b"\n")
    for position in range(end_of_header + 1):
        place(tmp_path, flipped(saved_bytes, position))
        with pytest.raises((DamagedCaseError, NewerCaseFormatError)):
            open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


def test_a_flipped_byte_in_the_body_is_a_damaged_file(tmp_path: Path, saved_bytes: bytes) -> None:
    start = saved_bytes.index(b"\n") + 1
    end = saved_bytes.index(b"\n", start)
    for position in (start, (start + end) // 2, end - 1, end + 10):
        place(tmp_path, flipped(saved_bytes, position))
        with pytest.raises(DamagedCaseError):
            open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


def test_a_body_altered_with_a_fresh_checksum_still_yields_nothing(
    tmp_path: Path, saved_bytes: bytes
) -> None:
    """The checksum is no protection, only a diagnosis: the GCM tag refuses the change."""
    header_line, body_line, _, _ = saved_bytes.decode().split("\n")
    body = bytearray(base64.b64decode(body_line))
    body[5] ^= 0x80
    forged_body = base64.b64encode(bytes(body)).decode()
    digest = hashlib.sha256(f"{header_line}\n{forged_body}\n".encode()).hexdigest()
    place(tmp_path, f"{header_line}\n{forged_body}\nsha256 {digest}\n".encode())
    with pytest.raises(WrongPassphraseError):
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


def test_a_header_altered_with_a_fresh_checksum_still_yields_nothing(
    tmp_path: Path, saved_bytes: bytes
) -> None:
    """The header is the associated data: a later expiry date written in fails the tag."""
    header_line, body_line, _, _ = saved_bytes.decode().split("\n")
    forged_header = header_line.replace("2026-11-29", "2027-11-29")
    digest = hashlib.sha256(f"{forged_header}\n{body_line}\n".encode()).hexdigest()
    place(tmp_path, f"{forged_header}\n{body_line}\nsha256 {digest}\n".encode())
    with pytest.raises(WrongPassphraseError):
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


@pytest.mark.parametrize("keep", [0, 10, 200, -2, -1])
def test_a_truncated_file_is_a_damaged_file(tmp_path: Path, saved_bytes: bytes, keep: int) -> None:
    place(tmp_path, saved_bytes[:keep] if keep >= 0 else saved_bytes[: keep - 60])
    with pytest.raises(DamagedCaseError):
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


@pytest.mark.parametrize("data", [b"", b"\xff\xfe garbage", b"[1, 2]\n", b"{}\n\n\n"])
def test_a_file_that_is_no_case_is_a_damaged_file(tmp_path: Path, data: bytes) -> None:
    place(tmp_path, data)
    with pytest.raises(DamagedCaseError):
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)


def test_a_case_under_another_code_is_not_opened_by_this_one(
    tmp_path: Path, saved_bytes: bytes
) -> None:
    place(tmp_path, saved_bytes, code="QH-2222")
    with pytest.raises(DamagedCaseError):
        open_case(tmp_path, "QH-2222", PASSPHRASE, SAVED)


def test_a_newer_format_says_to_update(tmp_path: Path, saved_bytes: bytes) -> None:
    place(tmp_path, saved_bytes.replace(b'"govtui_case": 1', b'"govtui_case": 2', 1))
    with pytest.raises(NewerCaseFormatError) as raised:
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED)
    assert "升级" in raised.value.message("zh") and "Update govtui" in raised.value.message("en")


def test_an_expired_case_says_so_and_is_deleted(tmp_path: Path, saved_bytes: bytes) -> None:
    path = place(tmp_path, saved_bytes)
    open_case(tmp_path, STATE.code, PASSPHRASE, datetime.date(2026, 11, 28))  # the last day
    with pytest.raises(ExpiredCaseError) as raised:
        open_case(tmp_path, STATE.code, PASSPHRASE, datetime.date(2026, 11, 29))
    assert "2026-11-29" in raised.value.message("en")
    assert not path.exists()


def test_keep_days_sets_the_expiry(tmp_path: Path) -> None:
    save_case(tmp_path, STATE, PASSPHRASE, SAVED, keep_days=1)
    with pytest.raises(ExpiredCaseError):
        open_case(tmp_path, STATE.code, PASSPHRASE, SAVED + datetime.timedelta(days=1))


def test_passphrases_need_eight_characters_and_the_same_twice() -> None:
    with pytest.raises(CaseError) as raised:
        check_passphrase("1234567")
    assert "8" in raised.value.message("zh") and "8" in raised.value.message("en")
    check_passphrase("12345678", "12345678")
    check_passphrase("八个汉字也可以用", "八个汉字也可以用")
    with pytest.raises(CaseError, match="differ"):
        check_passphrase("12345678", "12345679")


def test_saving_needs_a_long_enough_passphrase(tmp_path: Path) -> None:
    with pytest.raises(CaseError):
        save_case(tmp_path, STATE, "short", SAVED)
    assert list(tmp_path.iterdir()) == []


def test_another_citizens_case_of_the_same_code_is_never_overwritten(
    tmp_path: Path, saved_bytes: bytes
) -> None:
    path = place(tmp_path, saved_bytes)
    with pytest.raises(CaseTakenError):
        save_case(tmp_path, STATE, "another passphrase", SAVED)
    assert path.read_bytes() == saved_bytes


def test_a_missing_folder_is_an_error_unless_it_is_the_default(tmp_path: Path) -> None:
    with pytest.raises(GovtuiError):
        save_case(tmp_path / "typo", STATE, PASSPHRASE, SAVED)
    assert not (tmp_path / "typo").exists()


def test_purge_deletes_expired_cases_and_keeps_the_rest(tmp_path: Path, saved_bytes: bytes) -> None:
    expired = place(tmp_path, saved_bytes)  # expires 2026-11-29
    fresh_header = saved_bytes.replace(b"2026-11-29", b"2026-12-05", 1)
    fresh = place(tmp_path, fresh_header, code="QH-2223")
    other = tmp_path / "notes.txt"
    other.write_text("not a case")
    today = datetime.date(2026, 12, 1)
    result = purge_expired(tmp_path, today, 7, modified=lambda path: today)
    assert result.deleted == (expired,) and result.failed == ()
    assert fresh.exists() and other.exists()


def test_purge_dates_an_unreadable_case_by_its_file(tmp_path: Path) -> None:
    damaged = place(tmp_path, b"\x00 not a header", code="QH-2224")
    today = datetime.date(2026, 12, 1)
    assert purge_expired(tmp_path, today, 7, modified=lambda path: today).deleted == ()
    old = datetime.date(2026, 11, 24)
    assert purge_expired(tmp_path, today, 7, modified=lambda path: old).deleted == (damaged,)
    # The real modification date is read when none is given.
    place(tmp_path, b"\x00", code="QH-2225")
    os.utime(case_path(tmp_path, "QH-2225"), (0, 0))
    assert len(purge_expired(tmp_path, today).deleted) == 1


def test_purge_of_a_missing_folder_deletes_nothing(tmp_path: Path) -> None:
    assert purge_expired(tmp_path / "none", SAVED).deleted == ()
