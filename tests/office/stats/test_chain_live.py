"""Issue #18, end to end: usage on two simulated tablets over a synthetic month → daily
aggregates pushed by the real sync to the real server on 127.0.0.1 → the office's inbox
fetches them → the statistics tables and their CSV match an independent count made straight
from the generated events, every count below 5 is hidden, and no free text (report words,
words slipped into event details) reaches the statistics path or any database at rest."""

from __future__ import annotations

import base64
import csv
import io
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from kompassen.compose import AppContext, build
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.report import Report
from kompassen.device.events import EventLog
from kompassen.device.logs import close_logging
from kompassen.office.client import OfficeClient
from kompassen.office.inbox.service import Inbox
from kompassen.office.inbox.store import InboxStore
from kompassen.office.stats.csv_export import to_csv
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.office.stats.tables import CodeLabels, StatsTable, statistics
from kompassen.reports.keys import OfficeKeys
from kompassen.reports.usage_format import KEY_PATTERN, open_usage
from kompassen.sync.client import SyncClient
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer, bearer

REPO = Path(__file__).resolve().parents[3]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)
AREA = "klara"
MONTH = Period.month(2026, 10)  # closed: the tablets' clock says 23 November 2026
GROUPS = ("group.youth", "group.women", "group.families")
NEEDS = ("need.shelter-tonight", "need.food", "need.rare")
SERVICES = ("svc-nattjour", "svc-soppkok", "svc-harbarget", "svc-sallsynt")
PLACES = (None, "lm-t-centralen", "lm-sergels-torg")
REPORT_WORDS = "Flicka Qwertzunge sover vid Blåbärsporten"
DETAIL_WORDS = "Hemligfrasen Zorbaklint"  # slipped into event details: never a code
FREE_TEXT = ("Qwertzunge", "Blåbärsporten", "Hemligfrasen", "Zorbaklint")


@dataclass(frozen=True, slots=True)
class Ev:
    """One generated usage event, as the test knows it (independent of the product)."""

    at: datetime
    kind: str  # search | zero_result | view | handover | report
    groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    service: str | None = None
    place: str | None = None
    report_kind: str | None = None

    @property
    def chips(self) -> set[str]:
        return set(self.groups) | set(self.needs)


def _generate(seed: int) -> list[Ev]:
    """A month of one tablet's usage: at least one event every day, some near midnight."""
    rnd = random.Random(seed)
    out: list[Ev] = []
    d = MONTH.start
    while d <= MONTH.end:
        for i in range(rnd.randint(1, 7)):
            # 00:05 and 23:55 test the Stockholm day boundary; the DST hour (25 Oct) is avoided
            hour, minute = rnd.choice(((0, 5), (9, 30), (14, 0), (20, 15), (23, 55)))
            at = datetime(d.year, d.month, d.day, hour, minute, i, tzinfo=STOCKHOLM)
            kind = rnd.choice(("search", "search", "zero_result", "view", "handover", "report"))
            groups = tuple(rnd.sample(GROUPS, rnd.randint(0, 2)))
            needs = tuple(rnd.sample(NEEDS[:2], rnd.randint(0, 1)))
            if rnd.random() < 0.05:
                needs = ("need.rare",)
            if kind in ("search", "zero_result"):
                words = tuple(rnd.sample(NEEDS[:2], rnd.randint(0, 1)))
                out.append(Ev(at, kind, groups, needs, words))
            elif kind == "view":
                out.append(Ev(at, kind, service=rnd.choice(SERVICES[:3])))
            elif kind == "handover":
                service, place = rnd.choice(SERVICES[:3]), rnd.choice(PLACES)
                out.append(Ev(at, kind, groups, needs, service=service, place=place))
            else:
                out.append(Ev(at, kind, report_kind=rnd.choice(("unsolved", "observation"))))
        d += timedelta(days=1)
    out.append(Ev(datetime(2026, 10, 3, 12, 0, tzinfo=STOCKHOLM), "view", service="svc-sallsynt"))
    return out


def _record(ctx: AppContext, events: list[Ev]) -> None:
    """Each event through the device's EventLog, with the clock of its moment."""
    for ev in events:
        log = EventLog(ctx.device_db, FixedClock(ev.at))
        if ev.kind in ("search", "zero_result"):
            detail: dict[str, object] = {
                "groups": list(ev.groups),
                "needs": list(ev.needs),
                # free text where a code belongs: the device must drop it, never count it
                "word_codes": [*ev.words, DETAIL_WORDS],
            }
            if ev.kind == "zero_result":
                detail["time"] = "now"
            log.record(ev.kind, AREA, detail=detail)  # type: ignore[arg-type]
        elif ev.kind == "view":
            log.record("view", AREA, service_id=ev.service)
        elif ev.kind == "handover":
            log.record(
                "handover",
                AREA,
                service_id=ev.service,
                landmark_id=ev.place,
                detail={"groups": list(ev.groups), "needs": list(ev.needs)},
            )
        else:
            log.record("report", AREA, detail={"kind": ev.report_kind})


def _expected(events: list[Ev]) -> dict[str, tuple[Counter[str], int | None]]:
    """The month's counts per table, straight from the events: (rows, total or None)."""
    search = [e for e in events if e.kind == "search"]
    zero = [e for e in events if e.kind == "zero_result"]
    hand = [e for e in events if e.kind == "handover"]
    return {
        "searches_by_chip": (Counter(c for e in search for c in e.chips), len(search)),
        "zero_by_combo": (Counter("+".join(sorted(e.chips)) for e in zero), None),
        "zero_by_word": (Counter(w for e in zero for w in set(e.words)), len(zero)),
        "views_by_service": (Counter(e.service or "" for e in events if e.kind == "view"), None),
        "handovers_by_service": (Counter(e.service or "" for e in hand), None),
        "handovers_by_place": (Counter(e.place or "" for e in hand), None),
        "handovers_by_chip": (Counter(c for e in hand for c in e.chips), len(hand)),
    }


def _report(i: int, kind: str) -> Report:
    return Report(
        kind=kind,
        area_id=AREA,
        occurred_at=f"2026-10-{10 + i:02d}T22:10:00+02:00",
        text=f"{REPORT_WORDS} nummer {i}",
        place_text="Blåbärsporten",
        needs=("need.shelter-tonight",),
    )


def _check_cell(value: int, text: str, expected: int) -> None:
    assert value == expected
    if expected < 5:
        assert text == "< 5"
    else:
        assert text in (str(expected), "x")


def _csv(table: StatsTable, f: StatsFilter) -> list[list[str]]:
    body = [x for x in to_csv(table, f, "sv").splitlines() if not x.startswith("# ")]
    return list(csv.reader(io.StringIO("\n".join(body))))[1:]


@pytest.fixture
def server_clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 12, 5, tzinfo=STOCKHOLM))


@pytest.fixture
def live(tmp_path: Path, server_clock: FixedClock) -> Iterator[LiveServer]:
    with LiveServer(clock=server_clock) as server:
        server.start(tmp_path / "server.db")
        server.office_token()
        yield server


@pytest.fixture
def second(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A second tablet: its own home, device.db and enrolment."""
    home = tmp_path / "home2"
    home.mkdir()
    c = build({"KOMPASSEN_HOME": str(home)}, clock)
    yield c
    c.close()
    close_logging()


def _enrolled(ctx: AppContext, live: LiveServer, name: str) -> SyncClient:
    client = ctx.sync_client(timeout=20.0)
    client.enrol(live.url, live.enrolment_code(), name)
    return client


def test_two_tablets_month_to_office_statistics_and_csv(
    ctx: AppContext,
    second: AppContext,
    live: LiveServer,
    server_clock: FixedClock,
    tmp_path: Path,
) -> None:
    a_events, b_events = _generate(11), _generate(12)
    _record(ctx, a_events)
    _record(second, b_events)
    key = ctx.catalogue.reader.area(AREA).sealing_public_key
    assert key == KEYS.sealing_public
    reports = [("unsolved", ctx)] * 6 + [("observation", second)] * 3
    for i, (kind, tablet) in enumerate(reports):
        tablet.outbox.submit(_report(i, kind), key)

    for tablet, events, n_reports, name in (
        (ctx, a_events, 6, "Platta A"),
        (second, b_events, 3, "Platta B"),
    ):
        client = _enrolled(tablet, live, name)
        try:
            sent = client.sync(pull=False)
        finally:
            client.close()
        days = {e.at.date() for e in events}
        assert sent.ok and sent.sent == len(days) + n_reports, sent
        assert tablet.device_db.query("SELECT count(*) FROM usage_event")[0][0] == 0

    # the server's usage items: per area and day, never which tablet
    office_h = bearer(live.office_token())
    items = httpx.get(f"{live.api}/office/usage", params={"limit": 2000}, headers=office_h).json()[
        "items"
    ]
    assert len(items) == 62
    for item in items:
        assert set(item) == {"id", "area_id", "day", "received_at", "sealed"}
        usage = open_usage(base64.b64decode(item["sealed"]), KEYS.sealing_private)
        for metric, keys in usage.counts.items():
            for k in keys:  # codes only
                assert KEY_PATTERN.match(k) and " " not in k, (metric, k)

    # the office fetches and counts
    office = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
    db = tmp_path / "office" / "office.db"
    inbox = Inbox(InboxStore(db), office, server_clock)
    try:
        got = inbox.fetch(KEYS)
        assert (got.reports, got.usage, got.unreadable) == (9, 62, 0)
        store = inbox.store
        f = StatsFilter(AREA, MONTH, compare=False)
        rows = store.usage_rows(AREA, MONTH.start, MONTH.end)
        assert all(KEY_PATTERN.match(k) and " " not in k for _d, _m, k, _n in rows)
        summaries = store.summaries(AREA, MONTH.start, MONTH.end)
        tables = {t.key: t for t in statistics(rows, [], summaries, [], f, CodeLabels())}
    finally:
        inbox.store.close()
        office.close()

    events = a_events + b_events
    expected = _expected(events)
    expected["reports_by_kind"] = (Counter({"unsolved": 6, "observation": 3}), None)
    hidden_seen = 0
    for key_, (want, total) in expected.items():
        t = tables[key_]
        assert {r.key: r.cells[0].value for r in t.rows} == dict(want), key_
        for r in t.rows:
            _check_cell(r.cells[0].value, r.cells[0].text(), want[r.key])
            hidden_seen += r.cells[0].hidden
        if total is not None:
            assert t.total is not None
            _check_cell(t.total.cells[0].value, t.total.cells[0].text(), total)
        # the CSV says what the screen says, and never a number below 5
        by_key = {r[0]: r[2] for r in _csv(t, f)[: len(t.rows)]}
        for r in t.rows:
            assert by_key[r.key] == r.cells[0].text(), (key_, r.key)
        text = to_csv(t, f, "sv") + to_csv(t, f, "en")
        assert not [w for w in FREE_TEXT if w in text], key_
        for line in _csv(t, f):
            for field in line[2:]:
                assert field in ("< 5", "x") or int(field) >= 5, (key_, line)
    assert hidden_seen >= 3  # the rare chip, the rare service and the 3 observations
    views = {r.key: r.cells[0] for r in tables["views_by_service"].rows}
    assert views["svc-sallsynt"].value == 2 and views["svc-sallsynt"].text() == "< 5"
    # 3 observations hidden; 6 unsolved hidden too ("x"), else total 9 − 6 would give them away
    kinds = tables["reports_by_kind"]
    assert {r.key: r.cells[0].text() for r in kinds.rows} == {"unsolved": "x", "observation": "< 5"}
    assert kinds.total is not None and kinds.total.cells[0].text() == "9"
    # the words put where a code belongs were dropped, never counted
    assert {k for _d, m, k, _n in rows if m == "zero_word"} <= set(NEEDS)

    # no free text at rest anywhere: server, office, both tablets (files and their WAL)
    files = [
        *tmp_path.glob("server.db*"),
        *db.parent.glob("office.db*"),
        *ctx.paths.device_db.parent.glob("device.db*"),
        *second.paths.device_db.parent.glob("device.db*"),
    ]
    assert len(files) >= 4, files
    for p in files:
        raw = p.read_bytes()
        for word in FREE_TEXT:
            assert word.encode() not in raw, (p.name, word)


def test_counted_events_do_not_stay_in_the_wal(ctx: AppContext) -> None:
    from kompassen.reports.usage import aggregate_closed_days

    _record(ctx, [e for e in _generate(11) if e.at.day <= 3])
    assert aggregate_closed_days(ctx.device_db, ctx.clock, lambda a: KEYS.sealing_public) == 3
    assert ctx.device_db.query("SELECT count(*) FROM usage_event")[0][0] == 0
    raw = b"".join(p.read_bytes() for p in ctx.paths.device_db.parent.glob("device.db*"))
    assert b"2026-10-03T12:00:00" not in raw and DETAIL_WORDS.encode() not in raw
