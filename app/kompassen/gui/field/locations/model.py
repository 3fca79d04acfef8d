"""The location list as rows: one section row per landmark, then its places nearest first.

Grouping and ordering are plain functions, tested without widgets, that the page runs on the
search worker, never on the GUI thread: :func:`prepare_points` once per area, from where
the places are and nothing else (each place's group does not depend on where the worker
stands), :func:`place_rows` on every change of place, filter or language. The latter only
sorts arrays (numpy). A row's names and services are read for the rows about to be shown
(:meth:`PlaceList.prefetch`, a screenful at a time, on the worker) and the row is made when
the view first asks for it, so 40,000 places cost the first screen and the GUI thread one
screenful. A place is a catalogue location with the services found there.

A location is listed under its own landmark, else under the nearest one within
:data:`NEAR_LANDMARK_M`, else under "Övriga platser". Where a location has no coordinates but
names its landmark, the landmark's point is used ("ca 200 m …"), since "at Cityterminalen" is
a place a worker can walk to. Only locations with neither end up in the last group,
"Utan känd plats".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import (
    QAbstractListModel,
    QMetaMethod,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)

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

Point = tuple[str, float | None, float | None, str | None]  # location id, lat, lon, landmark id
Details = Sequence[tuple[Location, Sequence[ServiceRef | Service]]]
FetchDetails = Callable[[Sequence[str]], Details]  # location ids → the locations and services
FetchServiceIds = Callable[[], Mapping[str, Sequence[str]]]  # location id → service ids there


class PlaceData:
    """An area's places that have a service; every re-sort reuses it.

    Index ``i`` of each field is one place, in catalogue order. ``group`` is the landmark
    index the place is listed under, or :data:`OTHER` / :data:`UNKNOWN`. What sorting needs
    (``ids``, positions, groups) is there for every place from the start; what a row shows
    (the location's name and address, the services there) is read by ``fetch`` for the rows
    about to be shown (:meth:`PlaceList.prefetch`) and kept, so the first screen of 40,000
    places waits for one screenful of names, not for all of them. The worker fills
    ``locations`` and ``services`` while the GUI thread reads what is there: each item is
    set once, whole (a list item store, atomic under the GIL).
    """

    __slots__ = (
        "_fetch",
        "_fetch_ids",
        "_service_ids",
        "area_id",
        "borrowed",
        "group",
        "ids",
        "landmarks",
        "lat",
        "locations",
        "lon",
        "services",
    )

    def __init__(
        self,
        area_id: str,
        landmarks: tuple[Landmark, ...],
        ids: tuple[str, ...],
        lat: NDArray[np.float64],
        lon: NDArray[np.float64],
        borrowed: NDArray[np.bool_],
        group: NDArray[np.int64],
        *,
        fetch: FetchDetails | None = None,
        fetch_ids: FetchServiceIds | None = None,
    ) -> None:
        self.area_id = area_id
        self.landmarks = landmarks
        self.ids = ids
        self.lat = lat  # where distances are measured to; NaN: unknown
        self.lon = lon
        self.borrowed = borrowed  # the position is the landmark's
        self.group = group
        self.locations: list[Location | None] = [None] * len(ids)
        self.services: list[tuple[ServiceRef | Service, ...] | None] = [None] * len(ids)
        self._fetch = fetch
        self._fetch_ids = fetch_ids
        self._service_ids: list[frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def has_details(self, i: int) -> bool:
        return self.services[i] is not None

    def load(self, places: Iterable[int]) -> None:
        """Read the locations and services of these places (those not read yet), in one go."""
        want = [i for i in places if self.services[i] is None]
        if not want:
            return
        if self._fetch is None:
            raise LookupError("these places have no details and nothing to read them from")
        got = {loc.id: (loc, here) for loc, here in self._fetch([self.ids[i] for i in want])}
        for i in want:
            found = got.get(self.ids[i])
            if found is None:  # a new release removed it; the page reloads the area next
                lat, lon = float(self.lat[i]), float(self.lon[i])
                known = lat == lat  # not NaN
                found = (
                    Location(
                        self.ids[i],
                        self.area_id,
                        "",
                        None,
                        None,
                        lat if known else None,
                        lon if known else None,
                        False,
                        "",
                        None,
                    ),
                    (),
                )
            self.locations[i] = found[0]
            self.services[i] = tuple(found[1])

    def service_ids(self) -> list[frozenset[str]]:
        """Per place, the ids of its services (what a filter keeps); read once, on first use."""
        if self._service_ids is None:
            if self._fetch_ids is None or all(h is not None for h in self.services):
                self._service_ids = [frozenset(s.id for s in here or ()) for here in self.services]
            else:
                at = self._fetch_ids()
                self._service_ids = [frozenset(at.get(i, ())) for i in self.ids]
        return self._service_ids


def _group_places(
    points: Sequence[Point], landmarks: Sequence[Landmark]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_], NDArray[np.int64]]:
    """Each place's position (its own, else its landmark's) and group, in the order given."""
    import numpy as np

    index = {lm.id: i for i, lm in enumerate(landmarks)}
    n = len(points)
    lats = np.array([p[1] for p in points], dtype=np.float64).reshape(n)  # None → NaN
    lons = np.array([p[2] for p in points], dtype=np.float64).reshape(n)
    own = np.array([index.get(p[3] or "", -1) for p in points], dtype=np.int64).reshape(n)
    lm_lat = np.array([lm.lat for lm in landmarks] + [np.nan], dtype=np.float64)
    lm_lon = np.array([lm.lon for lm in landmarks] + [np.nan], dtype=np.float64)
    # half a position counts as none: the landmark's point, else unknown
    borrowed = (np.isnan(lats) | np.isnan(lons)) & (own >= 0)
    lats = np.where(borrowed, lm_lat[own], lats)
    lons = np.where(borrowed, lm_lon[own], lons)
    located = ~(np.isnan(lats) | np.isnan(lons))
    lats[~located] = np.nan
    lons[~located] = np.nan
    groups = np.where(located, np.where(own >= 0, own, OTHER), UNKNOWN).astype(np.int64)
    need = np.flatnonzero(groups == OTHER)
    if need.size and len(landmarks):
        dist = np.vstack(
            [geo.distances_m(lm.lat, lm.lon, lats[need], lons[need]) for lm in landmarks]
        )
        best = dist.argmin(axis=0)  # the first of equally near ones: the area's order
        close = dist[best, np.arange(need.size)] <= NEAR_LANDMARK_M
        groups[need] = np.where(close, best, OTHER)
    return lats, lons, borrowed, groups


def prepare_points(
    area_id: str,
    points: Sequence[Point],
    landmarks: Sequence[Landmark],
    fetch: FetchDetails,
    fetch_ids: FetchServiceIds,
) -> PlaceData:
    """The places from their points alone (``CatalogueReader.place_points``); rows read later.

    ``fetch`` reads the locations and services of the places about to be shown
    (``CatalogueReader.places``), ``fetch_ids`` the service ids of every place once a filter
    needs them (``CatalogueReader.place_services``). Grouped as :func:`prepare_places`.
    """
    lats, lons, borrowed, groups = _group_places(points, landmarks)
    return PlaceData(
        area_id,
        tuple(landmarks),
        tuple(p[0] for p in points),
        lats,
        lons,
        borrowed,
        groups,
        fetch=fetch,
        fetch_ids=fetch_ids,
    )


def prepare_places(
    locations: Sequence[Location],
    services: Mapping[str, Sequence[ServiceRef | Service]],
    landmarks: Sequence[Landmark],
) -> PlaceData:
    """Each place's position and group, the group by its own landmark or the nearest one.

    A location is listed under its own landmark, else under the nearest within
    :data:`NEAR_LANDMARK_M` (ties: the area's order), else under "Övriga platser".
    Everything is given, so nothing is read later (tests, tools; the page reads points).
    """
    places = [(loc, tuple(services.get(loc.id, ()))) for loc in locations]
    places = [(loc, here) for loc, here in places if here]
    points = [(loc.id, loc.lat, loc.lon, loc.landmark_id) for loc, _ in places]
    lats, lons, borrowed, groups = _group_places(points, landmarks)
    area_id = places[0][0].area_id if places else ""
    data = PlaceData(
        area_id, tuple(landmarks), tuple(p[0] for p in points), lats, lons, borrowed, groups
    )
    data.locations[:] = [loc for loc, _ in places]
    data.services[:] = [here for _, here in places]
    return data


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
    n = len(data)
    rank = None if ranked_ids is None else {sid: i for i, sid in enumerate(ranked_ids)}
    if rank is None:
        keep = np.ones(n, dtype=bool)
    else:
        keep = np.fromiter(
            (not here.isdisjoint(rank) for here in data.service_ids()), dtype=bool, count=n
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
    """The rows of :func:`place_rows`; a place row is made when first read, then kept.

    A row needs its place's details (name, address, services). :meth:`prefetch` reads those
    of a range of rows (on the worker) and :meth:`ready` tells whether they are in; the
    model shows only rows that are. Reading a row whose details are not in reads them on
    the spot, a batch at a time (tests and tools that read every row).
    """

    BATCH = 60  # rows read at a time when a row is asked for before its details are in

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
            row = self._sections.get(j)
            if row is None:
                place = self._flat[j]
                if not self._data.has_details(place):
                    self.prefetch(j, j + self.BATCH)
                row = self._place(place)
            self._made[i] = row
        return row

    def __iter__(self) -> Iterator[Row]:
        for i in range(len(self._flat)):
            yield self[i]

    def _places(self, start: int, end: int) -> list[int]:
        return [p for p in self._flat[max(start, 0) : end] if p >= 0]

    def ready(self, start: int, end: int) -> bool:
        """Whether rows ``start``..``end - 1`` can be made without reading the catalogue."""
        has = self._data.has_details
        return all(has(p) for p in self._places(start, end))

    def prefetch(self, start: int, end: int) -> None:
        """Read the details of rows ``start``..``end - 1`` not read yet (one query, on the worker)."""
        self._data.load(self._places(start, end))

    def _place(self, i: int) -> PlaceRow:
        d = self._data
        here = list(d.services[i] or ())
        rank = self._rank
        if rank is not None:
            here = sorted((s for s in here if s.id in rank), key=lambda s: rank[s.id])
        here.sort(key=lambda s: s.status != "active")  # stable: keeps rank or catalogue order
        loc, g = d.locations[i], int(d.group[i])
        assert loc is not None  # read by prefetch
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
    """Flat rows for a QListView: sections are enabled but not selectable, places are.

    The view gets :data:`BATCH` rows at a time as it scrolls, and only rows whose details
    are in: when the next batch's are not, ``more_wanted`` asks for them (the page reads
    them on the worker) and :meth:`details_ready` shows them. Each batch shown asks for the
    one after it at once, so scrolling seldom waits.
    """

    BATCH = 60  # rows handed to the view at a time; more come as it scrolls
    more_wanted = Signal(object, int, int)  # PlaceList, rows start..end - 1 to read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Row] = []
        self._places = 0
        self._shown = 0
        self._fetching = False
        self._asked = False  # details of the next batch asked for, not in yet
        self._view_waits = False  # the view wanted that batch
        # the delegate's row heights: (row, width, text size) → size; rows never move
        # within one set of rows, so only a new set empties it
        self.sizes: dict[tuple[int, int, float], QSize] = {}

    # ---------------------------------------------------------------- content

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows; a :class:`PlaceList` is kept as it is (its rows are made as shown).

        Its first batch should be read already (:meth:`PlaceList.prefetch` on the worker);
        if not, it is read here.
        """
        self.beginResetModel()
        self._rows = rows if isinstance(rows, PlaceList) else list(rows)
        self._places = (
            rows.place_count
            if isinstance(rows, PlaceList)
            else sum(1 for r in self._rows if isinstance(r, PlaceRow))
        )
        self._shown = min(self.BATCH, len(self._rows))
        self._asked = self._view_waits = False
        self.sizes.clear()
        self.endResetModel()
        self._read_ahead()

    def details_ready(self, rows: object) -> None:
        """The details asked for by ``more_wanted`` are in: show them if the view waited."""
        if rows is not self._rows:
            return  # an older list's; its details are kept for the next one anyway
        self._asked = False
        if self._view_waits:
            self._view_waits = False
            self.fetchMore(QModelIndex())
        else:
            self._read_ahead()

    def details_failed(self) -> None:
        """Reading them failed (the page says so): the next scroll asks again."""
        self._asked = self._view_waits = False

    def _next(self) -> tuple[int, int]:
        return self._shown, min(self._shown + self.BATCH, len(self._rows))

    def _read_ahead(self) -> None:
        """Ask for the next batch's details before the view wants them."""
        rows = self._rows
        start, end = self._next()
        if not isinstance(rows, PlaceList) or start >= end or self._asked or not self._told():
            return
        if not rows.ready(start, end):
            self._asked = True
            self.more_wanted.emit(rows, start, end)

    def _told(self) -> bool:
        """Whether someone reads details when asked (the page does, on the worker)."""
        return self.isSignalConnected(QMetaMethod.fromSignal(self.more_wanted))

    def row(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def all_rows(self) -> list[Row]:
        """Every row, also those the view has not fetched yet (read here: tests and tools)."""
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
        return (
            not parent.isValid()
            and not self._fetching
            and not self._view_waits
            and self._shown < len(self._rows)
        )

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        start, end = self._next()
        rows = self._rows
        if isinstance(rows, PlaceList) and not rows.ready(start, end):
            if not self._told():
                rows.prefetch(start, end)  # nobody reads them for us: a model on its own
            else:
                self._view_waits = True  # details_ready shows them
                if not self._asked:
                    self._asked = True
                    self.more_wanted.emit(rows, start, end)
                return
        self._fetching = True  # views and testers may ask again from inside beginInsertRows
        try:
            self.beginInsertRows(QModelIndex(), start, end - 1)
            self._shown = end
            self.endInsertRows()
        finally:
            self._fetching = False
        self._read_ahead()

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
