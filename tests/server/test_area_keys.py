"""Pinned area signing keys: no trust on first release (issue #12, class 8).

Before, the server took the key for a first release from the release itself: anyone with an
office token could publish release 1 of an area with their own key in area.json, and from
then on the real office key got ``bad_signature``. Now the admin pins each area's key first
(``kompassen-server area-key register``) and every release is checked against the pin.
"""

from __future__ import annotations

import base64
import copy
import gzip
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from nacl.signing import SigningKey

from kompassen.server.cli import main
from kompassen.server.db import MIGRATIONS, SYSTEM, ServerDb, ServerDbError
from kompassen.sqlite import connect, migrate
from serverutil import LiveServer

from .conftest import DEV_KEYS, KLARA, signed_release


def _foreign_keys() -> tuple[str, str]:
    """(public, private) of a key pair the office never had."""
    key = SigningKey.generate()
    return (
        base64.b64encode(bytes(key.verify_key)).decode(),
        base64.b64encode(bytes(key)).decode(),
    )


def _forged(docs: dict[str, Any], public: str) -> dict[str, Any]:
    forged = copy.deepcopy(docs)
    forged["area.json"]["public_keys"]["signing"] = public
    forged["services.json"]["services"][0]["name"] = "Ring 0700-000000 för hjälp"
    return forged


def test_a_foreign_key_cannot_take_over_an_area_by_its_first_release(
    live: LiveServer, api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    """The reproduction: a first release carrying and signed by a foreign key is refused,
    and the real office key's release is accepted afterwards."""
    live.register_area_key("klara")  # from data/areas/klara/area.json, as the admin does
    public, private = _foreign_keys()
    r = api.post(
        "/office/releases",
        headers=office,
        json=signed_release(_forged(klara_docs, public), 1, private),
    )
    assert r.status_code == 400 and r.json()["error"] == "bad_signature", r.text
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 0
    # the foreign key did not become the area's key: the real one still publishes
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1))
    assert r.status_code == 201, r.text
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 1


def test_a_release_for_an_area_without_a_registered_key_is_refused_in_words(
    live: LiveServer, api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1))
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["error"] == "area_key_unknown"
    assert body["sv"].startswith("Områdets signeringsnyckel är inte registrerad på servern")
    assert "area-key register klara" in body["sv"] and "not registered" in body["detail"]
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 0


def test_a_release_with_a_broken_next_key_is_refused(
    live: LiveServer, api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    """The key a release carries becomes the area's key: it must be one."""
    live.register_area_key("klara")
    broken = copy.deepcopy(klara_docs)
    broken["area.json"]["public_keys"]["signing"] = "inte-en-nyckel"
    r = api.post("/office/releases", headers=office, json=signed_release(broken, 1))
    assert r.status_code == 400 and r.json()["error"] == "no_signing_key", r.text


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_area_key_register_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "server.db")
    code, out, _ = _run(capsys, "--db", db, "area-key", "list")
    assert code == 0 and "Inga områdesnycklar" in out
    code, out, err = _run(
        capsys, "--db", db, "area-key", "register", "klara", "--from-pack", str(KLARA)
    )
    assert code == 0, err
    assert "klara" in out and "är registrerad" in out
    code, out, _ = _run(
        capsys, "--db", db, "area-key", "register", "klara", "--from-pack", str(KLARA)
    )
    assert code == 0 and "redan registrerad" in out
    code, out, _ = _run(capsys, "--db", db, "area-key", "list", "--json")
    [row] = json.loads(out)
    assert row["area_id"] == "klara" and row["signing_key"] == DEV_KEYS["signing_public"]
    assert row["registered_by"].startswith("admin (paket") and row["latest_version"] == 0

    # another key only with --replace
    public, _ = _foreign_keys()
    code, _, err = _run(capsys, "--db", db, "area-key", "register", "klara", "--key", public)
    assert code == 2 and "--replace" in err and len(err.strip().splitlines()) == 1
    code, out, _ = _run(
        capsys, "--db", db, "area-key", "register", "klara", "--key", public, "--replace"
    )
    assert code == 0 and "ersatt" in out
    code, out, _ = _run(capsys, "--db", db, "area-key", "list")
    assert public in out

    # bad input: exit 2, one line in Swedish, nothing changed
    for argv, words in [
        (["register", "klara", "--key", "bm90LWEta2V5"], "Ed25519"),
        (["register", "Klara!", "--key", public], "ogiltigt"),
        (["register", "norr", "--from-pack", str(KLARA)], "gäller området klara"),
        (["register", "klara", "--from-pack", str(tmp_path / "nowhere")], "finns inte"),
    ]:
        code, _, err = _run(capsys, "--db", db, "area-key", *argv)
        assert code == 2 and words in err, (argv, err)
    code, out, _ = _run(capsys, "--db", db, "area-key", "list", "--json")
    assert [r["signing_key"] for r in json.loads(out)] == [public]


def test_register_from_pack_reads_area_json_with_a_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    area = json.loads((KLARA / "area.json").read_text("utf-8"))
    area["padding"] = "x" * (2 * 1024 * 1024)
    (pack / "area.json").write_text(json.dumps(area), "utf-8")
    db = str(tmp_path / "server.db")
    code, _, err = _run(
        capsys, "--db", db, "area-key", "register", "klara", "--from-pack", str(pack)
    )
    assert code == 2 and "större än" in err
    (pack / "area.json").write_text('{"id": "klara", "public_keys": [1, 2]}', "utf-8")
    code, _, err = _run(
        capsys, "--db", db, "area-key", "register", "klara", "--from-pack", str(pack)
    )
    assert code == 2 and "public_keys.signing" in err


def test_an_old_database_pins_the_key_of_each_areas_latest_release(tmp_path: Path) -> None:
    """server.db from before migration 2: the key its tablets already trust stays the pin."""
    path = tmp_path / "server.db"
    conn = connect(path, synchronous="FULL", busy_timeout_ms=1000)
    now = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    migrate(
        conn, MIGRATIONS, name="server", backup_dir=None, now=now, error_cls=ServerDbError, target=1
    )
    public, _ = _foreign_keys()
    for version, key in [(1, DEV_KEYS["signing_public"]), (2, public)]:
        docs = {"area.json": {"id": "klara", "public_keys": {"signing": key}}}
        conn.execute(
            "INSERT INTO release VALUES ('klara', ?, '{}', 'sig', ?, '2026-11-23T10:00:00+00:00')",
            (version, gzip.compress(json.dumps(docs).encode())),
        )
    conn.close()
    db = ServerDb(path, now=now)
    try:
        with db.read(SYSTEM) as c:
            rows = [tuple(r) for r in c.execute("SELECT area_id, signing_key FROM area_key")]
        assert rows == [("klara", public)]
    finally:
        db.close()
    assert (tmp_path / "backups").is_dir()  # migrating a database with data backs it up first
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].number
