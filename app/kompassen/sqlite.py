"""The one SQLite layer: connections, transactions, numbered migrations and storage errors.

catalogue.db, device.db and server.db all open, write and migrate through here, so that a
full disk or a damaged file is told to the user in the same words everywhere, and everything
else (a wrong table name, a syntax error) stays a loud ``sqlite3`` error: a bug.

Migrations are a small runner of our own over ``PRAGMA user_version`` rather than
sqlite-utils' ``Migrations``: that class keeps its own ``_sqlite_migrations`` table (every
file in the field would first have to be adopted from ``user_version``), has no hook to take
a backup before the first pending step, stamps rows with the wall clock instead of the
injected one, and opens deferred transactions. sqlite-utils is kept for the rare paths that
read a whole database generically (:func:`database`: recovering device.db), never on the
tablet's start: its import costs ~9 MB of resident memory and ~90 ms for the life of the
process, and the field GUI has no memory to spare. Not for the catalogue's bulk inserts either:
``insert_all`` was measured 20-50 % slower there (see ``catalogue/store/loader.py``).

FTS set-up stays in the catalogue's SQL migrations: sqlite-utils' ``enable_fts`` indexes
columns of an existing table through triggers, while search_fts is a table of its own with
options (``prefix``) it does not offer, and a published migration never changes.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

Kind = Literal["full", "io", "readonly", "busy", "corrupt", "newer"]
Synchronous = Literal["NORMAL", "FULL"]

# primary result codes (the low byte of the extended code) the user's device causes
_KINDS: dict[int, Kind] = {
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_IOERR: "io",
    sqlite3.SQLITE_CANTOPEN: "io",
    sqlite3.SQLITE_READONLY: "readonly",
    sqlite3.SQLITE_PERM: "readonly",
    sqlite3.SQLITE_BUSY: "busy",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
}

# (sv, en) for each kind classify() gives: what went wrong and what the user can do about it
_REASONS: dict[Kind, tuple[str, str]] = {
    "full": (
        "lagringsutrymmet är fullt; frigör utrymme och försök igen",
        "the storage is full; free some space and try again",
    ),
    "io": (
        "filen kunde inte läsas eller skrivas (fel på lagringen eller behörigheten); "
        "försök igen, och kontrollera minneskortet eller disken om det händer igen",
        "the file could not be read or written (a storage or permission problem); try "
        "again, and check the memory card or disk if it happens again",
    ),
    "readonly": (
        "filen eller mappen är skrivskyddad",
        "the file or its folder is read-only",
    ),
    "busy": (
        "databasen används av ett annat program som inte släppte den i tid; försök igen",
        "the database is in use by another program that did not let go in time; try again",
    ),
    "corrupt": (
        "filen är skadad eller är ingen databas",
        "the file is damaged or is not a database",
    ),
}


class StorageError(KompassenError):
    """A database the user's device cannot use right now, in words.

    ``kind`` says which: ``full``, ``io``, ``readonly``, ``busy``, ``corrupt`` (for a
    replaceable file: rebuild it; for a precious one: stop writing) or ``newer`` (written by a
    newer version of the app). ``errorname`` is SQLite's name for it, for the log.
    """

    def __init__(self, *, sv: str, en: str, kind: Kind, errorname: str = "") -> None:
        super().__init__(sv=sv, en=en)
        self.kind: Kind = kind
        self.errorname = errorname


def classify(exc: BaseException) -> Kind | None:
    """The storage problem an SQLite error stands for, or None when it is a bug."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None  # raised by the sqlite3 module itself (closed handle, bad binding): a bug
    return _KINDS.get(code & 0xFF)


@contextmanager
def storage_errors(
    error_cls: type[StorageError],
    what_sv: str,
    what_en: str,
    *,
    then_sv: str = "",
    then_en: str = "",
) -> Iterator[None]:
    """Turn storage problems inside the block into ``error_cls`` in words; re-raise the rest.

    ``what_*`` says what failed ("Katalogen kunde inte öppnas (…)"), ``then_*`` what it means
    for the user's data ("Inget har raderats.").
    """
    try:
        yield
    except sqlite3.Error as exc:
        kind = classify(exc)
        if kind is None:
            raise
        reason_sv, reason_en = _REASONS[kind]
        name = getattr(exc, "sqlite_errorname", "") or ""
        raise error_cls(
            sv=_sentence(what_sv, reason_sv, then_sv, name),
            en=_sentence(what_en, reason_en, then_en, name),
            kind=kind,
            errorname=name,
        ) from exc


def _sentence(what: str, reason: str, then: str, name: str) -> str:
    text = f"{what}: {reason}."
    if then:
        text += f" {then}"
    return f"{text} ({name})" if name else text


def connect(
    path: Path | str,
    *,
    synchronous: Synchronous,
    busy_timeout_ms: int,
    cache_mb: int | None = None,
    mmap_mb: int | None = None,
    row_factory: type[sqlite3.Row] | None = sqlite3.Row,
) -> sqlite3.Connection:
    """Open a database in WAL mode with foreign keys on, in autocommit mode.

    Autocommit (``isolation_level=None``): writers open transactions with :func:`atomic`,
    so nothing is committed half-way by the sqlite3 module's implicit transactions.
    ``synchronous``: FULL where a commit must survive power loss (device, server), NORMAL
    where the file can be rebuilt (catalogue). Errors are raised as they are: callers wrap
    this in :func:`storage_errors` with their own words.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = row_factory
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        if cache_mb is not None:
            conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")
        if mmap_mb is not None:
            conn.execute(f"PRAGMA mmap_size = {1024 * 1024 * int(mmap_mb)}")
    except BaseException:
        conn.close()
        raise
    return conn


_savepoints = itertools.count(1)


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any exception; nested blocks are savepoints.

    IMMEDIATE (sqlite-utils' ``atomic()`` uses a deferred BEGIN): the write lock is taken up
    front and waits out the busy timeout, instead of failing with SQLITE_BUSY when a reader
    turns writer after another connection committed.
    """
    if conn.in_transaction:
        name = f"atomic_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # an error may already have ended the transaction
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            # a failing ROLLBACK (the disk is gone) must not hide the error that caused it
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over one of our connections (no plugins, pragmas left as they are).

    Imported on first use: sqlite-utils (with click and pluggy) costs about 9 MB and 90 ms,
    and the tablet's usual start (no migration, no pack to install) needs none of it.
    """
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False, execute_plugins=False)


# -------------------------------------------------------------------------- migrations


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered, append-only schema step; ``script`` is plain SQL statements."""

    number: int
    title: str
    script: str


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version of the file (``PRAGMA user_version``, 0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to ``dest`` consistently (SQLite's online backup, WAL-safe)."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
    except BaseException:
        target.close()
        dest.unlink(missing_ok=True)  # half a backup is worse than none: it looks like one
        raise
    target.close()
    return dest


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration],
    *,
    name: str,
    backup_dir: Path | None,
    now: datetime,
    error_cls: type[StorageError],
    target: int | None = None,
) -> MigrationResult:
    """Bring the file up to ``target`` (default: the latest), backing it up first.

    The backup (``<name>-v<old>-<time>.db`` in ``backup_dir``) is written before the first
    pending step whenever the file already holds tables, whatever its version (device.db
    files from 0.1 have tables at version 0). Each step runs in its own transaction together
    with its ``user_version``, so a failing step leaves the file at the previous version.
    A file from a newer app is refused (``kind="newer"``), never touched.
    """
    latest = migrations[-1].number
    current = user_version(conn)
    if current > latest:
        raise error_cls(
            sv=f"{name}.db har schemaversion {current}, men den här versionen av Kompassen "
            f"känner bara till {latest}: den kommer från en nyare version. Uppdatera appen.",
            en=f"{name}.db has schema version {current}, but this version of Kompassen only "
            f"knows {latest}: it comes from a newer version. Update the app.",
            kind="newer",
        )
    stop = latest if target is None else target
    pending = [m for m in migrations if current < m.number <= stop]
    if not pending:
        return MigrationResult(current, current, None)
    backup: Path | None = None
    if backup_dir is not None and _has_tables(conn):
        stamp = now.strftime("%Y%m%dT%H%M%S")
        backup = backup_to(conn, backup_dir / f"{name}-v{current}-{stamp}.db")
        log.info("backed up %s schema v%d to %s", name, current, backup)
    for step in pending:
        log.info("migrating %s to v%d (%s)", name, step.number, step.title)
        with atomic(conn):
            for statement in statements(step.script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.number)}")
    return MigrationResult(current, pending[-1].number, backup)


def _has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the file holds any table (then it has data worth a backup).

    A plain query, not sqlite-utils' ``table_names()``: importing sqlite-utils costs ~9 MB
    for the life of the process, and a new tablet migrates device.db on its first start.
    """
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None


def statements(script: str) -> Iterator[str]:
    """Split a script into complete statements (``executescript`` would COMMIT on its own).

    Not sqlite-utils' ``executescript``: it splits only while a transaction happens to be
    open and otherwise commits, and a migration must never commit half-way.
    """
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]}")
