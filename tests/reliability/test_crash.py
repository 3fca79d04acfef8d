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
"""

from __future__ import annotations

import base64
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from faultproxy import FaultProxy
from kompassen.compose import build
from kompassen.device.logs import close_logging
from kompassen.reports.sealing import open_sealed
from reliability import DEV_KEYS, outbox_by_status, server_items, uuid_counts
from serverutil import LiveServer

WORKER = Path(__file__).with_name("crash_worker.py")
TARGET_CYCLES = 1000
SEED = 20261123


class Worker:
    """The zygote process and the lives it forks: their lines, routed by life, as they come."""

    def __init__(self, env: dict[str, str], stderr: Path) -> None:
        self.lines: dict[int, list[str]] = {}
        self.pids: dict[int, int] = {}
        self.dead: dict[int, int] = {}
        self.ready: set[int] = set()
        self._cond = threading.Condition()
        self.stderr = stderr
        with stderr.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(WORKER), "--zygote"],
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
    assert len(set(printed)) == len(printed)
    assert set(outbox) == {"sent"}, f"rows left unsent: {summary}"
    assert set(counts) == outbox["sent"], f"server and outbox disagree: {summary}"
    lost = set(printed) - set(counts)
    assert not lost, f"{len(lost)} acknowledged reports lost: {summary}"
    twice = [u for u, n in counts.items() if n > 1]
    assert not twice, f"{len(twice)} reports duplicated on the server: {summary}"
    # the run really hit the dangerous moments
    assert ended_on["SYNC"] > 0 and sum(in_request.values()) > 0, summary

    private = json.loads(DEV_KEYS.read_text())["sealing_private"]
    texts = set()
    for item in items:
        envelope = open_sealed(base64.b64decode(item["sealed"]), private)
        assert envelope["uuid"] == item["uuid"]
        texts.add(envelope["report"]["text"])
    assert len(texts) == len(items)
