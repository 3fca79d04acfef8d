"""Per-service facts a hit shows, read from SQLite for the page shown, not kept for all.

Keeping every service's name, ids, codes and opening hours as Python objects cost ~3.7 MB per
1,000 services and most of the first search's time (building 100k ``OpeningHours``); a
keystroke shows 20 hits, so the rows of those are read by rowid (a primary-key lookup each)
and the last few thousand are kept.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from kompassen.catalogue.store.hours_rows import hours_dict
from kompassen.core.hours import OpeningHours

KEEP = 4000  # rows kept (a few pages of every recent search)
CHUNK = 500  # rowids per IN (...) query, well under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """What a hit needs about one service."""

    id: str
    name: str
    organization: str
    status: str
    verified_at: str
    age_min: int | None
    age_max: int | None
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    modes: tuple[str, ...]
    coords: tuple[float, float] | None
    hours: OpeningHours | None
    status_detail: str | None = None  # inactive | defunct ("closed" of an old pack: None)
    status_from: date | None = None
    status_until: date | None = None


class ServiceRows:
    """Rows by catalogue position (``rowids[pos]`` is the service's SQLite rowid)."""

    def __init__(self, conn: sqlite3.Connection, rowids: np.ndarray, kinds: dict[str, str]) -> None:
        self._conn = conn
        self._rowids = rowids
        self._kinds = kinds
        self._kept: OrderedDict[int, ServiceRow] = OrderedDict()

    def get(self, pos: int) -> ServiceRow:
        """The row of one position (read now unless :meth:`fetch` read it recently)."""
        row = self._kept.get(pos)
        if row is None:
            return self.fetch((pos,))[0]
        self._kept.move_to_end(pos)
        return row

    def fetch(self, positions: Iterable[int]) -> list[ServiceRow]:
        """Rows of many positions at once, in the order given (one query per table)."""
        want = [int(p) for p in positions]
        missing = sorted({p for p in want if p not in self._kept})
        for start in range(0, len(missing), CHUNK):
            for pos, row in self._read(missing[start : start + CHUNK]):
                self._kept[pos] = row
        out = [self._kept[p] for p in want]
        while len(self._kept) > max(KEEP, len(want)):
            self._kept.popitem(last=False)
        return out

    def ids(self, positions: Sequence[int]) -> list[str]:
        """Service ids of positions, without reading the rest of their rows."""
        out: list[str] = []
        for start in range(0, len(positions), CHUNK):
            part = [int(self._rowids[int(p)]) for p in positions[start : start + CHUNK]]
            marks = ",".join("?" * len(part))
            got = dict(
                self._conn.execute(f"SELECT rowid, id FROM service WHERE rowid IN ({marks})", part)
            )
            out.extend(got[r] for r in part)
        return out

    def _read(self, positions: list[int]) -> list[tuple[int, ServiceRow]]:
        by_rowid = {int(self._rowids[p]): p for p in positions}
        marks = ",".join("?" * len(by_rowid))
        q = self._conn.execute
        rows = q(
            "SELECT s.rowid, s.id, s.name, o.name AS org, s.status, s.verified_at, "
            "s.hours_known, s.always_open, s.holiday_policy, s.eve_policy, s.hours_note, "
            "h.age_min, h.age_max, s.term_codes_json, s.status_detail, s.status_from, "
            "s.status_until FROM service s "
            "JOIN organization o ON o.id = s.organization_id "
            f"LEFT JOIN handover h ON h.service_id = s.id WHERE s.rowid IN ({marks})",
            list(by_rowid),
        ).fetchall()
        ids = [r["id"] for r in rows]
        id_marks = ",".join("?" * len(ids))
        sched: dict[str, list[sqlite3.Row]] = {}
        for r in q(
            f"SELECT * FROM schedule WHERE service_id IN ({id_marks}) "
            "ORDER BY service_id, kind DESC, position",
            ids,
        ):
            sched.setdefault(r["service_id"], []).append(r)
        coords: dict[str, tuple[float, float]] = {}
        for sid, lat, lon in q(
            "SELECT sal.service_id, l.lat, l.lon FROM service_at_location sal "
            "JOIN location l ON l.id = sal.location_id "
            f"WHERE sal.service_id IN ({id_marks}) AND l.lat IS NOT NULL "
            "ORDER BY sal.service_id, sal.position DESC",
            ids,
        ):
            coords[sid] = (lat, lon)  # position DESC: the first location wins
        out = []
        for r in rows:
            sid = r["id"]
            cs = json.loads(r["term_codes_json"])
            d = hours_dict(r, sched.get(sid, []))
            row = ServiceRow(
                id=sid,
                name=r["name"],
                organization=r["org"],
                status=r["status"],
                verified_at=r["verified_at"],
                age_min=r["age_min"],
                age_max=r["age_max"],
                groups=tuple(c for c in cs if self._kinds.get(c) == "group"),
                needs=tuple(c for c in cs if self._kinds.get(c) == "need"),
                modes=tuple(c for c in cs if self._kinds.get(c) == "handover"),
                coords=coords.get(sid),
                hours=None if d is None else OpeningHours.from_dict(d),
                status_detail=r["status_detail"] if r["status_detail"] != "closed" else None,
                status_from=_day(r["status_from"]),
                status_until=_day(r["status_until"]),
            )
            out.append((by_rowid[r["rowid"]], row))
        return out


def _day(text: str | None) -> date | None:
    """An ISO date column (validated at install); anything else is no date."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
