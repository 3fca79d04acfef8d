"""Every error leaves the server as ``{"detail": English, "error": code, "sv": Swedish}``.

Clients show ``sv`` to people and branch on ``error``; FastAPI's own shapes (a list under
``detail`` for validation errors) are replaced so a client needs one parser.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

# status -> (code, English, Swedish) for errors raised by Starlette/FastAPI themselves
_DEFAULTS: dict[int, tuple[str, str, str]] = {
    400: ("bad_request", "Bad request.", "Felaktig begäran."),
    401: ("unauthorized", "Missing or unknown token.", "Token saknas eller är okänd."),
    403: ("forbidden", "Not allowed.", "Inte tillåtet."),
    404: ("not_found", "Not found.", "Hittades inte."),
    405: ("method_not_allowed", "Method not allowed.", "Metoden är inte tillåten."),
    406: ("not_acceptable", "Not acceptable.", "Kan inte leverera det formatet."),
    409: ("conflict", "Conflict.", "Konflikt."),
    413: ("too_large", "Request body too large.", "Förfrågan är för stor."),
    415: ("unsupported_media_type", "Unsupported media type.", "Formatet stöds inte."),
    422: ("invalid", "Invalid request.", "Ogiltig begäran."),
}


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
        en = exc.detail if isinstance(exc.detail, str) and exc.detail else None
        body = error_body(exc.status_code, en=en)
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


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    body = error_body(500, "internal", "Internal server error.", "Internt fel i servern.")
    return JSONResponse(body, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the uniform body."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
