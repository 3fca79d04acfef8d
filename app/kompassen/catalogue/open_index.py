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
from datetime import date, datetime, timedelta

from kompassen.core.hours import (
    TZ,
    OpeningHours,
    is_holiday_eve,
    is_open,
    is_public_holiday,
    open_intervals,
)

from . import bitset

WEEK = 7 * 24 * 60


def _minutes(t: object) -> int:
    return t.hour * 60 + t.minute  # type: ignore[attr-defined]


class OpenIndex:
    """Open/closed/unknown masks over catalogue positions ``0..n-1``."""

    def __init__(self, hours: Sequence[OpeningHours | None]) -> None:
        self.size = len(hours)
        self._hours = hours
        unknown, always, dated, policy = [], [], {}, []
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
        self._policy = policy
        self._dated = dated
        self._cache: OrderedDict[tuple[object, ...], int] = OrderedDict()

    def _remember(self, key: tuple[object, ...], value: int) -> int:
        self._cache[key] = value
        if len(self._cache) > 64:
            self._cache.popitem(last=False)
        return value

    def _date_dependent(self, days: Sequence[date]) -> set[int]:
        """Positions whose hours on these dates differ from their weekly rules."""
        out: set[int] = set()
        if any(is_public_holiday(d) or is_holiday_eve(d) for d in days):
            out.update(self._policy)
        for d in days:
            out.update(self._dated.get(d, ()))
        return out

    def open_at(self, at: datetime) -> int:
        """Mask of services open at ``at`` (unknown hours are not in it)."""
        local = at.astimezone(TZ)
        key = ("at", local.replace(second=0, microsecond=0))
        if key in self._cache:
            return self._cache[key]
        mow = local.weekday() * 1440 + local.hour * 60 + local.minute
        hi = bisect_right(self._starts, mow)
        lo = bisect_right(self._starts, mow - self._max_len - 1)
        hits = {pos for s, e, pos in self._spans[lo:hi] if s <= mow < e}
        today = local.date()
        exact = self._date_dependent((today - timedelta(days=1), today))
        hits -= exact
        hits.update(p for p in exact if is_open(self._hours[p], local))
        mask = self.always | bitset.from_positions(hits, self.size)
        return self._remember(key, mask)

    def open_between(self, start: datetime, end: datetime) -> int:
        """Mask of services open at any moment in ``[start, end)`` ("open tonight")."""
        s_local, e_local = start.astimezone(TZ), end.astimezone(TZ)
        key = (
            "between",
            s_local.replace(second=0, microsecond=0),
            e_local.replace(second=0, microsecond=0),
        )
        if key in self._cache:
            return self._cache[key]
        first, last = s_local.date(), e_local.date()
        days = [first - timedelta(days=1)]
        while days[-1] < last:
            days.append(days[-1] + timedelta(days=1))
        exact = self._date_dependent(days)
        hits: set[int] = set()
        # weekly spans, walked day by day in local minutes
        cursor = s_local
        while cursor < e_local:
            day_end = min(
                e_local,
                (cursor + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0),
            )
            base = cursor.weekday() * 1440
            a = base + cursor.hour * 60 + cursor.minute
            b = base + (
                1440 if day_end.date() != cursor.date() else day_end.hour * 60 + day_end.minute
            )
            hi = bisect_right(self._starts, b - 1)
            lo = bisect_right(self._starts, a - self._max_len - 1)
            hits.update(pos for s, e, pos in self._spans[lo:hi] if s < b and e > a)
            cursor = day_end
        hits -= exact
        for p in exact:
            ivs = open_intervals(self._hours[p], first - timedelta(days=1), last)
            if ivs and any(s < e_local and e > s_local for s, e in ivs):
                hits.add(p)
        mask = self.always | bitset.from_positions(hits, self.size)
        return self._remember(key, mask)
