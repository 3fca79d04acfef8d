"""Benchmark: ``kompassen install-pack`` of big synthetic packs — time and peak memory.

Each measurement is its own process (peak RSS from ``os.wait4``; this parent stays small, the
packs are written by a child too), all in the same run on the same machine:

* baseline: ``json.load`` of the same services.json, nothing else — what merely holding the
  file as Python objects costs;
* streamed: the real command, ``kompassen install-pack --quiet`` on a fresh KOMPASSEN_HOME
  (the first run also installs the two shipped areas, a second or so);
* whole-file (``--whole``): the pre-streaming path (``read_pack_dir`` with its 50 MB limit
  lifted, then ``install``), for the before/after comparison.

Usage: python bench/bench_install.py [--sizes 10000 30000 100000] [--whole]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_WRITE = (
    "import sys; from pathlib import Path; from kompassen.testing.synthetic import write_pack; "
)
_WRITE += "print(write_pack(int(sys.argv[1]), Path(sys.argv[2]), seed=1))"
_LOAD = "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"
_WHOLE = """
import sys
from pathlib import Path
from datetime import datetime
import kompassen.catalogue.pack.validate as v
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
v.MAX_FILE_BYTES = 4 * 1024**3
store = CatalogueStore(Path(sys.argv[2]) / "c.db", Path(sys.argv[2]) / "b", FixedClock(datetime(2026, 11, 23, 12))).open()
store.install(v.read_pack_dir(Path(sys.argv[1])), origin="local")
"""


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    return secs, rss_kb / 1024


def run(n: int, whole: bool) -> dict[str, float]:
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [py, "-c", _WRITE, str(n), tmp], check=True, capture_output=True, text=True
        )
        folder = Path(out.stdout.strip())
        services = folder / "services.json"
        row: dict[str, float] = {"n": n, "mb": services.stat().st_size / 1024 / 1024}
        row["load_s"], row["load_rss"] = measure([py, "-c", _LOAD, str(services)])
        home = Path(tmp) / "home"
        home.mkdir()
        env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        row["stream_s"], row["stream_rss"] = measure(
            [py, "-m", "kompassen", "install-pack", "--quiet", str(folder)], env
        )
        if whole:
            db = Path(tmp) / "whole"
            db.mkdir()
            row["whole_s"], row["whole_rss"] = measure([py, "-c", _WHOLE, str(folder), str(db)])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--whole", action="store_true", help="also the pre-streaming path")
    args = parser.parse_args()
    head = f"{'services':>9} {'file MB':>8} {'json.load':>16} {'install-pack':>16} {'RSS ratio':>9}"
    if args.whole:
        head += f" {'whole-file (old)':>18}"
    print(head)
    for n in args.sizes:
        r = run(n, args.whole)
        line = (
            f"{n:>9} {r['mb']:>8.0f} {r['load_s']:>6.1f} s {r['load_rss']:>5.0f} MB"
            f" {r['stream_s']:>6.1f} s {r['stream_rss']:>5.0f} MB"
            f" {r['stream_rss'] / r['load_rss']:>9.2f}"
        )
        if args.whole:
            line += f" {r['whole_s']:>6.1f} s {r['whole_rss']:>6.0f} MB"
        print(line, flush=True)


if __name__ == "__main__":
    main()
