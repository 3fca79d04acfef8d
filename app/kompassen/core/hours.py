"""Opening hours of services, evaluated in Europe/Stockholm wall-clock time.

Pure domain logic: no I/O and no clock. Every function takes the instant to evaluate,
so results are reproducible in tests and in the offline app.

Semantics (kept in one place so the UI, reports and tests agree):

* Rules are local wall-clock times. ``closes <= opens`` means the span runs past midnight
  into the next day; ``00:00–00:00`` is the whole day. A closing time of ``time(0, 0)`` is
  the end of the day, which is how ``"24:00"`` is stored (and written back as ``"24:00"``).
* A span belongs to the calendar date it *starts* on. Which spans start on a date is decided
  in this order: date exception > public-holiday policy > holiday-eve policy > weekly rules.
  So Sat 22:00–06:00 keeps running into a Sunday holiday with policy ``"closed"``, and a
  holiday closure only removes the spans that would have started on the holiday.
* ``always_open`` means open around the clock on every day; holiday policies do not apply to
  it, but date exceptions still do (e.g. a 24/7 shelter closed for one evacuation day).
* Public holidays are the official Swedish ones (``holidays`` package, Sundays *not*
  counted). Julafton, nyårsafton, midsommarafton and påskafton are *eves* (from the same
  package's "de facto" and "optional" categories), governed by ``holiday_eves``, never by
  ``holidays``.
* DST: a local time that does not exist (02:30 on spring-forward day) is read with the offset
  before the gap, i.e. it moves forward one hour (as RFC 5545 does). A repeated local time
  (autumn) means its first occurrence. All arithmetic and comparison is done in UTC.
* Intervals are half-open: open at the opening instant, closed at the closing instant.
* ``None`` stands for "hours unknown"; unknown is never reported as closed.

Datetimes returned are aware and in Europe/Stockholm. Python compares and subtracts two
datetimes that share a tzinfo by wall clock, so convert to UTC before doing duration maths
around the autumn change.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Stockholm")
MIDNIGHT = time(0, 0)

HolidayPolicy = Literal["closed", "as-sunday", "normal"]
EvePolicy = Literal["closed", "as-saturday", "normal"]
State = Literal["open", "closed", "unknown", "always"]

HOLIDAY_POLICIES: tuple[str, ...] = ("closed", "as-sunday", "normal")
EVE_POLICIES: tuple[str, ...] = ("closed", "as-saturday", "normal")

DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ABBR = {
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_DAY_NAME = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTH_ABBR = {
    "sv": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_TEXTS = {
    "sv": {
        "always": "Öppet dygnet runt",
        "until": "Öppet till {t}",
        "closes_in": "Stänger om {n} min",
        "opens": "Öppnar {t}",
        "opens_tomorrow": "Öppnar i morgon {t}",
        "closed": "Stängt",
        "unknown": "Öppettider okända",
    },
    "en": {
        "always": "Open 24/7",
        "until": "Open until {t}",
        "closes_in": "Closes in {n} min",
        "opens": "Opens {t}",
        "opens_tomorrow": "Opens tomorrow {t}",
        "closed": "Closed",
        "unknown": "Opening hours unknown",
    },
}
# The eves the app knows, by the holidays package's Swedish name → (sv, en) as the app shows them
_EVE_NAMES = {
    "Julafton": ("Julafton", "Christmas Eve"),
    "Nyårsafton": ("Nyårsafton", "New Year's Eve"),
    "Midsommarafton": ("Midsommarafton", "Midsummer Eve"),
    "Påskafton": ("Påskafton", "Holy Saturday"),
}

#: "Stänger om N min" is shown when closing is at most this many real minutes away.
CLOSING_SOON_MIN = 60


def _lang(lang: str) -> str:
    """Accept "sv", "en", "sv_SE", "en-GB"… so UI locale strings can be passed straight in."""
    base = lang.replace("-", "_").split("_")[0].lower()
    if base not in ("sv", "en"):
        raise ValueError(f"unsupported language {lang!r}; use 'sv' or 'en'")
    return base


# --------------------------------------------------------------------------- data model


def _check_time(t: time, what: str) -> None:
    """Times are naive wall-clock values at minute resolution (that is all the format holds)."""
    if not isinstance(t, time):
        raise TypeError(f"{what} must be a datetime.time, got {type(t).__name__}")
    if t.tzinfo is not None or t.second or t.microsecond:
        raise ValueError(f"{what} must be a naive time with whole minutes, got {t!r}")


@dataclass(frozen=True, slots=True)
class WeeklyRule:
    """A span repeated every week on the given weekdays (0=Monday … 6=Sunday)."""

    days: frozenset[int]
    opens: time
    closes: time

    def __post_init__(self) -> None:
        if not self.days or any(not isinstance(d, int) or not 0 <= d <= 6 for d in self.days):
            raise ValueError(f"days must be a non-empty set of 0..6, got {sorted(self.days)!r}")
        _check_time(self.opens, "opens")
        _check_time(self.closes, "closes")


@dataclass(frozen=True, slots=True)
class DateException:
    """Replaces the weekly rules for one calendar date (several may share a date: spans add up)."""

    day: date
    closed: bool
    opens: time | None = None
    closes: time | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValueError(f"exception {self.day}: opens and closes are required unless closed")
        if self.opens is not None:
            _check_time(self.opens, "opens")
        if self.closes is not None:
            _check_time(self.closes, "closes")


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Everything known about when a service is open; ``None`` instead of this means unknown."""

    rules: tuple[WeeklyRule, ...] = ()
    always_open: bool = False
    holidays: str = "normal"
    holiday_eves: str = "normal"
    exceptions: tuple[DateException, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if self.holidays not in HOLIDAY_POLICIES:
            raise ValueError(f"holidays must be one of {HOLIDAY_POLICIES}, got {self.holidays!r}")
        if self.holiday_eves not in EVE_POLICIES:
            raise ValueError(
                f"holiday_eves must be one of {EVE_POLICIES}, got {self.holiday_eves!r}"
            )

    @property
    def known(self) -> bool:
        """False for hours that only carry a note or exceptions: that is "unknown", not "closed".

        Sources often say "evenings and weekends" without clock times; such a record keeps the
        source's words in ``note`` and must never be shown as closed.
        """
        return self.always_open or bool(self.rules)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OpeningHours:
        """Read the area-pack JSON shape; raises ValueError on malformed input."""
        if not isinstance(d, dict):
            raise ValueError("opening hours must be a JSON object")
        rules = []
        for i, r in enumerate(d.get("weekly", [])):
            try:
                days = frozenset(DAY_KEYS.index(str(k).lower()) for k in r["days"])
            except ValueError as exc:
                raise ValueError(f"weekly[{i}]: unknown day in {r.get('days')!r}") from exc
            except (KeyError, TypeError) as exc:
                raise ValueError(f"weekly[{i}]: needs 'days', 'opens' and 'closes'") from exc
            rules.append(
                WeeklyRule(
                    days=days,
                    opens=parse_time(_req(r, "opens", f"weekly[{i}]")),
                    closes=parse_time(_req(r, "closes", f"weekly[{i}]"), closing=True),
                )
            )
        exceptions = []
        for i, e in enumerate(d.get("exceptions", [])):
            where = f"exceptions[{i}]"
            try:
                day = date.fromisoformat(_req(e, "date", where))
            except ValueError as exc:
                raise ValueError(f"{where}: bad date {e.get('date')!r}") from exc
            opens = e.get("opens")
            closes = e.get("closes")
            exceptions.append(
                DateException(
                    day=day,
                    closed=bool(e.get("closed", False)),
                    opens=None if opens is None else parse_time(opens),
                    closes=None if closes is None else parse_time(closes, closing=True),
                    note=str(e.get("note", "")),
                )
            )
        return cls(
            rules=tuple(rules),
            always_open=bool(d.get("always_open", False)),
            holidays=str(d.get("holidays", "normal")),
            holiday_eves=str(d.get("holiday_eves", "normal")),
            exceptions=tuple(exceptions),
            note=str(d.get("note", "")),
        )

    def to_dict(self) -> dict[str, Any]:
        """Write the area-pack JSON shape; a closing midnight is written as "24:00"."""
        exceptions: list[dict[str, Any]] = []
        for e in self.exceptions:
            item: dict[str, Any] = {"date": e.day.isoformat(), "closed": e.closed}
            if e.opens is not None:
                item["opens"] = format_time(e.opens)
            if e.closes is not None:
                item["closes"] = format_time(e.closes, closing=True)
            if e.note:
                item["note"] = e.note
            exceptions.append(item)
        return {
            "always_open": self.always_open,
            "weekly": [
                {
                    "days": [DAY_KEYS[i] for i in sorted(r.days)],
                    "opens": format_time(r.opens),
                    "closes": format_time(r.closes, closing=True),
                }
                for r in self.rules
            ],
            "holidays": self.holidays,
            "holiday_eves": self.holiday_eves,
            "exceptions": exceptions,
            "note": self.note,
        }


def _req(obj: Any, key: str, where: str) -> Any:
    """Fetch a required key with an error message that points at the offending entry."""
    if not isinstance(obj, dict) or key not in obj:
        raise ValueError(f"{where}: missing {key!r}")
    return obj[key]


def parse_time(s: str, closing: bool = False) -> time:
    """Parse "HH:MM"; "24:00" is accepted only as a closing time and becomes time(0, 0)."""
    if not isinstance(s, str) or len(s) != 5 or s[2] != ":":
        raise ValueError(f"time must be 'HH:MM', got {s!r}")
    hh, mm = s[:2], s[3:]
    if not (hh.isdigit() and mm.isdigit()):
        raise ValueError(f"time must be 'HH:MM', got {s!r}")
    h, m = int(hh), int(mm)
    if h == 24 and m == 0:
        if not closing:
            raise ValueError("'24:00' is only valid as a closing time")
        return MIDNIGHT
    if h > 23 or m > 59:
        raise ValueError(f"time out of range: {s!r}")
    return time(h, m)


def format_time(t: time, closing: bool = False) -> str:
    """Format as "HH:MM"; a closing midnight is "24:00" so the day's end reads naturally."""
    if closing and t == MIDNIGHT:
        return "24:00"
    return f"{t.hour:02d}:{t.minute:02d}"


# --------------------------------------------------------------------------- calendar


def package_calendar(year: int, categories: tuple[str, ...], language: str) -> dict[date, str]:
    """One year of the ``holidays`` package's Swedish calendar, Sundays not counted."""
    # Imported on first use, not at start-up: it loads every country module (~150 ms).
    from holidays.countries.sweden import Sweden

    cal = Sweden(years=year, categories=categories, include_sundays=False, language=language)
    return dict(cal)  # two on one date: "Första maj; Kristi himmelsfärdsdag" (2008)


CalendarSource = Callable[[int, tuple[str, ...], str], dict[date, str]]
_calendar: CalendarSource = package_calendar


def use_calendar(source: CalendarSource | None) -> None:
    """Take the package's answers from ``source`` (None: the package itself).

    The composition root installs one that keeps them in a file, so a one-shot command
    (``kompassen search``) knows that today is an ordinary day without importing the package.
    ``source`` must give exactly what :func:`package_calendar` gives.
    """
    global _calendar
    _calendar = source or package_calendar
    _eves.cache_clear()
    _public_holidays.cache_clear()


def _sweden(year: int, categories: tuple[str, ...], language: str) -> dict[date, str]:
    return _calendar(year, categories, language)


@lru_cache(maxsize=64)
def _eves(year: int) -> dict[date, str]:
    """The four eves that Swedish services treat like Saturdays or close on → their sv name.

    Midsommarafton, julafton and nyårsafton are the package's "de facto" holidays; påskafton
    is in its "optional" category, beside days no service treats as an eve (klämdag,
    trettondagsafton…), hence the pick by name.
    """
    cal = _sweden(year, ("de_facto", "optional"), "sv")
    return {d: n for d, names in cal.items() for n in names.split("; ") if n in _EVE_NAMES}


@lru_cache(maxsize=64)
def _public_holidays(year: int, lang: str) -> dict[date, str]:
    """Official Swedish public holidays (röda dagar), without the "every Sunday" convention."""
    cal = _sweden(year, ("public",), "sv" if lang == "sv" else "en_US")
    eves = _eves(year)
    # Eves are never holidays for our policies, even if a package version lists them.
    return {d: name for d, name in cal.items() if d not in eves}


def is_public_holiday(d: date) -> bool:
    """True on a Swedish public holiday (röd dag), Sundays excluded unless they are one."""
    return d in _public_holidays(d.year, "sv")


def is_holiday_eve(d: date) -> bool:
    """True on julafton, nyårsafton, midsommarafton and påskafton."""
    return d in _eves(d.year)


def holiday_name(d: date, lang: str = "sv") -> str | None:
    """Name of the public holiday or eve on d, for display; None on ordinary days."""
    lang = _lang(lang)
    eve = _eves(d.year).get(d)
    if eve is not None:
        return _EVE_NAMES[eve][lang == "en"]
    return _public_holidays(d.year, lang).get(d)


# --------------------------------------------------------------------------- evaluation


def _day_spans(hours: OpeningHours, d: date) -> list[tuple[time, time]]:
    """Wall-clock (opens, closes) spans that start on date d, after exceptions and policies."""
    exceptions = [e for e in hours.exceptions if e.day == d]
    if exceptions:
        return sorted(
            (e.opens, e.closes)
            for e in exceptions
            if not e.closed and e.opens is not None and e.closes is not None
        )
    if hours.always_open:
        return [(MIDNIGHT, MIDNIGHT)]
    weekday = d.weekday()
    if is_public_holiday(d):
        if hours.holidays == "closed":
            return []
        if hours.holidays == "as-sunday":
            weekday = 6
    elif is_holiday_eve(d):
        if hours.holiday_eves == "closed":
            return []
        if hours.holiday_eves == "as-saturday":
            weekday = 5
    return sorted((r.opens, r.closes) for r in hours.rules if weekday in r.days)


def _local_to_utc(d: date, t: time) -> datetime:
    """Wall clock → instant; fold=0 moves gap times forward and picks the first repeat."""
    return datetime.combine(d, t).replace(tzinfo=TZ).astimezone(UTC)


def _to_utc(at: datetime) -> datetime:
    """Naive datetimes are Stockholm wall-clock time (their fold attribute is respected)."""
    if at.tzinfo is None or at.utcoffset() is None:
        at = at.replace(tzinfo=TZ)
    return at.astimezone(UTC)


def _utc_intervals(hours: OpeningHours, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """Merged UTC intervals of all spans that start on first..last (inclusive)."""
    raw: list[tuple[datetime, datetime]] = []
    d = first
    while d <= last:
        for opens, closes in _day_spans(hours, d):
            end_day = d + timedelta(days=1) if closes <= opens else d
            start, end = _local_to_utc(d, opens), _local_to_utc(end_day, closes)
            if end > start:  # a span entirely inside the spring-forward gap does not exist
                raw.append((start, end))
        d += timedelta(days=1)
    raw.sort()
    merged: list[tuple[datetime, datetime]] = []
    for start, end in raw:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def is_open(hours: OpeningHours | None, at: datetime) -> bool | None:
    """Whether the service is open at the instant; None when hours are unknown."""
    if hours is None or not hours.known:
        return None
    at_u = _to_utc(at)
    today = at_u.astimezone(TZ).date()
    return any(s <= at_u < e for s, e in _utc_intervals(hours, today - timedelta(days=1), today))


def open_intervals(
    hours: OpeningHours | None, start: date, end: date
) -> list[tuple[datetime, datetime]] | None:
    """Open time within local dates start..end (both inclusive), clipped to that window.

    Touching or overlapping spans are merged, so a 24/7 service is one interval. Returns
    None when hours are unknown (an empty list would wrongly mean "closed").
    """
    if hours is None or not hours.known:
        return None
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    lo = _local_to_utc(start, MIDNIGHT)
    hi = _local_to_utc(end + timedelta(days=1), MIDNIGHT)
    result = []
    for s, e in _utc_intervals(hours, start - timedelta(days=1), end):
        s, e = max(s, lo), min(e, hi)
        if s < e:
            result.append((s.astimezone(TZ), e.astimezone(TZ)))
    return result


def next_change(
    hours: OpeningHours | None, at: datetime, horizon_days: int = 14
) -> datetime | None:
    """Next instant strictly after ``at`` when it opens (if closed) or closes (if open).

    None when hours are unknown, or nothing changes within ``horizon_days`` real days
    (which includes services that are always open).
    """
    if hours is None or not hours.known:
        return None
    at_u = _to_utc(at)
    limit = at_u + timedelta(days=horizon_days)
    today = at_u.astimezone(TZ).date()
    # One extra day past the horizon: spans starting later begin after `limit`, so any
    # boundary found at or before `limit` is final.
    for s, e in _utc_intervals(
        hours, today - timedelta(days=1), today + timedelta(days=horizon_days + 1)
    ):
        if e <= at_u:
            continue
        change = e if s <= at_u else s
        return change.astimezone(TZ) if change <= limit else None
    return None


@dataclass(frozen=True, slots=True)
class OpenStatus:
    """What the list row shows: state plus a ready-made short text.

    ``closes_at`` is set when open, ``opens_at`` when closed (each None if beyond horizon).
    """

    state: State
    closes_at: datetime | None
    opens_at: datetime | None
    text: str


def _when(moment: datetime, at_u: datetime, lang: str) -> tuple[int, str]:
    """(local day offset from `at`, day label) — label is "" today, weekday or date later."""
    local = moment.astimezone(TZ)
    days = (local.date() - at_u.astimezone(TZ).date()).days
    if days <= 1:
        return days, ""
    if days < 7:
        return days, _DAY_ABBR[lang][local.weekday()]
    return days, f"{local.day} {_MONTH_ABBR[lang][local.month - 1]}"


def status(
    hours: OpeningHours | None, at: datetime, lang: str = "sv", horizon_days: int = 14
) -> OpenStatus:
    """Summarise opening state at ``at`` for display, in Swedish or English."""
    lang = _lang(lang)
    texts = _TEXTS[lang]
    if hours is None or not hours.known:
        return OpenStatus("unknown", None, None, texts["unknown"])
    at_u = _to_utc(at)
    change = next_change(hours, at_u, horizon_days)
    if is_open(hours, at_u):
        if change is None:
            return OpenStatus("always", None, None, texts["always"])
        minutes = math.ceil((change.astimezone(UTC) - at_u).total_seconds() / 60)
        if minutes <= CLOSING_SOON_MIN:
            text = texts["closes_in"].format(n=minutes)
        elif change.astimezone(UTC) - at_u < timedelta(hours=24):
            text = texts["until"].format(t=format_time(change.timetz(), closing=True))
        else:
            _, label = _when(change, at_u, lang)
            label = label or _DAY_ABBR[lang][change.weekday()]
            text = texts["until"].format(t=f"{label} {format_time(change.timetz())}")
        return OpenStatus("open", change, None, text)
    if change is None:
        return OpenStatus("closed", None, None, texts["closed"])
    days, label = _when(change, at_u, lang)
    hhmm = format_time(change.timetz())
    if days == 0:
        text = texts["opens"].format(t=hhmm)
    elif days == 1:
        text = texts["opens_tomorrow"].format(t=hhmm)
    else:
        text = texts["opens"].format(t=f"{label} {hhmm}")
    return OpenStatus("closed", None, change, text)


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One row of the weekly table on the detail screen.

    ``spans`` are the spans *starting* that day ("22:00–06:00" runs into the next day).
    ``unknown`` is True when hours are unknown; then ``closed`` is False and spans empty.
    """

    day: date
    weekday: str
    spans: tuple[str, ...]
    holiday: str | None
    closed: bool
    note: str = ""
    unknown: bool = False


def week_summary(hours: OpeningHours | None, week_of: date, lang: str = "sv") -> list[DaySummary]:
    """Monday–Sunday of the week containing ``week_of``, with holidays and exceptions applied."""
    lang = _lang(lang)
    monday = week_of - timedelta(days=week_of.weekday())
    rows = []
    for i in range(7):
        d = monday + timedelta(days=i)
        name = _DAY_NAME[lang][i]
        hol = holiday_name(d, lang)
        if hours is None or not hours.known:
            rows.append(DaySummary(d, name, (), hol, closed=False, unknown=True))
            continue
        spans = tuple(
            f"{format_time(o)}–{format_time(c, closing=True)}" for o, c in _day_spans(hours, d)
        )
        note = "; ".join(e.note for e in hours.exceptions if e.day == d and e.note)
        rows.append(DaySummary(d, name, spans, hol, closed=not spans, note=note))
    return rows
