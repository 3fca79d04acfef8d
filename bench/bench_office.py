"""Benchmark: the office's statistics and lägesrapport over a year of synthetic data (issue #18).

Made here, seeded: 50 tablets × 365 days of usage aggregates (``DayUsage``, the shape a
tablet sends) and 20,000 report summaries over the same year. The aggregates are summed
per day, metric and key (what ``InboxStore.usage_rows`` hands the statistics), then timed:

* ``statistics()`` for one month and for the whole year (with the previous period) — the
  statistics view's work after the store's read; goal < 1 s;
* ``lagesrapport.build()`` + ``to_html()`` for a month and for the year; goal < 5 s;
* unless ``--no-gui``: the Statistik page showing those tables (laid out and painted with its
  QPainter charts, offscreen) is added to the statistics time, and the PDF (``write_pdf``) to
  the lägesrapport's.

Baseline in the same run: one plain loop over the same rows and reports that only sums the
counts (what any code that reads every row must pay). Times are the median of ``--repeat``.

Usage: python bench/bench_office.py [--repeat 5] [--devices 50] [--reports 20000] [--no-gui]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics as stats
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kompassen.office.inbox.model import ReportSummary
from kompassen.office.stats import lagesrapport
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.office.stats.tables import (
    CodeLabels,
    StatsTable,
    UsageRow,
    freshness_table,
    statistics,
    usage_rows,
)
from kompassen.reports.usage_format import DayUsage

AREA = "klara"
YEAR = 2026
GOAL_VIEW_S = 1.0
GOAL_REPORT_S = 5.0

CHIPS = [f"group.g{i}" for i in range(12)] + [f"need.n{i}" for i in range(24)]
SERVICES = [f"svc-{i:03d}" for i in range(200)]
PLACES = [""] + [f"lm-{i:02d}" for i in range(50)]
WORDS = [f"word.w{i:03d}" for i in range(120)]
KINDS = ("unsolved", "solution", "change", "error")


def make_usage(devices: int, rnd: random.Random) -> list[DayUsage]:
    """One aggregate per tablet and day of the year, about 60 keys each."""
    out = []
    day = date(YEAR, 1, 1)
    while day.year == YEAR:
        iso = day.isoformat()
        for _ in range(devices):
            n = rnd.randint(5, 40)
            zero = rnd.randint(0, max(1, n // 4))
            search = {"": n}
            for c in rnd.sample(CHIPS, 8):
                search[c] = rnd.randint(1, n)
            zero_combo: dict[str, int] = {}
            for _ in range(min(zero, 4)):
                k = "+".join(sorted(rnd.sample(CHIPS, rnd.randint(1, 2))))
                zero_combo[k] = zero_combo.get(k, 0) + 1
            counts = {
                "search": search,
                "zero": {"": zero} if zero else {},
                "zero_combo": zero_combo,
                "zero_word": {w: rnd.randint(1, 3) for w in rnd.sample(WORDS, 3)},
                "view": {s: rnd.randint(1, 4) for s in rnd.sample(SERVICES, 15)},
                "handover": {s: rnd.randint(1, 2) for s in rnd.sample(SERVICES, 6)},
                "handover_place": {p: rnd.randint(1, 3) for p in rnd.sample(PLACES, 4)},
                "handover_chip": {c: rnd.randint(1, 3) for c in rnd.sample(CHIPS, 4)},
                "report": {k: rnd.randint(1, 2) for k in rnd.sample(KINDS, 2)},
            }
            out.append(DayUsage(AREA, iso, {m: v for m, v in counts.items() if v}))
        day += timedelta(days=1)
    return out


def make_reports(n: int, rnd: random.Random) -> list[ReportSummary]:
    start = datetime(YEAR, 1, 1, 8, 0)
    out = []
    for _ in range(n):
        at = start + timedelta(minutes=rnd.randrange(365 * 24 * 60))
        iso = at.isoformat() + "+01:00"
        out.append(
            ReportSummary(
                AREA,
                rnd.choice(KINDS),
                iso,
                iso,
                rnd.choice(PLACES) or None,
                tuple(rnd.sample(CHIPS[12:], rnd.randint(0, 3))),
                tuple(rnd.sample(CHIPS[:12], rnd.randint(0, 2))),
                rnd.choice(("new", "in_progress", "solved", "not_actionable", "needs_info")),
                None,
            )
        )
    out.sort(key=lambda r: r.occurred_at)
    return out


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return stats.median(times)


def run_case(
    name: str,
    period: Period,
    rows: list[UsageRow],
    reports: list[ReportSummary],
    problems: list[ReportSummary],
    fresh: StatsTable,
    repeat: int,
) -> tuple[str, int, int, float, float, float, int]:
    """Baseline, statistics() and the lägesrapport of one period (with the previous one)."""
    labels = CodeLabels()
    f = StatsFilter(AREA, period)

    def cut(p: Period) -> tuple[list[UsageRow], list[ReportSummary]]:
        lo, hi = p.iso()
        return [r for r in rows if lo <= r[0] <= hi], [
            x for x in reports if lo <= x.occurred_at[:10] <= hi
        ]

    now_rows, now_reps = cut(period)
    prev_rows, prev_reps = cut(period.previous())

    def baseline() -> int:
        s = 0
        for r in now_rows:
            s += r[3]
        for r in prev_rows:
            s += r[3]
        return s + len(now_reps) + len(prev_reps)

    def view() -> object:
        return statistics(now_rows, prev_rows, now_reps, prev_reps, f, labels)

    html_len = 0

    def report() -> object:
        nonlocal html_len
        rep = lagesrapport.build(
            area=("Klara", "Klara"),
            f=f,
            usage=now_rows,
            previous_usage=prev_rows,
            reports=now_reps,
            previous_reports=prev_reps,
            open_problems=problems,
            guides_published=[],
            freshness=fresh,
            labels=labels,
            now=datetime(YEAR, 12, 31, 9, 0),
        )
        html_len = len(lagesrapport.to_html(rep, "sv"))
        return rep

    b = median_time(baseline, repeat)
    v = median_time(view, repeat)
    r = median_time(report, repeat)
    if GUI is not None:  # what the coordinator waits for: the page drawn, the PDF written
        tables = statistics(now_rows, prev_rows, now_reps, prev_reps, f, labels)
        rep = report()
        v += median_time(lambda: GUI.show(tables), repeat)
        r += median_time(lambda: GUI.pdf(rep), repeat)
    return name, len(now_rows) + len(prev_rows), len(now_reps) + len(prev_reps), b, v, r, html_len


class _Gui:
    """The Statistik page (tables and QPainter charts laid out and painted) and the PDF."""

    def __init__(self, home: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from kompassen.compose import build
        from kompassen.core.clock import FixedClock
        from kompassen.gui.office.stats.page import Loaded, StatsPage

        self.app = QApplication.instance() or QApplication([])
        clock = FixedClock(datetime(YEAR, 12, 31, 9, 0, tzinfo=UTC))
        self.ctx = build({"KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}, clock)
        self.page = StatsPage(self.ctx, AREA, "sv", None, synchronous=True)
        self.page.resize(1400, 1000)
        self.loaded = Loaded
        self.out = home / "lagesrapport.pdf"

    def show(self, tables: list[StatsTable]) -> None:
        self.page._show(self.loaded(tables, True))
        self.page.grab()  # laid out and painted, charts included

    def pdf(self, rep: object) -> None:
        from kompassen.gui.office.stats.pdf import write_pdf

        write_pdf(rep, self.out, "sv")


GUI: _Gui | None = None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--devices", type=int, default=50)
    ap.add_argument("--reports", type=int, default=20_000)
    ap.add_argument("--no-gui", action="store_true", help="data only: no page, no PDF")
    a = ap.parse_args()
    global GUI
    if not a.no_gui:
        GUI = _Gui(Path(tempfile.mkdtemp(prefix="bench-office-")))
    rnd = random.Random(18)

    t0 = time.perf_counter()
    usage = make_usage(a.devices, rnd)
    reports = make_reports(a.reports, rnd)
    made = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = usage_rows(usage)
    summed = time.perf_counter() - t0
    raw_keys = sum(len(v) for u in usage for v in u.counts.values())
    print(
        f"data: {len(usage):,} aggregates ({raw_keys:,} counts), {len(reports):,} reports, "
        f"made in {made:.1f} s; summed to {len(rows):,} rows in {summed:.2f} s"
    )

    fresh = freshness_table(
        ["2026-11-01"] * 150 + ["2024-05"] * 40 + ["unknown"] * 10, date(YEAR, 12, 31)
    )
    problems = [r for r in reports if r.kind == "unsolved" and r.state in ("new", "in_progress")]
    # the year's previous period (2025) holds no data; the month and quarter compare in full
    cases = {
        "month": Period.month(YEAR, 11),
        "quarter": Period.quarter(YEAR, 4),
        "year": Period.year(YEAR),
    }
    results = [
        run_case(name, period, rows, reports, problems, fresh, a.repeat)
        for name, period in cases.items()
    ]

    print(
        f"{'period':<7} {'rows':>8} {'reports':>7} {'baseline':>9} {'statistics':>11} "
        f"{'ratio':>6} {'lägesrapport':>13} {'ratio':>6} {'html':>6}"
    )
    ok = True
    for name, n_rows, n_reps, b, v, r, html_len in results:
        print(
            f"{name:<7} {n_rows:>8,} {n_reps:>7,} {b * 1000:>7.1f}ms {v * 1000:>9.1f}ms "
            f"{v / b:>6.1f} {r * 1000:>11.1f}ms {r / b:>6.1f} {html_len / 1024:>4.0f}KB"
        )
        ok &= v < GOAL_VIEW_S and r < GOAL_REPORT_S
    print(
        f"goals: statistics{' view (data + page drawn)' if GUI else ''} < {GOAL_VIEW_S:.0f} s, "
        f"lägesrapport (build + HTML{' + PDF' if GUI else ''}) < {GOAL_REPORT_S:.0f} s: "
        + ("met" if ok else "NOT met")
    )


if __name__ == "__main__":
    main()
