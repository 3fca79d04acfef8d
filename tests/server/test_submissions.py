"""Sealed submissions: per-item answers, idempotency, office listing, size and shape limits."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator

import httpx
from nacl.public import PrivateKey, PublicKey, SealedBox

from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS

CREATED = "2026-11-23T22:10:00+01:00"


def _sealed(text: str) -> str:
    box = SealedBox(PublicKey(base64.b64decode(DEV_KEYS["sealing_public"])))
    return base64.b64encode(box.encrypt(text.encode())).decode()


def _opened(sealed_b64: str) -> str:
    key = PrivateKey(base64.b64decode(DEV_KEYS["sealing_private"]))
    return SealedBox(key).decrypt(base64.b64decode(sealed_b64)).decode()


def _item(u: str | None = None, text: str = "rapport", **over: str) -> dict[str, str]:
    item = {"uuid": u or str(uuid.uuid4()), "area_id": "klara", "created_at": CREATED}
    item["sealed"] = _sealed(text)
    return item | over


def test_batch_stored_duplicate_and_rejected(
    api: httpx.Client, device: dict[str, str], office: dict[str, str]
) -> None:
    a, b = _item(text="först"), _item(text="andra")
    again = dict(a, sealed=_sealed("ändrad kopia"))
    bad = [
        _item(uuid="inte-ett-uuid"),
        _item(area_id="Klara Centrum"),
        _item(created_at="igår kväll"),
        _item(created_at="2026-11-23T22:10:00"),  # no time zone
        _item(sealed="!!!inte base64!!!"),
        _item(sealed=base64.b64encode(b"x" * (64 * 1024 + 1)).decode()),
        _item(sealed=base64.b64encode(b"short").decode()),
    ]
    r = api.post("/submissions", headers=device, json={"items": [a, b, again, *bad]})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["uuid"] for x in results] == [i["uuid"] for i in [a, b, again, *bad]]
    assert [x["status"] for x in results[:3]] == ["stored", "stored", "duplicate"]
    assert "error" not in results[0]
    assert [x["error"] for x in results[3:]] == [
        "bad_uuid",
        "bad_area_id",
        "bad_created_at",
        "bad_created_at",
        "bad_sealed",
        "bad_sealed",
        "bad_sealed",
    ]
    assert all(x["status"] == "rejected" and x["sv"] for x in results[3:])
    # the retry of the whole batch (the answer was lost): all known, nothing new
    retry = api.post("/submissions", headers=device, json={"items": [a, b]}).json()["results"]
    assert [x["status"] for x in retry] == ["duplicate", "duplicate"]
    items = api.get("/office/submissions", headers=office).json()["items"]
    assert [(i["uuid"], _opened(i["sealed"])) for i in items] == [
        (a["uuid"], "först"),
        (b["uuid"], "andra"),
    ]


def test_uppercase_uuid_is_the_same_submission(api: httpx.Client, device: dict[str, str]) -> None:
    u = str(uuid.uuid4())
    first = api.post("/submissions", headers=device, json={"items": [_item(u)]}).json()
    second = api.post("/submissions", headers=device, json={"items": [_item(u.upper())]}).json()
    assert first["results"][0]["status"] == "stored"
    assert second["results"][0] == {"uuid": u.upper(), "status": "duplicate"}


def test_another_device_cannot_overwrite(
    live: LiveServer, api: httpx.Client, office: dict[str, str]
) -> None:
    id_a, token_a = live.enrol("Platta A")
    id_b, token_b = live.enrol("Platta B")
    u = str(uuid.uuid4())
    ra = api.post("/submissions", headers=bearer(token_a), json={"items": [_item(u, "från A")]})
    rb = api.post("/submissions", headers=bearer(token_b), json={"items": [_item(u, "från B")]})
    assert ra.json()["results"][0]["status"] == "stored"
    assert rb.json()["results"][0]["status"] == "stored"
    items = api.get("/office/submissions", headers=office).json()["items"]
    assert [(i["device_id"], _opened(i["sealed"])) for i in items] == [
        (id_a, "från A"),
        (id_b, "från B"),
    ]
    devices = {
        d["id"]: d["submissions"]
        for d in api.get("/office/devices", headers=office).json()["devices"]
    }
    assert devices == {id_a: 1, id_b: 1}


def test_devices_cannot_list_submissions(api: httpx.Client, device: dict[str, str]) -> None:
    api.post("/submissions", headers=device, json={"items": [_item()]})
    r = api.get("/office/submissions", headers=device)
    assert r.status_code == 403 and "items" not in r.json()


def test_office_pages_through_submissions(
    api: httpx.Client, device: dict[str, str], office: dict[str, str]
) -> None:
    sent = [_item(text=f"nr {n}") for n in range(7)]
    api.post("/submissions", headers=device, json={"items": sent})
    seen: list[str] = []
    after, pages = 0, 0
    while True:
        page = api.get("/office/submissions", headers=office, params={"after": after, "limit": 3})
        assert page.status_code == 200
        body = page.json()
        seen += [_opened(i["sealed"]) for i in body["items"]]
        pages += 1
        if body["next_after"] is None:
            break
        after = body["next_after"]
    assert seen == [f"nr {n}" for n in range(7)] and pages == 3
    ids = [i["id"] for i in api.get("/office/submissions", headers=office).json()["items"]]
    tail = api.get("/office/submissions", headers=office, params={"after": ids[-1]}).json()
    assert tail == {"items": [], "next_after": None}


def _big_body(size: int) -> bytes:
    pad = "x" * size
    return json.dumps({"items": [_item(area_id="klara")], "pad": pad}).encode()


def test_oversized_body_is_413_with_content_length(
    api: httpx.Client, device: dict[str, str]
) -> None:
    body = _big_body(8 * 1024 * 1024 + 10)
    r = api.post(
        "/submissions", headers=device | {"Content-Type": "application/json"}, content=body
    )
    assert r.status_code == 413 and r.json()["error"] == "too_large", r.text


def test_oversized_chunked_body_is_413(api: httpx.Client, device: dict[str, str]) -> None:
    body = _big_body(8 * 1024 * 1024 + 10)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    r = api.post(
        "/submissions", headers=device | {"Content-Type": "application/json"}, content=chunks()
    )
    assert r.request.headers.get("transfer-encoding") == "chunked"
    assert r.status_code == 413 and r.json()["error"] == "too_large", r.text
    # a chunked body under the limit still goes through
    small = json.dumps({"items": [_item()]}).encode()
    ok = api.post(
        "/submissions",
        headers=device | {"Content-Type": "application/json"},
        content=iter([small[:10], small[10:]]),
    )
    assert ok.status_code == 200 and ok.json()["results"][0]["status"] == "stored"


def test_invalid_bodies_are_422_with_a_clear_message(
    api: httpx.Client, device: dict[str, str], office: dict[str, str]
) -> None:
    cases = [
        {"items": []},
        {"items": [_item() for _ in range(501)]},
        {"items": [{"uuid": "x"}]},
        {"nothing": 1},
        [1, 2],
    ]
    for body in cases:
        r = api.post("/submissions", headers=device, json=body)
        assert r.status_code == 422, (body, r.text)
        got = r.json()
        assert got["error"] == "invalid" and got["sv"].startswith("Ogiltig begäran")
        assert "items" in got["detail"] or "body" in got["detail"]
    r = api.post(
        "/submissions", headers=device | {"Content-Type": "application/json"}, content=b"{nope"
    )
    assert r.status_code == 422 and r.json()["error"] == "invalid"
    lone = b'{"items": [{"uuid": "\\ud800", "area_id": "klara", "created_at": "x", "sealed": "x"}]}'
    r = api.post(
        "/submissions", headers=device | {"Content-Type": "application/json"}, content=lone
    )
    assert r.status_code == 422 and r.json()["error"] == "invalid"
    for params in ({"after": -1}, {"limit": 0}, {"limit": 501}, {"after": "x"}, {"after": 2**70}):
        r = api.get("/office/submissions", params=params, headers=office)
        assert r.status_code == 422 and r.json()["error"] == "invalid", r.text
