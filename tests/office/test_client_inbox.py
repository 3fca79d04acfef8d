"""Issue #18: the office client's inbox calls against the real server on 127.0.0.1: sealed
reports and usage (no device id) page by page, states posted all or nothing and read back by
another sign-in, signed answers (a forged one refused), and hostile answers in words."""

from __future__ import annotations

import base64
import json
import os
import uuid as uuidlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from kompassen.core.clock import FixedClock
from kompassen.office.client import OfficeClient, SealedItem, StateItem, UsageItem
from kompassen.reports import answers
from kompassen.sync.transport import SyncError
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer, bearer

REPO = Path(__file__).resolve().parents[2]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
CREATED = "2026-11-23T10:00:00+01:00"


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    clock = FixedClock(datetime(2026, 11, 23, 12, 5, tzinfo=ZoneInfo("Europe/Stockholm")))
    with LiveServer(clock=clock) as server:
        server.start(tmp_path / "server.db")
        server.office_token()
        yield server


@pytest.fixture
def office(live: LiveServer) -> Iterator[OfficeClient]:
    client = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    yield client
    client.close()


def _send(live: LiveServer, token: str, *items: dict[str, Any]) -> None:
    r = httpx.post(f"{live.api}/submissions", headers=bearer(token), json={"items": list(items)})
    assert r.status_code == 200 and all(x["status"] == "stored" for x in r.json()["results"])


def _item(blob: bytes, area: str = "klara", **extra: Any) -> dict[str, Any]:
    return {
        "uuid": str(uuidlib.uuid4()),
        "area_id": area,
        "created_at": CREATED,
        "sealed": base64.b64encode(blob).decode("ascii"),
    } | extra


def test_reports_usage_states_and_answers(live: LiveServer, office: OfficeClient) -> None:
    device_id, token = live.enrol()
    blobs = [os.urandom(60 + i) for i in range(3)]
    reports = [_item(b) for b in blobs]
    usage_blob = os.urandom(70)
    _send(live, token, *reports, _item(usage_blob, kind="usage", day="2026-11-23"))

    first, after = office.submissions(limit=2)
    assert after == first[-1].id and len(first) == 2
    rest, last = office.submissions(after=after, limit=2)
    assert last is None
    items = first + rest
    assert all(isinstance(i, SealedItem) and i.kind == "report" for i in items)
    assert [i.sealed for i in items] == blobs
    assert [i.uuid for i in items] == [r["uuid"] for r in reports]
    assert {i.device_id for i in items} == {device_id}

    (usage,), none = office.usage()
    assert none is None
    assert usage == UsageItem(usage.id, "klara", "2026-11-23", usage.received_at, usage_blob)
    assert not hasattr(usage, "device_id")

    comment = os.urandom(90)
    results = office.post_states(
        [
            {
                "submission_id": items[0].id,
                "state": "solved",
                "comment_sealed": comment,
                "link_kind": "guide",
                "link_id": "g-7",
            },
            {"submission_id": items[1].id, "state": "in_progress"},
        ]
    )
    assert [r.submission_id for r in results] == [items[0].id, items[1].id]
    with pytest.raises(SyncError) as err:  # a usage item is no report: nothing is stored
        office.post_states(
            [
                {"submission_id": items[2].id, "state": "new"},
                {"submission_id": usage.id, "state": "new"},
            ]
        )
    assert err.value.status == 404

    other = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    try:
        states, more = other.states()
    finally:
        other.close()
    assert more is None
    assert states[0] == StateItem(
        results[0].id,
        items[0].id,
        "klara",
        "solved",
        OFFICE_NAME,
        results[0].at,
        comment,
        "guide",
        "g-7",
    )
    assert states[1].comment_sealed is None and len(states) == 2

    text = answers.payload(
        answers.Answer(
            "klara", items[0].uuid, "solved", "Fixat.", "Fixed.", "g-7", "2026-11-24T09:00:00+01:00"
        )
    )
    with pytest.raises(SyncError) as err:  # no key pinned yet
        office.put_answer(items[0].id, text, answers.sign(text, DEV["signing_private"]))
    assert err.value.status == 409
    live.register_area_key("klara")
    with pytest.raises(SyncError) as err:
        office.put_answer(items[0].id, text, answers.sign(text, DEV["sealing_private"]))
    assert err.value.status == 422
    seq = office.put_answer(items[0].id, text, answers.sign(text, DEV["signing_private"]))
    assert seq >= 1
    got = httpx.get(f"{live.api}/device/answers", headers=bearer(token)).json()["items"]
    assert [(a["seq"], a["uuid"], a["payload"]) for a in got] == [(seq, items[0].uuid, text)]


HOSTILE: list[tuple[str, Callable[[OfficeClient], Any], Any]] = [
    ("no items", lambda c: c.submissions(), {"next_after": None}),
    (
        "bad base64",
        lambda c: c.submissions(),
        {
            "items": [
                {
                    "id": 1,
                    "device_id": "d",
                    "uuid": "u",
                    "area_id": "klara",
                    "created_at": "t",
                    "received_at": "t",
                    "sealed": "%%%",
                }
            ],
            "next_after": None,
        },
    ),
    (
        "kind",
        lambda c: c.submissions(),
        {
            "items": [
                {
                    "id": 1,
                    "device_id": "d",
                    "uuid": "u",
                    "area_id": "klara",
                    "kind": "x",
                    "created_at": "t",
                    "received_at": "t",
                    "sealed": "AAAA",
                }
            ],
            "next_after": None,
        },
    ),
    ("next_after", lambda c: c.usage(), {"items": [], "next_after": "5"}),
    (
        "usage id",
        lambda c: c.usage(),
        {
            "items": [
                {"id": "1", "area_id": "klara", "day": "d", "received_at": "t", "sealed": "AAAA"}
            ],
            "next_after": None,
        },
    ),
    (
        "state comment",
        lambda c: c.states(),
        {
            "items": [
                {
                    "id": 1,
                    "submission_id": 1,
                    "area_id": "klara",
                    "state": "new",
                    "actor": "a",
                    "at": "t",
                    "comment_sealed": 5,
                    "link_kind": None,
                    "link_id": None,
                }
            ],
            "next_after": None,
        },
    ),
    ("states list", lambda c: c.states(), {"items": {"id": 1}, "next_after": None}),
    (
        "post results",
        lambda c: c.post_states([{"submission_id": 1, "state": "new"}]),
        {"results": [{"submission_id": 2, "id": 1, "at": "t"}]},
    ),
    (
        "post result shape",
        lambda c: c.post_states([{"submission_id": 1, "state": "new"}]),
        {"results": [{"submission_id": 1, "id": True, "at": "t"}]},
    ),
    ("answer seq", lambda c: c.put_answer(1, "p", "s"), {"submission_id": 1, "seq": "1"}),
    ("answer id", lambda c: c.put_answer(1, "p", "s"), {"submission_id": 2, "seq": 1}),
]


@pytest.mark.parametrize(("what", "call", "answer"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_inbox_answer_is_words(
    what: str, call: Callable[[OfficeClient], Any], answer: Any
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "1"})
        if request.url.path.endswith("/office/login"):
            return httpx.Response(200, json={"token": "t", "expires_at": "2030-01-01T00:00:00Z"})
        return httpx.Response(200, json=answer)

    client = OfficeClient.sign_in(
        "http://office.test", "a", "b", transport=httpx.MockTransport(handler)
    )
    try:
        with pytest.raises(SyncError) as err:
            call(client)
    finally:
        client.close()
    assert err.value.kind == "bad_answer", what


def test_an_old_server_without_kind_is_read_as_reports() -> None:
    item = {
        "id": 3,
        "device_id": "d",
        "uuid": "u",
        "area_id": "klara",
        "created_at": "t",
        "received_at": "t",
        "sealed": base64.b64encode(b"x" * 48).decode("ascii"),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "1"})
        if request.url.path.endswith("/office/login"):
            return httpx.Response(200, json={"token": "t", "expires_at": "2030-01-01T00:00:00Z"})
        return httpx.Response(200, json={"items": [item], "next_after": None})

    client = OfficeClient.sign_in(
        "http://office.test", "a", "b", transport=httpx.MockTransport(handler)
    )
    try:
        (got,), after = client.submissions()
    finally:
        client.close()
    assert (got.kind, got.sealed, after) == ("report", b"x" * 48, None)
