"""When to try the server again: exponential backoff with full jitter, and the sync schedule.

Full jitter (a uniform delay between 0 and the exponential ceiling) spreads a fleet of tablets
that all lost the network at the same moment, so they do not hammer the server together when
it comes back. Both classes are pure: the clock and the random source are injected.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from kompassen.core.clock import Clock

_MAX_EXPONENT = 60  # 2**60 * base is far above any cap; keeps the float finite


class Backoff:
    """``delay(n) = rng.uniform(0, min(cap, base * 2**n))`` seconds after ``n`` failures."""

    def __init__(
        self, base: float = 2.0, cap: float = 300.0, rng: random.Random | None = None
    ) -> None:
        if base <= 0 or cap <= 0:
            raise ValueError("base and cap must be positive")
        self.base = base
        self.cap = cap
        self._rng = rng or random.Random()

    def ceiling(self, failures: int) -> float:
        """The largest delay after ``failures`` failures (0 when there were none)."""
        if failures <= 0:
            return 0.0
        return min(self.cap, self.base * 2 ** min(failures, _MAX_EXPONENT))

    def delay(self, failures: int) -> float:
        ceiling = self.ceiling(failures)
        return self._rng.uniform(0.0, ceiling) if ceiling > 0 else 0.0


class SyncSchedule:
    """When the next automatic sync is due; the GUI's timer asks :meth:`due`.

    Due at once after start; after a success again in ``interval`` seconds; after ``n``
    failures in a row after ``backoff.delay(n)`` (a manual "Synka nu" may go earlier).
    """

    def __init__(self, clock: Clock, backoff: Backoff, interval: float = 120.0) -> None:
        self._clock = clock
        self._backoff = backoff
        self._interval = interval
        self._failures = 0
        self._next_at = clock.now()

    def due(self) -> bool:
        return self._clock.now() >= self._next_at

    def record(self, ok: bool) -> None:
        now = self._clock.now()
        if ok:
            self._failures = 0
            self._next_at = now + timedelta(seconds=self._interval)
        else:
            self._failures += 1
            self._next_at = now + timedelta(seconds=self._backoff.delay(self._failures))

    @property
    def next_at(self) -> datetime:
        return self._next_at

    @property
    def failures(self) -> int:
        return self._failures
