"""Saving what can still be read from a damaged device.db into a fresh one.

This is ``kompassen device-db recover``. SQLite's own ``.recover`` is a command of the
``sqlite3`` shell, which tablets do not have, and Python's sqlite3 module has no recover API;
so this is a dump of the readable rows in Python:

1. device.db is locked exclusively (no app may have it open while it is replaced) and
   copied aside byte for byte, with its WAL, under a name never used before in ``backups/``:
   the damaged file itself is never deleted.
2. A fresh device.db is built with the current schema next to the old one, and the readable
   rows are copied table by table, the outbox first (sealed reports nobody else has), each
   table read in rowid order from its own b-tree (``NOT INDEXED``: a damaged index costs no
   row), skipping past unreadable pages (see :func:`_readable_rows`).
3. The fresh file replaces device.db with one rename; the old WAL is removed first, because
   SQLite would replay it onto the new file.

How many rows were lost is counted against what an index of the damaged file still says
(``count(*)``), so a damaged table page is reported, not only skipped.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kompassen.core.errors import KompassenError
from kompassen.device.db import DeviceDb, DeviceDbError, garbled_text, lenient_text
from kompassen.device.pagescan import Record, leaf_records
from kompassen.sqlite import classify, database

log = logging.getLogger(__name__)

# the order the rows are saved in: what nobody else has first
TABLES: tuple[str, ...] = ("outbox", "draft", "sync_state", "usage_event", "report_answer")
#: tables whose lost rows the server still has: never read from cut-off pages (report_answer's
#: column count is usage_event's); the answers' cursor is reset so the next sync fetches them
REFETCHED = ("report_answer",)

_MIN_ROWID = -(2**63)
_MAX_ROWID = 2**63 - 1


class RecoveryError(KompassenError):
    """device.db could not be recovered (in use, nothing readable, no room); nothing changed."""


class NothingReadable(RecoveryError):
    """The damaged file's table of contents cannot be read; a copy of it is at ``copy``."""

    def __init__(self, sv: str, en: str, copy: Path) -> None:
        super().__init__(sv=sv, en=en)
        self.copy = copy


@dataclass(frozen=True, slots=True)
class TableResult:
    """One table's rows: ``saved`` into the fresh file, ``lost`` (None: unknown)."""

    table: str
    saved: int
    lost: int | None
    unreadable_ranges: int = 0  # places where rows had to be skipped


@dataclass(frozen=True, slots=True)
class Health:
    """What ``PRAGMA quick_check`` says of device.db (``ok`` when nothing was found)."""

    path: Path
    exists: bool
    ok: bool
    problems: list[str] = field(default_factory=list)
    busy: bool = False  # another connection holds a lock: not known to be damaged


@dataclass(frozen=True, slots=True)
class RecoveryResult:
    damaged_copy: Path
    tables: list[TableResult]
    health: Health

    @property
    def lost_any(self) -> bool:
        return any(t.lost != 0 for t in self.tables)


def check(path: Path) -> Health:
    """SQLite's quick_check of ``path``, read-only: never migrates, writes or checkpoints.

    Read-only matters: a normal connection folds the WAL into the file when it closes, and
    the damaged file is to be copied aside as it was.
    """
    if not path.exists():
        return Health(path, False, True)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return Health(path, True, False, [str(exc)])
    conn.text_factory = lenient_text  # it may quote garbage it found
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if classify(exc) is None and not _corrupt(exc):
            raise
        if classify(exc) == "busy":
            return Health(path, True, False, [str(exc)], busy=True)
        rows = [str(exc)]
    finally:
        conn.close()
    return Health(path, True, rows == ["ok"], [] if rows == ["ok"] else rows)


def recover(path: Path, backup_dir: Path, now: datetime, *, force: bool = False) -> RecoveryResult:
    """Put the damaged ``path`` aside, build a fresh one from its readable rows, swap it in.

    Refuses (:class:`RecoveryError`, nothing changed) when device.db does not exist, is not
    damaged (unless ``force``), is open in a running app, or has no readable schema at all.
    """
    health = check(path)
    if not health.exists:
        raise RecoveryError(
            sv=f"Det finns ingen enhetsdatabas att rädda ({path}).",
            en=f"There is no device database to recover ({path}).",
        )
    if health.ok and not force:
        raise RecoveryError(
            sv=f"Enhetens databas {path} är inte skadad; inget behöver räddas "
            "(--force räddar den ändå).",
            en=f"The device database {path} is not damaged; nothing needs recovering "
            "(--force recovers it anyway).",
        )
    try:
        scratch = Path(tempfile.mkdtemp(prefix=".device-recover-", dir=path.parent))
    except OSError as exc:
        raise _no_room(path.parent, exc) from exc
    try:
        with _exclusive(path):
            copy = _copy_aside(path, backup_dir, now)
            log.warning("device.db recovery: the damaged file was copied to %s", copy)
            fresh_path = scratch / "device.db"
            try:
                work = _work_copy(path, scratch / "damaged.db")
                results = _rebuild(work, fresh_path, backup_dir, now, copy)
                _fsync(fresh_path)
            except OSError as exc:
                raise _no_room(path.parent, exc) from exc
        # the lock is released (its connection closed): swap at once
        for suffix in ("-wal", "-shm"):  # SQLite would replay the old WAL onto the new file
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
        os.replace(fresh_path, path)
        _fsync_dir(path.parent)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for r in results:
        log.warning("device.db recovery: %s saved %d, lost %s", r.table, r.saved, r.lost)
    return RecoveryResult(copy, results, health)


def _no_room(folder: Path, exc: OSError) -> RecoveryError:
    return RecoveryError(
        sv=f"Kunde inte skriva i {folder} ({exc.strerror or exc}). Inget har ändrats; "
        "frigör utrymme och försök igen.",
        en=f"Could not write in {folder} ({exc.strerror or exc}). Nothing was changed; "
        "free some space and try again.",
    )


def _work_copy(path: Path, work: Path) -> Path:
    """A private copy of device.db with its WAL folded in, to read rows and pages from."""
    shutil.copyfile(path, work)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{work}-wal")
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        # copies committed pages from the WAL into the file (no b-tree is parsed)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if classify(exc) is None and not _corrupt(exc):
            raise
        log.warning("device.db recovery: the WAL could not be folded in: %s", exc)
    finally:
        conn.close()
    return work


def _rebuild(
    work: Path, fresh_path: Path, backup_dir: Path, now: datetime, copy: Path
) -> list[TableResult]:
    """Fill a fresh device.db at ``fresh_path`` from the readable rows of ``work``."""
    old = sqlite3.connect(work, isolation_level=None)
    old.text_factory = lenient_text  # names in a damaged schema (rows: see _readable_rows)
    try:
        tables = _schema(old)
        if tables is None:
            raise NothingReadable(
                sv=f"Inget gick att läsa i enhetens databas: filens innehållsförteckning är "
                f"skadad. Filen ligger kvar som den var, och en kopia finns i {copy}. Ta "
                "kontakt med den som sköter Kompassen (sqlite3-programmets .recover kan "
                "rädda mer).",
                en=f"Nothing could be read in the device database: the file's table of "
                f"contents is damaged. The file is left as it was, and a copy is in {copy}. "
                "Contact whoever runs Kompassen (the sqlite3 program's .recover may save more).",
                copy=copy,
            )
        try:
            return _fill(old, work, tables, fresh_path, backup_dir, now)
        except DeviceDbError as exc:
            raise RecoveryError(
                sv=f"Den nya enhetsdatabasen kunde inte byggas: {exc.sv} Den skadade filen "
                f"ligger kvar som den var (och en kopia i {copy}).",
                en=f"The new device database could not be built: {exc.en} The damaged file "
                f"is left as it was (and a copy is in {copy}).",
            ) from exc
    finally:
        old.close()


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold device.db's exclusive lock: no app has it open while it is copied and replaced.

    The connection only locks and never writes; closing it may fold the WAL into the file,
    which is why the damaged file is copied aside (with its WAL) while the lock is held.
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=0.5)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            if classify(exc) == "busy":
                raise RecoveryError(
                    sv=f"Enhetens databas {path} används av Kompassen just nu. Stäng appen "
                    "(alla fönster) och försök igen. Inget har ändrats.",
                    en=f"The device database {path} is in use by Kompassen right now. Close "
                    "the app (every window) and try again. Nothing was changed.",
                ) from exc
            if not _corrupt(exc):
                raise
            log.warning("device.db could not be locked (damaged): %s", exc)
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def _copy_aside(path: Path, backup_dir: Path, now: datetime) -> Path:
    """Copy device.db (and its WAL) into ``backup_dir`` under a name not used before."""
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = now.strftime("%Y%m%dT%H%M%S")
    for n in range(1, 10_000):
        dest = backup_dir / f"device-damaged-{stamp}{'' if n == 1 else f'-{n}'}.db"
        try:
            fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as out, path.open("rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
            wal = Path(f"{path}-wal")
            if wal.exists() and wal.stat().st_size:  # an empty WAL holds nothing
                wal_copy = Path(f"{dest}-wal")
                shutil.copyfile(wal, wal_copy)
                os.chmod(wal_copy, 0o600)
                _fsync(wal_copy)
        except OSError as exc:
            with contextlib.suppress(OSError):
                dest.unlink()
                Path(f"{dest}-wal").unlink()
            raise RecoveryError(
                sv=f"Den skadade enhetsdatabasen kunde inte kopieras till {backup_dir} "
                f"({exc.strerror or exc}). Inget har ändrats; frigör utrymme och försök igen.",
                en=f"The damaged device database could not be copied to {backup_dir} "
                f"({exc.strerror or exc}). Nothing was changed; free some space and try again.",
            ) from exc
        return dest
    raise RecoveryError(  # pragma: no cover - 10,000 recoveries in one second
        sv=f"För många kopior i {backup_dir}.", en=f"Too many copies in {backup_dir}."
    )


def _schema(conn: sqlite3.Connection) -> dict[str, list[str]] | None:
    """The damaged file's columns of each known table (None: the schema cannot be read)."""
    try:
        db = database(conn)  # sqlite-utils' introspection: tables and their columns
        names = set(db.table_names())
        return {t: [c.name for c in db.table(t).columns] for t in TABLES if t in names}
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if not _corrupt(exc):
            raise
        return None


def _fill(
    old: sqlite3.Connection,
    work: Path,
    tables: dict[str, list[str]],
    fresh_path: Path,
    backup_dir: Path,
    now: datetime,
) -> list[TableResult]:
    fresh = DeviceDb(fresh_path, backup_dir, now)
    orphans: list[Record] | None = None  # read from the pages once, when first needed
    try:
        results = []
        for table in TABLES:
            if table not in tables:
                results.append(TableResult(table, 0, 0))
                continue
            new_cols = {c.name for c in database(fresh.conn).table(table).columns}
            old_cols = tables[table]
            cols = [c for c in old_cols if c in new_cols]
            rows, skips = _readable_rows(old, table, cols)
            expected = _count(old, table)
            if table not in REFETCHED and (
                skips or (expected is not None and expected > len(rows))
            ):
                if orphans is None:
                    orphans = list(leaf_records(work))
                rows += _orphans_of(table, old_cols, new_cols, orphans, {r[0] for r in rows})
            saved = _insert(fresh, table, cols, rows)
            lost = None if expected is None else max(0, expected - saved)
            if lost is None and not skips:
                lost = len(rows) - saved  # all read: only rows the schema refused are lost
            results.append(TableResult(table, saved, lost, skips))
        with fresh.transaction() as conn:  # every answer again at the next sync (idempotent)
            conn.execute("DELETE FROM sync_state WHERE key = 'answers_after'")
        return results
    finally:
        fresh.close()


# how many columns each table had when it was created: a record on a page that SQLite can no
# longer reach belongs to the table whose column count (then .. now) it has; they never overlap
_FIRST_COLUMNS = {"outbox": 10, "draft": 4, "sync_state": 2, "usage_event": 8}


def _orphans_of(
    table: str,
    old_cols: list[str],
    new_cols: set[str],
    orphans: list[Record],
    have: set[object],
) -> list[tuple[object, ...]]:
    """Rows of ``table`` found on its cut-off leaf pages, as (rowid, *cols) like the scan's."""
    out: list[tuple[object, ...]] = []
    keep = [i for i, c in enumerate(old_cols) if c in new_cols]
    for rowid, values in orphans:
        if rowid in have or not _FIRST_COLUMNS[table] <= len(values) <= len(old_cols):
            continue
        full = values + (None,) * (len(old_cols) - len(values))  # added columns: NULL
        out.append((rowid, *(full[i] for i in keep)))
        have.add(rowid)
    if out:
        log.warning("device.db recovery: %d %s rows read from cut-off pages", len(out), table)
    return sorted(out, key=lambda r: int(str(r[0])))


def _insert(fresh: DeviceDb, table: str, cols: list[str], rows: list[tuple[object, ...]]) -> int:
    """Insert the rows (rowids kept); a row the schema refuses (a garbled one) is lost."""
    saved = 0
    marks = ", ".join("?" * (len(cols) + 1))
    sql = f"INSERT INTO {table} (rowid, {', '.join(cols)}) VALUES ({marks})"
    with fresh.transaction() as conn:
        for raw in rows:
            row = _decoded(raw)
            if row is None:
                log.warning("device.db recovery: a %s row with garbled text refused", table)
                continue
            try:
                conn.execute(sql, row)
            except sqlite3.IntegrityError as exc:
                log.warning("device.db recovery: a %s row refused: %s", table, exc)
            else:
                saved += 1
    return saved


def _readable_rows(
    conn: sqlite3.Connection, table: str, cols: list[str]
) -> tuple[list[tuple[object, ...]], int]:
    """Every row SQLite can read, in rowid order; and how many damaged stretches were skipped.

    One scan while it works. When it fails, row by row (the sqlite3 module steps one row
    ahead, so the row before the damage is read on its own), then ever further ahead until a
    row reads again, and back (bisection) to the first rowid from which reading works: only
    the rows on the damaged pages are skipped.
    """
    sql = (
        f"SELECT rowid, {', '.join(cols)} FROM {table} NOT INDEXED WHERE rowid >= ? ORDER BY rowid"
    )

    def first(at: int) -> list[tuple[object, ...]] | None:
        """The first row from ``at`` on ([] at the end), None when it cannot be read."""
        got = _try(conn, sql + " LIMIT 1", (at,))
        return None if got is None else [tuple(r) for r in got]

    conn.text_factory = _RawText  # damaged text must not stop the scan (see _decoded)
    try:
        return _scan(conn, sql, first)
    finally:
        conn.text_factory = lenient_text


class _RawText(bytes):
    """A TEXT value as SQLite gave it: decoded by :func:`_decoded`, or the row is refused."""


def _decoded(row: tuple[object, ...]) -> tuple[object, ...] | None:
    """The row with its text decoded; None when a text is not UTF-8 (a garbled row)."""
    try:
        return tuple(v.decode("utf-8") if isinstance(v, _RawText) else v for v in row)
    except UnicodeDecodeError:
        return None


def _scan(
    conn: sqlite3.Connection,
    sql: str,
    first: Callable[[int], list[tuple[object, ...]] | None],
) -> tuple[list[tuple[object, ...]], int]:
    rows: list[tuple[object, ...]] = []
    skips = 0
    start = _MIN_ROWID
    while True:
        cur = conn.cursor()
        try:
            for row in cur.execute(sql, (start,)):
                rows.append(tuple(row))
                start = int(row[0]) + 1
            return rows, skips
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if not _corrupt(exc):
                raise
        finally:
            cur.close()
        while (got := first(start)) is not None:
            if not got:
                return rows, skips
            rows.append(got[0])
            start = int(str(got[0][0])) + 1
        skips += 1
        resume = _next_readable(lambda at: first(at) is not None, start)
        if resume is None:
            return rows, skips
        start = resume


def _next_readable(reads: Callable[[int], bool], start: int) -> int | None:
    """The smallest rowid > ``start`` from which a read works again (None: none does)."""
    bad, step = start, 1
    while True:
        probe = min(start + step, _MAX_ROWID)
        if reads(probe):
            return _bisect(reads, bad, probe)
        if probe == _MAX_ROWID:
            return None
        bad, step = probe, step * 2


def _bisect(reads: Callable[[int], bool], bad: int, good: int) -> int:
    """The smallest rowid in (bad, good] from which ``reads`` works."""
    while good - bad > 1:
        mid = (bad + good) // 2
        if reads(mid):
            good = mid
        else:
            bad = mid
    return good


def _count(conn: sqlite3.Connection, table: str) -> int | None:
    """How many rows the damaged file says ``table`` had: by any b-tree that still reads."""
    indexes = [
        str(r[0])
        for r in _try(
            conn, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
        )
        or []
    ]
    for how in ["", "NOT INDEXED", *(f"INDEXED BY {i}" for i in indexes)]:
        got = _try(conn, f"SELECT count(*) FROM {table} {how}", ())
        if got:
            return int(got[0][0])
    return None


def _try(conn: sqlite3.Connection, sql: str, args: tuple[object, ...]) -> list[sqlite3.Row] | None:
    try:
        return conn.execute(sql, args).fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if not _corrupt(exc):
            raise
        return None


def _corrupt(exc: BaseException) -> bool:
    """SQLite says the file is damaged, or its text is (a message or value not UTF-8)."""
    return classify(exc) == "corrupt" or garbled_text(exc) or isinstance(exc, UnicodeDecodeError)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ------------------------------------------------------------------- at the window's start


@dataclass(frozen=True, slots=True)
class StartRepair:
    """What the window tells after it repaired a damaged device.db at its start."""

    sv: str
    en: str
    damaged_copy: Path
    lost_any: bool

    def message(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


def _counts(result: RecoveryResult, table: str) -> tuple[int, int | None]:
    for t in result.tables:
        if t.table == table:
            return t.saved, t.lost
    return 0, 0


def repair_at_start(path: Path, backup_dir: Path, now: datetime) -> StartRepair | None:
    """A damaged device.db, found as the window starts, repaired so that the app works.

    A worker at night cannot run ``kompassen device-db recover``; without device.db the
    window would not open at all, search included. So the window does what that command
    does (the damaged file copied aside, the readable rows saved into a fresh file, the
    outbox first) and says so. When not even the file's table of contents can be read,
    the copy is all there is to keep: the file is then replaced by an empty one, and the
    message names the copy. None: device.db is missing or sound (``PRAGMA quick_check``).
    In use by another window, or no room: :class:`RecoveryError`, nothing changed.
    """
    health = check(path)
    if health.ok or health.busy:  # busy: another Kompassen (a sync) writes; it is not damage
        return None
    try:
        result = recover(path, backup_dir, now)
    except NothingReadable as exc:
        with _exclusive(path):
            pass  # not in use by another window (else RecoveryError); released: remove at once
        for suffix in ("-wal", "-shm", ""):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
        _fsync_dir(path.parent)
        log.warning("device.db unreadable, replaced by an empty one; copy: %s", exc.copy)
        return StartRepair(
            sv="Enhetens databas var skadad och gick inte att läsa. Appen fortsätter med en "
            f"tom databas; den skadade filen är sparad som {exc.copy}. Rapporter som inte "
            "hann skickas finns bara i den kopian: kontakta den som sköter Kompassen.",
            en="The device database was damaged and could not be read. The app goes on with "
            f"an empty one; the damaged file is kept as {exc.copy}. Reports not yet sent are "
            "only in that copy: contact whoever runs Kompassen.",
            damaged_copy=exc.copy,
            lost_any=True,
        )
    sent, sent_lost = _counts(result, "outbox")
    drafts, drafts_lost = _counts(result, "draft")

    def lost(n: int | None, sv: bool) -> str:
        if n == 0:
            return ""
        if n is None:
            return " (några kan ha gått förlorade)" if sv else " (some may be lost)"
        return f" ({n} förlorade)" if sv else f" ({n} lost)"

    return StartRepair(
        sv=f"Enhetens databas var skadad och är lagad: {sent} rapporter i utkorgen"
        f"{lost(sent_lost, True)} och {drafts} utkast{lost(drafts_lost, True)} räddade. "
        f"Den skadade filen är sparad som {result.damaged_copy}.",
        en=f"The device database was damaged and is repaired: {sent} reports in the outbox"
        f"{lost(sent_lost, False)} and {drafts} drafts{lost(drafts_lost, False)} saved. "
        f"The damaged file is kept as {result.damaged_copy}.",
        damaged_copy=result.damaged_copy,
        lost_any=result.lost_any,
    )
