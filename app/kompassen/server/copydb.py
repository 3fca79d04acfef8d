"""``kompassen-server copy-db SOURCE TARGET``: move a server to another database.

The way from SQLite to PostgreSQL when a district's server becomes a city's: every row of
every table, ids and token hashes as they are, so tablets and office users keep their tokens
and sync on without enrolling again. Both ends are migrated to the latest schema first (the
SQLite source with its usual backup), the target must be empty, everything is copied in one
transaction of the target, counted afterwards, and PostgreSQL's id counters are moved past
the copied ids.
"""

from __future__ import annotations

from pathlib import Path

from kompassen.server.db import SYSTEM, ServerDb, ServerDbError, Tx, safe_url

# parents before children (foreign keys)
TABLES = (
    "device",
    "office_user",
    "office_token",
    "office_user_area",
    "enrolment_code",
    "submission",
    "release",
    "area_key",
    "device_area",
    "audit_log",
    "report_state",
    "report_answer",
)
IDENTITY = ("submission", "audit_log", "report_state")  # ids PostgreSQL counts itself
BATCH = 1000


def copy_database(source: Path | str, target: Path | str) -> dict[str, int]:
    """Copy ``source`` into the empty ``target``; the rows copied per table (and
    ``server_meta``). Raises :class:`ServerDbError` in words when it cannot."""
    if str(source) == str(target):
        raise ServerDbError(
            sv="Källan och målet är samma databas.",
            en="The source and the target are the same database.",
            kind="io",
        )
    src = ServerDb(source)
    try:
        dst = ServerDb(target)
        try:
            return _copy(src, dst, safe_url(target))
        finally:
            dst.close()
    finally:
        src.close()


def _copy(src: ServerDb, dst: ServerDb, shown: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    with dst.transaction(SYSTEM) as out:
        busy = [
            t
            for t in TABLES
            if out.execute(f"SELECT COUNT(*) AS n FROM {t}").fetchone()["n"]  # type: ignore[index]
        ]
        if busy:
            raise ServerDbError(
                sv=f"Måldatabasen {shown} är inte tom (tabellerna {', '.join(busy)} har rader). "
                "copy-db kopierar bara till en ny, tom databas.",
                en=f"The target database {shown} is not empty (the tables {', '.join(busy)} "
                "have rows). copy-db only copies into a new, empty database.",
                kind="io",
            )
        with src.read(SYSTEM) as into:
            meta = into.execute("SELECT key, value FROM server_meta ORDER BY key").fetchall()
            out.executemany(
                "INSERT INTO server_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [(r["key"], r["value"]) for r in meta],
            )
            counts["server_meta"] = len(meta)
            for table in TABLES:
                counts[table] = _copy_table(into, out, table)
        for table in TABLES:
            got = out.execute(f"SELECT COUNT(*) AS n FROM {table}").fetchone()
            if got is None or got["n"] != counts[table]:
                raise ServerDbError(
                    sv=f"Kopian av {table} stämmer inte ({counts[table]} rader lästa). "
                    "Inget har sparats i måldatabasen.",
                    en=f"The copy of {table} does not add up ({counts[table]} rows read). "
                    "Nothing was saved in the target.",
                    kind="io",
                )
        if dst.kind == "postgresql":
            for table in IDENTITY:
                out.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
    return counts


def _copy_table(into: Tx, out: Tx, table: str) -> int:
    """Rows of one table in batches (bounded memory), columns by name."""
    result = into.execute(f"SELECT * FROM {table}")
    copied = 0
    while batch := result.fetchmany(BATCH):
        columns = list(batch[0].keys())
        names = ", ".join(columns)
        marks = ", ".join(f":{c}" for c in columns)
        out.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [dict(r) for r in batch])
        copied += len(batch)
    return copied
