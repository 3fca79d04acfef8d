"""Issue #17: the office's HTTP client against the real server on 127.0.0.1. Sign in, who am I,
an enrolment code with uses and expiry that really enrols a tablet (the real sync client, own
KOMPASSEN_HOME), the devices list, publish and release status (who is behind), revoke (that
tablet's next sync is refused), roles in words, and hostile answers that give SyncError words
and never a KeyError."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from kompassen import __version__
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.office.client import OfficeClient, OfficeUser
from kompassen.reports.keys import OfficeKeys
from kompassen.server.db import utc_iso
from kompassen.sync.enrol_uri import parse_enrolment
from kompassen.sync.transport import SyncError
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

REPO = Path(__file__).resolve().parents[2]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def server_clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 12, 5, tzinfo=ZoneInfo("Europe/Stockholm")))


@pytest.fixture
def live(tmp_path: Path, server_clock: FixedClock) -> Iterator[LiveServer]:
    with LiveServer(clock=server_clock) as server:
        server.start(tmp_path / "server.db")
        server.office_token()  # the admin user (and one sign-in of the test helper)
        yield server


@pytest.fixture
def office(live: LiveServer) -> Iterator[OfficeClient]:
    client = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    yield client
    client.close()


def test_sign_in_enrol_a_tablet_publish_and_revoke_it(
    live: LiveServer, office: OfficeClient, ctx: AppContext, server_clock: FixedClock
) -> None:
    assert office.me() == OfficeUser(OFFICE_NAME, "admin", ())
    assert office.server == live.url
    pack_key = ctx.catalogue.reader.area("klara").signing_public_key
    assert office.register_area_key("klara", pack_key).outcome == "registered"

    code = office.new_enrolment_code(uses=2, valid_hours=3)
    assert code.uses == 2
    assert code.expires_at == utc_iso(server_clock.now() + timedelta(hours=3))
    read = parse_enrolment(code.uri)  # what the tablet's camera or paste gives
    assert read.server == live.url and read.code.replace("-", "") == code.code.replace("-", "")

    tablet = ctx.sync_client(timeout=20.0)
    try:
        creds = tablet.enrol(read.server, read.code, "Fältplatta 7")
        assert tablet.sync(["klara"]).ok
        (device,) = office.devices()
        assert (device.id, device.name, device.revoked) == (creds.device_id, "Fältplatta 7", False)
        assert device.app_version == __version__ and device.last_sync is not None
        assert device.release_of("klara") is None  # the pack, no release yet
        assert {a.area_id for a in device.areas} == {a.id for a in ctx.catalogue.reader.areas()}

        docs = ctx.catalogue.release_docs("klara")
        assert office.publish("klara", docs, KEYS, server_clock.now()) == 1
        status = office.release_status("klara")
        assert status.latest_version == 1 and status.published_at is not None
        assert [d.device_id for d in status.behind] == [device.id]

        report = tablet.sync(["klara"])
        assert report.ok and report.catalogue_updates == [("klara", 1)]
        status = office.release_status("klara")
        assert [(d.device_id, d.catalogue_release) for d in status.devices] == [(device.id, 1)]
        assert status.behind == ()

        office.revoke(device.id)
        refused = tablet.sync(["klara"])
        assert not refused.ok and refused.error_en and "revoked" in refused.error_en
        (device,) = office.devices()
        assert device.revoked and device.revoked_uses >= 1
    finally:
        tablet.close()

    actions = [e.action for e in office.audit(limit=4)]
    assert actions == ["device_revoked", "publish", "enrolment_code_created", "area_key_registered"]
    older = office.audit(limit=100, before=office.audit(limit=4)[-1].id)
    assert [e.action for e in older][:1] == ["sign_in"]


def test_wrong_password_expired_and_ended_sign_ins_have_their_kinds(
    live: LiveServer, server_clock: FixedClock
) -> None:
    with pytest.raises(SyncError) as wrong:
        OfficeClient.sign_in(live.url, OFFICE_NAME, "fel-lösenord")
    assert wrong.value.kind == "bad_login" and "lösenord" in wrong.value.sv

    client = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    kept = client.credentials()
    assert kept.user == OFFICE_NAME and kept.token == client.token and kept.expires_at
    again = OfficeClient.resume(kept)
    try:
        assert again.me().name == OFFICE_NAME
        server_clock.advance(timedelta(hours=13))  # past the 12-hour sign-in
        with pytest.raises(SyncError) as expired:
            again.me()
        assert expired.value.kind == "signed_out" and "Logga in igen" in expired.value.sv
    finally:
        again.close()
        client.close()

    fresh = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    ended_creds = fresh.credentials()
    fresh.sign_out()  # ends it on the server: the kept token no longer works
    assert fresh.token == ""
    stale = OfficeClient.resume(ended_creds)
    try:
        with pytest.raises(SyncError) as ended:
            stale.me()
        assert ended.value.kind == "signed_out"
    finally:
        stale.close()
        fresh.close()


def test_no_network_is_unreachable_in_words() -> None:
    with pytest.raises(SyncError) as err:
        OfficeClient.sign_in("http://127.0.0.1:9", OFFICE_NAME, OFFICE_PASSWORD, timeout=2)
    assert err.value.kind == "unreachable" and "svarar inte" in err.value.sv


def test_a_coordinator_is_told_in_words_what_is_not_theirs(
    live: LiveServer, office: OfficeClient
) -> None:
    made = office.save_user(
        "Kim",
        role="coordinator",
        areas=["klara"],
        password="kims-lösenord-1",
        create=True,
    )
    assert (made.role, made.areas, made.disabled) == ("coordinator", ("klara",), False)
    kim = OfficeClient.sign_in(live.url, "Kim", "kims-lösenord-1")
    try:
        assert kim.me() == OfficeUser("Kim", "coordinator", ("klara",))
        assert kim.me().may("klara") and not kim.me().may("vastra-sodermalm")
        assert kim.release_status("klara").latest_version == 0
        with pytest.raises(SyncError) as other:
            kim.release_status("vastra-sodermalm")
        assert other.value.kind == "forbidden" and "vastra-sodermalm" in other.value.sv
        assert "inte ditt" in other.value.sv
        with pytest.raises(SyncError) as users:
            kim.users()
        assert users.value.kind == "forbidden" and "administratör" in users.value.sv
        kim.change_password("kims-lösenord-1", "kims-lösenord-2")
        assert kim.me().name == "Kim"  # this sign-in stays
    finally:
        kim.close()
    changed = office.save_user("Kim", areas=["klara", "vastra-sodermalm"], disabled=True)
    assert changed.disabled and changed.areas == ("klara", "vastra-sodermalm")
    assert [u.name for u in office.users()] == ["Kim", OFFICE_NAME]
    with pytest.raises(SyncError) as off:
        OfficeClient.sign_in(live.url, "Kim", "kims-lösenord-2")
    assert off.value.kind == "bad_login"


# ------------------------------------------------------------------------ hostile answers

GOOD_DEVICE: dict[str, Any] = {
    "id": "d1",
    "name": "Platta",
    "enrolled_at": "2026-11-23T11:00:00+00:00",
    "last_seen": None,
    "versions_at": None,
    "app_version": None,
    "areas": [],
    "revoked_at": None,
    "revoked_uses": 0,
    "submissions": 0,
}

HOSTILE: list[tuple[str, Callable[[OfficeClient], Any], Any]] = [
    ("me name", lambda c: c.me(), {"name": 5, "role": "admin", "areas": []}),
    ("me role", lambda c: c.me(), {"name": "a", "role": "root", "areas": []}),
    ("me areas", lambda c: c.me(), {"name": "a", "role": "admin", "areas": "klara"}),
    ("me empty", lambda c: c.me(), {}),
    ("devices none", lambda c: c.devices(), {"devices": None}),
    ("device no id", lambda c: c.devices(), {"devices": [GOOD_DEVICE | {"id": None}]}),
    ("device areas", lambda c: c.devices(), {"devices": [GOOD_DEVICE | {"areas": [1]}]}),
    ("device bool", lambda c: c.devices(), {"devices": [GOOD_DEVICE | {"revoked_uses": True}]}),
    ("devices huge", lambda c: c.devices(), {"devices": [GOOD_DEVICE] * 10_001}),
    ("code", lambda c: c.new_enrolment_code(1, 1), {"uses": 1, "expires_at": "x"}),
    (
        "code uri",
        lambda c: c.new_enrolment_code(1, 1),
        {"code": "a?b", "uses": 1, "expires_at": "x"},
    ),
    ("status", lambda c: c.release_status("klara"), {"area_id": "klara", "latest_version": -1}),
    (
        "status devs",
        lambda c: c.release_status("klara"),
        {"area_id": "klara", "latest_version": 1, "devices": [{}]},
    ),
    (
        "audit",
        lambda c: c.audit(),
        {"entries": [{"id": 1, "at": "t", "actor": "a", "action": "x", "detail": []}]},
    ),
    ("audit list", lambda c: c.audit(), {"entries": {"id": 1}}),
    ("users", lambda c: c.users(), {"users": [{"name": "a"}]}),
    ("key", lambda c: c.register_area_key("klara", "k"), {"area_id": "klara", "outcome": "stolen"}),
    ("a list", lambda c: c.me(), [1, 2, 3]),
    ("text", lambda c: c.me(), "hej"),
    ("deep", lambda c: c.me(), json.loads("[" * 200 + "]" * 200)),
]


@pytest.mark.parametrize(("what", "call", "answer"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_answer_is_words_never_a_key_error(
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
    assert err.value.kind in ("bad_answer", "not_kompassen"), what
    assert err.value.sv and err.value.en


@pytest.mark.parametrize(
    "login",
    [
        {"token": 5, "expires_at": "x"},
        {"token": "", "expires_at": "x"},
        {"expires_at": "x"},
        {"token": "t"},
    ],
)
def test_a_hostile_sign_in_answer_is_words(login: dict[str, Any]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "1"})
        return httpx.Response(200, json=login)

    with pytest.raises(SyncError) as err:
        OfficeClient.sign_in("http://office.test", "a", "b", transport=httpx.MockTransport(handler))
    assert err.value.kind == "bad_answer"


def test_publish_refuses_a_key_file_that_is_not_the_areas(
    office: OfficeClient, ctx: AppContext
) -> None:
    docs = ctx.catalogue.release_docs("klara")
    other = OfficeKeys("a", "b", "c", "not-the-areas-key")
    with pytest.raises(SyncError) as err:
        office.publish("klara", docs, other, datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("UTC")))
    assert err.value.kind == "refused" and "Inget skickades" in err.value.sv
    assert office.release_status("klara").latest_version == 0
