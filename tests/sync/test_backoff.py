"""Backoff with full jitter and the sync schedule: deterministic with a seeded rng and a fixed clock."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kompassen.core.clock import FixedClock
from kompassen.sync.backoff import Backoff, SyncSchedule

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_delay_is_uniform_below_the_exponential_ceiling() -> None:
    b = Backoff(base=2.0, cap=300.0, rng=random.Random(7))
    assert b.delay(0) == 0.0
    for failures, ceiling in [(1, 4.0), (2, 8.0), (3, 16.0), (7, 256.0), (8, 300.0), (500, 300.0)]:
        assert b.ceiling(failures) == ceiling
        delays = [b.delay(failures) for _ in range(200)]
        assert all(0.0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # full jitter: spread over the whole range
        assert min(delays) < ceiling * 0.2


def test_same_seed_same_delays_different_seed_different() -> None:
    a = [Backoff(rng=random.Random(1)).delay(n) for n in range(1, 10)]
    b = [Backoff(rng=random.Random(1)).delay(n) for n in range(1, 10)]
    c = [Backoff(rng=random.Random(2)).delay(n) for n in range(1, 10)]
    assert a == b and a != c


def test_bad_parameters_refused() -> None:
    with pytest.raises(ValueError):
        Backoff(base=0)


def test_schedule_due_at_start_then_interval_after_success() -> None:
    clock = FixedClock(T0)
    s = SyncSchedule(clock, Backoff(rng=random.Random(3)), interval=120.0)
    assert s.due() and s.failures == 0
    s.record(ok=True)
    assert s.next_at == T0 + timedelta(seconds=120) and not s.due()
    clock.advance(timedelta(seconds=119))
    assert not s.due()
    clock.advance(timedelta(seconds=1))
    assert s.due()


def test_schedule_backs_off_after_failures_and_resets_on_success() -> None:
    clock = FixedClock(T0)
    expected = Backoff(rng=random.Random(5))
    s = SyncSchedule(clock, Backoff(rng=random.Random(5)), interval=120.0)
    for n in range(1, 12):
        s.record(ok=False)
        assert s.failures == n
        wait = expected.delay(n)
        assert s.next_at == clock.now() + timedelta(seconds=wait)
        assert wait <= min(300.0, 2.0 * 2**n)
        clock.current = s.next_at
        assert s.due()
    s.record(ok=True)
    assert s.failures == 0
    assert s.next_at == clock.now() + timedelta(seconds=120)
