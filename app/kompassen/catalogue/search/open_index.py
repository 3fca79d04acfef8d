"""Which services are open at a moment — for a whole catalogue at once, fast.

Per keystroke the search needs "open at T" for up to 100k services; calling
:func:`core.hours.is_open` for each costs seconds. Instead weekly rules become minute-of-week
spans, looked up once per minute and cached; only services whose hours depend on the date
(exceptions, holiday and eve policies on a holiday or eve) are recomputed exactly with
``core.hours``. The result is always the same as ``is_open`` (tested).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from kompassen.catalogue.search import bitset
from kompassen.core.hours import (
    TZ,
    OpeningHours,
    is_holiday_eve,
    is_open,
    is_public_holiday,
    open_intervals,
)

WEEK = 7 * 24 * 60


def _clock_change(d: date) -> bool:
    """True on the days Stockholm's clocks go forward or back."""
    start = datetime.combine(d, time(0), TZ)
    end = datetime.combine(d + timedelta(days=1), time(0), TZ)
    return start.utcoffset() != end.utcoffset()


def _minutes(t: object) -> int:
    return t.hour * 60 + t.minute  # type: ignore[attr-defined]


class OpenIndex:
    """Open/closed/unknown masks over catalogue positions ``0..n-1``."""

    def __init__(self, hours: Sequence[OpeningHours | None]) -> None:
        self.size = len(hours)
        self._hours = hours
        unknown: list[int] = []
        always: list[int] = []
        policy: list[int] = []
        dated: dict[date, list[int]] = {}  # exception day → positions
        spans: list[tuple[int, int, int]] = []  # (start, end, pos) in minutes of the week
        for pos, h in enumerate(hours):
            if h is None or not h.known:
                unknown.append(pos)
                continue
            if h.always_open:
                always.append(pos)
            else:
                for rule in h.rules:
                    start_min = _minutes(rule.opens)
                    end_min = _minutes(rule.closes)
                    length = (end_min - start_min) % 1440 or 1440
                    for day in rule.days:
                        s = day * 1440 + start_min
                        spans.append((s, s + length, pos))
                        if s + length > WEEK:  # Sunday night into Monday morning
                            spans.append((s - WEEK, s + length - WEEK, pos))
            if h.holidays != "normal" or h.holiday_eves != "normal":
                policy.append(pos)
            for exc in h.exceptions:
                dated.setdefault(exc.day, []).append(pos)
        spans.sort()
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self._max_len = max((e - s for s, e, _ in spans), default=0)
        self.unknown = bitset.from_positions(unknown, self.size)
        self.always = bitset.from_positions(always, self.size)
        self._always_list = always
        self._ruled = [p for p, h in enumerate(hours) if h is not None and h.known]
        self._policy = policy
        self._dated = dated
        self._cache: OrderedDict[tuple[object, ...], int] = OrderedDict()

    def _remember(self, key: tuple[object, ...], value: int) -> int:
        self._cache[key] = value
        if len(self._cache) > 64:
            self._cache.popitem(last=False)
        return value

    def _date_dependent(self, days: Sequence[date]) -> set[int]:
        """Positions whose hours on these dates differ from plain minute-of-week arithmetic.

        Holidays and eves (for services with a holiday policy), dated exceptions, and — on the
        two nights a year the clocks change — every service with rules, since wall-clock
        minutes repeat or vanish then.
        """
        out: set[int] = set()
        if any(_clock_change(d) for d in days):
            out.update(self._ruled)
        if any(is_public_holiday(d) or is_holiday_eve(d) for d in days):
            out.update(self._policy)
        for d in days:
            out.update(self._dated.get(d, ()))
        return out

    def open_at(self, at: datetime) -> int:
        """Mask of services open at ``at`` (unknown hours are not in it)."""
        local = at.astimezone(TZ)
        key = ("at", int(at.timestamp() // 60))  # UTC minutes: the repeated autumn hour differs
        if key in self._cache:
            return self._cache[key]
        mow = local.weekday() * 1440 + local.hour * 60 + local.minute
        hi = bisect_right(self._starts, mow)
        lo = bisect_right(self._starts, mow - self._max_len - 1)
        hits = {pos for s, e, pos in self._spans[lo:hi] if s <= mow < e}
        today = local.date()
        exact = self._date_dependent((today - timedelta(days=1), today))
        hits.update(self._always_list)
        hits -= exact
        hits.update(p for p in exact if is_open(self._hours[p], local))
        return self._remember(key, bitset.from_positions(hits, self.size))

    def open_between(self, start: datetime, end: datetime) -> int:
        """Mask of services open at any moment in ``[start, end)`` ("open tonight")."""
        s_local, e_local = start.astimezone(TZ), end.astimezone(TZ)
        # a span starting at 22:01 is open before an end of 22:01:00.000001: round the end up
        e_ceil = 1 if (e_local.second or e_local.microsecond) else 0
        key = ("between", s_local.replace(second=0, microsecond=0), end.timestamp() // 60 + e_ceil)
        if key in self._cache:
            return self._cache[key]
        first, last = s_local.date(), e_local.date()
        days = [first - timedelta(days=1)]
        while days[-1] < last:
            days.append(days[-1] + timedelta(days=1))
        exact = self._date_dependent(days)
        hits: set[int] = set(self._always_list)
        # weekly spans, walked day by day in local minutes (no clock change in these days,
        # otherwise every ruled service is in `exact`)
        cursor = s_local
        while cursor.timestamp() < e_local.timestamp():
            next_midnight = datetime.combine(cursor.date() + timedelta(days=1), time(0), TZ)
            day_end = min(e_local, next_midnight, key=lambda d: d.timestamp())
            base = cursor.weekday() * 1440
            a = base + cursor.hour * 60 + cursor.minute
            b = base + (
                1440
                if day_end is next_midnight
                else day_end.hour * 60 + day_end.minute + e_ceil * (day_end is e_local)
            )
            hi = bisect_right(self._starts, b - 1)
            lo = bisect_right(self._starts, a - self._max_len - 1)
            hits.update(pos for s, e, pos in self._spans[lo:hi] if s < b and e > a)
            cursor = day_end
        hits -= exact
        s_utc, e_utc = start.timestamp(), end.timestamp()
        for p in exact:
            ivs = open_intervals(self._hours[p], first - timedelta(days=1), last)
            if ivs and any(s.timestamp() < e_utc and e.timestamp() > s_utc for s, e in ivs):
                hits.add(p)
        return self._remember(key, bitset.from_positions(hits, self.size))
