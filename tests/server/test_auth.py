"""Health, enrolment codes, tokens and roles against the live server."""

from __future__ import annotations

from datetime import UTC, timedelta

import httpx

from kompassen.core.clock import FixedClock
from serverutil import LiveServer, bearer


def _uniform(r: httpx.Response, status: int, error: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == error and body["detail"] and body["sv"], body


def test_health(api: httpx.Client) -> None:
    r = api.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["version"]


def test_enrol_with_a_good_code_gives_a_working_token(live: LiveServer, api: httpx.Client) -> None:
    code = live.enrolment_code()
    r = api.post("/enrol", json={"code": code, "name": "Platta Norr"})
    assert r.status_code == 200, r.text
    device_id, token = r.json()["device_id"], r.json()["token"]
    assert len(token) >= 43
    listed = api.get("/office/devices", headers=bearer(live.office_token())).json()["devices"]
    assert [(d["id"], d["name"]) for d in listed] == [(device_id, "Platta Norr")]
    assert api.get("/areas/klara/release", headers=bearer(token)).status_code == 404


def test_code_is_case_and_dash_insensitive(live: LiveServer, api: httpx.Client) -> None:
    code = live.enrolment_code()
    typed = " " + code.replace("-", " ").lower() + " "
    assert api.post("/enrol", json={"code": typed}).status_code == 200


def test_wrong_used_and_expired_codes_are_refused(
    live: LiveServer, api: httpx.Client, clock: FixedClock
) -> None:
    _uniform(api.post("/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD"}), 403, "bad_code")
    code = live.enrolment_code(uses=1)
    assert api.post("/enrol", json={"code": code}).status_code == 200
    _uniform(api.post("/enrol", json={"code": code}), 403, "bad_code")  # used
    twice = live.enrolment_code(uses=2, valid_hours=1)
    assert api.post("/enrol", json={"code": twice}).status_code == 200
    clock.advance(timedelta(hours=1, seconds=1))
    _uniform(api.post("/enrol", json={"code": twice}), 403, "bad_code")  # expired


def test_missing_and_unknown_tokens_are_401(api: httpx.Client) -> None:
    for headers in ({}, bearer("garbage"), {"Authorization": "Basic dXNlcjpwdw=="}):
        _uniform(api.get("/office/devices", headers=headers), 401, "unauthorized")
        r = api.post("/submissions", headers=headers, json={"items": []})
        assert r.status_code in (401, 422)
        _uniform(api.get("/areas/klara/release", headers=headers), 401, "unauthorized")


def test_revoked_device_gets_403_everywhere(live: LiveServer, api: httpx.Client) -> None:
    device_id, token = live.enrol()
    office = bearer(live.office_token())
    assert api.post(f"/office/devices/{device_id}/revoke", headers=office).status_code == 200
    item = {
        "uuid": "0b6b6d0e-5c86-4a43-9a8a-0f1b7d0e1c11",
        "area_id": "klara",
        "created_at": "2026-11-23T12:00:00+01:00",
        "sealed": "A" * 64,
    }
    _uniform(
        api.post("/submissions", headers=bearer(token), json={"items": [item]}), 403, "revoked"
    )
    _uniform(api.get("/areas/klara/release", headers=bearer(token)), 403, "revoked")
    _uniform(api.get("/office/devices", headers=bearer(token)), 403, "revoked")


def test_wrong_role_is_403_both_ways(
    api: httpx.Client, office: dict[str, str], device: dict[str, str]
) -> None:
    _uniform(api.get("/office/submissions", headers=device), 403, "wrong_role")
    _uniform(api.get("/office/devices", headers=device), 403, "wrong_role")
    _uniform(
        api.post("/office/enrolment-codes", headers=device, json={"uses": 1, "valid_hours": 1}),
        403,
        "wrong_role",
    )
    item = {
        "uuid": "0b6b6d0e-5c86-4a43-9a8a-0f1b7d0e1c11",
        "area_id": "klara",
        "created_at": "2026-11-23T12:00:00+01:00",
        "sealed": "A" * 64,
    }
    _uniform(api.post("/submissions", headers=office, json={"items": [item]}), 403, "wrong_role")


def test_office_login_wrong_password_and_expiry(
    live: LiveServer, api: httpx.Client, clock: FixedClock
) -> None:
    token = live.office_token("kontoret", "rätt-lösenord-1")
    _uniform(
        api.post("/office/login", json={"name": "kontoret", "password": "fel-lösenord-1"}),
        401,
        "bad_login",
    )
    _uniform(
        api.post("/office/login", json={"name": "ingen-sådan", "password": "rätt-lösenord-1"}),
        401,
        "bad_login",
    )
    assert api.get("/office/devices", headers=bearer(token)).status_code == 200
    clock.advance(timedelta(hours=12))
    _uniform(api.get("/office/devices", headers=bearer(token)), 401, "unauthorized")


def test_last_seen_is_updated_on_each_call(
    live: LiveServer, api: httpx.Client, clock: FixedClock
) -> None:
    _, token = live.enrol()
    office = bearer(live.office_token())
    clock.advance(timedelta(minutes=5))
    api.get("/areas/klara/release", headers=bearer(token))  # 404, but it was a call
    seen = api.get("/office/devices", headers=office).json()["devices"][0]["last_seen"]
    assert seen == clock.now().astimezone(UTC).isoformat(timespec="seconds")
