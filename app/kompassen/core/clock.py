"""The clock is injected: logic asks a Clock, never ``datetime.now()``, so tests can fix time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Clock(Protocol):
    """Anything that can tell the current aware time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, in Stockholm time."""

    def now(self) -> datetime:
        return datetime.now(STOCKHOLM)


@dataclass
class FixedClock:
    """A clock that only moves when told to: for tests and for 'open at' planning."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current = self.current + delta
