"""Data commands: ``data-check`` (the freshness worklist of an installed area).

A thin handler: the checks are in ``kompassen.catalogue.check.freshness``, where the office
editor finds the same list. Exit 0 when no finding is of the highest severity, 1 when some
are, 2 on a usage error (an unknown area included), like the other commands.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from kompassen.cli.handler import Subparsers, with_context

if TYPE_CHECKING:
    from kompassen.compose import AppContext

EXIT_HIGH_FINDINGS = 1


def _age(value: str) -> int:
    try:
        years = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of years: {value!r}") from None
    if years < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return years


def register(sub: Subparsers) -> None:
    c = sub.add_parser(
        "data-check",
        help="list every stale, unsourced, inferred, to-verify or contradicting fact of an "
        "area, worst first (exit 1 when a high finding exists)",
    )
    c.add_argument(
        "--area", required=True, dest="target_area", metavar="A", help="an installed area"
    )
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument(
        "--max-age-years",
        type=_age,
        default=2,
        metavar="N",
        help="a fact last checked more than N years ago is stale (default: 2)",
    )
    c.add_argument(
        "--lang", choices=("sv", "en"), help="language of the lines (default: KOMPASSEN_LANG)"
    )
    c.set_defaults(handler=with_context(run_data_check, catalogue="read"))


def run_data_check(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.catalogue.check.freshness import check_area

    lang = args.lang or lang
    worklist = check_area(
        ctx.catalogue.conn, args.target_area, ctx.clock, max_age_years=args.max_age_years
    )
    if args.json:
        print(json.dumps(worklist.as_json(), ensure_ascii=False, indent=2))
    else:
        n = worklist.counts()
        when = worklist.checked_at.date().isoformat()
        if lang == "en":
            print(
                f"{worklist.area_id}: {n['high']} high, {n['medium']} medium, {n['low']} low "
                f"(checked {when}, stale after {worklist.max_age_years} years)"
            )
        else:
            print(
                f"{worklist.area_id}: {n['high']} hög, {n['medium']} medel, {n['low']} låg "
                f"(kontrollerat {when}, inaktuellt efter {worklist.max_age_years} år)"
            )
        for finding in worklist.findings:
            print(finding.line(lang))
    return EXIT_HIGH_FINDINGS if worklist.has_high else 0
