"""Opening catalogue.db: pragmas, numbered migrations, a backup before migrating.

The schema version lives in ``PRAGMA user_version``. Each migration is a numbered SQL script
applied in its own transaction; before the first pending migration runs on a database that
already holds data, a copy is written to the backup folder (SQLite's online backup API).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kompassen.catalogue.store.schema import MIGRATIONS
from kompassen.core.errors import KompassenError

log = logging.getLogger(__name__)

LATEST_VERSION = MIGRATIONS[-1][0]


class CatalogueDbError(KompassenError):
    """catalogue.db cannot be used (corrupt, from a newer app, disk problem)."""


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def connect(path: Path | str, *, cache_mb: int = 64, mmap_mb: int = 256) -> sqlite3.Connection:
    """Open a catalogue database with the pragmas every handle must have.

    Search handles (the defaults) keep the FTS index in a large page cache and map the file
    (every keystroke reads it). The store's own handle, which reads one service at a time
    and writes packs, stays small; the GUI's search thread maps nothing (mapped pages count
    in the tablet's resident memory) and caches 32 MB.

    Autocommit mode (``isolation_level=None``): writers open transactions explicitly with
    :func:`transaction`, so nothing is committed half-way by accident.
    """
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 5000")
        # search reads the FTS index on every keystroke: keep it in memory, not re-read from disk
        conn.execute(f"PRAGMA cache_size = {-1024 * cache_mb}")
        conn.execute(f"PRAGMA mmap_size = {1024 * 1024 * mmap_mb}")
    except sqlite3.DatabaseError as exc:
        raise CatalogueDbError(
            sv=f"Katalogen kunde inte öppnas ({path}): {exc}",
            en=f"The catalogue could not be opened ({path}): {exc}",
        ) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to ``dest`` consistently (works while in WAL mode)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
    finally:
        target.close()
    return dest


def migrate(
    conn: sqlite3.Connection,
    *,
    backup_dir: Path | None,
    now: datetime,
    target: int = LATEST_VERSION,
    name: str = "catalogue",
) -> MigrationResult:
    """Bring the schema up to ``target``; back up first when there is data to lose."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise CatalogueDbError(
            sv=f"Databasen har schemaversion {current}, men den här versionen av Kompassen känner "
            f"bara till {LATEST_VERSION}. Uppdatera appen.",
            en=f"The database has schema version {current}, but this version of Kompassen only "
            f"knows {LATEST_VERSION}. Update the app.",
        )
    pending = [m for m in MIGRATIONS if current < m[0] <= target]
    if not pending:
        return MigrationResult(current, current, None)
    backup: Path | None = None
    if current > 0 and backup_dir is not None:
        stamp = now.strftime("%Y%m%dT%H%M%S")
        backup = backup_to(conn, backup_dir / f"{name}-v{current}-{stamp}.db")
        log.info("backed up %s schema v%d to %s", name, current, backup)
    for number, title, script in pending:
        log.info("migrating %s to v%d (%s)", name, number, title)
        with transaction(conn):
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(number)}")
    return MigrationResult(current, pending[-1][0], backup)


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into complete statements (executescript would COMMIT)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]}")
