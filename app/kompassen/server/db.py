"""server.db on SQLite (the zero-set-up default) or PostgreSQL (for a city), one code path.

What it holds: devices (and what they run), office users (roles, areas), enrolment codes,
sealed submissions (reports and daily usage), releases, area keys, the audit log of office
actions, the office's states of reports and its signed answers to them.

Both engines go through SQLAlchemy Core with the same SQL text (:class:`Tx`): plain SQL both
understand (``ON CONFLICT``, ``RETURNING``), parameters bound by SQLAlchemy. Every
transaction is opened for a :class:`Scope`, the areas its caller may see. On PostgreSQL the
scope is set in the transaction (``kompassen.areas``) and row-level security
(:mod:`kompassen.server.schema_pg`) hides every other area's rows, whatever an endpoint asks;
on SQLite the endpoints' own checks are the guard.

SQLite: one connection shared by the worker threads behind a lock (one writer anyway), WAL
with ``synchronous=FULL`` (``stored`` survives a power cut), the project's own connection,
migrations (``PRAGMA user_version``, a backup first) and storage errors in words from
:mod:`kompassen.sqlite`. PostgreSQL: a connection pool per process (psycopg 3), several
processes; migrations under an advisory lock, all in one transaction; the backup is the
engine's own (``pg_dump``, docs/ADMIN_GUIDE.md).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from kompassen import __version__
from kompassen.server import schema_pg
from kompassen.sqlite import Migration, StorageError, connect, migrate, statements, storage_errors

log = logging.getLogger(__name__)

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
    Migration(
        6,
        "districts as tenants: each device and enrolment code belongs to an area; answer numbers",
        # a device's area: the one area it said it carries, else its latest report's; a
        # device with neither is bound by its first release check or submission. The answer
        # counter replaces MAX(seq) + 1, which row-level security would count per area.
        """
ALTER TABLE device ADD COLUMN area_id TEXT;
ALTER TABLE enrolment_code ADD COLUMN area_id TEXT;
CREATE INDEX device_area_id ON device (area_id);
CREATE INDEX submission_area ON submission (area_id, kind, id);
UPDATE device SET area_id = (
    SELECT CASE WHEN COUNT(*) = 1 THEN MIN(x.area_id) END FROM device_area x
    WHERE x.device_id = device.id);
UPDATE device SET area_id = (
    SELECT s.area_id FROM submission s WHERE s.device_id = device.id ORDER BY s.id DESC LIMIT 1)
WHERE area_id IS NULL;
INSERT INTO server_meta (key, value)
    SELECT 'answer_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM report_answer;
""",
    ),
]

LATEST_VERSION = MIGRATIONS[-1].number
# PostgreSQL's own statements after a shared step (row-level security came with 6)
PG_EXTRA: dict[int, str] = {6: schema_pg.ROW_SECURITY}
_PG_LOCK = 0x6B6F6D70  # pg_advisory_xact_lock key: one migrating process at a time

Engine_ = Literal["sqlite", "postgresql"]


class ServerDbError(StorageError):
    """server.db cannot be used (written by a newer server, disk full, unreadable, damaged,
    the PostgreSQL server unreachable or the role allowed to skip row-level security)."""


def utc_iso(moment: datetime) -> str:
    """Timestamps are stored in UTC ISO form so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def is_postgres(target: str | Path) -> bool:
    """Whether ``--db`` names a PostgreSQL database (a URL) rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(
        ("postgresql://", "postgresql+", "postgres://")
    )


def engine_url(target: str) -> str:
    """The URL with SQLAlchemy's psycopg 3 driver (``postgresql://`` would mean psycopg2)."""
    scheme, _, rest = target.partition("://")
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else target


def safe_url(target: str | Path) -> str:
    """The target for messages and logs: a URL without its password."""
    if not is_postgres(target):
        return str(target)
    return re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", str(target))


@dataclass(frozen=True, slots=True)
class Scope:
    """The areas a transaction may see: ``areas`` None is every area (an admin, the server's
    own work such as checking a token), else exactly those; ``actor`` is who acts (an office
    user's name or a device id), which the audit log and enrolment codes are also seen by."""

    areas: frozenset[str] | None
    actor: str = ""

    def setting(self) -> str:
        return "*" if self.areas is None else ",".join(sorted(self.areas))


SYSTEM = Scope(None, "")


class DbRow:
    """A result row read by column name (``row["id"]``) or position (``row[0]``), iterated
    as its values and turned into a dict by ``dict(row)``, as ``sqlite3.Row`` is, from either
    engine."""

    __slots__ = ("_row",)

    def __init__(self, row: sqlalchemy.Row[Any]) -> None:
        self._row = row

    def __getitem__(self, key: str | int) -> Any:
        if isinstance(key, int):
            return self._row[key]
        return self._row._mapping[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)

    def keys(self) -> list[str]:
        return list(self._row._fields)

    def __repr__(self) -> str:
        return f"DbRow({dict(zip(self.keys(), self, strict=True))!r})"


class Rows:
    """The rows of one statement (``fetchone``/``fetchall``/iteration) and ``rowcount``."""

    def __init__(self, result: sqlalchemy.CursorResult[Any]) -> None:
        self._result = result
        self.rowcount: int = result.rowcount

    def fetchone(self) -> DbRow | None:
        if not self._result.returns_rows:
            return None
        row = self._result.fetchone()
        return None if row is None else DbRow(row)

    def one(self) -> DbRow:
        """The row of a statement that always gives one (an aggregate, RETURNING)."""
        row = self.fetchone()
        if row is None:
            raise LookupError("the statement gave no row")
        return row

    def fetchmany(self, size: int) -> list[DbRow]:
        if not self._result.returns_rows:
            return []
        return [DbRow(r) for r in self._result.fetchmany(size)]

    def fetchall(self) -> list[DbRow]:
        if not self._result.returns_rows:
            return []
        return [DbRow(r) for r in self._result.fetchall()]

    def __iter__(self) -> Iterator[DbRow]:
        return iter(self.fetchall())


_QMARK = re.compile(r"\?")


def _named(
    sql: str, params: Sequence[Any] | Mapping[str, Any] | None
) -> tuple[str, dict[str, Any]]:
    """``?`` placeholders and a sequence become ``:p0``, ``:p1``… and a dict for SQLAlchemy
    (the SQL of this package has no ``?`` inside string literals); a mapping is used as it is."""
    if params is None:
        return sql, {}
    if isinstance(params, Mapping):
        return sql, dict(params)
    values = list(params)
    count = iter(range(len(values) + 1))
    named = _QMARK.sub(lambda _m: f":p{next(count)}", sql)
    return named, {f"p{i}": v for i, v in enumerate(values)}


class Tx:
    """One transaction on either engine. ``execute(sql, params)``: SQL text both engines
    understand, with ``?`` and a sequence or ``:name`` and a mapping of parameters."""

    def __init__(self, conn: Connection, engine: Engine_) -> None:
        self.connection = conn
        self.engine: Engine_ = engine

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Rows:
        text, bound = _named(sql, params)
        return Rows(self.connection.execute(sqlalchemy.text(text), bound))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any] | Mapping[str, Any]]) -> None:
        """One statement for many rows (the driver's executemany: one round trip per batch)."""
        if not rows:
            return
        text = _named(sql, rows[0])[0]
        bound = [_named(sql, row)[1] for row in rows]
        self.connection.execute(sqlalchemy.text(text), bound)


class ServerDb:
    """The server's database: :meth:`transaction` for writes, :meth:`read` for reads, each
    for a :class:`Scope`.

    ``target``: a SQLite file path or a PostgreSQL URL. Before a SQLite migration the old file
    is copied to ``backup_dir`` (default: ``backups/`` next to the database), named with
    ``now`` (default: the current time). ``migrate=False`` opens without migrating (a newer or
    older schema is then the caller's business: ``copy-db`` reads its source that way).
    """

    def __init__(
        self,
        target: Path | str,
        backup_dir: Path | None = None,
        now: datetime | None = None,
        *,
        migrate_schema: bool = True,
        pool_size: int = 5,
    ) -> None:
        self.target = target
        self.kind: Engine_ = "postgresql" if is_postgres(target) else "sqlite"
        self._lock: threading.RLock | None = None
        self.conn: sqlite3.Connection | None = None
        self.migrated_from = self.migrated_to = 0
        moment = now or datetime.now(UTC)
        if self.kind == "sqlite":
            self.path: Path | None = Path(target)
            self.engine = self._open_sqlite(self.path, backup_dir, moment, migrate_schema)
        else:
            self.path = None
            self.engine = self._open_postgres(str(target), moment, migrate_schema, pool_size)

    # ------------------------------------------------------------------ opening

    def _open_sqlite(
        self, path: Path, backup_dir: Path | None, now: datetime, migrate_schema: bool
    ) -> Engine:
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _sqlite_errors(
            f"Serverns databas kunde inte öppnas ({path})",
            f"The server database could not be opened ({path})",
        ):
            conn = connect(path, synchronous="FULL", busy_timeout_ms=10000, row_factory=None)
            self.conn = conn
            try:
                if migrate_schema:
                    result = migrate(
                        conn,
                        MIGRATIONS,
                        name="server",
                        backup_dir=path.parent / "backups" if backup_dir is None else backup_dir,
                        now=now,
                        error_cls=ServerDbError,
                    )
                    self.migrated_from, self.migrated_to = result.from_version, result.to_version
            except BaseException:
                conn.close()
                raise
        engine = sqlalchemy.create_engine(
            "sqlite+pysqlite://", creator=lambda: conn, poolclass=StaticPool
        )

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            # the sqlite3 module is in autocommit mode (kompassen.sqlite.connect): the
            # transaction is opened here, IMMEDIATE for writes (the write lock up front)
            read = connection.get_execution_options().get("kompassen_read", False)
            connection.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

        self.engine = engine
        if migrate_schema:
            self._after_migration(now)
        return engine

    def _open_postgres(self, target: str, now: datetime, migrate_schema: bool, pool: int) -> Engine:
        where = safe_url(target)
        with _pg_errors(
            f"Serverns databas kunde inte öppnas ({where})",
            f"The server database could not be opened ({where})",
        ):
            engine = sqlalchemy.create_engine(
                engine_url(target),
                pool_size=pool,
                max_overflow=pool * 2,
                pool_pre_ping=True,
                pool_timeout=30,
            )
            self.engine = engine
            try:
                with engine.connect() as conn:
                    bypass = conn.execute(
                        sqlalchemy.text(
                            "SELECT rolsuper OR rolbypassrls FROM pg_roles "
                            "WHERE rolname = current_user"
                        )
                    ).scalar()
                if bypass:
                    raise ServerDbError(
                        sv=f"Servern får inte använda en PostgreSQL-roll som är superuser eller "
                        f"har BYPASSRLS ({where}): då skyddar radsäkerheten inte distriktens "
                        "rapporter från varandra. Skapa en vanlig roll som äger databasen "
                        "(se docs/ADMIN_GUIDE.md).",
                        en=f"The server must not use a PostgreSQL role that is a superuser or "
                        f"has BYPASSRLS ({where}): row-level security would then not keep the "
                        "districts' reports apart. Create an ordinary role that owns the "
                        "database (see docs/ADMIN_GUIDE.md).",
                        kind="readonly",
                    )
                if migrate_schema:
                    self._migrate_postgres(engine, now)
            except BaseException:
                engine.dispose()
                raise
        return engine

    def _migrate_postgres(self, engine: Engine, now: datetime) -> None:
        """Every pending step in one transaction, one process at a time (several workers
        start together); a schema from a newer server is refused untouched."""
        with engine.begin() as conn:
            run = conn.exec_driver_sql
            run(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
            run("SELECT set_config('kompassen.areas', '*', true)")
            run("CREATE TABLE IF NOT EXISTS kompassen_schema (version INTEGER NOT NULL)")
            current = int(
                run("SELECT COALESCE(MAX(version), 0) FROM kompassen_schema").scalar() or 0
            )
            if current > LATEST_VERSION:
                raise ServerDbError(
                    sv=f"Databasen har schemaversion {current}, men den här servern känner bara "
                    f"till {LATEST_VERSION}: den kommer från en nyare version. Uppdatera servern.",
                    en=f"The database has schema version {current}, but this server only knows "
                    f"{LATEST_VERSION}: it comes from a newer version. Update the server.",
                    kind="newer",
                )
            self.migrated_from = self.migrated_to = current
            if current >= LATEST_VERSION:
                return
            steps: list[tuple[int, str]] = []
            if current < schema_pg.BASELINE_VERSION:
                steps.append((schema_pg.BASELINE_VERSION, schema_pg.BASELINE))
            for m in MIGRATIONS:
                if m.number > max(current, schema_pg.BASELINE_VERSION):
                    steps.append((m.number, m.script + PG_EXTRA.get(m.number, "")))
            for number, script in steps:
                log.info("migrating the PostgreSQL server database to v%d", number)
                for statement in statements(script):
                    run(statement)
            run("DELETE FROM kompassen_schema")
            run(f"INSERT INTO kompassen_schema (version) VALUES ({int(steps[-1][0])})")
            self.migrated_to = steps[-1][0]
        self._after_migration(now)

    def _after_migration(self, now: datetime) -> None:
        with self.transaction(SYSTEM) as tx:
            tx.execute(
                "INSERT INTO server_meta (key, value) VALUES ('created_by', ?) "
                "ON CONFLICT (key) DO NOTHING",
                (__version__,),
            )
            if 1 <= self.migrated_from < 2 <= self.migrated_to:
                _adopt_release_keys(tx, utc_iso(now))

    def schema_version(self) -> int:
        """The schema version the database is at now."""
        if self.kind == "sqlite":
            with self.read(SYSTEM) as tx:
                return int(tx.execute("PRAGMA user_version").fetchone()[0])  # type: ignore[index]
        with self.read(SYSTEM) as tx:
            row = tx.execute("SELECT COALESCE(MAX(version), 0) FROM kompassen_schema").fetchone()
            return int(row[0]) if row else 0

    # -------------------------------------------------------------- transactions

    @contextmanager
    def transaction(self, scope: Scope) -> Iterator[Tx]:
        """One write transaction for ``scope``, committed before the caller answers."""
        with self._connection(
            scope, read=False, what=("Servern kunde inte spara", "The server could not save")
        ) as tx:
            yield tx

    @contextmanager
    def read(self, scope: Scope) -> Iterator[Tx]:
        """A consistent read for ``scope`` (read-only on PostgreSQL)."""
        with self._connection(
            scope, read=True, what=("Servern kunde inte läsa", "The server could not read")
        ) as tx:
            yield tx

    @contextmanager
    def _connection(self, scope: Scope, *, read: bool, what: tuple[str, str]) -> Iterator[Tx]:
        if self.kind == "sqlite":
            assert self._lock is not None
            with self._lock, _sqlite_errors(*what), self.engine.connect() as conn:
                conn = conn.execution_options(kompassen_read=read)
                with conn.begin():
                    yield Tx(conn, "sqlite")
            return
        with _pg_errors(*what), self.engine.connect() as conn, conn.begin():
            if read:
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            conn.execute(
                sqlalchemy.text(
                    "SELECT set_config('kompassen.areas', :areas, true), "
                    "set_config('kompassen.actor', :actor, true)"
                ),
                {"areas": scope.setting(), "actor": scope.actor},
            )
            yield Tx(conn, "postgresql")

    def close(self) -> None:
        if self._lock is not None:
            with self._lock:
                self.engine.dispose()
                if self.conn is not None:
                    self.conn.close()
        else:
            self.engine.dispose()


def _adopt_release_keys(tx: Tx, now: str) -> None:
    """Areas published before keys were pinned keep the key their latest release carries.

    That key is what the tablets that installed the release trust, so pinning it changes
    nothing for them; an admin who doubts it replaces it (``area-key register --replace``).
    """
    rows = tx.execute(
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
            tx.execute(
                "INSERT INTO area_key (area_id, signing_key, registered_by, registered_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (area_id) DO NOTHING",
                (row["area_id"], key, "migration 2 (latest release)", now),
            )


@contextmanager
def _sqlite_errors(sv: str, en: str) -> Iterator[None]:
    """Storage problems in words (:func:`kompassen.sqlite.storage_errors`); SQLAlchemy's
    wrapper is taken off first so a bug stays the ``sqlite3`` error it is."""
    with storage_errors(
        ServerDbError, sv, en, then_sv="Inget har raderats.", then_en="Nothing was deleted."
    ):
        try:
            yield
        except sqlalchemy.exc.DBAPIError as exc:
            if isinstance(exc.orig, sqlite3.Error):
                raise exc.orig from None
            raise


@contextmanager
def _pg_errors(sv: str, en: str) -> Iterator[None]:
    """A PostgreSQL server that cannot be reached (or went away) in words; SQL errors (bugs,
    a policy refusing a row) stay what they are."""
    try:
        yield
    except sqlalchemy.exc.DBAPIError as exc:
        if not (exc.connection_invalidated or isinstance(exc, sqlalchemy.exc.OperationalError)):
            raise
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise ServerDbError(
            sv=f"{sv}: PostgreSQL-servern svarar inte eller vägrade anslutningen ({reason}). "
            "Inget har raderats.",
            en=f"{en}: the PostgreSQL server does not answer or refused the connection "
            f"({reason}). Nothing was deleted.",
            kind="io",
        ) from exc
