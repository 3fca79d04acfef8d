"""Fixtures for the sync client: the real server on 127.0.0.1 and a real device home.

The keyring is switched off (``KOMPASSEN_KEYRING=0``) so tokens go to the 0600 file in the
test's home and never touch the developer's own keyring.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.server.db import SYSTEM
from kompassen.sync.client import SyncClient
from serverutil import LiveServer

REPO = Path(__file__).resolve().parents[2]
DEV_KEYS: dict[str, str] = json.loads(
    (REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8")
)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def server_clock() -> FixedClock:
    """The server's own clock (the device has the ``clock`` fixture)."""
    return FixedClock(datetime(2026, 11, 23, 12, 5, tzinfo=ZoneInfo("Europe/Stockholm")))


@pytest.fixture
def live(tmp_path: Path, server_clock: FixedClock) -> Iterator[LiveServer]:
    with LiveServer(clock=server_clock) as server:
        server.start(tmp_path / "server.db")
        yield server


@pytest.fixture
def client(ctx: AppContext) -> Iterator[SyncClient]:
    c = ctx.sync_client(timeout=20.0)
    yield c
    c.close()


@pytest.fixture
def enrolled(client: SyncClient, live: LiveServer) -> SyncClient:
    """The device's client, enrolled with the live server."""
    client.enrol(live.url, live.enrolment_code(), "Testplatta")
    return client


def make_report(i: int = 0, area_id: str = "klara", **changes: Any) -> Report:
    fields: dict[str, Any] = {
        "kind": "observation",
        "area_id": area_id,
        "occurred_at": "2026-11-23T22:10:00+01:00",
        "text": f"Testrapport nummer {i}: många i kön vid härbärget.",
        "needs": ["need.shelter-tonight"],
        "lang": "sv",
    }
    fields.update(changes)
    return Report.from_dict(fields)


def queue(ctx: AppContext, n: int, area_id: str = "klara") -> list[str]:
    """``n`` sealed reports in the device's outbox; their uuids, oldest first."""
    key = ctx.catalogue.reader.area(area_id).sealing_public_key
    return [ctx.outbox.submit(make_report(i, area_id), key) for i in range(n)]


def server_rows(live: LiveServer) -> list[tuple[str, str]]:
    """(device_id, uuid) of every submission the server holds."""
    with live.app.state.db.read(SYSTEM) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT device_id, uuid FROM submission")]
