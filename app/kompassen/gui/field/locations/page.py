"""The map-free location list: every place in the area, nearest first, grouped by landmark.

Workers on the street rarely have a map open; they know the landmark they stand at. So this
page answers "what is close to Sergels torg, and which way" with distances, walking minutes
and a compass arrow per place, filtered by the same chips as the search page. Tapping a row
opens the (first) service there; with several services each has its own line to tap.

Nothing here reads or sorts on the GUI thread: where the area's places are is read and
grouped once on the search worker (:func:`prepare_points`), and every change of place,
filter or language sorts them there again (:func:`place_rows`) and reads the names and
services of the first screen; the list says "Laddar platser…" meanwhile. Further rows are
read on the worker as the list scrolls (``more_wanted``). At 100,000 services a landmark
change used to freeze the window for seconds, and the first open took 2–5 s to its first row.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.core import geo
from kompassen.core.model import Landmark, Term
from kompassen.gui.field.locations.delegate import LocationDelegate
from kompassen.gui.field.locations.model import (
    LocationModel,
    PlaceData,
    PlaceList,
    PlaceRow,
    place_rows,
    prepare_points,
    row_at,
)
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.touch import button, clear_button, fit_popup, kinetic, label

SEARCH_KEY = "locations"  # the filter search
LOAD_KEY = "locations-load"  # reading and grouping the area's places
ROWS_KEY = "locations-rows"  # sorting them for the place, filter and language
MORE_KEY = "locations-more"  # reading the names and services of the next rows to show
FIRST_ROWS = 2  # batches of rows read with each sort: the first screen and the next
FAR_KM = 50.0  # typed points farther than this from the area's centre are refused
NARROW_PX = 900  # below this width the place controls stack

_Index = QModelIndex | QPersistentModelIndex
_NUMBER = r"([+-]?\d+(?:[.,]\d+)?)"
_PAIR = re.compile(rf"^\s*{_NUMBER}\s*(?:[;,]\s*|\s+){_NUMBER}\s*$")


def parse_coords(text: str) -> tuple[float, float] | None:
    """ "59.3326, 18.0649", "59,3326 18,0649" or "59,3326; 18,0649" → (lat, lon); None if not two numbers."""
    m = _PAIR.match(text)
    if m is None:
        return None
    return float(m.group(1).replace(",", ".")), float(m.group(2).replace(",", "."))


# ---------------------------------------------------------------------------- the view


class LocationListView(QListView):
    """A list that opens a row on tap and on Enter/Return (never twice for one tap)."""

    open_requested = Signal(QModelIndex, QPoint)  # the point is (-1, -1) for the keyboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._release = QPoint(-1, -1)
        self.clicked.connect(lambda index: self.open_requested.emit(index, self._release))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._release = event.position().toPoint()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex(), QPoint(-1, -1))
            event.accept()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------------------- the page


class LocationsPage(QWidget):
    """All places of the area nearest first, by landmark, filtered by the chosen chips."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self._data: PlaceData | None = None  # None while the area's places are read
        self._load_ticket = 0
        self._rows_ticket = 0  # 0: no sort waiting
        self._terms: dict[str, Term] = {}
        self._ranked: list[str] | None = None  # hit ids of the current filter, best first
        self._latest = 0  # ticket of the newest filter search
        self._filter_key: tuple[object, ...] | None = None
        self._searching = False
        self._failed = ""
        self._more_error = ""  # reading the next rows failed (a scroll tries again)
        self._syncing = False
        self._pending: set[str] = set()  # what changed while the page was hidden

        self.model = LocationModel(self)
        self.delegate = LocationDelegate(svc.theme, self)
        self._build()
        self._connect()
        self._load_area(later=True)
        self._sync_place_controls()
        self._refilter()
        self._retranslate()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(8)

        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.setSpacing(12)
        from_row = QHBoxLayout()
        from_row.setSpacing(8)
        self.from_label = label(role="section", wrap=False)
        self.from_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.place_combo = QComboBox(self)
        self.place_combo.setMinimumHeight(TOUCH_PX)
        fit_popup(self.place_combo)
        self.place_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.place_combo.setMinimumContentsLength(12)
        self.place_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.from_label.setBuddy(self.place_combo)
        from_row.addWidget(self.from_label)
        from_row.addWidget(self.place_combo, 1)

        coords_col = QVBoxLayout()
        coords_col.setSpacing(4)
        coords_row = QHBoxLayout()
        coords_row.setSpacing(8)
        self.coords_edit = QLineEdit(self)
        self.coords_edit.setMinimumHeight(TOUCH_PX)
        self.coords_edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.coords_clear = clear_button(self.coords_edit)
        self.coords_button = button("", role="primary")
        coords_row.addWidget(self.coords_edit, 1)
        coords_row.addWidget(self.coords_button)
        self.coords_error = label(role="warning")
        self.coords_error.setAccessibleDescription("")
        self.coords_error.hide()
        coords_col.addLayout(coords_row)
        coords_col.addWidget(self.coords_error)

        self._top.addLayout(from_row, 3)
        self._top.addLayout(coords_col, 2)
        self._top.setAlignment(from_row, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(self._top)

        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        self.filter_label = label(role="muted")
        self.show_all_button = button("")
        filter_row.addWidget(self.filter_label, 1, Qt.AlignmentFlag.AlignVCenter)
        filter_row.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(filter_row)

        self.empty_label = label(role="muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_label.hide()
        outer.addWidget(self.empty_label)

        self.view = LocationListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        # rows are laid out a batch per turn of the event loop: each batch scrolled in lays
        # out every row shown again, which at thousands of rows froze the window
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(LocationModel.BATCH)
        self.view.setWordWrap(True)
        kinetic(self.view)
        outer.addWidget(self.view, 1)

    def _connect(self) -> None:
        st = self.svc.state
        st.place_changed.connect(self._on_place_changed)
        st.filters_changed.connect(self._on_filters_changed)
        st.language_changed.connect(self._on_language_changed)
        st.area_changed.connect(self._on_area_changed)
        self.svc.runner.finished.connect(self._on_search_finished)
        self.svc.runner.failed.connect(self._on_search_failed)
        self.svc.theme.changed.connect(self._on_theme_changed)
        self.place_combo.currentIndexChanged.connect(self._on_combo)
        self.coords_edit.returnPressed.connect(self.apply_coords)
        self.coords_button.clicked.connect(self.apply_coords)
        self.show_all_button.clicked.connect(self.svc.state.clear)
        self.view.open_requested.connect(self._open)
        self.model.more_wanted.connect(self._read_more)

    # ---------------------------------------------------------------- data

    def _load_area(self, *, later: bool = False) -> None:
        """Read the area's places once, on the worker; sorting and filtering reuse them.

        ``later``: after the page has been shown and painted. The worker's reading holds the
        GIL most of the time, and each of the page's many Qt calls while it is being built
        gives the GIL up; with both at once the first paint took over 100 ms at 100k.
        """
        reader, area_id = self.svc.reader, self.svc.state.area.id
        self._terms = {t.code: t for t in reader.terms(area_id)}  # a few dozen chips
        self._syncing = True
        self.place_combo.clear()
        items = []
        for lm in self.svc.state.landmarks:
            item = QStandardItem(lm.name)
            item.setData(lm.id, Qt.ItemDataRole.UserRole)  # as addItem(name, id) stores it
            items.append(item)
        combo_model = self.place_combo.model()
        assert isinstance(combo_model, QStandardItemModel)  # the combo's own
        # all at once: the popup is fitted to its items per insert (16 ms of 22 one by one)
        combo_model.invisibleRootItem().appendRows(items)
        self._syncing = False
        self._data = None
        self._rows_ticket = 0
        self.model.set_rows([])
        self._load_ticket = -1  # no answer is the latest until the load is queued
        if later:
            QTimer.singleShot(0, self, self._submit_load)  # posted paints run before timers
        else:
            self._submit_load()
        self._update_texts()

    def _submit_load(self) -> None:
        """Queue the read; without a filter the first sort too, in the same job (one hop less)."""
        reader, area_id = self.svc.reader, self.svc.state.area.id
        landmarks = tuple(self.svc.state.landmarks)
        key = self._rows_key() if not self._filter_active(self.svc.state.query) else None
        first = FIRST_ROWS * self.model.BATCH
        self._load_ticket = self.svc.runner.submit(
            LOAD_KEY, lambda _search: _load(reader, area_id, landmarks, key, first)
        )

    def _rows_key(self) -> tuple[tuple[float, float] | None, str, tuple[str, ...] | None]:
        """What the rows are sorted for: the starting point, the language, the filter's hits."""
        st = self.svc.state
        return st.near, st.lang, None if self._ranked is None else tuple(self._ranked)

    def _rebuild(self) -> None:
        """Sort the places for the current place, filter and language, on the worker."""
        data = self._data
        if data is None:
            return  # the load's answer rebuilds
        near, lang, ranked = self._rows_key()
        first = FIRST_ROWS * self.model.BATCH
        self._rows_ticket = self.svc.runner.submit(
            ROWS_KEY, lambda _search: _sorted(data, near, lang, ranked, first)
        )
        self._update_texts()

    def _read_more(self, rows: PlaceList, start: int, end: int) -> None:
        """The view scrolls on: read the next rows' names and services on the worker."""
        self.svc.runner.submit(MORE_KEY, lambda _search: _prefetched(rows, start, end))

    @property
    def loading(self) -> bool:
        """True while the area's places are read or sorted: the list is not the latest yet."""
        return self._data is None or self._rows_ticket != 0

    @property
    def busy(self) -> bool:
        """Loading, or looking up the services the filters allow."""
        return self.loading or self._searching

    def _filter_active(self, q: SearchQuery) -> bool:
        return bool(q.groups or q.needs or q.text.strip() or q.only_open)

    def _refilter(self) -> None:
        """Search (on the search thread) for the services the chips allow, then list their places."""
        q = self.svc.state.query
        if not self._filter_active(q):
            self._filter_key = None
            self._ranked = None
            self._searching = False
            self._failed = ""
            self._rebuild()
            return
        key = (q.area_id, q.groups, q.needs, q.text, q.only_open, q.time_mode, q.at, q.lang)
        if key == self._filter_key:
            return  # only the place changed: the same services match
        self._filter_key = key
        self._searching = True
        self._failed = ""
        self._update_texts()
        wanted = replace(q, limit=1_000_000, offset=0, ids_only=True)
        self._latest = self.svc.runner.submit(SEARCH_KEY, lambda s: s.search(wanted))

    def _on_search_finished(self, key: str, ticket: int, result: object) -> None:
        if key == LOAD_KEY:
            if ticket == self._load_ticket and isinstance(result, _Loaded):
                self._data = result.data
                if result.rows is not None and result.key == self._rows_key():
                    self._rows_ticket = 0
                    self.model.set_rows(result.rows)
                    self._update_texts()
                else:
                    self._rebuild()  # the place, language or filter changed meanwhile
            return
        if key == ROWS_KEY:
            if ticket == self._rows_ticket and isinstance(result, PlaceList):
                self._rows_ticket = 0
                self.model.set_rows(result)
                self._update_texts()
            return
        if key == MORE_KEY:
            if self._more_error:
                self._more_error = ""
                self._update_texts()
            self.model.details_ready(result)
            return
        # tickets only grow; a synchronous runner answers before submit() returns the ticket
        if key != SEARCH_KEY or ticket < self._latest or not isinstance(result, SearchResult):
            return
        self._latest = ticket
        if not self._filter_active(self.svc.state.query):
            return  # the filters were cleared meanwhile
        self._searching = False
        self._ranked = list(result.ids)
        self._rebuild()

    def _on_search_failed(self, key: str, ticket: int, exc: object) -> None:
        if key == MORE_KEY:
            self.model.details_failed()
            self._more_error = str(exc)
            self._update_texts()
            return
        if key in (LOAD_KEY, ROWS_KEY):
            if ticket in (self._load_ticket, self._rows_ticket):
                if key == LOAD_KEY:
                    self._load_ticket = -1  # an answer to nothing: the area is read again
                    self._pending.add("area")  # when the page is shown next
                self._rows_ticket = 0
                self._failed = str(exc)
                self._update_texts()
            return
        if key != SEARCH_KEY or ticket < self._latest:
            return
        self._latest = ticket
        self._searching = False
        self._filter_key = None  # try again on the next change
        self._failed = str(exc)
        self._update_texts()

    # ---------------------------------------------------------------- reacting

    def _hidden(self, what: str) -> bool:
        """While another page is shown, remember what changed instead of working for nothing.

        Typing on the search page must not also re-search and re-sort every place here.
        """
        if self.isVisible():
            return False
        self._pending.add(what)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        pending, self._pending = self._pending, set()
        if "area" in pending:
            self._on_area_changed()
        elif pending:
            self._sync_place_controls()
            self._filter_key = None
            self._refilter()
        super().showEvent(event)

    def _on_filters_changed(self) -> None:
        if not self._hidden("filters"):
            self._refilter()

    def _on_place_changed(self) -> None:
        if self._hidden("place"):
            return
        self._sync_place_controls()
        self._rebuild()

    def _on_language_changed(self) -> None:
        if not self._hidden("language"):
            self._rebuild()  # directions and chip labels are in the data's language

    def _on_area_changed(self) -> None:
        if self._hidden("area"):
            return
        self._filter_key = None
        self._ranked = None
        self._load_area()
        self._sync_place_controls()
        self._refilter()

    def _on_theme_changed(self) -> None:
        self.view.doItemsLayout()  # the text size may have changed the row heights
        self.view.viewport().update()

    def _sync_place_controls(self) -> None:
        """Show the state's place in the combo and the coordinate field."""
        st = self.svc.state
        self._syncing = True
        if st.coords is not None:
            self.place_combo.setCurrentIndex(-1)
            self.coords_edit.setText(f"{st.coords[0]:.5f}, {st.coords[1]:.5f}")
        else:
            i = self.place_combo.findData(st.landmark.id) if st.landmark else -1
            self.place_combo.setCurrentIndex(i)
            self.coords_edit.clear()
        self._syncing = False
        self._show_error("")

    def _on_combo(self, index: int) -> None:
        if self._syncing or index < 0:
            return
        self.svc.state.set_landmark(self.place_combo.itemData(index))

    def apply_coords(self) -> None:
        """Use the typed "lat, lon" as the starting point, or say in words what is wrong."""
        text = self.coords_edit.text().strip()
        st = self.svc.state
        if not text:
            if st.coords is not None:
                st.set_landmark(st.landmark.id if st.landmark else None)
            self._show_error("")
            return
        clat, clon = st.area.center
        parsed = parse_coords(text)
        if parsed is None:
            self._show_error(
                self.tr("Skriv latitud och longitud som två tal, till exempel {example}.").format(
                    example=f"{clat:.4f}, {clon:.4f}"
                )
            )
            return
        lat, lon = parsed
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self._show_error(
                self.tr("Latitud ska vara mellan −90 och 90 och longitud mellan −180 och 180.")
            )
            return
        km = geo.distance_m(clat, clon, lat, lon) / 1000
        if km > FAR_KM:
            swapped_ok = -90 <= lon <= 90 and geo.distance_m(clat, clon, lon, lat) / 1000 <= FAR_KM
            if swapped_ok:
                self._show_error(
                    self.tr("Latitud och longitud verkar ha bytt plats – prova {pair}.").format(
                        pair=f"{lon}, {lat}"
                    )
                )
            else:
                self._show_error(
                    self.tr(
                        "Punkten ligger {km} km från {area}. Kontrollera koordinaterna."
                    ).format(km=f"{km:.0f}", area=st.area.name)
                )
            return
        self._show_error("")
        st.set_coords(lat, lon)

    def _show_error(self, message: str) -> None:
        self.coords_error.setText(message)
        self.coords_error.setVisible(bool(message))
        self.coords_edit.setAccessibleDescription(message)

    @property
    def searching(self) -> bool:
        """True while the services matching the filters are being looked up."""
        return self._searching

    # ---------------------------------------------------------------- opening

    def _open(self, index: QModelIndex, pos: QPoint) -> None:
        row = row_at(index)
        if not isinstance(row, PlaceRow) or not row.services:
            return
        sid = None
        if pos.x() >= 0:
            sid = self.delegate.service_at(self.view.visualRect(index), row, pos)
        self.svc.nav.open_service(sid or row.services[0].id)

    # ---------------------------------------------------------------- texts

    def filter_words(self, q: SearchQuery) -> list[str]:
        """The active filters in words: chip labels, the typed text, "bara öppna"."""
        lang = self.svc.state.lang
        words = [
            self._terms[c].label.get(lang) if c in self._terms else c for c in (*q.groups, *q.needs)
        ]
        if q.text.strip():
            words.append(self.tr("”{text}”").format(text=q.text.strip()))
        if q.only_open:
            words.append(self.tr("bara öppna"))
        return words

    def _update_texts(self) -> None:
        st = self.svc.state
        q = st.query
        n = self.model.place_count()
        count = self.model.count_text(n)
        filtered = self._filter_active(q)
        first_load = self._data is None
        if first_load and not filtered:
            line = self._failed or self.tr("Laddar platser…")
        elif filtered:
            line = self.tr("Filtrerat: {filters}").format(filters=", ".join(self.filter_words(q)))
            if self._searching:
                line += " · " + self.tr("söker …")
            elif first_load and not self._failed:
                line += " · " + self.tr("Laddar platser…")
            elif self._failed:
                line += " · " + self.tr("filtret gick inte att använda: {error}").format(
                    error=self._failed
                )
            else:
                line += " · " + count
        else:
            line = count
            if st.near is not None:
                line += " · " + self.tr("närmast först från {place}").format(place=st.place_name)
            if self._more_error:
                line += " · " + self._more_error  # the next rows could not be read
        if self.loading and not first_load and not self._failed:
            line += " · " + self.tr("sorterar …")  # the rows shown are the last ones
        self.filter_label.setText(line)
        self.filter_label.setAccessibleName(line)
        self.show_all_button.setVisible(filtered)
        empty = n == 0 and not self._searching and not self.loading  # the line says "Laddar"
        if empty:
            self.empty_label.setText(
                self.tr("Inga platser med adress matchar filtren.")
                if filtered
                else self.tr("Området har inga platser med adress.")
            )
        self.empty_label.setVisible(empty)

    def _retranslate(self) -> None:
        self.from_label.setText(self.tr("Från:"))
        self.place_combo.setAccessibleName(self.tr("Från plats"))
        self.place_combo.setPlaceholderText(self.tr("Egen punkt"))
        self.coords_edit.setPlaceholderText(self.tr("lat, lon"))
        self.coords_edit.setAccessibleName(self.tr("Egen punkt: latitud, longitud"))
        self.coords_button.setText(self.tr("Använd"))
        self.coords_button.setAccessibleName(self.tr("Använd koordinaterna"))
        self.show_all_button.setText(self.tr("Visa alla"))
        self.show_all_button.setAccessibleName(self.tr("Visa alla platser, rensa filtren"))
        self.view.setAccessibleName(self.tr("Platser, närmast först"))
        self.filter_label.setAccessibleDescription(self.tr("Vilka filter som gäller"))
        self.model.retranslate()
        self._update_texts()

    # ---------------------------------------------------------------- Qt

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = self.width() < NARROW_PX
        self._top.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)


def _read_places(
    reader: CatalogueReader, area_id: str, landmarks: tuple[Landmark, ...]
) -> PlaceData:
    """On the worker: where the area's places are and their groups; names are read later.

    Only ids and positions (``place_points``): the names, addresses and services of 40,000
    places at 100,000 services took 2 s to read and build, and the first screen shows 60.
    The rows are read as they are about to be shown (:func:`_sorted`, :func:`_prefetched`).
    The reader's connection is the GUI's (opened without a thread check); reading it here
    keeps the window responsive. The cyclic garbage collector is paused meanwhile: a burst
    of fresh objects sets off full collections that walk every object of the process
    holding the GIL, and so block the GUI thread (167 ms measured at 100k). Nothing read
    here forms a cycle; the result is long-lived, so it is frozen out of later collections.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return prepare_points(
            area_id,
            reader.place_points(area_id),
            landmarks,
            partial(reader.places, area_id),
            partial(reader.place_services, area_id),
        )
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@dataclass(frozen=True, slots=True, eq=False)
class _Loaded:
    """The load's answer: the area's places and, when asked for, the first sort's rows."""

    data: PlaceData
    rows: PlaceList | None
    key: tuple[tuple[float, float] | None, str, tuple[str, ...] | None] | None


def _load(
    reader: CatalogueReader,
    area_id: str,
    landmarks: tuple[Landmark, ...],
    key: tuple[tuple[float, float] | None, str, tuple[str, ...] | None] | None,
    first: int,
) -> _Loaded:
    """On the worker: read the places, then (``key``: for this place, language and filter)
    sort them and read the first screen's rows, which the page shows if nothing changed."""
    data = _read_places(reader, area_id, landmarks)
    rows = None if key is None else _sorted(data, *key, first)
    return _Loaded(data, rows, key)


def _sorted(
    data: PlaceData,
    near: tuple[float, float] | None,
    lang: str,
    ranked: tuple[str, ...] | None,
    first: int,
) -> PlaceList:
    """On the worker: the rows for this place, filter and language, the first ``first`` read."""
    rows = place_rows(data, near, lang, ranked)
    rows.prefetch(0, first)
    return rows


def _prefetched(rows: PlaceList, start: int, end: int) -> PlaceList:
    """On the worker: the names and services of rows ``start``..``end - 1``."""
    rows.prefetch(start, end)
    return rows
