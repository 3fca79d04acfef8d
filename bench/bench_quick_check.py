"""Benchmark: what ``PRAGMA quick_check`` costs at start, on the shipped packs and at 10k.

Measures opening the catalogue as the app does (``CatalogueStore.open``) with and without
the check, cold (a fresh process would read the file from the OS cache or the card) and warm
(the median of repeated opens). The check reads every page, so it grows with the file.

Usage: python bench/bench_quick_check.py [--sizes 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.device.paths import bundled_areas_dir
from kompassen.testing.synthetic import generate_pack

NOW = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM))


def _opens(path: Path, check: bool, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        store = CatalogueStore(path, path.parent / "backups", NOW)
        t0 = time.perf_counter()
        store.open(check=check)
        times.append(time.perf_counter() - t0)
        store.close()
    return statistics.median(times)


def _quick_check_only(path: Path, repeat: int) -> float:
    store = CatalogueStore(path, path.parent / "backups", NOW).open()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        store.conn.execute("PRAGMA quick_check").fetchall()
        times.append(time.perf_counter() - t0)
    store.close()
    return statistics.median(times)


def measure(label: str, path: Path, repeat: int) -> None:
    mb = path.stat().st_size / 1e6
    plain = _opens(path, False, repeat)
    checked = _opens(path, True, repeat)
    check = _quick_check_only(path, repeat)
    print(
        f"{label:>16} {mb:7.1f} MB  open {plain * 1e3:7.1f} ms  open+check "
        f"{checked * 1e3:7.1f} ms  quick_check {check * 1e3:7.1f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10000])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped" / "catalogue.db"
        shipped.parent.mkdir()
        store = CatalogueStore(shipped, shipped.parent / "backups", NOW).open()
        store.install_bundled(bundled_areas_dir())
        store.close()
        measure("shipped packs", shipped, args.repeat)
        for n in args.sizes:
            path = Path(tmp) / f"s{n}" / "catalogue.db"
            path.parent.mkdir()
            store = CatalogueStore(path, path.parent / "backups", NOW).open()
            store.install(generate_pack(n, seed=1))
            store.close()
            measure(f"{n} services", path, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
