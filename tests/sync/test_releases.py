"""Catalogue releases through the sync client: full, delta, a delta that does not fit, forgery."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest

from kompassen.catalogue.store.release import make_manifest, sign_manifest
from kompassen.compose import AppContext
from kompassen.reports.keys import generate_keys
from kompassen.sync.client import SyncClient
from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS

KEY = "akutboende-eu"


class RecordReleases(httpx.HTTPTransport):
    """Passes everything to the real server; notes the kind of each release answer."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if "/release" in request.url.path:
            response.read()
            self.kinds.append(
                json.loads(response.content)["kind"]
                if response.status_code == 200
                else str(response.status_code)
            )
        return response


def publish(
    live: LiveServer, docs: dict[str, Any], version: int, key: str = DEV_KEYS["signing_private"]
) -> None:
    manifest = make_manifest(docs["area.json"]["id"], version, docs, "2026-11-23T12:00:00+01:00")
    body = {"manifest": manifest, "signature": sign_manifest(manifest, key), "documents": docs}
    r = httpx.post(
        f"{live.api}/office/releases", json=body, headers=bearer(live.office_token()), timeout=30
    )
    assert r.status_code == 201, r.text


def service_name(ctx: AppContext, key: str = KEY) -> str:
    services = ctx.catalogue.release_docs("klara")["services.json"]["services"]
    return next(s["name"] for s in services if s["key"] == key)


def service_name_in(docs: dict[str, Any], key: str) -> str:
    return next(s["name"] for s in docs["services.json"]["services"] if s["key"] == key)


def renamed(docs: dict[str, Any], name: str) -> dict[str, Any]:
    out = copy.deepcopy(docs)
    for s in out["services.json"]["services"]:
        if s["key"] == KEY:
            s["name"] = name
    return out


@pytest.fixture
def recorder() -> RecordReleases:
    return RecordReleases()


@pytest.fixture
def device(ctx: AppContext, live: LiveServer, recorder: RecordReleases) -> SyncClient:
    c = ctx.sync_client(transport=recorder, timeout=30.0)
    c.enrol(live.url, live.enrolment_code())
    live.register_area_key("klara")  # the admin pins the area's key before its first release
    yield c  # type: ignore[misc]
    c.close()


def test_full_then_delta_then_nothing(
    ctx: AppContext, live: LiveServer, device: SyncClient, recorder: RecordReleases
) -> None:
    base = ctx.catalogue.release_docs("klara")
    first = device.sync(["klara", "vastra-sodermalm"])
    # no release of klara yet (404); the first check bound the tablet to klara, so the other
    # district's releases are not its (403 not_your_area), which is no failure of the sync
    assert first.ok and first.catalogue_updates == [] and recorder.kinds == ["404", "403"]

    publish(live, base, 1)
    r1 = device.sync(["klara"])
    assert r1.ok and r1.catalogue_updates == [("klara", 1)] and not r1.warnings
    assert ctx.catalogue.release_version("klara") == 1

    publish(live, renamed(base, "Akutboende (nytt namn i släpp 2)"), 2)
    r2 = device.sync(["klara"])
    assert r2.ok and r2.catalogue_updates == [("klara", 2)], r2.warnings
    assert recorder.kinds[-2:] == ["full", "delta"]
    assert ctx.catalogue.release_version("klara") == 2
    assert service_name(ctx) == "Akutboende (nytt namn i släpp 2)"

    r3 = device.sync(["klara"])
    assert r3.ok and r3.catalogue_updates == [] and recorder.kinds[-1] == "304"


def test_a_delta_that_does_not_fit_is_fetched_in_full(
    ctx: AppContext, live: LiveServer, device: SyncClient, recorder: RecordReleases
) -> None:
    base = ctx.catalogue.release_docs("klara")
    publish(live, base, 1)
    assert device.sync(["klara"]).catalogue_updates == [("klara", 1)]
    # the device's copy drifts from release 1 where the delta does not look (a damaged or
    # hand-edited catalogue): the rebuilt content cannot match the signed hash
    other = next(s["key"] for s in base["services.json"]["services"] if s["key"] != KEY)
    ctx.catalogue.conn.execute(
        "UPDATE service SET name = 'Lokal ändring' WHERE area_id = 'klara' AND key = ?", (other,)
    )
    publish(live, renamed(base, "Släpp 2"), 2)
    report = device.sync(["klara"])
    assert report.ok and report.catalogue_updates == [("klara", 2)], report.warnings
    assert recorder.kinds[-2:] == ["delta", "full"]
    assert service_name(ctx) == "Släpp 2"
    assert service_name(ctx, other) == service_name_in(base, other)  # the drift is repaired


def test_a_release_signed_with_another_key_is_refused_and_the_old_catalogue_kept(
    ctx: AppContext, live: LiveServer, device: SyncClient
) -> None:
    before = ctx.catalogue.release_docs("klara")
    # someone with the server but not the office's key: new keys, their own key in area.json
    forged_keys = generate_keys()
    forged = renamed(before, "Ring 0700-000000 för hjälp")
    forged["area.json"]["public_keys"]["signing"] = forged_keys.signing_public
    # a server that serves it anyway (its admin was fooled into pinning the forger's key)
    live.register_area_key("klara", forged_keys.signing_public, replace=True)
    publish(live, forged, 1, key=forged_keys.signing_private)
    report = device.sync(["klara"])
    assert report.ok and report.catalogue_updates == []
    assert len(report.warnings) == 1
    sv, en = report.warnings[0]
    assert "signatur" in sv and "old catalogue is kept" in en
    assert ctx.catalogue.release_version("klara") is None
    assert ctx.catalogue.release_docs("klara") == before
