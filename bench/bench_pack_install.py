"""Benchmark: validate + install a synthetic area pack, against raw SQLite inserts.

Baseline (same run, same machine): inserting the same services as flat rows (id, name,
description, JSON of the rest) into one table with executemany in one transaction — the least
work any loader could do. The ratio shows what validation, normalisation into HSDS-shaped tables
and the atomic replace cost on top.

Usage: python bench/bench_pack_install.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from kompassen.catalogue.pack.validate import check_pack
from kompassen.catalogue.store.db import connect, migrate
from kompassen.catalogue.store.loader import install_pack
from kompassen.testing.synthetic import generate_pack


def _baseline(services: list[dict], path: Path) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE flat (id TEXT PRIMARY KEY, name TEXT, description TEXT, rest TEXT)")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO flat VALUES (?, ?, ?, ?)",
        [(s["key"], s["name"], s["description"]["sv"], json.dumps(s)) for s in services],
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def run(n: int) -> dict[str, float]:
    now = datetime(2026, 11, 23, 12, 0)
    t0 = time.perf_counter()
    pack = generate_pack(n, seed=1)
    t_gen = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t_base = _baseline(pack.doc("services.json")["services"], Path(tmp) / "flat.db")
        conn = connect(Path(tmp) / "catalogue.db")
        migrate(conn, backup_dir=None, now=now)
        t0 = time.perf_counter()
        check_pack(pack)
        t_validate = time.perf_counter() - t0
        t0 = time.perf_counter()
        install_pack(conn, pack, now=now)  # validates again: this is the real path
        t_install = time.perf_counter() - t0
        conn.close()
        size = (Path(tmp) / "catalogue.db").stat().st_size + sum(
            p.stat().st_size for p in Path(tmp).glob("catalogue.db-*")
        )
    return {
        "n": n,
        "generate_s": t_gen,
        "validate_s": t_validate,
        "install_s": t_install,
        "baseline_s": t_base,
        "ratio": t_install / t_base,
        "db_mb": size / 1e6,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = ap.parse_args()
    print(
        f"{'services':>9} {'generate':>9} {'validate':>9} {'install':>9} {'raw':>8} {'ratio':>6} {'db MB':>6}"
    )
    for n in args.sizes:
        r = run(n)
        print(
            f"{r['n']:>9} {r['generate_s']:>8.2f}s {r['validate_s']:>8.2f}s {r['install_s']:>8.2f}s "
            f"{r['baseline_s']:>7.3f}s {r['ratio']:>5.0f}× {r['db_mb']:>6.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
