"""Catalogue commands: ``areas``, ``validate-pack``, ``install-pack``, ``import-hsds``, ``export-hsds``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kompassen.cli.handler import Subparsers, with_context

if TYPE_CHECKING:
    from kompassen.compose import AppContext


def register(sub: Subparsers) -> None:
    a = sub.add_parser("areas", help="list installed areas with service counts")
    a.add_argument("--json", action="store_true", help="machine-readable output")
    a.set_defaults(handler=with_context(run_areas))

    v = sub.add_parser("validate-pack", help="check an area pack folder and list every problem")
    v.add_argument("path", type=Path)
    v.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    v.set_defaults(handler=run_validate_pack)

    i = sub.add_parser(
        "install-pack",
        help="validate and install an area pack folder (services.json up to 2 GB, streamed)",
    )
    i.add_argument("path", type=Path)
    i.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    i.set_defaults(handler=with_context(run_install_pack))

    ih = sub.add_parser("import-hsds", help="import HSDS 3 data (datapackage JSON or CSV folder)")
    ih.add_argument("path", type=Path)
    where = ih.add_mutually_exclusive_group(required=True)
    where.add_argument("--area", dest="target_area", help="an installed area to replace")
    where.add_argument(
        "--new-area",
        metavar="ID",
        dest="new_area",
        help="create this area from the data (needs --name); an installed ID is refused",
    )
    ih.add_argument("--name", help="--new-area: the new area's name, e.g. Solnakompassen")
    ih.add_argument(
        "--strict",
        action="store_true",
        help="all or nothing: refuse the input at any problem or repair (default: tolerant, "
        "import every row that can be read and report the rest)",
    )
    ih.add_argument(
        "--report",
        type=Path,
        metavar="BASE",
        help="write the import report as BASE.json and BASE.md (default: next to PATH, "
        "<PATH>-import-report.json/.md)",
    )
    ih.set_defaults(handler=with_context(run_import_hsds))

    eh = sub.add_parser("export-hsds", help="export an area as HSDS 3 (JSON and CSV)")
    eh.add_argument("dir", type=Path)
    eh.add_argument("--area", required=True, dest="target_area")
    eh.set_defaults(handler=with_context(run_export_hsds))


class ProgressLine:
    """Progress of reading services.json on stderr: a bar redrawn in place on a terminal,
    a plain line every 10 % otherwise (a log, CI), so a long install never looks hung."""

    WIDTH = 30

    def __init__(
        self,
        lang: str,
        verb: tuple[str, str],
        then: tuple[str, str] | None = None,
        out: TextIO | None = None,
    ) -> None:
        """``verb``: what is done while reading, ``then``: what follows the reading (the
        install's search index takes a while), each as (Swedish, English)."""
        self.out = out if out is not None else sys.stderr
        self.tty = self.out.isatty()
        self.verb = verb[0] if lang == "sv" else verb[1]
        self.then = (then[0] if lang == "sv" else then[1]) if then else ""
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.last_tenth = -1
        self.done_drawn = False

    def __call__(self, done: int, total: int) -> None:
        if self.done_drawn:
            return
        share = min(done / total, 1.0) if total else 1.0
        if self.tty:
            now = time.monotonic()
            if share < 1.0 and now - self.last_draw < 0.1:
                return
            self.last_draw = now
            filled = round(share * self.WIDTH)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.out.write(f"\r{self.verb} [{bar}] {share:4.0%} {_mb(done)}/{_mb(total)} MB")
        else:
            tenth = int(share * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.out.write(f"{self.verb}: {share:.0%} ({_mb(done)}/{_mb(total)} MB)\n")
        self.out.flush()
        if share >= 1.0:
            self.done_drawn = True
            self.out.write(("\n" if self.tty else "") + (f"{self.then}\n" if self.then else ""))
            self.out.flush()

    def finish(self) -> None:
        """End the bar's line (also when reading stopped at an error)."""
        if self.tty and self.last_draw and not self.done_drawn:
            self.out.write("\n")
            self.out.flush()


def _mb(n: int) -> str:
    mb = n / (1024 * 1024)
    return f"{mb:.1f}" if mb < 10 else f"{mb:.0f}"


def _progress(
    args: argparse.Namespace, lang: str, verb: tuple[str, str], then: tuple[str, str] | None = None
) -> ProgressLine | None:
    return None if args.quiet else ProgressLine(lang, verb, then)


def run_validate_pack(args: argparse.Namespace, lang: str) -> int:
    """Read and validate a pack folder without touching the catalogue."""
    from kompassen.catalogue.pack.streamed import validate_pack_dir

    progress = _progress(args, lang, ("Kontrollerar services.json", "Checking services.json"))
    try:
        area_id, n = validate_pack_dir(args.path, progress=progress)
    finally:
        if progress is not None:
            progress.finish()
    print(f"OK: {area_id} ({n} tjänster)" if lang == "sv" else f"OK: {area_id} ({n} services)")
    return 0


def run_install_pack(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    progress = _progress(
        args,
        lang,
        ("Installerar services.json", "Installing services.json"),
        ("Bygger sökindexet och sparar …", "Building the search index and saving …"),
    )
    try:
        version = ctx.catalogue.install_dir(args.path, origin="local", progress=progress)
    finally:
        if progress is not None:
            progress.finish()
    print(f"{args.path.name}: katalogversion {version}")
    return 0


def run_import_hsds(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.catalogue.hsds.importer import import_hsds
    from kompassen.catalogue.hsds.report import default_report_base, saved_line

    if args.new_area is not None:
        result = import_hsds(
            ctx.catalogue, args.path, args.new_area, strict=args.strict, new_name=args.name or ""
        )
    else:
        result = import_hsds(ctx.catalogue, args.path, args.target_area, strict=args.strict)
    print(result.summary(lang))
    if result.report is not None:
        base = args.report or default_report_base(args.path)
        try:
            print(saved_line(lang, result.report.save(base, lang)))
        except OSError as exc:  # the import itself is done; say why the report is not saved
            reason = exc.strerror or str(exc)
            if lang == "en":
                print(
                    f"kompassen: the import report could not be saved to {base}: {reason}",
                    file=sys.stderr,
                )
            else:
                print(
                    f"kompassen: importrapporten kunde inte sparas i {base}: {reason}",
                    file=sys.stderr,
                )
    return 0


def run_export_hsds(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.catalogue.hsds.export import export_hsds
    from kompassen.catalogue.store.db import reading

    with reading():  # a damaged page in words, for the handler to heal and export again
        result = export_hsds(ctx.catalogue, args.target_area, args.dir, ctx.clock.now())
        summary = result.summary(lang)
    print(summary)
    return 0


def run_areas(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    areas = ctx.catalogue.reader.areas()
    if args.json:
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
