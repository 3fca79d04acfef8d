"""The office's key pairs: ``sealing`` (reports, X25519) and ``signing`` (releases, Ed25519).

The private halves never lie on disk in clear: the key file holds them in a ``SecretBox``
under a key derived from a passphrase with argon2id, next to the public halves in clear (so
fingerprints can be shown without the passphrase). The file is written atomically with mode
0600. Packs shipped for development carry keys whose private halves are in
``tests/fixtures/dev_keys.json``: never for production.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.pwhash.argon2id as argon2id
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey
from nacl.secret import SecretBox
from nacl.signing import SigningKey
from nacl.utils import random

from kompassen.core.errors import KompassenError
from kompassen.device.files import (
    TextFileError,
    load_json_limited,
    parse_json_bytes,
    write_atomic,
)

FORMAT = 1
KEY_FILE = "office-keys.json"  # the encrypted private halves (and the public ones in clear)
PUBLIC_FILE = "public-keys.json"  # the public halves and their fingerprints, for area.json
MIN_PASSPHRASE = 8
MAX_KEY_FILE_BYTES = 64 * 1024  # two sealed keys, a salt and the public halves: ~1 KB
# "moderate" for real key files (~0.7 s, 256 MiB); tests pass strength="interactive" to stay fast
STRENGTHS: dict[str, tuple[int, int]] = {
    "moderate": (argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE),
    "interactive": (argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE),
}
WARNING = (
    "Privata nycklar för rapporter och katalogsläpp. Förvara säkert, dela aldrig. / "
    "Private keys for reports and catalogue releases. Keep safe, never share."
)


@dataclass(frozen=True, slots=True)
class OfficeKeys:
    """Base64 of 32-byte keys; ``signing_private`` is the Ed25519 seed."""

    sealing_private: str
    sealing_public: str
    signing_private: str
    signing_public: str


class KeyFileError(KompassenError):
    """The key file cannot be written or read (wrong passphrase, damaged file)."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def generate_keys() -> OfficeKeys:
    """Fresh key pairs from the operating system's random source."""
    sealing = PrivateKey.generate()
    signing = SigningKey.generate()
    return OfficeKeys(
        sealing_private=_b64(bytes(sealing)),
        sealing_public=_b64(bytes(sealing.public_key)),
        signing_private=_b64(bytes(signing)),
        signing_public=_b64(bytes(signing.verify_key)),
    )


def write_key_file(
    path: Path, keys: OfficeKeys, passphrase: str, *, strength: str = "moderate"
) -> None:
    """Write the key file atomically (temp file + rename), readable by its owner only."""
    if not passphrase:
        raise KeyFileError(sv="Lösenfrasen får inte vara tom.", en="The passphrase must not be empty.")
    opslimit, memlimit = STRENGTHS[strength]
    salt = random(argon2id.SALTBYTES)
    box = SecretBox(_derive(passphrase, salt, opslimit, memlimit))
    secret = json.dumps(
        {"sealing_private": keys.sealing_private, "signing_private": keys.signing_private}
    ).encode("utf-8")
    doc = {
        "format": FORMAT,
        "kdf": "argon2id",
        "opslimit": opslimit,
        "memlimit": memlimit,
        "salt": _b64(salt),
        "box": _b64(box.encrypt(secret)),  # the nonce is the box's first 24 bytes
        "public": {"sealing": keys.sealing_public, "signing": keys.signing_public},
        "warning": WARNING,
    }
    data = (json.dumps(doc, indent=2) + "\n").encode("utf-8")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise KeyFileError(
            sv=f"Nyckelfilen kunde inte skrivas ({path}): {exc.strerror or exc}",
            en=f"The key file could not be written ({path}): {exc.strerror or exc}",
        ) from exc


def read_key_file(path: Path, passphrase: str) -> OfficeKeys:
    """Open the key file with the passphrase; KeyFileError in words when it cannot."""
    try:
        doc = load_json_limited(path, MAX_KEY_FILE_BYTES, display=str(path))
    except TextFileError as exc:
        if exc.missing:
            raise KeyFileError(
                sv=f"Nyckelfilen finns inte: {path}", en=f"The key file does not exist: {path}"
            ) from exc
        raise _damaged(path, "inte läsbar JSON", "not readable JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("kdf") != "argon2id":
        raise _damaged(path, "okänt format", "unknown format")
    opslimit, memlimit = doc.get("opslimit"), doc.get("memlimit")
    if not (
        isinstance(opslimit, int)
        and isinstance(memlimit, int)
        and argon2id.OPSLIMIT_MIN <= opslimit <= argon2id.OPSLIMIT_SENSITIVE
        and argon2id.MEMLIMIT_MIN <= memlimit <= argon2id.MEMLIMIT_SENSITIVE
    ):
        raise _damaged(path, "orimliga argon2id-parametrar", "unreasonable argon2id parameters")
    public = doc.get("public")
    try:
        salt = base64.b64decode(doc["salt"], validate=True)
        sealed = base64.b64decode(doc["box"], validate=True)
        if len(salt) != argon2id.SALTBYTES or not isinstance(public, dict):
            raise ValueError("salt or public")
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise _damaged(
            path, "salt, låda eller publika nycklar saknas", "salt, box or public keys missing"
        ) from exc
    if not passphrase:
        raise KeyFileError(sv="Lösenfrasen får inte vara tom.", en="The passphrase must not be empty.")
    try:
        secret = SecretBox(_derive(passphrase, salt, opslimit, memlimit)).decrypt(sealed)
    except CryptoError as exc:
        raise KeyFileError(
            sv=f"Fel lösenfras för nyckelfilen {path} (eller så är filen skadad).",
            en=f"Wrong passphrase for the key file {path} (or the file is damaged).",
        ) from exc
    try:
        private = parse_json_bytes(secret, str(path))
        keys = OfficeKeys(
            sealing_private=private["sealing_private"],
            sealing_public=public["sealing"],
            signing_private=private["signing_private"],
            signing_public=public["signing"],
        )
        sealing = PrivateKey(base64.b64decode(keys.sealing_private, validate=True))
        signing = SigningKey(base64.b64decode(keys.signing_private, validate=True))
    except (KeyError, TypeError, ValueError, binascii.Error, CryptoError, TextFileError) as exc:
        raise _damaged(
            path, "de privata nycklarna går inte att läsa", "the private keys cannot be read"
        ) from exc
    if (
        _b64(bytes(sealing.public_key)) != keys.sealing_public
        or _b64(bytes(signing.verify_key)) != keys.signing_public
    ):
        raise _damaged(
            path,
            "de publika nycklarna hör inte ihop med de privata",
            "the public keys do not match the private ones",
        )
    return keys


@dataclass(frozen=True, slots=True)
class KeyFiles:
    """What :func:`create_key_files` wrote."""

    keys: OfficeKeys
    key_file: Path
    public_file: Path


def check_passphrase(passphrase: str) -> None:
    """KeyFileError in words for a passphrase too short to protect the key file."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError(
            sv=f"Lösenfrasen måste vara minst {MIN_PASSPHRASE} tecken.",
            en=f"The passphrase must be at least {MIN_PASSPHRASE} characters.",
        )


def create_key_files(folder: Path, passphrase: str, *, strength: str = "moderate") -> KeyFiles:
    """New key pairs in ``folder``: the encrypted key file and the public halves beside it.

    One code path for ``kompassen keys generate`` and the office's first-run wizard. Never
    overwrites: an existing key file may be the only copy of keys tablets already trust.
    """
    check_passphrase(passphrase)
    key_file, public_file = folder / KEY_FILE, folder / PUBLIC_FILE
    existing = [str(t) for t in (key_file, public_file) if t.exists()]
    if existing:
        raise KeyFileError(
            sv=f"Skriver inte över befintliga nyckelfiler: {', '.join(existing)}.",
            en=f"Will not overwrite existing key files: {', '.join(existing)}.",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise KeyFileError(
            sv=f"Mappen {folder} kunde inte skapas: {exc.strerror or exc}",
            en=f"The folder {folder} could not be created: {exc.strerror or exc}",
        ) from exc
    keys = generate_keys()
    write_key_file(key_file, keys, passphrase, strength=strength)
    try:
        write_atomic(public_file, (json.dumps(public_keys(keys), indent=2) + "\n").encode(), 0o644)
    except OSError as exc:
        raise KeyFileError(
            sv=f"{public_file} kunde inte skrivas: {exc.strerror or exc}",
            en=f"{public_file} could not be written: {exc.strerror or exc}",
        ) from exc
    return KeyFiles(keys, key_file, public_file)


def fingerprint(public_b64: str) -> str:
    """A short, readable check of a public key: first 8 bytes of its SHA-256, in hex groups."""
    try:
        raw = base64.b64decode(public_b64, validate=True)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise KeyFileError(
            sv="Nyckeln är inte giltig base64.", en="The key is not valid base64."
        ) from exc
    digest = hashlib.sha256(raw).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def public_keys(keys: OfficeKeys) -> dict[str, Any]:
    """The public halves, as written to ``public-keys.json`` and into an area pack."""
    return {
        "format": FORMAT,
        "sealing": keys.sealing_public,
        "signing": keys.signing_public,
        "fingerprints": {
            "sealing": fingerprint(keys.sealing_public),
            "signing": fingerprint(keys.signing_public),
        },
    }


def _derive(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return argon2id.kdf(
        SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit
    )


def _damaged(path: Path, sv: str, en: str) -> KeyFileError:
    return KeyFileError(
        sv=f"Nyckelfilen {path} är skadad: {sv}.", en=f"The key file {path} is damaged: {en}."
    )
