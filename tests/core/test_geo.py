"""Tests for kompassen.core.geo: distances, bearings and the short direction texts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kompassen.core.geo import (
    bearing_deg,
    compass_word,
    describe,
    distance_m,
    format_distance,
    walking_minutes,
)

T_CENTRALEN = (59.3313, 18.0603)
SERGELS_TORG = (59.3326, 18.0649)


def test_known_distance_t_centralen_sergels_torg() -> None:
    d = distance_m(*T_CENTRALEN, *SERGELS_TORG)
    assert abs(d - 300) <= 20
    assert distance_m(*T_CENTRALEN, *T_CENTRALEN) == 0.0


def test_one_degree_of_latitude() -> None:
    assert distance_m(0, 0, 1, 0) == pytest.approx(6371008.8 * math.pi / 180)


@pytest.mark.parametrize(
    ("to", "deg", "sv", "en"),
    [
        ((59.34, 18.06), 0.0, "norrut", "north"),
        ((59.33, 18.08), 90.0, "österut", "east"),
        ((59.32, 18.06), 180.0, "söderut", "south"),
        ((59.33, 18.04), 270.0, "västerut", "west"),
    ],
)
def test_cardinal_bearings(to: tuple[float, float], deg: float, sv: str, en: str) -> None:
    b = bearing_deg(59.33, 18.06, *to)
    assert b == pytest.approx(deg, abs=0.1)
    assert compass_word(b, "sv") == sv
    assert compass_word(b, "en") == en


def test_compass_sectors() -> None:
    assert [compass_word(d) for d in range(0, 360, 45)] == [
        "norrut",
        "nordost",
        "österut",
        "sydost",
        "söderut",
        "sydväst",
        "västerut",
        "nordväst",
    ]
    assert compass_word(22.4, "en") == "north"
    assert compass_word(22.5, "en") == "northeast"
    assert compass_word(359.9, "en") == "north"
    assert compass_word(-90, "en") == "west"
    assert compass_word(225, "en") == "southwest"


def test_walking_minutes() -> None:
    assert walking_minutes(0) == 0
    assert walking_minutes(1) == 1
    assert walking_minutes(300) == 5  # 375 m of streets at 80 m/min
    assert walking_minutes(64) == 1  # exactly one minute, no float creep
    assert walking_minutes(65) == 2
    assert walking_minutes(160, speed_m_per_min=80, detour=1.0) == 2
    for bad in (-1, math.nan, math.inf):
        with pytest.raises(ValueError):
            walking_minutes(bad)
    with pytest.raises(ValueError):
        walking_minutes(100, speed_m_per_min=0)


@pytest.mark.parametrize(
    ("m", "sv", "en"),
    [
        (0, "0 m", "0 m"),
        (7.4, "7 m", "7 m"),
        (80, "80 m", "80 m"),
        (347, "350 m", "350 m"),
        (994, "990 m", "990 m"),
        (996, "1,0 km", "1.0 km"),
        (1200, "1,2 km", "1.2 km"),
        (1249, "1,2 km", "1.2 km"),
        (1250, "1,3 km", "1.3 km"),
        (12345, "12,3 km", "12.3 km"),
    ],
)
def test_format_distance(m: float, sv: str, en: str) -> None:
    assert format_distance(m, "sv") == sv
    assert format_distance(m, "en") == en


def test_format_distance_rejects_bad_input() -> None:
    for bad in (-5, math.nan):
        with pytest.raises(ValueError):
            format_distance(bad)
    with pytest.raises(ValueError):
        format_distance(10, "fi")


def test_describe() -> None:
    here = describe(*T_CENTRALEN, 59.3314, 18.0604)
    assert here.text == "Här" and here.word == ""
    assert describe(*T_CENTRALEN, 59.3314, 18.0604, lang="en").text == "Right here"
    north = describe(59.33, 18.06, 59.3327, 18.06)  # ~300 m due north
    assert north.word == "norrut"
    assert north.text == "300 m norrut · 5 min"
    assert describe(59.33, 18.06, 59.3327, 18.06, "en").text == "300 m north · 5 min"
    far = describe(*T_CENTRALEN, *SERGELS_TORG, "en")
    assert far.word == "northeast"
    assert far.walking_minutes == walking_minutes(far.distance_m)


@pytest.mark.parametrize(
    "args",
    [
        (91, 0, 0, 0),
        (0, 181, 0, 0),
        (0, 0, -90.5, 0),
        (0, 0, 0, -180.01),
        (math.nan, 0, 0, 0),
        (0, math.inf, 0, 0),
        ("x", 0, 0, 0),
    ],
)
def test_bad_coordinates_raise(args: tuple[float, float, float, float]) -> None:
    with pytest.raises(ValueError, match=r"lat|lon"):
        distance_m(*args)
    with pytest.raises(ValueError):
        bearing_deg(*args)
    with pytest.raises(ValueError):
        describe(*args)


lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)
points = st.tuples(lats, lons)


@given(points, points)
def test_distance_symmetric_and_non_negative(
    a: tuple[float, float], b: tuple[float, float]
) -> None:
    d = distance_m(*a, *b)
    assert d >= 0
    assert d <= math.pi * 6371008.8 + 1e-6
    assert d == pytest.approx(distance_m(*b, *a), abs=1e-6)
    assert 0 <= bearing_deg(*a, *b) < 360


@given(points, points, points)
def test_triangle_inequality(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
) -> None:
    assert distance_m(*a, *c) <= distance_m(*a, *b) + distance_m(*b, *c) + 1e-3


@given(st.floats(-1e6, 1e6, allow_nan=False), st.sampled_from(["sv", "en"]))
def test_compass_word_total(deg: float, lang: str) -> None:
    assert compass_word(deg, lang) in {compass_word(d, lang) for d in range(0, 360, 45)}
