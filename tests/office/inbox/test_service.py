"""Inbox without a server: fetch from cursors, unreadable kept, usage once, filters, triage.

A small in-memory stand-in for the server's /office lists (the same shapes as the HTTP
contract); tests/office/inbox/test_live.py does the same against the real server.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from nacl.public import PrivateKey, SealedBox

from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.office.inbox.model import InboxFilter
from kompassen.office.inbox.service import Inbox, InboxError
from kompassen.office.inbox.store import InboxStore
from kompassen.reports import answers
from kompassen.reports.keys import OfficeKeys, generate_keys
from kompassen.reports.sealing import seal
from kompassen.reports.usage_format import DayUsage, seal_usage

STHLM = ZoneInfo("Europe/Stockholm")


@dataclass
class FakeServer:
    """The office lists of the HTTP contract, paged like the server pages them."""

    user: str = "anna"
    subs: list[dict[str, Any]] = field(default_factory=list)
    usages: list[dict[str, Any]] = field(default_factory=list)
    state_rows: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[int, tuple[str, str]] = field(default_factory=dict)
    posted: list[list[dict[str, Any]]] = field(default_factory=list)

    def submit(self, report: Report, public: str, uuid: str) -> int:
        sid = len(self.subs) + len(self.usages) + 1
        blob = seal(report, uuid, public, "2026-11-23T22:00:00+01:00")
        self.subs.append(
            {
                "id": sid,
                "device_id": "dev1",
                "uuid": uuid,
                "area_id": report.area_id,
                "kind": "report",
                "created_at": "2026-11-23T21:00:00Z",
                "received_at": "2026-11-23T21:01:00Z",
                "sealed": blob,
            }
        )
        return sid

    def submit_usage(self, usage: DayUsage, public: str) -> int:
        sid = len(self.subs) + len(self.usages) + 1
        self.usages.append(
            {
                "id": sid,
                "area_id": usage.area_id,
                "day": usage.day,
                "received_at": "x",
                "sealed": seal_usage(usage, public),
            }
        )
        return sid

    @staticmethod
    def _page(rows: list[dict[str, Any]], after: int, limit: int) -> tuple[list[Any], int | None]:
        rest = [r for r in rows if r["id"] > after]
        page = rest[:limit]
        return page, (page[-1]["id"] if len(rest) > limit else None)

    def submissions(self, after: int = 0, limit: int = 500, kind: str = "report") -> Any:
        return self._page(self.subs, after, min(limit, 2))  # small pages: the cursor is used

    def usage(self, after: int = 0, limit: int = 2000) -> Any:
        return self._page(self.usages, after, limit)

    def states(self, after: int = 0, limit: int = 1000) -> Any:
        return self._page(self.state_rows, after, limit)

    def post_states(self, items: Any) -> Any:
        self.posted.append(list(items))
        out = []
        for it in items:
            sub = next(s for s in self.subs if s["id"] == it["submission_id"])
            row = {
                "id": len(self.state_rows) + 1,
                "submission_id": it["submission_id"],
                "area_id": sub["area_id"],
                "state": it["state"],
                "actor": self.user,
                "at": "2026-11-24T08:00:00Z",
                "comment_sealed": it["comment_sealed"],
                "link_kind": it["link_kind"],
                "link_id": it["link_id"],
            }
            self.state_rows.append(row)
            out.append({"submission_id": row["submission_id"], "id": row["id"], "at": row["at"]})
        return out

    def put_answer(self, submission_id: int, payload: str, signature: str) -> int:
        self.answers[submission_id] = (payload, signature)
        return len(self.answers)


def make_report(text: str, **kw: Any) -> Report:
    base: dict[str, Any] = {
        "kind": "unsolved",
        "area_id": "klara",
        "occurred_at": "2026-11-23T22:10:00+01:00",
        "text": text,
        "needs": ("need.youth-at-risk",),
        "groups": ("group.youth",),
    }
    base.update(kw)
    return Report(**base)


@pytest.fixture
def keys() -> OfficeKeys:
    return generate_keys()


@pytest.fixture
def setup(tmp_path: Path, keys: OfficeKeys) -> tuple[Inbox, FakeServer]:
    server = FakeServer()
    store = InboxStore(tmp_path / "office" / "office.db")
    clock = FixedClock(datetime(2026, 11, 24, 9, 0, tzinfo=STHLM))
    return Inbox(store, server, clock), server


def test_fetch_opens_counts_once_and_keeps_unreadable(
    setup: tuple[Inbox, FakeServer], keys: OfficeKeys
) -> None:
    inbox, server = setup
    other = generate_keys()
    server.submit(make_report("Ensam ungdom vid trappan"), keys.sealing_public, "u-1")
    server.submit(make_report("Sealed to another office"), other.sealing_public, "u-2")
    server.submit(
        make_report("Ingen sovplats", kind="observation", groups=()), keys.sealing_public, "u-3"
    )
    day = DayUsage("klara", "2026-11-23", {"search": {"": 6, "group.youth": 2}})
    server.submit_usage(day, keys.sealing_public)
    server.submit_usage(day, keys.sealing_public)  # a second tablet, same day

    first = inbox.fetch(keys)
    assert (first.reports, first.usage, first.states, first.unreadable) == (2, 2, 0, 1)
    again = inbox.fetch(keys)
    assert (again.reports, again.usage, again.unreadable) == (0, 0, 1)
    assert inbox.store.usage_rows("klara", date(2026, 11, 23), date(2026, 11, 23)) == [
        ("2026-11-23", "search", "", 12),
        ("2026-11-23", "search", "group.youth", 4),
    ]
    inbox.store.set_cursor("usage", 0)  # even a lost cursor counts nothing twice
    assert inbox.fetch(keys).usage == 0
    assert inbox.store.usage_rows("klara", date(2026, 11, 23), date(2026, 11, 23))[0][3] == 12
    assert inbox.ids(InboxFilter("klara")) == [3, 1]


def test_filters_counts_and_saved_filters(
    setup: tuple[Inbox, FakeServer], keys: OfficeKeys
) -> None:
    inbox, server = setup
    server.submit(
        make_report("Ensam ungdom vid trappan", place_text="Plattan"), keys.sealing_public, "a"
    )
    server.submit(
        make_report(
            "Man utan mat",
            occurred_at="2026-11-20T10:00:00+01:00",
            needs=(),
            groups=("group.adults",),
        ),
        keys.sealing_public,
        "b",
    )
    server.submit(make_report("Kvinna vid plattan", kind="observation"), keys.sealing_public, "c")
    inbox.fetch(keys)
    f = InboxFilter("klara")
    assert inbox.ids(f) == [3, 1, 2]
    assert inbox.ids(f.with_(text="PLATTAN")) == [3, 1]  # text or place, any case
    assert inbox.ids(f.with_(text="ungdom trappan")) == [1]
    assert inbox.ids(f.with_(groups=frozenset({"group.adults"}))) == [2]
    assert inbox.ids(f.with_(needs=frozenset({"need.youth-at-risk"}))) == [3, 1]
    assert inbox.ids(f.with_(kinds=frozenset({"observation"}))) == [3]
    assert inbox.ids(f.with_(since=date(2026, 11, 21))) == [3, 1]
    assert inbox.ids(f.with_(until=date(2026, 11, 20))) == [2]
    assert inbox.ids(InboxFilter("other")) == []
    assert [r.submission_id for r in inbox.rows([2, 99, 1])] == [2, 1]

    inbox.change_state([1], "in_progress", keys=keys)
    solved = f.with_(states=frozenset({"in_progress"}))
    assert inbox.ids(solved) == [1]
    assert inbox.counts(solved) == {
        "new": 2,
        "in_progress": 1,
        "solved": 0,
        "not_actionable": 0,
        "needs_info": 0,
    }

    inbox.save_filter("  Unga   på plattan ", solved.with_(text="plattan"))
    [(name, back)] = inbox.saved_filters("klara")
    assert name == "Unga på plattan" and back == solved.with_(text="plattan")
    assert inbox.saved_filters("other") == []
    with pytest.raises(InboxError):
        inbox.save_filter(" ", f)
    inbox.delete_filter(name, "klara")
    assert inbox.saved_filters("klara") == []


def test_change_state_bulk_seals_comment_signs_answers(
    setup: tuple[Inbox, FakeServer], keys: OfficeKeys
) -> None:
    inbox, server = setup
    for i in range(3):
        server.submit(make_report(f"Rapport {i}"), keys.sealing_public, f"uuid-{i}")
    inbox.fetch(keys)
    changes = inbox.change_state([1, 2, 2], "needs_info", "Ring tillbaka till fältet", keys=keys)
    assert [c.submission_id for c in changes] == [1, 2]
    assert all(c.actor == "anna" and c.comment == "Ring tillbaka till fältet" for c in changes)
    sealed = server.posted[0][0]["comment_sealed"]
    assert b"Ring" not in sealed
    opener = SealedBox(PrivateKey(base64.b64decode(keys.sealing_private)))
    assert opener.decrypt(sealed).decode() == "Ring tillbaka till fältet"
    for sid in (1, 2):
        payload, sig = server.answers[sid]
        a = answers.verify(payload, sig, keys.signing_public)
        assert a.uuid == f"uuid-{sid - 1}" and a.state == "needs_info" and a.area_id == "klara"
        assert a.answer_sv.startswith("Skicka gärna en ny rapport")
    [h] = inbox.history(1)
    assert h.state == "needs_info" and h.comment == "Ring tillbaka till fältet"
    # a fresh office.db on another machine mirrors the same history from the server
    assert inbox.rows([1])[0].state == "needs_info"
    inbox.change_state([3], "in_progress", keys=keys)
    assert 3 not in server.answers  # in progress: no answer unless one is written
    with pytest.raises(InboxError):
        inbox.change_state([1], "done", keys=keys)
    with pytest.raises(InboxError):
        inbox.change_state([42], "solved", keys=keys)
    with pytest.raises(InboxError):
        inbox.change_state([1], "solved", keys=keys, answer_sv="x" * 301)
    assert len(server.posted) == 2  # refused requests sent nothing


def test_states_mirrored_into_a_second_office_db(
    setup: tuple[Inbox, FakeServer], keys: OfficeKeys, tmp_path: Path
) -> None:
    inbox, server = setup
    server.submit(make_report("Rapport"), keys.sealing_public, "u")
    inbox.fetch(keys)
    inbox.change_state([1], "in_progress", "internt", keys=keys, link=("guide", "ny-losning"))
    other = Inbox(InboxStore(tmp_path / "second.db"), server, inbox.clock)
    res = other.fetch(keys)
    assert (res.reports, res.states) == (1, 1)
    [h] = other.history(1)
    assert h.comment == "internt" and h.link_id == "ny-losning" and h.actor == "anna"
    assert other.linked("klara", "guide", "ny-losning") == [1]
    n = other.solve_published("klara", {"ny-losning": ("Ny lösning", "New guide")}, keys)
    assert n == 1 and other.rows([1])[0].state == "solved"
    a = answers.verify(*server.answers[1], keys.signing_public)
    assert (
        a.answer_sv == "Ny lösning" and a.answer_en == "New guide"
    )
    assert a.guide_id == "ny-losning" and a.state == "solved"
    assert other.solve_published("klara", {"ny-losning": ("Ny lösning", "New guide")}, keys) == 0
    assert other.store.open_problems("klara") == []


def test_twenty_thousand_reports_filter_fast(tmp_path: Path, keys: OfficeKeys) -> None:
    path = tmp_path / "office.db"
    store = InboxStore(path)
    store.unlock(keys)
    with store.batch():
        for i in range(1, 20_001):
            store.add_report(
                i,
                "klara",
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                {
                    "format": 1,
                    "uuid": f"u{i}",
                    "sealed_at": "x",
                    "report": {
                        "kind": ("unsolved", "observation")[i % 2],
                        "area_id": "klara",
                        "occurred_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+01:00",
                        "text": f"Rapport nummer {i} om en person vid trappan {i % 97}",
                        "place_text": "",
                        "needs": [f"need.n{i % 13}"],
                        "groups": [f"group.g{i % 7}"],
                        "landmark_id": None,
                        "service_id": None,
                        "lang": "sv",
                    },
                },
            )
    store.close()
    store = InboxStore(path)
    start = time.perf_counter()
    store.unlock(keys)
    unlocked = time.perf_counter() - start
    inbox = Inbox(store, FakeServer(), FixedClock(datetime(2026, 12, 1, tzinfo=STHLM)))
    f = InboxFilter("klara")
    start = time.perf_counter()
    assert len(inbox.ids(f)) == 20_000
    words = inbox.ids(f.with_(text="trappan 42"))
    codes = inbox.ids(f.with_(needs=frozenset({"need.n3"}), groups=frozenset({"group.g2"})))
    counts = inbox.counts(f.with_(since=date(2026, 3, 1), until=date(2026, 6, 30)))
    took = time.perf_counter() - start
    assert words and codes and sum(counts.values()) > 0
    assert took < 0.5, took
    assert unlocked < 5, unlocked
    store.close()
