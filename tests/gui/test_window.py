"""The whole field window, driven like a worker would: type, tap, open, switch, resize."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.theme import PALETTES

SIZES = [(1280, 800), (800, 1280), (1920, 1080)]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()


def _settled(w: FieldWindow) -> bool:
    r = w.search_page.result
    return r is not None and r.query == w.svc.state.query


def _visible_targets(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox)
    return [
        c
        for c in root.findChildren(QWidget)
        if isinstance(c, kinds) and c.isVisibleTo(root) and c.isVisible()
    ]


def test_a_worker_finds_help_and_opens_the_detail(qtbot: QtBot, window: FieldWindow) -> None:
    page = window.search_page
    qtbot.keyClicks(page.filters.search, "sover ute")
    qtbot.waitUntil(lambda: _settled(window) and page.result.query.text == "sover ute")
    qtbot.mouseClick(page.filters._chips["group.youth"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(window) and page.result.query.groups == ("group.youth",))
    assert page.model.rowCount() > 0
    first = page.model.hit(0)
    qtbot.mouseClick(
        page.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.list.visualRect(page.model.index(0, 0)).center(),
    )
    assert window.stack.currentWidget() is window.detail_page
    assert window.detail_page.service_id == first.id
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is page
    # the filters survive the round trip
    assert window.svc.state.query.groups == ("group.youth",)


def test_changing_the_landmark_changes_distances(qtbot: QtBot, window: FieldWindow) -> None:
    page = window.search_page
    combo = page.filters.near
    before = {h.id: h.distance_m for h in page.result.hits}
    far = max(range(combo.count()), key=lambda i: combo.itemText(i) != combo.currentText())
    target = (
        combo.itemData(combo.count() - 1) if far == combo.currentIndex() else combo.itemData(far)
    )
    combo.setCurrentIndex(combo.findData(target))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: _settled(window) and page.result.query.near == window.svc.state.near)
    assert window.svc.state.landmark.id == target
    after = {h.id: h.distance_m for h in page.result.hits}
    common = set(before) & set(after)
    assert any(before[i] != after[i] for i in common)
    # remembered for the next start
    assert window.svc.settings.load().landmark_for("klara") == target


def test_theme_switch_repaints_in_the_night_palette(
    qtbot: QtBot, window: FieldWindow, tmp_path: Path
) -> None:
    svc = window.svc
    svc.theme.set("night", 0, svc.clock.now())
    assert svc.theme.name == "night"
    image = window.grab().toImage()
    bg = image.pixelColor(5, image.height() // 2).name()
    assert bg in {
        PALETTES["night"].window,
        PALETTES["night"].surface,
        PALETTES["night"].surface_alt,
    }
    svc.theme.set("day", 0, svc.clock.now())
    image = window.grab().toImage()
    assert image.pixelColor(5, image.height() // 2).name() in {
        PALETTES["day"].window,
        PALETTES["day"].surface,
        PALETTES["day"].surface_alt,
    }


def test_language_switches_at_runtime(qtbot: QtBot, window: FieldWindow) -> None:
    svc = window.svc
    assert window.nav_buttons["search"].text() == "Sök"
    assert svc.translations.set_language("en")
    svc.state.set_lang("en")
    # Qt posts LanguageChange: the texts change when the event loop delivers it
    qtbot.waitUntil(lambda: window.nav_buttons["search"].text() == "Search")
    assert window.search_page.filters.now_btn.text() == "Open now"
    qtbot.waitUntil(lambda: _settled(window) and window.search_page.result.query.lang == "en")
    texts = " ".join(b.text() for b in window.search_page.filters._chips.values())
    assert "Young person" in texts
    assert svc.translations.set_language("sv")
    svc.state.set_lang("sv")
    qtbot.waitUntil(lambda: window.nav_buttons["search"].text() == "Sök")


@pytest.mark.parametrize("size", SIZES)
def test_every_target_is_at_least_48_px_and_named(
    qtbot: QtBot, window: FieldWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    service_id = window.search_page.model.hit(0).id
    for key in FieldWindow.PAGES:
        window.show_page(key)
        QApplication.processEvents()
        for w in _visible_targets(window.stack.currentWidget()):
            assert w.width() >= 48 and w.height() >= 48, (
                key,
                type(w).__name__,
                w.accessibleName(),
                w.size(),
            )
            assert w.accessibleName(), (key, type(w).__name__, getattr(w, "text", lambda: "")())
    window.open_service(service_id)
    QApplication.processEvents()
    for w in _visible_targets(window.detail_page):
        assert w.width() >= 48 and w.height() >= 48, ("detail", w.accessibleName(), w.size())
        assert w.accessibleName()
    for nav in window.nav_buttons.values():
        assert nav.height() >= 48 and nav.width() >= 48


def test_lists_have_accessible_names(window: FieldWindow) -> None:
    for view in window.findChildren(QAbstractItemView):
        if view.isVisible():
            assert view.accessibleName(), type(view.parent()).__name__


def test_keyboard_only_use(qtbot: QtBot, window: FieldWindow) -> None:
    """Tab moves from the search field through the controls to the result list; Enter opens."""
    page = window.search_page
    page.filters.search.setFocus()
    seen = set()
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
        if QApplication.focusWidget() is page.list:
            break
    assert page.filters.clear_all in seen and page.filters.now_btn in seen
    assert QApplication.focusWidget() is page.list
    page.list.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.detail_page
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.locations_page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is page


def test_report_button_opens_the_report_form_with_the_query(
    qtbot: QtBot, window: FieldWindow
) -> None:
    page = window.search_page
    qtbot.mouseClick(page.filters._chips["group.child"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters._chips["need.harm-reduction"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(window) and page.result.total == 0)
    qtbot.mouseClick(page.report_btn, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.report_page
    assert "Barn (under 13)" in window.report_page.fields()["text"]
    window.back()


def test_switching_area_from_settings(qtbot: QtBot, window: FieldWindow) -> None:
    window.switch_area("vastra-sodermalm")
    assert window.svc.state.area.id == "vastra-sodermalm"
    qtbot.waitUntil(
        lambda: _settled(window) and window.search_page.result.query.area_id == "vastra-sodermalm"
    )
    assert "Västra Södermalm" in window.windowTitle() or "Söder" in window.windowTitle()
    assert window.svc.settings.load().area == "vastra-sodermalm"


def test_every_model_passes_the_model_tester(
    qtmodeltester: object, window: FieldWindow, qtbot: QtBot
) -> None:
    """Results, places and the guide list: the models every list view of the window uses."""
    qtbot.waitUntil(lambda: not window.locations_page.loading)  # places are sorted on the worker
    models = [
        window.search_page.model,
        window.locations_page.model,
        window.guides_page.list.model(),
    ]
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("step", [0, 2])
def test_five_tabs_and_the_sync_indicator_keep_their_words_in_portrait(
    qtbot: QtBot, window: FieldWindow, lang: str, step: int
) -> None:
    """800 px wide, the largest text too: no tab is squeezed below its text; the area's name
    stays, on a row above the tabs; the status line shortens before the sync indicator does."""
    svc = window.svc
    svc.translations.set_language(lang)
    svc.state.set_lang(lang)
    svc.theme.set("day", step, svc.clock.now())
    for size, beside in (((800, 1280), False), ((1280, 800), True)):
        window.resize(*size)
        qtbot.waitUntil(lambda s=size: window.width() == s[0])
        QApplication.processEvents()
        for b in window.nav_buttons.values():
            assert b.width() >= b.sizeHint().width(), (size, b.text(), b.width())
        assert window.title.isVisible(), size
        above = window.title.geometry().bottom() < window.nav_buttons["search"].geometry().top()
        assert above != beside, size
        indicator = window.sync_status
        # the sync worker may change the indicator's words at any moment (its status arrives
        # by signal), and the status bar lays out again on the next turn of the loop
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda i=indicator: i.width() >= i.sizeHint().width(), timeout=2000)
        assert indicator.width() >= indicator.sizeHint().width(), (size, indicator.text())
