"""Writing an area into a catalogue of an older schema, for the upgrade tests.

Today's loader writes a service's taxonomy codes on its row (migration 8); a file of schema 7
or older kept them in the ``service_term`` table. This puts them there, as the old loader did.
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
    _insert_area(conn, pack, version, origin, now)
    conn.execute(
        "INSERT INTO service_term (service_id, term_code, position) "
        "SELECT s.id, j.value, j.key FROM service s, json_each(s.term_codes_json) j"
    )


def drop_term_codes(conn: sqlite3.Connection) -> None:
    """The row column goes again (after anything that reads it, such as the FTS rows)."""
    conn.execute("ALTER TABLE service DROP COLUMN term_codes_json")
