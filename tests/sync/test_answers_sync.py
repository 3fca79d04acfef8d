"""Issue #18: the office's signed answers reach the tablet that sent the report, through the
real server: verified with the area's signing key, stored by uuid (a newer seq replaces), a
forged or foreign answer skipped without stopping the sync, another tablet gets none."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

from kompassen.compose import AppContext
from kompassen.reports import answers
from kompassen.reports.keys import generate_keys
from kompassen.sync.client import SyncClient
from kompassen.sync.tokens import Credentials
from serverutil import LiveServer, bearer

from .conftest import DEV_KEYS, queue


def _answer(uuid: str, state: str = "solved", sv: str = "Fixat.", area: str = "klara") -> str:
    return answers.payload(
        answers.Answer(area, uuid, state, sv, "Fixed.", "g-7", "2026-11-24T09:00:00+01:00")
    )


def _put(live: LiveServer, office: dict[str, str], uuid: str, text: str) -> int:
    subs = httpx.get(f"{live.api}/office/submissions", headers=office).json()["items"]
    (sub,) = [s for s in subs if s["uuid"] == uuid]
    body = {"payload": text, "signature": answers.sign(text, DEV_KEYS["signing_private"])}
    r = httpx.put(f"{live.api}/office/reports/{sub['id']}/answer", headers=office, json=body)
    assert r.status_code == 200, r.text
    return int(r.json()["seq"])


def test_an_answer_reaches_the_reporter_and_a_newer_one_replaces_it(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    (uuid,) = queue(ctx, 1)
    assert enrolled.sync(pull=False).answers == 0
    live.register_area_key("klara")
    office = bearer(live.office_token())
    _put(live, office, uuid, _answer(uuid, "in_progress", "Vi tittar på det."))
    report = enrolled.sync(pull=False)
    assert report.ok and report.answers == 1
    stored = ctx.outbox.answers()[uuid]
    assert (stored.state, stored.answer_sv, stored.guide_id) == (
        "in_progress",
        "Vi tittar på det.",
        "g-7",
    )
    seq = _put(live, office, uuid, _answer(uuid, "solved", "Blev en lösning."))
    assert enrolled.sync(pull=False).answers == 1
    stored = ctx.outbox.answers()[uuid]
    assert (stored.state, stored.seq, stored.text("en")) == ("solved", seq, "Fixed.")
    assert enrolled.sync(pull=False).answers == 0  # answers_after moved on
    assert ctx.device_db.get_state("answers_after") == str(seq)


def test_another_tablets_answers_never_arrive(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    queue(ctx, 1)
    assert enrolled.sync(pull=False).ok
    _, other_token = live.enrol("Platta 2")
    other_uuid = "11111111-2222-4333-8444-555555555555"
    item = {
        "uuid": other_uuid,
        "area_id": "klara",
        "created_at": "2026-11-23T10:00:00+01:00",
        "sealed": "AAAA" * 30,
    }
    r = httpx.post(f"{live.api}/submissions", headers=bearer(other_token), json={"items": [item]})
    assert r.json()["results"][0]["status"] == "stored"
    live.register_area_key("klara")
    _put(live, bearer(live.office_token()), other_uuid, _answer(other_uuid))
    report = enrolled.sync(pull=False)
    assert report.ok and report.answers == 0
    assert ctx.outbox.answers() == {}


def _serving(items: list[dict[str, Any]]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "1"})
        if path.endswith("/submissions"):
            got = json.loads(request.content)["items"]
            return httpx.Response(
                200, json={"results": [{"uuid": i["uuid"], "status": "stored"} for i in got]}
            )
        if path.endswith("/device/answers"):  # one page, then nothing newer
            after = request.url.params.get("after", "0")
            return httpx.Response(
                200, json={"items": items if after == "0" else [], "next_after": None}
            )
        return httpx.Response(200, json={})

    return httpx.MockTransport(handle)


def test_forged_foreign_and_malformed_answers_are_skipped_and_logged(
    ctx: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    mine, other = queue(ctx, 2)
    forger = generate_keys()
    good = _answer(mine, sv="Rätt svar.")
    forged = _answer(other, sv="Förfalskat.")
    foreign = _answer("99999999-2222-4333-8444-555555555555")
    items: list[dict[str, Any]] = [
        {
            "seq": 1,
            "uuid": other,
            "area_id": "klara",
            "payload": forged,
            "signature": answers.sign(forged, forger.signing_private),
        },
        {"seq": 2, "uuid": mine, "area_id": "klara", "payload": good, "signature": "!!"},
        {
            "seq": 3,
            "uuid": "99999999-2222-4333-8444-555555555555",
            "area_id": "klara",
            "payload": foreign,
            "signature": answers.sign(foreign, DEV_KEYS["signing_private"]),
        },
        {
            "seq": 4,
            "uuid": other,
            "area_id": "klara",
            "payload": good,
            "signature": answers.sign(good, DEV_KEYS["signing_private"]),
        },  # uuid mismatch
        {"seq": "5"},
        {"seq": 6, "uuid": mine, "area_id": "nowhere", "payload": good, "signature": "AA=="},
        {
            "seq": 7,
            "uuid": mine,
            "area_id": "klara",
            "payload": good,
            "signature": answers.sign(good, DEV_KEYS["signing_private"]),
        },
    ]
    ctx.tokens.save(Credentials("http://kompassen.test", "device-1", "token-1"))
    client = ctx.sync_client(transport=_serving(items))
    try:
        with caplog.at_level(logging.WARNING, logger="kompassen.sync.client"):
            report = client.sync(pull=False)
    finally:
        client.close()
    assert report.ok and report.sent == 2 and report.answers == 1
    assert list(ctx.outbox.answers()) == [mine]
    assert ctx.outbox.answers()[mine].answer_sv == "Rätt svar."
    assert ctx.device_db.get_state("answers_after") == "7"
    refused = [r.getMessage() for r in caplog.records if "answer" in r.getMessage()]
    assert len(refused) >= 5, refused
