"""The location list as rows: one section row per landmark, then its places nearest first.

Grouping and ordering are plain functions, tested without widgets, that the page runs on the
search worker, never on the GUI thread: :func:`prepare_places` once per area (each place's
group does not depend on where the worker stands), :func:`place_rows` on every change of
place, filter or language. The latter only sorts arrays (numpy); the rows themselves are
made when the view first asks for them (:class:`PlaceList`), so 50,000 places cost the GUI
thread one screenful. A place is a catalogue location with the services found there.

A location is listed under its own landmark, else under the nearest one within
:data:`NEAR_LANDMARK_M`, else under "Övriga platser". Where a location has no coordinates but
names its landmark, the landmark's point is used ("ca 200 m …"), since "at Cityterminalen" is
a place a worker can walk to. Only locations with neither end up in the last group,
"Utan känd plats".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kompassen.core import geo
from kompassen.core.geo import Direction
from kompassen.core.model import Landmark, Location, Service, ServiceRef

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

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


OTHER = -1  # group code: no landmark within NEAR_LANDMARK_M ("Övriga platser")
UNKNOWN = -2  # group code: no position at all ("Utan känd plats")


@dataclass(frozen=True, slots=True, eq=False)
class PlaceData:
    """An area's places that have a service, read once; every re-sort reuses it.

    Index ``i`` of each field is one place, in catalogue order. ``group`` is the landmark
    index the place is listed under, or :data:`OTHER` / :data:`UNKNOWN`.
    """

    landmarks: tuple[Landmark, ...]
    locations: tuple[Location, ...]
    services: tuple[tuple[ServiceRef | Service, ...], ...]  # catalogue order
    lat: NDArray[np.float64]  # where distances are measured to; NaN: unknown
    lon: NDArray[np.float64]
    borrowed: NDArray[np.bool_]  # the position is the landmark's
    group: NDArray[np.int64]


def prepare_places(
    locations: Sequence[Location],
    services: Mapping[str, Sequence[ServiceRef | Service]],
    landmarks: Sequence[Landmark],
) -> PlaceData:
    """Each place's position and group, the group by its own landmark or the nearest one.

    A location is listed under its own landmark, else under the nearest within
    :data:`NEAR_LANDMARK_M` (ties: the area's order), else under "Övriga platser".
    """
    import numpy as np

    index = {lm.id: i for i, lm in enumerate(landmarks)}
    locs: list[Location] = []
    here: list[tuple[ServiceRef | Service, ...]] = []
    lat: list[float] = []
    lon: list[float] = []
    borrowed: list[bool] = []
    group: list[int] = []
    nan = float("nan")
    for loc in locations:
        found = tuple(services.get(loc.id, ()))
        if not found:
            continue
        own = index.get(loc.landmark_id or "")
        y, x, lent = loc.lat, loc.lon, False
        if (y is None or x is None) and own is not None:
            y, x, lent = landmarks[own].lat, landmarks[own].lon, True
        locs.append(loc)
        here.append(found)
        borrowed.append(lent)
        if y is None or x is None:
            lat.append(nan)
            lon.append(nan)
            group.append(UNKNOWN)
        else:
            lat.append(y)
            lon.append(x)
            group.append(own if own is not None else OTHER)
    lats, lons = np.array(lat, dtype=np.float64), np.array(lon, dtype=np.float64)
    groups = np.array(group, dtype=np.int64)
    need = np.flatnonzero(groups == OTHER)
    if need.size and len(landmarks):
        dist = np.vstack(
            [geo.distances_m(lm.lat, lm.lon, lats[need], lons[need]) for lm in landmarks]
        )
        best = dist.argmin(axis=0)  # the first of equally near ones: the area's order
        close = dist[best, np.arange(need.size)] <= NEAR_LANDMARK_M
        groups[need] = np.where(close, best, OTHER)
    return PlaceData(
        tuple(landmarks),
        tuple(locs),
        tuple(here),
        lats,
        lons,
        np.array(borrowed, dtype=bool),
        groups,
    )


# Places whose numpy distances lie this close are ordered by geo.distance_m itself, then by
# catalogue order: numpy may round the last bit differently from math, and equally far
# places (the same point, or mirrored about the start) must come in the order they always did.
_TIE_M = 1e-6


def _settle_ties(
    order: NDArray[np.int64],
    dist: NDArray[np.float64],
    group: NDArray[np.int64],
    located: NDArray[np.int64],
    data: PlaceData,
    near: tuple[float, float],
) -> NDArray[np.int64]:
    """Re-sort each run of (nearly) equally far places of a group as the one-by-one path did."""
    import numpy as np

    d, g = dist[order], group[order]
    close = np.flatnonzero((np.diff(d) <= _TIE_M) & (g[1:] == g[:-1]))
    if not close.size:
        return order
    order = order.copy()
    cut = np.flatnonzero(np.diff(close) > 1)
    for start, end in zip(
        np.r_[close[0], close[cut + 1]].tolist(),
        (np.r_[close[cut], close[-1]] + 2).tolist(),
        strict=True,
    ):
        run = order[start:end].tolist()
        run.sort(
            key=lambda m: (
                geo.distance_m(*near, float(data.lat[located[m]]), float(data.lon[located[m]])),
                int(located[m]),
            )
        )
        order[start:end] = run
    return order


def place_rows(
    data: PlaceData,
    near: tuple[float, float] | None,
    lang: str,
    ranked_ids: Sequence[str] | None = None,
) -> PlaceList:
    """Section and place rows, nearest group first and nearest place first in each group.

    ``ranked_ids`` (search hits, best first) keeps only places with one of those services,
    and lists the services at a place in that order. Without it every place with a service
    is listed, services in catalogue order. Closed services go last at their place. Groups
    with an equally near first place keep the area's order of landmarks, "Övriga" last;
    places without a position come last, in catalogue order.
    """
    import numpy as np

    geo.describe(0.0, 0.0, 0.0, 0.0, lang)  # an unknown language fails here, not in a paint
    n = len(data.locations)
    rank = None if ranked_ids is None else {sid: i for i, sid in enumerate(ranked_ids)}
    if rank is None:
        keep = np.ones(n, dtype=bool)
    else:
        keep = np.fromiter(
            (any(s.id in rank for s in here) for here in data.services), dtype=bool, count=n
        )
    located = np.flatnonzero(keep & (data.group != UNKNOWN))
    unknown = np.flatnonzero(keep & (data.group == UNKNOWN))
    n_lm = len(data.landmarks)
    key = np.where(data.group[located] >= 0, data.group[located], n_lm)  # "Övriga" last
    keys, inverse = np.unique(key, return_inverse=True)
    if near is not None and located.size:
        dist = geo.distances_m(near[0], near[1], data.lat[located], data.lon[located])
        order = np.lexsort((located, dist, inverse))  # by group, then distance, then catalogue
        order = _settle_ties(order, dist, inverse, located, data, near)
        firsts = located[order[np.r_[0, np.flatnonzero(np.diff(inverse[order])) + 1]]]
        nearest = [geo.distance_m(*near, float(data.lat[i]), float(data.lon[i])) for i in firsts]
    else:
        order = np.lexsort((located, inverse))
        nearest = [0.0] * keys.size
    # groups: the nearest first place first, then the area's order of landmarks
    by_group = np.array(
        sorted(range(keys.size), key=lambda g: (nearest[g], keys[g])), dtype=np.int64
    )
    place_of = np.empty_like(by_group)
    place_of[by_group] = np.arange(by_group.size)
    group_pos = place_of[inverse]
    order = order[np.argsort(group_pos[order], kind="stable")]
    counts = np.bincount(group_pos, minlength=keys.size)

    # flat rows: each group's section row, then its places; then "Utan känd plats"
    starts = np.concatenate(([0], np.cumsum(counts + 1)[:-1])).astype(np.int64)
    total = int(counts.sum() + keys.size) + (unknown.size + 1 if unknown.size else 0)
    flat = np.full(total, -1, dtype=np.int64)
    flat[np.arange(order.size) + group_pos[order] + 1] = located[order]
    sections: dict[int, SectionRow] = {}
    for g in by_group:
        k = int(keys[g])
        lm = data.landmarks[k] if k < n_lm else None
        sections[int(starts[place_of[g]])] = SectionRow(lm, int(counts[place_of[g]]), True)
    if unknown.size:
        tail = total - unknown.size
        flat[tail:] = unknown
        sections[tail - 1] = SectionRow(None, int(unknown.size), False)
    return PlaceList(data, flat, sections, near, lang, rank)


class PlaceList(Sequence[PlaceRow | SectionRow]):
    """The rows of :func:`place_rows`; a place row is made when first read, then kept."""

    def __init__(
        self,
        data: PlaceData,
        flat: NDArray[np.int64],
        sections: dict[int, SectionRow],
        near: tuple[float, float] | None,
        lang: str,
        rank: Mapping[str, int] | None,
    ) -> None:
        self._data = data
        self._flat = flat.tolist()  # plain ints: the GUI thread reads one at a time
        self._sections = sections
        self._near = near
        self._lang = lang
        self._rank = rank
        self._made: list[Row | None] = [None] * len(self._flat)
        self.place_count = len(self._flat) - len(sections)

    def __len__(self) -> int:
        return len(self._flat)

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> list[Row]: ...
    def __getitem__(self, i: int | slice) -> Row | list[Row]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._flat)))]
        row = self._made[i]
        if row is None:
            j = i + len(self._flat) if i < 0 else i
            row = self._sections.get(j) or self._place(self._flat[j])
            self._made[i] = row
        return row

    def __iter__(self) -> Iterator[Row]:
        for i in range(len(self._flat)):
            yield self[i]

    def _place(self, i: int) -> PlaceRow:
        d = self._data
        here = list(d.services[i])
        rank = self._rank
        if rank is not None:
            here = sorted((s for s in here if s.id in rank), key=lambda s: rank[s.id])
        here.sort(key=lambda s: s.status != "active")  # stable: keeps rank or catalogue order
        loc, g = d.locations[i], int(d.group[i])
        if g == UNKNOWN:
            return PlaceRow(loc, tuple(here), None, None, None, False, None)
        lat, lon = float(d.lat[i]), float(d.lon[i])
        near = self._near
        direction = geo.describe(near[0], near[1], lat, lon, self._lang) if near else None
        group = d.landmarks[g] if g >= 0 else None
        return PlaceRow(loc, tuple(here), group, lat, lon, bool(d.borrowed[i]), direction)


def build_rows(
    locations: Sequence[Location],
    services: Mapping[str, Sequence[ServiceRef | Service]],
    landmarks: Sequence[Landmark],
    near: tuple[float, float] | None,
    lang: str,
    ranked_ids: Sequence[str] | None = None,
) -> list[Row]:
    """All rows at once (:func:`prepare_places` then :func:`place_rows`), for tests and tools."""
    return list(place_rows(prepare_places(locations, services, landmarks), near, lang, ranked_ids))


class LocationModel(QAbstractListModel):
    """Flat rows for a QListView: sections are enabled but not selectable, places are."""

    BATCH = 60  # rows handed to the view at a time; more come as it scrolls

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Row] = []
        self._places = 0
        self._shown = 0
        self._fetching = False

    # ---------------------------------------------------------------- content

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows; a :class:`PlaceList` is kept as it is (its rows are made as shown)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, PlaceList) else list(rows)
        self._places = (
            rows.place_count
            if isinstance(rows, PlaceList)
            else sum(1 for r in self._rows if isinstance(r, PlaceRow))
        )
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
        return self._places

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
