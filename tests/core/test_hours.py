"""Tests for kompassen.core.hours: rules, holidays, texts, DST and invariants."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kompassen.core.hours import (
    DateException,
    OpeningHours,
    WeeklyRule,
    holiday_name,
    is_holiday_eve,
    is_open,
    is_public_holiday,
    next_change,
    open_intervals,
    parse_time,
    status,
    week_summary,
)

TZ = ZoneInfo("Europe/Stockholm")
WEEKDAYS = frozenset(range(5))
ALL_DAYS = frozenset(range(7))


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=TZ, fold=fold)


def rule(days: frozenset[int] | set[int], opens: str, closes: str) -> WeeklyRule:
    return WeeklyRule(frozenset(days), parse_time(opens), parse_time(closes, closing=True))


def utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC)


OFFICE = OpeningHours(rules=(rule(WEEKDAYS, "08:00", "17:00"), rule({6}, "12:00", "16:00")))
NIGHT = OpeningHours(rules=(rule(ALL_DAYS, "22:00", "06:00"),))


# ------------------------------------------------------------------ weekly rules


def test_weekday_rules() -> None:
    # 2026-06-01 is a Monday.
    assert is_open(OFFICE, local(2026, 6, 1, 8, 0)) is True
    assert is_open(OFFICE, local(2026, 6, 1, 7, 59)) is False
    assert is_open(OFFICE, local(2026, 6, 1, 16, 59)) is True
    assert is_open(OFFICE, local(2026, 6, 1, 17, 0)) is False  # half-open interval
    assert is_open(OFFICE, local(2026, 6, 13, 12, 0)) is False  # Saturday
    assert is_open(OFFICE, local(2026, 6, 14, 13, 0)) is True  # Sunday rule


def test_naive_datetime_is_stockholm_time() -> None:
    assert is_open(OFFICE, datetime(2026, 6, 1, 8, 30)) is True
    # 06:30 UTC is 08:30 in summer.
    assert is_open(OFFICE, datetime(2026, 6, 1, 6, 30, tzinfo=UTC)) is True


def test_overnight_span_belongs_to_start_day() -> None:
    h = OpeningHours(rules=(rule({4}, "22:00", "06:00"),))  # Friday night
    assert is_open(h, local(2026, 6, 5, 22, 0)) is True  # Fri
    assert is_open(h, local(2026, 6, 6, 3, 0)) is True  # Sat 03:00
    assert is_open(h, local(2026, 6, 6, 7, 0)) is False  # Sat 07:00
    assert is_open(h, local(2026, 6, 5, 3, 0)) is False  # Fri early morning: Thu had no span


def test_always_open_and_whole_day_rules() -> None:
    always = OpeningHours(always_open=True)
    full = OpeningHours(rules=(rule(ALL_DAYS, "00:00", "24:00"),))
    zero = OpeningHours(rules=(rule(ALL_DAYS, "00:00", "00:00"),))
    for h in (always, full, zero):
        assert is_open(h, local(2026, 12, 25, 3, 0)) is True
        assert next_change(h, local(2026, 3, 29, 1, 0)) is None
        s = status(h, local(2026, 6, 1, 12, 0))
        assert (s.state, s.text) == ("always", "Öppet dygnet runt")
        assert status(h, local(2026, 6, 1), lang="en").text == "Open 24/7"
        ivs = open_intervals(h, date(2026, 3, 27), date(2026, 3, 30))
        assert ivs == [(local(2026, 3, 27), local(2026, 3, 31))]


def test_touching_spans_merge() -> None:
    h = OpeningHours(rules=(rule({4}, "22:00", "06:00"), rule({5}, "06:00", "22:00")))
    ivs = open_intervals(h, date(2026, 6, 5), date(2026, 6, 6))
    assert ivs == [(local(2026, 6, 5, 22), local(2026, 6, 6, 22))]


def test_open_intervals_are_clipped_and_inclusive() -> None:
    ivs = open_intervals(NIGHT, date(2026, 6, 3), date(2026, 6, 3))
    assert ivs == [
        (local(2026, 6, 3, 0), local(2026, 6, 3, 6)),
        (local(2026, 6, 3, 22), local(2026, 6, 4)),
    ]
    with pytest.raises(ValueError):
        open_intervals(NIGHT, date(2026, 6, 3), date(2026, 6, 2))


def test_24_00_round_trip_and_parsing() -> None:
    d = {
        "always_open": False,
        "weekly": [{"days": ["mon", "fri"], "opens": "18:00", "closes": "24:00"}],
        "holidays": "closed",
        "holiday_eves": "as-saturday",
        "exceptions": [
            {"date": "2026-12-24", "closed": True, "note": "Julstängt"},
            {"date": "2026-12-31", "closed": False, "opens": "20:00", "closes": "02:00"},
        ],
        "note": "Ring först",
    }
    h = OpeningHours.from_dict(d)
    assert h.rules[0].closes == time(0, 0)
    assert h.to_dict() == d
    assert is_open(h, local(2026, 6, 1, 23, 59)) is True
    assert is_open(h, local(2026, 6, 2, 0, 0)) is False
    with pytest.raises(ValueError):
        parse_time("24:00")  # never as an opening time
    for bad in ("8:00", "25:00", "12:60", "ab:cd", "24:01"):
        with pytest.raises(ValueError):
            parse_time(bad, closing=True)
    with pytest.raises(ValueError):
        OpeningHours.from_dict({"weekly": [{"days": ["xyz"], "opens": "08:00", "closes": "09:00"}]})
    with pytest.raises(ValueError):
        OpeningHours.from_dict({"holidays": "sometimes"})
    with pytest.raises(ValueError):
        OpeningHours.from_dict({"exceptions": [{"date": "2026-13-01", "closed": True}]})
    with pytest.raises(ValueError):
        DateException(date(2026, 1, 1), closed=False)


# ------------------------------------------------------------------ holidays


def test_holiday_calendar() -> None:
    assert is_public_holiday(date(2026, 12, 25))
    assert is_public_holiday(date(2026, 6, 6))
    assert not is_public_holiday(date(2026, 3, 1))  # an ordinary Sunday
    for eve in (date(2026, 12, 24), date(2026, 12, 31), date(2026, 6, 19), date(2026, 4, 4)):
        assert is_holiday_eve(eve)
        assert not is_public_holiday(eve)
    assert not is_holiday_eve(date(2026, 6, 20))  # midsommardagen is a holiday
    assert is_public_holiday(date(2026, 6, 20))
    assert holiday_name(date(2026, 12, 25)) == "Juldagen"
    assert holiday_name(date(2026, 12, 25), "en") == "Christmas Day"
    assert holiday_name(date(2026, 12, 24)) == "Julafton"
    assert holiday_name(date(2026, 12, 24), "en") == "Christmas Eve"
    assert holiday_name(date(2026, 6, 19)) == "Midsommarafton"
    assert holiday_name(date(2026, 4, 4)) == "Påskafton"
    assert holiday_name(date(2026, 6, 6)) == "Nationaldagen"
    assert holiday_name(date(2026, 6, 2)) is None
    # Midsommarafton is always a Friday between 19 and 25 June.
    for year in range(2020, 2035):
        eves = [date(year, 6, d) for d in range(19, 26) if is_holiday_eve(date(year, 6, d))]
        assert len(eves) == 1 and eves[0].weekday() == 4


# The calendar code hours.py had before it took the eves from the holidays package: the
# reference every day of 1990–2060 must still agree with.
def _old_easter_sunday(year: int) -> date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _old_eves(year: int) -> dict[date, tuple[str, str]]:
    midsommardagen = next(
        date(year, 6, d) for d in range(20, 27) if date(year, 6, d).weekday() == 5
    )
    return {
        date(year, 12, 24): ("Julafton", "Christmas Eve"),
        date(year, 12, 31): ("Nyårsafton", "New Year's Eve"),
        midsommardagen - timedelta(days=1): ("Midsommarafton", "Midsummer Eve"),
        _old_easter_sunday(year) - timedelta(days=1): ("Påskafton", "Holy Saturday"),
    }


def _old_public_holidays(year: int, lang: str) -> dict[date, str]:
    import holidays as pyholidays

    language = "sv" if lang == "sv" else "en_US"
    cal = pyholidays.country_holidays("SE", years=year, include_sundays=False, language=language)
    eves = _old_eves(year)
    return {d: name for d, name in cal.items() if d not in eves}


def test_every_holiday_and_eve_1990_2060_as_before() -> None:
    for year in range(1990, 2061):
        eves = _old_eves(year)
        public = {lang: _old_public_holidays(year, lang) for lang in ("sv", "en")}
        # the package's Easter is the old arithmetic's: the movable holidays fall as before
        easter = _old_easter_sunday(year)
        for offset, name in (
            (-2, "Långfredagen"),
            (0, "Påskdagen"),
            (1, "Annandag påsk"),
            (39, "Kristi himmelsfärdsdag"),
            (49, "Pingstdagen"),
        ):
            assert name in public["sv"][easter + timedelta(days=offset)], (year, name)
        d = date(year, 1, 1)
        while d.year == year:
            assert is_holiday_eve(d) == (d in eves), d
            assert is_public_holiday(d) == (d in public["sv"]), d
            for lang, i in (("sv", 0), ("en", 1)):
                want = eves[d][i] if d in eves else public[lang].get(d)
                assert holiday_name(d, lang) == want, (d, lang)
            d += timedelta(days=1)
        assert sum(map(is_holiday_eve, eves)) == 4


def test_importing_hours_does_not_import_holidays() -> None:
    """The package loads every country (~150 ms): paid on the first holiday question."""
    code = "import sys, kompassen.core.hours; assert 'holidays' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_juldagen_policies() -> None:
    at_10 = local(2026, 12, 25, 10, 0)  # Friday
    at_13 = local(2026, 12, 25, 13, 0)
    normal = OFFICE
    closed = OpeningHours(rules=OFFICE.rules, holidays="closed")
    sunday = OpeningHours(rules=OFFICE.rules, holidays="as-sunday")
    assert is_open(normal, at_10) is True
    assert is_open(closed, at_10) is False
    assert is_open(closed, at_13) is False
    assert is_open(sunday, at_10) is False
    assert is_open(sunday, at_13) is True


def test_nationaldagen_as_sunday() -> None:
    h = OpeningHours(rules=(rule({5}, "10:00", "14:00"),), holidays="as-sunday")
    assert is_open(h, local(2026, 6, 6, 11, 0)) is False  # Saturday, but a holiday
    assert is_open(h, local(2026, 6, 13, 11, 0)) is True
    normal = OpeningHours(rules=h.rules)
    assert is_open(normal, local(2026, 6, 6, 11, 0)) is True


def test_midsommarafton_is_an_eve_not_a_holiday() -> None:
    rules = (rule(WEEKDAYS, "08:00", "17:00"), rule({5}, "10:00", "14:00"))
    at_16 = local(2026, 6, 19, 16, 0)
    at_11 = local(2026, 6, 19, 11, 0)
    assert is_open(OpeningHours(rules=rules, holidays="closed"), at_16) is True
    as_sat = OpeningHours(rules=rules, holiday_eves="as-saturday")
    assert is_open(as_sat, at_16) is False
    assert is_open(as_sat, at_11) is True
    assert is_open(OpeningHours(rules=rules, holiday_eves="closed"), at_11) is False
    week = week_summary(as_sat, date(2026, 6, 17))
    assert week[4].holiday == "Midsommarafton"
    assert week[4].spans == ("10:00–14:00",)
    assert week[5].holiday == "Midsommardagen"


def test_paskafton() -> None:
    rules = (rule({5}, "10:00", "14:00"),)
    at = local(2026, 4, 4, 11, 0)
    assert is_open(OpeningHours(rules=rules, holidays="closed"), at) is True
    assert is_open(OpeningHours(rules=rules, holiday_eves="closed"), at) is False
    assert is_open(OpeningHours(rules=rules, holidays="closed"), local(2026, 4, 3, 11)) is False


def test_exception_beats_holiday_and_rules() -> None:
    h = OpeningHours(
        rules=OFFICE.rules,
        holidays="closed",
        exceptions=(
            DateException(date(2026, 12, 25), closed=False, opens=time(10), closes=time(12)),
            DateException(date(2026, 12, 28), closed=True, note="Inventering"),
        ),
    )
    assert is_open(h, local(2026, 12, 25, 11)) is True
    assert is_open(h, local(2026, 12, 25, 13)) is False
    assert is_open(h, local(2026, 12, 28, 11)) is False  # Monday, closed by exception
    week = week_summary(h, date(2026, 12, 28), "en")
    assert week[0].closed and week[0].note == "Inventering"
    # always_open ignores holiday policies but not exceptions.
    shelter = OpeningHours(
        always_open=True,
        holidays="closed",
        exceptions=(DateException(date(2026, 12, 28), closed=True),),
    )
    assert is_open(shelter, local(2026, 12, 25, 3)) is True
    assert is_open(shelter, local(2026, 12, 28, 3)) is False
    assert next_change(shelter, local(2026, 12, 27, 12)) == local(2026, 12, 28)


def test_overnight_span_runs_into_closed_holiday() -> None:
    h = OpeningHours(rules=NIGHT.rules, holidays="closed")
    assert is_open(h, local(2026, 12, 25, 3)) is True  # started on julafton
    assert is_open(h, local(2026, 12, 25, 23)) is False
    assert is_open(h, local(2026, 12, 26, 3)) is False
    assert is_open(h, local(2026, 12, 27, 3)) is False  # annandag jul is a holiday too
    assert is_open(h, local(2026, 12, 27, 23)) is True


# ------------------------------------------------------------------ status texts


@pytest.mark.parametrize(
    ("at", "sv", "en", "state"),
    [
        (local(2026, 6, 1, 10, 0), "Öppet till 17:00", "Open until 17:00", "open"),
        (local(2026, 6, 1, 16, 40), "Stänger om 20 min", "Closes in 20 min", "open"),
        (local(2026, 6, 1, 7, 0), "Öppnar 08:00", "Opens 08:00", "closed"),
        (local(2026, 6, 1, 18, 0), "Öppnar i morgon 08:00", "Opens tomorrow 08:00", "closed"),
        (local(2026, 6, 5, 18, 0), "Öppnar sön 12:00", "Opens Sun 12:00", "closed"),
        (local(2026, 6, 7, 17, 0), "Öppnar i morgon 08:00", "Opens tomorrow 08:00", "closed"),
    ],
)
def test_status_texts(at: datetime, sv: str, en: str, state: str) -> None:
    s = status(OFFICE, at)
    assert (s.state, s.text) == (state, sv)
    assert status(OFFICE, at, lang="en").text == en
    if state == "open":
        assert s.closes_at is not None and s.opens_at is None
    else:
        assert s.opens_at is not None and s.closes_at is None


def test_status_weekday_abbreviation() -> None:
    h = OpeningHours(rules=(rule({0}, "08:00", "12:00"),))
    assert status(h, local(2026, 6, 3, 12)).text == "Öppnar mån 08:00"  # Wednesday
    assert status(h, local(2026, 6, 3, 12), "en").text == "Opens Mon 08:00"


def test_status_open_past_midnight_and_closed_forever() -> None:
    assert status(NIGHT, local(2026, 6, 1, 23, 0)).text == "Öppet till 06:00"
    thursdays = OpeningHours(rules=(rule({3}, "10:00", "12:00"),))
    monday_noon = local(2026, 6, 1, 12)
    s = status(thursdays, monday_noon, horizon_days=1)
    assert (s.state, s.text) == ("closed", "Stängt")
    assert status(thursdays, monday_noon, "en", horizon_days=1).text == "Closed"
    assert next_change(thursdays, monday_noon, horizon_days=1) is None
    # no rules at all is "unknown", never "closed"
    assert status(OpeningHours(), monday_noon).state == "unknown"


def test_unknown_hours() -> None:
    at = local(2026, 6, 1, 12)
    assert is_open(None, at) is None
    s = status(None, at)
    assert (s.state, s.text) == ("unknown", "Öppettider okända")
    assert status(None, at, "en").text == "Opening hours unknown"
    assert open_intervals(None, date(2026, 6, 1), date(2026, 6, 2)) is None
    assert next_change(None, at) is None
    week = week_summary(None, date(2026, 6, 1))
    assert len(week) == 7 and all(d.unknown and not d.closed for d in week)


def test_unsupported_language() -> None:
    with pytest.raises(ValueError):
        status(OFFICE, local(2026, 6, 1), lang="de")
    assert status(OFFICE, local(2026, 6, 1, 10), lang="en_GB").text == "Open until 17:00"


def test_week_summary() -> None:
    week = week_summary(NIGHT, date(2026, 12, 24))
    assert [d.day for d in week] == [date(2026, 12, 21) + timedelta(days=i) for i in range(7)]
    assert week[0].weekday == "måndag"
    assert week[3].holiday == "Julafton"
    assert week[4].holiday == "Juldagen"
    assert all(d.spans == ("22:00–06:00",) for d in week)
    full = week_summary(OpeningHours(always_open=True), date(2026, 12, 24), "en")
    assert full[6].weekday == "Sunday" and full[6].spans == ("00:00–24:00",)
    office = week_summary(OFFICE, date(2026, 6, 1))
    assert office[5].closed and office[5].spans == ()


# ------------------------------------------------------------------ DST


@pytest.mark.parametrize("fold", [0, 1])
def test_dst_spring_forward(fold: int) -> None:
    for hh, mm in ((1, 30), (2, 30), (3, 30), (5, 59)):
        # 02:30 does not exist on 2026-03-29; it must not crash (read as 03:30).
        assert is_open(NIGHT, datetime(2026, 3, 29, hh, mm, fold=fold)) is True
        assert is_open(NIGHT, local(2026, 3, 29, hh, mm, fold=fold)) is True
    assert is_open(NIGHT, local(2026, 3, 29, 6, 0)) is False
    status(NIGHT, datetime(2026, 3, 29, 2, 30, fold=fold))  # no crash


def test_dst_spring_interval_is_7_hours() -> None:
    ivs = open_intervals(NIGHT, date(2026, 3, 28), date(2026, 3, 29))
    assert ivs is not None
    s, e = ivs[1]
    assert s == local(2026, 3, 28, 22) and e == local(2026, 3, 29, 6)
    assert utc(e) - utc(s) == timedelta(hours=7)


def test_dst_autumn() -> None:
    for hh, mm, fold in ((1, 30, 0), (2, 30, 0), (2, 30, 1), (3, 30, 0)):
        assert is_open(NIGHT, local(2026, 10, 25, hh, mm, fold=fold)) is True
    ivs = open_intervals(NIGHT, date(2026, 10, 24), date(2026, 10, 25))
    assert ivs is not None
    s, e = ivs[1]
    assert utc(e) - utc(s) == timedelta(hours=9)


def test_dst_closing_minutes_are_real_minutes() -> None:
    # Spring: 01:50–03:10 on 2026-03-29 lasts 20 real minutes.
    spring = OpeningHours(rules=(rule({6}, "01:50", "03:10"),))
    s = status(spring, local(2026, 3, 29, 1, 55))
    assert s.text == "Stänger om 15 min"
    assert status(spring, local(2026, 3, 29, 1, 55), "en").text == "Closes in 15 min"
    # Autumn: 02:40 happens twice; the second time it is 20 real minutes to 03:00.
    autumn = OpeningHours(rules=(rule({6}, "01:00", "03:00"),))
    assert status(autumn, local(2026, 10, 25, 2, 40, fold=1)).text == "Stänger om 20 min"
    assert status(autumn, local(2026, 10, 25, 2, 40, fold=0)).text == "Öppet till 03:00"
    # The night rule: 05:40 local is 20 min before 06:00 on both change days.
    assert status(NIGHT, local(2026, 3, 29, 5, 40)).text == "Stänger om 20 min"
    assert status(NIGHT, local(2026, 10, 25, 5, 40)).text == "Stänger om 20 min"
    # 22:00 Sat → 06:00 Sun across spring-forward: at 22:30, 6.5 real hours remain.
    nc = next_change(NIGHT, local(2026, 3, 28, 22, 30))
    assert nc is not None and utc(nc) - utc(local(2026, 3, 28, 22, 30)) == timedelta(hours=6.5)


def test_span_inside_spring_gap_does_not_exist() -> None:
    h = OpeningHours(rules=(rule({6}, "02:10", "02:50"),))
    # Both ends move forward by an hour: 03:10–03:50 CEST on the change day.
    assert is_open(h, local(2026, 3, 29, 3, 30)) is True
    assert is_open(h, local(2026, 3, 29, 4, 0)) is False


# ------------------------------------------------------------------ properties

START = datetime(2024, 1, 1, tzinfo=UTC)
END = datetime(2028, 12, 31, tzinfo=UTC)
DST_DAYS = [
    d
    for y in range(2024, 2029)
    for m in (3, 10)
    for d in [date(y, m, 31) - timedelta(days=(date(y, m, 31).weekday() + 1) % 7)]
]

minute_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 1, 15, 30, 59]))
edge_times = st.sampled_from([time(0), time(2, 0), time(2, 30), time(3, 0), time(6), time(22)])
times = st.one_of(minute_times, edge_times)
day_sets = st.frozensets(st.integers(0, 6), min_size=1)
rules_st = st.builds(WeeklyRule, day_sets, times, times)
dates_st = st.one_of(
    st.dates(date(2024, 1, 1), date(2028, 12, 31)),
    st.sampled_from(DST_DAYS),
    st.sampled_from([date(2026, 12, 24), date(2026, 12, 25), date(2026, 6, 19), date(2026, 6, 6)]),
)


@st.composite
def exceptions_st(draw: st.DrawFn) -> DateException:
    day = draw(dates_st)
    if draw(st.booleans()):
        return DateException(day, closed=True, note=draw(st.text(max_size=5)))
    return DateException(day, closed=False, opens=draw(times), closes=draw(times))


hours_st = st.builds(
    OpeningHours,
    rules=st.lists(rules_st, max_size=4).map(tuple),
    always_open=st.sampled_from([False, False, False, True]),
    holidays=st.sampled_from(["closed", "as-sunday", "normal"]),
    holiday_eves=st.sampled_from(["closed", "as-saturday", "normal"]),
    exceptions=st.lists(exceptions_st(), max_size=3).map(tuple),
    note=st.text(max_size=10),
)


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """UTC instants over 2024–2028, with extra weight on the DST change nights."""
    if draw(st.booleans()):
        return draw(st.datetimes(START.replace(tzinfo=None), END.replace(tzinfo=None))).replace(
            tzinfo=UTC
        )
    day = draw(st.sampled_from(DST_DAYS))
    base = datetime.combine(day, time(0), tzinfo=UTC)
    return base + timedelta(seconds=draw(st.integers(-2 * 86400, 2 * 86400)))


@st.composite
def hours_with_nearby_exceptions(draw: st.DrawFn) -> tuple[OpeningHours, datetime]:
    """Put exceptions next to the instant so they actually matter."""
    h = draw(hours_st)
    at = draw(instants())
    d = at.astimezone(TZ).date()
    near = draw(
        st.lists(
            st.builds(
                DateException,
                st.sampled_from([d - timedelta(days=1), d, d + timedelta(days=1)]),
                st.just(False),
                times,
                times,
            ),
            max_size=2,
        )
    )
    return OpeningHours(
        rules=h.rules,
        always_open=h.always_open,
        holidays=h.holidays,
        holiday_eves=h.holiday_eves,
        exceptions=h.exceptions + tuple(near),
    ), at


@settings(deadline=None)
@given(hours_with_nearby_exceptions())
def test_is_open_agrees_with_open_intervals(case: tuple[OpeningHours, datetime]) -> None:
    h, at = case
    d = at.astimezone(TZ).date()
    ivs = open_intervals(h, d - timedelta(days=1), d + timedelta(days=1))
    if not h.known:  # no rules: unknown, consistently
        assert ivs is None and is_open(h, at) is None
        return
    assert ivs is not None
    inside = any(utc(s) <= at < utc(e) for s, e in ivs)
    assert is_open(h, at) is inside
    # Merged and ordered: strictly increasing, non-touching, non-empty.
    flat = [utc(x) for iv in ivs for x in iv]
    assert all(a < b for a, b in itertools.pairwise(flat))


@settings(deadline=None)
@given(hours_with_nearby_exceptions())
def test_next_change_flips_state(case: tuple[OpeningHours, datetime]) -> None:
    h, at = case
    change = next_change(h, at, horizon_days=3)
    now = is_open(h, at)
    if change is None:
        # Nothing changes within the horizon: same state at several points in it.
        for hours_ahead in (1, 24, 71):
            assert is_open(h, at + timedelta(hours=hours_ahead)) is now
        return
    c = utc(change)
    assert c > at
    assert c - at <= timedelta(days=3)
    assert is_open(h, c - timedelta(microseconds=1)) is now
    assert is_open(h, c) is (not now)
    mid = at + (c - at) / 2
    assert is_open(h, mid) is now
    s = status(h, at)
    assert s.state in ("open", "closed", "always")


overnight_rules = st.builds(WeeklyRule, day_sets, minute_times, minute_times).filter(
    lambda r: (
        r.opens > r.closes
        and (
            datetime.combine(date(2000, 1, 2), r.closes)
            - datetime.combine(date(2000, 1, 1), r.opens)
        )
        >= timedelta(minutes=3)
    )
)


@settings(deadline=None)
@given(st.lists(overnight_rules, min_size=1, max_size=3), st.data())
def test_overnight_rules_open_at_both_ends(rules: list[WeeklyRule], data: st.DataObject) -> None:
    h = OpeningHours(rules=tuple(rules))  # no holidays/eves policies, no exceptions
    r = data.draw(st.sampled_from(rules))
    d = data.draw(dates_st)
    assume(d.weekday() in r.days)
    opens = datetime.combine(d, r.opens).replace(tzinfo=TZ).astimezone(UTC)
    closes = datetime.combine(d + timedelta(days=1), r.closes).replace(tzinfo=TZ).astimezone(UTC)
    assert is_open(h, opens + timedelta(minutes=1)) is True
    assert is_open(h, closes - timedelta(minutes=1)) is True


@given(hours_st)
def test_dict_round_trip(h: OpeningHours) -> None:
    assert OpeningHours.from_dict(h.to_dict()) == h
    assert OpeningHours.from_dict(json.loads(json.dumps(h.to_dict()))) == h


def test_hours_with_only_a_note_are_unknown_not_closed() -> None:
    """'Kvällar, nätter och helger' without clock times must not read as 'Stängt'."""
    h = OpeningHours.from_dict({"note": "Kvällar, nätter och helger"})
    assert not h.known
    at = local(2026, 12, 5, 23, 30)
    assert is_open(h, at) is None
    assert status(h, at).state == "unknown"
    assert status(h, at).text == "Öppettider okända"
    assert next_change(h, at) is None
    assert open_intervals(h, at.date(), at.date()) is None
    assert all(d.unknown for d in week_summary(h, at.date()))
    assert OpeningHours.from_dict({"always_open": True}).known
