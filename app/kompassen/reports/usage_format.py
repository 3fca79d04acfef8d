"""One tablet's usage in one area on one day: counts of codes, sealed to the office like a report.

The tablet counts its usage events per day (:mod:`kompassen.reports.usage`) and sends one
aggregate per closed day through the outbox. Only codes are counted — chip codes such as
``group.youth``, service and landmark keys, report kinds —, never free text, and nothing
names the device. The aggregate is sealed to the area's office key, so the server stores
ciphertext per area and day and only the office can count.

Metrics (each maps a key to a count; ``""`` is the key of a total):

=================  ==============================================================
``search``          ``""``: searches made; a chip code: searches with that chip
``zero``            ``""``: searches that found nothing; a chip code: with that chip
``zero_combo``      the sorted chip codes of a zero-result search joined by ``+``
                    (``""`` when it had no chip)
``zero_word``       a code recognised in the typed words of a zero-result search
``view``            a service key: its detail page opened
``handover``        a service key: a handover registered to it
``handover_place``  a landmark key (``""``: no landmark): where a handover was made
``handover_chip``   a chip code that was on when a handover was registered
``report``          a report kind (``unsolved``, ``solution``, …): reports sent
=================  ==============================================================
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kompassen.core.errors import KompassenError

FORMAT = 1
TYPE = "usage"
METRICS = (
    "search",
    "zero",
    "zero_combo",
    "zero_word",
    "view",
    "handover",
    "handover_place",
    "handover_chip",
    "report",
)
MAX_KEYS = 5000  # per metric and day
MAX_COUNT = 1_000_000
#: a key is a code: letters, digits and . _ - : / and + between chip codes; never words
KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}$|^$")
PAD_TO = 256


class UsageError(KompassenError):
    """A usage aggregate that is malformed (never shown to the field worker)."""


@dataclass(frozen=True, slots=True)
class DayUsage:
    """The counts of one area on one day (from one tablet, or summed)."""

    area_id: str
    day: str  # YYYY-MM-DD, Stockholm's calendar day
    counts: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "type": TYPE,
            "area_id": self.area_id,
            "day": self.day,
            "counts": {m: dict(sorted(v.items())) for m, v in sorted(self.counts.items()) if v},
        }


def envelope_bytes(usage: DayUsage) -> bytes:
    """The plaintext that is sealed: compact JSON padded with spaces to 256 bytes."""
    check(usage.to_dict())
    raw = json.dumps(usage.to_dict(), ensure_ascii=True, separators=(",", ":")).encode()
    return raw + b" " * (-len(raw) % PAD_TO)


def from_plain(plain: bytes) -> DayUsage:
    """The checked aggregate of an opened envelope; :class:`UsageError` in words otherwise."""
    try:
        data = json.loads(plain.decode("utf-8").rstrip(" "))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad("innehållet är inte JSON", "the content is not JSON") from exc
    check(data)
    return DayUsage(data["area_id"], data["day"], {m: dict(v) for m, v in data["counts"].items()})


def seal_usage(usage: DayUsage, public_key_b64: str) -> bytes:
    """Seal ``usage`` for the office holding the private half of ``public_key_b64``."""
    from kompassen.reports.sealing import _sealer

    return _sealer(public_key_b64).encrypt(envelope_bytes(usage))


def open_usage(blob: bytes, private_key_b64: str) -> DayUsage:
    """Open a sealed aggregate with the office's private sealing key."""
    from nacl.exceptions import CryptoError

    from kompassen.reports.sealing import SealError, _opener

    try:
        plain = _opener(private_key_b64).decrypt(bytes(blob))
    except (CryptoError, TypeError, ValueError) as exc:
        raise SealError(
            sv="Användningsstatistiken kunde inte öppnas: den är skadad eller förseglad med en "
            "annan nyckel.",
            en="The usage statistics could not be opened: damaged or sealed with another key.",
        ) from exc
    return from_plain(plain)


def check(data: Any) -> None:
    """Raise :class:`UsageError` unless ``data`` is a well-formed aggregate."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("type") != TYPE:
        raise _bad("fel form eller format", "wrong shape or format")
    if set(data) != {"format", "type", "area_id", "day", "counts"}:
        raise _bad("okända eller saknade fält", "unknown or missing fields")
    area = data["area_id"]
    if not isinstance(area, str) or not area or len(area) > 128:
        raise _bad("området saknas", "the area is missing")
    if not _is_day(data["day"]):
        raise _bad("dagen är inte ÅÅÅÅ-MM-DD", "the day is not YYYY-MM-DD")
    counts = data["counts"]
    if not isinstance(counts, dict):
        raise _bad("räkningarna saknas", "the counts are missing")
    for metric, values in counts.items():
        if metric not in METRICS:
            raise _bad(f"okänt mått {metric[:40]!r}", f"unknown metric {metric[:40]!r}")
        if not isinstance(values, dict) or len(values) > MAX_KEYS:
            raise _bad("för många eller felaktiga nycklar", "too many or wrong keys")
        for key, n in values.items():
            if not isinstance(key, str) or not KEY_PATTERN.match(key):
                raise _bad("en nyckel är inte en kod", "a key is not a code")
            if type(n) is not int or not 0 < n <= MAX_COUNT:
                raise _bad("ett antal är fel", "a count is wrong")


def _is_day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bad(sv: str, en: str) -> UsageError:
    return UsageError(
        sv=f"Användningsstatistiken godtogs inte: {sv}.",
        en=f"The usage statistics were not accepted: {en}.",
    )
