"""Sealing a report to the office: libsodium ``SealedBox`` over a padded JSON envelope.

The device holds only the area's public ``sealing`` key, so once a report is sealed the device
itself cannot read it back: a lost tablet gives away nothing. Each sealing uses a fresh
ephemeral key, so two sealings of the same report differ. The envelope is padded with spaces
to a multiple of 256 bytes so the ciphertext length says little about the text's length.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import Any

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from kompassen.core.errors import KompassenError
from kompassen.core.report import Report

FORMAT = 1
PAD_TO = 256
KEY_BYTES = 32


class SealError(KompassenError):
    """A report could not be sealed or opened (wrong key, damaged blob)."""


def envelope_bytes(report: Report, uuid: str, sealed_at: str) -> bytes:
    """The plaintext that is sealed: compact UTF-8 JSON padded with spaces to 256 bytes."""
    env = {"format": FORMAT, "uuid": uuid, "sealed_at": sealed_at, "report": report.to_dict()}
    raw = json.dumps(env, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return raw + b" " * (-len(raw) % PAD_TO)


def seal(report: Report, uuid: str, public_key_b64: str, sealed_at: str) -> bytes:
    """Seal ``report`` for the office holding the private half of ``public_key_b64``."""
    return _sealer(public_key_b64).encrypt(envelope_bytes(report, uuid, sealed_at))


def open_sealed(blob: bytes, private_key_b64: str) -> dict[str, Any]:
    """Open a sealed blob with the office private key and return the checked envelope."""
    box = _opener(private_key_b64)
    try:
        plain = box.decrypt(bytes(blob))
    except (CryptoError, TypeError, ValueError) as exc:
        raise SealError(
            sv="Rapporten kunde inte öppnas: den är skadad eller förseglad med en annan nyckel.",
            en="The report could not be opened: it is damaged or sealed with another key.",
        ) from exc
    try:
        env = json.loads(plain.decode("utf-8").rstrip(" "))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SealError(
            sv="Rapporten öppnades men innehållet är inte läsbar JSON.",
            en="The report opened but its content is not readable JSON.",
        ) from exc
    if not isinstance(env, dict) or env.get("format") != FORMAT:
        fmt = env.get("format") if isinstance(env, dict) else None
        raise SealError(
            sv=f"Okänt format på rapporten ({fmt!r}); en nyare version av Kompassen behövs.",
            en=f"Unknown report format ({fmt!r}); a newer version of Kompassen is needed.",
        )
    if not (
        isinstance(env.get("uuid"), str)
        and isinstance(env.get("sealed_at"), str)
        and isinstance(env.get("report"), dict)
    ):
        raise SealError(
            sv="Rapportens kuvert saknar uuid, tid eller rapport.",
            en="The report envelope lacks its uuid, time or report.",
        )
    return env


def _key_bytes(key_b64: str, what_sv: str, what_en: str) -> bytes:
    try:
        raw = base64.b64decode(key_b64, validate=True) if isinstance(key_b64, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise SealError(
            sv=f"{what_sv} är fel (ska vara {KEY_BYTES} byte i base64). "
            "Kontakta kontoret: områdespaketet har fel nyckel.",
            en=f"{what_en} is wrong (must be {KEY_BYTES} bytes in base64). "
            "Contact the office: the area pack has the wrong key.",
        )
    return raw


@lru_cache(maxsize=32)
def _sealer(public_key_b64: str) -> SealedBox[PublicKey]:
    """One parsed key per key string: submitting 1,000 reports parses it once."""
    raw = _key_bytes(public_key_b64, "Områdets nyckel för rapporter", "The area's report key")
    return SealedBox(PublicKey(raw))


@lru_cache(maxsize=8)
def _opener(private_key_b64: str) -> SealedBox[PrivateKey]:
    raw = _key_bytes(private_key_b64, "Kontorets privata nyckel", "The office private key")
    return SealedBox(PrivateKey(raw))
