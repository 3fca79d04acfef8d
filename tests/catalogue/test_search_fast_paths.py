"""The per-minute and per-place work of a search is vectorised (issue #14) and still exact.

A new minute needs "open now" for every service and a new place every service's distance; at
100k services these were 91 ms and 250–320 ms of Python per first search. Now they are numpy
over precomputed arrays: the tests check the answers are the ones of ``core.hours.is_open`` and
``core.geo.distance_m``, and that a new minute (also on a clock-change day, an eve, a holiday)
and a new place cost a few milliseconds at 10k services.
"""

from __future__ import annotations

import math
import random
import statistics
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kompassen.catalogue.search import bitset
from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.model import SearchQuery
from kompassen.catalogue.search.ranking import BROAD_MATCHES, SHORT_PREFIX, text_scores
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.search.text import analyse_text
from kompassen.catalogue.search.weights import FTS_WEIGHTS
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.core.geo import distance_m
from kompassen.core.hours import is_open
from kompassen.testing.synthetic import generate_pack

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 21, 30, tzinfo=TZ)
N = 10_000
# clock change (spring, autumn), Christmas Eve (eve), Christmas Day (holiday), Easter Sunday
# on the spring-forward day, Midsummer Eve
SPECIAL = [
    date(2026, 3, 29),
    date(2026, 10, 25),
    date(2026, 12, 24),
    date(2026, 12, 25),
    date(2024, 3, 31),
    date(2026, 6, 19),
]


def _index(tmp: object, n: int) -> tuple[SearchService, AreaIndex]:
    from pathlib import Path

    folder = Path(str(tmp))
    fixed = FixedClock(NOW)
    store = CatalogueStore(folder / "catalogue.db", folder / "backups", fixed).open()
    store.install(generate_pack(n, seed=1))
    ss = SearchService(store.conn, fixed)
    return ss, ss.index(f"synthetic-{n}")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SearchService, AreaIndex]]:
    ss, idx = _index(tmp_path_factory.mktemp("fast-small"), 1500)
    yield ss, idx
    ss.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SearchService, AreaIndex]]:
    ss, idx = _index(tmp_path_factory.mktemp("fast-big"), N)
    yield ss, idx
    ss.close()


def _places(idx: AreaIndex, k: int) -> list[tuple[float, float]]:
    rng = random.Random(7)
    out = [(lat, lon) for _, _, _, lat, lon in idx.landmarks]
    while len(out) < k:
        lat, lon = rng.choice(idx.landmarks)[3:5]
        out.append((lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)))
    return out[:k]


def test_distances_are_those_of_geo_distance_m(small: tuple[SearchService, AreaIndex]) -> None:
    _, idx = small
    coords = [r.coords for r in idx.rows.fetch(range(idx.size))]
    assert any(c is None for c in coords)  # services without a place stay without one
    for near in [*_places(idx, 12), (0.0, 0.0), (-89.9, 179.9)]:
        got = np.asarray(idx.distances(near), dtype=float)
        want = np.array([math.nan if c is None else distance_m(*near, *c) for c in coords])
        assert np.array_equal(np.isnan(got), np.isnan(want))
        assert np.nanmax(np.abs(got - want)) <= 0.5
        # the same order: nearest first, ties by position
        assert np.array_equal(np.argsort(got, kind="stable"), np.argsort(want, kind="stable"))


def test_a_bad_place_is_refused_as_by_distance_m(small: tuple[SearchService, AreaIndex]) -> None:
    _, idx = small
    for near in [(math.nan, 18.0), (59.3, math.inf), (91.0, 18.0)]:
        with pytest.raises(ValueError):
            idx.distances(near)


def test_open_at_equals_is_open_around_midnight_and_clock_changes(
    small: tuple[SearchService, AreaIndex],
) -> None:
    _, idx = small
    rng = random.Random(3)
    instants = []
    for day in SPECIAL:
        midnight = datetime.combine(day, time(0), tzinfo=TZ).astimezone(UTC)
        instants += [midnight + timedelta(minutes=m) for m in range(-90, 300, 17)]
        instants += [midnight + timedelta(seconds=rng.randrange(86_400)) for _ in range(6)]
    hours = [r.hours for r in idx.rows.fetch(range(idx.size))]
    for at in instants:
        want = {p for p, h in enumerate(hours) if is_open(h, at) is True}
        have = set(bitset.positions(idx.open.open_at(at), idx.size))
        assert have == want, (at, sorted(have ^ want)[:5])


def _median_ms(fn: object, runs: list[object]) -> float:
    times = []
    for arg in runs:
        t0 = clock.perf_counter()
        fn(arg)  # type: ignore[operator]
        times.append((clock.perf_counter() - t0) * 1000)
    return statistics.median(times)


def test_a_new_place_costs_little(big: tuple[SearchService, AreaIndex]) -> None:
    """Was ~45 ms at 10k services (a Python call per service); now ~0.5 ms."""
    _, idx = big
    assert _median_ms(idx.distances, _places(idx, 9)) < 8.0


@pytest.mark.parametrize("day", [date(2026, 11, 24), *SPECIAL], ids=str)
def test_a_new_minute_costs_little_on_any_date(
    big: tuple[SearchService, AreaIndex], day: date
) -> None:
    """Was 90–200 ms at 10k services on clock-change days and eves (every service through
    ``is_open``); now a date costs a few ms once and each new minute well under one."""
    _, idx = big
    start = datetime.combine(day, time(9), tzinfo=TZ)
    idx.open.open_at(start)  # the date's spans
    minutes = [start + timedelta(minutes=k) for k in range(1, 8)]
    assert _median_ms(idx.open.open_at, minutes) < 5.0


def test_search_near_a_new_place_ranks_by_the_vectorised_distance(
    big: tuple[SearchService, AreaIndex],
) -> None:
    ss, idx = big
    near = _places(idx, 20)[-1]
    r = ss.search(SearchQuery(idx.area_id, text="härbärge", near=near, at=NOW))
    assert r.hits
    positions = idx.positions(h.id for h in r.hits)
    for hit in r.hits:
        place = idx.rows.get(positions[hit.id]).coords
        if place is not None:
            assert hit.distance_m == round(distance_m(*near, *place))


BROAD = ["i", "på", "på gatan", "förvirrad äl", "eu-migra", "mat och du", "sova ute", "härbärge"]


def _text_scores_before(ss: SearchService, idx: AreaIndex, fts: str) -> dict[int, float]:
    """The rule before (count(*), then BM25 or not), as the reference for the one-statement one."""
    conn = ss._conn
    bounds = (idx.min_rowid, idx.max_rowid)
    where = "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?"
    count = conn.execute(f"SELECT count(*) FROM search_fts {where}", (fts, *bounds)).fetchone()[0]
    if SHORT_PREFIX.fullmatch(fts) or count > BROAD_MATCHES:
        rows = [
            (r, 1.0)
            for (r,) in conn.execute(f"SELECT rowid FROM search_fts {where}", (fts, *bounds))
        ]
    else:
        sql = f"SELECT rowid, -bm25(search_fts, ?, ?, ?, ?) FROM search_fts {where}"
        rows = conn.execute(sql, (*FTS_WEIGHTS, fts, *bounds)).fetchall()
    return {int(idx.rowid_to_pos[r - idx.min_rowid]): s for r, s in rows}


@pytest.mark.parametrize("text", BROAD)
def test_typing_runs_one_statement_per_keystroke_with_the_same_scores(
    big: tuple[SearchService, AreaIndex], text: str
) -> None:
    """Broad texts (thousands of matches) ran count(*) and then fetched every match again,
    each keystroke; now the words typed before are kept and a keystroke asks for about one."""
    ss, idx = big
    total = keystrokes = 0
    for i in range(1, len(text) + 1):
        fts = analyse_text(idx, ss._analyzer, text[:i], "sv").fts
        if not fts:
            continue
        statements: list[str] = []
        ss._conn.set_trace_callback(statements.append)
        try:
            pos, val = text_scores(ss._conn, idx, fts)
        finally:
            ss._conn.set_trace_callback(None)
        want = _text_scores_before(ss, idx, fts)
        assert dict(zip(pos.tolist(), val.tolist(), strict=True)) == pytest.approx(want)
        search_fts = [s for s in statements if not s.startswith("--") and "search_fts" in s]
        assert len(search_fts) <= 2, (text[:i], search_fts)  # a new word group and BM25
        total += len(search_fts)
        keystrokes += 1
    # about one statement per keystroke: a word's group is asked for again only when the
    # word is finished (it is then no longer a prefix); before, two per keystroke
    assert total <= keystrokes + len(text.split())
