"""Opening hours from HSDS schedules: weekly rules and dated exceptions of the pack.

Why: HSDS spreads hours over ``schedule`` (RRULE-like: freq, byday, opens_at/closes_at;
2.x ``weekday`` rows) and ``holiday_schedule`` (date spans, closed or open with times), and
other tools write days and times in many ways. Rows we cannot read as either are left out
and counted in the warnings; rows that look meant but are wrong (25:99, 31 February) are
problems naming the row and column.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from kompassen.catalogue.hsds.keys import RowChecks
from kompassen.catalogue.hsds.problems import Problems, Provenance, Warnings
from kompassen.catalogue.hsds.tables import TableData

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PACK_DAYS = dict(zip(_DAY_CODES, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), strict=True))
_DAY_NAMES = {
    **{c.lower(): c for c in _DAY_CODES},
    **dict(
        zip(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            _DAY_CODES,
            strict=True,
        )
    ),
    **dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), _DAY_CODES, strict=True)),
    **dict(
        zip(
            ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
            _DAY_CODES,
            strict=False,
        )
    ),
    **dict(zip(("mån", "tis", "ons", "tors", "fre", "lör", "sön"), _DAY_CODES, strict=True)),
    **{str(i + 1): c for i, c in enumerate(_DAY_CODES)},  # ISO 8601: 1 = Monday
}
_TRUE = {"true", "1", "yes", "ja", "y"}
_CLOSED = frozenset({"closed", "stängt", "stängd", "stangt", "-", "–", "—", "x"})
_LOOSE_TIME = re.compile(
    r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.,h]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?$", re.IGNORECASE
)
_RANGE = re.compile(r"^\s*(.+?)\s*(?:-|–|—|\btill\b|\bto\b)\s*(.+?)\s*$")
_DAY_SETS = {
    "daily": list(_DAY_CODES),
    "dagligen": list(_DAY_CODES),
    "alla dagar": list(_DAY_CODES),
    "every day": list(_DAY_CODES),
    "weekdays": list(_DAY_CODES[:5]),
    "vardagar": list(_DAY_CODES[:5]),
    "weekends": list(_DAY_CODES[5:]),
    "helger": list(_DAY_CODES[5:]),
}
MAX_EXCEPTION_DAYS = 62


# ("weekly", rule) or ("exception", exc) of a service, with the row it came from
Entry = tuple[str, Any, tuple[TableData, int]]
# the service a schedule row belongs to (directly or via service_at_location), None if none
ServiceOf = Callable[[TableData, int, dict[str, str]], str | None]


def parse_time(value: str) -> str | None:
    """HH:MM from HH:MM, HH:MM:SS or with a zone suffix (read as local time); None if bad."""
    m = _TIME.match(value)
    if not m:
        return None
    h, mi, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if (h, mi, sec) == (23, 59, 59):
        return "24:00"
    if h > 24 or mi > 59 or sec > 59 or (h == 24 and (mi or sec)):
        return None
    return f"{h:02d}:{mi:02d}"


def loose_time(value: str) -> str | None:
    """The one obvious HH:MM of ``9:00am``, ``9am``, ``0900``, ``9.00``, ``kl. 9``; None if
    there is none (``25:99``, ``9-ish``)."""
    m = _LOOSE_TIME.match(value.strip())
    if not m:
        return None
    digits, minutes, half = m.group(1), m.group(2), (m.group(3) or "").lower()[:1]
    if minutes is None and len(digits) > 2:
        return None
    h, mi = int(digits), int(minutes or 0)
    if half:
        if not 1 <= h <= 12:
            return None
        h = (0 if h == 12 else h) + (12 if half == "p" else 0)
    if h > 24 or mi > 59 or (h == 24 and mi):
        return None
    return f"{h:02d}:{mi:02d}"


def _hhmm(value: str) -> str | None:
    """``0900`` / ``900`` as 09:00 (the 3-4 digit form ``_LOOSE_TIME`` cannot split)."""
    v = value.strip()
    if v.isdigit() and len(v) in (3, 4):
        return loose_time(f"{v[:-2]}:{v[-2:]}")
    return loose_time(v)


def parse_date(value: str) -> date | None:
    """A YYYY-MM-DD date that exists; None otherwise."""
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class Schedules:
    """Reads the schedule tables of one import run; problems and warnings go to the run."""

    def __init__(self, problems: Problems, checks: RowChecks, warnings: Warnings) -> None:
        self.problems = problems
        self.checks = checks
        self.warnings = warnings

    def read(
        self, schedule: TableData | None, holiday: TableData | None, service_of: ServiceOf
    ) -> dict[str, list[Entry]]:
        """Per service: ("weekly", rule) and ("exception", exc) in file order."""
        out: dict[str, list[Entry]] = defaultdict(list)
        skipped = 0
        for data in (schedule, holiday):
            if data is None:
                continue
            self.checks.ids(data, False)
            for row_no, row in data.rows:
                sid = service_of(data, row_no, row)
                if sid is None:
                    if not row.get("service_id") and not row.get("service_at_location_id"):
                        skipped += 1
                    continue
                entries = self._row(data, row_no, row, data is holiday)
                if entries is None:
                    skipped += 1
                    continue
                out[sid].extend((kind, item, (data, row_no)) for kind, item in entries)
        if skipped:
            self.warnings.add(
                f"{skipped} schemarader kunde inte läsas som veckotider eller datumundantag för "
                "en tjänst och lämnades utanför.",
                f"{skipped} schedule rows could not be read as weekly hours or dated exceptions "
                "of a service and were left out.",
            )
        return out

    def _times(
        self, data: TableData, row_no: int, row: dict[str, str]
    ) -> tuple[str | None, str | None, bool]:
        ok = True
        raws = {c: row.get(c, "") for c in ("opens_at", "closes_at")}
        raw_open = raws["opens_at"]
        if raw_open and not raws["closes_at"] and parse_time(raw_open) is None:
            span = _RANGE.match(raw_open)
            if span and _hhmm(span.group(1)) and _hhmm(span.group(2)):
                if not self.problems.repair(
                    data,
                    row_no,
                    "opens_at",
                    f"”{raw_open}” är ett tidsintervall; läses som opens_at {span.group(1)}, "
                    f"closes_at {span.group(2)}.",
                    f"'{raw_open}' is a time range; read as opens_at {span.group(1)}, "
                    f"closes_at {span.group(2)}.",
                ):
                    return None, None, False
                raws = {"opens_at": span.group(1), "closes_at": span.group(2)}
        result: list[str | None] = []
        for col, raw in raws.items():
            if not raw:
                result.append(None)
                continue
            t = parse_time(raw)
            if t is None and raw.lower() in _CLOSED:
                if self.problems.repair(
                    data,
                    row_no,
                    col,
                    f"”{raw}” är ingen tid; läses som en stängd dag.",
                    f"'{raw}' is not a time; read as a closed day.",
                ):
                    return None, None, True
                ok = False
            elif t is None and (loose := _hhmm(raw)) is not None:
                if self.problems.repair(
                    data,
                    row_no,
                    col,
                    f"”{raw}” är inte TT:MM; läses som {loose}.",
                    f"'{raw}' is not HH:MM; read as {loose}.",
                ):
                    t = loose
                else:
                    ok = False
            elif t is None:
                ok = False
                self.problems.add(
                    data,
                    row_no,
                    col,
                    f"Fel tidsformat ”{raw}” (TT:MM, t.ex. 09:30).",
                    f"Bad time format '{raw}' (HH:MM, e.g. 09:30).",
                )
            result.append(t)
        return result[0], result[1], ok

    def _row(
        self, data: TableData, row_no: int, row: dict[str, str], holiday: bool
    ) -> list[tuple[str, Any]] | None:
        opens, closes, ok = self._times(data, row_no, row)
        if not ok:
            return []
        byday = row.get("byday", "")
        weekday = row.get("weekday", "")
        freq = row.get("freq", "").upper()
        if not holiday and (byday or weekday or freq == "DAILY"):
            if freq not in ("", "WEEKLY", "DAILY"):
                return None
            days = self._days(data, row_no, "byday" if byday else "weekday", byday or weekday)
            if freq == "DAILY" and not (byday or weekday):
                days = list(_DAY_CODES)
            if days is None:
                return []
            if (
                opens is None
                and closes is None
                and (
                    row.get("closed", "").lower() in _TRUE
                    or any(row.get(c, "").lower() in _CLOSED for c in ("opens_at", "closes_at"))
                )
            ):
                return []  # a closed day: no weekly rule
            if opens is None or closes is None:
                return None
            return [
                (
                    "weekly",
                    {"days": [_PACK_DAYS[d] for d in days], "opens": opens, "closes": closes},
                )
            ]
        start_col = "start_date" if holiday else "valid_from"
        end_col = "end_date" if holiday else "valid_to"
        start_raw = row.get(start_col, "")
        if not start_raw:
            return None
        start = parse_date(start_raw)
        end_raw = row.get(end_col, "") or start_raw
        end = parse_date(end_raw)
        for col, raw, val in ((start_col, start_raw, start), (end_col, end_raw, end)):
            if val is None:
                self.problems.add(
                    data,
                    row_no,
                    col,
                    f"”{raw}” är inget datum (ÅÅÅÅ-MM-DD).",
                    f"'{raw}' is not a date (YYYY-MM-DD).",
                )
                return []
        assert start is not None and end is not None
        span = (end - start).days
        if span < 0 or span >= MAX_EXCEPTION_DAYS:
            self.problems.add(
                data,
                row_no,
                end_col,
                f"Perioden måste vara 1–{MAX_EXCEPTION_DAYS} dagar.",
                f"The period must be 1–{MAX_EXCEPTION_DAYS} days.",
            )
            return []
        closed = row.get("closed", "").lower() in _TRUE or (opens is None and closes is None)
        if not closed and (opens is None or closes is None):
            self.problems.add(
                data,
                row_no,
                "opens_at/closes_at",
                "Ett öppet undantag behöver både opens_at och closes_at.",
                "An open exception needs both opens_at and closes_at.",
            )
            return []
        out = []
        for i in range(span + 1):
            exc: dict[str, Any] = {"date": (start + timedelta(days=i)).isoformat()}
            if closed:
                exc["closed"] = True
            else:
                exc["opens"], exc["closes"] = opens, closes
            if row.get("notes"):
                exc["note"] = row["notes"]
            out.append(("exception", exc))
        return out

    def _days(self, data: TableData, row_no: int, col: str, raw: str) -> list[str] | None:
        days: list[str] = []
        bad = None
        words = raw.strip().lower()
        if words in _DAY_SETS:
            if not self.problems.repair(
                data,
                row_no,
                col,
                f"”{raw}” läses som veckodagarna {','.join(_DAY_SETS[words])}.",
                f"'{raw}' is read as the weekdays {','.join(_DAY_SETS[words])}.",
            ):
                return None
            return list(_DAY_SETS[words])
        joined = re.sub(r"\s*(?:[-–—]|\b(?:till|to)\b)\s*", "-", raw.strip(), flags=re.I)
        for part in re.split(r"[,;/\s]+", joined):
            part = part.strip()
            if not part:
                continue
            code = _DAY_NAMES.get(part.lower().rstrip("."))
            if code is not None:
                if code not in days:
                    days.append(code)
                continue
            span = _RANGE.match(part)
            first = _DAY_NAMES.get(span.group(1).lower().rstrip(".")) if span else None
            last = _DAY_NAMES.get(span.group(2).lower().rstrip(".")) if span else None
            if first is None or last is None:
                bad = part
                break
            i, j = _DAY_CODES.index(first), _DAY_CODES.index(last)
            run = [_DAY_CODES[(i + k) % 7] for k in range((j - i) % 7 + 1)]
            if not self.problems.repair(
                data,
                row_no,
                col,
                f"Dagintervallet ”{part}” läses som {','.join(run)}.",
                f"The day range '{part}' is read as {','.join(run)}.",
            ):
                return None
            days.extend(d for d in run if d not in days)
        if bad is not None:
            self.problems.add(
                data,
                row_no,
                col,
                f"Okänd veckodag ”{bad}” (MO–SU, Monday, 1 = måndag … 7 = söndag).",
                f"Unknown weekday '{bad}' (MO–SU, Monday, 1 = Monday … 7 = Sunday).",
            )
            return None
        return sorted(days, key=_DAY_CODES.index) if days else None


def pack_hours(
    ext: dict[str, Any], rows: list[Entry], index: int, prov: Provenance
) -> dict[str, Any] | None:
    """The ``hours`` of service number ``index`` (None: unknown) from its rows and extension."""
    has_ext = "hours_known" in ext
    h_ext: dict[str, Any] = ext["hours"] if isinstance(ext.get("hours"), dict) else {}
    known = bool(ext.get("hours_known")) or bool(rows) if has_ext else bool(rows)
    if not known:
        return None
    weekly = [(item, src) for kind, item, src in rows if kind == "weekly"]
    exceptions = [(item, src) for kind, item, src in rows if kind == "exception"]
    all_day = [
        i
        for i, (r, _) in enumerate(weekly)
        if len(r["days"]) == 7
        and r["opens"] == "00:00"
        and r["closes"] in ("24:00", "00:00", "23:59")
    ]
    always = False
    if has_ext:
        if h_ext.get("always_open") is True and all_day:
            always = True
            del weekly[all_day[0]]
    elif all_day and len(weekly) == 1:
        always = True
        weekly = []
    hours: dict[str, Any] = {}
    if always:
        hours["always_open"] = True
    if weekly:
        hours["weekly"] = [r for r, _ in weekly]
        for j, (_, src) in enumerate(weekly):
            prov.note(f"/services/{index}/hours/weekly/{j}", src)
    if h_ext.get("holidays") in ("closed", "as-sunday", "normal"):
        hours["holidays"] = h_ext["holidays"]
    if h_ext.get("holiday_eves") in ("closed", "as-saturday", "normal"):
        hours["holiday_eves"] = h_ext["holiday_eves"]
    if exceptions:
        hours["exceptions"] = [e for e, _ in exceptions]
        for j, (_, src) in enumerate(exceptions):
            prov.note(f"/services/{index}/hours/exceptions/{j}", src)
    if isinstance(h_ext.get("note"), str) and h_ext["note"]:
        hours["note"] = h_ext["note"]
    return hours
