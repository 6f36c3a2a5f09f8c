"""The case file: a plain header, the visit encrypted with AES-256-GCM, and a checksum; expiry.

The file is three lines of text, so a shared folder or a USB stick carries it unchanged:

    {"govtui_case": 1, "code": …, "salt": …, "nonce": …, "saved": …, "expires": …}
    <the body: the visit's JSON, encrypted with AES-GCM under a Scrypt key; base64>
    sha256 <hex digest of the two lines above>

The header is the associated data of the encryption: changing any of it fails the
authentication. The unkeyed checksum only tells a damaged file from a wrong passphrase; the
GCM tag is what stops a change to either line from yielding data.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govtui.cases.code import parse_case_code
from govtui.cases.state import CaseState, StateShapeError, state_from_json, state_to_json
from govtui.errors import GovtuiError
from govtui.render.files import write_atomically

FORMAT_VERSION = 1
SUFFIX = ".govtui-case"
DEFAULT_KEEP_DAYS = 7
# Passphrases are typed at a counter, often by the citizen; eight characters is the shortest
# that Scrypt below still makes slow to guess (years of one machine's time for lower-case
# letters alone), and short enough to say aloud once.
MINIMUM_PASSPHRASE_LENGTH = 8
# Scrypt: 2**17 × 8 × 128 bytes = 128 MiB and about half a second per try on a counter PC, the
# cost OWASP's password storage sheet names as its minimum. Fixed by the format version, so the
# header carries nothing but what it must.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
KEY_BYTES = 32  # AES-256
SALT_BYTES = 16
NONCE_BYTES = 12  # GCM's own size; a fresh salt makes every save a fresh key as well
_HEADER_FIELDS = {"govtui_case", "code", "salt", "nonce", "saved", "expires"}


class CaseError(GovtuiError):
    """A case cannot be saved or opened; the message says why and what to do."""


class UnknownCaseError(CaseError):
    """No case file of this code in the folder."""


class WrongPassphraseError(CaseError):
    """The passphrase does not open this file (or the file was altered with care)."""


class DamagedCaseError(CaseError):
    """The file is cut short, altered or not a case file."""


class NewerCaseFormatError(CaseError):
    """A newer govtui wrote the file."""


class ExpiredCaseError(CaseError):
    """The case was kept its days and has been deleted."""


class CaseTakenError(CaseError):
    """Another visit's case already has this code in the folder."""


@dataclass(frozen=True, slots=True)
class Header:
    """What anyone may read of a case file: no personal data."""

    version: int
    code: str
    salt: bytes
    nonce: bytes
    saved: datetime.date
    expires: datetime.date
    """The first day the case is gone: saved + keep_days."""


def case_path(folder: Path, code: str) -> Path:
    return folder / f"{code}{SUFFIX}"


def check_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Raises a `CaseError` the clerk can act on when the passphrase will not do."""
    if len(_normal(passphrase)) < MINIMUM_PASSPHRASE_LENGTH:
        raise CaseError("error_case_passphrase_short", n=MINIMUM_PASSPHRASE_LENGTH)
    if repeated is not None and _normal(repeated) != _normal(passphrase):
        raise CaseError("error_case_passphrase_mismatch")


def save_case(
    folder: Path,
    state: CaseState,
    passphrase: str,
    today: datetime.date,
    keep_days: int = DEFAULT_KEEP_DAYS,
    *,
    replace: bool = False,
    make_folder: bool = False,
) -> Path:
    """Encrypt the visit into `folder`/<code>.govtui-case, atomically; returns the file.

    `replace` is for this visit's own earlier save (or the case it was opened from); any other
    file of the same code belongs to another citizen and raises `CaseTakenError`.
    """
    check_passphrase(passphrase)
    path = case_path(folder, state.code)
    if path.exists() and not replace:
        raise CaseTakenError("error_case_taken", code=state.code, path=path)
    header = Header(
        FORMAT_VERSION,
        state.code,
        secrets.token_bytes(SALT_BYTES),
        secrets.token_bytes(NONCE_BYTES),
        today,
        today + datetime.timedelta(days=keep_days),
    )
    header_line = _header_line(header)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plaintext = json.dumps(state_to_json(state), ensure_ascii=False).encode("utf-8")
    key = _key(passphrase, header.salt)
    body = AESGCM(key).encrypt(header.nonce, plaintext, header_line.encode("utf-8"))
    body_line = base64.b64encode(body).decode("ascii")
    write_atomically(path, _file_text(header_line, body_line), force=True, make_folder=make_folder)
    return path


def open_case(folder: Path, typed_code: str, passphrase: str, today: datetime.date) -> CaseState:
    """Find, check and decrypt a case: the whole visit, or an error and nothing at all.

    An expired case is deleted here, as the purge would have.
    """
    code = parse_case_code(typed_code)
    path = case_path(folder, code)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnknownCaseError("error_case_unknown", code=code, folder=folder) from None
    except OSError as error:
        raise CaseError("error_case_unreadable", path=path, detail=error.strerror) from None
    header_line, body_line, header = _checked(raw, path)
    if header.code != code:
        raise DamagedCaseError("error_case_damaged", path=path)
    if today >= header.expires:
        _delete(path)
        raise ExpiredCaseError("error_case_expired", code=code, date=header.expires.isoformat())
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        body = base64.b64decode(body_line, validate=True)
        plaintext = AESGCM(_key(passphrase, header.salt)).decrypt(
            header.nonce, body, header_line.encode("utf-8")
        )
    except binascii.Error:
        raise DamagedCaseError("error_case_damaged", path=path) from None
    except InvalidTag:
        raise WrongPassphraseError("error_case_wrong_passphrase", code=code) from None
    try:
        state = state_from_json(json.loads(plaintext.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, StateShapeError):
        raise DamagedCaseError("error_case_damaged", path=path) from None
    if state.code != code:
        raise DamagedCaseError("error_case_damaged", path=path)
    return state


@dataclass(frozen=True, slots=True)
class Purge:
    """What a purge did: the files deleted, and expired ones it could not delete (and why)."""

    deleted: tuple[Path, ...]
    failed: tuple[CaseError, ...]


def purge_expired(
    folder: Path,
    today: datetime.date,
    keep_days: int = DEFAULT_KEEP_DAYS,
    modified: Callable[[Path], datetime.date] | None = None,
) -> Purge:
    """Delete every expired case file in `folder`; one file that resists does not stop the rest.

    A file whose header cannot be read has no date to trust, so its age is taken from the
    file's modification date: a damaged case is personal data too, and must not stay forever.
    """
    modified = modified or _modified_date
    if not folder.is_dir():
        return Purge((), ())
    deleted: list[Path] = []
    failed: list[CaseError] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if not path.is_file():
            continue
        try:
            expires = _expiry_of(path)
        except (OSError, DamagedCaseError, NewerCaseFormatError):
            expires = None
        if expires is None:
            try:
                expires = modified(path) + datetime.timedelta(days=keep_days)
            except OSError:
                continue
        if today < expires:
            continue
        try:
            if _delete(path):
                deleted.append(path)
        except CaseError as error:
            failed.append(error)
    return Purge(tuple(deleted), tuple(failed))


# The file -------------------------------------------------------------------------------------


def _header_line(header: Header) -> str:
    return json.dumps(
        {
            "govtui_case": header.version,
            "code": header.code,
            "salt": base64.b64encode(header.salt).decode("ascii"),
            "nonce": base64.b64encode(header.nonce).decode("ascii"),
            "saved": header.saved.isoformat(),
            "expires": header.expires.isoformat(),
        },
        separators=(", ", ": "),
    )


def _file_text(header_line: str, body_line: str) -> str:
    return f"{header_line}\n{body_line}\n{_checksum_line(header_line, body_line)}\n"


def _checksum_line(header_line: str, body_line: str) -> str:
    digest = hashlib.sha256(f"{header_line}\n{body_line}\n".encode()).hexdigest()
    return f"sha256 {digest}"


def _checked(raw: bytes, path: Path) -> tuple[str, str, Header]:
    """The two lines and the header of an intact file of this format, else the error to show."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DamagedCaseError("error_case_damaged", path=path) from None
    lines = text.split("\n")
    # A newer format may change everything after its version, so that is read first.
    header = _parse_header(lines[0], path)
    if len(lines) != 4 or lines[3] != "":
        raise DamagedCaseError("error_case_damaged", path=path)
    header_line, body_line, checksum = lines[:3]
    if not secrets.compare_digest(checksum, _checksum_line(header_line, body_line)):
        raise DamagedCaseError("error_case_damaged", path=path)
    return header_line, body_line, header


def _parse_header(line: str, path: Path) -> Header:
    try:
        data = json.loads(line)
    except ValueError:
        raise DamagedCaseError("error_case_damaged", path=path) from None
    if not isinstance(data, dict):
        raise DamagedCaseError("error_case_damaged", path=path)
    version = data.get("govtui_case")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise NewerCaseFormatError("error_case_newer_format", path=path, version=version)
    if version != FORMAT_VERSION or set(data) != _HEADER_FIELDS:
        raise DamagedCaseError("error_case_damaged", path=path)
    try:
        header = Header(
            FORMAT_VERSION,
            parse_case_code(str(data["code"])),
            base64.b64decode(str(data["salt"]), validate=True),
            base64.b64decode(str(data["nonce"]), validate=True),
            datetime.date.fromisoformat(str(data["saved"])),
            datetime.date.fromisoformat(str(data["expires"])),
        )
    except (ValueError, GovtuiError):  # binascii.Error is a ValueError
        raise DamagedCaseError("error_case_damaged", path=path) from None
    if len(header.salt) != SALT_BYTES or len(header.nonce) != NONCE_BYTES:
        raise DamagedCaseError("error_case_damaged", path=path)
    return header


def _expiry_of(path: Path) -> datetime.date:
    """The expiry date of an intact file (only its first line is read: the purge never decrypts)."""
    with path.open("rb") as handle:
        first = handle.readline(4096)
    try:
        line = first.decode("utf-8").rstrip("\n")
    except UnicodeDecodeError:
        raise DamagedCaseError("error_case_damaged", path=path) from None
    return _parse_header(line, path).expires


def _modified_date(path: Path) -> datetime.date:
    return datetime.date.fromtimestamp(path.stat().st_mtime)


def _delete(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False  # another terminal on the shared folder was first
    except OSError as error:
        raise CaseError("error_case_not_deleted", path=path, detail=error.strerror) from None
    return True


def _normal(passphrase: str) -> str:
    # One spelling for what looks the same: an IME may send a composed or a decomposed character.
    return unicodedata.normalize("NFC", passphrase)


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(_normal(passphrase).encode("utf-8"))
