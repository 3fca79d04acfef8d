"""Issue #16, "one version": a sync tells the server what the tablet runs (app version, each
area's pack version and catalogue release); ``kompassen-server devices`` and the office API show
it; hostile or oversized values are refused cleanly and change nothing. Real server, real home.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from kompassen import __version__
from kompassen.compose import AppContext
from kompassen.server import admin
from kompassen.server.cli import main as server_main
from kompassen.sync.client import SyncClient
from serverutil import LiveServer, bearer


def _device(live: LiveServer) -> dict[str, Any]:
    (row,) = admin.list_devices(live.app.state.db)
    return row


def test_a_sync_sends_the_versions_and_the_office_sees_them(
    enrolled: SyncClient,
    live: LiveServer,
    ctx: AppContext,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _device(live)
    assert before["app_version"] is None and before["areas"] == []
    report = enrolled.sync(["klara"])
    assert report.ok, report.error_en
    installed = {a.id: a.pack_version for a in ctx.catalogue.reader.areas()}
    assert len(installed) >= 2  # both shipped areas, whatever they are
    row = _device(live)
    assert row["app_version"] == __version__
    assert row["versions_at"] is not None
    assert {a["area_id"]: a["pack_version"] for a in row["areas"]} == installed
    assert all(a["catalogue_release"] is None for a in row["areas"])  # the packs, no release

    office = live.office_token()
    listed = httpx.get(f"{live.api}/office/devices", headers=bearer(office)).json()["devices"]
    assert listed[0]["app_version"] == __version__
    assert {a["area_id"] for a in listed[0]["areas"]} == set(installed)

    db = str(tmp_path / "server.db")
    assert server_main(["--db", db, "devices", "--json"]) == 0
    (cli_row,) = json.loads(capsys.readouterr().out)
    assert cli_row["app_version"] == __version__ and cli_row["areas"] == row["areas"]
    assert server_main(["--db", db, "devices"]) == 0
    text = capsys.readouterr().out
    assert f"Kompassen {__version__}" in text and "senaste synk" in text
    for area_id, pack_version in installed.items():
        assert f"{area_id} paket {pack_version}" in text


def test_catalogue_release_and_a_catalogue_not_read_this_time(
    live: LiveServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _device_id, token = live.enrol()
    url = f"{live.api}/device/versions"
    body = {
        "app_version": "1.2.0",
        "areas": [{"area_id": "klara", "pack_version": "2026.11.30", "catalogue_release": 7}],
    }
    r = httpx.put(url, json=body, headers=bearer(token))
    assert r.status_code == 200, r.text
    assert server_main(["--db", str(tmp_path / "server.db"), "devices"]) == 0
    assert "klara paket 2026.11.30 släpp 7" in capsys.readouterr().out
    # areas null: the tablet could not read its catalogue; what it said before is kept
    r = httpx.put(url, json={"app_version": "1.2.1", "areas": None}, headers=bearer(token))
    assert r.status_code == 200
    row = _device(live)
    assert row["app_version"] == "1.2.1"
    assert row["areas"] == [
        {"area_id": "klara", "pack_version": "2026.11.30", "catalogue_release": 7}
    ]
    # an empty list: no area installed any more
    assert httpx.put(
        url, json={"app_version": "1.2.1", "areas": []}, headers=bearer(token)
    ).is_success
    assert _device(live)["areas"] == []


def _area(**change: Any) -> dict[str, Any]:
    return {"area_id": "klara", "pack_version": "2026.11.30", "catalogue_release": 1} | change


HOSTILE: list[Any] = [
    {"app_version": "1" * 65},
    {"app_version": ""},
    {"app_version": "1.0\n[OK] all tablets updated"},
    {"app_version": "1.0\u202e"},
    {"app_version": "1.0 beta"},
    {"app_version": 1},
    {"app_version": "1.0", "areas": [_area(area_id="../etc")]},
    {"app_version": "1.0", "areas": [_area(pack_version="x" * 65)]},
    {"app_version": "1.0", "areas": [_area(pack_version="\x1b[31m")]},
    {"app_version": "1.0", "areas": [_area(catalogue_release=0)]},
    {"app_version": "1.0", "areas": [_area(catalogue_release=2**63)]},
    {"app_version": "1.0", "areas": [_area(catalogue_release="3")]},
    {"app_version": "1.0", "areas": [_area(), _area()]},
    {"app_version": "1.0", "areas": [_area(area_id=f"a{i}") for i in range(65)]},
    {"app_version": "1.0", "areas": [_area(extra="x")]},
    {"app_version": "1.0", "token": "x"},
    {"app_version": "1.0", "areas": {"klara": "2026.11.30"}},
    ["1.0"],
]


def test_hostile_or_oversized_versions_are_refused_and_change_nothing(live: LiveServer) -> None:
    _device_id, token = live.enrol()
    url = f"{live.api}/device/versions"
    good = {"app_version": "1.0", "areas": [_area()]}
    assert httpx.put(url, json=good, headers=bearer(token)).status_code == 200
    kept = _device(live)
    for body in HOSTILE:
        r = httpx.put(url, json=body, headers=bearer(token))
        assert r.status_code == 422, (body, r.status_code, r.text)
        assert set(r.json()) == {"detail", "error", "sv"}
    # not JSON, and far too big: refused before the route
    raw = httpx.put(
        url, content=b"\xff{", headers=bearer(token) | {"Content-Type": "application/json"}
    )
    assert raw.status_code == 400
    big = httpx.put(url, content=b"[" * (9 * 1024 * 1024), headers=bearer(token))
    assert big.status_code == 413
    assert _device(live) == kept


def test_only_an_enrolled_device_may_say_what_it_runs(live: LiveServer) -> None:
    url = f"{live.api}/device/versions"
    body = {"app_version": "1.0", "areas": []}
    assert httpx.put(url, json=body).status_code == 401
    assert httpx.put(url, json=body, headers=bearer("not-a-token")).status_code == 401
    assert httpx.put(url, json=body, headers=bearer(live.office_token())).status_code == 403
    device_id, token = live.enrol()
    admin.revoke_device(live.app.state.db, live.app.state.clock, device_id)
    assert httpx.put(url, json=body, headers=bearer(token)).status_code == 403
    assert _device(live)["app_version"] is None


def test_a_server_that_refuses_the_versions_does_not_fail_the_sync(
    enrolled: SyncClient, live: LiveServer
) -> None:
    """An odd local version (a developer build) gets a 422: the sync is still a success."""
    real = enrolled.versions

    def odd() -> dict[str, Any]:
        return real() | {"app_version": "dev build (local)"}

    enrolled.versions = odd  # type: ignore[method-assign]
    report = enrolled.sync(["klara"])
    assert report.ok, report.error_en
    assert _device(live)["app_version"] is None
