"""server.db: devices, office users, enrolment codes, sealed submissions and releases.

One connection shared by the worker threads behind a lock (SQLite allows one writer anyway and
the load is a few tablets). WAL with ``synchronous=FULL``: a submission the server answered
``stored`` for survives a power cut. The schema version lives in ``PRAGMA user_version`` and
migrations are numbered and append-only.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kompassen import __version__
from kompassen.core.errors import KompassenError

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE device (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    last_seen TEXT,
    revoked_at TEXT
);
CREATE TABLE office_user (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE office_token (
    token_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES office_user(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE enrolment_code (
    code_hash TEXT PRIMARY KEY,
    uses_left INTEGER NOT NULL CHECK (uses_left >= 0),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE submission (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL REFERENCES device(id),
    uuid TEXT NOT NULL,
    area_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sealed BLOB NOT NULL,
    UNIQUE (device_id, uuid)
);
CREATE TABLE release (
    area_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    manifest TEXT NOT NULL,
    signature TEXT NOT NULL,
    documents_gz BLOB NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (area_id, version)
);
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]


class ServerDbError(KompassenError):
    """server.db cannot be used (written by a newer server, unreadable)."""


def utc_iso(moment: datetime) -> str:
    """Timestamps are stored in UTC ISO form so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class ServerDb:
    """The server's database: :meth:`transaction` for writes, :meth:`read` for reads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise ServerDbError(
                sv=f"Databasen {self.path} är från en nyare server (schema {version}).",
                en=f"The database {self.path} is from a newer server (schema {version}).",
            )
        for number, script in MIGRATIONS:
            if number <= version:
                continue
            with self.transaction() as conn:
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO server_meta (key, value) VALUES ('created_by', ?)",
                (__version__,),
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE), committed before the caller answers."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (the lock keeps other threads' transactions out)."""
        with self._lock:
            yield self.conn

    def close(self) -> None:
        with self._lock:
            self.conn.close()
