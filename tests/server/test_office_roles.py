"""Issue #17: office roles. An admin works on every area and manages users; a coordinator only
on the areas given (another area: 403 ``not_your_area`` and nothing stored); the upgrade keeps
the office users from before roles working, as admins. Real server on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store.release import release_form
from kompassen.core.clock import FixedClock
from kompassen.server import auth
from kompassen.server.cli import main as server_main
from kompassen.server.db import MIGRATIONS, SYSTEM, ServerDb, ServerDbError
from kompassen.sqlite import connect, migrate
from serverutil import AREAS, OFFICE_NAME, LiveServer, bearer

from .conftest import signed_release

AREA_A = "klara"
AREA_B = "vastra-sodermalm"
COORD = "Kim Koordinator"
COORD_PASSWORD = "kims-lösenord-1"


def _login(api: httpx.Client, name: str, password: str) -> dict[str, str]:
    r = api.post("/office/login", json={"name": name, "password": password})
    assert r.status_code == 200, r.text
    return bearer(r.json()["token"])


def _coordinator(
    api: httpx.Client, admin: dict[str, str], areas: tuple[str, ...] = (AREA_A,)
) -> dict[str, str]:
    r = api.post(
        "/office/users",
        headers=admin,
        json={
            "name": COORD,
            "password": COORD_PASSWORD,
            "role": "coordinator",
            "areas": list(areas),
        },
    )
    assert r.status_code == 201, r.text
    assert r.json() == {
        "name": COORD,
        "role": "coordinator",
        "areas": sorted(areas),
        "disabled_at": None,
        "updated_at": r.json()["updated_at"],
    }
    return _login(api, COORD, COORD_PASSWORD)


def _docs(area_id: str) -> dict[str, Any]:
    return release_form(read_pack_dir(AREAS / area_id))


def _refused(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == code and body["sv"] and body["detail"]


def test_a_coordinator_of_a_cannot_publish_b_and_nothing_is_stored(
    live: LiveServer, api: httpx.Client, office: dict[str, str]
) -> None:
    live.register_area_key(AREA_A)
    live.register_area_key(AREA_B)
    kim = _coordinator(api, office)
    me = api.get("/office/me", headers=kim).json()
    assert me == {"name": COORD, "role": "coordinator", "areas": [AREA_A]}

    r = api.post("/office/releases", headers=kim, json=signed_release(_docs(AREA_B), 1))
    _refused(r, 403, "not_your_area")
    assert AREA_B in r.json()["sv"]
    with live.app.state.db.read(SYSTEM) as conn:
        assert conn.execute("SELECT COUNT(*) FROM release").fetchone()[0] == 0
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log")]
    assert "publish" not in actions
    _refused(api.get(f"/office/releases/{AREA_B}", headers=kim), 403, "not_your_area")

    # their own area they may publish; the admin may publish any area
    r = api.post("/office/releases", headers=kim, json=signed_release(_docs(AREA_A), 1))
    assert r.status_code == 201, r.text
    r = api.post("/office/releases", headers=office, json=signed_release(_docs(AREA_B), 1))
    assert r.status_code == 201, r.text
    assert api.get(f"/office/releases/{AREA_A}", headers=kim).json()["latest_version"] == 1
    assert api.get(f"/office/releases/{AREA_B}", headers=office).json()["latest_version"] == 1


def test_area_keys_and_submissions_are_limited_to_the_areas(
    live: LiveServer, api: httpx.Client, office: dict[str, str]
) -> None:
    kim = _coordinator(api, office)
    key = _docs(AREA_B)["area.json"]["public_keys"]["signing"]
    r = api.put(f"/office/areas/{AREA_B}/signing-key", headers=kim, json={"signing_key": key})
    _refused(r, 403, "not_your_area")
    r = api.put(f"/office/areas/{AREA_A}/signing-key", headers=kim, json={"signing_key": key})
    assert r.json() == {"area_id": AREA_A, "outcome": "registered"}
    r = api.put(
        f"/office/areas/{AREA_A}/signing-key",
        headers=kim,
        json={"signing_key": _other_key(), "replace": True},
    )
    _refused(r, 403, "admin_only")  # replacing the key tablets trust is for admins
    r = api.put(f"/office/areas/{AREA_A}/signing-key", headers=kim, json={"signing_key": "x"})
    _refused(r, 400, "invalid")

    sealed = "A" * 64
    items = [
        {
            "uuid": f"00000000-0000-4000-8000-00000000000{i}",
            "area_id": area,
            "created_at": "2026-11-23T12:00:00+01:00",
            "sealed": sealed,
        }
        for i, area in enumerate([AREA_A, AREA_B, AREA_A])
    ]
    # each district's own tablet (a device sends only for the area it belongs to)
    tablet_a = bearer(live.enrol()[1])
    tablet_b = bearer(live.enrol()[1])
    for tablet, area in ((tablet_a, AREA_A), (tablet_b, AREA_B)):
        mine_items = [i for i in items if i["area_id"] == area]
        r = api.post("/submissions", headers=tablet, json={"items": mine_items})
        assert [x["status"] for x in r.json()["results"]] == ["stored"] * len(mine_items)
    r = api.post("/submissions", headers=tablet_a, json={"items": items[1:2]})
    assert r.json()["results"][0]["error"] == "wrong_area"
    mine = api.get("/office/submissions", headers=kim).json()["items"]
    assert [i["area_id"] for i in mine] == [AREA_A, AREA_A]
    everything = api.get("/office/submissions", headers=office).json()["items"]
    assert sorted(i["area_id"] for i in everything) == sorted([AREA_A, AREA_B, AREA_A])


def _other_key() -> str:
    import base64

    return base64.b64encode(bytes(range(32))).decode()


def test_a_coordinator_sees_and_revokes_only_the_devices_of_their_areas(
    live: LiveServer, api: httpx.Client, office: dict[str, str], clock: FixedClock
) -> None:
    kim = _coordinator(api, office)
    tablets = {}
    for name, area in [("A-platta", AREA_A), ("B-platta", AREA_B)]:
        device_id, token = live.enrol(name)
        r = api.put(
            "/device/versions",
            headers=bearer(token),
            json={"app_version": "1.0", "areas": [{"area_id": area, "pack_version": "1"}]},
        )
        assert r.status_code == 200, r.text
        tablets[area] = device_id
        clock.advance(timedelta(minutes=1))  # listed oldest first
    # a tablet enrolled with Kim's own code, before its first sync (it carries no area yet)
    code = api.post("/office/enrolment-codes", headers=kim, json={"uses": 1}).json()["code"]
    own = api.post("/enrol", json={"code": code, "name": "Ny platta"}).json()["device_id"]

    seen = [d["id"] for d in api.get("/office/devices", headers=kim).json()["devices"]]
    assert seen == [tablets[AREA_A], own]
    every = [d["id"] for d in api.get("/office/devices", headers=office).json()["devices"]]
    assert every == [tablets[AREA_A], tablets[AREA_B], own]

    r = api.post(f"/office/devices/{tablets[AREA_B]}/revoke", headers=kim)
    _refused(r, 404, "no_device")  # not theirs: as if it were not there
    with live.app.state.db.read(SYSTEM) as conn:
        row = conn.execute("SELECT revoked_at FROM device WHERE id = ?", (tablets[AREA_B],))
        assert row.fetchone()[0] is None
    assert api.post(f"/office/devices/{own}/revoke", headers=kim).status_code == 200
    assert api.post(f"/office/devices/{tablets[AREA_A]}/revoke", headers=kim).status_code == 200

    status = api.get(f"/office/releases/{AREA_A}", headers=kim).json()
    assert [(d["id"], d["revoked"]) for d in status["devices"]] == [(tablets[AREA_A], True)]
    status = api.get(f"/office/releases/{AREA_B}", headers=office).json()
    assert [(d["id"], d["catalogue_release"]) for d in status["devices"]] == [
        (tablets[AREA_B], None)
    ]


def test_only_admins_manage_users(
    live: LiveServer, api: httpx.Client, office: dict[str, str]
) -> None:
    kim = _coordinator(api, office)
    _refused(api.get("/office/users", headers=kim), 403, "admin_only")
    new = {"name": "Ny", "password": "lösenord-12345", "role": "admin", "areas": []}
    _refused(api.post("/office/users", headers=kim, json=new), 403, "admin_only")
    r = api.patch(f"/office/users/{COORD}", headers=kim, json={"role": "admin"})
    _refused(r, 403, "admin_only")  # not even themselves
    assert api.get("/office/me", headers=kim).json()["role"] == "coordinator"
    with live.app.state.db.read(SYSTEM) as conn:
        assert conn.execute("SELECT COUNT(*) FROM office_user").fetchone()[0] == 2

    users = api.get("/office/users", headers=office).json()["users"]
    assert [(u["name"], u["role"]) for u in users] == [
        (COORD, "coordinator"),
        (OFFICE_NAME, "admin"),
    ]
    _refused(
        api.post("/office/users", headers=office, json=new | {"name": COORD}), 409, "user_exists"
    )
    short = new | {"password": "kort"}
    _refused(api.post("/office/users", headers=office, json=short), 400, "invalid")

    # the admin gives Kim area B too: Kim's token sees it at once
    r = api.patch(f"/office/users/{COORD}", headers=office, json={"areas": [AREA_A, AREA_B]})
    assert r.json()["areas"] == sorted([AREA_A, AREA_B])
    assert api.get(f"/office/releases/{AREA_B}", headers=kim).status_code == 200
    _refused(api.patch("/office/users/ingen", headers=office, json={}), 404, "no_user")


def test_disabling_ends_the_sessions_and_the_last_admin_stays(
    live: LiveServer, api: httpx.Client, office: dict[str, str]
) -> None:
    kim = _coordinator(api, office)
    r = api.patch(f"/office/users/{OFFICE_NAME}", headers=office, json={"role": "coordinator"})
    _refused(r, 409, "last_admin")
    r = api.patch(f"/office/users/{OFFICE_NAME}", headers=office, json={"disabled": True})
    _refused(r, 409, "last_admin")

    r = api.patch(f"/office/users/{COORD}", headers=office, json={"disabled": True})
    assert r.status_code == 200 and r.json()["disabled_at"] is not None
    _refused(api.get("/office/me", headers=kim), 401, "unauthorized")
    r = api.post("/office/login", json={"name": COORD, "password": COORD_PASSWORD})
    _refused(r, 401, "bad_login")
    r = api.patch(f"/office/users/{COORD}", headers=office, json={"disabled": False})
    assert r.json()["disabled_at"] is None
    kim = _login(api, COORD, COORD_PASSWORD)
    assert api.get("/office/me", headers=kim).status_code == 200

    # a reset by the admin ends Kim's sessions; Kim's own change keeps the current one
    r = api.patch(f"/office/users/{COORD}", headers=office, json={"password": "nytt-lösen-99"})
    assert r.status_code == 200
    _refused(api.get("/office/me", headers=kim), 401, "unauthorized")
    kim = _login(api, COORD, "nytt-lösen-99")
    other = _login(api, COORD, "nytt-lösen-99")
    body = {"old_password": "fel-lösenord", "new_password": "eget-lösen-77"}
    _refused(api.post("/office/password", headers=kim, json=body), 403, "wrong_password")
    body["old_password"] = "nytt-lösen-99"
    assert api.post("/office/password", headers=kim, json=body).json() == {"name": COORD}
    assert api.get("/office/me", headers=kim).status_code == 200
    _refused(api.get("/office/me", headers=other), 401, "unauthorized")
    assert api.post("/office/logout", headers=kim).json() == {"signed_out": True}
    _refused(api.get("/office/me", headers=kim), 401, "unauthorized")


def test_the_upgrade_keeps_the_office_users_from_before_roles_as_admins(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "server.db"
    conn = connect(path, synchronous="FULL", busy_timeout_ms=1000)
    now = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    migrate(
        conn, MIGRATIONS, name="server", backup_dir=None, now=now, error_cls=ServerDbError, target=3
    )
    conn.execute(
        "INSERT INTO office_user (name, password_hash, updated_at) VALUES (?, ?, ?)",
        ("gamla kontoret", auth.hash_password("gammalt-lösen-1"), "2026-11-01T10:00:00+00:00"),
    )
    conn.close()
    ServerDb(path, now=now).close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].number
    with LiveServer(clock=clock) as server:
        server.start(path)
        with httpx.Client(base_url=server.api, timeout=30) as api:
            old = _login(api, "gamla kontoret", "gammalt-lösen-1")
            me = api.get("/office/me", headers=old).json()
            assert me == {"name": "gamla kontoret", "role": "admin", "areas": []}
            assert api.get("/office/users", headers=old).status_code == 200


def test_the_admin_cli_sets_roles_and_areas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    db = str(tmp_path / "server.db")

    def user(*args: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO("ett-lösenord-1\n"))
        code = server_main(["--db", db, "office-user", *args])
        return code, capsys.readouterr().out

    code, out = user("Första")
    assert code == 0 and "roll admin, alla områden" in out
    code, out = user("Kim", "--role", "coordinator", "--area", AREA_A, "--area", AREA_B)
    assert code == 0 and f"områden: {AREA_A}, {AREA_B}" in out
    code, out = user("Kim")  # a new password keeps the role and the areas
    assert code == 0 and "roll coordinator" in out and AREA_B in out
    monkeypatch.setattr("sys.stdin", io.StringIO("ett-lösenord-1\n"))
    assert server_main(["--db", db, "office-user", "X", "--area", "Inte OK"]) == 2
    assert "ogiltigt" in capsys.readouterr().err

    assert server_main(["--db", db, "audit", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "user_changed" in lines[0] and "mål Kim" in lines[0]
    assert "lösenord" not in "\n".join(lines)


def test_the_body_limit_covers_the_new_office_endpoints(tmp_path: Path) -> None:
    """server/limits.py: an oversized body is 413 in words on the users API too."""
    with LiveServer(body_limit=4096) as server:
        server.start(tmp_path / "server.db")
        admin = bearer(server.office_token())
        with httpx.Client(base_url=server.api, timeout=30) as api:
            big = {"name": "Stor", "password": "x" * 8000, "role": "admin", "areas": []}
            for method, path in [
                ("POST", "/office/users"),
                ("PATCH", f"/office/users/{OFFICE_NAME}"),
                ("POST", "/office/password"),
                ("PUT", f"/office/areas/{AREA_A}/signing-key"),
            ]:
                r = api.request(method, path, headers=admin, json=big)
                _refused(r, 413, "too_large")
            assert [u["name"] for u in api.get("/office/users", headers=admin).json()["users"]] == [
                OFFICE_NAME
            ]
