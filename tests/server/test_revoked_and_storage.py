"""A revoked tablet still trying is seen by the office; a full disk is a 503 in words."""

from __future__ import annotations

import base64
import json
import os
import uuid
from datetime import timedelta

import httpx
import pytest

from kompassen.core.clock import FixedClock
from kompassen.server.cli import main
from kompassen.server.db import SYSTEM
from serverutil import LiveServer, bearer


def test_use_of_a_revoked_token_is_counted_and_shown(
    live: LiveServer,
    api: httpx.Client,
    office: dict[str, str],
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    device_id, token = live.enrol("Borttappad platta")
    other_id, other_token = live.enrol("Annan platta")
    assert api.post(f"/office/devices/{device_id}/revoke", headers=office).status_code == 200
    for minutes in (5, 20):
        clock.advance(timedelta(minutes=minutes))
        r = api.get("/areas/klara/release", headers=bearer(token))
        assert r.status_code == 403 and r.json()["error"] == "revoked"
    assert api.get("/areas/klara/release", headers=bearer(other_token)).status_code == 404

    listed = {d["id"]: d for d in api.get("/office/devices", headers=office).json()["devices"]}
    lost, fine = listed[device_id], listed[other_id]
    assert lost["revoked_uses"] == 2 and lost["revoked_last_used"] == "2026-11-23T11:25:00+00:00"
    assert (fine["revoked_uses"], fine["revoked_last_used"]) == (0, None)

    db = str(live.target)
    assert main(["--db", db, "devices", "--json"]) == 0
    rows = {d["id"]: d for d in json.loads(capsys.readouterr().out)}
    assert rows[device_id]["revoked_uses"] == lost["revoked_uses"]
    assert main(["--db", db, "devices"]) == 0
    text = capsys.readouterr().out
    line = next(x for x in text.splitlines() if x.startswith(device_id))
    assert "efter spärren, senast 2026-11-23T11:25:00+00:00" in line
    assert "efter spärren" not in next(x for x in text.splitlines() if x.startswith(other_id))


@pytest.mark.sqlite_only
def test_a_full_disk_is_503_in_words_and_nothing_half_stored(
    live: LiveServer, api: httpx.Client, device: dict[str, str], office: dict[str, str]
) -> None:
    def batch(n: int) -> dict[str, object]:
        return {
            "items": [
                {
                    "uuid": str(uuid.uuid4()),
                    "area_id": "klara",
                    "created_at": "2026-11-23T12:00:00+01:00",
                    "sealed": base64.b64encode(os.urandom(60_000)).decode(),
                }
                for _ in range(n)
            ]
        }

    db = live.app.state.db
    with db.read(
        SYSTEM
    ) as conn:  # the file may not grow: SQLite answers SQLITE_FULL, as on a full disk
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    full = batch(10)
    r = api.post("/submissions", headers=device, json=full)
    assert r.status_code == 503, r.text
    body = r.json()
    assert body["error"] == "storage" and "fullt" in body["sv"] and "full" in body["detail"]
    assert r.headers["retry-after"].isdigit()
    assert api.get("/office/submissions", headers=office).json()["items"] == []
    with db.read(SYSTEM) as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    r = api.post("/submissions", headers=device, json=full)  # space is back: the same batch
    assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"stored"}
    assert len(api.get("/office/submissions", headers=office).json()["items"]) == 10
