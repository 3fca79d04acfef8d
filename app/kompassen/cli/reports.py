"""Device-side commands: ``report submit``, ``outbox``, ``sync`` and ``enrol``.

They drive the same objects as the GUI (the outbox and the sync client from the composition
root), so a script or a test can do everything a field worker does, without a screen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.cli.handler import EXIT_USER_ERROR, Subparsers, with_context
from kompassen.core.errors import KompassenError
from kompassen.device.files import TextFileError, load_json_limited, parse_json_bytes

if TYPE_CHECKING:
    from kompassen.compose import AppContext

MAX_REPORT_BYTES = 1024 * 1024  # a report's text is at most 4,000 characters
EXIT_NOT_SENT = 3  # sync: the server could not be reached or refused; reports stay queued


class ReportInputError(KompassenError):
    pass


def register(sub: Subparsers) -> None:
    """Reports, outbox, sync and enrolment (see docs/SYNC.md)."""
    r = sub.add_parser("report", help="reports to the office (sealed, queued in the outbox)")
    rsub = r.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    rs = rsub.add_parser(
        "submit",
        help="seal a report (JSON) to its area's office and queue it; prints its uuid",
        description="FILE holds one report object as in docs/SYNC.md ('-' reads stdin).",
    )
    rs.add_argument("file", metavar="FILE.json")
    rs.set_defaults(handler=with_context(run_report_submit, catalogue="read"))

    o = sub.add_parser("outbox", help="list the outbox: status, attempts, last error")
    o.add_argument("--json", action="store_true", help="machine-readable output")
    o.set_defaults(handler=with_context(run_outbox, catalogue=False))

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
    s.set_defaults(handler=with_context(run_sync, catalogue="read"))

    e = sub.add_parser("enrol", help="connect this device to a server with a code from the office")
    e.add_argument(
        "--server", required=True, metavar="URL", help="e.g. https://kompassen.example.se"
    )
    e.add_argument("code", metavar="CODE", help="enrolment code, e.g. K7QX-M2PR-4T9W-HC3N")
    e.add_argument("--name", default="", help="a name for this device in the office's list")
    e.set_defaults(handler=with_context(run_enrol, catalogue=False))


def _read_json(source: str) -> Any:
    """The report to submit, from a file or stdin: size-capped and parsed with the bounds."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
            if len(raw) > MAX_REPORT_BYTES:
                raise ReportInputError(
                    sv=f"Rapporten är större än {MAX_REPORT_BYTES // 1024} kB.",
                    en=f"The report is larger than {MAX_REPORT_BYTES // 1024} kB.",
                )
            return parse_json_bytes(raw, "stdin")
        return load_json_limited(Path(source), MAX_REPORT_BYTES, display=source)
    except TextFileError as exc:
        if exc.missing:
            raise ReportInputError(
                sv=f"Filen finns inte: {source}", en=f"The file does not exist: {source}"
            ) from exc
        at_sv = f" (rad {exc.line})" if exc.line is not None else ""
        at_en = f" (line {exc.line})" if exc.line is not None else ""
        raise ReportInputError(
            sv=f"{source} är inte giltig JSON{at_sv}: {exc.problem_sv}",
            en=f"{source} is not valid JSON{at_en}: {exc.problem_en}",
        ) from exc


def run_report_submit(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    """Seal a report (a JSON object as in docs/SYNC.md) to its area's office and queue it."""
    from kompassen.core.report import Report

    data = _read_json(args.file)
    if not isinstance(data, dict):
        raise ReportInputError(
            sv="Rapporten ska vara ett JSON-objekt.", en="The report must be a JSON object."
        )
    report = Report.from_dict(data)
    area = ctx.catalogue.reader.area(report.area_id)
    uuid = ctx.outbox.submit(report, area.sealing_public_key)
    print(uuid)
    return 0


def _item_json(item: Any) -> dict[str, Any]:
    return {
        "uuid": item.uuid,
        "area_id": item.area_id,
        "kind": item.kind,
        "created_at": item.created_at,
        "status": item.status,
        "attempts": item.attempts,
        "last_error": item.last_error,
        "last_error_en": item.error("en"),
        "sent_at": item.sent_at,
    }


_STATUS_SV = {"queued": "i kö", "sending": "skickas", "sent": "skickad", "rejected": "avvisad"}


def run_outbox(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    """List the outbox, newest first (only metadata: the device cannot read the reports)."""
    items = ctx.outbox.items()
    if args.json:
        print(json.dumps([_item_json(i) for i in items], ensure_ascii=False, indent=2))
        return _damaged(ctx, lang)
    sv = lang != "en"
    if not items:
        print("Utkorgen är tom." if sv else "The outbox is empty.")
        return _damaged(ctx, lang)
    for i in items:
        status = _STATUS_SV.get(i.status, i.status) if sv else i.status
        tries = f"{i.attempts} försök" if sv else f"{i.attempts} attempts"
        kind = f"usage {i.day}" if i.day else i.kind
        line = f"{i.uuid}  {i.area_id:16} {kind:12} {i.created_at}  {status:8} {tries}"
        if i.last_error:
            line += f"  – {i.error(lang)}"
        print(line)
    if ctx.device_db.damaged:
        return _damaged(ctx, lang)
    counts = ctx.outbox.counts(reports_only=True)  # the daily usage rows are listed, not counted
    print(
        f"{counts['queued']} i kö, {counts['sent']} skickade, {counts['rejected']} avvisade"
        if sv
        else f"{counts['queued']} queued, {counts['sent']} sent, {counts['rejected']} rejected"
    )
    return 0


def _damaged(ctx: AppContext, lang: str) -> int:
    """A damaged device.db still lists what it can read, and then says so (exit 2)."""
    if not ctx.device_db.damaged:
        return 0
    from kompassen.device.db import DeviceDbDamaged

    err = DeviceDbDamaged(
        path=ctx.device_db.path,
        what_sv="Listan ovan kan vara ofullständig",
        what_en="The list above may be incomplete",
    )
    print(f"kompassen: {err.message(lang)}", file=sys.stderr)
    return EXIT_USER_ERROR


def run_sync(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    """Push the outbox and pull releases; exit 3 when reports stay queued for want of a server."""
    areas = args.sync_area or ([] if args.no_pull else ctx.area_ids())
    client = ctx.sync_client()
    try:
        report = client.sync(areas, server_url=args.server, pull=not args.no_pull)
    finally:
        client.close()
    sv = lang != "en"
    delivered = report.sent + report.duplicates
    if sv:
        line = f"Skickade {delivered}, {report.queued_left} kvar i utkorgen"
        if report.duplicates:
            line += f" ({report.duplicates} fanns redan på servern)"
        if report.rejected:
            line += f", {report.rejected} avvisade"
    else:
        line = f"Sent {delivered}, {report.queued_left} left in the outbox"
        if report.duplicates:
            line += f" ({report.duplicates} were already on the server)"
        if report.rejected:
            line += f", {report.rejected} rejected"
    print(line + ".")
    for area_id, version in report.catalogue_updates:
        print(
            f"Katalogen för {area_id} uppdaterad till släpp {version}."
            if sv
            else f"Catalogue of {area_id} updated to release {version}."
        )
    for w_sv, w_en in report.warnings:
        print(f"kompassen: {w_sv if sv else w_en}", file=sys.stderr)
    if not report.ok:
        print(f"kompassen: {report.error_sv if sv else report.error_en}", file=sys.stderr)
        return EXIT_NOT_SENT
    return 0


def run_enrol(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    """Connect this installation to a server with a one-time code from the office."""
    client = ctx.sync_client()
    try:
        creds = client.enrol(args.server, args.code, args.name or "")
    finally:
        client.close()
    where = ctx.tokens.where
    if lang == "en":
        place = "the keyring" if where == "keyring" else str(ctx.paths.token_file)
        print(f"Enrolled with {creds.server_url} as device {creds.device_id} (token in {place}).")
    else:
        place = "nyckelringen" if where == "keyring" else str(ctx.paths.token_file)
        print(f"Ansluten till {creds.server_url} som enhet {creds.device_id} (nyckeln i {place}).")
    return 0
