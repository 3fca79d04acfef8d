"""Every error leaves the server as ``{"detail": English, "error": code, "sv": Swedish}``.

Clients show ``sv`` to people and branch on ``error``; FastAPI's own shapes (a list under
``detail`` for validation errors) are replaced so a client needs one parser, and the OpenAPI
spec says so (:func:`documented`: each route lists the statuses it really answers with this
body). A storage problem (full disk, damaged server.db) is a 503 in words, not a 500: the
server is fine, its disk is not, and the tablets keep their reports queued and retry.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kompassen.server.models import ErrorOut
from kompassen.sqlite import StorageError

log = logging.getLogger(__name__)

# status -> (code, English, Swedish) for errors raised by Starlette/FastAPI themselves
_DEFAULTS: dict[int, tuple[str, str, str]] = {
    400: (
        "bad_request",
        "Bad request: the body could not be read (UTF-8 JSON expected).",
        "Felaktig begäran: innehållet kunde inte läsas (JSON i UTF-8 väntades).",
    ),
    401: ("unauthorized", "Missing or unknown token.", "Token saknas eller är okänd."),
    403: ("forbidden", "Not allowed.", "Inte tillåtet."),
    404: ("not_found", "Not found.", "Hittades inte."),
    405: ("method_not_allowed", "Method not allowed.", "Metoden är inte tillåten."),
    406: ("not_acceptable", "Not acceptable.", "Kan inte leverera det formatet."),
    409: ("conflict", "Conflict.", "Konflikt."),
    413: ("too_large", "Request body too large.", "Förfrågan är för stor."),
    415: ("unsupported_media_type", "Unsupported media type.", "Formatet stöds inte."),
    422: ("invalid", "Invalid request.", "Ogiltig begäran."),
    503: (
        "storage",
        "The server cannot use its database.",
        "Servern kan inte använda sin databas.",
    ),
}

# what each status means on this API, for the OpenAPI spec
_MEANING: dict[int, str] = {
    400: "the body is not UTF-8 JSON, or (releases) does not check out",
    401: "missing, unknown or expired token (`unauthorized`), wrong login (`bad_login`)",
    403: "revoked device (`revoked`), wrong role (`wrong_role`), bad enrolment code (`bad_code`), "
    "another area than the office user's (`not_your_area`), for administrators (`admin_only`)",
    404: "not found",
    409: "conflicts with what the server holds",
    413: "the body is over the limit (`too_large`): 8 MiB, 32 MiB for releases",
    422: "a parameter or the body does not fit the schema (`invalid`; `detail` names the fields)",
    503: "the server's database cannot be used right now (`storage`: disk full, damaged file)",
}

RETRY_AFTER_S = 30


def documented(*statuses: int, **meanings: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status with the uniform error body.

    ``meanings`` overrides a description, keyed ``s404="no such device"``.
    """
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        description = meanings.get(f"s{status}", _MEANING[status])
        out[status] = {"model": ErrorOut, "description": description}
    return out


# every route: the body limit (any request) and the database (every route reads or writes)
EVERY_ROUTE = documented(413, 503)


class ApiError(StarletteHTTPException):
    """An answer for the client: status, a stable code and the words in both languages."""

    def __init__(
        self,
        status: int,
        error: str,
        *,
        sv: str,
        en: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=en, headers=headers)
        self.error = error
        self.sv = sv


def error_body(
    status: int, error: str | None = None, en: str | None = None, sv: str | None = None
) -> dict[str, Any]:
    """The uniform error body, filling what is not given from the status defaults."""
    code, d_en, d_sv = _DEFAULTS.get(status, ("error", "Error.", "Fel."))
    return {"detail": en or d_en, "error": error or code, "sv": sv or d_sv}


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, ApiError):
        body = error_body(exc.status_code, exc.error, str(exc.detail), exc.sv)
    else:
        # FastAPI's own 400 (a body it could not parse) gets our words in both languages
        en = exc.detail if isinstance(exc.detail, str) and exc.detail else None
        body = error_body(exc.status_code, en=None if exc.status_code == 400 else en)
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # only where and what, never the input (it could be a sealed report or a password)
    parts = [f"{_loc(e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()[:5]]
    where = "; ".join(parts)
    body = error_body(
        422,
        "invalid",
        f"Invalid request: {where}",
        f"Ogiltig begäran: {where}",
    )
    return JSONResponse(body, status_code=422)


async def _storage_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StorageError)
    log.error("storage problem on %s %s: %s", request.method, request.url.path, exc.en)
    body = error_body(503, "storage", exc.en, exc.sv)
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    body = error_body(500, "internal", "Internal server error.", "Internt fel i servern.")
    return JSONResponse(body, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the uniform body."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StorageError, _storage_error)
    app.add_exception_handler(Exception, _unexpected)
