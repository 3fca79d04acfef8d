"""device.db: the precious database (drafts, outbox, usage events, sync state).

One connection, one writer: every module that stores something on the device (``reports``,
``stats``, ``sync``) gets this object from the composition root and goes through
:meth:`DeviceDb.transaction`, which serialises writers across threads with a lock (the GUI
thread saves drafts while the sync worker marks outbox rows).

WAL with ``synchronous=FULL``: a committed report survives power loss and ``kill -9``.
Connection, migrations (``PRAGMA user_version``, a backup first) and the split between
storage problems (a :class:`DeviceDbError` in words) and bugs come from :mod:`kompassen.sqlite`.

A damaged file is never rebuilt (it holds reports nobody else has): the first "corrupt" from
SQLite, or a failed ``PRAGMA quick_check`` at open (≈ 5 ms at 1,000 drafts + 1,000 outbox rows),
marks the object damaged; from then on it refuses every write in words
(:class:`DeviceDbDamaged`, pointing to ``kompassen device-db recover``), while reads that still
work go on, so what can be shown is shown.

A lost tablet should hold as little as possible: ``secure_delete`` is switched on (builds differ
in their default), so a deleted draft's text is overwritten in the file, and after a draft is
deleted or sent (and at every open, for a crash in between) :meth:`DeviceDb.truncate_wal`
empties the WAL, which otherwise keeps every autosaved version of it until it is reused.
"""

from __future__ import annotations

import functools
import logging
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
    classify,
    connect,
    migrate,
    statements,
    storage_errors,
    user_version,
)

log = logging.getLogger(__name__)

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
    Migration(
        4,
        "usage views and reports, daily usage in the outbox, answers to reports",
        """
CREATE TABLE usage_event_new (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL
        CHECK (kind IN ('handover', 'zero_result', 'search', 'view', 'report')),
    at TEXT NOT NULL,
    area_id TEXT NOT NULL,
    service_id TEXT,
    landmark_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    synced INTEGER NOT NULL DEFAULT 0
);
INSERT INTO usage_event_new
    SELECT id, kind, at, area_id, service_id, landmark_id, detail, synced FROM usage_event;
DROP TABLE usage_event;
ALTER TABLE usage_event_new RENAME TO usage_event;
CREATE INDEX usage_event_kind_at ON usage_event(kind, at);
ALTER TABLE outbox ADD COLUMN day TEXT;
CREATE TABLE report_answer (
    uuid TEXT PRIMARY KEY,
    area_id TEXT NOT NULL,
    state TEXT NOT NULL,
    answer_sv TEXT NOT NULL,
    answer_en TEXT NOT NULL,
    guide_id TEXT,
    answered_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1].number

_SAVE_SV, _SAVE_EN = "Kunde inte spara på surfplattan", "Could not save on the tablet"
_READ_SV, _READ_EN = "Kunde inte läsa från surfplattan", "Could not read on the tablet"
# what a storage problem means for the user's work, in every message about device.db
_KEPT_SV = "Försöket ändrade inget av det som redan sparats."
_KEPT_EN = "The attempt changed nothing that was saved before."


def lenient_text(raw: bytes) -> str:
    """Text from a damaged file: bytes that are not UTF-8 become U+FFFD instead of an error."""
    return raw.decode("utf-8", "replace")


def garbled_text(exc: BaseException) -> bool:
    """The sqlite3 module could not decode a TEXT value: a damaged row, not a bug."""
    return (
        isinstance(exc, sqlite3.OperationalError)
        and getattr(exc, "sqlite_errorcode", None) is None
        and str(exc).startswith("Could not decode to UTF-8")
    )


class DeviceDbError(StorageError):
    """device.db cannot be used (from a newer app, disk full, unreadable, damaged).

    ``kind == "corrupt"`` is always the subclass :class:`DeviceDbDamaged`.
    """


RECOVER_COMMAND = "kompassen device-db recover"


class DeviceDbDamaged(DeviceDbError):
    """device.db is damaged: kept as it is, never written again by this process.

    The file is never deleted or rebuilt (it holds reports nobody else has); the message
    names it and the command that saves what can still be read into a fresh file.
    """

    def __init__(self, *, path: Path, what_sv: str, what_en: str, errorname: str = "") -> None:
        code = f" ({errorname})" if errorname else ""
        super().__init__(
            sv=f"{what_sv}: enhetens databas {path} är skadad{code}. Inget har raderats och "
            "filen behålls som den är, men Kompassen sparar inget mer i den. Stäng appen och "
            f"kör `{RECOVER_COMMAND}`: den sparar undan den skadade filen och räddar det som "
            "går att läsa (utkorgen först) till en ny.",
            en=f"{what_en}: the device database {path} is damaged{code}. Nothing was deleted "
            "and the file is kept as it is, but Kompassen saves nothing more in it. Close the "
            f"app and run `{RECOVER_COMMAND}`: it puts the damaged file aside and saves what "
            "can be read (the outbox first) into a new one.",
            kind="corrupt",
            errorname=errorname,
        )
        self.path = path


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Each table's column names (what a garbled schema page would change)."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    ]
    return {
        t: [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in sorted(names)
    }


@functools.cache
def _expected_columns() -> dict[str, list[str]]:
    """The tables of a fresh file at the latest version (built once, in memory)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS:
            for statement in statements(step.script):
                conn.execute(statement)
        return _columns(conn)
    finally:
        conn.close()


class DeviceDb:
    """The one connection to device.db; writers go through :meth:`transaction`."""

    def __init__(self, path: Path, backup_dir: Path, now: datetime) -> None:
        self.path = path
        self._lock = threading.RLock()
        self.damage: str | None = None  # why the file is known to be damaged (for the log)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._guard(
            "Enhetens databas kunde inte öppnas",
            "The device database could not be opened",
            then_sv="Inget har raderats.",
            then_en="Nothing was deleted.",
            name_file=True,
        ):
            self.conn = connect(path, synchronous="FULL", busy_timeout_ms=10000, row_factory=None)
            try:
                self.conn.execute("PRAGMA secure_delete = ON")
                self._quick_check()
                if self.damage is not None and user_version(self.conn) < LATEST_VERSION:
                    raise self._damaged(
                        "Enhetens databas kunde inte uppgraderas",
                        "The device database could not be upgraded",
                    )
                self._migrate(backup_dir, now)
            except BaseException:
                self.conn.close()
                raise
        # a crash right after a draft was sent (before its WAL was emptied) leaves its old
        # versions in the WAL: they go at the next start
        self.truncate_wal()

    def _migrate(self, backup_dir: Path, now: datetime) -> None:
        """Migrate, then check the tables are the ones the version says (else: damaged).

        A schema step that fails on a file whose version number does not match its tables
        ("already exists", "duplicate column") means a garbled header or schema page: damage
        in words, not a bug. Tests of the migrations see it fail just as loudly.
        """
        had_tables = bool(self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall())
        try:
            migrate(
                self.conn,
                MIGRATIONS,
                name="device",
                backup_dir=backup_dir,
                now=now,
                error_cls=DeviceDbError,
            )
        except sqlite3.OperationalError as exc:
            if not had_tables or classify(exc) is not None:
                raise
            self._mark_damaged(f"migration failed: {exc}")
            raise self._damaged(
                "Enhetens databas kunde inte uppgraderas",
                "The device database could not be upgraded",
            ) from exc
        found, expected = _columns(self.conn), _expected_columns()
        if self.damage is None and any(found.get(t) != cols for t, cols in expected.items()):
            self._mark_damaged("the tables differ from the schema of this version")

    @property
    def damaged(self) -> bool:
        """True once the file is known to be damaged: every write is refused from then on."""
        return self.damage is not None

    def _quick_check(self) -> None:
        """Mark the file damaged if SQLite's quick_check finds anything (reads may go on)."""
        self.conn.text_factory = lenient_text  # it may quote garbage it found
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            if classify(exc) != "corrupt" and not isinstance(exc, UnicodeDecodeError):
                raise
            self._mark_damaged(str(exc))
            return
        finally:
            self.conn.text_factory = str
        if [tuple(r) for r in rows] != [("ok",)]:
            self._mark_damaged("; ".join(str(r[0]) for r in rows)[:2000])

    def mark_damaged(self, detail: str) -> None:
        """A reader found a row SQLite read but that cannot be what was written (garbled)."""
        self._mark_damaged(detail)

    def _mark_damaged(self, detail: str) -> None:
        if self.damage is None:
            log.error("device.db %s is damaged, writes refused from now on: %s", self.path, detail)
        self.damage = self.damage or detail

    def _damaged(self, what_sv: str, what_en: str, errorname: str = "") -> DeviceDbDamaged:
        return DeviceDbDamaged(
            path=self.path, what_sv=what_sv, what_en=what_en, errorname=errorname
        )

    @contextmanager
    def _guard(
        self,
        what_sv: str,
        what_en: str,
        *,
        then_sv: str = "",
        then_en: str = "",
        name_file: bool = False,
    ) -> Iterator[None]:
        """:func:`storage_errors` in our words; "corrupt" marks the file damaged for good.

        ``name_file``: other storage errors name the file too (the damaged message always does).
        """
        where = f" ({self.path})" if name_file else ""
        try:
            with storage_errors(
                DeviceDbError,
                what_sv + where,
                what_en + where,
                then_sv=then_sv,
                then_en=then_en,
            ):
                yield
        except DeviceDbDamaged:
            raise
        except DeviceDbError as err:
            if err.kind != "corrupt":
                raise
            self._mark_damaged(err.errorname or "corrupt")
            raise self._damaged(what_sv, what_en, err.errorname) from err
        except (sqlite3.OperationalError, UnicodeDecodeError) as exc:
            # a TEXT value, or SQLite's message quoting the damaged schema, is not UTF-8; or
            # "no such column" in a file already known damaged (its schema text is garbled)
            if not (
                garbled_text(exc) or isinstance(exc, UnicodeDecodeError) or self.damage is not None
            ):
                raise
            self._mark_damaged(str(exc)[:200])
            raise self._damaged(what_sv, what_en) from exc

    @property
    def schema_version(self) -> int:
        return user_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT under the writer lock, ROLLBACK on any exception.

        A full disk, an I/O error or a damaged file is a :class:`DeviceDbError` in words
        (after the rollback); any other SQLite error is a bug and raised as it is. Once the
        file is known to be damaged, nothing more is written (:class:`DeviceDbDamaged`).
        """
        if self.damage is not None:
            raise self._damaged(_SAVE_SV, _SAVE_EN)
        with (
            self._lock,
            self._guard(_SAVE_SV, _SAVE_EN, then_sv=_KEPT_SV, then_en=_KEPT_EN),
            atomic(self.conn) as conn,
        ):
            yield conn

    def query(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read under the lock (the connection is shared between threads).

        Reads go on in a damaged file: whatever SQLite can still read is worth showing.
        """
        with self._lock, self._guard(_READ_SV, _READ_EN):
            cur = self.conn.execute(sql, args)
            try:
                cur.row_factory = sqlite3.Row
                return cur.fetchall()
            finally:
                # a failed read must not keep its statement (and the file) open: close()
                # would leave the connection a zombie holding its lock until GC
                cur.close()

    def truncate_wal(self) -> None:
        """Checkpoint and empty the WAL, so earlier versions of deleted rows leave the disk.

        Called after a draft is deleted or sent (a TRUNCATE checkpoint took < 1 ms at 1,000
        drafts + 1,000 outbox rows; the GUI calls it on its device worker). What was committed
        is committed already: a failure here is logged, never raised, so the caller's
        success stands (the versions stay in the WAL until the next successful checkpoint).
        """
        with self._lock:
            if self.conn.in_transaction or self.damage is not None:
                return
            try:
                busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                kind = classify(exc)
                if kind is None:
                    raise
                if kind == "corrupt":
                    self._mark_damaged(str(exc))
                log.warning("device.db: the WAL could not be emptied (%s): %s", kind, exc)
                return
            if busy:
                log.warning("device.db: the WAL could not be emptied (a reader held it)")

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
