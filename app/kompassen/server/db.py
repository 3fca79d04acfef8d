"""server.db: devices (and what they run), office users (roles, areas), enrolment codes, sealed
submissions (reports and daily usage), releases, area keys, the audit log of office actions,
the office's states of reports and its signed answers to them.

One connection shared by the worker threads behind a lock (SQLite allows one writer anyway and
the load is a few tablets). WAL with ``synchronous=FULL``: a submission the server answered
``stored`` for survives a power cut. Connection, migrations (``PRAGMA user_version``, a backup
first) and the split between storage problems (a :class:`ServerDbError` in words) and bugs come
from :mod:`kompassen.sqlite`.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kompassen import __version__
from kompassen.sqlite import Migration, StorageError, atomic, connect, migrate, storage_errors

MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "devices, office users, submissions and releases",
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
    Migration(
        2,
        "pinned area signing keys; revoked tokens' use",
        """
CREATE TABLE area_key (
    area_id TEXT PRIMARY KEY,
    signing_key TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
ALTER TABLE device ADD COLUMN revoked_uses INTEGER NOT NULL DEFAULT 0;
ALTER TABLE device ADD COLUMN revoked_last_used TEXT;
""",
    ),
    Migration(
        3,
        "what each device runs, as it said at its last sync",
        """
ALTER TABLE device ADD COLUMN app_version TEXT;
ALTER TABLE device ADD COLUMN versions_at TEXT;
CREATE TABLE device_area (
    device_id TEXT NOT NULL REFERENCES device(id),
    area_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    catalogue_release INTEGER,
    PRIMARY KEY (device_id, area_id)
) WITHOUT ROWID;
""",
    ),
    Migration(
        4,
        "office roles and areas, who made a code and enrolled a device, the audit log",
        # every office user so far could do everything: they stay admins (DEFAULT 'admin')
        """
ALTER TABLE office_user ADD COLUMN role TEXT NOT NULL DEFAULT 'admin'
    CHECK (role IN ('admin', 'coordinator'));
ALTER TABLE office_user ADD COLUMN disabled_at TEXT;
CREATE TABLE office_user_area (
    user_name TEXT NOT NULL REFERENCES office_user(name) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    PRIMARY KEY (user_name, area_id)
);
ALTER TABLE enrolment_code ADD COLUMN created_by TEXT;
ALTER TABLE device ADD COLUMN enrolled_by TEXT;
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    area_id TEXT,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_area ON audit_log (area_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
""",
    ),
    Migration(
        5,
        "report and usage submissions, the office's states of reports, signed answers",
        # every submission so far is a report (DEFAULT 'report'); day only for usage
        """
ALTER TABLE submission ADD COLUMN kind TEXT NOT NULL DEFAULT 'report'
    CHECK (kind IN ('report', 'usage'));
ALTER TABLE submission ADD COLUMN day TEXT;
CREATE INDEX submission_kind ON submission (kind, id);
CREATE TABLE report_state (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submission(id),
    area_id TEXT NOT NULL,
    state TEXT NOT NULL
        CHECK (state IN ('new', 'in_progress', 'solved', 'not_actionable', 'needs_info')),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    comment_sealed BLOB,
    link_kind TEXT CHECK (link_kind IS NULL OR link_kind IN ('guide', 'service', 'notice')),
    link_id TEXT
);
CREATE INDEX report_state_area ON report_state (area_id, id);
CREATE TABLE report_answer (
    submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
    seq INTEGER NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    signature TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX report_answer_device ON report_answer (device_id, seq);
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1].number


class ServerDbError(StorageError):
    """server.db cannot be used (written by a newer server, disk full, unreadable, damaged)."""


def utc_iso(moment: datetime) -> str:
    """Timestamps are stored in UTC ISO form so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class ServerDb:
    """The server's database: :meth:`transaction` for writes, :meth:`read` for reads.

    Before a migration the old file is copied to ``backup_dir`` (default: ``backups/`` next
    to the database), named with ``now`` (default: the current time).
    """

    def __init__(
        self, path: Path, backup_dir: Path | None = None, now: datetime | None = None
    ) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _errors(
            f"Serverns databas kunde inte öppnas ({path})",
            f"The server database could not be opened ({path})",
        ):
            self.conn = connect(path, synchronous="FULL", busy_timeout_ms=10000)
            try:
                result = migrate(
                    self.conn,
                    MIGRATIONS,
                    name="server",
                    backup_dir=path.parent / "backups" if backup_dir is None else backup_dir,
                    now=now or datetime.now(UTC),
                    error_cls=ServerDbError,
                )
                with self.transaction() as conn:
                    conn.execute(
                        "INSERT OR IGNORE INTO server_meta (key, value) VALUES ('created_by', ?)",
                        (__version__,),
                    )
                    if 1 <= result.from_version < 2 <= result.to_version:
                        _adopt_release_keys(conn, utc_iso(now or datetime.now(UTC)))
            except BaseException:
                self.conn.close()
                raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE), committed before the caller answers."""
        with (
            self._lock,
            _errors("Servern kunde inte spara", "The server could not save"),
            atomic(self.conn) as conn,
        ):
            yield conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (the lock keeps other threads' transactions out)."""
        with self._lock, _errors("Servern kunde inte läsa", "The server could not read"):
            yield self.conn

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _adopt_release_keys(conn: sqlite3.Connection, now: str) -> None:
    """Areas published before keys were pinned keep the key their latest release carries.

    That key is what the tablets that installed the release trust, so pinning it changes
    nothing for them; an admin who doubts it replaces it (``area-key register --replace``).
    """
    rows = conn.execute(
        "SELECT r.area_id, r.documents_gz FROM release r WHERE r.version = "
        "(SELECT MAX(version) FROM release WHERE area_id = r.area_id)"
    ).fetchall()
    for row in rows:
        try:
            key = json.loads(gzip.decompress(row["documents_gz"]))["area.json"]["public_keys"][
                "signing"
            ]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(key, str):
            conn.execute(
                "INSERT OR IGNORE INTO area_key (area_id, signing_key, registered_by, "
                "registered_at) VALUES (?, ?, ?, ?)",
                (row["area_id"], key, "migration 2 (latest release)", now),
            )


def _errors(sv: str, en: str) -> AbstractContextManager[None]:
    return storage_errors(
        ServerDbError, sv, en, then_sv="Inget har raderats.", then_en="Nothing was deleted."
    )
