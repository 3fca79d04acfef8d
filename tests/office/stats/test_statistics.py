"""Usage of two simulated tablets over a synthetic month → the tables and the CSV match an
independent count of the events, with every count below 5 shown as "< 5"."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from kompassen.office.inbox.model import ReportSummary
from kompassen.office.stats.csv_export import to_csv
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.office.stats.tables import (
    CodeLabels,
    StatsTable,
    checked_day,
    freshness_counts,
    freshness_table,
    statistics,
    usage_rows,
)
from kompassen.reports.usage_format import DayUsage, check

AREA = "klara"
CHIPS = ("group.youth", "group.women", "need.sleep", "need.food", "need.rare")
SERVICES = ("nattjour", "soppkok", "harbarget", "sallsynt")
PLACES = ("", "t-centralen", "sergels-torg")


def _events(seed: int, month: Period) -> list[tuple[str, str, tuple[str, ...]]]:
    """Synthetic events of one tablet: (day, what, codes)."""
    rnd = random.Random(seed)
    out = []
    d = month.start
    while d <= month.end:
        for _ in range(rnd.randint(0, 6)):
            what = rnd.choice(("search", "search", "zero", "view", "handover", "report"))
            if what in ("search", "zero"):
                chips = tuple(sorted(rnd.sample(CHIPS[:4], rnd.randint(0, 2))))
                if rnd.random() < 0.05:
                    chips = ("need.rare",)
                out.append((d.isoformat(), what, chips))
            elif what in ("view", "handover"):
                chips = tuple(rnd.sample(CHIPS[:4], rnd.randint(0, 2)))
                out.append(
                    (d.isoformat(), what, (rnd.choice(SERVICES[:3]), rnd.choice(PLACES), *chips))
                )
            else:
                out.append((d.isoformat(), what, (rnd.choice(("unsolved", "solution")),)))
        d += timedelta(days=1)
    out.append((month.start.isoformat(), "view", ("sallsynt", "")))  # one rare view
    return out


def _day_usage(events: list[tuple[str, str, tuple[str, ...]]]) -> list[DayUsage]:
    """What a tablet sends: one aggregate per day, made the way the device counts."""
    per_day: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for day, what, codes in events:
        c = per_day[day]
        if what in ("search", "zero"):
            c["search"][""] += 1
            c["search"].update(codes)
            if what == "zero":
                c["zero"][""] += 1
                c["zero"].update(codes)
                c["zero_combo"]["+".join(codes)] += 1
        elif what == "view":
            c["view"][codes[0]] += 1
        elif what == "handover":
            c["handover"][codes[0]] += 1
            c["handover_place"][codes[1]] += 1
            c["handover_chip"].update(codes[2:])
        else:
            c["report"][codes[0]] += 1
    out = []
    for day, counts in sorted(per_day.items()):
        u = DayUsage(AREA, day, {m: dict(v) for m, v in counts.items()})
        check(u.to_dict())
        out.append(u)
    return out


def _shown(n: int) -> str:
    return "< 5" if n < 5 else str(n)


def _csv_rows(table: StatsTable, f: StatsFilter) -> dict[str, list[str]]:
    text = to_csv(table, f, "sv")
    body = [line for line in text.splitlines() if not line.startswith("# ")]
    rows = list(csv.reader(io.StringIO("\n".join(body))))
    return {r[0] or "TOTAL": r[2:] for r in rows[1:]}


@pytest.fixture
def month() -> Period:
    return Period.month(2026, 11)


def test_two_devices_month_match_independent_count(month: Period) -> None:
    events = _events(1, month) + _events(2, month)
    usage = _day_usage(_events(1, month)) + _day_usage(_events(2, month))
    rows = usage_rows(usage)
    f = StatsFilter(AREA, month, compare=False)
    tables = {t.key: t for t in statistics(rows, [], [], [], f, CodeLabels())}

    # the independent count, straight from the events
    searches = Counter(c for _d, w, cs in events if w in ("search", "zero") for c in cs)
    n_searches = sum(1 for _d, w, _ in events if w in ("search", "zero"))
    combos = Counter("+".join(cs) for _d, w, cs in events if w == "zero")
    views = Counter(cs[0] for _d, w, cs in events if w == "view")
    handovers = Counter(cs[0] for _d, w, cs in events if w == "handover")

    t = tables["searches_by_chip"]
    got = {r.key: r.cells[0] for r in t.rows}
    assert {k: c.value for k, c in got.items()} == dict(searches)
    assert t.total is not None and t.total.cells[0].value == n_searches
    assert got["need.rare"].hidden  # a rare chip is never shown as its number
    csv_rows = _csv_rows(t, f)
    for k, n in searches.items():
        assert csv_rows[k] == [_shown(n)]
    assert csv_rows["TOTAL"] == [_shown(n_searches)]

    assert {r.key: r.cells[0].value for r in tables["zero_by_combo"].rows} == dict(combos)
    v = tables["views_by_service"]
    assert {r.key: r.cells[0].value for r in v.rows} == dict(views)
    view_csv = _csv_rows(v, f)
    assert view_csv["sallsynt"] == ["< 5"]
    for k, n in views.items():
        if n < 5:
            assert view_csv[k] == ["< 5"]
    assert {r.key: r.cells[0].value for r in tables["handovers_by_service"].rows} == dict(handovers)
    # every published text of every table: a count below 5 is never written as itself
    for table in tables.values():
        for row in (*table.rows, *([table.total] if table.total else [])):
            for c in row.cells:
                if c.value < 5 and not c.secondary:
                    assert c.hidden and c.text() == "< 5"
                if c.hidden:
                    assert c.text() in ("< 5", "x")
        body = [x for x in to_csv(table, f).splitlines() if not x.startswith("# ")]
        for line in body[1:]:
            for field in next(csv.reader([line]))[2:]:
                assert field in ("< 5", "x") or abs(int(field)) >= 5 or field.startswith(("+", "-"))


def test_compare_and_change_hidden_when_either_side(month: Period) -> None:
    prev = month.previous()
    now_rows = [("2026-11-02", "handover", "a", 20), ("2026-11-03", "handover", "b", 9)]
    prev_rows = [("2026-10-02", "handover", "a", 12), ("2026-10-05", "handover", "b", 3)]
    f = StatsFilter(AREA, month)
    assert prev == Period.month(2026, 10)
    t = next(
        x
        for x in statistics(now_rows, prev_rows, [], [], f, CodeLabels())
        if x.key == "handovers_by_service"
    )
    a, b = (r.cells for r in t.rows)
    assert [c.text() for c in a] == ["20", "x", "x"]  # previous a: secondary (b was 3)
    assert [c.text() for c in b] == ["9", "< 5", "x"]
    assert t.total is not None and [c.text() for c in t.total.cells] == ["29", "15", "14"]
    text = to_csv(t, f, "en")
    assert "# Compared with: 2026-10-01 – 2026-10-31" in text
    assert "< 5" in text and "zero included" in text


def test_rows_outside_the_period_are_left_out(month: Period) -> None:
    rows = [("2026-12-01", "view", "x", 50), ("2026-11-30", "view", "x", 6)]
    f = StatsFilter(AREA, month, compare=False)
    t = next(
        x for x in statistics(rows, [], [], [], f, CodeLabels()) if x.key == "views_by_service"
    )
    assert t.rows[0].cells[0].value == 6


def _report(day: str, kind: str = "unsolved", place: str | None = None, needs=()) -> ReportSummary:
    return ReportSummary(
        AREA,
        kind,
        f"{day}T22:00:00+01:00",
        f"{day}T22:05:00+01:00",
        place,
        tuple(needs),
        (),
        "new",
        None,
    )


def test_reports_by_kind_place_need_week(month: Period) -> None:
    reps = [
        _report("2026-11-02", place="klara/t-centralen", needs=("need.sleep",)) for _ in range(7)
    ]
    reps += [
        _report("2026-11-20", kind="solution", needs=("need.sleep", "need.food")) for _ in range(6)
    ]
    reps += [_report("2026-10-20")]  # outside the period
    f = StatsFilter(AREA, month, compare=False)
    tables = {t.key: t for t in statistics([], [], reps, [], f, CodeLabels())}
    kinds = {r.key: r.cells[0].text() for r in tables["reports_by_kind"].rows}
    assert kinds == {"unsolved": "7", "solution": "6"}
    places = {r.key: r.cells[0].text() for r in tables["reports_by_place"].rows}
    assert places == {"klara/t-centralen": "7", "": "6"}
    needs = {r.key: r.cells[0].text() for r in tables["reports_by_need"].rows}
    assert needs == {"need.sleep": "13", "need.food": "6"}
    week = tables["reports_by_week"]
    assert week.chart == "line"
    assert [r.key for r in week.rows] == [
        "2026-W44",
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
        "2026-W49",  # Monday 30 November
    ]
    assert {r.key: r.cells[0].value for r in week.rows}["2026-W45"] == 7
    assert week.total is not None and week.total.cells[0].value == 13


def test_periods() -> None:
    assert Period.week(date(2026, 11, 25)) == Period(date(2026, 11, 23), date(2026, 11, 29))
    assert Period.week(date(2026, 11, 25)).previous() == Period(
        date(2026, 11, 16), date(2026, 11, 22)
    )
    assert Period.month(2026, 3).previous() == Period.month(2026, 2)
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)
    assert Period.quarter(2026, 2).previous() == Period.quarter(2026, 1)
    assert Period.year(2026).previous() == Period.year(2025)
    assert Period.last_days(date(2026, 11, 23), 30).previous() == Period(
        date(2026, 9, 25), date(2026, 10, 24)
    )
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2), date(2026, 1, 1))
    words = StatsFilter(AREA, Period.month(2026, 11)).words("sv")
    assert words[0] == "Område: klara" and "< 5" in words[-1]


def test_freshness() -> None:
    today = date(2026, 11, 23)
    assert checked_day("2025") == date(2025, 1, 1) and checked_day("unknown") is None
    counts = freshness_counts(
        ["2026-11-01", "2026-06-01", "2026-01", "2025-05-01", "2023", "unknown"], today
    )
    assert counts == [1, 1, 1, 1, 1, 1]
    t = freshness_table(["2026-11-01", "2026-11-02"], today)
    assert t.rows[0].cells[0].text() == "2"  # facts, not people: never hidden


def test_row_order_says_nothing_about_hidden_values(month: Period) -> None:
    rows = [("2026-11-02", "handover", k, n) for k, n in (("a", 3), ("b", 9), ("c", 1), ("d", 20))]
    f = StatsFilter(AREA, month, compare=False)
    t = next(
        x for x in statistics(rows, [], [], [], f, CodeLabels()) if x.key == "handovers_by_service"
    )
    assert [(r.key, r.cells[0].text()) for r in t.rows] == [
        ("d", "20"),
        ("b", "9"),
        ("a", "< 5"),
        ("c", "< 5"),
    ]


def test_csv_guards_formulas(month: Period) -> None:
    class Evil(CodeLabels):
        def service(self, key: str) -> tuple[str, str]:
            return ("=HYPERLINK(1)", "=HYPERLINK(1)")

    rows = [("2026-11-02", "handover", "a", 20)]
    f = StatsFilter(AREA, month, compare=False)
    t = next(x for x in statistics(rows, [], [], [], f, Evil()) if x.key == "handovers_by_service")
    text = to_csv(t, f)
    assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text.replace(",=", "\n=")
