"""Which services are open at a moment — for a whole catalogue at once, fast.

Per keystroke the search needs "open at T" for up to 100k services; calling
:func:`core.hours.is_open` for each costs seconds. Instead the hours are compiled once into
numpy arrays: per weekday, every rule's (service, opens, closes) in minutes of the day. For a
calendar date those become the spans that *start* on that date, in UTC minutes, with the same
precedence as ``core.hours._day_spans`` (a dated exception replaces the day; an always-open
service is open the whole day; on a public holiday or an eve the service's policy closes the
day or uses Sunday's or Saturday's rules), each end on the next day when it closes at or before
its opening, and local times turned into instants as ``core.hours`` does (clock changes
included, through the few distinct wall-clock minutes of that date). A date's spans are cached,
so "open at T" is two vectorised comparisons: a new minute costs well under a millisecond at
100k services, a new date a few milliseconds. The result is always the same as ``is_open``
(property-tested on DST days, holidays, eves and exceptions).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

import numpy as np

from kompassen.catalogue.search import bitset
from kompassen.core.hours import TZ, OpeningHours, is_holiday_eve, is_public_holiday

WEEK = 7 * 24 * 60
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NONE = -1  # effective weekday: no weekly rule applies on this date
_HOLIDAY = {"closed": _NONE, "as-sunday": 6}
_EVE = {"closed": _NONE, "as-saturday": 5}

Spans = tuple[np.ndarray, np.ndarray, np.ndarray]  # (start, end) UTC minutes since 1970, position


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _utc_minute(d: date, minute_of_day: int) -> int:
    """Wall clock → UTC minutes since 1970, as ``core.hours._local_to_utc`` (fold=0)."""
    local = datetime.combine(d, time(minute_of_day // 60, minute_of_day % 60)).replace(tzinfo=TZ)
    return int((local - _EPOCH).total_seconds()) // 60


def compile_hours(hours: Sequence[OpeningHours | None]) -> dict[str, np.ndarray]:
    """Opening hours of positions ``0..n-1`` as a few flat arrays (what the index is made of).

    ``rule_pos``/``rule_span``: position and (opens, closes) per weekly rule and day, sorted by
    weekday, ``rule_days`` how many of them each weekday has; ``always``: the
    always-open positions; ``holiday``/``eve``: the weekday a holiday (eve) uses, 7 = its own,
    -1 = none; ``known``; ``dated``: (date ordinal, position, opens, closes) per exception,
    opens -1 when the service is closed that date.
    """
    n = len(hours)
    rules: list[tuple[int, int, int, int]] = []
    always: list[int] = []
    dated: list[tuple[int, int, int, int]] = []
    holiday = np.full(n, 7, dtype=np.int8)
    eve = np.full(n, 7, dtype=np.int8)
    known = np.zeros(n, dtype=bool)
    for pos, h in enumerate(hours):
        if h is None or not h.known:
            continue
        known[pos] = True
        if h.always_open:
            always.append(pos)
        else:
            for rule in h.rules:
                opens, closes = _minutes(rule.opens), _minutes(rule.closes)
                rules.extend((day, pos, opens, closes) for day in rule.days)
        holiday[pos] = _HOLIDAY.get(h.holidays, 7)
        eve[pos] = _EVE.get(h.holiday_eves, 7)
        for exc in h.exceptions:
            if not exc.closed and exc.opens is not None and exc.closes is not None:
                dated.append((exc.day.toordinal(), pos, _minutes(exc.opens), _minutes(exc.closes)))
            else:
                dated.append((exc.day.toordinal(), pos, -1, -1))
    table = np.array(rules, dtype=np.int32).reshape(-1, 4)
    table = table[np.argsort(table[:, 0], kind="stable")]
    return {
        "rule_days": np.bincount(table[:, 0], minlength=7).astype(np.int32),
        "rule_pos": table[:, 1].copy(),
        "rule_span": table[:, 2:].astype(np.int16),
        "always": np.array(always, dtype=np.int32),
        "holiday": holiday,
        "eve": eve,
        "known": known,
        "dated": np.array(dated, dtype=np.int32).reshape(-1, 4),
    }


class OpenIndex:
    """Open/closed/unknown masks over catalogue positions ``0..n-1``."""

    def __init__(self, hours: Sequence[OpeningHours | None]) -> None:
        self._load(compile_hours(hours))

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> OpenIndex:
        """The index from :func:`compile_hours`'s arrays (as kept in the search snapshot)."""
        out = cls.__new__(cls)
        out._load(arrays)
        return out

    def _load(self, a: Mapping[str, np.ndarray]) -> None:
        self._holiday = np.asarray(a["holiday"], dtype=np.int8)  # 7: the date's own weekday
        self._eve = np.asarray(a["eve"], dtype=np.int8)
        self.size = n = len(self._holiday)
        known = np.asarray(a["known"], dtype=bool)
        ends = np.cumsum(np.asarray(a["rule_days"], dtype=np.int64))
        pos = np.asarray(a["rule_pos"], dtype=np.int64)
        span = np.asarray(a["rule_span"], dtype=np.int64).reshape(-1, 2)
        self._rules = [
            (pos[lo:hi], span[lo:hi, 0], span[lo:hi, 1])
            for lo, hi in zip([0, *ends[:-1].tolist()], ends.tolist(), strict=True)
        ]
        self._always_pos = np.asarray(a["always"], dtype=np.int64)
        # date → {position: [(opens, closes), ...]} (an empty list: closed that date)
        self._dated: dict[date, dict[int, list[tuple[int, int]]]] = {}
        for ordinal, pos, opens, closes in np.asarray(a["dated"]).reshape(-1, 4).tolist():
            spans = self._dated.setdefault(date.fromordinal(ordinal), {}).setdefault(pos, [])
            if opens >= 0:
                spans.append((opens, closes))
        self.unknown = bitset.from_array(np.flatnonzero(~known), n)
        self.always = bitset.from_array(self._always_pos, n)
        self._days: OrderedDict[date, Spans] = OrderedDict()
        self._cache: OrderedDict[tuple[object, ...], int] = OrderedDict()

    def _remember(self, key: tuple[object, ...], value: int) -> int:
        self._cache[key] = value
        if len(self._cache) > 64:
            self._cache.popitem(last=False)
        return value

    def day_spans(self, d: date) -> Spans:
        """UTC (start, end) minutes and positions of every open span that starts on date ``d``."""
        got = self._days.get(d)
        if got is not None:
            self._days.move_to_end(d)
            return got
        weekday = np.full(self.size, d.weekday(), dtype=np.int8)
        if is_public_holiday(d):
            weekday = np.where(self._holiday == 7, weekday, self._holiday)
        elif is_holiday_eve(d):
            weekday = np.where(self._eve == 7, weekday, self._eve)
        dated = self._dated.get(d, {})
        always = self._always_pos
        if dated:
            excepted = np.zeros(self.size, dtype=bool)
            excepted[list(dated)] = True
            weekday[excepted] = _NONE  # an exception replaces the day, always-open too
            always = always[~excepted[always]]
        pos_parts, open_parts, close_parts = [always], [np.zeros(len(always), np.int64)], []
        close_parts.append(open_parts[0])  # 00:00–00:00: the whole day
        for day in sorted({d.weekday(), 5, 6}):  # the only weekdays a date can use
            p, o, c = self._rules[day]
            keep = weekday[p] == day
            pos_parts.append(p[keep])
            open_parts.append(o[keep])
            close_parts.append(c[keep])
        if dated:
            extra = [(p, o, c) for p, spans in dated.items() for o, c in spans]
            if extra:
                p, o, c = (np.array(col, dtype=np.int64) for col in zip(*extra, strict=True))
                pos_parts.append(p)
                open_parts.append(o)
                close_parts.append(c)
        pos = np.concatenate(pos_parts)
        opens = np.concatenate(open_parts)
        closes = np.concatenate(close_parts)
        # local (day offset, minute) → UTC minute, once per distinct wall-clock value
        local = np.concatenate([opens, np.where(closes <= opens, 1440, 0) + closes])
        table = np.zeros(2 * 1440 + 1, dtype=np.int64)  # no sort: a table of 2,881 minutes
        seen = np.zeros(len(table), dtype=bool)
        seen[local] = True
        for v in np.flatnonzero(seen).tolist():
            table[v] = _utc_minute(d + timedelta(days=v // 1440), v % 1440)
        utc = table[local]
        start, end = utc[: len(pos)], utc[len(pos) :]
        keep = end > start  # a span entirely inside the spring-forward gap does not exist
        out = (start[keep], end[keep], pos[keep])
        self._days[d] = out
        if len(self._days) > 16:
            self._days.popitem(last=False)
        return out

    def open_at(self, at: datetime) -> int:
        """Mask of services open at ``at`` (unknown hours are not in it)."""
        minute = int(at.timestamp() // 60)  # UTC minutes: the repeated autumn hour differs
        key = ("at", minute)
        if key in self._cache:
            return self._cache[key]
        today = at.astimezone(TZ).date()
        hits = []
        for d in (today - timedelta(days=1), today):
            start, end, pos = self.day_spans(d)
            hits.append(pos[(start <= minute) & (end > minute)])
        return self._remember(key, bitset.from_array(np.concatenate(hits), self.size))

    def open_between(self, start: datetime, end: datetime) -> int:
        """Mask of services open at any moment in ``[start, end)`` ("open tonight")."""
        s_local, e_local = start.astimezone(TZ), end.astimezone(TZ)
        # a span starting at 22:01 is open before an end of 22:01:00.000001: round the end up
        e_ceil = 1 if (e_local.second or e_local.microsecond) else 0
        key = ("between", s_local.replace(second=0, microsecond=0), end.timestamp() // 60 + e_ceil)
        if key in self._cache:
            return self._cache[key]
        s_utc, e_utc = start.timestamp() / 60, end.timestamp() / 60
        hits = []
        d, last = s_local.date() - timedelta(days=2), e_local.date()
        while d <= last:
            s, e, pos = self.day_spans(d)
            hits.append(pos[(s < e_utc) & (e > s_utc)])
            d += timedelta(days=1)
        return self._remember(key, bitset.from_array(np.concatenate(hits), self.size))
