"""The sync server's web application (FastAPI).

For now it answers health checks and serves its OpenAPI description; enrolment, submissions
and catalogue releases arrive with the sync issue. FastAPI is an optional extra
(``pip install kompassen[server]``): the tablet app never imports this module.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from kompassen import __version__


def open_server_db(path: Path) -> sqlite3.Connection:
    """The server's own SQLite file (WAL, FULL sync: submissions are precious)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    )
    conn.execute(
        "INSERT OR IGNORE INTO server_meta (key, value) VALUES ('created_by', ?)", (__version__,)
    )
    return conn


def create_app(db_path: Path) -> FastAPI:
    """Build the application around one database file."""
    conn = open_server_db(db_path)
    app = FastAPI(title="Kompassen sync server", version=__version__)

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        """Liveness and database check, for monitoring and for clients probing the network."""
        conn.execute("SELECT 1").fetchone()
        return {"status": "ok", "version": __version__}

    return app
