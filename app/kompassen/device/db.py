"""device.db: the precious database (drafts, outbox, usage events, sync state).

One connection, one writer: every module that stores something on the device (``reports``,
``stats``, ``sync``) gets this object from the composition root and goes through
:meth:`DeviceDb.transaction`, which serialises writers across threads with a lock (the GUI
thread saves drafts while the sync worker marks outbox rows).

WAL with ``synchronous=FULL``: a committed report survives power loss and ``kill -9``.
The schema version lives in ``PRAGMA user_version``; migrations are numbered and append-only,
and a copy of a database that already holds data is written to the backup folder first.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from kompassen.core.errors import KompassenError

log = logging.getLogger(__name__)

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
CREATE TABLE IF NOT EXISTS usage_event (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('handover', 'zero_result', 'search')),
    at TEXT NOT NULL,
    area_id TEXT NOT NULL,
    service_id TEXT,
    landmark_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    synced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS usage_event_kind_at ON usage_event(kind, at);
""",
    ),
    (
        2,
        """
CREATE TABLE draft (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE outbox (
    uuid TEXT PRIMARY KEY,
    area_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sealed BLOB,
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sending', 'sent', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt_at TEXT,
    sent_at TEXT,
    CHECK (status = 'sent' OR sealed IS NOT NULL)
);
CREATE INDEX outbox_status ON outbox(status, created_at);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""",
    ),
    (
        3,
        """
ALTER TABLE outbox ADD COLUMN last_error_en TEXT;
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]


class DeviceDbError(KompassenError):
    """device.db cannot be used (from a newer app, disk full, unreadable)."""


class DeviceDb:
    """The one connection to device.db; writers go through :meth:`transaction`."""

    def __init__(self, path: Path, backup_dir: Path, now: datetime) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self._migrate(backup_dir, now)
        except sqlite3.DatabaseError as exc:
            raise DeviceDbError(
                sv=f"Enhetens databas kunde inte öppnas ({path}): {exc}. Inget har raderats.",
                en=f"The device database could not be opened ({path}): {exc}. Nothing was deleted.",
            ) from exc

    def _migrate(self, backup_dir: Path, now: datetime) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise DeviceDbError(
                sv=f"device.db kommer från en nyare version av Kompassen (schema {version}).",
                en=f"device.db comes from a newer version of Kompassen (schema {version}).",
            )
        pending = [(n, sql) for n, sql in MIGRATIONS if n > version]
        if not pending:
            return
        has_data = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        if has_data:
            backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            target = backup_dir / f"device-v{version}-{now.strftime('%Y%m%dT%H%M%S')}.db"
            dest = sqlite3.connect(str(target))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            log.info("device.db backed up to %s before migrating from v%d", target, version)
        for number, sql in pending:
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT under the writer lock, ROLLBACK on any exception."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and _is_storage_problem(exc):
                    raise DeviceDbError(
                        sv=f"Kunde inte spara på surfplattan ({exc}). Inget av det som redan "
                        "sparats har försvunnit; frigör utrymme och försök igen.",
                        en=f"Could not save on the tablet ({exc}). Nothing saved before was "
                        "lost; free some space and try again.",
                    ) from exc
                raise

    def query(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read under the lock (the connection is shared between threads)."""
        with self._lock:
            cur = self.conn.execute(sql, args)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()

    def get_state(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM sync_state WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_state(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _is_storage_problem(exc: sqlite3.OperationalError) -> bool:
    """Disk full, I/O error, read-only file: the user's device, not a bug in the code."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN"))


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would COMMIT on its own)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out
