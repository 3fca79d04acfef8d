"""OpenIndex (the whole-catalogue "open at T" masks) agrees exactly with core.hours.

Reference: ``is_open(h, at)`` for ``open_at``; for ``open_between(start, end)``, "some interval
of ``open_intervals`` overlaps [start, end)". Checked on the synthetic generator's hours
(overnight spans, holiday and eve policies, exceptions), the shipped packs' hours and
hypothesis-built hours, over 2024–2028 with DST change days, holidays, eves and exception
dates weighted in.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.catalogue.search import bitset
from kompassen.catalogue.search.open_index import OpenIndex
from kompassen.core.hours import (
    DateException,
    OpeningHours,
    WeeklyRule,
    is_open,
    open_intervals,
)
from kompassen.device.paths import bundled_areas_dir
from kompassen.testing.synthetic import generate_pack

TZ = ZoneInfo("Europe/Stockholm")

DST_DAYS = [
    d
    for y in range(2024, 2029)
    for m in (3, 10)
    for d in [date(y, m, 31) - timedelta(days=(date(y, m, 31).weekday() + 1) % 7)]
]
HOLIDAYS_AND_EVES = [
    date(2026, 12, 24),
    date(2026, 12, 25),
    date(2026, 12, 26),
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2026, 6, 19),
    date(2026, 6, 20),
    date(2026, 4, 3),
    date(2026, 4, 4),
    date(2026, 4, 5),
    date(2026, 4, 6),
    date(2026, 5, 1),
    date(2026, 6, 6),
    date(2024, 3, 31),  # Easter Sunday on the spring-forward day
]
EXCEPTION_DAYS = [date(2026, 12, 24), date(2026, 12, 31), date(2026, 6, 19), date(2027, 1, 6)]
SPECIAL_DAYS = sorted({*DST_DAYS, *HOLIDAYS_AND_EVES, *EXCEPTION_DAYS})


def _hours_of(services: list[dict]) -> list[OpeningHours | None]:
    return [
        None if s.get("hours") is None else OpeningHours.from_dict(s["hours"]) for s in services
    ]


def _catalogue_hours() -> list[OpeningHours | None]:
    hours = _hours_of(generate_pack(500, seed=3).doc("services.json")["services"])
    for folder in sorted(bundled_areas_dir().iterdir()):
        if (folder / "services.json").exists():
            doc = json.loads((folder / "services.json").read_text("utf-8"))
            hours += _hours_of(doc["services"])
    return hours


HOURS = _catalogue_hours()
INDEX = OpenIndex(HOURS)


def as_utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC)


def expected_at(hours: list[OpeningHours | None], at: datetime) -> set[int]:
    return {p for p, h in enumerate(hours) if is_open(h, at) is True}


def expected_between(hours: list[OpeningHours | None], start: datetime, end: datetime) -> set[int]:
    s_u, e_u = as_utc(start), as_utc(end)
    first, last = start.astimezone(TZ).date(), end.astimezone(TZ).date()
    out = set()
    for p, h in enumerate(hours):
        ivs = open_intervals(h, first - timedelta(days=1), last)
        if ivs and any(as_utc(s) < e_u and as_utc(e) > s_u for s, e in ivs):
            out.add(p)
    return out


def got(mask: int, size: int) -> set[int]:
    return set(bitset.positions(mask, size))


def describe(hours: list[OpeningHours | None], diff: set[int]) -> list[object]:
    return [(p, hours[p]) for p in sorted(diff)[:3]]


# ------------------------------------------------------------------ strategies


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """Instants over 2024–2028; half of them on DST days, holidays, eves and exception dates."""
    if draw(st.booleans()):
        naive = draw(st.datetimes(datetime(2024, 1, 1), datetime(2028, 12, 31, 23, 59)))
        return naive.replace(tzinfo=UTC)
    day = draw(st.sampled_from(SPECIAL_DAYS))
    base = datetime.combine(day, time(0), tzinfo=UTC) - timedelta(hours=2)
    return base + timedelta(seconds=draw(st.integers(-86_400, 2 * 86_400)))


@st.composite
def windows(draw: st.DrawFn) -> tuple[datetime, datetime]:
    start = draw(instants())
    minutes = draw(st.one_of(st.integers(1, 90), st.integers(1, 36 * 60)))
    return start, start + timedelta(minutes=minutes)


@st.composite
def tonight_windows(draw: st.DrawFn) -> tuple[datetime, datetime]:
    """The search's "tonight": from 18:00 (or a later moment) until 08:00 the next morning."""
    day = draw(st.sampled_from(SPECIAL_DAYS))
    evening = datetime.combine(day, time(18), tzinfo=TZ)
    start = evening + timedelta(minutes=draw(st.integers(0, 13 * 60)))
    end = datetime.combine(day + timedelta(days=1), time(8), tzinfo=TZ)
    return start, end


# Hours strategies as in tests/core/test_hours.py, with times biased to the DST hours.
minute_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 1, 15, 30, 59]))
edge_times = st.sampled_from([time(0), time(2, 0), time(2, 30), time(3, 0), time(6), time(22)])
times = st.one_of(minute_times, edge_times)
day_sets = st.frozensets(st.integers(0, 6), min_size=1)
rules_st = st.builds(WeeklyRule, day_sets, times, times)
dates_st = st.one_of(st.dates(date(2024, 1, 1), date(2028, 12, 31)), st.sampled_from(SPECIAL_DAYS))


@st.composite
def exceptions_st(draw: st.DrawFn) -> DateException:
    day = draw(dates_st)
    if draw(st.booleans()):
        return DateException(day, closed=True)
    return DateException(day, closed=False, opens=draw(times), closes=draw(times))


hours_st = st.one_of(
    st.none(),
    st.builds(
        OpeningHours,
        rules=st.lists(rules_st, max_size=3).map(tuple),
        always_open=st.sampled_from([False, False, False, True]),
        holidays=st.sampled_from(["closed", "as-sunday", "normal"]),
        holiday_eves=st.sampled_from(["closed", "as-saturday", "normal"]),
        exceptions=st.lists(exceptions_st(), max_size=3).map(tuple),
    ),
)


@st.composite
def hours_and_instant(draw: st.DrawFn) -> tuple[list[OpeningHours | None], datetime]:
    """A few services, some with exceptions on the instant's date or the day before."""
    at = draw(instants())
    d = at.astimezone(TZ).date()
    hours = draw(st.lists(hours_st, min_size=1, max_size=6))
    out: list[OpeningHours | None] = []
    for h in hours:
        if h is not None and draw(st.booleans()):
            day = draw(st.sampled_from([d - timedelta(days=1), d]))
            e = draw(exceptions_st())
            extra = DateException(day, e.closed, e.opens, e.closes)
            h = OpeningHours(
                rules=h.rules,
                always_open=h.always_open,
                holidays=h.holidays,
                holiday_eves=h.holiday_eves,
                exceptions=(*h.exceptions, extra),
            )
        out.append(h)
    return out, at


# ------------------------------------------------------------------ the catalogue's hours


def test_catalogue_hours_cover_the_interesting_cases() -> None:
    known = [h for h in HOURS if h is not None and h.known]
    assert any(h is None for h in HOURS)
    assert any(h.always_open for h in known)
    assert any(r.closes <= r.opens for h in known for r in h.rules)  # overnight spans
    assert any(h.holidays != "normal" for h in known)
    assert any(h.holiday_eves != "normal" for h in known)
    assert any(h.exceptions for h in known)


@pytest.mark.parametrize("day", SPECIAL_DAYS, ids=str)
def test_open_at_on_special_days(day: date) -> None:
    base = datetime.combine(day, time(0), tzinfo=TZ)
    checks = [
        base.replace(hour=h, minute=m) for h, m in ((0, 30), (7, 59), (8, 0), (17, 0), (21, 30))
    ]
    checks.append(base.replace(hour=2, minute=30, fold=1))
    checks.append(base.replace(hour=3, minute=30))
    for at in checks:
        want = expected_at(HOURS, at)
        have = got(INDEX.open_at(at), INDEX.size)
        assert have == want, (at, describe(HOURS, have ^ want))


@settings(max_examples=60, deadline=None)
@given(instants())
def test_open_at_agrees_with_is_open(at: datetime) -> None:
    want = expected_at(HOURS, at)
    have = got(INDEX.open_at(at), INDEX.size)
    assert have == want, describe(HOURS, have ^ want)


@settings(max_examples=25, deadline=None)
@given(st.one_of(windows(), tonight_windows()))
def test_open_between_agrees_with_open_intervals(window: tuple[datetime, datetime]) -> None:
    start, end = window
    want = expected_between(HOURS, start, end)
    have = got(INDEX.open_between(start, end), INDEX.size)
    assert have == want, describe(HOURS, have ^ want)


# ------------------------------------------------------------------ hypothesis-built hours


@settings(max_examples=400, deadline=None)
@given(hours_and_instant())
def test_open_at_agrees_with_is_open_for_any_hours(
    case: tuple[list[OpeningHours | None], datetime],
) -> None:
    hours, at = case
    index = OpenIndex(hours)
    want = expected_at(hours, at)
    have = got(index.open_at(at), index.size)
    assert have == want, describe(hours, have ^ want)
    assert index.unknown == bitset.from_positions(
        (p for p, h in enumerate(hours) if h is None or not h.known), len(hours)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(hours_st, min_size=1, max_size=6), st.one_of(windows(), tonight_windows()))
def test_open_between_agrees_for_any_hours(
    hours: list[OpeningHours | None], window: tuple[datetime, datetime]
) -> None:
    start, end = window
    index = OpenIndex(hours)
    want = expected_between(hours, start, end)
    have = got(index.open_between(start, end), index.size)
    assert have == want, describe(hours, have ^ want)


# ------------------------------------------------------------------ disagreements found above


ALWAYS_BUT_XMAS_EVE = OpeningHours(
    always_open=True, exceptions=(DateException(date(2026, 12, 24), closed=True),)
)


def test_always_open_with_a_closed_exception_is_closed_that_day() -> None:
    at = datetime(2026, 12, 24, 12, 0, tzinfo=TZ)
    assert is_open(ALWAYS_BUT_XMAS_EVE, at) is False  # exceptions apply to always_open too
    assert got(OpenIndex([ALWAYS_BUT_XMAS_EVE]).open_at(at), 1) == set()


def test_always_open_with_a_closed_exception_is_not_open_between() -> None:
    start, end = datetime(2026, 12, 24, 1, 0, tzinfo=TZ), datetime(2026, 12, 24, 23, 0, tzinfo=TZ)
    assert expected_between([ALWAYS_BUT_XMAS_EVE], start, end) == set()
    assert got(OpenIndex([ALWAYS_BUT_XMAS_EVE]).open_between(start, end), 1) == set()


SAT_NIGHT = OpeningHours(rules=(WeeklyRule(frozenset({5}), time(22, 0), time(2, 30)),))


def test_span_closing_in_the_repeated_autumn_hour_closes_at_its_first_occurrence() -> None:
    # Sat 22:00–02:30 ends at the first 02:30 (CEST) on 2026-10-25; the second 02:15 is later.
    at = datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=TZ)
    assert is_open(SAT_NIGHT, at) is False
    assert got(OpenIndex([SAT_NIGHT]).open_at(at), 1) == set()


def test_span_closing_in_the_spring_gap_closes_an_hour_later() -> None:
    # 02:30 does not exist on 2026-03-29; core.hours reads it as 03:30 CEST (RFC 5545).
    at = datetime(2026, 3, 29, 3, 15, tzinfo=TZ)
    assert is_open(SAT_NIGHT, at) is True
    assert got(OpenIndex([SAT_NIGHT]).open_at(at), 1) == {0}


def test_window_inside_the_repeated_autumn_hour() -> None:
    # 02:45 CEST → 02:15 CET is a real 30-minute window (00:45Z–01:15Z) in the middle of the
    # night; a nightly 22:00–07:00 shelter is open throughout it.
    night = OpeningHours(rules=(WeeklyRule(frozenset(range(7)), time(22, 0), time(7, 0)),))
    start = datetime(2026, 10, 25, 2, 45, tzinfo=TZ)
    end = datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=TZ)
    assert as_utc(end) - as_utc(start) == timedelta(minutes=30)
    assert expected_between([night], start, end) == {0}
    assert got(OpenIndex([night]).open_between(start, end), 1) == {0}
