"""The place list's data: vectorised distances and rows, against the one-by-one path of before.

``places_reference.old_build_rows`` is the pre-#14 code, kept verbatim: the fast rows must be
the same rows in the same order, with the same distances and words, also when the page
sorts from the places' points alone and reads a row's names and services only to show it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence

import pytest

from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core import geo
from kompassen.core.model import Landmark, Location, ServiceRef
from kompassen.gui.field.locations.model import (
    NEAR_LANDMARK_M,
    PlaceData,
    PlaceList,
    PlaceRow,
    SectionRow,
    build_rows,
    place_rows,
    prepare_places,
    prepare_points,
)
from kompassen.testing.synthetic import generate_pack
from places_reference import old_build_rows

# ------------------------------------------------------------------------ distances_m


def test_distances_m_is_distance_m_for_many_points() -> None:
    rng = random.Random(5)
    pts = [(rng.uniform(-89.9, 89.9), rng.uniform(-179.9, 179.9)) for _ in range(500)]
    pts += [(59.33, 18.06), (-59.33, -161.94), (90.0, 0.0), (-90.0, 180.0)]  # same, antipode, poles
    for lat, lon in [(59.3326, 18.0649), (0.0, 0.0), (-33.9, 151.2)]:
        got = geo.distances_m(lat, lon, [p[0] for p in pts], [p[1] for p in pts])
        want = [geo.distance_m(lat, lon, *p) for p in pts]
        assert got.shape == (len(pts),)
        for g, w in zip(got.tolist(), want, strict=True):
            assert g == pytest.approx(w, rel=1e-9, abs=1e-6)
    assert geo.distances_m(59.0, 18.0, [], []).shape == (0,)


@pytest.mark.parametrize(
    ("lat", "lon", "lats", "lons", "words"),
    [
        (59.0, 18.0, [59.0, math.nan], [18.0, 18.0], "lats must be finite"),
        (59.0, 18.0, [59.0, 91.0], [18.0, 18.0], "lats must be finite and within ±90"),
        (59.0, 18.0, [59.0], [math.inf], "lons must be finite and within ±180"),
        (59.0, 18.0, [59.0, 59.1], [18.0], "equally long"),
        (math.nan, 18.0, [59.0], [18.0], "lat1 must be a finite number"),
        (59.0, 181.0, [59.0], [18.0], "lon1 must be within"),
    ],
)
def test_distances_m_refuses_what_distance_m_refuses(
    lat: float, lon: float, lats: list[float], lons: list[float], words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        geo.distances_m(lat, lon, lats, lons)


# ------------------------------------------------------------------------ the rows


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CatalogueStore]:
    """A 3,000-service synthetic area (many landmarks, thousands of places)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kompassen.core.clock import FixedClock

    tmp = tmp_path_factory.mktemp("places")
    clock = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    store = CatalogueStore(tmp / "catalogue.db", tmp / "backups", clock).open()
    store.install(generate_pack(3000, seed=4))
    yield store
    store.close()


def _assert_same(new: Sequence[PlaceRow | SectionRow], old: list[PlaceRow | SectionRow]) -> None:
    """Same rows, same order; distances within 0.5 m and the same words."""
    assert len(new) == len(old)
    for i, (a, b) in enumerate(zip(new, old, strict=True)):
        assert type(a) is type(b), i
        if isinstance(a, SectionRow):
            assert a == b, i
            continue
        assert isinstance(b, PlaceRow)
        assert (a.location, a.services, a.landmark, a.borrowed) == (
            b.location,
            b.services,
            b.landmark,
            b.borrowed,
        ), i
        assert (a.lat, a.lon) == (b.lat, b.lon), i
        if b.direction is None:
            assert a.direction is None, i
        else:
            assert a.direction is not None, i
            assert abs(a.direction.distance_m - b.direction.distance_m) <= 0.5, i
            assert a.direction.text == b.direction.text, i


def test_rows_are_the_old_rows_on_a_synthetic_area(synthetic: CatalogueStore) -> None:
    reader = synthetic.reader
    area = "synthetic-3000"
    locations, services = reader.locations(area), reader.services_by_location(area)
    landmarks = reader.landmarks(area)
    data = prepare_places(locations, services, landmarks)
    ids = reader.service_ids(area)
    rng = random.Random(1)
    some = rng.sample(ids, len(ids) // 4)  # a filter, ranked in its own order
    far = (59.40, 17.90)  # outside the area: every group far away
    for near in (
        None,
        (landmarks[0].lat, landmarks[0].lon),
        (landmarks[-1].lat, landmarks[-1].lon),
        far,
    ):
        for ranked in (None, some, [], ids[:1]):
            for lang in ("sv", "en"):
                rows = place_rows(data, near, lang, ranked)
                assert isinstance(rows, PlaceList)
                old = old_build_rows(locations, services, landmarks, near, lang, ranked)
                _assert_same(rows, old)
                assert rows.place_count == sum(isinstance(r, PlaceRow) for r in old)


def _loc(i: int, lat: float | None, lon: float | None, landmark: str | None = None) -> Location:
    return Location(f"a/l{i}", "a", f"Plats {i}", None, None, lat, lon, False, "", landmark)


def test_rows_keep_the_documented_rules_on_hand_made_places() -> None:
    """Own landmark, borrowed point, nearest within 600 m, Övriga, unknown, ties, status order."""
    lm = [
        Landmark("a/x", "a", "X", "square", 59.330, 18.060, False, "test"),
        Landmark("a/y", "a", "Y", "square", 59.340, 18.060, False, "test"),
        Landmark("a/z", "a", "Z", "square", 59.330, 18.060, False, "test"),  # same point as X
    ]
    step = NEAR_LANDMARK_M / 111_000  # degrees of latitude for 600 m
    locs = [
        _loc(0, 59.3305, 18.060),  # nearest X (Z is as near: X comes first in the area)
        _loc(1, None, None, "a/y"),  # borrows Y's point
        _loc(2, 59.330 - 1.5 * step, 18.060),  # 900 m from X: Övriga
        _loc(3, None, None),  # no position: Utan känd plats
        _loc(4, 59.3305, 18.060),  # the same point as 0: after it (catalogue order)
        _loc(5, 59.339, 18.060, "a/x"),  # own landmark X though nearer Y
        _loc(6, 59.335, 18.061),  # no service: never listed
        _loc(7, None, 18.061, "a/nowhere"),  # half a position, unknown landmark
    ]
    services = {
        loc.id: [
            ServiceRef(f"s{loc.id}-closed", "Stängd", "closed"),
            ServiceRef(f"s{loc.id}", "Öppen", "active"),
        ]
        for loc in locs
        if loc.id != "a/l6"
    }
    data = prepare_places(locs, services, lm)
    for near in (None, (59.3306, 18.0601), (59.341, 18.06), (59.32, 18.06)):
        for ranked in (None, ["sa/l4", "sa/l0-closed", "sa/l2"]):
            rows = place_rows(data, near, "sv", ranked)
            _assert_same(rows, old_build_rows(locs, services, lm, near, "sv", ranked))
    rows = list(place_rows(data, (59.3306, 18.0601), "sv"))
    sections = [r for r in rows if isinstance(r, SectionRow)]
    assert [(s.landmark.name if s.landmark else None, s.count, s.located) for s in sections] == [
        ("X", 3, True),
        (None, 1, True),  # Övriga: its place (900 m south of X) is nearer than Y's
        ("Y", 1, True),
        (None, 2, False),
    ]
    places = [r for r in rows if isinstance(r, PlaceRow)]
    assert [p.location.id for p in places] == [
        "a/l0",
        "a/l4",
        "a/l5",
        "a/l2",
        "a/l1",
        "a/l3",
        "a/l7",
    ]
    assert all(p.services[0].status == "active" for p in places)  # closed ones last
    borrowed = places[4]
    assert borrowed.borrowed and (borrowed.lat, borrowed.lon) == (lm[1].lat, lm[1].lon)


def test_rows_without_landmarks_or_places() -> None:
    locs = [_loc(0, 59.33, 18.06), _loc(1, None, None)]
    services = {loc.id: [ServiceRef(f"s{loc.id}", "S", "active")] for loc in locs}
    for near in (None, (59.33, 18.07)):
        rows = build_rows(locs, services, [], near, "en")
        assert rows == old_build_rows(locs, services, [], near, "en")
        assert [type(r).__name__ for r in rows] == [
            "SectionRow",
            "PlaceRow",
            "SectionRow",
            "PlaceRow",
        ]
    assert build_rows([], {}, [], (59.33, 18.07), "sv") == []
    empty = place_rows(prepare_places(locs, services, []), None, "sv", [])
    assert len(empty) == 0 and empty.place_count == 0
    with pytest.raises(ValueError, match="unsupported language"):
        place_rows(prepare_places(locs, services, []), None, "de")


def test_rows_are_made_when_read_and_then_kept() -> None:
    """The GUI thread pays for the rows it shows, not for 50,000 at once."""
    locs = [_loc(i, 59.33 + i * 1e-4, 18.06) for i in range(200)]
    services = {loc.id: [ServiceRef(f"s{loc.id}", "S", "active")] for loc in locs}
    rows = place_rows(prepare_places(locs, services, []), (59.33, 18.06), "sv")
    assert rows._made.count(None) == len(rows)
    first = rows[1]
    assert rows[1] is first and rows[-1] is rows[len(rows) - 1]
    assert rows._made.count(None) == len(rows) - 2
    assert rows[0:3] == [rows[0], rows[1], rows[2]]


# ------------------------------------------------------------------ from points (the page)

AREA_3K = "synthetic-3000"


class Reads:
    """What a PlaceData read from the catalogue: each call's location ids."""

    def __init__(self, store: CatalogueStore) -> None:
        self.reader = store.reader
        self.calls: list[list[str]] = []
        self.id_maps = 0

    def fetch(self, ids: Sequence[str]) -> list[tuple[Location, tuple[ServiceRef, ...]]]:
        self.calls.append(list(ids))
        return self.reader.places(AREA_3K, ids)

    def fetch_ids(self) -> dict[str, list[str]]:
        self.id_maps += 1
        return self.reader.place_services(AREA_3K)

    def data(self) -> PlaceData:
        reader = self.reader
        return prepare_points(
            AREA_3K,
            reader.place_points(AREA_3K),
            reader.landmarks(AREA_3K),
            self.fetch,
            self.fetch_ids,
        )


def test_reader_place_functions_agree_with_locations_and_services(
    synthetic: CatalogueStore,
) -> None:
    """Points, details and service ids are what ``locations`` + ``services_by_location`` say."""
    reader = synthetic.reader
    locations, services = reader.locations(AREA_3K), reader.services_by_location(AREA_3K)
    listed = [loc for loc in locations if services.get(loc.id)]
    assert len(listed) < len(locations)  # some locations have no service: not places
    assert reader.place_points(AREA_3K) == [
        (loc.id, loc.lat, loc.lon, loc.landmark_id) for loc in listed
    ]
    assert any(loc.landmark_id for loc in listed) and any(loc.lat is None for loc in listed)
    some = random.Random(2).sample(listed, 700)  # over one chunk of 500, in no order
    ids = [loc.id for loc in some]
    got = reader.places(AREA_3K, [*ids[:3], "synthetic-3000/nowhere", *ids[3:]])
    assert got == [(loc, tuple(services[loc.id])) for loc in some]
    assert any(len(here) > 1 for _, here in got)  # the order of several services is kept
    assert reader.places(AREA_3K, []) == []
    at = reader.place_services(AREA_3K)
    assert {k: sorted(v) for k, v in at.items()} == {
        k: sorted(s.id for s in v) for k, v in services.items()
    }


def test_rows_from_points_are_the_old_rows(synthetic: CatalogueStore) -> None:
    """Sorted from points, details read as rows are read: the old rows, sort after sort."""
    reads = Reads(synthetic)
    data = reads.data()
    reader = synthetic.reader
    locations, services = reader.locations(AREA_3K), reader.services_by_location(AREA_3K)
    landmarks = reader.landmarks(AREA_3K)
    ids = reader.service_ids(AREA_3K)
    some = random.Random(3).sample(ids, len(ids) // 5)
    for ranked in (some, None, []):  # a filter first: before any row's services are in
        for near in (None, (landmarks[1].lat, landmarks[1].lon), (59.40, 17.90)):
            for lang in ("sv", "en"):
                rows = place_rows(data, near, lang, ranked)
                _assert_same(
                    rows, old_build_rows(locations, services, landmarks, near, lang, ranked)
                )
    assert reads.id_maps == 1  # the service ids of every place: read once, for the first filter
    read = [i for call in reads.calls for i in call]
    assert len(read) == len(set(read)) == len(data)  # each place's details read once, kept


def test_first_screen_reads_only_its_rows(synthetic: CatalogueStore) -> None:
    """Sorting reads no names; prefetch reads one screenful; a row read later reads its batch."""
    reads = Reads(synthetic)
    data = reads.data()
    assert reads.calls == [] and len(data) > 1000
    lm = data.landmarks[-1]
    rows = place_rows(data, (lm.lat, lm.lon), "sv")
    assert reads.calls == [] and reads.id_maps == 0  # no filter: no service ids either
    assert not rows.ready(0, 120)
    rows.prefetch(0, 120)
    assert len(reads.calls) == 1 and len(reads.calls[0]) <= 120
    assert rows.ready(0, 120) and not rows.ready(120, 180)
    rows.prefetch(0, 120)
    assert len(reads.calls) == 1  # nothing twice
    first = rows[1]
    assert isinstance(first, PlaceRow) and first.location.name and first.services
    assert len(reads.calls) == 1
    far = rows[500]  # read without prefetch (tests and tools): its batch at once
    assert len(reads.calls) == 2 and len(reads.calls[1]) <= PlaceList.BATCH
    assert far is rows[500] and rows.ready(500, 500 + PlaceList.BATCH)
    again = place_rows(data, (lm.lat, lm.lon), "en")  # a new sort reuses what was read
    assert again.ready(0, 120)


def test_a_place_gone_from_the_catalogue_is_a_blank_row() -> None:
    """A release removed a place the list still shows: an empty row until the area reloads."""
    locs = [_loc(0, 59.33, 18.06), _loc(1, 59.331, 18.06)]
    data = prepare_points(
        "a",
        [(loc.id, loc.lat, loc.lon, loc.landmark_id) for loc in locs],
        [],
        lambda ids: [(locs[0], (ServiceRef("s0", "S", "active"),))] if "a/l0" in ids else [],
        dict,
    )
    rows = place_rows(data, (59.33, 18.06), "sv")
    gone = rows[2]
    assert isinstance(gone, PlaceRow) and gone.location.id == "a/l1"
    assert gone.services == () and gone.location.name == "" and gone.lat == 59.331
    assert isinstance(rows[1], PlaceRow) and rows[1].service_ids == ("s0",)
