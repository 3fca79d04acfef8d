"""Benchmark: the Platser list at city scale (issue #14), new path against the old, same run.

Synthetic areas (``generate_pack(n, seed=1)``) in a private KOMPASSEN_HOME. The old path is the
pre-#14 code kept verbatim in ``tests/places_reference.py``: one ``geo`` call per place (and per
place and landmark for the group), every row built at once, all on the GUI thread.

1. Data, no event loop. Old: read the places (``locations`` + ``services_by_location``) and
   build every row (``old_build_rows``) — what opening the page did — and, per landmark
   chosen, ``old_build_rows`` again. New: read + :func:`prepare_places` once per area (on the
   worker), then per landmark :func:`place_rows` + the first screen of rows made (60, what
   the view fetches first). Every landmark of the area is chosen once per round.
2. GUI, offscreen, the real :class:`LocationsPage` on a threaded search runner. A 10 ms timer
   on the GUI thread records the longest gap (the event loop blocked). Timed: from choosing a
   landmark in the combo to the first screen painted (rows delivered, viewport repainted);
   opening the page likewise. Baseline, same page, same run: the old path run on the GUI thread
   (read, ``old_build_rows``, ``set_rows``, repaint), which is how long the window froze.

3. First open, each in a fresh process (``--first-open``): from ``LocationsPage(svc)`` to its
   first screen painted (places in, rows delivered, viewport repainted), as when a worker
   opens Platser the first time, and the longest GUI gap meanwhile. The search page has been
   built and shown first and the worker's index built, as at the app's start (Qt's first-use
   costs fall there, not on Platser). Baseline, same run: another
   copy of the code, ``--baseline REV`` (default: the commit before first-screen reads)
   exported with ``git archive`` to a temp dir and put first on PYTHONPATH; the new code
   is ``--new REV`` likewise, or the working tree. Each copy opens its own copy of the
   catalogue (``--catalogue-from DIR``: ``DIR/synthetic-N/catalogue.db``; else installed),
   migrated in an untimed first run; the two alternate, ``--first-rounds`` times.

Goals (issue #14): first screen after choosing a landmark ≤ 100 ms at 10k, ≤ 500 ms at 100k;
first open to its first screen likewise; the event loop never blocked > 100 ms.

Usage: QT_QPA_PLATFORM=offscreen python bench/bench_places.py [--sizes 10000 100000] [--rounds N]
       [--landmarks K] (the first K landmarks of the area; default all)
       [--first-open [--only-first-open] [--baseline REV] [--new REV] [--first-rounds N]
        [--catalogue-from DIR]]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kompassen.compose import build
from kompassen.core.clock import FixedClock
from kompassen.gui.field.locations.page import LocationsPage
from kompassen.gui.field.services import build_services
from kompassen.testing.synthetic import generate_pack

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 23, 21, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
GOALS_MS = {10_000: 100.0, 100_000: 500.0}
MAX_GAP_MS = 100.0
BASELINE = "4d6c7c8^"  # the code before the first screen came from a bounded read


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def summary(xs: list[float]) -> str:
    return f"{statistics.median(xs):8.1f} {max(xs):8.1f}"


class Heartbeat:
    """A 10 ms timer on the GUI thread: the longest gap between ticks = the loop blocked."""

    def __init__(self) -> None:
        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

    def start(self) -> None:
        self.stamps = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.stamps.append(time.perf_counter())
        return max(b - a for a, b in zip(self.stamps, self.stamps[1:], strict=False)) * 1000


def wait(loop: QEventLoop, cond: Callable[[], bool], timeout_s: float = 120.0) -> None:
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the places did not arrive")
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def run(n: int, rounds: int, chosen: int, keep: Path | None) -> dict[str, object]:
    # here, not at the top: the first-open child (3.) may run the old code, which has not these
    from kompassen.gui.field.locations.model import LocationModel, place_rows, prepare_points
    from places_reference import old_build_rows

    area = f"synthetic-{n}"
    out: dict[str, object] = {"n": n}
    with tempfile.TemporaryDirectory() as tmp:
        home = keep / str(n) if keep is not None else Path(tmp)
        ctx = build({"KOMPASSEN_HOME": str(home)}, FixedClock(NOW))
        t0 = time.perf_counter()
        if area not in {a.id for a in ctx.catalogue.reader.areas()}:
            ctx.catalogue.install(generate_pack(n, seed=1))
        out["install_s"] = ms(t0) / 1000
        gc.collect()
        reader = ctx.catalogue.reader
        landmarks = reader.landmarks(area)

        # ---------------------------------------------------------------- 1. data
        fetch, fetch_ids = partial(reader.places, area), partial(reader.place_services, area)
        prepare_points(area, [], landmarks, fetch, fetch_ids)  # imports numpy, as the app has
        old_load, new_load, old_sort, new_sort = [], [], [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            locs, svcs = reader.locations(area), reader.services_by_location(area)
            t_read = ms(t0)
            t0 = time.perf_counter()
            old_build_rows(locs, svcs, landmarks, None, "sv")
            old_load.append(t_read + ms(t0))
            t0 = time.perf_counter()
            data = prepare_points(area, reader.place_points(area), landmarks, fetch, fetch_ids)
            new_load.append(ms(t0))
            for lm in landmarks[:chosen]:
                near = (lm.lat, lm.lon)
                t0 = time.perf_counter()
                old_build_rows(locs, svcs, landmarks, near, "sv")
                old_sort.append(ms(t0))
                t0 = time.perf_counter()
                rows = place_rows(data, near, "sv")
                rows.prefetch(0, LocationModel.BATCH)  # the first screen's names and services
                rows[: LocationModel.BATCH]
                new_sort.append(ms(t0))
        out["places"] = len(data)
        out["data"] = {
            "open (read + group)": (old_load, new_load),  # new: points only
            "landmark → first screen": (old_sort, new_sort),
        }

        # ---------------------------------------------------------------- 2. GUI
        app = QApplication.instance() or QApplication(sys.argv[:1])
        loop = QEventLoop()
        svc = build_services(ctx, area, synchronous=False)
        svc.theme.apply(NOW, force=True)
        # in the app the search page's first search has built the worker's SearchService
        # (imports, connection, index) long before Platser is opened: do that here too
        warmed: list[object] = []
        svc.runner.finished.connect(lambda *a: warmed.append(a))
        svc.runner.submit("warm-up", lambda s: s.index(area))
        wait(loop, lambda: bool(warmed))
        beat = Heartbeat()
        beat.start()
        t0 = time.perf_counter()
        page = LocationsPage(svc)
        page.resize(800, 1280)
        page.show()
        wait(loop, lambda: not page.busy)
        page.view.viewport().repaint()
        gui_open, gui_open_gap = ms(t0), beat.stop()
        gui_new, gui_new_gap, gui_old, gui_old_gap = [], [], [], []
        others = [lm for lm in landmarks if lm != svc.state.landmark][:chosen]
        for _ in range(rounds):
            for lm in others:
                beat.start()
                t0 = time.perf_counter()
                page.place_combo.setCurrentIndex(page.place_combo.findData(lm.id))
                wait(loop, lambda: not page.busy)
                page.view.viewport().repaint()
                gui_new.append(ms(t0))
                gui_new_gap.append(beat.stop())
                # the old path on the same page: what the window did before (GUI thread)
                beat.start()
                t0 = time.perf_counter()
                rows = old_build_rows(locs, svcs, landmarks, (lm.lat, lm.lon), "sv")
                page.model.set_rows(rows)
                page.view.viewport().repaint()
                gui_old.append(ms(t0))
                loop.processEvents()
                gui_old_gap.append(beat.stop())
        beat.start()
        t0 = time.perf_counter()
        locs2, svcs2 = reader.locations(area), reader.services_by_location(area)
        page.model.set_rows(old_build_rows(locs2, svcs2, landmarks, svc.state.near, "sv"))
        page.view.viewport().repaint()
        old_open = ms(t0)
        loop.processEvents()
        old_open_gap = beat.stop()
        out["gui"] = {
            "open → first screen": ([old_open], [gui_open]),
            "open: longest GUI gap": ([old_open_gap], [gui_open_gap]),
            "landmark → first screen": (gui_old, gui_new),
            "landmark: longest GUI gap": (gui_old_gap, gui_new_gap),
        }
        page.close()
        page.deleteLater()
        svc.runner.close()
        svc.device.close(drain=True)
        loop.processEvents()
        ctx.close()
        del app
    return out


# ------------------------------------------------------------------------ 3. first open


def child_first_open(n: int, home: Path) -> dict[str, object]:
    """In a fresh process: open Platser once on an installed area and time its first screen."""
    area = f"synthetic-{n}"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = QEventLoop()
    ctx = build({"KOMPASSEN_HOME": str(home)}, FixedClock(NOW))
    if area not in {a.id for a in ctx.catalogue.reader.areas()}:
        ctx.catalogue.install(generate_pack(n, seed=1))
    svc = build_services(ctx, area, synchronous=False)
    svc.theme.apply(NOW, force=True)
    # as in the app, the search page came first: built and shown (Qt's first-use costs,
    # ~60 ms of lazily made enums and the scroller), its index built on the worker
    from kompassen.gui.field.search.page import SearchPage

    search = SearchPage(svc)
    search.resize(800, 1280)
    search.show()
    warmed: list[object] = []
    svc.runner.finished.connect(lambda *a: warmed.append(a))
    svc.runner.submit("warm-up", lambda s: s.index(area))
    wait(loop, lambda: bool(warmed) and not svc.runner.busy, 600)
    loop.processEvents()
    search.hide()
    beat = Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    page = LocationsPage(svc)
    page.resize(800, 1280)
    page.show()
    wait(loop, lambda: not page.busy)
    page.view.viewport().repaint()
    first, gap = ms(t0), beat.stop()
    row = page.model.index(1, 0)
    out = {
        "first_ms": first,
        "gap_ms": gap,
        "rows": page.model.rowCount(),
        "shown": page.view.visualRect(row).height() > 0,
        "places": page.model.place_count(),
        "code": str(Path(sys.modules["kompassen"].__file__ or "").parents[1]),
    }
    page.close()
    svc.runner.close()
    svc.device.close(drain=True)
    ctx.close()
    del app
    return out


def export(rev: str, into: Path) -> Path:
    """``app/`` of ``rev`` (git archive) under ``into``; its path for PYTHONPATH."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "app"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "app"


def run_child(code: Path, n: int, home: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # the exported copies stay as they were
    done = subprocess.run(
        [sys.executable, __file__, "--child-first-open", str(n), str(home)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"first-open child failed ({code}):\n{done.stderr[-2000:]}")
    got: dict[str, object] = json.loads(lines[-1])
    if Path(str(got["code"])) != code:
        raise RuntimeError(f"the child ran {got['code']}, not {code}")
    return got


def first_open(
    sizes: list[int], rounds: int, baseline: str, new: str | None, source: Path | None, keep: Path
) -> dict[int, dict[str, list[float]]]:
    """Old and new code, each in fresh processes, alternating; each on its own catalogue copy."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-places-code-"))
    codes = {"old": export(baseline, tmp / "old")}
    codes["new"] = export(new, tmp / "new") if new else REPO / "app"
    print(f"first open: old = {baseline}, new = {new or 'working tree'} ({tmp})")
    out: dict[int, dict[str, list[float]]] = {}
    try:
        for n in sizes:
            homes = {}
            for label in codes:
                home = keep / "first-open" / label / str(n)
                db = home / "data" / "catalogue.db"
                given = source / f"synthetic-{n}" / "catalogue.db" if source else None
                if not db.exists() and given is not None and given.exists():
                    db.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(given, db)
                homes[label] = home
                run_child(codes[label], n, home)  # untimed: migrates, installs, snapshots
            got: dict[str, list[float]] = {"old": [], "new": [], "old_gap": [], "new_gap": []}
            for _ in range(rounds):
                for label in codes:
                    r = run_child(codes[label], n, homes[label])
                    if not r["shown"] or not r["rows"]:
                        raise RuntimeError(f"{label}: no rows on the first screen: {r}")
                    got[label].append(float(r["first_ms"]))  # type: ignore[arg-type]
                    got[f"{label}_gap"].append(float(r["gap_ms"]))  # type: ignore[arg-type]
            out[n] = got
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def report_first_open(results: dict[int, dict[str, list[float]]]) -> bool:
    ok = True
    for n, got in results.items():
        print(f"\n== first open, {n:,} services (fresh process each, {len(got['new'])} rounds)")
        print(f"{'':32} {'old p50':>8} {'old max':>8} {'new p50':>8} {'new max':>8} {'old/new':>8}")
        for name, old, new in (
            ("open → first screen", got["old"], got["new"]),
            ("open: longest GUI gap", got["old_gap"], got["new_gap"]),
        ):
            ratio = statistics.median(old) / max(statistics.median(new), 1e-9)
            print(f"{name:32} {summary(old)} {summary(new)} {ratio:7.1f}×")
        goal = GOALS_MS.get(n)
        if goal is not None:
            worst = max(got["new"])
            met = worst <= goal
            ok &= met
            print(
                f"goal first open ≤ {goal:.0f} ms: worst {worst:.0f} ms — {'PASS' if met else 'FAIL'}"
            )
        gap = max(got["new_gap"])
        met = gap <= MAX_GAP_MS
        ok &= met
        print(
            f"goal GUI never blocked > {MAX_GAP_MS:.0f} ms: worst {gap:.0f} ms — {'PASS' if met else 'FAIL'}"
        )
    return ok


def report(r: dict[str, object]) -> bool:
    n = int(r["n"])  # type: ignore[call-overload]
    print(f"\n== {n:,} services, {r['places']:,} places (install {r['install_s']:.1f} s)")
    print(f"{'':32} {'old p50':>8} {'old max':>8} {'new p50':>8} {'new max':>8} {'old/new':>8}")
    ok = True
    for part in ("data", "gui"):
        for name, (old, new) in r[part].items():  # type: ignore[attr-defined]
            ratio = statistics.median(old) / max(statistics.median(new), 1e-9)
            print(f"{part + ': ' + name:32} {summary(old)} {summary(new)} {ratio:7.1f}×")
    goal = GOALS_MS.get(n)
    gui = r["gui"]
    first = max(gui["landmark → first screen"][1])  # type: ignore[index]
    gap = max(max(gui["landmark: longest GUI gap"][1]), gui["open: longest GUI gap"][1][0])  # type: ignore[index]
    if goal is not None:
        met = first <= goal
        ok &= met
        print(
            f"goal first screen ≤ {goal:.0f} ms: worst {first:.0f} ms — {'PASS' if met else 'FAIL'}"
        )
    met = gap <= MAX_GAP_MS
    ok &= met
    print(
        f"goal GUI never blocked > {MAX_GAP_MS:.0f} ms: worst {gap:.0f} ms — {'PASS' if met else 'FAIL'}"
    )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--landmarks", type=int, default=1000, help="landmarks chosen per round")
    ap.add_argument("--keep", type=Path, help="keep the catalogues here and reuse them next time")
    ap.add_argument("--first-open", action="store_true", help="also time the first open (3.)")
    ap.add_argument("--only-first-open", action="store_true", help="only the first open")
    ap.add_argument("--baseline", default=BASELINE, help="the old code for the first open")
    ap.add_argument("--new", help="the new code for the first open (default: working tree)")
    ap.add_argument("--first-rounds", type=int, default=5)
    ap.add_argument("--catalogue-from", type=Path, help="DIR/synthetic-N/catalogue.db to copy")
    ap.add_argument("--child-first-open", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_first_open:
        n, home = args.child_first_open
        print(json.dumps(child_first_open(int(n), Path(home))))
        return 0
    ok = True
    if not args.only_first_open:
        for n in args.sizes:
            ok &= report(run(n, args.rounds, args.landmarks, args.keep))
    if args.first_open or args.only_first_open:
        keep = args.keep or Path(tempfile.mkdtemp(prefix="bench-places-"))
        results = first_open(
            args.sizes, args.first_rounds, args.baseline, args.new, args.catalogue_from, keep
        )
        ok &= report_first_open(results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
