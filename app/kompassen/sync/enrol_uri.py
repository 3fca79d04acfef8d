"""What the office's enrolment QR code holds, and reading what a person typed or pasted.

The QR content is a URI, ``kompassen://enrol?server=https%3A%2F%2Fsync.example.se&code=K7QX-…``:
the server's address and a one-time code. The server's admin command prints it (and the QR
code); the tablet's first screen and Settings take either the whole URI (server and code at
once) or the bare code (the configured server is used). Everything pasted is untrusted: it is
bounded, and anything else than this shape is refused in words before any network call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from kompassen.core.errors import KompassenError

SCHEME = "kompassen"
ACTION = "enrol"
MAX_TEXT = 2048  # a URI longer than this is no office QR code
MAX_SERVER = 512
# what the server's codes are made of once dashes and spaces are gone (server/auth.py), with
# room for other lengths; the server decides whether the code is right
_CODE = re.compile(r"^[0-9A-Z]{4,64}$")
_CODE_SEPARATORS = re.compile(r"[\s\-–—]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


class EnrolmentTextError(KompassenError):
    """What was typed or pasted is neither an enrolment code nor an office enrolment URI."""


@dataclass(frozen=True, slots=True)
class EnrolmentText:
    """A code to enrol with, and the server named with it (None: use the configured one)."""

    code: str
    server: str | None = None


def make_uri(server: str, code: str) -> str:
    """The QR content for ``code`` at ``server`` (checked as a tablet would read it)."""
    uri = f"{SCHEME}://{ACTION}?server={quote(server, safe='')}&code={quote(code, safe='')}"
    parse_enrolment(uri)  # raises if the office would hand out something no tablet accepts
    return uri


def parse_enrolment(text: str) -> EnrolmentText:
    """A bare code, or the whole URI of the office's QR code; EnrolmentTextError otherwise."""
    raw = text.strip()
    if not raw:
        raise EnrolmentTextError(
            sv="Skriv koden eller klistra in innehållet i kontorets QR-kod.",
            en="Type the code or paste the content of the office's QR code.",
        )
    if len(raw) > MAX_TEXT or _CONTROL.search(raw):
        raise _not_ours()
    if raw.lower().startswith(f"{SCHEME}:"):
        return _from_uri(raw)
    if "://" in raw or "?" in raw:  # an address of some other kind, not a code
        raise _not_ours()
    return EnrolmentText(_code(raw))


def _from_uri(raw: str) -> EnrolmentText:
    parts = urlsplit(raw)
    if (
        parts.scheme.lower() != SCHEME
        or parts.netloc.lower() != ACTION
        or parts.path not in ("", "/")
        or parts.fragment
    ):
        raise _not_ours()
    try:
        query = parse_qs(parts.query, strict_parsing=True, max_num_fields=8)
    except ValueError as exc:
        raise _not_ours() from exc
    servers, codes = query.get("server", []), query.get("code", [])
    if len(servers) != 1 or len(codes) != 1:
        raise _not_ours()
    return EnrolmentText(_code(codes[0]), _server(servers[0]))


def _server(url: str) -> str:
    """http(s)://host[:port][/prefix], no user name or password, query or fragment."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        len(url) > MAX_SERVER
        or _CONTROL.search(url)
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or "@" in parts.netloc
        or (port is not None and not 0 < port < 65536)
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in url)
    ):
        raise EnrolmentTextError(
            sv="Serveradressen i QR-koden går inte att använda. Be kontoret om en ny kod.",
            en="The server address in the QR code cannot be used. Ask the office for a new code.",
        )
    return url.rstrip("/")


def _code(text: str) -> str:
    code = _CODE_SEPARATORS.sub("", text).upper()
    if not _CODE.match(code):
        raise EnrolmentTextError(
            sv="Det där ser inte ut som en anslutningskod (bokstäver och siffror, t.ex. "
            "K7QX-M2PR-…). Kontrollera koden från kontoret.",
            en="That does not look like an enrolment code (letters and digits, e.g. "
            "K7QX-M2PR-…). Check the code from the office.",
        )
    return text.strip()


def _not_ours() -> EnrolmentTextError:
    return EnrolmentTextError(
        sv="Det där är ingen anslutningskod från kontoret. Skriv koden eller klistra in "
        "innehållet i kontorets QR-kod (kompassen://enrol?…).",
        en="That is not an enrolment code from the office. Type the code or paste the "
        "content of the office's QR code (kompassen://enrol?…).",
    )
