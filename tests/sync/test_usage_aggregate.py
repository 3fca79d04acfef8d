"""Issue #18: closed days of usage events become one sealed aggregate per area and day in the
outbox, exactly once (a failure mid-way leaves the events, never both), placeholders keep
their events, and the sync pushes the aggregate with its kind and day to the real server."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from kompassen.compose import AppContext
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.office_keys import placeholder_key
from kompassen.device.events import EventLog
from kompassen.reports.usage import aggregate_closed_days
from kompassen.reports.usage_format import open_usage
from kompassen.sync.client import SyncClient
from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS, queue

YESTERDAY = FixedClock(datetime(2026, 11, 22, 23, 30, tzinfo=STOCKHOLM))


def _key(ctx: AppContext) -> str:
    return ctx.catalogue.reader.area("klara").sealing_public_key


def _yesterday(ctx: AppContext, area: str = "klara") -> None:
    log = EventLog(ctx.device_db, YESTERDAY)
    chips = {"groups": ["group.youth"], "needs": ["need.shelter-tonight"]}
    log.record("search", area, detail={**chips, "word_codes": []})
    log.record("search", area, detail={"groups": [], "needs": [], "word_codes": []})
    log.record("zero_result", area, detail={**chips, "time": "now", "word_codes": ["need.food"]})
    log.record("view", area, service_id="svc-1")
    log.record("handover", area, service_id="svc-1", landmark_id="lm-2", detail=chips)
    log.record("report", area, detail={"kind": "unsolved"})


def _events(ctx: AppContext) -> int:
    return int(ctx.device_db.query("SELECT count(*) FROM usage_event")[0][0])


def _usage_rows(ctx: AppContext) -> list[sqlite3.Row]:
    return ctx.device_db.query("SELECT area_id, day, sealed FROM outbox WHERE kind = 'usage'")


def test_a_closed_day_is_counted_sealed_queued_once_and_its_events_go(ctx: AppContext) -> None:
    assert _key(ctx) == DEV_KEYS["sealing_public"]
    _yesterday(ctx)
    ctx.events.record("search", "klara", detail={"groups": [], "needs": [], "word_codes": []})

    def key_for(area_id: str) -> str:
        return ctx.catalogue.reader.area(area_id).sealing_public_key

    assert aggregate_closed_days(ctx.device_db, ctx.clock, key_for) == 1
    for _ in range(3):  # repeated runs queue nothing more
        assert aggregate_closed_days(ctx.device_db, ctx.clock, key_for) == 0
    (row,) = _usage_rows(ctx)
    assert (row[0], row[1]) == ("klara", "2026-11-22")
    usage = open_usage(row[2], DEV_KEYS["sealing_private"])
    assert usage.day == "2026-11-22"
    assert usage.counts == {
        "search": {"": 2, "group.youth": 1, "need.shelter-tonight": 1},
        "zero": {"": 1, "group.youth": 1, "need.shelter-tonight": 1},
        "zero_combo": {"group.youth+need.shelter-tonight": 1},
        "zero_word": {"need.food": 1},
        "view": {"svc-1": 1},
        "handover": {"svc-1": 1},
        "handover_place": {"lm-2": 1},
        "handover_chip": {"group.youth": 1, "need.shelter-tonight": 1},
        "report": {"unsolved": 1},
    }
    assert _events(ctx) == 1  # today's search stays until the day is over
    # the Rapporter tab lists reports only
    assert ctx.outbox.items(reports_only=True) == []
    assert [i.kind for i in ctx.outbox.items()] == ["usage"]


def test_a_failure_mid_way_leaves_the_events_and_queues_nothing(ctx: AppContext) -> None:
    _yesterday(ctx)
    _yesterday(ctx, "other-area")

    def broken(area_id: str) -> str:
        if area_id == "other-area":
            raise RuntimeError("killed between two areas")
        return _key(ctx)

    with pytest.raises(RuntimeError):
        aggregate_closed_days(ctx.device_db, ctx.clock, broken)
    assert _events(ctx) == 12 and _usage_rows(ctx) == []
    assert aggregate_closed_days(ctx.device_db, ctx.clock, lambda a: _key(ctx)) == 2
    assert _events(ctx) == 0 and len(_usage_rows(ctx)) == 2


def test_an_area_without_office_keys_keeps_its_events(ctx: AppContext) -> None:
    _yesterday(ctx, "imported")
    _yesterday(ctx)

    def key_for(area_id: str) -> str:
        return placeholder_key(area_id, "sealing") if area_id == "imported" else _key(ctx)

    assert aggregate_closed_days(ctx.device_db, ctx.clock, key_for) == 1
    assert _events(ctx) == 6
    assert {r[0] for r in ctx.device_db.query("SELECT area_id FROM usage_event")} == {"imported"}


def test_sync_aggregates_and_pushes_usage_with_kind_and_day(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    _yesterday(ctx)
    queue(ctx, 1)
    report = enrolled.sync(pull=False)
    assert report.ok and report.sent == 2, report
    assert _events(ctx) == 0
    office = bearer(live.office_token())
    usage = httpx.get(f"{live.api}/office/usage", headers=office).json()["items"]
    assert [(u["area_id"], u["day"]) for u in usage] == [("klara", "2026-11-22")]
    subs = httpx.get(f"{live.api}/office/submissions", headers=office).json()["items"]
    assert [s["kind"] for s in subs] == ["report"]
    assert enrolled.sync(pull=False).sent == 0  # nothing twice


KILLED = """
import os, sys
from datetime import datetime
from pathlib import Path
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.device.db import DeviceDb
from kompassen.reports.usage import aggregate_closed_days

db = DeviceDb(Path(sys.argv[1]), Path(sys.argv[2]), datetime.now(STOCKHOLM))
clock = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM))
def key_for(area_id):
    if area_id == "other-area":
        os._exit(9)  # killed after the first area's aggregate was inserted
    return sys.argv[3]
aggregate_closed_days(db, clock, key_for)
"""


def test_a_kill_mid_way_leaves_the_events_and_no_aggregate(ctx: AppContext, tmp_path: Path) -> None:
    _yesterday(ctx)
    _yesterday(ctx, "other-area")
    path = ctx.device_db.path
    ctx.device_db.truncate_wal()
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(path), str(tmp_path / "bk"), _key(ctx)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 9, done.stderr
    assert _events(ctx) == 12 and _usage_rows(ctx) == []
    assert aggregate_closed_days(ctx.device_db, ctx.clock, lambda a: _key(ctx)) == 2
    assert _events(ctx) == 0 and len(_usage_rows(ctx)) == 2
