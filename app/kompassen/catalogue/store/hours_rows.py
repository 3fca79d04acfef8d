"""Opening hours as the catalogue stores them (schedule rows) turned back into pack form.

Apart from the loader, so that the search engine can read hours without importing the
install code (and the loader can call the search snapshot without an import cycle).
"""

from __future__ import annotations

import sqlite3
from typing import Any

DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HSDS_DAYS = dict(zip(DAY_CODES, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
_PACK_DAYS = {v: k for k, v in HSDS_DAYS.items()}


def put(d: dict[str, Any], key: str, value: Any, default: Any = "") -> None:
    """Set only non-default values, so dumps equal the canonical (minimal) pack form."""
    if value is not None and value != default:
        d[key] = value


def schedules_by_service(conn: sqlite3.Connection, area_id: str) -> dict[str, list[sqlite3.Row]]:
    """Schedule rows of an area's services, weekly rules before exceptions, in pack order."""
    sched: dict[str, list[sqlite3.Row]] = {}
    for r in conn.execute(
        "SELECT sc.* FROM schedule sc JOIN service s ON s.id = sc.service_id "
        "WHERE s.area_id = ? ORDER BY sc.service_id, sc.kind DESC, sc.position",
        (area_id,),
    ):
        sched.setdefault(r["service_id"], []).append(r)
    return sched


def hours_dict(s: sqlite3.Row, rows: list[sqlite3.Row]) -> dict[str, Any] | None:
    """Opening hours of a service row and its schedule rows, in pack form (None = unknown)."""
    if not s["hours_known"]:
        return None
    hours: dict[str, Any] = {}
    put(hours, "always_open", bool(s["always_open"]), False)
    weekly = [
        {
            "days": [_PACK_DAYS[d] for d in r["byday"].split(",")],
            "opens": r["opens_at"],
            "closes": r["closes_at"],
        }
        for r in rows
        if r["kind"] == "weekly"
    ]
    put(hours, "weekly", weekly, [])
    put(hours, "holidays", s["holiday_policy"], "normal")
    put(hours, "holiday_eves", s["eve_policy"], "normal")
    exceptions = []
    for r in rows:
        if r["kind"] != "exception":
            continue
        exc: dict[str, Any] = {"date": r["valid_date"]}
        put(exc, "closed", bool(r["closed"]), False)
        put(exc, "opens", r["opens_at"])
        put(exc, "closes", r["closes_at"])
        put(exc, "note", r["note"])
        exceptions.append(exc)
    put(hours, "exceptions", exceptions, [])
    put(hours, "note", s["hours_note"])
    return hours
