"""Office commands: ``keys generate``, ``office fetch-reports`` and ``office publish``.

The office's private keys never leave its own computer: the server stores only sealed
reports it cannot open and releases it cannot forge. These commands open the reports and
sign the releases locally with the key file (``kompassen keys generate``).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import getpass
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.cli.handler import Subparsers, with_context
from kompassen.core.errors import KompassenError
from kompassen.core.office_keys import is_placeholder_key
from kompassen.device.files import TextFileError, load_json_limited, read_text_limited, write_atomic

if TYPE_CHECKING:  # the HTTP client is imported when an office command runs
    from kompassen.compose import AppContext
    from kompassen.reports.keys import OfficeKeys
    from kompassen.sync.transport import Api

PASSPHRASE_ENV = "KOMPASSEN_KEY_PASSPHRASE"
PASSWORD_ENV = "KOMPASSEN_OFFICE_PASSWORD"
USER_ENV = "KOMPASSEN_OFFICE_USER"
PAGE = 200
MAX_REPORT_FILE_BYTES = 16 * 1024 * 1024  # a fetched report is a few KB
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")


class OfficeError(KompassenError):
    pass


def _say(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def register(sub: Subparsers) -> None:
    """Office key pairs, fetching reports and publishing releases (see docs/SYNC.md)."""
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
    kg.set_defaults(handler=run_keys_generate)

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
    fr.set_defaults(handler=run_fetch_reports)
    pu = osub.add_parser(
        "publish",
        parents=[common],
        help="sign the installed area as the next catalogue release and publish it",
    )
    pu.add_argument("--area", required=True, dest="publish_area", metavar="A")
    pu.set_defaults(handler=with_context(run_publish))


# ----------------------------------------------------------------------------- secrets


def _passphrase(lang: str, *, twice: bool) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    prompt = _say(lang, "Lösenfras för nyckelfilen: ", "Passphrase for the key file: ")
    first = getpass.getpass(prompt)
    if twice:
        again = getpass.getpass(_say(lang, "Samma lösenfras igen: ", "The same passphrase again: "))
        if again != first:
            raise OfficeError(
                sv="Lösenfraserna var inte lika.", en="The passphrases did not match."
            )
    return first


def _password(lang: str, user: str) -> str:
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    return getpass.getpass(_say(lang, f"Lösenord för {user}: ", f"Password for {user}: "))


def _user(args: argparse.Namespace) -> str:
    return args.user or os.environ.get(USER_ENV) or getpass.getuser()


def _keys(path: Path, lang: str) -> OfficeKeys:
    from kompassen.reports.keys import read_key_file

    return read_key_file(path, _passphrase(lang, twice=False))


# ------------------------------------------------------------------------------- keys


def run_keys_generate(args: argparse.Namespace, lang: str) -> int:
    """New office key pairs: the encrypted private file and the public halves for area.json."""
    from kompassen.reports.keys import (
        KEY_FILE,
        PUBLIC_FILE,
        check_passphrase,
        create_key_files,
        fingerprint,
    )

    out: Path = args.out
    targets = [out / KEY_FILE, out / PUBLIC_FILE]
    existing = [str(t) for t in targets if t.exists()]
    if existing:  # before the prompt too: nobody types a passphrase for nothing
        raise OfficeError(
            sv=f"Skriver inte över befintliga nyckelfiler: {', '.join(existing)}.",
            en=f"Will not overwrite existing key files: {', '.join(existing)}.",
        )
    passphrase = _passphrase(lang, twice=True)
    check_passphrase(passphrase)
    written = create_key_files(out, passphrase, strength=args.strength)
    keys = written.keys
    snippet = {"public_keys": {"sealing": keys.sealing_public, "signing": keys.signing_public}}
    print(
        _say(lang, f"Skrev {targets[0]} och {targets[1]}.", f"Wrote {targets[0]} and {targets[1]}.")
    )
    print(_say(lang, "Fingeravtryck", "Fingerprints") + ":")
    print(f"  sealing  {fingerprint(keys.sealing_public)}")
    print(f"  signing  {fingerprint(keys.signing_public)}")
    print(
        _say(
            lang,
            "Klistra in i områdets area.json:",
            "Paste into the area's area.json:",
        )
    )
    print(json.dumps(snippet, indent=2)[1:-1].strip("\n"))
    return 0


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Write a file atomically (temp + rename) with ``mode``."""
    write_atomic(path, data, mode)


# ----------------------------------------------------------------------------- session


def _login(args: argparse.Namespace, lang: str) -> tuple[Api, Any]:
    """An office session on the server: (api with the office token, the http client)."""
    from kompassen.sync.transport import Api, SyncError, new_http_client, server_root

    root = server_root(args.server)
    http = new_http_client(args.timeout)
    try:
        api = Api(http, root, outbox=False)  # the office's calls: no outbox to keep
        api.check_health()
        user = _user(args)
        try:
            data = api.json(
                "POST", "/office/login", body={"name": user, "password": _password(lang, user)}
            )
        except SyncError as err:
            if err.status == 401 or err.status == 403:
                raise OfficeError(
                    sv=f"Fel namn eller lösenord för {user} på {root}.",
                    en=f"Wrong name or password for {user} at {root}.",
                ) from err
            raise
        token = data.get("token")
        if not isinstance(token, str):
            raise OfficeError(sv=f"{root} gav ingen token.", en=f"{root} gave no token.")
        api.token = token
        return api, http
    except BaseException:
        http.close()
        raise


# ------------------------------------------------------------------------ fetch-reports


def _checked_item(item: Any) -> dict[str, Any]:
    """One listed submission as the server must send it, else the answer is not trusted.

    Every answer from the network is untrusted input: a row without an integer id or with
    sealed data that is not text stops the fetch in words (what was written so far is kept,
    and the next fetch goes on from the cursor), never with a traceback.
    """
    ok = (
        isinstance(item, dict)
        and isinstance(item.get("id"), int)
        and not isinstance(item.get("id"), bool)
        and item["id"] >= 0
        and isinstance(item.get("sealed"), str)
    )
    if not ok:
        from kompassen.sync.transport import SyncError  # httpx only for the commands that sync

        raise SyncError(
            sv="Servern svarade konstigt på listan över rapporter (en rad saknar id eller data).",
            en="The server gave a strange answer to the list of reports (a row lacks an id or "
            "data).",
            kind="bad_answer",
        )
    return item


def _file_name(item: dict[str, Any]) -> str:
    """A safe file name: the client uuid when it looks like one, else the server's row id."""
    uuid = item.get("uuid")
    if isinstance(uuid, str) and _SAFE_NAME.match(uuid):
        return uuid
    return f"submission-{int(item['id'])}"


def _already(path: Path, row_id: int) -> bool:
    try:
        saved = load_json_limited(path, MAX_REPORT_FILE_BYTES)
        return isinstance(saved, dict) and saved.get("server_id") == row_id
    except TextFileError:
        return False


def run_fetch_reports(args: argparse.Namespace, lang: str) -> int:
    """Fetch new sealed submissions, open them with the office key, write one JSON each."""
    from kompassen.reports.sealing import SealError, open_sealed
    from kompassen.sync.transport import SyncError

    keys = _keys(args.key, lang)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    cursor_file = out / ".cursor"
    try:
        after = int(read_text_limited(cursor_file, 64).strip() or 0)
    except TextFileError as exc:
        if not exc.missing:
            raise OfficeError(
                sv=f"{cursor_file} är skadad; ta bort den så hämtas allt igen (inget dubbleras).",
                en=f"{cursor_file} is damaged; delete it to fetch everything again "
                "(nothing is doubled).",
            ) from exc
        after = 0
    except ValueError as exc:
        raise OfficeError(
            sv=f"{cursor_file} är skadad; ta bort den så hämtas allt igen (inget dubbleras).",
            en=f"{cursor_file} is damaged; delete it to fetch everything again (nothing is doubled).",
        ) from exc
    api, http = _login(args, lang)
    written = skipped = unreadable = 0
    try:
        while True:
            page = api.json("GET", "/office/submissions", params={"after": after, "limit": PAGE})
            items = page.get("items")
            if not isinstance(items, list):
                raise SyncError(
                    sv="Servern svarade konstigt på listan över rapporter.",
                    en="The server gave a strange answer to the list of reports.",
                    kind="not_kompassen",
                )
            for item in map(_checked_item, items):
                name = _file_name(item)
                target = out / f"{name}.json"
                if target.exists() and not _already(target, int(item["id"])):
                    name = f"{name}-{int(item['id'])}"  # another device used the same uuid
                    target = out / f"{name}.json"
                if target.exists():
                    skipped += 1
                    continue
                try:
                    blob = base64.b64decode(item["sealed"], validate=True)
                except (binascii.Error, ValueError, TypeError):
                    blob = str(item.get("sealed", "")).encode()
                try:
                    envelope = open_sealed(blob, keys.sealing_private)
                except SealError as err:
                    bad = out / "unreadable" / f"{name}.sealed"
                    bad.parent.mkdir(exist_ok=True, mode=0o700)
                    if not bad.exists():
                        _write_new(bad, blob, 0o600)
                    unreadable += 1
                    print(
                        "kompassen: "
                        + _say(
                            lang,
                            f"rapport {name} kunde inte öppnas ({err.sv}); sparad i {bad}",
                            f"report {name} could not be opened ({err.en}); kept in {bad}",
                        ),
                        file=sys.stderr,
                    )
                    continue
                record = {
                    **envelope,
                    "server_id": int(item["id"]),
                    "device_id": item.get("device_id"),
                    "area_id": item.get("area_id"),
                    "created_at": item.get("created_at"),
                    "received_at": item.get("received_at"),
                }
                data = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
                _write_new(target, data.encode("utf-8"), 0o600)
                written += 1
            if items:
                after = max(int(i["id"]) for i in items)
                _write_new(cursor_file, f"{after}\n".encode(), 0o600)
            nxt = page.get("next_after")
            if not items or nxt is None:
                break
            after = int(nxt)
    finally:
        http.close()
    print(
        _say(
            lang,
            f"Hämtade {written} nya rapporter till {out} ({skipped} fanns redan, "
            f"{unreadable} gick inte att öppna).",
            f"Fetched {written} new reports into {out} ({skipped} already there, "
            f"{unreadable} could not be opened).",
        )
    )
    return 0


# ---------------------------------------------------------------------------- publish


def run_publish(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    """Sign the installed area as the next release and publish it on the server.

    The signing and upload are :meth:`kompassen.office.client.OfficeClient.publish` (the
    office window does the same); this command checks the keys and says what happened.
    """
    from kompassen.office.client import OfficeClient
    from kompassen.sync.transport import SyncError, server_root

    area = ctx.catalogue.reader.area(args.publish_area)
    if is_placeholder_key(area.id, "signing", area.signing_public_key):
        raise OfficeError(
            sv=f"Området {area.id} har ännu platshållarnycklar från importen. Kör `kompassen "
            "office keys generate`, klistra in de publika nycklarna i area.json, installera "
            "paketet igen och publicera sedan.",
            en=f"Area {area.id} still has the placeholder keys of its import. Run `kompassen "
            "office keys generate`, paste the public keys into area.json, install the pack "
            "again, then publish.",
        )
    keys = _keys(args.key, lang)
    if keys.signing_public != area.signing_public_key:
        raise OfficeError(
            sv=f"Nyckelfilens signeringsnyckel är inte den som området {area.id} har i "
            "area.json – surfplattorna skulle avvisa släppet.",
            en=f"The key file's signing key is not the one area {area.id} has in area.json – "
            "the tablets would refuse the release.",
        )
    docs = ctx.catalogue.release_docs(area.id)
    user = _user(args)
    try:
        client = OfficeClient.sign_in(
            args.server, user, _password(lang, user), timeout=args.timeout
        )
    except SyncError as err:
        if err.kind == "bad_login":
            root = server_root(args.server)
            raise OfficeError(
                sv=f"Fel namn eller lösenord för {user} på {root}.",
                en=f"Wrong name or password for {user} at {root}.",
            ) from err
        raise
    try:
        version = client.publish(area.id, docs, keys, ctx.clock.now())
    finally:
        client.close()
    size = len(json.dumps(docs, ensure_ascii=False).encode("utf-8"))
    print(
        _say(
            lang,
            f"Publicerade {area.id} släpp {version} ({size / 1024:.0f} kB).",
            f"Published {area.id} release {version} ({size / 1024:.0f} kB).",
        )
    )
    return 0
