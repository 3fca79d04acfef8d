"""The base vocabulary kept in step with the package's taxonomy, at every open of the catalogue.

Its own module because every open needs it and nothing else of the install machinery
(:mod:`~kompassen.catalogue.store.loader` and the catalogue model it imports).
"""

from __future__ import annotations

import json
import sqlite3

from kompassen.catalogue.pack.schema import base_taxonomy


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def sync_base_taxonomy(conn: sqlite3.Connection) -> None:
    """Insert or update the base vocabulary (codes never change meaning, labels may)."""
    rows = []
    tax = base_taxonomy()
    for plural, kind in (("groups", "group"), ("needs", "need"), ("handover", "handover")):
        for pos, term in enumerate(tax[plural]):
            rows.append(
                (
                    term["code"],
                    kind,
                    term["sv"],
                    term.get("en", ""),
                    _j(term.get("synonyms", [])),
                    pos,
                )
            )
    conn.executemany(
        """INSERT INTO taxonomy_term (code, kind, label_sv, label_en, synonyms_json, area_id, position)
           VALUES (?, ?, ?, ?, ?, NULL, ?)
           ON CONFLICT(code) DO UPDATE SET label_sv = excluded.label_sv,
             label_en = excluded.label_en, synonyms_json = excluded.synonyms_json,
             position = excluded.position
           WHERE (label_sv, label_en, synonyms_json, position) IS NOT
             (excluded.label_sv, excluded.label_en, excluded.synonyms_json, excluded.position)""",
        rows,
    )
