"""Load test (#19): N tablets enrol, then all run their end-of-shift sync at once.

A bounded load generator on 127.0.0.1 only. For each backend (SQLite file, or a fresh database
of a throwaway PostgreSQL cluster from ``tests/pgcluster.py``), each number of server worker
processes and each N, the REAL server runs as a subprocess (``kompassen-server --db TARGET
--host 127.0.0.1 --port P --workers W``) and:

1. set-up, untimed: an office user (CLI, password on stdin), the Klara signing key registered
   (CLI ``area-key register``), one release of the shipped Klara pack published over HTTP,
   enrolment codes (CLI, one per 100 tablets), N tablets enrol over HTTP (timed on its own),
   and 20 reports + one usage aggregate (yesterday) per tablet sealed for real with the
   project's sealing code to the Klara public report key;
2. baseline, same run: the same rush (same tablets, same number of requests each, same
   concurrency) against ``GET /api/v1/health``: what the machine, uvicorn and this load
   generator cost without any database work;
3. the rush, timed: every tablet does what ``SyncClient.sync`` does, in its order — POST
   /submissions (one batch: the client's batch size is 200 and a tablet holds 21 items), GET
   the release with ``since`` = its version (304 expected) and again with ``If-None-Match``
   (304 expected), GET /device/answers, PUT /device/versions. ``--retry-fraction`` of the
   tablets send their batch a second time concurrently (a retry after a lost answer): each of
   those items must be answered ``stored`` once and ``duplicate`` once;
4. a tablet whose batch got no answer (error, timeout) sends it again, untimed, as its next
   sync would;
5. exactly once: the database itself is read (sqlite3, or psycopg as the superuser, as RLS
   hides rows from the server's role): every (device, uuid) sent exists exactly once and
   nothing else is stored. Any failure exits 1.

Measured: rush wall time, submissions stored per second (items answered ``stored`` / rush
wall time), latency p50/p95/p99 per endpoint and overall, errors (non-2xx/304, timeouts,
connection errors, wrong answers), the server's peak RSS summed over its process tree
(sampled from /proc every 50 ms), the load generator's CPU time and the load average.
Anchor: ODK Central documents about 41 submissions/s for 500 devices on a 2 GB server.
Goal (PostgreSQL, this 2-core machine): ≥ 500 submissions/s, p99 ≤ 1 s, 0 errors, 0 lost or
duplicated. The load generator shares the machine's cores with the server, so the numbers
are a lower bound of what the server alone could do. The RSS is the server's processes only
(uvicorn and its workers), not PostgreSQL's own. A (backend, workers) combination whose
server does not start, or PostgreSQL without ``tests/pgcluster.py``, is skipped in words.

Exit status 1 when the exactly-once check fails for any configuration; the goal's verdict
is printed (a missed goal is a measurement, not a failure of the script).

Usage: python bench/bench_server_load.py [--backends sqlite,postgresql] [--tablets 50,200,500]
       [--workers 1,4] [--reports 20] [--retry-fraction 0.1] [--timeout 120] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import math
import os
import platform
import random
import resource
import shlex
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid as uuidlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from kompassen import __version__
from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store.release import make_manifest, release_form, sign_manifest
from kompassen.core.report import Report
from kompassen.reports.sealing import seal
from kompassen.reports.usage_format import DayUsage, seal_usage

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # pgcluster.py lives there

API = "/api/v1"
AREA = "klara"
KLARA = REPO / "data" / "areas" / AREA
DEV_KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
SERVER = Path(sys.executable).parent / "kompassen-server"
OFFICE_NAME = "lastkontoret"
OFFICE_PASSWORD = "lasttest-lösenord-123"
BATCH = 200  # SyncClient's default batch size
MAX_SOCKETS = 500
ODK_ANCHOR = 41.0  # submissions/s, ODK Central, 500 devices, 2 GB server
GOAL_RATE = 500.0
GOAL_P99 = 1.0
ENDPOINTS = ("submissions", "release_since", "release_etag", "answers", "versions")


# ------------------------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(q / 100 * len(s)) - 1))]


def latency_summary(values: list[float]) -> dict[str, Any]:
    return {
        "n": len(values),
        "p50_ms": _ms(pct(values, 50)),
        "p95_ms": _ms(pct(values, 95)),
        "p99_ms": _ms(pct(values, 99)),
        "max_ms": _ms(max(values) if values else None),
    }


def _ms(v: float | None) -> float | None:
    return None if v is None else round(v * 1000, 2)


def cli(target: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """An admin command of the real kompassen-server on ``target``."""
    return subprocess.run(
        [str(SERVER), "--db", target, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def cli_ok(target: str, *args: str, stdin: str | None = None) -> str:
    done = cli(target, *args, stdin=stdin)
    if done.returncode != 0:
        raise SetupError(f"kompassen-server {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


class SetupError(Exception):
    """The set-up of a configuration failed (the configuration is reported as skipped)."""


# ----------------------------------------------------------------- the server's memory


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc/PID/task/*/children."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
            except OSError:
                continue
    return out


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler:
    """Peak RSS summed over the server's process tree, sampled every 50 ms in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kib = 0
        self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss")

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = tree_pids(self.pid)
            self.processes = max(self.processes, len(pids))
            self.peak_kib = max(self.peak_kib, sum(rss_kib(p) for p in pids))
            self._stop.wait(0.05)

    def window(self) -> MemorySampler:
        """Reset the peak (a new phase starts)."""
        self.peak_kib = 0
        return self

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# ---------------------------------------------------------------------- the server


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def log_tail(self, lines: int = 8) -> str:
        try:
            text = self.log.read_text("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])


def start_server(target: str, workers: int, log: Path) -> Server:
    port = free_port()
    cmd = [str(SERVER), "--db", target, "--host", "127.0.0.1", "--port", str(port)]
    if workers != 1:
        cmd += ["--workers", str(workers)]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    server = Server(proc, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{server.url}{API}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise SetupError(
                f"the server did not start (exit {proc.returncode}): {server.log_tail(3)}"
            )
        time.sleep(0.05)


# ------------------------------------------------------------------------- tablets


@dataclass
class Tablet:
    no: int
    device_id: str = ""
    token: str = ""
    items: list[dict[str, Any]] = field(default_factory=list)
    retry: bool = False
    answered: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    batch_failed: bool = False


@dataclass
class Stats:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    stored: int = 0
    duplicates: int = 0
    requests: int = 0


def seal_items(tablet: Tablet, reports: int, yesterday: str) -> None:
    """20 reports and one usage aggregate, sealed for real to Klara's public report key."""
    key = read_sealing_key()
    now = datetime.now().astimezone()
    texts = (
        "Ingen härbärgesplats kvar efter 22, tre personer sover vid Sergels torg.",
        "Ungdomsmottagningen hade stängt trots angivna öppettider.",
        "Ny tjänst: kvällsöppet dagcenter med dusch och mat vid Klarabergsgatan.",
    )
    for i in range(reports):
        occurred = (now - timedelta(minutes=5 * (reports - i))).isoformat(timespec="seconds")
        rep = Report(
            kind=("unsolved", "observation", "solution")[i % 3],
            area_id=AREA,
            occurred_at=occurred,
            text=f"{texts[i % 3]} (platta {tablet.no}, nr {i})",
            needs=("need.shelter-tonight",) if i % 2 else (),
            groups=("group.youth",) if i % 5 == 0 else (),
        )
        u = str(uuidlib.uuid4())
        blob = seal(rep, u, key, occurred)
        tablet.items.append(
            {
                "uuid": u,
                "area_id": AREA,
                "created_at": occurred,
                "sealed": base64.b64encode(blob).decode("ascii"),
            }
        )
    usage = DayUsage(
        AREA,
        yesterday,
        {"search": {"": 31, "group.youth": 4}, "zero": {"": 2}, "report": {"unsolved": 7}},
    )
    tablet.items.append(
        {
            "uuid": str(uuidlib.uuid4()),
            "area_id": AREA,
            "created_at": now.isoformat(timespec="seconds"),
            "sealed": base64.b64encode(seal_usage(usage, key)).decode("ascii"),
            "kind": "usage",
            "day": yesterday,
        }
    )


_KEY: list[str] = []


def read_sealing_key() -> str:
    if not _KEY:
        area = json.loads((KLARA / "area.json").read_text("utf-8"))
        _KEY.append(area["public_keys"]["sealing"])
    return _KEY[0]


async def timed(
    http: httpx.AsyncClient, stats: Stats, name: str, method: str, path: str, **kw: Any
) -> httpx.Response | None:
    """One request; its latency under ``name``; None (and an error counted) on failure."""
    stats.requests += 1
    t0 = time.perf_counter()
    try:
        resp = await http.request(method, path, **kw)
    except httpx.TimeoutException:
        stats.errors[f"{name}: timeout"] += 1
        return None
    except httpx.HTTPError as exc:
        stats.errors[f"{name}: {type(exc).__name__}"] += 1
        return None
    stats.latency[name].append(time.perf_counter() - t0)
    if resp.status_code >= 400 or resp.status_code not in (200, 201, 304):
        stats.errors[f"{name}: HTTP {resp.status_code}"] += 1
        return None
    return resp


async def post_batch(
    http: httpx.AsyncClient, stats: Stats, tablet: Tablet, items: list[dict[str, Any]]
) -> bool:
    """POST one batch; each item's answer kept on the tablet. False: no (full) answer."""
    resp = await timed(
        http,
        stats,
        "submissions",
        "POST",
        "/submissions",
        json={"items": items},
        headers=auth(tablet),
    )
    if resp is None:
        return False
    try:
        results = resp.json()["results"]
    except (ValueError, KeyError, TypeError):
        stats.errors["submissions: not JSON results"] += 1
        return False
    seen = set()
    for r in results:
        status = r.get("status")
        tablet.answered[r.get("uuid")].append(status)
        seen.add(r.get("uuid"))
        if status == "stored":
            stats.stored += 1
        elif status == "duplicate":
            stats.duplicates += 1
        else:
            stats.errors[f"submissions: item {status} {r.get('error')}"] += 1
    if seen != {it["uuid"] for it in items}:
        stats.errors["submissions: not every item answered"] += 1
        return False
    return True


def auth(tablet: Tablet) -> dict[str, str]:
    return {"Authorization": f"Bearer {tablet.token}"}


async def end_of_shift(
    http: httpx.AsyncClient, stats: Stats, tablet: Tablet, pack_version: str, go: asyncio.Event
) -> None:
    """What SyncClient.sync does, in its order: push, release check, answers, versions."""
    await go.wait()
    batches = [tablet.items[i : i + BATCH] for i in range(0, len(tablet.items), BATCH)]
    for batch in batches:
        if tablet.retry:  # the same batch again while the first is under way (lost answer)
            oks = await asyncio.gather(*(post_batch(http, stats, tablet, batch) for _ in "12"))
            ok = all(oks)
        else:
            ok = await post_batch(http, stats, tablet, batch)
        if not ok:
            tablet.batch_failed = True
            return  # the real client stops the sync here
    h = auth(tablet)
    for name, params, extra in (
        ("release_since", {"since": 1}, {}),
        ("release_etag", {"since": 0}, {"If-None-Match": f'"{AREA}-v1"'}),
    ):
        resp = await timed(
            http, stats, name, "GET", f"/areas/{AREA}/release", params=params, headers=h | extra
        )
        if resp is not None and resp.status_code != 304:
            stats.errors[f"{name}: HTTP {resp.status_code}, not 304"] += 1
    resp = await timed(
        http,
        stats,
        "answers",
        "GET",
        "/device/answers",
        params={"after": 0, "limit": 200},
        headers=h,
    )
    if resp is not None and resp.json().get("items") != []:
        stats.errors["answers: unexpected items"] += 1
    body = {
        "app_version": __version__,
        "areas": [{"area_id": AREA, "pack_version": pack_version, "catalogue_release": 1}],
    }
    await timed(http, stats, "versions", "PUT", "/device/versions", json=body, headers=h)


async def health_rush(
    http: httpx.AsyncClient, stats: Stats, tablet: Tablet, go: asyncio.Event
) -> None:
    """The baseline: as many requests as the tablet's sync makes, all to /health."""
    await go.wait()
    n_sub = math.ceil(len(tablet.items) / BATCH)
    if tablet.retry:
        await asyncio.gather(*(timed(http, stats, "health", "GET", "/health") for _ in "12"))
    else:
        await timed(http, stats, "health", "GET", "/health")
    for _ in range(n_sub - 1 + 4):
        await timed(http, stats, "health", "GET", "/health")


PER_CLIENT = 2  # connections per httpx.AsyncClient: its pool's CPU cost grows with its size


class Clients:
    """Shared ``httpx.AsyncClient``s of ≤ 20 connections each, ≤ min(N, 500) sockets in all.

    One pool of hundreds of connections costs httpcore milliseconds of CPU per request (it
    scans every connection and waiting request on each event), which made the load generator
    the bottleneck (measured: 90 health requests/s with a 200-connection pool, the generator
    at 100 % of a core); tablet i uses client i mod k, two tablets per client, so a retrying
    tablet's two concurrent batches still fit and the sockets stay ≤ min(N, 500). One SSL
    context for all (none is used on http://, but each client would load the CA file).
    """

    @staticmethod
    def socket_cap(n: int) -> int:
        sockets = min(n, MAX_SOCKETS)
        k = max(1, math.ceil(sockets / PER_CLIENT))
        return max(1, sockets // k) * k

    def __init__(self, url: str, n: int, timeout: float) -> None:
        sockets = min(n, MAX_SOCKETS)
        k = max(1, math.ceil(sockets / PER_CLIENT))
        size = max(1, sockets // k)
        self.sockets = size * k
        tls = ssl.create_default_context()
        self.clients = [
            httpx.AsyncClient(
                base_url=url + API,
                limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
                timeout=httpx.Timeout(timeout, pool=timeout),
                verify=tls,
            )
            for _ in range(k)
        ]

    def __getitem__(self, i: int) -> httpx.AsyncClient:
        return self.clients[i % len(self.clients)]

    async def __aenter__(self) -> Clients:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.gather(*(c.aclose() for c in self.clients))


async def rush(
    url: str, tablets: list[Tablet], make: Any, budget: float
) -> tuple[Stats, float, float, bool]:
    """All tablets at once: (stats, wall seconds, load generator CPU seconds, timed out)."""
    stats = Stats()
    go = asyncio.Event()
    async with Clients(url, len(tablets), min(60.0, budget)) as http:
        tasks = [asyncio.create_task(make(http[t.no], stats, t, go)) for t in tablets]
        await asyncio.sleep(0.2)  # every task is waiting at the gate
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        go.set()
        _, pending = await asyncio.wait(tasks, timeout=budget)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        for task in pending:
            task.cancel()
            stats.errors["cut off at the configuration's time limit"] += 1
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        for task in tasks:
            if not task.cancelled() and (exc := task.exception()) is not None:
                stats.errors[f"load generator: {type(exc).__name__}: {exc}"] += 1
    return stats, wall, cpu, bool(pending)


async def enrol_all(
    url: str, codes: list[str], n: int, budget: float
) -> tuple[list[Tablet], Stats, float]:
    """N tablets enrol at once: (the enrolled, stats, wall seconds once the clients exist)."""
    stats = Stats()
    tablets = [Tablet(no=i) for i in range(n)]

    async def one(http: httpx.AsyncClient, t: Tablet) -> None:
        body = {"code": codes[t.no // 100], "name": f"Lastplatta {t.no + 1}"}
        resp = await timed(http, stats, "enrol", "POST", "/enrol", json=body)
        if resp is not None:
            data = resp.json()
            t.device_id, t.token = data["device_id"], data["token"]

    async with Clients(url, n, min(60.0, budget)) as http:
        t0 = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(http[t.no], t) for t in tablets)), budget)
        except TimeoutError:
            stats.errors["enrolment cut off at the configuration's time limit"] += 1
        wall = time.perf_counter() - t0
    return [t for t in tablets if t.token], stats, wall


async def resend_failed(url: str, tablets: list[Tablet], budget: float) -> int:
    """The next sync of a tablet whose batch got no answer: the whole batch again."""
    todo = [t for t in tablets if t.batch_failed]
    if not todo:
        return 0
    stats = Stats()

    async def one(http: httpx.AsyncClient, t: Tablet) -> None:
        for i in range(0, len(t.items), BATCH):
            await post_batch(http, stats, t, t.items[i : i + BATCH])

    async with Clients(url, min(len(todo), 50), min(60.0, budget)) as http:
        # what is still unanswered after the time limit shows as lost in the exactly-once check
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(one(http[t.no], t) for t in todo)), budget)
    return len(todo)


# ------------------------------------------------------------------ exactly once


def stored_rows(backend: str, target: str, pg: Any) -> list[tuple[str, str]]:
    """(device_id, uuid) of every stored submission, read from the database itself."""
    if backend == "sqlite":
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            return [
                (str(d), str(u)) for d, u in conn.execute("SELECT device_id, uuid FROM submission")
            ]
        finally:
            conn.close()
    import psycopg

    dbname = urlsplit(target).path.lstrip("/")
    with psycopg.connect(pg.superuser_url(dbname)) as conn:
        return [(str(d), str(u)) for d, u in conn.execute("SELECT device_id, uuid FROM submission")]


def exactly_once(tablets: list[Tablet], rows: list[tuple[str, str]]) -> dict[str, Any]:
    sent = {(t.device_id, it["uuid"].lower()) for t in tablets for it in t.items}
    counts = Counter(rows)
    duplicated = sum(1 for k, c in counts.items() if c > 1)
    lost = sum(1 for k in sent if k not in counts)
    extra = sum(1 for k in counts if k not in sent)
    # the answers: an item answered stored twice would be two rows the UNIQUE did not stop
    stored_twice = sum(1 for t in tablets for st in t.answered.values() if st.count("stored") > 1)
    retry_ok = all(
        sorted(t.answered[it["uuid"]]) == ["duplicate", "stored"]
        for t in tablets
        if t.retry and not t.batch_failed
        for it in t.items
    )
    ok = (
        duplicated == 0
        and lost == 0
        and extra == 0
        and stored_twice == 0
        and len(rows) == len(sent)
        and retry_ok
    )
    return {
        "ok": ok,
        "items_sent": len(sent),
        "rows": len(rows),
        "duplicated": duplicated,
        "lost": lost,
        "extra": extra,
        "answered_stored_twice": stored_twice,
        "retries_answered_stored_then_duplicate": retry_ok,
    }


# ------------------------------------------------------------------ one configuration


def run_config(
    backend: str, workers: int, n: int, args: argparse.Namespace, pg: Any, tmp: Path
) -> dict[str, Any]:
    out: dict[str, Any] = {"backend": backend, "workers": workers, "tablets": n}
    folder = tmp / f"{backend}-w{workers}-n{n}"
    folder.mkdir()
    target = str(folder / "server.db") if backend == "sqlite" else pg.create_database()
    out["load_before"] = os.getloadavg()
    # set-up through the CLI, as an admin would
    cli_ok(target, "office-user", OFFICE_NAME, stdin=OFFICE_PASSWORD + "\n")
    cli_ok(target, "area-key", "register", AREA, "--from-pack", str(KLARA))
    codes = []
    for _ in range(math.ceil(n / 100)):
        done = cli(target, "enrolment-code", "--area", AREA, "--uses", "100")
        if done.returncode == 2 and "--area" in done.stderr:
            done = cli(target, "enrolment-code", "--uses", "100")
            out["note_area_code"] = "enrolment-code without --area (the parser refused it)"
        if done.returncode != 0:
            raise SetupError(f"enrolment-code: {done.stderr.strip()}")
        codes.append(done.stdout.splitlines()[0].strip())
    server = start_server(target, workers, folder / "server.log")
    mem = MemorySampler(server.proc.pid)
    mem.start()
    try:
        out["server_idle_rss_mib"] = round(
            sum(rss_kib(p) for p in tree_pids(server.proc.pid)) / 1024, 1
        )
        docs = release_form(read_pack_dir(KLARA))
        manifest = make_manifest(
            AREA, 1, docs, datetime.now().astimezone().isoformat(timespec="seconds")
        )
        body = {
            "manifest": manifest,
            "signature": sign_manifest(manifest, DEV_KEYS["signing_private"]),
            "documents": docs,
        }
        with httpx.Client(base_url=server.url + API, timeout=60) as office:
            r = office.post(
                "/office/login", json={"name": OFFICE_NAME, "password": OFFICE_PASSWORD}
            )
            if r.status_code != 200:
                raise SetupError(f"office login: HTTP {r.status_code} {r.text[:200]}")
            h = {"Authorization": f"Bearer {r.json()['token']}"}
            r = office.post("/office/releases", json=body, headers=h)
            if r.status_code != 201:
                raise SetupError(f"release: HTTP {r.status_code} {r.text[:200]}")
        deadline = time.monotonic() + args.timeout

        def budget() -> float:
            return max(1.0, deadline - time.monotonic())

        tablets, enrol_stats, enrol_wall = asyncio.run(enrol_all(server.url, codes, n, budget()))
        out["enrol"] = {
            "wall_s": round(enrol_wall, 3),
            "per_s": round(len(tablets) / enrol_wall, 1),
            "enrolled": len(tablets),
            "errors": dict(enrol_stats.errors),
            "latency": latency_summary(enrol_stats.latency["enrol"]),
        }
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        t0 = time.perf_counter()
        rng = random.Random(19)
        retry_set = set(rng.sample(range(len(tablets)), round(len(tablets) * args.retry_fraction)))
        for i, t in enumerate(tablets):
            t.retry = i in retry_set
            seal_items(t, args.reports, yesterday)
        out["seal_s"] = round(time.perf_counter() - t0, 3)
        out["retry_tablets"] = len(retry_set)
        out["loadgen_sockets_max"] = Clients.socket_cap(len(tablets))

        # the baseline: the same rush against /health
        mem.window()
        base, base_wall, base_cpu, base_cut = asyncio.run(
            rush(server.url, tablets, health_rush, budget())
        )
        out["baseline"] = {
            "wall_s": round(base_wall, 3),
            "requests": base.requests,
            "requests_per_s": round(base.requests / base_wall, 1),
            "errors": dict(base.errors),
            "latency": latency_summary(base.latency["health"]),
            "loadgen_cpu_s": round(base_cpu, 2),
            "server_peak_rss_mib": round(mem.peak_kib / 1024, 1),
            "cut_off": base_cut,
        }

        # the rush
        pack_version = docs["area.json"]["version"]
        mem.window()

        async def sync(http: httpx.AsyncClient, stats: Stats, t: Tablet, go: asyncio.Event) -> None:
            await end_of_shift(http, stats, t, pack_version, go)

        stats, wall, cpu, cut = asyncio.run(rush(server.url, tablets, sync, budget()))
        out["server_peak_rss_mib"] = round(mem.peak_kib / 1024, 1)
        out["server_processes"] = mem.processes
        out["load_after"] = os.getloadavg()
        every = [v for vs in stats.latency.values() for v in vs]
        n_errors = sum(stats.errors.values())
        out["rush"] = {
            "wall_s": round(wall, 3),
            "requests": stats.requests,
            "stored": stats.stored,
            "duplicates": stats.duplicates,
            "submissions_per_s": round(stats.stored / wall, 1),
            "requests_per_s": round(stats.requests / wall, 1),
            "errors": n_errors,
            "error_kinds": dict(stats.errors),
            "latency": {name: latency_summary(stats.latency[name]) for name in ENDPOINTS},
            "latency_all": latency_summary(every),
            "loadgen_cpu_s": round(cpu, 2),
            "loadgen_cpu_share": round(cpu / wall, 2),
            "cut_off": cut,
        }
        base_p50 = pct(base.latency["health"], 50)
        sub_p50 = pct(stats.latency["submissions"], 50)
        all_p50 = pct(every, 50)
        out["ratio_submissions_p50_to_health_p50"] = (
            round(sub_p50 / base_p50, 1) if sub_p50 and base_p50 else None
        )
        out["ratio_all_p50_to_health_p50"] = (
            round(all_p50 / base_p50, 1) if all_p50 and base_p50 else None
        )
        out["ratio_wall_to_baseline_wall"] = round(wall / base_wall, 1)
        out["ratio_to_odk_41_per_s"] = round(stats.stored / wall / ODK_ANCHOR, 1)
        out["resent_after_errors"] = asyncio.run(resend_failed(server.url, tablets, 60))
    finally:
        mem.stop()
        server.stop()
    out["exactly_once"] = exactly_once(tablets, stored_rows(backend, target, pg))
    p99 = out["rush"]["latency_all"]["p99_ms"]
    out["goal_met"] = bool(
        out["rush"]["submissions_per_s"] >= GOAL_RATE
        and p99 is not None
        and p99 <= GOAL_P99 * 1000
        and out["rush"]["errors"] == 0
        and out["exactly_once"]["ok"]
    )
    return out


# ----------------------------------------------------------------------------- output


def print_table(results: list[dict[str, Any]]) -> None:
    head = (
        f"{'backend':<11}{'w':>2}{'N':>5}{'enrol/s':>9}{'rush s':>8}{'subm/s':>8}"
        f"{'×ODK':>6}{'req/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'sub p50':>8}{'sub p99':>8}"
        f"{'hlth p50':>9}{'×hlth':>6}{'err':>5}{'RSS MiB':>8}{'gen CPU':>8}{'once':>6}{'goal':>6}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        if "skipped" in r:
            print(f"{r['backend']:<11}{r['workers']:>2}{r['tablets']:>5}  skipped: {r['skipped']}")
            continue
        ru, la = r["rush"], r["rush"]["latency_all"]
        sub = ru["latency"]["submissions"]
        print(
            f"{r['backend']:<11}{r['workers']:>2}{r['tablets']:>5}{r['enrol']['per_s']:>9.0f}"
            f"{ru['wall_s']:>8.2f}{ru['submissions_per_s']:>8.0f}{r['ratio_to_odk_41_per_s']:>6.1f}"
            f"{ru['requests_per_s']:>7.0f}{_f(la['p50_ms'])}{_f(la['p95_ms'])}{_f(la['p99_ms'])}"
            f"{_f(sub['p50_ms'], 8)}{_f(sub['p99_ms'], 8)}"
            f"{_f(r['baseline']['latency']['p50_ms'], 9)}"
            f"{_f(r['ratio_submissions_p50_to_health_p50'], 6, '×')}{ru['errors']:>5}"
            f"{r['server_peak_rss_mib']:>8.0f}{ru['loadgen_cpu_share']:>7.0%} "
            f"{'ok' if r['exactly_once']['ok'] else 'FAIL':>5}{'met' if r['goal_met'] else 'no':>6}"
        )
    print(
        "(latencies in ms; ×hlth = submissions p50 / health p50 of the baseline rush; "
        "gen CPU = load generator CPU time / rush wall time)"
    )


def _f(v: float | None, width: int = 7, unit: str = "") -> str:
    return (
        f"{'-':>{width}}"
        if v is None
        else f"{f'{v:.0f}{unit}' if v >= 10 else f'{v:.1f}{unit}':>{width}}"
    )


def _list(text: str, kind: type = str) -> list[Any]:
    return [kind(x) for x in text.split(",") if x.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backends", default="sqlite,postgresql", help="sqlite,postgresql")
    ap.add_argument("--tablets", default="50,200,500", help="numbers of tablets (≤ 500 sockets)")
    ap.add_argument("--workers", default="1,4", help="server worker processes")
    ap.add_argument("--reports", type=int, default=20, help="reports per tablet (default 20)")
    ap.add_argument("--retry-fraction", type=float, default=0.1, help="tablets that resend")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per configuration")
    ap.add_argument("--out", type=Path, help="write the results as JSON")
    args = ap.parse_args()
    backends = _list(args.backends)
    if bad := [b for b in backends if b not in ("sqlite", "postgresql")]:
        ap.error(f"unknown backend(s): {', '.join(bad)}")
    tablets, workers = _list(args.tablets, int), _list(args.workers, int)
    if any(not 1 <= n <= 5000 for n in tablets) or not 0 <= args.retry_fraction <= 1:
        ap.error("--tablets 1–5000 and --retry-fraction 0–1")
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print(f"$ {command}")
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 500 sockets each side
    print(
        f"Python {platform.python_version()}, httpx {httpx.__version__}, {os.cpu_count()} CPUs, "
        f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as d:
        tmp = Path(d)
        for backend in backends:
            pg = None
            why_not = ""
            if backend == "postgresql":
                try:
                    from pgcluster import PgCluster

                    pg = PgCluster()
                    pg.start()
                except Exception as exc:  # any reason: the backend is skipped, in words
                    why_not = f"no PostgreSQL cluster ({type(exc).__name__}: {exc})"
                    pg = None
            try:
                for w in workers:
                    for n in tablets:
                        print(f"… {backend}, {w} worker(s), {n} tablets", flush=True)
                        if why_not:
                            results.append(_skip(backend, w, n, why_not))
                            continue
                        try:
                            results.append(run_config(backend, w, n, args, pg, tmp))
                        except SetupError as exc:
                            results.append(_skip(backend, w, n, str(exc)))
                        if "skipped" in results[-1]:
                            print(f"  skipped: {results[-1]['skipped']}")
            finally:
                if pg is not None:
                    pg.stop()
    print()
    print_table(results)
    run = [r for r in results if "skipped" not in r]
    failed = [r for r in run if not r["exactly_once"]["ok"]]
    for r in failed:
        print(
            f"EXACTLY-ONCE FAILED: {r['backend']} w{r['workers']} N={r['tablets']}: "
            f"{r['exactly_once']}"
        )
    for r in run:
        if r["rush"]["errors"]:
            print(
                f"errors {r['backend']} w{r['workers']} N={r['tablets']}: {r['rush']['error_kinds']}"
            )
    pg_runs = [r for r in run if r["backend"] == "postgresql"]
    if pg_runs:
        met = all(r["goal_met"] for r in pg_runs)
        print(
            f"goal on PostgreSQL (≥ {GOAL_RATE:g} submissions/s, p99 ≤ {GOAL_P99:g} s, 0 errors, "
            f"exactly once): {'met' if met else 'NOT met'}"
        )
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "command": command,
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "results": results,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            "utf-8",
        )
        print(f"JSON: {args.out}")
    return 1 if failed else 0


def _skip(backend: str, workers: int, n: int, why: str) -> dict[str, Any]:
    return {"backend": backend, "workers": workers, "tablets": n, "skipped": why}


if __name__ == "__main__":
    raise SystemExit(main())
