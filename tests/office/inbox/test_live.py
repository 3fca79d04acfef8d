"""The inbox against the real server on 127.0.0.1: a tablet's sealed reports and usage are
fetched, opened and kept encrypted in office.db; triage posts states with sealed comments and
signed answers the reporting tablet can fetch (and no other tablet can)."""

from __future__ import annotations

import base64
import json
import uuid as uuidlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.office.client import OfficeClient
from kompassen.office.inbox.model import InboxFilter
from kompassen.office.inbox.service import Inbox
from kompassen.office.inbox.store import InboxKeyError, InboxStore
from kompassen.reports import answers
from kompassen.reports.keys import OfficeKeys, generate_keys
from kompassen.reports.sealing import seal
from kompassen.reports.usage_format import DayUsage, seal_usage
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer, bearer

REPO = Path(__file__).resolve().parents[3]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)
STHLM = ZoneInfo("Europe/Stockholm")
WORDS = "Pojke runt femton sover under Sergelstrappan"
COMMENT = "Socialjouren kontaktad av Ahmed"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def server_clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 24, 9, 5, tzinfo=STHLM))


@pytest.fixture
def live(tmp_path: Path, server_clock: FixedClock) -> Iterator[LiveServer]:
    with LiveServer(clock=server_clock) as server:
        server.start(tmp_path / "server.db")
        server.office_token()
        server.register_area_key("klara")
        yield server


@pytest.fixture
def office(live: LiveServer) -> Iterator[OfficeClient]:
    client = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    yield client
    client.close()


def _report(text: str, **kw: object) -> Report:
    base: dict[str, object] = {
        "kind": "unsolved",
        "area_id": "klara",
        "occurred_at": "2026-11-23T23:10:00+01:00",
        "text": text,
        "place_text": "Plattan",
        "needs": ("need.youth-at-risk",),
        "groups": ("group.youth",),
    }
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def _post(live: LiveServer, token: str, items: list[dict[str, object]]) -> list[dict[str, object]]:
    r = httpx.post(f"{live.api}/submissions", headers=bearer(token), json={"items": items})
    assert r.status_code == 200, r.text
    results: list[dict[str, object]] = r.json()["results"]
    assert all(x["status"] == "stored" for x in results), results
    return results


def _report_item(report: Report, public: str) -> dict[str, object]:
    u = str(uuidlib.uuid4())
    blob = seal(report, u, public, "2026-11-23T23:15:00+01:00")
    return {
        "uuid": u,
        "area_id": report.area_id,
        "created_at": "2026-11-23T23:15:00+01:00",
        "sealed": base64.b64encode(blob).decode(),
    }


def _usage_item(usage: DayUsage) -> dict[str, object]:
    return {
        "uuid": str(uuidlib.uuid4()),
        "area_id": usage.area_id,
        "created_at": "2026-11-24T00:05:00+01:00",
        "kind": "usage",
        "day": usage.day,
        "sealed": base64.b64encode(seal_usage(usage, KEYS.sealing_public)).decode(),
    }


def test_fetch_triage_and_answer_round_trip(
    live: LiveServer, office: OfficeClient, tmp_path: Path, server_clock: FixedClock
) -> None:
    _, tablet = live.enrol("Platta A")
    _, other_tablet = live.enrol("Platta B")
    mine = _report_item(_report(WORDS), KEYS.sealing_public)
    second = _report_item(
        _report("Kvinna utan mat", kind="observation", groups=()), KEYS.sealing_public
    )
    foreign = _report_item(
        _report("Förseglad till ett annat kontor"), generate_keys().sealing_public
    )
    day = DayUsage("klara", "2026-11-23", {"search": {"": 7, "group.youth": 3}})
    _post(live, tablet, [mine, second, foreign, _usage_item(day)])
    _post(live, other_tablet, [_usage_item(day)])

    db = tmp_path / "office" / "office.db"
    inbox = Inbox(InboxStore(db), office, server_clock)
    got = inbox.fetch(KEYS)
    assert (got.reports, got.usage, got.states, got.unreadable) == (2, 2, 0, 1)
    assert inbox.fetch(KEYS).reports == 0  # from the cursor: nothing twice
    assert inbox.store.usage_rows("klara", date(2026, 11, 23), date(2026, 11, 23)) == [
        ("2026-11-23", "search", "", 14),
        ("2026-11-23", "search", "group.youth", 6),
    ]
    f = InboxFilter("klara")
    ids = inbox.ids(f)
    assert len(ids) == 2
    [sid] = inbox.ids(f.with_(text="sergelstrappan"))
    [row] = inbox.rows([sid])
    assert row.text == WORDS and row.state == "new" and row.kind == "unsolved"
    assert inbox.store.uuid(sid) == mine["uuid"]

    inbox.change_state([sid], "in_progress", COMMENT, keys=KEYS, link=("guide", "pojke-ute"))
    solved = inbox.solve_published(
        "klara", {"pojke-ute": ("Pojke ute på natten", "A boy out at night")}, KEYS
    )
    assert solved == 1
    history = inbox.history(sid)
    assert [h.state for h in history] == ["in_progress", "solved"]
    assert history[0].comment == COMMENT and history[0].actor == OFFICE_NAME
    inbox.store.close()

    # at rest: neither the report's words nor the comment in office.db (or its WAL)
    raw = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.is_file())
    for word in ("Sergelstrappan", "Pojke runt", "Plattan", "Kvinna utan mat", "Socialjouren"):
        assert word.encode() not in raw
    # nor a readable comment on the server
    server_raw = b"".join(p.read_bytes() for p in tmp_path.glob("server.db*"))
    assert b"Socialjouren" not in server_raw and b"Ahmed" not in server_raw

    with pytest.raises(InboxKeyError):
        InboxStore(db).unlock(generate_keys())

    # the reporting tablet gets the signed answer; the other tablet nothing
    r = httpx.get(f"{live.api}/device/answers", headers=bearer(tablet))
    assert r.status_code == 200, r.text
    [item] = r.json()["items"]
    a = answers.verify(item["payload"], item["signature"], KEYS.signing_public)
    assert a.uuid == mine["uuid"] and a.state == "solved" and a.guide_id == "pojke-ute"
    assert a.answer_sv == "Pojke ute på natten"  # the tablet says "Blev en lösning: …"
    assert (
        httpx.get(f"{live.api}/device/answers", headers=bearer(other_tablet)).json()["items"] == []
    )

    # a second office machine mirrors the same history (comment opened with the keys)
    again = Inbox(InboxStore(tmp_path / "second" / "office.db"), office, server_clock)
    res = again.fetch(KEYS)
    assert (res.reports, res.states) == (2, 2)
    assert again.history(sid)[0].comment == COMMENT
    assert again.rows([sid])[0].state == "solved"
    assert again.store.open_problems("klara") == []
