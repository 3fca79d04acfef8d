"""The office's change history and contact notes, kept in catalogue.db (migration 10).

One row per changed field of a saved edit: who, when, which record (kind and key), which
field (a JSON pointer inside the record), what it was and what it became (JSON text; NULL
means the field or record did not exist). A verification ("Kontrollerad idag") is a row of
action ``verify``: who checked is its ``updated_by``. The tables do not reference ``area``,
so an install of the area (which deletes and re-inserts its rows) keeps them. The HSDS
export writes them as ``metadata`` rows (:func:`metadata_rows`).

Note: catalogue.db is rebuilt from packs and kept releases when it is damaged; history
written since the last copy the office keeps elsewhere is lost with it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from kompassen.catalogue.store.db import reading, transaction

Action = Literal["create", "update", "delete", "verify"]
ACTIONS: tuple[Action, ...] = ("create", "update", "delete", "verify")

# The HSDS table of each pack kind whose records are HSDS resources (metadata.resource_type).
HSDS_RESOURCE = {"services": "service", "organizations": "organization", "locations": "location"}


@dataclass(frozen=True, slots=True)
class Change:
    """One changed field to record; ``previous``/``replacement`` None: did not exist.
    ``by``: who did it, when not the one who saves (who checked a record)."""

    kind: str
    record_key: str
    field: str
    action: Action
    previous_json: str | None
    replacement_json: str | None
    by: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One recorded change as read back, newest last."""

    id: int
    area_id: str
    kind: str
    record_key: str
    field: str
    action: Action
    previous_json: str | None
    replacement_json: str | None
    updated_by: str
    updated_at: str
    catalogue_version: int | None

    @property
    def previous(self) -> Any:
        """The old value (None also when it did not exist: see :attr:`previous_json`)."""
        return None if self.previous_json is None else json.loads(self.previous_json)

    @property
    def replacement(self) -> Any:
        return None if self.replacement_json is None else json.loads(self.replacement_json)


@dataclass(frozen=True, slots=True)
class ContactNote:
    """The coordinator's note on whom to ask at an organisation at the next check."""

    organization_key: str
    note: str
    updated_by: str
    updated_at: str


def value_json(value: Any) -> str:
    """A field's value as stored: compact JSON, UTF-8 kept readable."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_changes(
    conn: sqlite3.Connection,
    area_id: str,
    changes: Iterable[Change],
    *,
    who: str,
    at: str,
    catalogue_version: int | None = None,
) -> int:
    """Write the rows of one save (inside the caller's transaction if it has one)."""
    rows = [
        (
            area_id,
            c.kind,
            c.record_key,
            c.field,
            c.action,
            c.previous_json,
            c.replacement_json,
            c.by or who,
            at,
            catalogue_version,
        )
        for c in changes
    ]
    if not rows:
        return 0
    with transaction(conn):
        conn.executemany(
            "INSERT INTO change_history (area_id, kind, record_key, field, action, "
            "previous_json, replacement_json, updated_by, updated_at, catalogue_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


_COLUMNS = (
    "id, area_id, kind, record_key, field, action, previous_json, replacement_json, "
    "updated_by, updated_at, catalogue_version"
)


def read_history(
    conn: sqlite3.Connection,
    area_id: str,
    kind: str | None = None,
    record_key: str | None = None,
) -> list[HistoryRow]:
    """The area's history (of one kind, of one record), oldest first."""
    sql = f"SELECT {_COLUMNS} FROM change_history WHERE area_id = ?"
    args: list[Any] = [area_id]
    if kind is not None:
        sql += " AND kind = ?"
        args.append(kind)
    if record_key is not None:
        sql += " AND record_key = ?"
        args.append(record_key)
    with reading():
        rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [HistoryRow(*tuple(r)) for r in rows]


def last_verified(
    conn: sqlite3.Connection, area_id: str, kind: str, record_key: str
) -> HistoryRow | None:
    """The latest verification of a record (who checked it, and when), or None."""
    with reading():
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM change_history WHERE area_id = ? AND kind = ? AND "
            "record_key = ? AND action = 'verify' ORDER BY id DESC LIMIT 1",
            (area_id, kind, record_key),
        ).fetchone()
    return None if row is None else HistoryRow(*tuple(row))


def contact_notes(conn: sqlite3.Connection, area_id: str) -> dict[str, ContactNote]:
    """Every organisation's contact note of the area, by organisation key."""
    with reading():
        rows = conn.execute(
            "SELECT organization_key, note, updated_by, updated_at FROM contact_note "
            "WHERE area_id = ? ORDER BY organization_key",
            (area_id,),
        ).fetchall()
    return {r[0]: ContactNote(r[0], r[1], r[2], r[3]) for r in rows}


def set_contact_note(
    conn: sqlite3.Connection, area_id: str, organization_key: str, note: str, *, who: str, at: str
) -> None:
    """Keep (or, with an empty note, remove) one organisation's contact note."""
    with transaction(conn):
        if note.strip():
            conn.execute(
                "INSERT INTO contact_note (area_id, organization_key, note, updated_by, "
                "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (area_id, organization_key) "
                "DO UPDATE SET note = excluded.note, updated_by = excluded.updated_by, "
                "updated_at = excluded.updated_at",
                (area_id, organization_key, note, who, at),
            )
        else:
            conn.execute(
                "DELETE FROM contact_note WHERE area_id = ? AND organization_key = ?",
                (area_id, organization_key),
            )


def metadata_rows(conn: sqlite3.Connection, area_id: str) -> list[HistoryRow]:
    """The history rows the HSDS export writes as ``metadata``: those of HSDS resources
    (services, organisations, locations); landmarks, guides and notices are not HSDS."""
    return [r for r in read_history(conn, area_id) if r.kind in HSDS_RESOURCE]
