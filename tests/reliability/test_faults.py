"""Network faults between the real SyncClient and the real server: never lost, never twice.

Each test puts the fault proxy (tests/faultproxy.py) between a real device (device.db in
tmp_path, the bundled Klara area) and the real server (LiveServer, server.db in tmp_path), lets
a sync run into the fault, checks that the client says so in words and keeps the reports, then
clears the fault and checks that every report is on the server exactly once and every outbox
row is ``sent``. ``drop_after_commit`` is the case that matters most: the server stored the
batch but the answer never reached the device, so the retry must be answered ``duplicate``.
"""

from __future__ import annotations

import base64
import json
import random
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from faultproxy import FaultProxy
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.reports.sealing import open_sealed
from kompassen.sync.backoff import Backoff, SyncSchedule
from kompassen.sync.client import SyncClient, SyncReport
from kompassen.sync.tokens import TokenStore
from reliability import DEV_KEYS, outbox_by_status, server_items, uuid_counts
from serverutil import LiveServer

AREA = "klara"
TIMEOUT = 1.0  # the client's read timeout here: a hanging server costs a second, not ten


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    """One real server for the module (each test enrols its own device) and an office token."""
    server = LiveServer()
    server.start(tmp_path_factory.mktemp("server") / "server.db")
    try:
        yield server, server.office_token()
    finally:
        server.stop()


@pytest.fixture
def proxy(live: tuple[LiveServer, str]) -> Iterator[FaultProxy]:
    server, _ = live
    port = int(server.url.rsplit(":", 1)[1])
    with FaultProxy("127.0.0.1", port, slow_chunk=8, slow_interval=0.005) as p:
        yield p


class Device:
    """An enrolled tablet talking to the server through the proxy."""

    def __init__(self, ctx: AppContext, server: LiveServer, proxy: FaultProxy, batch: int) -> None:
        self.ctx = ctx
        self.tokens = TokenStore(ctx.paths.token_file, use_keyring=False)
        self.client = SyncClient(
            ctx.outbox,
            ctx.catalogue,
            self.tokens,
            ctx.device_db,
            ctx.clock,
            batch_size=batch,
            timeout=TIMEOUT,
        )
        self.device_id = self.client.enrol(proxy.url, server.enrolment_code(), "Feltest").device_id
        self.key = ctx.catalogue.reader.area(AREA).sealing_public_key
        self.n = 0

    def submit(self, count: int) -> list[str]:
        uuids = []
        for _ in range(count):
            self.n += 1
            occurred = (self.ctx.clock.now() - timedelta(minutes=3)).isoformat()
            report = Report(
                "unsolved", AREA, occurred, text=f"Feltest nummer {self.n}: ingen plats."
            )
            uuids.append(self.ctx.outbox.submit(report, self.key))
        return uuids

    def sync(self) -> SyncReport:
        return self.client.sync(pull=False)


@pytest.fixture
def devices() -> Iterator[list[Device]]:
    """Closes the devices' HTTP clients after the test (no socket left to the collector)."""
    made: list[Device] = []
    yield made
    for d in made:
        d.client.close()


def make_device(
    ctx: AppContext,
    live: tuple[LiveServer, str],
    proxy: FaultProxy,
    devices: list[Device],
    batch: int = 200,
) -> Device:
    devices.append(Device(ctx, live[0], proxy, batch))
    return devices[-1]


def assert_exactly_once(device: Device, live: tuple[LiveServer, str], uuids: list[str]) -> None:
    """Every uuid on the server once (and nothing else of this device), every row sent."""
    server, office = live
    items = server_items(server.api, office, device.device_id)
    counts = uuid_counts(items)
    assert sorted(counts) == sorted(uuids), "lost or foreign reports on the server"
    assert set(counts.values()) == {1}, f"duplicated on the server: {counts.most_common(3)}"
    by_status = outbox_by_status(device.ctx.paths.device_db)
    assert by_status == {"sent": set(uuids)}
    private = json.loads(DEV_KEYS.read_text())["sealing_private"]
    for item in items:  # what arrived is the report that was sealed, under its own uuid
        envelope = open_sealed(base64.b64decode(item["sealed"]), private)
        assert envelope["uuid"] == item["uuid"]
        assert envelope["report"]["text"].startswith("Feltest nummer ")


def assert_failed_in_words(report: SyncReport) -> None:
    assert not report.ok
    assert report.error_sv and report.error_en
    assert "utkorgen" in report.error_sv and "outbox" in report.error_en


@pytest.mark.parametrize("fault", ["500", "timeout", "reset", "drop_after_commit"])
def test_fault_then_recovery_delivers_each_report_once(
    ctx: AppContext,
    live: tuple[LiveServer, str],
    proxy: FaultProxy,
    devices: list[Device],
    fault: str,
) -> None:
    device = make_device(ctx, live, proxy, devices)
    uuids = device.submit(3)
    proxy.script([fault], match="/submissions")
    t0 = time.monotonic()
    failed = device.sync()
    assert time.monotonic() - t0 < TIMEOUT + 5, "the client hung on the fault"
    assert_failed_in_words(failed)
    assert failed.sent == 0 and failed.queued_left == 3
    # the reports wait in the queue, none stuck in 'sending', one attempt counted
    assert outbox_by_status(ctx.paths.device_db) == {"queued": set(uuids)}
    assert {i.attempts for i in ctx.outbox.items()} == {1}
    assert {i.last_error for i in ctx.outbox.items()} == {failed.error_sv}
    stored_before = len(server_items(live[0].api, live[1], device.device_id))
    assert stored_before == (3 if fault == "drop_after_commit" else 0)

    retry = device.sync()  # the proxy's script is used up: everything passes now
    assert retry.ok, retry.error_en
    assert retry.error_sv is None and retry.queued_left == 0
    if fault == "drop_after_commit":  # the server had them: answered duplicate, no new rows
        assert (retry.sent, retry.duplicates) == (0, 3)
    else:
        assert (retry.sent, retry.duplicates) == (3, 0)
    assert_exactly_once(device, live, uuids)
    assert proxy.modes_seen("/submissions") == [fault, "pass"]


@pytest.mark.parametrize("fault", ["500", "drop_after_commit", "reset"])
def test_fault_in_a_later_batch_keeps_the_earlier_ones_sent(
    ctx: AppContext,
    live: tuple[LiveServer, str],
    proxy: FaultProxy,
    devices: list[Device],
    fault: str,
) -> None:
    """Batches of 2: the first batch gets through, the second hits the fault, the rest waits."""
    device = make_device(ctx, live, proxy, devices, batch=2)
    uuids = device.submit(5)
    proxy.script(["pass", fault], match="/submissions")
    failed = device.sync()
    assert_failed_in_words(failed)
    assert failed.sent == 2 and failed.queued_left == 3
    by_status = outbox_by_status(ctx.paths.device_db)
    assert len(by_status["sent"]) == 2 and len(by_status["queued"]) == 3
    assert "sending" not in by_status

    retry = device.sync()
    assert retry.ok, retry.error_en
    dup = 2 if fault == "drop_after_commit" else 0
    assert (retry.sent, retry.duplicates) == (3 - dup, dup)
    assert_exactly_once(device, live, uuids)


def test_repeated_faults_then_recovery(
    ctx: AppContext, live: tuple[LiveServer, str], proxy: FaultProxy, devices: list[Device]
) -> None:
    """Every kind of fault in a row, new reports in between: all arrive once in the end."""
    device = make_device(ctx, live, proxy, devices, batch=3)
    uuids: list[str] = []
    faults = ["drop_after_commit", "500", "reset", "drop_after_commit", "timeout"]
    for fault in faults:
        uuids += device.submit(2)
        proxy.script([fault], match="/submissions")
        assert_failed_in_words(device.sync())
    assert ctx.outbox.counts()["queued"] == len(uuids)
    report = device.sync()
    assert report.ok, report.error_en
    assert report.sent + report.duplicates == len(uuids)
    assert report.duplicates >= 2  # at least the first drop_after_commit's batch
    assert_exactly_once(device, live, uuids)


def test_slow_network_still_delivers(
    ctx: AppContext, live: tuple[LiveServer, str], proxy: FaultProxy, devices: list[Device]
) -> None:
    """An answer dribbled 8 bytes every 5 ms (~0.5 s in all, each wait far under TIMEOUT) is read."""
    device = make_device(ctx, live, proxy, devices, batch=4)
    uuids = device.submit(6)
    proxy.script(then="slow", match="/submissions")
    t0 = time.monotonic()
    report = device.sync()
    took = time.monotonic() - t0
    assert report.ok, report.error_en
    assert (report.sent, report.duplicates) == (6, 0)
    assert proxy.modes_seen("/submissions") == ["slow", "slow"]
    assert took > 0.1  # it really was dribbled
    assert_exactly_once(device, live, uuids)


def test_server_gone_is_said_in_words(
    ctx: AppContext, live: tuple[LiveServer, str], proxy: FaultProxy, devices: list[Device]
) -> None:
    """Nothing listening at all (the proxy stopped): ok=False, reports kept, no hang."""
    device = make_device(ctx, live, proxy, devices)
    uuids = device.submit(2)
    proxy.stop()
    t0 = time.monotonic()
    report = device.sync()
    assert time.monotonic() - t0 < 5
    assert_failed_in_words(report)
    assert outbox_by_status(ctx.paths.device_db) == {"queued": set(uuids)}


def test_backoff_grows_with_jitter_across_failures(
    ctx: AppContext,
    live: tuple[LiveServer, str],
    proxy: FaultProxy,
    devices: list[Device],
    clock: FixedClock,
) -> None:
    """The GUI's schedule after real failed syncs: waits within a doubling ceiling, jittered,
    the same reports retried each time; one success resets it to the normal interval."""
    device = make_device(ctx, live, proxy, devices)
    uuids = device.submit(2)
    backoff = Backoff(base=2.0, cap=60.0, rng=random.Random(7))
    schedule = SyncSchedule(clock, backoff, interval=120.0)
    assert schedule.due()
    proxy.script(then="500", match="/submissions")
    delays: list[float] = []
    ceilings: list[float] = []
    for n in range(1, 9):
        report = device.sync()
        assert_failed_in_words(report)
        schedule.record(report.ok)
        assert schedule.failures == n
        delay = (schedule.next_at - clock.now()).total_seconds()
        delays.append(delay)
        ceilings.append(backoff.ceiling(n))
        assert 0 <= delay <= backoff.ceiling(n)
        assert not schedule.due() or delay == 0
        clock.advance(timedelta(seconds=delay))
        assert schedule.due()
        assert {i.attempts for i in ctx.outbox.items()} == {n}
    assert ceilings == [4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0, 60.0]
    assert len(set(delays)) == len(delays), "no jitter: the same wait every time"
    assert max(delays[4:]) > max(delays[:2])  # the waits grow with the failures
    # the jitter is full (uniform below the ceiling): its mean is half the ceiling
    sample = [Backoff(2.0, 60.0, random.Random(s)).delay(3) for s in range(2000)]
    assert 7.0 < sum(sample) / len(sample) < 9.0 and max(sample) <= 16.0

    proxy.clear()
    ok = device.sync()
    assert ok.ok and ok.sent == 2
    schedule.record(ok.ok)
    assert schedule.failures == 0
    assert schedule.next_at == clock.now() + timedelta(seconds=120)
    assert_exactly_once(device, live, uuids)


def test_proxy_counts_what_it_saw(tmp_path: Path, live: tuple[LiveServer, str]) -> None:
    """The proxy itself: an unknown mode is refused, scripts are used up in order."""
    server, _ = live
    port = int(server.url.rsplit(":", 1)[1])
    with FaultProxy("127.0.0.1", port) as p:
        with pytest.raises(ValueError):
            p.script(["flaky"])
        p.script(["500", "slow"], then="pass", match="/health")
        codes = [httpx.get(f"{p.url}/api/v1/health", timeout=5).status_code for _ in range(3)]
        assert codes == [500, 200, 200]
        assert p.modes_seen("/health") == ["500", "slow", "pass"]
