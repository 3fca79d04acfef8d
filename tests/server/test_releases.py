"""Catalogue releases: publish with checks, answer in full, as a delta, or 304.

Every test that publishes pins Klara's signing key first (``klara_key``), as the admin does
before an area's first release (tests/server/test_area_keys.py covers the pinning itself).
"""

from __future__ import annotations

import base64
import copy
import json
from typing import Any

import httpx
import pytest
from nacl.signing import SigningKey

from kompassen.catalogue.store.release import apply_delta, content_hash, verify_manifest
from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS, signed_release


@pytest.fixture(autouse=True)
def klara_key(live: LiveServer) -> None:
    """Klara's signing key (the bundled pack's, the development key) pinned on the server."""
    live.register_area_key("klara")


def _changed(docs: dict[str, Any]) -> dict[str, Any]:
    """The same area with one service's name changed."""
    new = copy.deepcopy(docs)
    service = new["services.json"]["services"][0]
    service["name"] = {"sv": "Ändrat namn", "en": "Changed name"}
    return new


def test_publish_full_delta_and_304(
    live: LiveServer, api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    device = bearer(live.enrol()[1])
    assert api.get("/office/releases/klara", headers=office).json() == {
        "area_id": "klara",
        "latest_version": 0,
        "published_at": None,
        "devices": [],  # the tablet has not said yet what it carries
    }
    assert api.get("/areas/klara/release", headers=device).status_code == 404
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1))
    assert r.status_code == 201, r.text
    assert r.json() == {"area_id": "klara", "version": 1}
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 1

    full = api.get("/areas/klara/release", headers=device | {"Accept-Encoding": "gzip"})
    assert full.status_code == 200
    assert full.headers["content-encoding"] == "gzip"
    assert full.headers["etag"] == '"klara-v1"'
    body = full.json()
    assert body["kind"] == "full" and body["version"] == 1 and body["base_version"] is None
    assert body["documents"] == klara_docs
    verify_manifest(body["manifest"], body["signature"], DEV_KEYS["signing_public"])
    assert content_hash(body["documents"]) == body["manifest"]["sha256"]

    # 304 when current, by ``since`` or by If-None-Match
    assert api.get("/areas/klara/release", headers=device, params={"since": 1}).status_code == 304
    assert api.get("/areas/klara/release", headers=office, params={"since": 5}).status_code == 304
    inm = api.get("/areas/klara/release", headers=device | {"If-None-Match": '"klara-v1"'})
    assert inm.status_code == 304 and inm.headers["etag"] == '"klara-v1"'

    v2 = _changed(klara_docs)
    assert (
        api.post("/office/releases", headers=office, json=signed_release(v2, 2)).status_code == 201
    )
    delta = api.get("/areas/klara/release", headers=device, params={"since": 1})
    assert delta.status_code == 200 and delta.headers["etag"] == '"klara-v2"'
    d = delta.json()
    assert d["kind"] == "delta" and d["base_version"] == 1 and d["version"] == 2
    assert list(d["delta"]["files"]) == ["services.json"]
    rebuilt = apply_delta(klara_docs, d["delta"])
    assert rebuilt == v2 and content_hash(rebuilt) == d["manifest"]["sha256"]
    assert len(delta.content) < len(full.content) / 10
    # a version the server does not have: in full
    stale = api.get("/areas/klara/release", headers=device, params={"since": 0}).json()
    assert stale["kind"] == "full" and stale["documents"] == v2
    old_tag = api.get("/areas/klara/release", headers=device | {"If-None-Match": '"klara-v1"'})
    assert old_tag.status_code == 200 and old_tag.json()["kind"] == "full"


def test_wrong_version_is_409(
    api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 2))
    assert r.status_code == 409 and r.json()["error"] == "version_conflict"
    assert (
        api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1)).status_code
        == 201
    )
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1))
    assert r.status_code == 409


def test_tampered_documents_and_bad_signatures_are_400(
    live: LiveServer, api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    body = signed_release(klara_docs, 1)
    body["documents"] = _changed(klara_docs)
    r = api.post("/office/releases", headers=office, json=body)
    assert r.status_code == 400 and r.json()["error"] == "bad_hash"

    other = base64.b64encode(SigningKey.generate().encode()).decode()
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1, other))
    assert r.status_code == 400 and r.json()["error"] == "bad_signature"

    body = signed_release(klara_docs, 1)
    body["signature"] = "bm90IGEgc2lnbmF0dXJl"
    r = api.post("/office/releases", headers=office, json=body)
    assert r.status_code == 400 and r.json()["error"] == "bad_signature"

    other_area = signed_release(klara_docs, 1)
    other_area["manifest"]["area_id"] = "norr"
    live.register_area_key("norr", DEV_KEYS["signing_public"])
    r = api.post("/office/releases", headers=office, json=other_area)
    assert r.status_code == 400 and r.json()["error"] == "bad_documents"

    # a correctly signed subset of the pack files would break every later delta on devices:
    # the schema says which files a release has, so it is a 422 naming the missing file
    subset = {k: v for k, v in klara_docs.items() if k != "notices.json"}
    r = api.post("/office/releases", headers=office, json=signed_release(subset, 1))
    assert r.status_code == 422 and "notices.json" in r.json()["detail"], r.text
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 0


def test_key_rotation_needs_the_old_key(
    api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    r = api.post("/office/releases", headers=office, json=signed_release(klara_docs, 1))
    assert r.status_code == 201
    new_key = SigningKey.generate()
    rotated = copy.deepcopy(klara_docs)
    rotated["area.json"]["public_keys"]["signing"] = base64.b64encode(
        bytes(new_key.verify_key)
    ).decode()
    new_private = base64.b64encode(bytes(new_key)).decode()
    # signed with the new key only: the devices do not trust it yet
    r = api.post("/office/releases", headers=office, json=signed_release(rotated, 2, new_private))
    assert r.status_code == 400 and r.json()["error"] == "bad_signature"
    r = api.post("/office/releases", headers=office, json=signed_release(rotated, 2))
    assert r.status_code == 201
    # from now on the new key signs
    again = _changed(rotated)
    r = api.post("/office/releases", headers=office, json=signed_release(again, 3))
    assert r.status_code == 400
    r = api.post("/office/releases", headers=office, json=signed_release(again, 3, new_private))
    assert r.status_code == 201


def test_release_body_limit_is_larger(
    api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    """9 MiB is too much for a batch but fine for a release (it gets past the size check)."""
    body = signed_release(klara_docs, 1)
    body["documents"]["area.json"]["padding"] = "x" * (9 * 1024 * 1024)
    r = api.post("/office/releases", headers=office, json=body)
    assert r.status_code == 400 and r.json()["error"] == "bad_hash"


def test_malformed_release_bodies_are_4xx(
    api: httpx.Client, office: dict[str, str], klara_docs: dict[str, Any]
) -> None:
    good = signed_release(klara_docs, 1)
    bodies: list[Any] = [
        {},
        dict(good, manifest=dict(good["manifest"], version="1")),
        dict(good, manifest=dict(good["manifest"], version=True)),
        dict(good, manifest=dict(good["manifest"], extra=1)),
        dict(good, manifest=dict(good["manifest"], sha256="XYZ")),
        dict(good, documents={"area.json": {"id": "klara"}, "evil.json": {}}),
        dict(good, documents={"area.json": []}),
        dict(good, documents={"area.json": {"id": "klara", "x": float("nan")}}),
        dict(good, documents={"area.json": {"id": "klara", "x": "\ud800"}}),
    ]
    for body in bodies:
        raw = json.dumps(body, allow_nan=True).encode()  # NaN is not JSON, but it could arrive
        r = api.post(
            "/office/releases", headers=office | {"Content-Type": "application/json"}, content=raw
        )
        assert 400 <= r.status_code < 500, (r.status_code, r.text)
        assert set(r.json()) == {"detail", "error", "sv"}
    assert api.get("/office/releases/klara", headers=office).json()["latest_version"] == 0
