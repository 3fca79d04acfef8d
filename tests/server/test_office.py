"""Office endpoints for enrolment codes and devices."""

from __future__ import annotations

from datetime import UTC, timedelta

import httpx

from kompassen.core.clock import FixedClock
from serverutil import LiveServer, bearer


def test_enrolment_codes_via_the_api(
    api: httpx.Client, office: dict[str, str], clock: FixedClock
) -> None:
    r = api.post("/office/enrolment-codes", headers=office, json={"uses": 2, "valid_hours": 48})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["uses"] == 2
    assert body["expires_at"] == (clock.now() + timedelta(hours=48)).astimezone(UTC).isoformat(
        timespec="seconds"
    )
    code = body["code"]
    assert len(code) == 19 and code.count("-") == 3
    assert not set(code) & set("01OI")
    assert api.post("/enrol", json={"code": code, "name": "A"}).status_code == 200
    assert api.post("/enrol", json={"code": code, "name": "B"}).status_code == 200
    assert api.post("/enrol", json={"code": code, "name": "C"}).status_code == 403
    for bad in (
        {"uses": 0},
        {"uses": 101},
        {"valid_hours": 0},
        {"valid_hours": 721},
        {"uses": "x"},
    ):
        r = api.post("/office/enrolment-codes", headers=office, json=bad)
        assert r.status_code == 422, bad


def test_devices_list_and_revoke(
    live: LiveServer, api: httpx.Client, office: dict[str, str], clock: FixedClock
) -> None:
    id_a, token_a = live.enrol("Platta A")
    clock.advance(timedelta(minutes=1))
    id_b, _ = live.enrol("Platta B")
    devices = api.get("/office/devices", headers=office).json()["devices"]
    assert [d["id"] for d in devices] == [id_a, id_b]
    assert set(devices[0]) == {
        "id",
        "name",
        "area_id",  # the district it belongs to (its code's area; else its first sync's)
        "enrolled_at",
        "last_seen",
        "revoked_at",
        "revoked_uses",
        "revoked_last_used",
        "submissions",
        "app_version",  # what it said it runs at its last sync (tests/sync/test_versions_at_sync)
        "versions_at",
        "areas",
        "enrolled_by",  # who made the code it enrolled with (a coordinator sees those)
    }
    assert devices[0]["revoked_at"] is None and devices[0]["submissions"] == 0
    r = api.post(f"/office/devices/{id_a}/revoke", headers=office)
    assert r.status_code == 200
    revoked_at = r.json()["revoked_at"]
    assert r.json() == {"id": id_a, "revoked_at": revoked_at}
    clock.advance(timedelta(minutes=1))
    again = api.post(f"/office/devices/{id_a}/revoke", headers=office).json()
    assert again["revoked_at"] == revoked_at  # the first revocation time stays
    devices = api.get("/office/devices", headers=office).json()["devices"]
    assert [d["revoked_at"] is not None for d in devices] == [True, False]
    assert api.get("/areas/klara/release", headers=bearer(token_a)).status_code == 403
    missing = api.post("/office/devices/nosuchdevice/revoke", headers=office)
    assert missing.status_code == 404 and missing.json()["error"] == "no_device"
    assert api.post("/office/devices/bad id!/revoke", headers=office).status_code in (404, 422)


def test_unknown_path_and_method_have_the_uniform_body(api: httpx.Client) -> None:
    for r in (api.get("/nope"), api.delete("/health")):
        assert r.status_code in (404, 405)
        assert set(r.json()) == {"detail", "error", "sv"}
