"""``kompassen-server --db TARGET [command]``: run the sync server or administer it.

TARGET is a SQLite file (the default engine) or a PostgreSQL URL (``postgresql://…``).
Without a command the server runs (uvicorn, ``--workers N`` processes). ``migrate`` brings the
schema up to date; ``copy-db SQLITE_PATH postgresql://…`` moves a server to PostgreSQL. Other commands: ``office-user NAME [--role admin|
coordinator] [--area ID ...]`` (password on stdin), ``audit [--limit N] [--json]``, ``enrolment-code [--uses N] [--valid-hours H] [--server URL [--qr FILE.svg]]``, ``devices [--json]``, ``revoke ID``,
``area-key register AREA (--from-pack DIR | --key BASE64) [--replace]``, ``area-key list
[--json]``.
Messages are Swedish, one line; bad input exits with 2. This module imports nothing of the
server extra at import time so it can say what is missing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.core.clock import SystemClock
from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from kompassen.server.db import ServerDb

PROG = "kompassen-server"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Kompassen sync server")
    p.add_argument(
        "--db",
        metavar="TARGET",
        help="the server's database: a SQLite file path, or postgresql://USER@HOST[:PORT]/DB "
        "(password from the URL, PGPASSWORD or ~/.pgpass); needed by every command but copy-db",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750, help="port (default 8750)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (default 1; for PostgreSQL: SQLite has one writer at a time)",
    )
    sub = p.add_subparsers(dest="command", metavar="command")
    sub.add_parser("migrate", help="bring the database's schema up to date and say how it went")
    copy = sub.add_parser(
        "copy-db",
        help="copy every row of a server database into a new, empty one (SQLite to PostgreSQL)",
    )
    copy.add_argument("source", help="the old database (a SQLite file, or a URL)")
    copy.add_argument("target", help="the new, empty database (postgresql://…, or a file)")
    user = sub.add_parser("office-user", help="create an office user or set its password (stdin)")
    user.add_argument("name")
    user.add_argument(
        "--role",
        choices=("admin", "coordinator"),
        help="admin: every area and the users; coordinator: only the --area areas "
        "(default: admin for a new user, unchanged for an existing one)",
    )
    user.add_argument(
        "--area",
        action="append",
        metavar="ID",
        help="an area the user works on (repeat for more; replaces the user's areas)",
    )
    audit_cmd = sub.add_parser("audit", help="list the office actions, newest first")
    audit_cmd.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    audit_cmd.add_argument("--json", action="store_true", help="as JSON")
    code = sub.add_parser("enrolment-code", help="print a new enrolment code for tablets")
    code.add_argument("--uses", type=int, default=1, help="how many tablets may use it (1–100)")
    code.add_argument("--valid-hours", type=int, default=24, help="validity in hours (1–720)")
    code.add_argument(
        "--area",
        metavar="ID",
        help="the area (district) the tablets belong to: they get only its releases "
        "(without: each tablet is bound to the area it first syncs)",
    )
    code.add_argument(
        "--server",
        metavar="URL",
        help="the address tablets reach this server at: also print the kompassen://enrol URI "
        "(and its QR code, with segno installed)",
    )
    code.add_argument(
        "--qr", type=Path, metavar="FILE", help="write the QR code as SVG (needs --server)"
    )
    devices = sub.add_parser("devices", help="list enrolled tablets")
    devices.add_argument("--json", action="store_true", help="as JSON")
    revoke = sub.add_parser("revoke", help="revoke a tablet (its token stops working)")
    revoke.add_argument("id")
    area_key = sub.add_parser("area-key", help="the signing key each area's releases need")
    key_sub = area_key.add_subparsers(dest="key_command", metavar="action", required=True)
    register = key_sub.add_parser("register", help="pin an area's signing key (before release 1)")
    register.add_argument("area", help="area id, e.g. klara")
    source = register.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-pack", type=Path, metavar="DIR", help="the area pack's folder")
    source.add_argument("--key", metavar="BASE64", help="the Ed25519 public key itself")
    register.add_argument(
        "--replace", action="store_true", help="replace another key already registered"
    )
    key_list = key_sub.add_parser("list", help="list the registered keys")
    key_list.add_argument("--json", action="store_true", help="as JSON")
    return p


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Lösenord: ")
    return sys.stdin.readline().rstrip("\r\n")


def _target(text: str) -> str | Path:
    """A URL stays a string; anything else is a SQLite file path."""
    return text if "://" in text else Path(text)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        import uvicorn

        from kompassen.server.app import DB_ENV, create_app
        from kompassen.server.db import ServerDb, safe_url
    except ImportError as exc:
        return _fail(
            f"serverdelen är inte installerad ({exc.name}). "
            "Installera med: pip install 'kompassen[server]'"
        )
    if args.command == "copy-db":
        return _copy_db(args)
    if not args.db:
        return _fail("ange databasen med --db FIL eller --db postgresql://…")
    if not 1 <= args.workers <= 64:
        return _fail("--workers måste vara 1–64.")
    target = _target(args.db)
    shown = safe_url(target)
    if args.command is None:
        try:
            if args.workers == 1:
                app = create_app(target)
                uvicorn.run(app, host=args.host, port=args.port, log_level="info")
                return 0
            # migrated once here, so the workers start on an up-to-date schema
            ServerDb(target).close()
        except (OSError, sqlite3.Error, KompassenError) as exc:
            return _fail(f"kan inte öppna databasen {shown}: {exc}")
        os.environ[DB_ENV] = str(target)
        uvicorn.run(
            "kompassen.server.app:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="info",
        )
        return 0
    try:
        db = ServerDb(target)
    except (OSError, sqlite3.Error, KompassenError) as exc:
        return _fail(f"kan inte öppna databasen {shown}: {exc}")
    if args.command == "migrate":
        db.close()
        if db.migrated_from == db.migrated_to:
            print(f"Databasen {shown} har redan den senaste schemaversionen ({db.migrated_to}).")
        else:
            print(
                f"Databasen {shown} är uppdaterad från schemaversion {db.migrated_from} "
                f"till {db.migrated_to}."
            )
        return 0
    try:
        return _command(args, db)
    except KompassenError as exc:
        return _fail(exc.sv)
    finally:
        db.close()


def _command(args: argparse.Namespace, db: ServerDb) -> int:
    from kompassen.server import admin as adm

    clock = SystemClock()
    if args.command == "office-user":
        password = _read_password()
        if not password:
            return _fail("inget lösenord angavs (skriv det på första raden i stdin).")
        adm.set_office_user(db, clock, args.name, password, role=args.role, areas=args.area)
        user = adm.office_user(db, args.name.strip())
        assert user is not None
        areas = ", ".join(user["areas"]) or "inga"
        scope = "alla områden" if user["role"] == "admin" else f"områden: {areas}"
        print(
            f"Kontorsanvändaren {args.name.strip()} har ett nytt lösenord "
            f"(roll {user['role']}, {scope})."
        )
        return 0
    if args.command == "audit":
        return _audit(args, db)
    if args.command == "enrolment-code":
        return _enrolment_code(args, db)
    if args.command == "devices":
        rows = adm.list_devices(db)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        elif not rows:
            print("Inga enheter är registrerade.")
        for r in [] if args.json else rows:
            state = f"spärrad {r['revoked_at']}" if r["revoked_at"] else "aktiv"
            if r["revoked_uses"]:
                state += (
                    f", token använd {r['revoked_uses']} gång(er) efter spärren, "
                    f"senast {r['revoked_last_used']}"
                )
            print(
                f"{r['id']}  {r['name'] or '-'}  registrerad {r['enrolled_at']}  "
                f"senast sedd {r['last_seen'] or '-'}  {r['submissions']} rapporter  {state}"
            )
            print(f"    {_runs(r)}")
        return 0
    if args.command == "area-key":
        return _area_key(args, db)
    # revoke
    revoked_at = adm.revoke_device(db, clock, args.id)
    if revoked_at is None:
        return _fail(f"det finns ingen enhet {args.id}.")
    print(f"Enheten {args.id} är spärrad sedan {revoked_at}.")
    return 0


def _enrolment_code(args: argparse.Namespace, db: ServerDb) -> int:
    """The code on the first line; with ``--server`` the URI (and QR code) tablets read."""
    from kompassen.server import admin as adm
    from kompassen.sync.enrol_uri import EnrolmentTextError, make_uri

    if args.qr is not None and not args.server:
        return _fail("--qr behöver --server URL (adressen som surfplattorna når servern på).")
    uri = None
    if args.server:
        try:
            make_uri(args.server, "AAAA-AAAA")  # the address checked before a code is spent
        except EnrolmentTextError as exc:
            return _fail(f"--server {args.server}: {exc.sv}")
    code, expires_at = adm.create_enrolment_code(
        db, SystemClock(), args.uses, args.valid_hours, area_id=args.area
    )
    print(code)
    if args.server:
        uri = make_uri(args.server, code)
        print(uri)
        try:
            import segno
        except ImportError:
            print(
                "(QR-koden kräver paketet segno: pip install 'kompassen[server]')", file=sys.stderr
            )
            segno = None  # type: ignore[assignment]
        if segno is not None:
            qr = segno.make(uri, error="m")
            qr.terminal(out=sys.stdout, compact=True)
            if args.qr is not None:
                try:
                    qr.save(str(args.qr), kind="svg", scale=8, border=4)
                except OSError as exc:
                    return _fail(f"kan inte skriva {args.qr}: {exc.strerror or exc}")
                print(f"QR-koden är sparad i {args.qr}.", file=sys.stderr)
    print(f"Giltig till {expires_at} (UTC), {args.uses} användning(ar).", file=sys.stderr)
    return 0


def _copy_db(args: argparse.Namespace) -> int:
    """``copy-db SOURCE TARGET``: every row, checked by counting, into an empty database."""
    from kompassen.server.copydb import copy_database

    try:
        counts = copy_database(_target(args.source), _target(args.target))
    except (OSError, sqlite3.Error, KompassenError) as exc:
        return _fail(str(exc.sv) if isinstance(exc, KompassenError) else str(exc))
    total = sum(counts.values())
    print(f"Kopierade {total} rader i {len(counts)} tabeller:")
    for table, n in counts.items():
        print(f"  {table}: {n}")
    print("Surfplattorna behåller sina token och synkar vidare mot den nya databasen.")
    return 0


def _audit(args: argparse.Namespace, db: ServerDb) -> int:
    """The audit log, newest first, one line per office action."""
    from kompassen.server import audit

    if not 1 <= args.limit <= 10000:
        return _fail("--limit måste vara 1–10000.")
    from kompassen.server.db import SYSTEM

    with db.read(SYSTEM) as conn:
        rows = audit.entries(conn, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Granskningsloggen är tom.")
    for r in rows:
        detail = json.dumps(r["detail"], ensure_ascii=False) if r["detail"] else ""
        print(
            f"{r['at']}  {r['actor'] or '(okänt namn)'}  {r['action']}  "
            f"område {r['area_id'] or '-'}  mål {r['target'] or '-'}  {detail}".rstrip()
        )
    return 0


def _runs(row: dict[str, Any]) -> str:
    """What the device said it runs at its last sync, in one line."""
    if row["versions_at"] is None:
        return "version okänd (har inte synkat med den här serverversionen)"
    areas = ", ".join(
        f"{a['area_id']} paket {a['pack_version']} "
        + (f"släpp {a['catalogue_release']}" if a["catalogue_release"] else "(inget släpp)")
        for a in row["areas"]
    )
    return (
        f"Kompassen {row['app_version']}  senaste synk {row['versions_at']}  "
        f"{areas or 'inga områden'}"
    )


def _area_key(args: argparse.Namespace, db: ServerDb) -> int:
    from kompassen.reports.keys import fingerprint
    from kompassen.server import admin as adm

    if args.key_command == "list":
        rows = adm.list_area_keys(db)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        elif not rows:
            print("Inga områdesnycklar är registrerade.")
        for r in [] if args.json else rows:
            print(
                f"{r['area_id']}  {fingerprint(r['signing_key'])}  {r['signing_key']}  "
                f"registrerad {r['registered_at']} av {r['registered_by']}  "
                f"senaste släpp {r['latest_version']}"
            )
        return 0
    if args.from_pack is not None:
        pack_area, key = adm.pack_signing_key(args.from_pack)
        if pack_area != args.area:
            return _fail(
                f"paketet i {args.from_pack} gäller området {pack_area}, inte {args.area}."
            )
        by = f"admin (paket {args.from_pack})"
    else:
        key, by = args.key, "admin (--key)"
    outcome = adm.register_area_key(db, SystemClock(), args.area, key, by=by, replace=args.replace)
    words = {
        "registered": "är registrerad",
        "unchanged": "var redan registrerad (oförändrad)",
        "replaced": "har ersatt den tidigare",
    }[outcome]
    print(f"Signeringsnyckeln för {args.area} ({fingerprint(key)}) {words}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
