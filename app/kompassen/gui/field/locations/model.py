"""The location list as rows: one section row per landmark, then its places nearest first.

Grouping and ordering are plain functions (:func:`build_rows`) so they are computed once per
place or filter change and tested without widgets; the Qt model only hands rows to the view,
a batch at a time. A place is a catalogue location with the services found there.

A location is listed under its own landmark, else under the nearest one within
:data:`NEAR_LANDMARK_M`, else under "Övriga platser". Where a location has no coordinates but
names its landmark, the landmark's point is used ("ca 200 m …"), since "at Cityterminalen" is
a place a worker can walk to. Only locations with neither end up in the last group,
"Utan känd plats".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kompassen.core import geo
from kompassen.core.geo import Direction
from kompassen.core.model import Landmark, Location, Service, ServiceRef

KindRole = Qt.ItemDataRole.UserRole + 1  # "section" | "place"
PlaceRole = Qt.ItemDataRole.UserRole + 2  # PlaceRow
SectionRole = Qt.ItemDataRole.UserRole + 3  # SectionRow
ServiceIdsRole = Qt.ItemDataRole.UserRole + 4  # tuple[str, ...], the first one opens on tap
BearingRole = Qt.ItemDataRole.UserRole + 5  # float | None (None when here or unknown)
DistanceRole = Qt.ItemDataRole.UserRole + 6  # float | None, metres
DirectionTextRole = Qt.ItemDataRole.UserRole + 7  # "350 m nordost · 5 min"

# A place farther than this from every landmark is listed under "Övriga platser": a header
# "Stadshuset" over a place on Södermalm, 1.3 km away, would send the worker the wrong way.
NEAR_LANDMARK_M = 600.0

SECTION = "section"
PLACE = "place"

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One location and the services there (active ones first), with the way from here."""

    location: Location
    services: tuple[ServiceRef | Service, ...]
    landmark: Landmark | None  # the group it is listed under
    lat: float | None  # where the distance is measured to
    lon: float | None
    borrowed: bool  # the position is the landmark's, the location has none of its own
    direction: Direction | None  # None when the position or the starting point is unknown

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    @property
    def bearing(self) -> float | None:
        """The bearing to draw, None when right here (no word) or unknown."""
        d = self.direction
        return d.bearing_deg if d is not None and d.word else None


@dataclass(frozen=True, slots=True)
class SectionRow:
    """A group header: a landmark; ``None`` for "Övriga platser" or, not located, "Utan känd plats"."""

    landmark: Landmark | None
    count: int
    located: bool  # False: the "Utan känd plats" group


Row = PlaceRow | SectionRow


def services_by_location(services: Iterable[Service]) -> dict[str, list[Service]]:
    """Location id → its services, keeping the order services are given in."""
    out: dict[str, list[Service]] = {}
    for s in services:
        for loc in s.locations:
            out.setdefault(loc.id, []).append(s)
    return out


def nearest_landmark(
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


def build_rows(
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
        group = own or nearest_landmark(lat, lon, landmarks, NEAR_LANDMARK_M)
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


class LocationModel(QAbstractListModel):
    """Flat rows for a QListView: sections are enabled but not selectable, places are."""

    BATCH = 60  # rows handed to the view at a time; more come as it scrolls

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._shown = 0
        self._fetching = False

    # ---------------------------------------------------------------- content

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(self.BATCH, len(self._rows))
        self.endResetModel()

    def row(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def all_rows(self) -> list[Row]:
        """Every row, also those the view has not fetched yet."""
        return list(self._rows)

    def places(self) -> list[PlaceRow]:
        return [r for r in self._rows if isinstance(r, PlaceRow)]

    def place_count(self) -> int:
        return sum(1 for r in self._rows if isinstance(r, PlaceRow))

    def retranslate(self) -> None:
        """Section titles come from ``tr`` when asked for: tell the view to ask again."""
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, 0))

    def section_title(self, section: SectionRow) -> str:
        if section.landmark is not None:
            return section.landmark.name
        return self.tr("Övriga platser") if section.located else self.tr("Utan känd plats")

    def count_text(self, n: int) -> str:
        return self.tr("%n platser", "", n)

    # ---------------------------------------------------------------- Qt

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._fetching and self._shown < len(self._rows)

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        end = min(self._shown + self.BATCH, len(self._rows))
        self._fetching = True  # views and testers may ask again from inside beginInsertRows
        try:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()
        finally:
            self._fetching = False

    def flags(self, index: _Index) -> Qt.ItemFlag:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if isinstance(row, SectionRow):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if isinstance(row, SectionRow):
            return self._section_data(row, role)
        return self._place_data(row, role)

    def _section_data(self, row: SectionRow, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.section_title(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Rubrik: {title}, {count}").format(
                title=self.section_title(row), count=self.count_text(row.count)
            )
        if role == KindRole:
            return SECTION
        if role == SectionRole:
            return row
        if role == ServiceIdsRole:
            return ()
        return None

    def _place_data(self, row: PlaceRow, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.location.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [row.location.name, self.direction_text(row)]
            if row.location.address is not None:
                parts.append(row.location.address.one_line())
            parts.extend(s.name for s in row.services)
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(s.name for s in row.services)
        if role == KindRole:
            return PLACE
        if role == PlaceRole:
            return row
        if role == ServiceIdsRole:
            return row.service_ids
        if role == BearingRole:
            return row.bearing
        if role == DistanceRole:
            return row.direction.distance_m if row.direction is not None else None
        if role == DirectionTextRole:
            return self.direction_text(row)
        return None

    def direction_text(self, row: PlaceRow) -> str:
        """ "350 m nordost · 5 min"; "ca …" when measured to the landmark instead."""
        if row.direction is None:
            return self.tr("Avstånd okänt") if row.lat is None else ""
        if row.borrowed:
            return self.tr("ca {way}").format(way=row.direction.text)
        return row.direction.text


def row_at(index: _Index) -> PlaceRow | SectionRow | None:
    """The row behind an index, read from our model directly.

    Not ``index.data(role)``: PySide6 6.12 on Python 3.11 drops a reference to ``None`` each
    time that returns an empty value, and enough of them crash the interpreter.
    """
    model = index.model() if index.isValid() else None
    return model.row(index.row()) if isinstance(model, LocationModel) else None
