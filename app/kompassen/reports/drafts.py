"""Report drafts: whatever the form holds, saved on every change so nothing typed is lost.

A draft is a partial report (a JSON object of the form's fields), not validated: validation
happens when the worker presses "Skicka" (:func:`kompassen.core.report.missing_fields`).
Saving commits under ``synchronous=FULL``, so a saved draft survives a crash or power loss.

Drafts are kept in clear, not sealed with a device key: see "What a lost tablet holds" in
docs/ADMIN_GUIDE.md for why. What is done instead is to leave nothing behind once a draft is
deleted or sent (:meth:`kompassen.device.db.DeviceDb.truncate_wal`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kompassen.core.clock import Clock
from kompassen.device.db import DeviceDb


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    created_at: str
    updated_at: str
    fields: dict[str, Any]


def new_draft_id() -> str:
    """A draft's id, made by whoever names the draft before it is saved (the form does)."""
    return str(uuid.uuid4())


class Drafts:
    """The draft table of device.db."""

    def __init__(self, db: DeviceDb, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def save(self, fields: Mapping[str, Any], draft_id: str | None = None) -> str:
        """Insert or replace a draft's fields; returns its id. Durable when this returns."""
        draft_id = draft_id or new_draft_id()
        now = self._clock.now().isoformat(timespec="seconds")
        data = json.dumps(dict(fields), ensure_ascii=False, sort_keys=True)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO draft (id, created_at, updated_at, fields) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at,"
                " fields = excluded.fields",
                (draft_id, now, now, data),
            )
        return draft_id

    def get(self, draft_id: str) -> Draft | None:
        """The draft, or None (also when its row is garbled: see :func:`_readable`)."""
        rows = self._db.query(
            "SELECT id, created_at, updated_at, fields FROM draft WHERE id = ?", (draft_id,)
        )
        found = _readable(self._db, rows)
        return found[0] if found else None

    def list(self) -> list[Draft]:
        """Newest change first (by the instant, so a DST change does not reorder them)."""
        rows = self._db.query(
            "SELECT id, created_at, updated_at, fields FROM draft ORDER BY rowid DESC"
        )
        drafts = _readable(self._db, rows)
        # stable sort: equal times keep the newest-inserted first
        drafts.sort(key=lambda d: datetime.fromisoformat(d.updated_at), reverse=True)
        return drafts

    def delete(self, draft_id: str) -> None:
        """Delete a draft so that none of its saved versions stays readable on the device.

        ``secure_delete`` overwrites it in the file; emptying the WAL removes the earlier
        versions every autosave left there (a lost tablet must not give them away).
        """
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))
        self._db.truncate_wal()


def _readable(db: DeviceDb, rows: Iterable[Any]) -> list[Draft]:
    """The drafts among ``rows``; a garbled one (a damaged page SQLite still reads) is left
    out and marks device.db damaged, so the others are still shown."""
    out = []
    for row in rows:
        draft = _draft(row)
        if draft is None:
            db.mark_damaged(f"garbled draft row {str(row[0])[:40]!r}")
        else:
            out.append(draft)
    return out


def _draft(row: Any) -> Draft | None:
    try:
        fields = json.loads(row[3])
        draft = Draft(str(row[0]), str(row[1]), str(row[2]), fields)
        datetime.fromisoformat(draft.updated_at)  # list() sorts by it
    except (TypeError, ValueError, RecursionError):
        return None
    return draft if isinstance(fields, dict) else None
