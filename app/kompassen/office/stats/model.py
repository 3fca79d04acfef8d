"""What the statistics are asked for: a period of days and the filters around it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from kompassen.core.suppression import THRESHOLD


@dataclass(frozen=True, slots=True)
class Period:
    """Days ``start`` .. ``end``, both included (Stockholm calendar days)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind right before: the previous month, quarter or year for
        calendar periods, else the same number of days right before."""
        s, e = self.start, self.end
        if s.day == 1 and e == _month_end(e.year, e.month):
            months = (e.year - s.year) * 12 + e.month - s.month + 1
            y, m = s.year, s.month - months
            while m < 1:
                m += 12
                y -= 1
            end = s - timedelta(days=1)
            return Period(date(y, m, 1), end)
        return Period(s - timedelta(days=self.days), s - timedelta(days=1))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def label(self, lang: str = "sv") -> str:
        """The period in words, e.g. ``2026-11-01 – 2026-11-30``."""
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), _month_end(year, month))

    @classmethod
    def week(cls, day: date) -> Period:
        """The ISO week (Monday–Sunday) holding ``day``."""
        start = day - timedelta(days=day.weekday())
        return cls(start, start + timedelta(days=6))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError("a quarter is 1..4")
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def last_days(cls, today: date, n: int) -> Period:
        """The ``n`` days ending with ``today``."""
        if n < 1:
            raise ValueError("at least one day")
        return cls(today - timedelta(days=n - 1), today)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class StatsFilter:
    """The area, the period, whether to compare with the previous period, and the threshold."""

    area_id: str
    period: Period
    compare: bool = True
    threshold: int = THRESHOLD

    def words(self, lang: str = "sv") -> list[str]:
        """The filters in words, one a line (CSV headers, the lägesrapport)."""
        sv = lang != "en"
        p = self.period
        out = [
            ("Område: " if sv else "Area: ") + self.area_id,
            "Period: " + p.label(lang),
        ]
        if self.compare:
            q = p.previous()
            out.append(("Jämförs med: " if sv else "Compared with: ") + q.label(lang))
        out.append(rule_text(self.threshold, lang))
        return out


def rule_text(threshold: int, lang: str = "sv") -> str:
    """The suppression rule, stated wherever the numbers are published."""
    if lang == "en":
        return (
            f"Counts below {threshold}, zero included, are shown as \u201c< {threshold}\u201d; "
            "where a single hidden count could be worked out from a total, a further count is "
            "hidden as well and shown as \u201cx\u201d. Changes are hidden when either period "
            "is hidden."
        )
    return (
        f"Antal under {threshold}, noll medräknat, visas som \u201d< {threshold}\u201d; "
        "där ett enda dolt antal skulle kunna räknas ut från en summa döljs även ett till "
        "och visas som \u201dx\u201d. Förändringar döljs när någon av perioderna är dold."
    )
