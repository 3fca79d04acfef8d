"""Usage events for the follow-up statistics: handovers, searches that found nothing.

Stored in ``device.db`` (WAL, one writer: this class). Events carry codes and ids, never
free text about a person. The sync issue uploads them; until then they stay on the device.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from kompassen.core.clock import Clock

SCHEMA = """
CREATE TABLE IF NOT EXISTS usage_event (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('handover', 'zero_result', 'search')),
    at TEXT NOT NULL,
    area_id TEXT NOT NULL,
    service_id TEXT,
    landmark_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    synced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS usage_event_kind_at ON usage_event(kind, at);
"""


@dataclass(frozen=True, slots=True)
class UsageEvent:
    id: str
    kind: str
    at: str
    area_id: str
    service_id: str | None
    landmark_id: str | None
    detail: dict[str, object]


class EventLog:
    """Appends usage events; the only writer of the ``usage_event`` table."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self._clock = clock
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.executescript(SCHEMA)

    def record(
        self,
        kind: str,
        area_id: str,
        *,
        service_id: str | None = None,
        landmark_id: str | None = None,
        detail: dict[str, object] | None = None,
    ) -> UsageEvent:
        """Store one event durably before returning."""
        ev = UsageEvent(
            str(uuid.uuid4()),
            kind,
            self._clock.now().isoformat(timespec="seconds"),
            area_id,
            service_id,
            landmark_id,
            dict(detail or {}),
        )
        self._conn.execute(
            "INSERT INTO usage_event (id, kind, at, area_id, service_id, landmark_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                ev.id,
                kind,
                ev.at,
                area_id,
                service_id,
                landmark_id,
                json.dumps(ev.detail, ensure_ascii=False, sort_keys=True),
            ),
        )
        return ev

    def events(self, kind: str | None = None) -> list[UsageEvent]:
        sql = "SELECT id, kind, at, area_id, service_id, landmark_id, detail FROM usage_event"
        args: tuple[str, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            args = (kind,)
        rows = self._conn.execute(sql + " ORDER BY at, rowid", args).fetchall()
        return [UsageEvent(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows]

    def close(self) -> None:
        self._conn.close()
