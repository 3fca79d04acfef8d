"""The ``kompassen`` command: the GUI by default, and stable subcommands for scripts.

Every command honours KOMPASSEN_HOME, prints ``--help``, and on bad input exits non-zero with
one clear line (Swedish, or English with KOMPASSEN_LANG=en).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kompassen import __version__
from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from kompassen.compose import AppContext

EXIT_USER_ERROR = 2


def _lang() -> str:
    return "en" if os.environ.get("KOMPASSEN_LANG", "sv").startswith("en") else "sv"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kompassen",
        description="Kompassen – vem kan jag lämna över till? (offline partner catalogue)",
    )
    p.add_argument("--version", action="version", version=f"kompassen {__version__}")
    p.add_argument(
        "--area", help="area to show in the GUI (default: the last one used, else klara)"
    )
    p.add_argument("--office", action="store_true", help="start in office mode")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("selftest", help="build the main window offscreen, query the catalogue, exit 0")

    s = sub.add_parser(
        "search",
        help="search partner services: chips, free text, time and place",
        description="Search the catalogue. Chips (--group/--need) filter; TEXT ranks and widens.",
    )
    s.add_argument("text", nargs="*", metavar="TEXT", help="free text (slang and typos are fine)")
    s.add_argument("--area", dest="search_area", default="klara", help="area id (default klara)")
    s.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="CODE",
        help="target group code, e.g. group.youth",
    )
    s.add_argument(
        "--need",
        action="append",
        default=[],
        metavar="CODE",
        help="need code, e.g. need.shelter-tonight",
    )
    when = s.add_mutually_exclusive_group()
    when.add_argument(
        "--open-at", metavar="ISO", help="rank by open status at this moment (local time)"
    )
    when.add_argument("--open-now", action="store_true", help="rank by open status now (default)")
    when.add_argument(
        "--tonight", action="store_true", help="open at any time tonight (18:00–08:00)"
    )
    s.add_argument(
        "--only-open", action="store_true", help="leave out services not open at that time"
    )
    s.add_argument("--near", metavar="LANDMARK", help="landmark name or lat,lon for distances")
    s.add_argument("--limit", type=int, default=10, help="number of results (default 10)")
    s.add_argument("--lang", choices=("sv", "en"), default=None, help="language of texts")
    s.add_argument("--json", action="store_true", help="JSON list of services")
    s.add_argument(
        "--full", action="store_true", help="with --json: the whole result (guides, chips, facets)"
    )

    a = sub.add_parser("areas", help="list installed areas with service counts")
    a.add_argument("--json", action="store_true", help="machine-readable output")

    v = sub.add_parser("validate-pack", help="check an area pack folder and list every problem")
    v.add_argument("path", type=Path)

    i = sub.add_parser("install-pack", help="validate and install an area pack folder")
    i.add_argument("path", type=Path)

    ih = sub.add_parser("import-hsds", help="import HSDS 3 data (datapackage JSON or CSV folder)")
    ih.add_argument("path", type=Path)
    ih.add_argument("--area", required=True, dest="target_area")

    eh = sub.add_parser("export-hsds", help="export an area as HSDS 3 (JSON and CSV)")
    eh.add_argument("dir", type=Path)
    eh.add_argument("--area", required=True, dest="target_area")
    _sync_parsers(sub)
    return p


def _sync_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Reports, outbox, sync and the office commands (see docs/SYNC.md)."""
    r = sub.add_parser("report", help="reports to the office (sealed, queued in the outbox)")
    rsub = r.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    rs = rsub.add_parser(
        "submit",
        help="seal a report (JSON) to its area's office and queue it; prints its uuid",
        description="FILE holds one report object as in docs/SYNC.md ('-' reads stdin).",
    )
    rs.add_argument("file", metavar="FILE.json")

    o = sub.add_parser("outbox", help="list the outbox: status, attempts, last error")
    o.add_argument("--json", action="store_true", help="machine-readable output")

    s = sub.add_parser(
        "sync",
        help="send the outbox and fetch catalogue releases",
        description="Send queued reports and fetch signed catalogue releases. Exit status: "
        "0 done; 3 the server could not be reached or refused (the reports stay queued); "
        "2 bad input.",
    )
    s.add_argument("--server", metavar="URL", help="use this server instead of the enrolled one")
    s.add_argument(
        "--area",
        dest="sync_area",
        action="append",
        default=[],
        metavar="A",
        help="area to update (repeatable; default every installed area)",
    )
    s.add_argument("--no-pull", action="store_true", help="only send, fetch no releases")

    e = sub.add_parser("enrol", help="connect this device to a server with a code from the office")
    e.add_argument(
        "--server", required=True, metavar="URL", help="e.g. https://kompassen.example.se"
    )
    e.add_argument("code", metavar="CODE", help="enrolment code, e.g. K7QX-M2PR-4T9W-HC3N")
    e.add_argument("--name", default="", help="a name for this device in the office's list")

    k = sub.add_parser("keys", help="office key pairs for reports and releases")
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kg = ksub.add_parser(
        "generate",
        help="write office-keys.json (encrypted) and public-keys.json into DIR",
        description="Passphrase from a prompt (twice) or KOMPASSEN_KEY_PASSPHRASE. "
        "Never overwrites existing key files.",
    )
    kg.add_argument("--out", type=Path, required=True, metavar="DIR")
    kg.add_argument(
        "--strength",
        choices=("moderate", "interactive"),
        default="moderate",
        help="argon2id cost (default moderate; interactive is faster and weaker)",
    )

    of = sub.add_parser("office", help="office side: fetch reports, publish releases")
    osub = of.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--server", required=True, metavar="URL")
    common.add_argument("--key", type=Path, required=True, metavar="FILE", help="office-keys.json")
    common.add_argument(
        "--user", help="office user (default KOMPASSEN_OFFICE_USER, else your login name)"
    )
    common.add_argument("--timeout", type=float, default=30.0, help="seconds (default 30)")
    fr = osub.add_parser(
        "fetch-reports",
        parents=[common],
        help="fetch and open new reports into DIR/<uuid>.json",
        description="Password from KOMPASSEN_OFFICE_PASSWORD or a prompt; key passphrase "
        "from KOMPASSEN_KEY_PASSPHRASE or a prompt. Already fetched reports are skipped; "
        "ones that cannot be opened are kept in DIR/unreadable/.",
    )
    fr.add_argument("--out", type=Path, required=True, metavar="DIR")
    pu = osub.add_parser(
        "publish",
        parents=[common],
        help="sign the installed area as the next catalogue release and publish it",
    )
    pu.add_argument("--area", required=True, dest="publish_area", metavar="A")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = _lang()
    try:
        return _dispatch(args, lang)
    except KompassenError as err:
        print(f"kompassen: {err.message(lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as err:
        msg = f"Filfel: {err}" if lang == "sv" else f"File error: {err}"
        print(f"kompassen: {msg}", file=sys.stderr)
        return EXIT_USER_ERROR


def _dispatch(args: argparse.Namespace, lang: str) -> int:
    if args.command is None:
        # the window first, the catalogue after its first paint (see gui/launch.py)
        from kompassen.gui.launch import launch

        return launch(dict(os.environ), args.area, office=args.office)
    if args.command == "validate-pack":
        from kompassen.catalogue.pack.validate import read_pack_dir

        pack = read_pack_dir(args.path)
        n = len(pack.doc("services.json")["services"])
        print(
            f"OK: {pack.area_id} ({n} tjänster)"
            if lang == "sv"
            else f"OK: {pack.area_id} ({n} services)"
        )
        return 0

    if args.command == "keys":
        from kompassen.cli.office import run_keys_generate

        return run_keys_generate(args, lang)
    if args.command == "office" and args.office_command == "fetch-reports":
        from kompassen.cli.office import run_fetch_reports

        return run_fetch_reports(args, lang)

    from kompassen.compose import build  # not before the GUI's first window: see launch.py

    ctx = build()
    try:
        if args.command == "areas":
            return _areas(ctx, args.json, lang)
        if args.command == "search":
            from kompassen.cli.search import run_search

            return run_search(ctx, args, args.lang or lang)
        if args.command == "install-pack":
            version = ctx.catalogue.install_dir(args.path, origin="local")
            print(f"{args.path.name}: katalogversion {version}")
            return 0
        if args.command == "import-hsds":
            from kompassen.catalogue.hsds.importer import import_hsds

            result = import_hsds(ctx.catalogue, args.path, args.target_area)
            print(result.summary(lang))
            return 0
        if args.command == "export-hsds":
            from kompassen.catalogue.hsds.export import export_hsds

            result = export_hsds(ctx.catalogue, args.target_area, args.dir)
            print(result.summary(lang))
            return 0
        if args.command in ("report", "outbox", "sync", "enrol"):
            from kompassen.cli import reports as report_cli
            run = {
                "report": report_cli.run_report_submit,
                "outbox": report_cli.run_outbox,
                "sync": report_cli.run_sync,
                "enrol": report_cli.run_enrol,
            }[args.command]
            return run(ctx, args, lang)
        if args.command == "office":
            from kompassen.cli.office import run_publish

            return run_publish(ctx, args, lang)
        from kompassen.gui.app import selftest

        return selftest(ctx, area_id=args.area or "klara")
    finally:
        ctx.close()


def _areas(ctx: AppContext, as_json: bool, lang: str) -> int:
    areas = ctx.catalogue.reader.areas()
    if as_json:
        out = [
            {
                "id": a.id,
                "name": a.name,
                "title": a.title,
                "services": a.service_count,
                "pack_version": a.pack_version,
                "catalogue_version": a.catalogue_version,
            }
            for a in areas
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not areas:
        print("Inga områden installerade." if lang == "sv" else "No areas installed.")
    for a in areas:
        unit = "tjänster" if lang == "sv" else "services"
        print(f"{a.id:20} {a.service_count:4} {unit}  {a.name} – {a.title} (v{a.pack_version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
