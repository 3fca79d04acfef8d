"""The location list page, driven for real offscreen on the bundled Klara catalogue.

Expected orders and groups are computed here from the catalogue with ``core.geo``, never
written down, so the tests keep holding when the Klara pack is updated.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kompassen.catalogue.search.model import SearchResult
from kompassen.compose import AppContext
from kompassen.core import geo
from kompassen.core.model import Landmark, Location
from kompassen.gui.field.locations.model import (
    NEAR_LANDMARK_M,
    BearingRole,
    DirectionTextRole,
    DistanceRole,
    KindRole,
    LocationModel,
    PlaceRow,
    SectionRow,
    ServiceIdsRole,
    build_rows,
    services_by_location,
)
from kompassen.gui.field.locations.page import SEARCH_KEY, LocationsPage, parse_coords
from kompassen.gui.field.services import FieldServices
from kompassen.gui.widgets.compass import CompassArrow, arrow_polygon, paint_compass

# ------------------------------------------------------------------------------ helpers


@pytest.fixture
def page(qtbot: QtBot, services: FieldServices) -> Iterator[LocationsPage]:
    p = LocationsPage(services)
    qtbot.addWidget(p)
    p.resize(800, 1280)
    p.show()
    qtbot.waitExposed(p)
    settle(qtbot, p)
    yield p


def fetch_all(model: LocationModel) -> None:
    while model.canFetchMore(model.index(-1, 0)):
        model.fetchMore(model.index(-1, 0))


def groups(model: LocationModel) -> list[tuple[SectionRow, list[PlaceRow]]]:
    """The model's rows as (section, places) pairs, read through ``data()`` like a view."""
    fetch_all(model)
    out: list[tuple[SectionRow, list[PlaceRow]]] = []
    for r in range(model.rowCount()):
        row = model.row(r)
        if isinstance(row, SectionRow):
            out.append((row, []))
        else:
            assert isinstance(row, PlaceRow)
            assert out, "a place row before any section"
            out[-1][1].append(row)
    return out


def position(loc: Location, landmarks: list[Landmark]) -> tuple[float, float] | None:
    """Where a location is: its own point, or its landmark's (the page's documented rule)."""
    if loc.lat is not None and loc.lon is not None:
        return (loc.lat, loc.lon)
    own = next((lm for lm in landmarks if lm.id == loc.landmark_id), None)
    return (own.lat, own.lon) if own else None


def expected_locations(svc: FieldServices, service_ids: set[str] | None = None) -> set[str]:
    """Ids of the area's locations that have a service (one of ``service_ids``, if given)."""
    reader = svc.reader
    out = set()
    for s in reader.services(reader.service_ids(svc.state.area.id)):
        if service_ids is None or s.id in service_ids:
            out.update(loc.id for loc in s.locations)
    return out


def settle(qtbot: QtBot, page: LocationsPage) -> None:
    """Wait for the filter search and the sort (the runner answers from the event loop)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def first_place(model: LocationModel) -> PlaceRow:
    return next(p for _, places in groups(model) for p in places)


def row_of(model: LocationModel, predicate: object) -> int:
    fetch_all(model)
    for r in range(model.rowCount()):
        row = model.row(r)
        if isinstance(row, PlaceRow) and predicate(row):  # type: ignore[operator]
            return r
    raise AssertionError("no such row")


# ------------------------------------------------------------------------------ the model


def test_model_passes_the_qt_model_tester(
    page: LocationsPage, qtmodeltester: ModelTester, services: FieldServices
) -> None:
    qtmodeltester.check(page.model)
    st = services.state
    small = LocationModel()
    small.BATCH = 3
    reader = services.reader
    small.set_rows(
        build_rows(
            reader.locations(st.area.id),
            services_by_location(reader.services(reader.service_ids(st.area.id))),
            st.landmarks,
            st.near,
            st.lang,
        )
    )
    assert small.rowCount() == 3 and small.canFetchMore(small.index(-1, 0))
    qtmodeltester.check(small)
    fetch_all(small)
    assert small.rowCount() == len(small.all_rows()) > 3
    kinds = {small.data(small.index(r, 0), KindRole) for r in range(small.rowCount())}
    assert kinds == {"section", "place"}
    section = small.index(0, 0)
    assert not small.flags(section) & Qt.ItemFlag.ItemIsSelectable
    assert small.data(section, ServiceIdsRole) == ()


def test_every_place_is_listed_once_grouped_by_landmark_nearest_first(
    page: LocationsPage, services: FieldServices
) -> None:
    st = services.state
    near = st.near
    assert near is not None
    grouped = groups(page.model)
    listed = [p.location.id for _, places in grouped for p in places]
    assert sorted(listed) == sorted(expected_locations(services))

    group_nearest = []
    for section, places in grouped:
        assert section.count == len(places) > 0
        if not section.located:
            assert section is grouped[-1][0], "places without a position come last"
            assert page.model.section_title(section) == "Utan känd plats"
            assert all(position(p.location, st.landmarks) is None for p in places)
            continue
        dists = []
        for p in places:
            pos = position(p.location, st.landmarks)
            assert pos is not None
            dists.append(geo.distance_m(near[0], near[1], pos[0], pos[1]))
            # the group is the location's landmark, else the nearest landmark close enough
            if p.location.landmark_id:
                assert section.landmark is not None
                assert section.landmark.id == p.location.landmark_id
            else:
                by_dist = sorted(
                    st.landmarks, key=lambda lm: geo.distance_m(pos[0], pos[1], lm.lat, lm.lon)
                )
                closest = by_dist[0]
                if geo.distance_m(pos[0], pos[1], closest.lat, closest.lon) <= NEAR_LANDMARK_M:
                    assert section.landmark == closest
                else:
                    assert section.landmark is None
                    assert page.model.section_title(section) == "Övriga platser"
        assert dists == sorted(dists), f"{page.model.section_title(section)} is not nearest first"
        group_nearest.append(dists[0])
    assert group_nearest == sorted(group_nearest), "groups are not ordered by their nearest place"


def test_rows_carry_the_way_computed_from_the_data(
    page: LocationsPage, services: FieldServices
) -> None:
    st = services.state
    near = st.near
    assert near is not None
    model = page.model
    fetch_all(model)
    seen_arrow = False
    for r in range(model.rowCount()):
        row = model.row(r)
        if not isinstance(row, PlaceRow):
            continue
        index = model.index(r, 0)
        pos = position(row.location, st.landmarks)
        if pos is None:
            assert model.data(index, BearingRole) is None
            assert model.data(index, DirectionTextRole) == "Avstånd okänt"
            continue
        want = geo.describe(near[0], near[1], pos[0], pos[1], "sv")
        assert model.data(index, DistanceRole) == pytest.approx(want.distance_m)
        text = model.data(index, DirectionTextRole)
        assert text == (f"ca {want.text}" if row.borrowed else want.text)
        if want.word:
            assert model.data(index, BearingRole) == pytest.approx(want.bearing_deg)
            seen_arrow = True
        assert row.services[0].id == model.data(index, ServiceIdsRole)[0]
    assert seen_arrow


# ------------------------------------------------------------------------------ place


def _far_apart_landmarks(services: FieldServices) -> tuple[Landmark, Landmark, str, str]:
    """Two landmarks whose nearest listed location differs (chosen from the data)."""
    st = services.state
    located = [
        (loc.id, pos)
        for loc in services.reader.locations(st.area.id)
        if loc.id in expected_locations(services)
        and (pos := position(loc, st.landmarks)) is not None
    ]

    def nearest(lm: Landmark) -> str:
        return min(located, key=lambda x: geo.distance_m(lm.lat, lm.lon, *x[1]))[0]

    pairs = [
        (geo.distance_m(a.lat, a.lon, b.lat, b.lon), a, b)
        for a in st.landmarks
        for b in st.landmarks
        if nearest(a) != nearest(b)
    ]
    _, a, b = max(pairs, key=lambda t: t[0])
    return a, b, nearest(a), nearest(b)


def test_choosing_another_landmark_resorts_the_list(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    a, b, nearest_a, nearest_b = _far_apart_landmarks(services)
    combo = page.place_combo
    combo.setCurrentIndex(combo.findData(a.id))
    assert services.state.landmark == a
    settle(qtbot, page)
    assert first_place(page.model).location.id == nearest_a
    with qtbot.waitSignal(services.state.place_changed):
        combo.setCurrentIndex(combo.findData(b.id))
    assert services.state.landmark == b and services.state.near == (b.lat, b.lon)
    assert page.loading and "sorterar" in page.filter_label.text()
    settle(qtbot, page)
    assert first_place(page.model).location.id == nearest_b
    assert b.name in page.filter_label.text()


def test_the_state_changing_elsewhere_updates_the_combo(
    page: LocationsPage, services: FieldServices
) -> None:
    _, b, _, _ = _far_apart_landmarks(services)
    services.state.set_landmark(b.id)
    assert page.place_combo.currentData() == b.id


def test_typed_coordinates_become_the_starting_point(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    st = services.state
    target = max(
        (loc for loc in services.reader.locations(st.area.id) if loc.lat is not None),
        key=lambda loc: geo.distance_m(*st.near, loc.lat, loc.lon),  # type: ignore[arg-type,misc]
    )
    assert first_place(page.model).location.id != target.id
    page.coords_edit.setFocus()
    qtbot.keyClicks(page.coords_edit, f"{target.lat}, {target.lon}")
    with qtbot.waitSignal(st.place_changed):
        qtbot.keyClick(page.coords_edit, Qt.Key.Key_Return)
    assert st.coords == (target.lat, target.lon)
    assert not page.coords_error.isVisible()
    assert page.place_combo.currentIndex() == -1  # "Egen punkt"
    settle(qtbot, page)
    first = first_place(page.model)
    assert geo.distance_m(target.lat, target.lon, first.lat, first.lon) == 0.0  # type: ignore[arg-type]

    # Swedish decimal commas and a space between the numbers work too
    lm = st.landmarks[0]
    page.coords_edit.setText(f"{lm.lat}".replace(".", ",") + " " + f"{lm.lon}".replace(".", ","))
    page.coords_button.click()
    assert st.coords == (lm.lat, lm.lon)

    # choosing a landmark again leaves the typed point
    page.place_combo.setCurrentIndex(page.place_combo.findData(st.landmarks[1].id))
    assert st.coords is None and page.coords_edit.text() == ""


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("hej", "två tal"),
        ("59.33", "två tal"),
        ("95, 18.06", "mellan −90 och 90"),
        ("18.0649, 59.3326", "bytt plats"),
        ("55.6, 13.0", "km från"),
    ],
)
def test_bad_coordinates_are_explained_and_change_nothing(
    page: LocationsPage, services: FieldServices, qtbot: QtBot, typed: str, words: str
) -> None:
    st = services.state
    before = (st.near, st.coords, [p.location.id for p in page.model.places()])
    page.coords_edit.setText(typed)
    with qtbot.assertNotEmitted(st.place_changed):
        qtbot.keyClick(page.coords_edit, Qt.Key.Key_Return)
    assert page.coords_error.isVisible()
    assert words in page.coords_error.text()
    assert page.coords_edit.accessibleDescription() == page.coords_error.text()
    assert (st.near, st.coords, [p.location.id for p in page.model.places()]) == before


def test_parse_coords() -> None:
    assert parse_coords("59.3326, 18.0649") == (59.3326, 18.0649)
    assert parse_coords("59,3326, 18,0649") == (59.3326, 18.0649)
    assert parse_coords("59,3326;18,0649") == (59.3326, 18.0649)
    assert parse_coords(" -33.9 151.2 ") == (-33.9, 151.2)
    for bad in ("", "59.33", "a, b", "1, 2, 3", "59.3.3, 18"):
        assert parse_coords(bad) is None, bad


# ------------------------------------------------------------------------------ filters


def _search(ctx: AppContext, services: FieldServices, **changes: object) -> SearchResult:
    search = ctx.open_search()
    try:
        q = replace(services.state.query, offset=0, limit=100_000, **changes)  # type: ignore[arg-type]
        return search.search(q)
    finally:
        search.close()


def test_chips_reduce_the_list_to_places_of_matching_services(
    page: LocationsPage, services: FieldServices, ctx: AppContext, qtbot: QtBot
) -> None:
    st = services.state
    everything = expected_locations(services)
    # a need whose services are at some, but not all, of the listed places
    chosen = None
    for term in services.reader.terms(st.area.id, kind="need"):
        ids = {h.id for h in _search(ctx, services, needs=(term.code,)).hits}
        places = expected_locations(services, ids)
        if 0 < len(places) < len(everything):
            chosen, hit_ids, want = term, ids, places
            break
    assert chosen is not None, "no need in the data narrows the list"

    st.toggle_chip(chosen.code, "need")
    assert page.searching and "söker" in page.filter_label.text()
    settle(qtbot, page)
    shown = {p.location.id for p in page.model.places()}
    assert shown == want
    for p in page.model.places():
        assert all(s.id in hit_ids for s in p.services)
    text = page.filter_label.text()
    assert text.startswith("Filtrerat: ")
    assert chosen.label.sv in text and f"{len(want)} platser" in text
    assert page.show_all_button.isVisible()

    # a second chip narrows (or keeps) the list, and names both filters
    group = services.reader.terms(st.area.id, kind="group")[0]
    st.toggle_chip(group.code, "group")
    settle(qtbot, page)
    both = {h.id for h in _search(ctx, services, needs=(chosen.code,), groups=(group.code,)).hits}
    assert {p.location.id for p in page.model.places()} == expected_locations(services, both)
    assert f"{group.label.sv}, {chosen.label.sv}" in page.filter_label.text()

    qtbot.mouseClick(page.show_all_button, Qt.MouseButton.LeftButton)
    assert st.query.needs == () and st.query.groups == ()
    settle(qtbot, page)
    assert {p.location.id for p in page.model.places()} == everything
    assert not page.show_all_button.isVisible()
    assert page.filter_label.text().startswith(f"{len(everything)} platser")


def test_free_text_filters_too(
    page: LocationsPage, services: FieldServices, ctx: AppContext, qtbot: QtBot
) -> None:
    word = "sprutbyte"
    ids = {h.id for h in _search(ctx, services, text=word).hits}
    services.state.update(text=word)
    settle(qtbot, page)
    assert {p.location.id for p in page.model.places()} == expected_locations(services, ids)
    assert "”sprutbyte”" in page.filter_label.text()


def test_an_answer_to_an_older_search_is_ignored(
    page: LocationsPage, services: FieldServices, ctx: AppContext, qtbot: QtBot
) -> None:
    st = services.state
    need = services.reader.terms(st.area.id, kind="need")[0]
    st.toggle_chip(need.code, "need")
    settle(qtbot, page)
    shown = [p.location.id for p in page.model.places()]
    stale = _search(ctx, services, needs=())  # everything: would widen the list
    services.runner.finished.emit(SEARCH_KEY, 0, stale)
    assert [p.location.id for p in page.model.places()] == shown
    services.runner.finished.emit("search", 10**9, stale)  # another page's key
    assert [p.location.id for p in page.model.places()] == shown


# ------------------------------------------------------------------------------ opening


def test_tap_and_enter_open_the_service(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    opened: list[str] = []
    services.nav.open_service = opened.append
    view, model = page.view, page.model
    multi = row_of(model, lambda p: len(p.services) > 1)
    place = model.row(multi)
    assert isinstance(place, PlaceRow)
    view.scrollTo(model.index(multi, 0))
    rect = view.visualRect(model.index(multi, 0))

    # the name at the top of the card opens the first service
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.top() + 20)
    )
    assert opened == [place.services[0].id]

    # each service has its own line
    lines = page.delegate.layout(rect, place).services
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lines[1].center())
    assert opened[-1] == place.services[1].id

    # a section header opens nothing
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    assert len(opened) == 2

    # Enter and Return open the current row's first service
    first = row_of(model, lambda p: True)
    view.setFocus()
    view.setCurrentIndex(model.index(first, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    want = model.row(first).services[0].id  # type: ignore[union-attr]
    assert opened[-2:] == [want, want]


# ------------------------------------------------------------------------------ looks


def test_rows_are_touch_sized(page: LocationsPage) -> None:
    model = page.model
    fetch_all(model)
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        page.view.scrollTo(index)
        assert page.view.visualRect(index).height() >= 48, r
    for w in (page.place_combo, page.coords_edit, page.coords_button, page.show_all_button):
        assert w.minimumHeight() >= 48 or w.sizeHint().height() >= 48


def test_controls_have_accessible_names(page: LocationsPage) -> None:
    for w in (
        page.place_combo,
        page.coords_edit,
        page.coords_button,
        page.show_all_button,
        page.view,
    ):
        assert w.accessibleName(), w
    place = page.model.index(row_of(page.model, lambda p: True), 0)
    spoken = page.model.data(place, Qt.ItemDataRole.AccessibleTextRole)
    assert page.model.data(place, DirectionTextRole) in spoken


def test_the_compass_arrow_points_at_the_bearing(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    arrow = CompassArrow(services.theme)
    qtbot.addWidget(arrow)
    assert arrow.angle() is None and "okänd" in arrow.accessibleDescription()
    pal = services.theme.palette
    for place in page.model.places():
        if place.bearing is None:
            continue
        assert place.direction is not None
        arrow.set_direction(place.bearing, place.direction.word)
        assert arrow.angle() == pytest.approx(place.direction.bearing_deg)
        assert arrow.accessibleDescription() == f"Riktning: {place.direction.word}"

        # the drawn tip lies in the bearing's direction from the centre (0° = up, clockwise)
        rect = QRectF(0, 0, 100, 100)
        tip = arrow_polygon(rect, place.bearing).at(0)
        drawn = math.degrees(math.atan2(tip.x() - 50, -(tip.y() - 50))) % 360
        assert drawn == pytest.approx(place.bearing, abs=1e-6)

        # and it is painted there in the accent colour, not on the opposite side
        img = QImage(100, 100, QImage.Format.Format_ARGB32)
        img.fill(QColor(pal.window))
        painter = QPainter(img)
        paint_compass(painter, rect, pal, place.bearing)
        painter.end()
        rad = math.radians(place.bearing)
        towards = QPointF(50 + 25 * math.sin(rad), 50 - 25 * math.cos(rad)).toPoint()
        away = QPointF(50 - 25 * math.sin(rad), 50 + 25 * math.cos(rad)).toPoint()
        assert img.pixelColor(towards) == QColor(pal.accent)
        assert img.pixelColor(away) != QColor(pal.accent)
    arrow.set_direction(None)
    assert arrow.angle() is None and arrow.accessibleDescription() == "Platsen är här"


def test_screenshots(page: LocationsPage, services: FieldServices, tmp_path: Path) -> None:
    for w, h in ((800, 1280), (1280, 800)):
        page.resize(w, h)
        QApplication.processEvents()
        out = tmp_path / f"locations-{w}x{h}.png"
        assert page.grab().save(str(out))
        assert out.stat().st_size > 10_000
    services.theme.set("night", 2, services.clock.now())  # night, largest text
    page.resize(800, 1280)
    QApplication.processEvents()
    assert page.grab().save(str(tmp_path / "locations-night-large.png"))
    index = page.model.index(row_of(page.model, lambda p: True), 0)
    assert page.view.visualRect(index).height() >= 48


# ------------------------------------------------------------------------------ language


class _English(QTranslator):
    """A translator for two of the page's strings: enough to see a LanguageChange re-render."""

    WORDS: ClassVar[dict[str, str]] = {"Från:": "From:", "Visa alla": "Show all"}

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORDS.get(source, "") if context == "LocationsPage" else ""

    def isEmpty(self) -> bool:
        return False


def test_english_rerenders_the_data_and_the_page(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    st = services.state
    need = services.reader.terms(st.area.id, kind="need")[0]
    st.toggle_chip(need.code, "need")
    st.clear()
    st.set_lang("en")
    settle(qtbot, page)
    english = {geo.compass_word(d, "en") for d in range(0, 360, 45)}
    swedish = {geo.compass_word(d, "sv") for d in range(0, 360, 45)}
    words = [p.direction.word for p in page.model.places() if p.direction and p.direction.word]
    assert words and set(words) <= english and not set(words) & swedish
    st.toggle_chip(need.code, "need")
    settle(qtbot, page)
    assert need.label.en in page.filter_label.text()

    translator = _English()
    assert QCoreApplication.installTranslator(translator)
    try:
        QApplication.processEvents()
        assert page.from_label.text() == "From:"
        assert page.show_all_button.text() == "Show all"
    finally:
        QCoreApplication.removeTranslator(translator)
        QApplication.processEvents()
    assert page.from_label.text() == "Från:"


# ------------------------------------------------------------------------------ area


def test_another_area_reloads_the_list(
    page: LocationsPage, services: FieldServices, qtbot: QtBot
) -> None:
    reader = services.reader
    other = next(a for a in reader.areas() if a.id != services.state.area.id)
    services.state.set_area(reader.area(other.id), reader.landmarks(other.id), None)
    assert page.loading and page.model.place_count() == 0  # the old area's places are gone
    assert "Laddar platser" in page.filter_label.text()
    settle(qtbot, page)
    assert {p.location.id for p in page.model.places()} == expected_locations(services)
    assert all(p.location.area_id == other.id for p in page.model.places())
    names = [page.place_combo.itemText(i) for i in range(page.place_combo.count())]
    assert names == [lm.name for lm in reader.landmarks(other.id)]
