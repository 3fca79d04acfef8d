"""kill -9 at random moments: no report is lost and none arrives twice.

One real server (LiveServer, server.db in tmp_path) behind the fault proxy, one enrolled
device (KOMPASSEN_HOME in tmp_path, token in a file). A worker process
(``crash_worker.py``) submits a report and syncs, over and over; this test kills it with
SIGKILL after a random 0.02–0.6 s (seeded), now and then while it is still starting, and
starts it again, until 1,000 submit cycles have completed. Each life is its own process,
forked from a zygote that imported everything once (a fresh interpreter costs ~1 s here). Every third life runs with the
proxy in "slow" mode (the request held back a little and the answer dribbled), so many kills
land mid-request, some after the server stored a batch and before the device heard: the
restarted worker's ``recover()`` resends those and the server answers ``duplicate``.

At the end a clean sync, then: the server's uuids for the device == the outbox's uuids, every
``SUBMITTED`` uuid the worker printed is on the server, none has two rows, no outbox row is
left ``queued``/``sending``, and every stored blob opens to the report sealed under its uuid.

The second test kills the other side: the SERVER runs as its own process (``server_worker.py``,
a zygote too) and is SIGKILLed ``SERVER_KILLS`` times while one device life submits and syncs
through the proxy, then restarted on the same server.db. Each kill is one of: while it starts
(opening and recovering server.db), mid-request (a batch has reached it: before, during or
just after the commit), after the commit with the answer lost (the proxy drops it, then the
server dies), or at a random moment. Same checks at the end.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from faultproxy import FaultProxy
from kompassen.compose import build
from kompassen.core.clock import SystemClock
from kompassen.device.logs import close_logging
from kompassen.reports.sealing import open_sealed
from kompassen.server import admin
from kompassen.server.db import ServerDb
from reliability import DEV_KEYS, outbox_by_status, server_items, uuid_counts
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

WORKER = Path(__file__).with_name("crash_worker.py")
SERVER_WORKER = Path(__file__).with_name("server_worker.py")
TARGET_CYCLES = 1000
SERVER_KILLS = 100
SEED = 20261123


class Worker:
    """The zygote process and the lives it forks: their lines, routed by life, as they come."""

    def __init__(
        self, env: dict[str, str], stderr: Path, argv: tuple[str, ...] = (str(WORKER), "--zygote")
    ) -> None:
        self.lines: dict[int, list[str]] = {}
        self.pids: dict[int, int] = {}
        self.dead: dict[int, int] = {}
        self.ready: set[int] = set()
        self._cond = threading.Condition()
        self.stderr = stderr
        with stderr.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, *argv],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                bufsize=1,
            )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            head, _, rest = raw.rstrip("\n").partition(" ")
            with self._cond:
                if head == "PID":
                    life, pid = rest.split()
                    self.pids[int(life)] = int(pid)
                elif head == "DEAD":
                    life, status = rest.split()
                    self.dead[int(life)] = int(status)
                elif head.isdigit():
                    self.lines.setdefault(int(head), []).append(rest)
                    if rest.startswith("READY"):
                        self.ready.add(int(head))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def _wait(self, what: str, done: Callable[[], bool], timeout: float = 30) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: done() or self.proc.poll() is not None, timeout):
                raise AssertionError(f"the worker did not {what} in {timeout} s")
            if not done():
                raise AssertionError(f"the worker process ended ({self.proc.poll()})")

    def start(self, life: int, seed: int) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{life} {seed}\n")
        self.proc.stdin.flush()
        self._wait("fork", lambda: life in self.pids)

    def wait_ready(self, life: int) -> None:
        self._wait("start up", lambda: life in self.ready or life in self.dead)
        if life not in self.ready:
            raise AssertionError(f"life {life} died starting up:\n{self.stderr.read_text()}")

    def kill(self, life: int) -> list[str]:
        """SIGKILL the life, wait until the zygote reaped it; all it printed."""
        os.kill(self.pids[life], signal.SIGKILL)
        self._wait("reap the child", lambda: life in self.dead)
        status = self.dead[life]
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"life {life} ended by itself (wait status {status})"
        )
        with self._cond:
            return list(self.lines.get(life, []))

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.mark.slow
def test_kill_9_loses_and_duplicates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    home = tmp_path / "device"
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")  # the token goes to a file the worker reads
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}
    stderr = tmp_path / "worker-stderr.txt"
    with LiveServer() as server:
        server.start(tmp_path / "server.db")
        office = server.office_token()
        port = int(server.url.rsplit(":", 1)[1])
        with FaultProxy(
            "127.0.0.1", port, slow_chunk=24, slow_interval=0.004, slow_delay=0.05
        ) as proxy:
            ctx = build({"KOMPASSEN_HOME": str(home)})
            client = ctx.sync_client()
            device_id = client.enrol(proxy.url, server.enrolment_code(), "Krocktest").device_id
            client.close()
            ctx.close()

            printed: list[str] = []
            ended_on: Counter[str] = Counter()  # the life's last line when it was killed
            in_request: Counter[str] = Counter()  # proxy phase of its request at the kill
            answered: Counter[str] = Counter()
            kills = 0
            t0 = time.monotonic()
            worker = Worker(env, stderr)
            try:
                while len(printed) < TARGET_CYCLES:
                    life = kills
                    slow = life % 3 == 2
                    proxy.script(then="slow" if slow else "pass", match="/submissions")
                    started = time.monotonic()
                    worker.start(life, rng.randrange(1 << 30))
                    if rng.random() < 0.1:  # now and then while it starts up (recover, open)
                        time.sleep(rng.uniform(0.0, 0.1))
                    else:
                        worker.wait_ready(life)
                        time.sleep(rng.uniform(0.02, 0.6))
                    flying = [
                        e
                        for e in proxy.in_flight()
                        if "/submissions" in e.path and e.started >= started
                    ]
                    lines = worker.kill(life)
                    kills += 1
                    for e in flying:
                        in_request[e.phase] += 1
                    ended_on[lines[-1].split()[0] if lines else "(nothing)"] += 1
                    for line in lines:
                        word, *rest = line.split()
                        if word == "SUBMITTED":
                            printed.append(rest[0])
                        elif word == "SYNCED":
                            answered["stored"] += int(rest[0])
                            answered["duplicate"] += int(rest[1])
                            answered["failed syncs"] += rest[2] == "0"
                    assert time.monotonic() - t0 < 240, "the crash run is far too slow"
            finally:
                worker.close()
            run_s = time.monotonic() - t0

            proxy.clear()
            ctx = build({"KOMPASSEN_HOME": str(home)})
            recovered = ctx.outbox.counts().get("queued", 0)
            client = ctx.sync_client()
            final = client.sync(pull=False)
            client.close()
            ctx.close()
            close_logging()
        items = server_items(server.api, office, device_id)

    assert final.ok, final.error_en
    counts = uuid_counts(items)
    outbox = outbox_by_status(ctx.paths.device_db)
    summary = (
        f"{len(printed)} cycles in {run_s:.0f} s, {kills} kills (one per life): "
        f"last line at the kill {dict(ended_on)} ('SYNC' = mid-sync), "
        f"request in flight at the kill by proxy phase {dict(in_request)} "
        f"('response' = stored on the server, not yet heard by the device); "
        f"worker syncs: {dict(answered)}; final sync: {recovered} left queued, "
        f"{final.sent} stored, {final.duplicates} duplicate; "
        f"server rows {len(items)}, distinct uuids {len(counts)}, outbox { {k: len(v) for k, v in outbox.items()} }"
    )
    print("\ncrash test:", summary)

    assert len(printed) >= TARGET_CYCLES
    _check_exactly_once(printed, items, outbox, summary)
    # the run really hit the dangerous moments
    assert ended_on["SYNC"] > 0 and sum(in_request.values()) > 0, summary


def _check_exactly_once(
    printed: list[str], items: list[dict[str, Any]], outbox: dict[str, set[str]], summary: str
) -> None:
    """Nothing lost, nothing twice, nothing left unsent, every blob opens to its own uuid."""
    counts = uuid_counts(items)
    assert len(set(printed)) == len(printed)
    assert set(outbox) == {"sent"}, f"rows left unsent: {summary}"
    assert set(counts) == outbox["sent"], f"server and outbox disagree: {summary}"
    lost = set(printed) - set(counts)
    assert not lost, f"{len(lost)} acknowledged reports lost: {summary}"
    twice = [u for u, n in counts.items() if n > 1]
    assert not twice, f"{len(twice)} reports duplicated on the server: {summary}"
    private = json.loads(DEV_KEYS.read_text())["sealing_private"]
    texts = set()
    for item in items:
        envelope = open_sealed(base64.b64decode(item["sealed"]), private)
        assert envelope["uuid"] == item["uuid"]
        texts.add(envelope["report"]["text"])
    assert len(texts) == len(items)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"the server at {url} did not come up in {timeout} s")
        time.sleep(0.02)


def _submissions(proxy: FaultProxy, since: float, phase: str | None = None) -> list[Any]:
    return [
        e
        for e in proxy.in_flight()
        if "/submissions" in e.path and e.started >= since and phase in (None, e.phase)
    ]


def _dropped(proxy: FaultProxy, since: float) -> bool:
    """The proxy has dropped a batch's answer (the server stored it) since ``since``."""
    return any(
        e.mode == "drop_after_commit" and e.phase == "done" and e.started >= since
        for e in list(proxy.log)
    )


def _pg_url(request: pytest.FixtureRequest) -> str:
    try:
        url: str = request.getfixturevalue("pg_url")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL test cluster fixture (tests/pgfixtures.py) in this checkout")
    return url


def _wait_for(done: Callable[[], object], timeout: float = 10) -> bool:
    """Poll every millisecond; False when it did not happen in time (the kill goes ahead)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_server_kill_9_loses_and_duplicates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, engine: str
) -> None:
    """kill -9 of the server process, on SQLite and on PostgreSQL (the database server keeps
    running; what dies is ours, mid-transaction or right after a COMMIT)."""
    rng = random.Random(SEED + 1)
    kills = SERVER_KILLS if engine == "sqlite" else SERVER_KILLS // 2
    home = tmp_path / "device"
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}
    stderr = tmp_path / "worker-stderr.txt"
    db_path: Path | str = tmp_path / "server.db" if engine == "sqlite" else _pg_url(request)
    db = ServerDb(db_path)  # set up as the admin would, before the server runs
    admin.set_office_user(db, SystemClock(), OFFICE_NAME, OFFICE_PASSWORD)
    code, _ = admin.create_enrolment_code(db, SystemClock())
    db.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = Worker(env, stderr, (str(SERVER_WORKER), str(db_path), str(port)))
    device: Worker | None = None
    kinds: Counter[str] = Counter()  # how each server life was killed
    at_kill: Counter[str] = Counter()  # proxy phase of the batch in flight at the kill
    answered: Counter[str] = Counter()
    printed: list[str] = []
    life = 0
    try:
        server.start(life, 0)
        server.wait_ready(life)
        with FaultProxy("127.0.0.1", port) as proxy:
            ctx = build({"KOMPASSEN_HOME": str(home)})
            client = ctx.sync_client()
            device_id = client.enrol(proxy.url, code, "Serverkrocktest").device_id
            client.close()
            ctx.close()
            device = Worker(env, stderr)
            device.start(0, rng.randrange(1 << 30))
            device.wait_ready(0)
            t0 = time.monotonic()
            for _ in range(kills):
                started = time.monotonic()
                roll = rng.random()
                if roll < 0.1:
                    kind = "starting"  # while it opens and recovers server.db
                    time.sleep(rng.uniform(0.0, 0.15))
                else:
                    server.wait_ready(life)
                    kind = "random"  # unless the batch awaited comes in time
                    if roll < 0.5:
                        # a batch reached it: killed before, in or after its COMMIT
                        if _wait_for(functools.partial(_submissions, proxy, started, "upstream")):
                            kind = "mid-request"
                            time.sleep(rng.uniform(0.0, 0.01))
                    elif roll < 0.7:
                        # stored, the answer lost on the way, then the server dies
                        proxy.script(["drop_after_commit"], then="pass", match="/submissions")
                        if _wait_for(functools.partial(_dropped, proxy, started)):
                            kind = "after-commit"
                        proxy.clear()
                    else:
                        kind = "random"
                        time.sleep(rng.uniform(0.05, 0.8))
                for e in _submissions(proxy, started):
                    at_kill[e.phase] += 1
                server.kill(life)
                kinds[kind] += 1
                time.sleep(rng.uniform(0.0, 0.3))  # down for a moment: the device's syncs fail
                life += 1
                server.start(life, 0)
                assert time.monotonic() - t0 < 150, "the server crash run is far too slow"
            server.wait_ready(life)
            run_s = time.monotonic() - t0
            lines = device.kill(0)
            for line in lines:
                word, *rest = line.split()
                if word == "SUBMITTED":
                    printed.append(rest[0])
                elif word == "SYNCED":
                    answered["stored"] += int(rest[0])
                    answered["duplicate"] += int(rest[1])
                    answered["failed syncs"] += rest[2] == "0"
            proxy.clear()
            ctx = build({"KOMPASSEN_HOME": str(home)})
            recovered = ctx.outbox.counts().get("queued", 0)
            client = ctx.sync_client()
            final = client.sync(pull=False)
            client.close()
            ctx.close()
            close_logging()
        login = httpx.post(
            f"{url}/api/v1/office/login", json={"name": OFFICE_NAME, "password": OFFICE_PASSWORD}
        )
        login.raise_for_status()
        items = server_items(f"{url}/api/v1", login.json()["token"], device_id)
    finally:
        if device is not None:
            if 0 in device.pids and 0 not in device.dead:
                device.kill(0)
            device.close()
        if life in server.pids and life not in server.dead:
            server.kill(life)
        server.close()

    assert final.ok, final.error_en
    outbox = outbox_by_status(ctx.paths.device_db)
    summary = (
        f"{len(printed)} device cycles in {run_s:.0f} s, {sum(kinds.values())} server kills "
        f"{dict(kinds)}, batch in flight at the kill by proxy phase {dict(at_kill)} "
        f"('upstream' = the server had it, 'response' = answered, not yet heard); "
        f"device syncs: {dict(answered)}; final sync: {recovered} left queued, "
        f"{final.sent} stored, {final.duplicates} duplicate; server rows {len(items)}, "
        f"outbox { {k: len(v) for k, v in outbox.items()} }"
    )
    print("\nserver crash test:", summary)
    _check_exactly_once(printed, items, outbox, summary)
    assert len(printed) > kills, summary
    # the kills hit batches on the server, and committed-but-unheard ones were resent
    assert at_kill["upstream"] > 0 and kinds["after-commit"] > 0, summary
    assert answered["duplicate"] + final.duplicates > 0, summary
