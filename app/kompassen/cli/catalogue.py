"""Catalogue commands: ``areas``, ``validate-pack``, ``install-pack``, ``import-hsds``, ``export-hsds``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from kompassen.cli.handler import Subparsers, with_context

if TYPE_CHECKING:
    from kompassen.compose import AppContext


def register(sub: Subparsers) -> None:
    a = sub.add_parser("areas", help="list installed areas with service counts")
    a.add_argument("--json", action="store_true", help="machine-readable output")
    a.set_defaults(handler=with_context(run_areas))

    v = sub.add_parser("validate-pack", help="check an area pack folder and list every problem")
    v.add_argument("path", type=Path)
    v.set_defaults(handler=run_validate_pack)

    i = sub.add_parser("install-pack", help="validate and install an area pack folder")
    i.add_argument("path", type=Path)
    i.set_defaults(handler=with_context(run_install_pack))

    ih = sub.add_parser("import-hsds", help="import HSDS 3 data (datapackage JSON or CSV folder)")
    ih.add_argument("path", type=Path)
    ih.add_argument("--area", required=True, dest="target_area")
    ih.set_defaults(handler=with_context(run_import_hsds))

    eh = sub.add_parser("export-hsds", help="export an area as HSDS 3 (JSON and CSV)")
    eh.add_argument("dir", type=Path)
    eh.add_argument("--area", required=True, dest="target_area")
    eh.set_defaults(handler=with_context(run_export_hsds))


def run_validate_pack(args: argparse.Namespace, lang: str) -> int:
    """Read and validate a pack folder without touching the catalogue."""
    from kompassen.catalogue.pack.validate import read_pack_dir

    pack = read_pack_dir(args.path)
    n = len(pack.doc("services.json")["services"])
    print(
        f"OK: {pack.area_id} ({n} tjänster)"
        if lang == "sv"
        else f"OK: {pack.area_id} ({n} services)"
    )
    return 0


def run_install_pack(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    version = ctx.catalogue.install_dir(args.path, origin="local")
    print(f"{args.path.name}: katalogversion {version}")
    return 0


def run_import_hsds(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.catalogue.hsds.importer import import_hsds

    print(import_hsds(ctx.catalogue, args.path, args.target_area).summary(lang))
    return 0


def run_export_hsds(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.catalogue.hsds.export import export_hsds
    from kompassen.catalogue.store.db import reading

    with reading():  # a damaged page in words, for the handler to heal and export again
        summary = export_hsds(ctx.catalogue, args.target_area, args.dir).summary(lang)
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
