"""Print the search-quality table: per query what came, what failed, and the two means.

    .venv/bin/python -m tests.search_quality.report [--all]

Without ``--all`` only the first 3 hits are shown per row.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from .harness import Outcome, catalogue, means, run_all


def _pct(x: float | None) -> str:
    return "  – " if x is None else f"{x:4.2f}"


def print_report(outcomes: list[Outcome], show: int = 3) -> None:
    print(f"{'row':38} {'P@3':>4} {'R@10':>4}  result")
    for o in outcomes:
        mark = "ok" if o.ok else ("XFAIL" if o.row.xfail else "FAIL")
        print(f"{o.row.id:38} {_pct(o.precision3)} {_pct(o.recall10)}  {mark}  {o.row.describe()}")
        print(f"{'':50}→ {', '.join(o.hits[:show]) or '(nothing)'}")
        if o.guides:
            print(f"{'':50}  guides: {', '.join(o.guides[:3])}")
        for p in o.problems:
            print(f"{'':50}  ✗ {p}")
    print()
    by_area: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_area[o.row.area].append(o)
    p3, r10, n = means(outcomes)
    ideal = [o.ideal_precision3 for o in outcomes if o.ideal_precision3 is not None]
    passed = sum(o.ok for o in outcomes)
    xfailed = sum(bool(o.row.xfail) and not o.ok for o in outcomes)
    print(
        f"queries: {len(outcomes)} ({n} with listed relevant services); "
        f"all expectations met: {passed}, known weaknesses (xfail): {xfailed}, "
        f"other failures: {len(outcomes) - passed - xfailed}"
    )
    print(
        f"mean precision@3: {p3:.3f} (ceiling {sum(ideal) / len(ideal):.3f} given the rows "
        f"listing fewer than 3 relevant services); mean recall@10: {r10:.3f}"
    )
    for area, rows in by_area.items():
        a_p3, a_r10, _ = means(rows)
        a_ok = sum(o.ok for o in rows)
        print(
            f"  {area:18} queries {len(rows):3}  met {a_ok:3}  "
            f"precision@3 {a_p3:.3f}  recall@10 {a_r10:.3f}"
        )


def main(argv: list[str]) -> int:
    show = 10 if "--all" in argv else 3
    with (
        tempfile.TemporaryDirectory(prefix="kompassen-quality-") as tmp,
        catalogue(Path(tmp)) as ss,
    ):
        print_report(run_all(ss), show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
