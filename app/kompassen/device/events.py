"""Usage events for the follow-up statistics: searches, views, handovers, reports sent.

Stored in ``device.db`` (the table is created by :mod:`kompassen.device.db`; writes go through
its one connection). Events carry codes and ids, never free text about a person.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Literal

from kompassen.core.clock import Clock
from kompassen.device.db import DeviceDb

# the CHECK constraint of device.db's usage_event table allows exactly these
EventKind = Literal["handover", "zero_result", "search", "view", "report"]


@dataclass(frozen=True, slots=True)
class UsageEvent:
    id: str
    kind: EventKind
    at: str
    area_id: str
    service_id: str | None
    landmark_id: str | None
    detail: dict[str, object]


class EventLog:
    """Appends usage events to device.db."""

    def __init__(self, db: DeviceDb, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self,
        kind: EventKind,
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
        with self._db.transaction() as conn:
            conn.execute(
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

    def events(self, kind: EventKind | None = None) -> list[UsageEvent]:
        sql = "SELECT id, kind, at, area_id, service_id, landmark_id, detail FROM usage_event"
        args: tuple[str, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            args = (kind,)
        rows = self._db.query(sql + " ORDER BY at, rowid", args)
        out = []
        for r in rows:
            try:
                detail = json.loads(r[6])
            except (TypeError, ValueError, RecursionError):  # a row garbled by a damaged page
                self._db.mark_damaged(f"garbled usage_event row {str(r[0])[:40]!r}")
                continue
            out.append(UsageEvent(r[0], r[1], r[2], r[3], r[4], r[5], detail))
        return out
