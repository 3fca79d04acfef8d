"""``kompassen search``: the search engine on the command line (human text or JSON)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kompassen.cli.handler import Subparsers, with_context
from kompassen.core.errors import KompassenError
from kompassen.device.settings import DEFAULT_AREA

if TYPE_CHECKING:  # search pulls in numpy: imported when a search runs, not with the CLI
    from kompassen.catalogue.search.model import SearchQuery, SearchResult, ServiceHit
    from kompassen.catalogue.search.service import SearchService
    from kompassen.compose import AppContext


def register(sub: Subparsers) -> None:
    s = sub.add_parser(
        "search",
        help="search partner services: chips, free text, time and place",
        description="Search the catalogue. Chips (--group/--need) filter; TEXT ranks and widens.",
    )
    s.add_argument("text", nargs="*", metavar="TEXT", help="free text (slang and typos are fine)")
    s.add_argument(
        "--area",
        dest="search_area",
        default=DEFAULT_AREA,
        help=f"area id (default {DEFAULT_AREA})",
    )
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
    s.set_defaults(handler=with_context(run_search))


class BadSearchArgument(KompassenError):
    pass


def _moment(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadSearchArgument(
            sv=f"Ogiltig tidpunkt ”{text}”: skriv t.ex. 2026-12-05T23:30.",
            en=f"Invalid time '{text}': write e.g. 2026-12-05T23:30.",
        ) from exc
    from kompassen.core.clock import STOCKHOLM  # zoneinfo: not on the GUI's way to its first frame

    return at if at.tzinfo else at.replace(tzinfo=STOCKHOLM)


def build_query(service: SearchService, args: argparse.Namespace, lang: str) -> SearchQuery:
    """Turn command-line arguments into a query, rejecting unknown codes with a clear message."""
    from kompassen.catalogue.search.model import SearchQuery

    area = args.search_area
    known = service.index(area).terms
    for code, kind in [*((c, "group") for c in args.group), *((c, "need") for c in args.need)]:
        if known.get(code, ("",))[0] != kind:
            raise BadSearchArgument(
                sv=f"Okänd {'målgrupp' if kind == 'group' else 'behov'}skod ”{code}” i området {area}.",
                en=f"Unknown {kind} code '{code}' in the area {area}.",
            )
    if args.limit < 0 or args.limit > 1000:
        raise BadSearchArgument(sv="--limit ska vara 0–1000.", en="--limit must be 0–1000.")
    near = None
    if args.near:
        lat, lon, _ = service.resolve_near(area, args.near)
        near = (lat, lon)
    mode, at = "now", None
    if args.open_at:
        mode, at = "at", _moment(args.open_at)
    elif args.tonight:
        mode = "tonight"
    return SearchQuery(
        area_id=area,
        groups=tuple(args.group),
        needs=tuple(args.need),
        text=" ".join(args.text),
        time_mode=mode,
        at=at,
        only_open=args.only_open,
        near=near,
        lang=lang,
        limit=args.limit,
    )


def hit_json(h: ServiceHit) -> dict[str, Any]:
    return asdict(h)


def result_json(r: SearchResult) -> dict[str, Any]:
    return {
        "total": r.total,
        "hits": [hit_json(h) for h in r.hits],
        "guides": [asdict(g) for g in r.guides],
        "recognized": [asdict(c) for c in r.recognized],
        "facets": r.facets,
        "alternatives": [asdict(a) for a in r.alternatives],
        "report_suggested": r.report_suggested,
        "ignored_words": list(r.ignored_words),
    }


def run_search(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    lang = args.lang or lang  # --lang: the texts of the results, not the messages
    from kompassen.catalogue.store.db import reading

    with reading():  # a damaged page in words, for the handler to heal and search again
        service = ctx.open_search()
        try:
            result = service.search(build_query(service, args, lang))
        finally:
            service.close()
    if args.json:
        out: Any = result_json(result) if args.full else [hit_json(h) for h in result.hits]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(_human(result, lang))
    return 0


def _human(r: SearchResult, lang: str) -> str:
    sv = lang != "en"
    lines = []
    if r.recognized:
        chips = ", ".join(f"{c.label} ({c.words})" for c in r.recognized)
        lines.append(("Tolkat som: " if sv else "Understood as: ") + chips)
    for g in r.guides:
        lines.append(("Lösning: " if sv else "Guide: ") + g.title)
        if g.step_now:
            lines.append(("  Just nu: " if sv else "  Right now: ") + g.step_now.text)
    lines.append(f"{r.total} träffar" if sv else f"{r.total} results")
    for i, h in enumerate(r.hits, 1):
        where = f" · {h.direction}" if h.direction else ""
        lines.append(f"{i:2}. {h.name} – {h.organization}")
        lines.append(f"    {h.open_text}{where} · {h.handover}".rstrip(" ·"))
    if r.report_suggested:
        lines.append("Inget hittades." if sv else "Nothing found.")
        for a in r.alternatives:
            lines.append(f"  {a.label}: {a.count}")
        lines.append(
            "Rapportera olöst problem i appen så tar kontoret det vidare."
            if sv
            else "Report an unsolved problem in the app so the office can follow up."
        )
    if r.ignored_words:
        lines.append(("Okända ord: " if sv else "Unknown words: ") + _echo(r.ignored_words, sv))
    return "\n".join(lines)


ECHO_WORDS = 8  # unknown words echoed: a pasted page must not flood the terminal
ECHO_CHARS = 40  # characters of each


def _echo(ws: tuple[str, ...], sv: bool) -> str:
    """The first few unknown words, each cut short, and how many more there were."""
    shown = [w if len(w) <= ECHO_CHARS else w[: ECHO_CHARS - 1] + "…" for w in ws[:ECHO_WORDS]]
    more = len(ws) - len(shown)
    if more:
        shown.append(f"och {more} till" if sv else f"and {more} more")
    return ", ".join(shown)
