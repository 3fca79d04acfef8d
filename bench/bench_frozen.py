"""Benchmark: the frozen app (PyInstaller) vs the same app from source vs a bare PySide6 window.

Cold start, fresh processes, interleaved in one run (same machine load for all), several rounds:

- bare PySide6: import QtWidgets, QApplication, a QMainWindow with a QLabel, show it offscreen,
  wait until exposed, exit (bench_gui.py's bare child);
- ``kompassen selftest`` from source (``python -m kompassen``, the venv's interpreter), and the
  same command from the frozen bundle (and from a Nuitka / pyside6-deploy build when given):
  the whole self-test (catalogue opened, the field window built and shown offscreen, a search
  painted), timed from spawning the process until it has exited;
- ``kompassen --version`` from source and frozen: the start-up cost of the interpreter and the
  CLI alone, without Qt.

Times are taken by the parent (spawn → exit), so interpreter start-up, the bootloader's unpacking
and imports count for everyone. One untimed run of each first (first start installs the bundled
areas; the file cache is warm for all). Then medians, p90, and the ratios frozen / source (goal
from the issue: frozen ≤ 1.1× from source). Last, the sizes: the PyInstaller folder and its
.tar.gz, and the Nuitka folder when given.

Usage: python bench/bench_frozen.py [--bundle DIR] [--nuitka DIR] [--rounds 7]
       (without --bundle: the newest dist/kompassen-*-linux-*/, else it builds one in a
       temporary folder with packaging/linux/build.py --no-deb)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_RATIO = 1.1

BARE = """
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setCentralWidget(QLabel("Kompassen"))
w.resize(1280, 800)
w.show()
loop = QEventLoop()
while w.windowHandle() is None or not w.windowHandle().isExposed():
    loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
"""


def pct(xs: list[float], p: int) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``cmd`` until it has exited (it must succeed)."""
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    t = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({r.returncode}): {r.stdout[-500:]} {r.stderr[-1500:]}")
    return t


def tree_mb(path: Path) -> float:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() or f.is_symlink()) / 1e6


def find_bundle(tmp: Path) -> Path:
    built = sorted(
        (p for p in (ROOT / "dist").glob("kompassen-*-linux-*") if p.is_dir()),
        key=lambda p: p.stat().st_mtime,
    )
    if built:
        return built[-1]
    print("no bundle in dist/: building one (packaging/linux/build.py --no-deb)", flush=True)
    build = [sys.executable, str(ROOT / "packaging/linux/build.py"), "--no-deb"]
    subprocess.run([*build, "--out", str(tmp / "out"), "--work", str(tmp / "work")], check=True)
    return next(p for p in (tmp / "out").glob("kompassen-*-linux-*") if p.is_dir())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bundle", type=Path, help="a PyInstaller folder (dist/kompassen-…/)")
    p.add_argument("--nuitka", type=Path, help="a Nuitka standalone folder (main.dist/)")
    p.add_argument("--rounds", type=int, default=7)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-frozen-") as tmp_s:
        tmp = Path(tmp_s)
        bundle = (args.bundle or find_bundle(tmp)).resolve()
        env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPASSEN_")}
        env.update(
            KOMPASSEN_HOME=str(tmp / "home"), KOMPASSEN_KEYRING="0", QT_QPA_PLATFORM="offscreen"
        )
        variants: dict[str, list[str]] = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            "selftest, source": [sys.executable, "-m", "kompassen", "selftest"],
            "selftest, frozen (PyInstaller)": [str(bundle / "kompassen"), "selftest"],
            "--version, source": [sys.executable, "-m", "kompassen", "--version"],
            "--version, frozen (PyInstaller)": [str(bundle / "kompassen"), "--version"],
        }
        if args.nuitka:
            exe = next(
                f for f in args.nuitka.iterdir() if f.name.endswith(".bin") or f.name == "main"
            )
            variants["selftest, frozen (Nuitka)"] = [str(exe), "selftest"]
            variants["--version, frozen (Nuitka)"] = [str(exe), "--version"]
        for cmd in variants.values():  # untimed: first start installs the areas; warm caches
            timed(cmd, env)
        times: dict[str, list[float]] = {k: [] for k in variants}
        names = list(variants)
        for i in range(args.rounds):
            order = names[i % len(names) :] + names[: i % len(names)]  # rotate the order
            for name in order:
                times[name].append(timed(variants[name], env) * 1000)
        print(
            f"\n== Cold start, fresh processes, {args.rounds} interleaved rounds "
            "(ms from spawn to exit)"
        )
        print(f"{'':<34} {'median':>8} {'p90':>8}")
        for name, xs in times.items():
            print(f"{name:<34} {statistics.median(xs):>8.0f} {pct(xs, 90):>8.0f}")
        med = {k: statistics.median(v) for k, v in times.items()}
        ok = True
        for frozen in [k for k in med if "frozen" in k]:
            source = frozen.split(", frozen")[0] + ", source"
            ratio = med[frozen] / med[source]
            goal = ratio <= GOAL_RATIO
            ok = ok and (goal or "Nuitka" in frozen)
            mark = "met" if goal else "NOT met"
            print(f"{frozen} / source: {ratio:.2f}× (goal ≤ {GOAL_RATIO}×: {mark})")
        print(
            f"selftest from source / bare window: "
            f"{med['selftest, source'] / med['bare PySide6 window']:.2f}×"
        )
        print("\n== Sizes (MB = 10^6 bytes)")
        print(f"PyInstaller folder {bundle.name}: {tree_mb(bundle):.1f} MB")
        targz = bundle.with_name(bundle.name + ".tar.gz")
        if targz.is_file():
            print(f"PyInstaller .tar.gz: {targz.stat().st_size / 1e6:.1f} MB")
        if args.nuitka:
            print(
                f"Nuitka (pyside6-deploy) folder {args.nuitka.name}: {tree_mb(args.nuitka):.1f} MB"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
