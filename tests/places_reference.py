"""The place list as built before issue #14: one ``geo`` call per place and landmark.

Kept verbatim (from ``gui/field/locations/model.py`` before the vectorised rows) as the
reference the fast path must agree with: same rows, same order, the same distances.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kompassen.core import geo
from kompassen.core.model import Landmark, Location, Service, ServiceRef
from kompassen.gui.field.locations.model import NEAR_LANDMARK_M, PlaceRow, Row, SectionRow


def old_nearest_landmark(
    lat: float, lon: float, landmarks: Sequence[Landmark], within_m: float = float("inf")
) -> Landmark | None:
    """The landmark closest to a point, if within ``within_m`` (ties: the area's order)."""
    best: tuple[float, int] | None = None
    found: Landmark | None = None
    for i, lm in enumerate(landmarks):
        key = (geo.distance_m(lat, lon, lm.lat, lm.lon), i)
        if best is None or key < best:
            best, found = key, lm
    return found if best is not None and best[0] <= within_m else None


def old_build_rows(
    locations: Sequence[Location],
    services: Mapping[str, Sequence[ServiceRef | Service]],
    landmarks: Sequence[Landmark],
    near: tuple[float, float] | None,
    lang: str,
    ranked_ids: Sequence[str] | None = None,
) -> list[Row]:
    """Section and place rows, nearest group first and nearest place first in each group.

    ``ranked_ids`` (search hits, best first) keeps only places with one of those services,
    and lists the services at a place in that order. Without it every place with a service
    is listed, services in catalogue order. Closed services go last at their place.
    """
    by_id = {lm.id: lm for lm in landmarks}
    order = {lm.id: i for i, lm in enumerate(landmarks)}
    rank = None if ranked_ids is None else {sid: i for i, sid in enumerate(ranked_ids)}
    groups: dict[str | None, list[PlaceRow]] = {}
    located_groups: list[str | None] = []
    unknown: list[PlaceRow] = []
    for loc in locations:
        here = list(services.get(loc.id, ()))
        if rank is not None:
            here = sorted((s for s in here if s.id in rank), key=lambda s: rank[s.id])
        if not here:
            continue
        here.sort(key=lambda s: s.status != "active")  # stable: keeps rank or catalogue order
        own = by_id.get(loc.landmark_id or "")
        lat, lon, borrowed = loc.lat, loc.lon, False
        if (lat is None or lon is None) and own is not None:
            lat, lon, borrowed = own.lat, own.lon, True
        if lat is None or lon is None:
            unknown.append(PlaceRow(loc, tuple(here), None, None, None, False, None))
            continue
        group = own or old_nearest_landmark(lat, lon, landmarks, NEAR_LANDMARK_M)
        direction = geo.describe(near[0], near[1], lat, lon, lang) if near is not None else None
        key = group.id if group is not None else None
        if key not in groups:
            groups[key] = []
            located_groups.append(key)
        groups[key].append(PlaceRow(loc, tuple(here), group, lat, lon, borrowed, direction))

    def dist(p: PlaceRow) -> float:
        return p.direction.distance_m if p.direction is not None else 0.0

    for rows in groups.values():
        rows.sort(key=dist)  # stable: catalogue order when no starting point
    located_groups.sort(
        key=lambda k: (
            min(dist(p) for p in groups[k]) if near is not None else 0.0,
            order.get(k or "", len(order)),
        )
    )
    out: list[Row] = []
    for key in located_groups:
        rows = groups[key]
        out.append(SectionRow(by_id.get(key or ""), len(rows), True))
        out.extend(rows)
    if unknown:
        out.append(SectionRow(None, len(unknown), False))
        out.extend(unknown)
    return out
