"""Benchmark: HSDS export and import of N synthetic services (goal: import of 10,000 < 10 s).

Why a baseline in the same run: absolute times depend on the machine, so the import is also
compared with (a) installing the same pack directly with ``install_pack`` — the floor, as the
import ends with exactly that — and (b) a bare ``csv.DictReader`` pass over the exported files.

    python bench/bench_hsds_import.py [--n 10000] [--goal 10]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.pack.packdata import canonical
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.testing.synthetic import generate_pack


def _timed(label: str, results: dict[str, float], fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn(*args)
    results[label] = time.perf_counter() - start
    return value


def _read_all_csv(folder: Path) -> int:
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows += sum(1 for _ in csv.DictReader(fh))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of synthetic services")
    ap.add_argument("--goal", type=float, default=10.0, help="import time goal in seconds")
    args = ap.parse_args(argv)

    clock = FixedClock(datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Stockholm")))
    t: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = CatalogueStore(tmp / "catalogue.db", tmp / "backups", clock).open()
        try:
            pack = _timed("generate", t, lambda: generate_pack(args.n, seed=0))
            area = pack.area_id
            _timed("install_pack (baseline)", t, store.install, pack)
            before = canonical(dump_area(store.conn, area).documents)
            out = tmp / "hsds"
            _timed("export_hsds", t, export_hsds, store, area, out)
            rows = _timed("csv.DictReader pass (baseline)", t, _read_all_csv, out)
            result = _timed("import_hsds", t, import_hsds, store, out, area)
            after = canonical(dump_area(store.conn, area).documents)
        finally:
            store.close()

    print(f"HSDS benchmark: {args.n} services, {rows} CSV rows")
    for label, secs in t.items():
        print(f"  {label:34s} {secs:8.2f} s")
    base = t["install_pack (baseline)"]
    imp = t["import_hsds"]
    print(f"  import / install_pack ratio        {imp / base:8.2f}")
    print(f"  import overhead over install_pack  {imp - base:8.2f} s")
    print(f"  round trip lossless                {before == after}")
    ok = imp < args.goal and before == after and result.services == args.n
    print(f"  goal import < {args.goal:g} s              {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
