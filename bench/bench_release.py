"""Benchmark: a catalogue release as a delta, against the full snapshot of the same release.

A synthetic catalogue (development signing key) gets a typical office update: 5 services
changed, 1 added, 1 removed. Both release responses (``GET /areas/{id}/release``) are measured
as they travel: compact JSON, gzip level 6.

Baselines (same run, same data): the full snapshot's bytes on the wire, and the time of a
full ``install_pack`` of the new release (what a device pays anyway to install it). Our
side: ``make_delta`` + ``apply_delta`` + content hash + signature check, and the whole device
path ``CatalogueStore.apply_release`` of the delta (dump, rebuild, check, install).

Goal: the delta is at most 50 KB on the wire at 100 services.

Usage: python bench/bench_release.py [--sizes 100 1000] [--repeat N]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.store.db import connect, migrate
from kompassen.catalogue.store.loader import install_pack
from kompassen.catalogue.store.release import (
    apply_delta,
    content_hash,
    make_delta,
    make_manifest,
    release_form,
    sign_manifest,
    verify_manifest,
)
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.testing.synthetic import generate_pack

REPO = Path(__file__).resolve().parents[1]
KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
GOAL_DELTA_BYTES = 50_000
GOAL_AT = 100


def wire(obj: Any) -> int:
    """Bytes on the wire: compact JSON, gzip level 6."""
    raw = json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()
    return len(gzip.compress(raw, compresslevel=6))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time in ms."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def catalogues(n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The installed release and the office's next one (5 changed, 1 added, 1 removed)."""
    pack = generate_pack(n, seed=1)
    pack.documents["area.json"]["public_keys"] = {
        "sealing": KEYS["sealing_public"],
        "signing": KEYS["signing_public"],
    }
    old = release_form(pack)
    new = copy.deepcopy(old)
    services = new["services.json"]["services"]
    for svc in services[:5]:
        svc["status_note"] = "Ändrade öppettider denna vecka (påhittat)."
        svc["verified_at"] = "2026-11-20"
    added = copy.deepcopy(services[10]) | {"key": "zz-ny", "name": "Påhittad ny tjänst"}
    services.append(added)
    gone = services.pop(20)["key"]
    for guide in new["guides.json"]["guides"]:
        for step in guide["steps"]:
            step["services"] = [s for s in step["services"] if s != gone]
    new["notices.json"]["notices"] = [
        x for x in new["notices.json"]["notices"] if x.get("service") != gone
    ]
    return old, release_form(PackData(new))


def response(docs: dict[str, Any], version: int, kind: str, body: dict[str, Any]) -> dict:
    manifest = make_manifest(docs["area.json"]["id"], version, docs, NOW.isoformat())
    return {
        "area_id": manifest["area_id"],
        "version": version,
        "manifest": manifest,
        "signature": sign_manifest(manifest, KEYS["signing_private"]),
        "kind": kind,
        "base_version": 1 if kind == "delta" else None,
        **body,
    }


def run(n: int, repeat: int) -> dict[str, float]:
    old, new = catalogues(n)
    full_resp = response(new, 2, "full", {"documents": new})
    delta_resp = response(new, 2, "delta", {"delta": make_delta(old, new)})
    full_bytes, delta_bytes = wire(full_resp), wire(delta_resp)
    manifest, signature = delta_resp["manifest"], delta_resp["signature"]

    def delta_path() -> None:
        rebuilt = apply_delta(old, make_delta(old, new))
        assert content_hash(rebuilt) == manifest["sha256"]
        verify_manifest(manifest, signature, KEYS["signing_public"])

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "catalogue.db")
        migrate(conn, backup_dir=None, now=NOW)
        install_pack(conn, PackData(old), now=NOW)  # warm: base taxonomy, schema, caches
        t_install = timed(lambda: install_pack(conn, PackData(new), now=NOW), repeat)
        conn.close()
        t_delta = timed(delta_path, repeat)

        store = CatalogueStore(Path(tmp) / "device.db", Path(tmp) / "backups", FixedClock(NOW))
        store.open()
        applies = []
        base_resp = response(old, 1, "full", {"documents": old})
        store.install(PackData(old))
        for _ in range(repeat):
            store.conn.execute("DELETE FROM area_release")  # forget the last run's releases
            store.apply_release(base_resp)
            t0 = time.perf_counter()
            store.apply_release(delta_resp)
            applies.append((time.perf_counter() - t0) * 1000)
        assert content_hash(store.release_docs(new["area.json"]["id"])) == manifest["sha256"]
        store.close()
    return {
        "n": n,
        "full_kb": full_bytes / 1000,
        "delta_kb": delta_bytes / 1000,
        "bytes_ratio": delta_bytes / full_bytes,
        "delta_ms": t_delta,
        "install_ms": t_install,
        "time_ratio": t_delta / t_install,
        "apply_ms": statistics.median(applies),
        "apply_ratio": statistics.median(applies) / t_install,
        "ok": delta_bytes <= GOAL_DELTA_BYTES if n == GOAL_AT else True,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(
        f"{'services':>8} {'full KB':>8} {'delta KB':>8} {'bytes':>6} {'delta ms':>9} "
        f"{'install ms':>10} {'ratio':>6} {'apply ms':>9} {'ratio':>6}"
    )
    rows = [run(n, args.repeat) for n in args.sizes]
    for r in rows:
        print(
            f"{r['n']:>8} {r['full_kb']:>8.1f} {r['delta_kb']:>8.2f} {r['bytes_ratio']:>6.3f} "
            f"{r['delta_ms']:>9.1f} {r['install_ms']:>10.1f} {r['time_ratio']:>5.2f}× "
            f"{r['apply_ms']:>9.1f} {r['apply_ratio']:>5.2f}×"
        )
    print()
    print(
        "| release (5 changed, 1 added, 1 removed) | delta on the wire (gzip 6) | full snapshot "
        "| delta/full | make+apply+verify | full install_pack | ratio | device apply_release "
        "(delta) | ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']} services | {r['delta_kb']:.1f} KB | {r['full_kb']:.1f} KB "
            f"| {r['bytes_ratio']:.3f} | {r['delta_ms']:.1f} ms | {r['install_ms']:.1f} ms "
            f"| {r['time_ratio']:.2f}× | {r['apply_ms']:.1f} ms | {r['apply_ratio']:.2f}× |"
        )
    failed = [r for r in rows if not r["ok"]]
    for r in failed:
        print(
            f"GOAL MISSED: delta {r['delta_kb']:.1f} KB > {GOAL_DELTA_BYTES / 1000:.0f} KB "
            f"at {r['n']} services",
            file=sys.stderr,
        )
    if not any(r["n"] == GOAL_AT for r in rows):
        print(f"note: the goal is checked at {GOAL_AT} services", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
