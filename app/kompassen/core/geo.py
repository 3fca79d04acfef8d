"""Distances and directions for "how far, which way" hints; pure maths, no I/O.

Accuracy needs are modest (street-level walking hints), so a spherical earth with the
WGS84 mean radius is used: error is well under 0.5 % at city distances.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

EARTH_RADIUS_M = 6_371_008.8
#: Closer than this we say "here": GPS noise makes a direction meaningless.
HERE_RADIUS_M = 30.0

_WORDS = {
    "sv": ("norrut", "nordost", "österut", "sydost", "söderut", "sydväst", "västerut", "nordväst"),
    "en": ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"),
}
_HERE = {"sv": "Här", "en": "Right here"}


def _lang(lang: str) -> str:
    """Accept "sv", "en", "sv_SE", "en-GB"… so UI locale strings can be passed straight in."""
    base = lang.replace("-", "_").split("_")[0].lower()
    if base not in _WORDS:
        raise ValueError(f"unsupported language {lang!r}; use 'sv' or 'en'")
    return base


def _finite(value: float, name: str) -> float:
    """Reject NaN/inf and non-numbers early: they would silently poison every result."""
    try:
        v = float(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a number, got {value!r}") from exc
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return v


def _coords(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, ...]:
    """Validate two WGS84 points (degrees) and return them as floats."""
    out = []
    for value, name, limit in (
        (lat1, "lat1", 90.0),
        (lon1, "lon1", 180.0),
        (lat2, "lat2", 90.0),
        (lon2, "lon2", 180.0),
    ):
        v = _finite(value, name)
        if not -limit <= v <= limit:
            raise ValueError(f"{name} must be within ±{limit:g} degrees, got {v}")
        out.append(v)
    return tuple(out)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    a1, o1, a2, o2 = (math.radians(v) for v in _coords(lat1, lon1, lat2, lon2))
    h = math.sin((a2 - a1) / 2) ** 2 + math.cos(a1) * math.cos(a2) * math.sin((o2 - o1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def distances_m(
    lat: float,
    lon: float,
    lats: Sequence[float] | NDArray[np.float64],
    lons: Sequence[float] | NDArray[np.float64],
) -> NDArray[np.float64]:
    """:func:`distance_m` from one point to many at once (numpy), for lists of thousands.

    The same haversine and the same argument checks, done once per array instead of once
    per pair: sorting 50,000 places spent half its time checking arguments one by one.
    numpy is imported here, not at the top: the app's start path imports this module.
    """
    import numpy as np

    a1, o1, _, _ = (math.radians(v) for v in _coords(lat, lon, 0.0, 0.0))
    la = np.asarray(lats, dtype=np.float64)
    lo = np.asarray(lons, dtype=np.float64)
    if la.shape != lo.shape or la.ndim != 1:
        raise ValueError(
            f"lats and lons must be two equally long lists, got {la.shape}, {lo.shape}"
        )
    for values, name, limit in ((la, "lats", 90.0), (lo, "lons", 180.0)):
        bad = ~(np.abs(values) <= limit)  # NaN compares False: caught here too
        if bad.any():
            raise ValueError(
                f"{name} must be finite and within ±{limit:g} degrees, got {values[bad][0]}"
            )
    a2, o2 = np.radians(la), np.radians(lo)
    h = np.sin((a2 - a1) / 2) ** 2 + math.cos(a1) * np.cos(a2) * np.sin((o2 - o1) / 2) ** 2
    out: NDArray[np.float64] = 2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return out


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing from point 1 to point 2, 0 ≤ deg < 360, 0 = north."""
    a1, o1, a2, o2 = (math.radians(v) for v in _coords(lat1, lon1, lat2, lon2))
    y = math.sin(o2 - o1) * math.cos(a2)
    x = math.cos(a1) * math.sin(a2) - math.sin(a1) * math.cos(a2) * math.cos(o2 - o1)
    deg = math.degrees(math.atan2(y, x)) % 360.0
    return 0.0 if deg >= 360.0 else deg  # -tiny % 360 can round to 360.0


def compass_word(deg: float, lang: str = "sv") -> str:
    """One of eight directions ("norrut", "nordost", …); each sector is 45° wide."""
    words = _WORDS[_lang(lang)]
    d = _finite(deg, "deg") % 360.0
    return words[int((d + 22.5) // 45.0) % 8]


def walking_minutes(distance_m: float, speed_m_per_min: float = 80.0, detour: float = 1.25) -> int:
    """Rough walking time: straight line × detour for the street grid, rounded up.

    Rounding up (and at least 1 minute for any distance) avoids promising too little.
    """
    dist = _finite(distance_m, "distance_m")
    speed = _finite(speed_m_per_min, "speed_m_per_min")
    factor = _finite(detour, "detour")
    if dist < 0:
        raise ValueError(f"distance_m must be ≥ 0, got {dist}")
    if speed <= 0:
        raise ValueError(f"speed_m_per_min must be > 0, got {speed}")
    if factor <= 0:
        raise ValueError(f"detour must be > 0, got {factor}")
    if dist == 0:
        return 0
    # The tiny epsilon keeps float noise (e.g. 4.000000001) from adding a whole minute.
    return max(1, math.ceil(dist * factor / speed - 1e-9))


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def format_distance(m: float, lang: str = "sv") -> str:
    """ "80 m", "350 m" (nearest 10 m below 1 km), "1,2 km" / "1.2 km" from 1 km."""
    lang = _lang(lang)
    m = _finite(m, "m")
    if m < 0:
        raise ValueError(f"distance must be ≥ 0, got {m}")
    if m < 10:
        return f"{_round_half_up(m)} m"
    tens = _round_half_up(m / 10) * 10
    if tens < 1000:
        return f"{tens} m"
    km = f"{_round_half_up(m / 100) / 10:.1f}"
    return f"{km.replace('.', ',') if lang == 'sv' else km} km"


@dataclass(frozen=True, slots=True)
class Direction:
    """Everything a list row needs to say how far and which way; ``word`` is "" when here."""

    distance_m: float
    walking_minutes: int
    bearing_deg: float
    word: str
    text: str


def describe(
    from_lat: float, from_lon: float, to_lat: float, to_lon: float, lang: str = "sv"
) -> Direction:
    """E.g. "300 m norrut · 5 min"; within 30 m just "Här" since direction is noise there."""
    lang = _lang(lang)
    dist = distance_m(from_lat, from_lon, to_lat, to_lon)
    bearing = bearing_deg(from_lat, from_lon, to_lat, to_lon)
    minutes = walking_minutes(dist)
    if dist < HERE_RADIUS_M:
        return Direction(dist, minutes, bearing, "", _HERE[lang])
    word = compass_word(bearing, lang)
    return Direction(
        dist, minutes, bearing, word, f"{format_distance(dist, lang)} {word} · {minutes} min"
    )
