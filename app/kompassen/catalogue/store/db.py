"""Opening catalogue.db: its pragmas, its migrations and its error, on the one SQLite layer.

catalogue.db can be rebuilt from the packs, so it runs with ``synchronous=NORMAL`` (a power
cut may lose the last install, never corrupt the file), and a file that turns out to be
corrupt is rebuilt by :class:`~kompassen.catalogue.store.store.CatalogueStore`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path

from kompassen.catalogue.store.schema import MIGRATIONS
from kompassen.sqlite import (
    MigrationResult,
    StorageError,
    atomic,
    storage_errors,
)
from kompassen.sqlite import backup_to as backup_to
from kompassen.sqlite import connect as sqlite_connect
from kompassen.sqlite import migrate as sqlite_migrate
from kompassen.sqlite import user_version as schema_version

__all__ = [
    "LATEST_VERSION",
    "CatalogueDbError",
    "MigrationResult",
    "backup_to",
    "connect",
    "connect_readonly",
    "migrate",
    "reading",
    "schema_version",
    "transaction",
]

LATEST_VERSION = MIGRATIONS[-1].number


class CatalogueDbError(StorageError):
    """catalogue.db cannot be used (corrupt, from a newer app, disk problem)."""


def connect(path: Path | str, *, cache_mb: int = 64, mmap_mb: int = 256) -> sqlite3.Connection:
    """Open a catalogue database with the pragmas every handle must have.

    Search handles (the defaults) keep the FTS index in a large page cache and map the file
    (every keystroke reads it). The store's own handle, which reads one service at a time
    and writes packs, stays small; the GUI's search thread maps nothing (mapped pages count
    in the tablet's resident memory) and caches 32 MB.
    """
    with _errors("Katalogen kunde inte öppnas", "The catalogue could not be opened", path):
        return sqlite_connect(
            path, synchronous="NORMAL", busy_timeout_ms=5000, cache_mb=cache_mb, mmap_mb=mmap_mb
        )


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only handle (``mode=ro``) that changes nothing, not even the journal mode.

    For commands that only need to look something up (``report submit`` reads the area's
    sealing key) while the catalogue cannot be written: nothing is migrated or installed.
    A catalogue in WAL mode still needs its ``-shm`` file; where even that cannot be made,
    opening fails in words like any other storage problem.
    """
    with _errors("Katalogen kunde inte öppnas", "The catalogue could not be opened", path):
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write; a full disk or a damaged file becomes a CatalogueDbError."""
    with (
        _errors("Katalogen kunde inte sparas", "The catalogue could not be saved"),
        atomic(conn),
    ):
        yield conn


def reading() -> AbstractContextManager[None]:
    """Storage errors of catalogue reads (the search's own connection too) in words, so a
    damaged file reaches :meth:`CatalogueStore.heal` as a CatalogueDbError of kind corrupt."""
    return _errors("Katalogen kunde inte läsas", "The catalogue could not be read")


def migrate(
    conn: sqlite3.Connection,
    *,
    backup_dir: Path | None,
    now: datetime,
    target: int = LATEST_VERSION,
    name: str = "catalogue",
) -> MigrationResult:
    """Bring the schema up to ``target``; back up first when there is data to lose."""
    with _errors("Katalogen kunde inte uppgraderas", "The catalogue could not be upgraded"):
        return sqlite_migrate(
            conn,
            MIGRATIONS,
            name=name,
            backup_dir=backup_dir,
            now=now,
            error_cls=CatalogueDbError,
            target=target,
        )


def _errors(sv: str, en: str, path: Path | str | None = None) -> AbstractContextManager[None]:
    where = f" ({path})" if path is not None else ""
    return storage_errors(CatalogueDbError, f"{sv}{where}", f"{en}{where}")
