"""device.db: the precious database (drafts, outbox, usage events, sync state).

One connection, one writer: every module that stores something on the device (``reports``,
``stats``, ``sync``) gets this object from the composition root and goes through
:meth:`DeviceDb.transaction`, which serialises writers across threads with a lock (the GUI
thread saves drafts while the sync worker marks outbox rows).

WAL with ``synchronous=FULL``: a committed report survives power loss and ``kill -9``.
Connection, migrations (``PRAGMA user_version``, a backup first) and the split between
storage problems (a :class:`DeviceDbError` in words) and bugs come from :mod:`kompassen.sqlite`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from kompassen.sqlite import (
    Migration,
    StorageError,
    atomic,
    connect,
    migrate,
    storage_errors,
    user_version,
)

MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "usage events",
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
    Migration(
        2,
        "drafts, outbox and sync state",
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
    Migration(
        3,
        "outbox errors in English too",
        """
ALTER TABLE outbox ADD COLUMN last_error_en TEXT;
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1].number

# what a storage problem means for the user's work, in every message about device.db
_KEPT_SV = "Försöket ändrade inget av det som redan sparats."
_KEPT_EN = "The attempt changed nothing that was saved before."


class DeviceDbError(StorageError):
    """device.db cannot be used (from a newer app, disk full, unreadable, damaged).

    ``kind == "corrupt"``: the file is damaged; it is never deleted or rebuilt (it holds
    reports nobody else has).
    """


class DeviceDb:
    """The one connection to device.db; writers go through :meth:`transaction`."""

    def __init__(self, path: Path, backup_dir: Path, now: datetime) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with storage_errors(
            DeviceDbError,
            f"Enhetens databas kunde inte öppnas ({path})",
            f"The device database could not be opened ({path})",
            then_sv="Inget har raderats.",
            then_en="Nothing was deleted.",
        ):
            self.conn = connect(path, synchronous="FULL", busy_timeout_ms=10000, row_factory=None)
            try:
                migrate(
                    self.conn,
                    MIGRATIONS,
                    name="device",
                    backup_dir=backup_dir,
                    now=now,
                    error_cls=DeviceDbError,
                )
            except BaseException:
                self.conn.close()
                raise

    @property
    def schema_version(self) -> int:
        return user_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT under the writer lock, ROLLBACK on any exception.

        A full disk, an I/O error or a damaged file is a :class:`DeviceDbError` in words
        (after the rollback); any other SQLite error is a bug and raised as it is.
        """
        with (
            self._lock,
            storage_errors(
                DeviceDbError,
                "Kunde inte spara på surfplattan",
                "Could not save on the tablet",
                then_sv=_KEPT_SV,
                then_en=_KEPT_EN,
            ),
            atomic(self.conn) as conn,
        ):
            yield conn

    def query(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read under the lock (the connection is shared between threads)."""
        with (
            self._lock,
            storage_errors(
                DeviceDbError, "Kunde inte läsa från surfplattan", "Could not read on the tablet"
            ),
        ):
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
