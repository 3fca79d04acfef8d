"""Issue #17: every office action is in the server's audit log (who, what, when by the server's
clock, area, target), newest first and paged; a coordinator sees their areas' entries and their
own; no secret (password, token, enrolment code) is in any row or anywhere in the database file.
Real server on 127.0.0.1, every step over HTTP."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kompassen.core.clock import FixedClock
from kompassen.server.audit import AuditSecretError, record
from kompassen.server.cli import main as server_main
from kompassen.server.db import SYSTEM, utc_iso
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer, bearer

from .conftest import klara_release_body

KIM = "Kim"
KIM_PASSWORD = "kims-första-lösen"
KIM_NEW_PASSWORD = "kims-andra-lösen"
TYPED_IN_THE_NAME_FIELD = "mitt-hemliga-lösen-i-fel-fält"


def _all_entries(api: httpx.Client, headers: dict[str, str], page: int) -> list[dict[str, Any]]:
    """Every entry the caller may see, newest first, fetched ``page`` at a time."""
    out: list[dict[str, Any]] = []
    before: int | None = None
    while True:
        params: dict[str, Any] = {"limit": page}
        if before is not None:
            params["before"] = before
        r = api.get("/office/audit", headers=headers, params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["entries"]) <= page
        out += body["entries"]
        before = body["next_before"]
        if before is None:
            return out


def test_the_audit_log_lists_every_action_in_order_without_secrets(
    live: LiveServer,
    api: httpx.Client,
    clock: FixedClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secrets: list[str] = [KIM_PASSWORD, KIM_NEW_PASSWORD, TYPED_IN_THE_NAME_FIELD, OFFICE_PASSWORD]
    expected: list[tuple[str, str, str | None, str | None]] = []  # action, actor, area, target
    times: list[str] = []

    def did(action: str, actor: str, area: str | None = None, target: str | None = None) -> None:
        expected.append((action, actor, area, target))
        times.append(utc_iso(clock.now()))
        clock.advance(timedelta(seconds=7))

    admin_token = live.office_token()  # the admin CLI's user, then a sign-in over HTTP
    did("user_created", "kompassen-server", None, OFFICE_NAME)
    expected.append(("sign_in", OFFICE_NAME, None, None))
    times.append(times[-1])
    admin = bearer(admin_token)
    secrets.append(admin_token)

    r = api.post("/office/login", json={"name": OFFICE_NAME, "password": "fel-lösenord-1"})
    assert r.status_code == 401
    did("sign_in_failed", OFFICE_NAME, None, OFFICE_NAME)
    r = api.post("/office/login", json={"name": TYPED_IN_THE_NAME_FIELD, "password": "x"})
    assert r.status_code == 401
    did("sign_in_failed", "", None, None)  # an unknown name is not kept (it may be a password)

    new = {"name": KIM, "password": KIM_PASSWORD, "role": "coordinator", "areas": ["klara"]}
    assert api.post("/office/users", headers=admin, json=new).status_code == 201
    did("user_created", OFFICE_NAME, None, KIM)
    r = api.patch(f"/office/users/{KIM}", headers=admin, json={"areas": ["klara", "norr"]})
    assert r.status_code == 200
    did("user_changed", OFFICE_NAME, None, KIM)
    r = api.post("/office/login", json={"name": KIM, "password": KIM_PASSWORD})
    kim_token = r.json()["token"]
    secrets.append(kim_token)
    kim = bearer(kim_token)
    did("sign_in", KIM)

    key = klara_release_body(1)["documents"]["area.json"]["public_keys"]["signing"]
    r = api.put("/office/areas/klara/signing-key", headers=kim, json={"signing_key": key})
    assert r.json()["outcome"] == "registered"
    did("area_key_registered", KIM, "klara", "klara")
    assert api.post("/office/releases", headers=kim, json=klara_release_body(1)).status_code == 201
    did("publish", KIM, "klara", "1")

    body = {"uses": 2, "valid_hours": 5, "area_id": "klara"}
    r = api.post("/office/enrolment-codes", headers=kim, json=body)
    code = r.json()["code"]
    secrets += [code, code.replace("-", "")]
    did("enrolment_code_created", KIM, "klara")
    enrolled = api.post("/enrol", json={"code": code, "name": "Platta"}).json()
    device_id, device_token = enrolled["device_id"], enrolled["token"]
    secrets.append(device_token)
    item = {
        "uuid": "00000000-0000-4000-8000-000000000001",
        "area_id": "klara",
        "created_at": "2026-11-23T12:00:00+01:00",
        "sealed": "B" * 64,
    }
    r = api.post("/submissions", headers=bearer(device_token), json={"items": [item]})
    assert r.status_code == 200
    assert len(api.get("/office/submissions", headers=kim).json()["items"]) == 1
    did("submissions_fetched", KIM, "klara")
    assert api.post(f"/office/devices/{device_id}/revoke", headers=kim).status_code == 200
    did("device_revoked", KIM, None, device_id)  # it never said which area it carries

    body = {"old_password": KIM_PASSWORD, "new_password": KIM_NEW_PASSWORD}
    assert api.post("/office/password", headers=kim, json=body).status_code == 200
    did("password_changed", KIM, None, KIM)

    # the coordinator's view: their areas' entries and their own actions, nothing of the admin's
    mine = _all_entries(api, kim, page=2)
    assert all(e["actor"] == KIM or e["area_id"] in ("klara", "norr") for e in mine)
    assert [e["action"] for e in reversed(mine)] == [
        a for a, actor, area, _ in expected if actor == KIM or area in ("klara", "norr")
    ]

    assert api.post("/office/logout", headers=kim).status_code == 200
    did("sign_out", KIM)
    r = api.patch(f"/office/users/{KIM}", headers=admin, json={"disabled": True})
    assert r.status_code == 200
    did("user_disabled", OFFICE_NAME, None, KIM)

    entries = _all_entries(api, admin, page=3)
    got = [(e["action"], e["actor"], e["area_id"], e["target"]) for e in reversed(entries)]
    assert got == expected
    assert [e["at"] for e in reversed(entries)] == times  # the server's clock
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids, reverse=True)
    details = {e["action"]: e["detail"] for e in reversed(entries)}  # the newest of each
    assert details["enrolment_code_created"] == {
        "uses": 2,
        "valid_hours": 5,
        "expires_at": utc_iso(clock.now() - timedelta(seconds=7 * 6) + timedelta(hours=5)),
        "area": "klara",
    }
    assert details["publish"]["version"] == 1 and details["publish"]["key_rotated"] is False
    assert details["user_changed"] == {"areas": {"from": ["klara"], "to": ["klara", "norr"]}}
    assert details["sign_in_failed"]["reason"] == "unknown_user"

    assert server_main(["--db", str(live.target), "audit", "--limit", "100"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(expected)

    # no secret anywhere: not in the rows, not in the database file (nor its WAL)
    live.stop()
    blobs = b"".join(p.read_bytes() for p in tmp_path.glob("server.db*"))
    for secret in secrets:
        assert secret.encode() not in blobs, secret
        assert secret not in str(entries)


def test_a_detail_that_names_a_secret_is_refused(live: LiveServer) -> None:
    """A careless caller fails its test instead of writing a password to disk."""
    with live.app.state.db.transaction(SYSTEM) as conn:
        for key in ("password", "new_token", "enrolment_code", "Passphrase"):
            with pytest.raises(AuditSecretError):
                record(conn, "2026-11-23T11:00:00+00:00", "x", "sign_in", detail={key: "1"})
        with pytest.raises(ValueError):
            record(conn, "2026-11-23T11:00:00+00:00", "x", "not_an_action")


def test_the_audit_log_refuses_bad_paging(api: httpx.Client, office: dict[str, str]) -> None:
    for params in ({"limit": 0}, {"limit": 501}, {"before": 0}, {"before": "x"}):
        r = api.get("/office/audit", headers=office, params=params)
        assert r.status_code == 422, params
    assert api.get("/office/audit").status_code == 401
