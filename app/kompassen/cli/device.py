"""``kompassen device-db check`` and ``kompassen device-db recover``: a damaged device.db.

device.db is precious (drafts, the sealed outbox), so the app never rebuilds it on its own:
it says it is damaged and stops writing. These commands are the way out. They open neither
the catalogue nor the app's object graph (a damaged device.db or catalogue must not stop
them): only the paths, the log and the file itself (:mod:`kompassen.device.recovery`).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from kompassen.cli.handler import Subparsers

if TYPE_CHECKING:
    from kompassen.device.paths import Paths

EXIT_DAMAGED = 1  # check: the file is damaged

_TABLE_SV = {
    "outbox": "utkorgen",
    "draft": "utkast",
    "sync_state": "synkläge",
    "usage_event": "användningshändelser",
    "report_answer": "kontorets svar",
}


def register(sub: Subparsers) -> None:
    """The device database: check it, recover it."""
    d = sub.add_parser("device-db", help="check or recover the device database (device.db)")
    dsub = d.add_subparsers(dest="device_db_command", metavar="ACTION", required=True)
    c = dsub.add_parser(
        "check",
        help="SQLite's quick_check of device.db; exit 1 when it is damaged",
        description="Read-only: nothing is changed. Exit status 0 whole, 1 damaged.",
    )
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.set_defaults(handler=run_check)
    r = dsub.add_parser(
        "recover",
        help="copy a damaged device.db aside and rebuild it from its readable rows",
        description="Close the app first. The damaged file is copied into backups/ (never "
        "deleted); a fresh device.db gets every readable row, the outbox first, and replaces "
        "it. Prints how many rows of each table were saved and lost.",
    )
    r.add_argument("--json", action="store_true", help="machine-readable output")
    r.add_argument("--force", action="store_true", help="recover even if no damage is found")
    r.set_defaults(handler=run_recover)


def _paths() -> Paths:
    from kompassen.device.logs import setup_logging
    from kompassen.device.paths import resolve_paths

    paths = resolve_paths().ensure()
    setup_logging(paths.log_file)
    return paths


def run_check(args: argparse.Namespace, lang: str) -> int:
    from kompassen.device.recovery import check

    health = check(_paths().device_db)
    if args.json:
        out = {"path": str(health.path), "exists": health.exists, "ok": health.ok}
        print(json.dumps({**out, "problems": health.problems}, ensure_ascii=False, indent=2))
    elif not health.exists:
        print(
            f"Det finns ingen enhetsdatabas ännu ({health.path})."
            if lang != "en"
            else f"There is no device database yet ({health.path})."
        )
    elif health.ok:
        print(
            f"Enhetens databas är hel ({health.path})."
            if lang != "en"
            else f"The device database is sound ({health.path})."
        )
    else:
        found = "; ".join(
            line for p in health.problems for line in p.splitlines() if not line.startswith("***")
        )[:300]
        print(
            f"Enhetens databas är skadad ({health.path}): {found}\n"
            "Stäng appen och kör `kompassen device-db recover`."
            if lang != "en"
            else f"The device database is damaged ({health.path}): {found}\n"
            "Close the app and run `kompassen device-db recover`."
        )
    return 0 if health.ok else EXIT_DAMAGED


def run_recover(args: argparse.Namespace, lang: str) -> int:
    from kompassen.core.clock import SystemClock
    from kompassen.device.recovery import recover

    paths = _paths()
    result = recover(paths.device_db, paths.backup_dir, SystemClock().now(), force=args.force)
    if args.json:
        tables = {
            t.table: {"saved": t.saved, "lost": t.lost, "unreadable_ranges": t.unreadable_ranges}
            for t in result.tables
        }
        out = {"device_db": str(paths.device_db), "damaged_copy": str(result.damaged_copy)}
        print(json.dumps({**out, "tables": tables}, ensure_ascii=False, indent=2))
        return 0
    sv = lang != "en"
    print(
        f"Den skadade filen är sparad som {result.damaged_copy}."
        if sv
        else f"The damaged file is kept as {result.damaged_copy}."
    )
    for t in result.tables:
        name = _TABLE_SV[t.table] if sv else t.table
        lost = ("okänt antal" if sv else "unknown") if t.lost is None else str(t.lost)
        print(
            f"  {name}: {t.saved} räddade, {lost} förlorade"
            if sv
            else f"  {name}: {t.saved} saved, {lost} lost"
        )
    print(
        f"{paths.device_db} är ersatt med det som gick att rädda; appen kan användas igen."
        if sv
        else f"{paths.device_db} is replaced with what could be saved; the app can be used again."
    )
    return 0
