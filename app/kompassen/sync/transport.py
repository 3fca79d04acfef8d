"""HTTP to the Kompassen server: one place that turns every failure into words.

A field worker sees these messages on a tablet at night, so each says what happened and what
it means for the reports (they stay in the outbox), in Swedish and English. The device client
and the office commands share this module.

Every answer is untrusted input: its body is read with a size cap (streamed, so a huge or
endless answer is never held whole; a compressed one is counted unpacked), then parsed by
the program's one bounded JSON parser (``device/files.parse_json``: depth, numbers, broken
characters). The callers check the shape; any failure is a :class:`SyncError` in words.
"""

from __future__ import annotations

import ssl
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from kompassen import __version__
from kompassen.core.errors import KompassenError
from kompassen.device.files import JsonRefused, TextFileError, parse_json_bytes

API_PREFIX = "/api/v1"
CONNECT_TIMEOUT = 5.0
_MB = 1024 * 1024
MAX_ANSWER_BYTES = 16 * _MB  # health, enrol, submission results, office pages
# a full catalogue release: as large as the device keeps one (catalogue/store/kept.py)
MAX_RELEASE_BYTES = 512 * _MB

KEPT_SV = "rapporterna ligger kvar i utkorgen"
KEPT_EN = "the reports stay in the outbox"


# what went wrong, for code that decides whether to retry (the words are for people)
SyncErrorKind = Literal[
    "bad_answer",
    "bad_code",
    "bad_login",
    "bad_url",
    "forbidden",
    "not_enrolled",
    "not_kompassen",
    "refused",
    "revoked",
    "server",
    "signed_out",
    "tls",
    "too_large",
    "unreachable",
]


class SyncError(KompassenError):
    """Talking to the server failed; ``kind`` lets callers react without parsing words.

    kinds: ``bad_url``, ``unreachable``, ``tls``, ``not_kompassen``, ``not_enrolled``,
    ``revoked``, ``forbidden``, ``bad_code``, ``too_large``, ``server``, ``refused``,
    ``bad_answer`` (too large, too deep or otherwise unusable: nothing was changed); the
    office client adds ``bad_login`` (wrong name or password) and ``signed_out`` (sign in again).
    """

    def __init__(
        self, *, sv: str, en: str, kind: SyncErrorKind, status: int | None = None
    ) -> None:
        super().__init__(sv=sv, en=en)
        self.kind = kind
        self.status = status


def server_root(url: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash or ``/api/v1``; SyncError else."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(
            sv=f"Ogiltig serveradress ”{url}”: skriv t.ex. https://kompassen.example.se.",
            en=f"Invalid server address '{url}': write e.g. https://kompassen.example.se.",
            kind="bad_url",
        )
    if parts.query or parts.fragment:
        raise SyncError(
            sv=f"Serveradressen ”{url}” ska inte ha ? eller #.",
            en=f"The server address '{url}' must not contain ? or #.",
            kind="bad_url",
        )
    root = text.split("#")[0].rstrip("/")
    if root.endswith(API_PREFIX):
        root = root[: -len(API_PREFIX)].rstrip("/")
    return root


def new_http_client(timeout: float, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """One client per worker: connection reuse, our timeouts, JSON, no redirects followed."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
        transport=transport,
        headers={"User-Agent": f"kompassen/{__version__}", "Accept": "application/json"},
        follow_redirects=False,
    )


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(seen)
        if "SSL" in text or "CERTIFICATE" in text.upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _kept(outbox: bool) -> tuple[str, str]:
    """The words "– the reports stay in the outbox", when the call was about sending them."""
    return (f" – {KEPT_SV}", f" – {KEPT_EN}") if outbox else ("", "")


def transport_error(exc: httpx.HTTPError, root: str, outbox: bool = True) -> SyncError:
    """A network-level failure (no HTTP answer) in words."""
    kept_sv, kept_en = _kept(outbox)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return SyncError(
            sv=f"Ogiltig serveradress {root}.", en=f"Invalid server address {root}.", kind="bad_url"
        )
    if _is_tls(exc):
        return SyncError(
            sv=f"Säker anslutning till {root} misslyckades (certifikatet godkändes inte eller "
            f"servern talar inte HTTPS){kept_sv}.",
            en=f"The secure connection to {root} failed (the certificate was not accepted or the "
            f"server does not speak HTTPS){kept_en}.",
            kind="tls",
        )
    if isinstance(exc, httpx.TimeoutException):
        return SyncError(
            sv=f"Servern svarar inte (tidsgränsen passerades){kept_sv}.",
            en=f"The server does not answer (timed out){kept_en}.",
            kind="unreachable",
        )
    return SyncError(
        sv=f"Servern svarar inte{kept_sv}. ({root})",
        en=f"The server does not answer{kept_en}. ({root})",
        kind="unreachable",
    )


def _body(resp: httpx.Response) -> Any:
    """The answer's JSON, or None when it is none (or one the bounded parser refuses)."""
    try:
        return parse_json_bytes(resp.content, "answer")
    except TextFileError:
        return None


SAID_MAX = 200  # the server's own words, as shown: a hostile server cannot fill the screen


def _said(text: str) -> str:
    """The server's words on one line, without control characters, at most SAID_MAX long."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= SAID_MAX else flat[: SAID_MAX - 1] + "…"


def bad_answer(root: str, why_sv: str, why_en: str, outbox: bool = True) -> SyncError:
    """An answer that cannot be used (too large, too deep, …): words, nothing changed."""
    kept_sv, kept_en = _kept(outbox)
    return SyncError(
        sv=f"Svaret från {root} gick inte att använda ({why_sv}); inget ändrades{kept_sv}.",
        en=f"The answer from {root} could not be used ({why_en}); nothing was changed{kept_en}.",
        kind="bad_answer",
    )


def _too_large_answer(root: str, max_bytes: int, outbox: bool) -> SyncError:
    mb = max(1, max_bytes // _MB)
    return bad_answer(root, f"större än {mb} MB", f"larger than {mb} MB", outbox)


def _read_limited(resp: httpx.Response, root: str, max_bytes: int, outbox: bool) -> httpx.Response:
    """The streamed answer read whole, but never more than ``max_bytes`` (unpacked)."""
    length = resp.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes and "content-encoding" not in resp.headers:
        raise _too_large_answer(root, max_bytes, outbox)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large_answer(root, max_bytes, outbox)
        chunks.append(chunk)
    headers = [
        (k, v)
        for k, v in resp.headers.multi_items()
        if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    return httpx.Response(
        resp.status_code, headers=headers, content=b"".join(chunks), request=resp.request
    )


def answer_json(resp: httpx.Response, root: str, outbox: bool = True) -> Any:
    """The JSON of an answer read by :meth:`Api.request`; SyncError when it is not usable."""
    try:
        return parse_json_bytes(resp.content, "answer")
    except JsonRefused as exc:  # well-formed but refused: deep, huge numbers, NaN, …
        raise bad_answer(root, exc.reason_sv, exc.reason_en, outbox) from None
    except TextFileError:
        raise not_kompassen(root) from None


def not_kompassen(root: str) -> SyncError:
    return SyncError(
        sv=f"{root} svarar, men är inte en Kompassen-server. Kontrollera adressen.",
        en=f"{root} answers, but is not a Kompassen server. Check the address.",
        kind="not_kompassen",
    )


def response_error(resp: httpx.Response, root: str, outbox: bool = True) -> SyncError:
    """An HTTP error answer (4xx/5xx) in words; the server's own words when it gave some.

    ``outbox``: the call was the device sending its reports, so the words say they stay queued
    (enrolling and the office's calls involve no outbox).
    """
    status = resp.status_code
    body = _body(resp)
    code = body.get("error") if isinstance(body, dict) else None
    server_sv = body.get("sv") if isinstance(body, dict) else None
    server_en = body.get("detail") if isinstance(body, dict) else None
    said_sv = f" (servern: {_said(server_sv)})" if isinstance(server_sv, str) and server_sv else ""
    said_en = f" (server: {_said(server_en)})" if isinstance(server_en, str) and server_en else ""
    if status >= 500:
        later_sv, later_en = (
            (f" – {KEPT_SV} och skickas senare", f" – {KEPT_EN} and are sent later")
            if outbox
            else ("; försök igen senare", "; try again later")
        )
        return SyncError(
            sv=f"Servern har ett tillfälligt fel (HTTP {status}){said_sv}{later_sv}.",
            en=f"The server has a temporary fault (HTTP {status}){said_en}{later_en}.",
            kind="server",
            status=status,
        )
    if not isinstance(code, str):
        return not_kompassen(root)
    if status == 401 and not outbox:
        return SyncError(
            sv=f"Servern godtog inte inloggningen{said_sv}.",
            en=f"The server did not accept the login{said_en}.",
            kind="not_enrolled",
            status=status,
        )
    if status == 401:
        return SyncError(
            sv="Enheten är inte ansluten till servern (nyckeln är okänd eller har gått ut). "
            f"Anslut igen med en kod från kontoret – {KEPT_SV}.",
            en="This device is not enrolled with the server (the token is unknown or expired). "
            f"Enrol again with a code from the office – {KEPT_EN}.",
            kind="not_enrolled",
            status=status,
        )
    if status == 403 and code == "revoked":
        return SyncError(
            sv=f"Enheten har spärrats av kontoret och får inte skicka – {KEPT_SV}. Kontakta kontoret.",
            en=f"This device has been revoked by the office and may not send – {KEPT_EN}. "
            "Contact the office.",
            kind="revoked",
            status=status,
        )
    if status == 403 and code == "bad_code":
        return SyncError(
            sv="Koden gäller inte (fel, redan använd eller för gammal). Be kontoret om en ny kod.",
            en="The code is not valid (wrong, already used or expired). Ask the office for a new one.",
            kind="bad_code",
            status=status,
        )
    if status == 403:
        return SyncError(
            sv=f"Servern tillåter inte det här{said_sv}.",
            en=f"The server does not allow this{said_en}.",
            kind="forbidden",
            status=status,
        )
    if status == 413:
        return SyncError(
            sv=f"Servern tar inte emot så mycket på en gång (HTTP 413) – {KEPT_SV}.",
            en=f"The server does not accept that much at once (HTTP 413) – {KEPT_EN}.",
            kind="too_large",
            status=status,
        )
    return SyncError(
        sv=f"Servern tog inte emot förfrågan (HTTP {status}){said_sv}.",
        en=f"The server refused the request (HTTP {status}){said_en}.",
        kind="refused",
        status=status,
    )


class Api:
    """Calls to one server's ``/api/v1`` with an optional bearer token.

    ``outbox``: these calls send the device's reports (errors then say they stay queued).
    """

    def __init__(
        self, http: httpx.Client, root: str, token: str | None = None, *, outbox: bool = True
    ) -> None:
        self.http = http
        self.root = root
        self.token = token
        self.outbox = outbox

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        ok: tuple[int, ...] = (200, 201),
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> httpx.Response:
        """The response, read whole (≤ ``max_bytes``), if its status is in ``ok``; else SyncError."""
        try:
            request = self.http.build_request(
                method,
                f"{self.root}{API_PREFIX}{path}",
                json=body,
                params=params,
                headers=self._headers(),
            )
            streamed = self.http.send(request, stream=True)
            try:
                resp = _read_limited(streamed, self.root, max_bytes, self.outbox)
            finally:
                streamed.close()
        except httpx.HTTPError as exc:
            raise transport_error(exc, self.root, self.outbox) from exc
        if resp.status_code not in ok:
            raise response_error(resp, self.root, self.outbox)
        return resp

    def json(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A JSON object answer, or SyncError (a non-JSON answer is not a Kompassen server)."""
        resp = self.request(method, path, body=body, params=params)
        data = answer_json(resp, self.root, self.outbox)
        if not isinstance(data, dict):
            raise not_kompassen(self.root)
        return data

    def check_health(self) -> str:
        """The server's version if ``/health`` answers like a Kompassen server."""
        try:
            data = self.json("GET", "/health")
        except SyncError as err:
            if err.kind in ("refused", "forbidden", "not_enrolled"):
                raise not_kompassen(self.root) from err
            raise
        if data.get("status") != "ok" or not isinstance(data.get("version"), str):
            raise not_kompassen(self.root)
        return str(data["version"])
