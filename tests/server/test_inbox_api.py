"""Issue #18: the office inbox's server side. Reports and daily usage arrive on the same
route (``kind``), usage is listed without any device id, the office's states of reports are
recorded all or nothing in the caller's areas, and signed answers reach only the tablet that
sent the report. Real server on 127.0.0.1."""

from __future__ import annotations

import base64
import os
import uuid as uuidlib
from pathlib import Path
from typing import Any

import httpx

from kompassen.reports import answers
from kompassen.server.db import SYSTEM
from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS

SEALED = base64.b64encode(os.urandom(64)).decode("ascii")
CREATED = "2026-11-23T10:00:00+01:00"


def _item(area: str = "klara", **extra: Any) -> dict[str, Any]:
    return {
        "uuid": str(uuidlib.uuid4()),
        "area_id": area,
        "created_at": CREATED,
        "sealed": SEALED,
    } | extra


def _not_theirs(r: httpx.Response) -> None:
    """Another district's report: 403 ``not_your_area`` from the endpoint's check, or 404
    where PostgreSQL's row-level security hid the row before the check saw it."""
    assert (r.status_code, r.json()["error"]) in ((403, "not_your_area"), (404, "no_submission"))


def _send(api: httpx.Client, device: dict[str, str], *items: dict[str, Any]) -> list[Any]:
    r = api.post("/submissions", headers=device, json={"items": list(items)})
    assert r.status_code == 200, r.text
    return [x["status"] for x in r.json()["results"]]


def _report_ids(api: httpx.Client, office: dict[str, str]) -> list[int]:
    r = api.get("/office/submissions", headers=office)
    assert r.status_code == 200, r.text
    return [x["id"] for x in r.json()["items"]]


def _coordinator(live: LiveServer, api: httpx.Client, admin: dict[str, str], area: str) -> Any:
    r = api.post(
        "/office/users",
        headers=admin,
        json={
            "name": f"coord-{area}",
            "password": "koordinator-1",
            "role": "coordinator",
            "areas": [area],
        },
    )
    assert r.status_code == 201, r.text
    return bearer(live.office_token(f"coord-{area}", "koordinator-1"))


def _signed(area: str, uuid: str, state: str = "solved", key: str | None = None) -> dict[str, str]:
    text = answers.payload(
        answers.Answer(
            area_id=area,
            uuid=uuid,
            state=state,
            answer_sv="Tack, nu är det fixat.",
            answer_en="Thanks, fixed now.",
            guide_id=None,
            answered_at="2026-11-24T09:00:00+01:00",
        )
    )
    return {"payload": text, "signature": answers.sign(text, key or DEV_KEYS["signing_private"])}


def test_usage_is_kept_apart_and_carries_no_device(
    api: httpx.Client, office: dict[str, str], device: dict[str, str]
) -> None:
    report = _item()
    usage = _item(kind="usage", day="2026-11-23")
    old_client = _item()  # no kind at all: a report, as before
    assert _send(api, device, report, usage, old_client) == ["stored", "stored", "stored"]
    assert _send(api, device, usage) == ["duplicate"]  # idempotent by uuid, like reports

    r = api.get("/office/submissions", headers=office)
    items = r.json()["items"]
    assert [x["uuid"] for x in items] == [report["uuid"], old_client["uuid"]]
    assert {x["kind"] for x in items} == {"report"}
    assert api.get("/office/submissions?kind=usage", headers=office).status_code == 422

    r = api.get("/office/usage", headers=office)
    assert r.status_code == 200, r.text
    (got,) = r.json()["items"]
    assert set(got) == {"id", "area_id", "day", "received_at", "sealed"}
    assert got["day"] == "2026-11-23" and got["area_id"] == "klara"
    assert base64.b64decode(got["sealed"]) == base64.b64decode(SEALED)
    assert r.json()["next_after"] is None
    assert api.get("/office/usage?after=" + str(got["id"]), headers=office).json()["items"] == []
    assert api.get("/office/usage?limit=2001", headers=office).status_code == 422

    audit = api.get("/office/audit", headers=office).json()["entries"]
    assert "usage_fetched" in [e["action"] for e in audit]
    (tablet,) = api.get("/office/devices", headers=office).json()["devices"]
    assert tablet["submissions"] == 2  # reports only: usage is not a report


def test_day_is_checked_per_item(api: httpx.Client, device: dict[str, str]) -> None:
    r = api.post(
        "/submissions",
        headers=device,
        json={
            "items": [
                _item(kind="usage"),  # usage without a day
                _item(day="2026-11-23"),  # a report with a day
                _item(kind="usage", day="2026-13-45"),
                _item(kind="other"),
                _item(kind="usage", day="2026-11-22"),
            ]
        },
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["rejected"] * 4 + ["stored"]
    assert [x["error"] for x in results[:4]] == ["bad_day", "bad_day", "bad_day", "bad_kind"]


def test_states_all_or_nothing_and_scoped(
    live: LiveServer, api: httpx.Client, office: dict[str, str], device: dict[str, str]
) -> None:
    _send(api, device, _item("klara"))
    _send(api, bearer(live.enrol()[1]), _item("vastra-sodermalm"))  # that district's tablet
    _send(api, device, _item(kind="usage", day="2026-11-23"))
    klara, other = _report_ids(api, office)
    usage_id = api.get("/office/usage", headers=office).json()["items"][0]["id"]
    comment = base64.b64encode(os.urandom(80)).decode("ascii")

    r = api.post(
        "/office/reports/states",
        headers=office,
        json={
            "items": [
                {"submission_id": klara, "state": "in_progress", "comment_sealed": comment},
                {"submission_id": other, "state": "solved", "link_kind": "guide", "link_id": "g-1"},
            ]
        },
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["submission_id"] for x in results] == [klara, other]

    coord = _coordinator(live, api, office, "klara")
    for bad, status, code in (
        (other, 403, "not_your_area"),
        (usage_id, 404, "no_submission"),
        (999999, 404, "no_submission"),
    ):
        r = api.post(
            "/office/reports/states",
            headers=coord,
            json={
                "items": [
                    {"submission_id": klara, "state": "solved"},
                    {"submission_id": bad, "state": "solved"},
                ]
            },
        )
        if bad == other:
            _not_theirs(r)
        else:
            assert r.status_code == status and r.json()["error"] == code, r.text
    for bad_item in (
        {"submission_id": klara, "state": "done"},
        {"submission_id": klara, "state": "new", "link_kind": "guide"},
        {"submission_id": klara, "state": "new", "comment_sealed": "not base64!"},
        {
            "submission_id": klara,
            "state": "new",
            "comment_sealed": base64.b64encode(os.urandom(16 * 1024 + 1)).decode("ascii"),
        },
    ):
        r = api.post("/office/reports/states", headers=office, json={"items": [bad_item]})
        assert r.status_code == 422, (bad_item, r.text)

    everything = api.get("/office/reports/states", headers=office).json()
    assert len(everything["items"]) == 2  # nothing of the refused batches was stored
    first = everything["items"][0]
    assert first["actor"] == "kontoret" and first["comment_sealed"] == comment
    mine = api.get("/office/reports/states", headers=coord).json()["items"]
    assert [x["submission_id"] for x in mine] == [klara]
    page = api.get("/office/reports/states?limit=1", headers=office).json()
    assert page["next_after"] == page["items"][0]["id"]
    audit = api.get("/office/audit", headers=office).json()["entries"]
    assert "report_states" in [e["action"] for e in audit]


def test_answers_reach_only_the_reporting_tablet(
    live: LiveServer, api: httpx.Client, office: dict[str, str], device: dict[str, str]
) -> None:
    report = _item("klara")
    _send(api, device, report)
    (sid,) = _report_ids(api, office)
    body = _signed("klara", report["uuid"])

    r = api.put(f"/office/reports/{sid}/answer", headers=office, json=body)
    assert r.status_code == 409 and r.json()["error"] == "no_area_key", r.text
    live.register_area_key("klara")

    forged = _signed("klara", report["uuid"], key=DEV_KEYS["sealing_private"])
    wrong_report = _signed("klara", str(uuidlib.uuid4()))
    for bad in (forged, wrong_report, {"payload": body["payload"], "signature": "%%%"}):
        r = api.put(f"/office/reports/{sid}/answer", headers=office, json=bad)
        assert r.status_code == 422 and r.json()["error"] == "bad_answer", r.text
    assert api.get("/device/answers", headers=device).json()["items"] == []

    r = api.put(f"/office/reports/{sid}/answer", headers=office, json=body)
    assert r.status_code == 200, r.text
    seq = r.json()["seq"]
    (got,) = api.get("/device/answers", headers=device).json()["items"]
    assert got == {"seq": seq, "uuid": report["uuid"], "area_id": "klara"} | body
    assert answers.verify(got["payload"], got["signature"], DEV_KEYS["signing_public"])

    other_device = bearer(live.enrol("Testplatta 2")[1])
    assert api.get("/device/answers", headers=other_device).json()["items"] == []
    assert api.get("/device/answers", headers=office).status_code == 403

    again = _signed("klara", report["uuid"], state="needs_info")
    r = api.put(f"/office/reports/{sid}/answer", headers=office, json=again)
    assert r.status_code == 200 and r.json()["seq"] > seq
    newer = api.get(f"/device/answers?after={seq}", headers=device).json()["items"]
    assert [x["payload"] for x in newer] == [again["payload"]]

    coord = _coordinator(live, api, office, "vastra-sodermalm")
    r = api.put(f"/office/reports/{sid}/answer", headers=coord, json=body)
    _not_theirs(r)
    assert api.put("/office/reports/999/answer", headers=office, json=body).status_code == 404
    audit = api.get("/office/audit", headers=office).json()["entries"]
    assert [e["action"] for e in audit].count("report_answered") == 2


def test_old_database_upgrades(tmp_path: Path) -> None:
    """A server.db from before the inbox keeps its reports, all as kind report."""
    from datetime import UTC, datetime

    from kompassen.server.db import MIGRATIONS, ServerDb, ServerDbError
    from kompassen.sqlite import connect, migrate

    path = tmp_path / "server.db"
    conn = connect(path, synchronous="FULL", busy_timeout_ms=1000)
    now = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    migrate(
        conn, MIGRATIONS, name="server", backup_dir=None, now=now, error_cls=ServerDbError, target=4
    )
    conn.execute("INSERT INTO device (id, token_hash, enrolled_at) VALUES ('d', 'h', 'x')")
    conn.execute(
        "INSERT INTO submission (device_id, uuid, area_id, created_at, received_at, sealed) "
        "VALUES ('d', 'u', 'klara', 'x', 'x', x'00')"
    )
    conn.commit()
    conn.close()
    db = ServerDb(path, now=now)
    with db.read(SYSTEM) as c:
        assert tuple(c.execute("SELECT kind, day FROM submission").fetchone()) == ("report", None)
    db.close()
