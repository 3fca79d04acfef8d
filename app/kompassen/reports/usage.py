"""Closed days of usage events → one sealed :class:`DayUsage` per area and day in the outbox.

The tablet keeps its usage events (:mod:`kompassen.device.events`) only until their
Stockholm calendar day is over. Then they are counted (codes only, the metrics of
:mod:`kompassen.reports.usage_format`), sealed to the area's office key and queued in the
outbox as kind ``usage``; the counted events are deleted in the same transaction, so a kill
at any point leaves either the events or the queued aggregate — never both, never none.
An area whose sealing key is still a placeholder keeps its events until real keys arrive.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from kompassen.core.clock import STOCKHOLM, Clock
from kompassen.core.errors import KompassenError
from kompassen.core.office_keys import is_placeholder_key
from kompassen.device.db import DeviceDb
from kompassen.reports.outbox import Outbox
from kompassen.reports.usage_format import KEY_PATTERN, MAX_KEYS, DayUsage, seal_usage

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Event:
    id: str
    kind: str
    day: str
    service_id: str | None
    landmark_id: str | None
    detail: dict[str, object]


def stockholm_day(at: str) -> str | None:
    """The Stockholm calendar day of an event time (None when it cannot be read)."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(STOCKHOLM).date().isoformat()


def _codes(value: object) -> list[str]:
    """The codes in a detail list; anything that is not a code (never words) is dropped."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v and KEY_PATTERN.match(v)]


def _key(value: object) -> str | None:
    return value if isinstance(value, str) and value and KEY_PATTERN.match(value) else None


def count_day(area_id: str, day: str, events: Iterable[_Event]) -> DayUsage:
    """The metrics of usage_format's docstring for one area's events of one day."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events:
        chips = _codes(ev.detail.get("groups")) + _codes(ev.detail.get("needs"))
        if ev.kind == "search":
            counts["search"][""] += 1
            counts["search"].update(set(chips))
        elif ev.kind == "zero_result":
            counts["zero"][""] += 1
            counts["zero"].update(set(chips))
            counts["zero_combo"]["+".join(sorted(set(chips)))] += 1
            counts["zero_word"].update(set(_codes(ev.detail.get("word_codes"))))
        elif ev.kind == "view":
            if (service := _key(ev.service_id)) is not None:
                counts["view"][service] += 1
        elif ev.kind == "handover":
            if (service := _key(ev.service_id)) is not None:
                counts["handover"][service] += 1
            counts["handover_place"][_key(ev.landmark_id) or ""] += 1
            counts["handover_chip"].update(set(chips))
        elif ev.kind == "report" and (kind := _key(ev.detail.get("kind"))) is not None:
            counts["report"][kind] += 1
    out: dict[str, dict[str, int]] = {}
    for metric, c in counts.items():
        # the format's bound per metric and day: the most frequent keys are kept
        out[metric] = dict(c.most_common(MAX_KEYS))
    return DayUsage(area_id, day, {m: v for m, v in out.items() if v})


def aggregate_closed_days(db: DeviceDb, clock: Clock, sealing_key_for: Callable[[str], str]) -> int:
    """Queue every closed (area, day) of usage events as one sealed aggregate; how many.

    Reads, seals, inserts and deletes in ONE transaction: exactly once under repeated runs
    and kills. Events of today stay. Areas without a real sealing key (a placeholder, or not
    installed) keep their events.
    """
    if db.damaged:
        return 0
    today = clock.now().astimezone(STOCKHOLM).date()
    now = clock.now().isoformat(timespec="seconds")
    queued = 0
    keys: dict[str, str | None] = {}
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT id, kind, at, area_id, service_id, landmark_id, detail FROM usage_event"
            " ORDER BY at, rowid"
        ).fetchall()
        groups: dict[tuple[str, str], list[_Event]] = defaultdict(list)
        for r in rows:
            day = stockholm_day(str(r[2]))
            if day is None or date.fromisoformat(day) >= today:
                continue
            try:
                detail = json.loads(r[6])
            except (TypeError, ValueError, RecursionError):
                detail = {}
            if not isinstance(detail, dict):
                detail = {}
            groups[(str(r[3]), day)].append(_Event(r[0], r[1], day, r[4], r[5], detail))
        for (area_id, day), events in sorted(groups.items()):
            if area_id not in keys:
                keys[area_id] = _real_key(area_id, sealing_key_for)
            key = keys[area_id]
            if key is None:
                continue
            usage = count_day(area_id, day, events)
            ids = [ev.id for ev in events]
            if usage.counts:
                Outbox.insert_usage(conn, area_id, day, seal_usage(usage, key), now)
                queued += 1
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(
                    f"DELETE FROM usage_event WHERE id IN ({', '.join('?' * len(chunk))})", chunk
                )
    if queued:
        # the counted events (times to the second, services, places) must not stay readable
        # in the WAL's old frames: a lost tablet holds as little as possible
        db.truncate_wal()
        log.info("queued %d daily usage aggregate(s)", queued)
    return queued


def _real_key(area_id: str, sealing_key_for: Callable[[str], str]) -> str | None:
    try:
        key = sealing_key_for(area_id)
    except (KompassenError, LookupError) as exc:
        log.warning("usage of %s kept: no sealing key (%s)", area_id, exc)
        return None
    if not key or is_placeholder_key(area_id, "sealing", key):
        log.info("usage of %s kept: the area has no office keys yet", area_id)
        return None
    return key
