"""Writing an area into a catalogue of an older schema, for the upgrade tests.

Today's loader writes a service's taxonomy codes on its row (migration 8); a file of schema 7
or older kept them in the ``service_term`` table. This puts them there, as the old loader did.
It also writes the status detail and dates (migration 9): the columns are there for the write
and go again with :func:`drop_term_codes`.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.store.loader import _insert_area


def insert_area_before_8(
    conn: sqlite3.Connection, pack: PackData, version: int, origin: str, now: datetime
) -> None:
    conn.execute("ALTER TABLE service ADD COLUMN term_codes_json TEXT NOT NULL DEFAULT '[]'")
    add_status_columns(conn)
    _insert_area(conn, pack, version, origin, now)
    conn.execute(
        "INSERT INTO service_term (service_id, term_code, position) "
        "SELECT s.id, j.value, j.key FROM service s, json_each(s.term_codes_json) j"
    )


def drop_term_codes(conn: sqlite3.Connection) -> None:
    """The row column goes again (after anything that reads it, such as the FTS rows)."""
    conn.execute("ALTER TABLE service DROP COLUMN term_codes_json")
    drop_status_columns(conn)


STATUS_COLUMNS = ("status_detail", "status_from", "status_until")


def add_status_columns(conn: sqlite3.Connection) -> None:
    """Migration 9's columns, for today's loader to write into a file of schema 8 or older."""
    for col in STATUS_COLUMNS:
        conn.execute(f"ALTER TABLE service ADD COLUMN {col} TEXT")


def drop_status_columns(conn: sqlite3.Connection) -> None:
    for col in STATUS_COLUMNS:
        conn.execute(f"ALTER TABLE service DROP COLUMN {col}")
