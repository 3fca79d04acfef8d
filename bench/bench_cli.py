"""Benchmark: a one-shot ``kompassen search härbärge`` in a fresh process (issue #14).

Scripts and the office call the CLI in loops, so what counts is the wall time of a whole new
process: interpreter, imports, opening the catalogue, checking the bundled packs, building
the area's index, one search, printing. Goal: median ≤ 0.25 s on the shipped Klara pack.

Baseline (same run, interleaved with ours): a fresh ``python`` that opens catalogue.db with
the bare ``sqlite3`` module and runs the same FTS5 MATCH the engine runs for the word
(``SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH '"harbarg"*'``):
what any Python one-shot answering from that file must pay at least.

Both run against their own KOMPASSEN_HOME (made and filled by one first, untimed run), with
the bytecode cached as in an installed app (PYTHONPYCACHEPREFIX in that folder). CPU
time (user + sys of the child) is reported too: on a loaded machine it varies less than wall.
Then ``python -X importtime`` of the same search: the 15 slowest imports (cumulative, top
level only), to see what the time is spent on.

``--before DIR``: one more contender in the same interleaved run, the same search from
another copy of the app (``DIR`` is put first on PYTHONPATH, e.g. ``git archive`` of an older
commit's ``app/``), with a home of its own: before and after, on the same machine load.

Usage: python bench/bench_cli.py [--repeat N] [--text härbärge] [--area klara] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 0.25
PY = sys.executable


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (its output thrown away; must exit 0)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def stats(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return (
        f"min {xs[0] * 1000:4.0f}  median {statistics.median(xs) * 1000:4.0f}  "
        f"p95 {p95 * 1000:4.0f} ms"
    )


def baseline_code(db: Path, text: str) -> str:
    """The bare-sqlite3 one-shot: the same analysed word, one MATCH, fetchall."""
    from kompassen.catalogue.search.analyzer import Analyzer, words

    terms = [Analyzer().term(w) for w in words(text)]
    match = " OR ".join(f'"{t}"*' for t in terms)
    sql = "SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ?"
    return (
        f"import sqlite3; c = sqlite3.connect({str(db)!r}); "
        f"print(len(c.execute({sql!r}, ({match!r},)).fetchall()))"
    )


def importtime_top(cmd: list[str], env: dict[str, str], n: int = 15) -> list[tuple[int, str]]:
    """The ``n`` slowest top-level imports (cumulative µs) of one run of ``cmd``."""
    out = subprocess.run(
        [PY, "-X", "importtime", *cmd[1:]] if cmd[0] == PY else cmd,
        env={**env, "PYTHONPROFILEIMPORTTIME": "1"},
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in out.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if m and len(m.group(2)) <= 2:  # top level and its direct children
            rows.append((int(m.group(1)), ("  " if m.group(2) else "") + m.group(3)))
    return sorted(rows, reverse=True)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--text", default="härbärge")
    ap.add_argument("--area", default="klara")
    ap.add_argument("--before", type=Path, help="another copy of app/ to time in the same run")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        # an installed app has its .pyc files: compile once into a cache of our own (no
        # __pycache__ in the tree), whatever PYTHONDONTWRITEBYTECODE the shell has
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base_env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        search = [PY, "-m", "kompassen", "search", "--area", args.area, args.text]

        def contender(name: str, app: Path | None) -> tuple[list[str], dict[str, str]]:
            home = Path(tmp) / name.replace(" ", "-")
            env = base_env | {"KOMPASSEN_HOME": str(home)}
            if app is not None:
                env["PYTHONPATH"] = os.pathsep.join(
                    p for p in (str(app.resolve()), env.get("PYTHONPATH")) if p
                )
            subprocess.run(search, env=env, check=True, stdout=subprocess.DEVNULL)  # install
            run(search, env)  # and one warm-up: the .pyc files and the calendar file are written
            return search, env

        ours = contender("kompassen search", None)
        db = Path(ours[1]["KOMPASSEN_HOME"]) / "data" / "catalogue.db"
        contenders = {"kompassen search": ours}
        if args.before is not None:
            contenders["before"] = contender("before", args.before)
        contenders["bare sqlite3"] = ([PY, "-c", baseline_code(db, args.text)], ours[1])
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
        for _ in range(args.repeat):  # interleaved: all see the same machine load
            for name, (cmd, env) in contenders.items():
                times[name].append(run(cmd, env))
        print(f"fresh processes, {args.repeat} runs each, {args.area!r}, {args.text!r}")
        for name, rs in times.items():
            print(f"  {name:17} wall {stats([w for w, _ in rs])}")
            print(f"  {'':17} cpu  {stats([c for _, c in rs])}")
        ours_med = statistics.median(w for w, _ in times["kompassen search"])
        base_med = statistics.median(w for w, _ in times["bare sqlite3"])
        verdict = "OK" if ours_med <= GOAL_S else "MISSED"
        print(
            f"  goal median ≤ {GOAL_S * 1000:.0f} ms: {verdict} ({ours_med * 1000:.0f} ms, "
            f"{ours_med / base_med:.1f}× the bare sqlite3 one-shot)"
        )
        print("python -X importtime, slowest imports (cumulative ms):")
        for us, name in importtime_top(*ours):
            print(f"  {us / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
