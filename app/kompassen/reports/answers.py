"""The office's answer to one field report, signed with the area's signing key.

The answer travels office → server → the tablet that sent the report. The tablet checks the
Ed25519 signature against the signing key of its installed area (the key its catalogue
releases are checked with), so the server, which only stores and forwards the answer, cannot
forge or alter one. The payload is canonical JSON (sorted keys, no spaces) and the signature
covers its UTF-8 bytes exactly as sent.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from kompassen.core.errors import KompassenError

FORMAT = 1
#: the states an answer can tell (``new`` is never answered)
ANSWER_STATES = ("in_progress", "solved", "not_actionable", "needs_info")
MAX_ANSWER = 300  # characters of the public answer, per language
MAX_PAYLOAD = 8192  # bytes of canonical JSON
_KEYS = {"format", "area_id", "uuid", "state", "answer_sv", "answer_en", "guide_id", "answered_at"}


class AnswerError(KompassenError):
    """An answer that is malformed or not signed by the area's key."""


@dataclass(frozen=True, slots=True)
class Answer:
    """What became of one report, in the words the office chose for the reporter."""

    area_id: str
    uuid: str  # the client uuid of the report (the outbox row on the tablet)
    state: str
    answer_sv: str
    answer_en: str
    guide_id: str | None
    answered_at: str

    def text(self, lang: str = "sv") -> str:
        """The answer in ``lang`` (Swedish when there is no English)."""
        return (self.answer_en or self.answer_sv) if lang == "en" else self.answer_sv

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "area_id": self.area_id,
            "uuid": self.uuid,
            "state": self.state,
            "answer_sv": self.answer_sv,
            "answer_en": self.answer_en,
            "guide_id": self.guide_id,
            "answered_at": self.answered_at,
        }


def payload(answer: Answer) -> str:
    """The canonical JSON text that is signed and sent."""
    check(answer.to_dict())
    return json.dumps(answer.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sign(payload_text: str, signing_private_b64: str) -> str:
    """Base64 Ed25519 signature of ``payload_text`` with the 32-byte seed of the signing key."""
    from nacl.signing import SigningKey

    seed = _raw(signing_private_b64, "Den privata signeringsnyckeln", "The private signing key")
    return base64.b64encode(SigningKey(seed).sign(payload_text.encode("utf-8")).signature).decode(
        "ascii"
    )


def verify(payload_text: str, signature_b64: str, signing_public_b64: str) -> Answer:
    """The answer in ``payload_text`` when ``signature_b64`` is the area key's signature of it.

    Raises :class:`AnswerError` (in words) for a bad signature, a wrong key or a malformed
    payload; nothing is trusted before the signature checks.
    """
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    if not isinstance(payload_text, str) or len(payload_text.encode("utf-8")) > MAX_PAYLOAD:
        raise _bad("svaret är för långt eller inte text", "the answer is too long or not text")
    key = _raw(signing_public_b64, "Områdets signeringsnyckel", "The area's signing key")
    sig = _raw(signature_b64, "Svarets signatur", "The answer's signature", size=64)
    try:
        VerifyKey(key).verify(payload_text.encode("utf-8"), sig)
    except (BadSignatureError, ValueError) as exc:
        raise _bad(
            "signaturen stämmer inte med områdets nyckel",
            "the signature does not match the area's key",
        ) from exc
    try:
        data = json.loads(payload_text)
    except ValueError as exc:
        raise _bad("svaret är inte JSON", "the answer is not JSON") from exc
    check(data)
    return Answer(
        area_id=data["area_id"],
        uuid=data["uuid"],
        state=data["state"],
        answer_sv=data["answer_sv"],
        answer_en=data["answer_en"],
        guide_id=data["guide_id"],
        answered_at=data["answered_at"],
    )


def check(data: Any) -> None:
    """Raise :class:`AnswerError` unless ``data`` is a well-formed answer object."""
    if not isinstance(data, dict) or set(data) != _KEYS or data.get("format") != FORMAT:
        raise _bad("svaret har fel form", "the answer has the wrong shape")
    for key in ("area_id", "uuid", "answered_at"):
        if not isinstance(data[key], str) or not data[key] or len(data[key]) > 128:
            raise _bad(f"fältet {key} saknas eller är fel", f"the field {key} is missing or wrong")
    if data["state"] not in ANSWER_STATES:
        raise _bad("okänt läge i svaret", "unknown state in the answer")
    for key in ("answer_sv", "answer_en"):
        if not isinstance(data[key], str) or len(data[key]) > MAX_ANSWER:
            raise _bad("svarstexten är för lång", "the answer text is too long")
    guide = data["guide_id"]
    if guide is not None and (not isinstance(guide, str) or not guide or len(guide) > 128):
        raise _bad("lösningens id är fel", "the guide id is wrong")


def _raw(value: str, what_sv: str, what_en: str, size: int = 32) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != size:
        raise _bad(f"{what_sv} är fel", f"{what_en} is wrong")
    return raw


def _bad(sv: str, en: str) -> AnswerError:
    return AnswerError(
        sv=f"Kontorets svar på en rapport godtogs inte: {sv}.",
        en=f"The office's answer to a report was not accepted: {en}.",
    )
