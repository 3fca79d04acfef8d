"""The sync server's web application (FastAPI): ``create_app(target)``, and
``app_from_env()`` for uvicorn's worker processes (each opens its own connection pool).

The wire protocol is docs/SYNC.md. FastAPI is an optional extra (``pip install
kompassen[server]``): the tablet app never imports this package.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from kompassen import __version__
from kompassen.core.clock import Clock, SystemClock
from kompassen.server import api_device, api_office
from kompassen.server.db import ServerDb
from kompassen.server.errors import install_error_handlers
from kompassen.server.limits import GENERAL_LIMIT, RELEASE_LIMIT, BodyLimitMiddleware
from kompassen.server.releases import Releases

API_PREFIX = "/api/v1"
DB_ENV = "KOMPASSEN_SERVER_DB"  # what ``kompassen-server --workers N`` hands its workers


def create_app(
    db_path: Path | str,
    *,
    clock: Clock | None = None,
    body_limit: int = GENERAL_LIMIT,
    release_limit: int = RELEASE_LIMIT,
) -> FastAPI:
    """Build the application around one database (a SQLite file or a PostgreSQL URL),
    opened and migrated here."""
    clock = clock or SystemClock()
    db = ServerDb(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    # no slash redirects: a client uses the documented paths, and a 307 to a route of
    # another method would answer 405, which no route documents
    app = FastAPI(
        title="Kompassen sync server",
        version=__version__,
        lifespan=lifespan,
        redirect_slashes=False,
    )
    app.state.db = db
    app.state.clock = clock
    app.state.releases = Releases(db, clock)
    install_error_handlers(app)
    app.include_router(api_device.router, prefix=API_PREFIX)
    app.include_router(api_office.router, prefix=API_PREFIX)
    # order: the last added runs first, so the size check sees the raw request
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(BodyLimitMiddleware, general=body_limit, release=release_limit)
    return app


def app_from_env() -> FastAPI:
    """The application for one of uvicorn's worker processes (``factory=True``): the
    database comes from :data:`DB_ENV`, set by ``kompassen-server`` before it starts them."""
    target = os.environ.get(DB_ENV, "")
    if not target:
        raise RuntimeError(f"{DB_ENV} is not set")
    return create_app(target if "://" in target else Path(target))
