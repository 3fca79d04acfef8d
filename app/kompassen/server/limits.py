"""Request bodies over the limit get 413, whether announced by Content-Length or streamed.

The middleware reads the whole body before the application sees it (FastAPI would read it
into memory anyway) and counts what actually arrives, so a chunked upload without a length
cannot slip past. An oversized body is read on (and dropped) up to a margin so the client
finishes sending and sees the 413 instead of a reset connection; past the margin the
connection is cut short.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kompassen.server.errors import error_body

MiB = 1024 * 1024
GENERAL_LIMIT = 8 * MiB
RELEASE_LIMIT = 32 * MiB
DRAIN_MARGIN = 4 * MiB


def is_release_upload(method: str, path: str) -> bool:
    """Releases carry a whole catalogue; everything else is small."""
    return method == "POST" and path.rstrip("/").endswith("/office/releases")


class BodyLimitMiddleware:
    """Pure ASGI middleware: buffer the body up to the limit, else answer 413."""

    def __init__(
        self, app: ASGIApp, general: int = GENERAL_LIMIT, release: int = RELEASE_LIMIT
    ) -> None:
        self.app = app
        self.general = general
        self.release = release

    def _limit(self, scope: Scope) -> int:
        if is_release_upload(scope["method"], scope["path"]):
            return self.release
        return self.general

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit + DRAIN_MARGIN:
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        too_large = declared is not None and declared > limit
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                too_large = True
            if too_large:
                chunks.clear()
                if size > limit + DRAIN_MARGIN:
                    break
            else:
                chunks.append(body)
            if not message.get("more_body", False):
                break
        if too_large:
            await _too_large(send, limit)
            return
        await self.app(scope, _replay(b"".join(chunks), receive), send)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    """Hand the buffered body to the application once, then pass on what follows."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _too_large(send: Send, limit: int) -> None:
    mib = limit // MiB
    payload = json.dumps(
        error_body(
            413,
            "too_large",
            f"Request body is larger than {mib} MiB.",
            f"Förfrågan är större än {mib} MiB.",
        )
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
