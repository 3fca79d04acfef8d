"""Touch targets past the first screen: combo popups, calendars, list rows, scroll bars, clear buttons.

tests/gui/test_window.py holds every visible button and field to 48 px; a worker also taps
the rows of the drop-downs it opens, the days of a calendar, the service lines of a place,
a scroll bar and the field's clear button. Each is measured here in both themes and at all
three text sizes, on the real window (offscreen), by opening what a finger would open.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QLineEdit,
    QScrollBar,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSlider,
    QStyleOptionSpinBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.field.locations.model import PlaceRow
from kompassen.gui.field.search.filter_panel import TimeDialog
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.theme import FOCUS_BORDER_PX, TEXT_SIZES, TOUCH_PX, Theme
from kompassen.gui.widgets.touch import ClearButton

# opening a popup offscreen: "This plugin does not support raise()" / "grabbing the keyboard"
pytestmark = pytest.mark.qt_log_ignore(r"does not support raise", r"does not support grabbing")

SCROLLBAR_MIN = 24  # the floor for a scroll bar's width (and its handle's)
THEMES = [(name, step) for name in ("day", "night") for step in range(len(TEXT_SIZES))]
BOTH_THEMES = [("day", 0), ("night", 0)]  # for what the text size cannot change
EXTREMES = [("day", 0), ("night", len(TEXT_SIZES) - 1)]  # where text only makes things taller


def _ids(params: list[tuple[str, int]]) -> list[str]:
    return [f"{name}-{TEXT_SIZES[step]:.2f}" for name, step in params]


def only(params: list[tuple[str, int]]) -> pytest.MarkDecorator:
    """Run a test in these (theme, text step) windows only."""
    return pytest.mark.parametrize("window", params, ids=_ids(params), indirect=True)


@pytest.fixture(params=THEMES, ids=_ids(THEMES))
def window(request: pytest.FixtureRequest, qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    """The field window in one theme and text size, 1280×800 (the tests open its pages)."""
    name, step = request.param
    w = build_window(ctx, "klara", synchronous=True, theme=Theme(name, step))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()
    Theme().apply(ctx.clock.now(), force=True)  # the next test gets the default style again


def _pages(window: FieldWindow) -> Iterator[tuple[str, QWidget]]:
    """Show every page in turn (and the report form last), yielding each while it is shown."""
    for key in FieldWindow.PAGES:
        window.show_page(key)
        QApplication.processEvents()
        page = window.stack.currentWidget()
        assert page is not None
        yield key, page
    window.open_report()
    QApplication.processEvents()
    yield "report", window.report_page


def _visible(root: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [c for c in root.findChildren(kind) if c.isVisible()]


def _enabled_rows(view: QAbstractItemView, most: int = 200) -> list[int]:
    model = view.model()
    rows = min(model.rowCount(), most)
    return [r for r in range(rows) if model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsEnabled]


# ---------------------------------------------------------------------------- drop-downs


def test_every_combo_popup_row_is_a_finger_high(qtbot: QtBot, window: FieldWindow) -> None:
    """Open each drop-down of every page: each row and the popup's scroll bar are measured."""
    opened: list[QComboBox] = []
    for key, page in _pages(window):
        for combo in _visible(page, QComboBox):
            assert isinstance(combo, QComboBox)
            combo.showPopup()
            view = combo.view()
            qtbot.waitUntil(view.isVisible)
            rows = _enabled_rows(view)
            assert rows, (key, combo.accessibleName())
            for r in rows:
                rect = view.visualRect(view.model().index(r, 0))
                assert rect.height() >= TOUCH_PX, (key, combo.accessibleName(), r, rect)
                assert rect.width() >= TOUCH_PX, (key, combo.accessibleName(), r, rect)
                # and wide enough for the whole name: "Stockholms …tralstation" was no place
                wanted = view.sizeHintForIndex(view.model().index(r, 0)).width()
                assert rect.width() >= wanted, (key, combo.itemText(r), rect.width(), wanted)
            bar = view.verticalScrollBar()
            if bar.isVisible():
                assert bar.width() >= SCROLLBAR_MIN, (key, combo.accessibleName(), bar.width())
            combo.hidePopup()
            qtbot.waitUntil(lambda v=view: not v.isVisible())
            opened.append(combo)
    # not vacuous: the landmark drop-down of the filter panel, the Platser and report combos
    for combo in (
        window.search_page.filters.near,
        window.locations_page.place_combo,
        window.report_page.place_combo,
    ):
        assert combo in opened, combo.accessibleName()


def _arrow(edit: QDateTimeEdit) -> QRect:
    """Where the calendar button of a date-time field is (the style draws it as a combo's)."""
    opt = QStyleOptionComboBox()
    opt.initFrom(edit)
    opt.editable = True
    opt.subControls = QStyle.SubControl.SC_All
    return edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxArrow, edit
    )


def _open_calendar(qtbot: QtBot, edit: QDateTimeEdit) -> QCalendarWidget:
    """Tap the field's calendar button, as a finger would; the calendar pops up."""
    arrow = _arrow(edit)
    assert arrow.width() >= TOUCH_PX and arrow.height() >= min(TOUCH_PX, edit.height()), arrow
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow.center())
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def _assert_calendar_is_touch_sized(calendar: QCalendarWidget, where: str) -> None:
    view = calendar.findChild(QAbstractItemView)
    assert view is not None
    model = view.model()
    first_day_row = (
        1
        if calendar.horizontalHeaderFormat() != calendar.HorizontalHeaderFormat.NoHorizontalHeader
        else 0
    )
    first_day_col = (
        1
        if calendar.verticalHeaderFormat() != calendar.VerticalHeaderFormat.NoVerticalHeader
        else 0
    )
    for r in range(first_day_row, model.rowCount()):
        for c in range(first_day_col, model.columnCount()):
            rect = view.visualRect(model.index(r, c))
            assert rect.width() >= TOUCH_PX and rect.height() >= TOUCH_PX, (where, r, c, rect)
    for b in _visible(calendar, QToolButton):
        assert b.width() >= TOUCH_PX and b.height() >= TOUCH_PX, (where, b.objectName(), b.size())
    # the whole calendar is on the popup, nothing cut off at its edge
    popup = calendar.window()
    assert popup.rect().contains(QRect(calendar.mapTo(popup, QPoint(0, 0)), calendar.size()))
    assert calendar.rect().contains(QRect(view.mapTo(calendar, QPoint(0, 0)), view.size()))
    # the year: a tap turns it into a field; its 14 px step arrows are gone (type the year)
    year_button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    assert year_button is not None
    QTest.mouseClick(year_button, Qt.MouseButton.LeftButton)
    year = calendar.findChild(QSpinBox, "qt_calendar_yearedit")
    assert year is not None and year.isVisible()
    assert year.height() >= TOUCH_PX, (where, year.size())
    opt = QStyleOptionSpinBox()
    opt.initFrom(year)
    opt.subControls = QStyle.SubControl.SC_All
    opt.buttonSymbols = year.buttonSymbols()
    for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        r = year.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, part, year)
        assert r.isEmpty() or min(r.width(), r.height()) >= TOUCH_PX, (where, part, r)
    QTest.keyClick(year, Qt.Key.Key_Escape)


def test_the_report_forms_time_picker_calendar_has_finger_sized_days(
    qtbot: QtBot, window: FieldWindow
) -> None:
    window.open_report()
    picker = window.report_page.time
    picker.buttons[2].click()  # "Välj tid…" shows the date-time field
    QApplication.processEvents()
    assert picker.edit.isVisible()
    calendar = _open_calendar(qtbot, picker.edit)
    _assert_calendar_is_touch_sized(calendar, "report")
    calendar.window().hide()


@only(EXTREMES)
def test_the_search_time_dialog_calendar_has_finger_sized_days(
    qtbot: QtBot, window: FieldWindow
) -> None:
    now = window.svc.clock.now()
    dialog = TimeDialog(now, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    calendar = _open_calendar(qtbot, dialog.edit)
    _assert_calendar_is_touch_sized(calendar, "time dialog")
    calendar.window().hide()
    dialog.reject()


# ---------------------------------------------------------------------------- lists


@only(EXTREMES)
def test_every_list_row_is_a_finger_high(window: FieldWindow) -> None:
    """Every list of every page: each row a worker can tap is at least 48 px high."""
    measured = 0
    for key, page in _pages(window):
        for view in _visible(page, QAbstractItemView):
            assert isinstance(view, QAbstractItemView)
            for r in _enabled_rows(view):
                rect = view.visualRect(view.model().index(r, 0))
                if rect.isValid():
                    assert rect.height() >= TOUCH_PX, (key, view.accessibleName(), r, rect)
                    measured += 1
    assert measured > 0


def test_every_service_line_of_a_place_is_a_finger_high(window: FieldWindow, qtbot: QtBot) -> None:
    """A place card's service lines open that service: each is a target of its own."""
    window.show_page("locations")
    qtbot.waitUntil(lambda: not window.locations_page.loading)  # sorted on the search worker
    QApplication.processEvents()
    page = window.locations_page
    view, model, delegate = page.view, page.model, page.delegate
    lines = 0
    for r in range(model.rowCount()):
        row = model.row(r)
        if isinstance(row, PlaceRow):
            rect = view.visualRect(model.index(r, 0))
            for line in delegate.layout(rect, row).services:
                assert line.height() >= TOUCH_PX, (row.location.name, line)
                assert rect.contains(line), (row.location.name, rect, line)
                lines += 1
    assert lines > 0


# ---------------------------------------------------------------------------- scroll bars


def _slider_option(bar: QScrollBar) -> QStyleOptionSlider:
    opt = QStyleOptionSlider()
    opt.initFrom(bar)
    opt.orientation = bar.orientation()
    opt.minimum, opt.maximum = bar.minimum(), bar.maximum()
    opt.sliderPosition = opt.sliderValue = bar.value()
    opt.pageStep, opt.singleStep = bar.pageStep(), bar.singleStep()
    opt.subControls = QStyle.SubControl.SC_All
    return opt


def _thickness(bar: QScrollBar, r: QRect) -> int:
    return r.width() if bar.orientation() == Qt.Orientation.Vertical else r.height()


@only(BOTH_THEMES)
def test_every_scroll_bar_is_wide_without_tiny_arrows(window: FieldWindow) -> None:
    seen = 0
    list(_pages(window))  # every page built and shown once, each with its scroll bars
    for bar in window.findChildren(QScrollBar):
        bar.ensurePolished()
        hint = bar.sizeHint()
        thick = hint.width() if bar.orientation() == Qt.Orientation.Vertical else hint.height()
        assert thick >= SCROLLBAR_MIN, (bar.orientation(), hint)
        if bar.isVisible():
            assert _thickness(bar, bar.rect()) >= SCROLLBAR_MIN, (bar.orientation(), bar.size())
        opt = _slider_option(bar)
        style = bar.style()
        for arrow in (QStyle.SubControl.SC_ScrollBarAddLine, QStyle.SubControl.SC_ScrollBarSubLine):
            r = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt, arrow, bar)
            assert r.isEmpty() or min(r.width(), r.height()) >= TOUCH_PX, (bar.orientation(), r)
        seen += 1
    assert seen > 0


@only(BOTH_THEMES)
@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
def test_scroll_bars_take_the_themes_colours_both_ways(
    window: FieldWindow, orientation: Qt.Orientation
) -> None:
    """A horizontal bar was left to the platform style: white in the night theme."""
    p = window.svc.theme.palette
    bar = QScrollBar(orientation, window)
    bar.setRange(0, 1000)
    bar.setPageStep(100)
    bar.setValue(0)
    long = 400
    bar.resize(
        *(
            (SCROLLBAR_MIN * 2, long)
            if orientation == Qt.Orientation.Vertical
            else (long, SCROLLBAR_MIN * 2)
        )
    )
    bar.show()
    QApplication.processEvents()
    thick = _thickness(bar, QRect(QPoint(0, 0), bar.sizeHint()))
    assert thick >= SCROLLBAR_MIN
    bar.resize(*((thick, long) if orientation == Qt.Orientation.Vertical else (long, thick)))
    QApplication.processEvents()
    image = bar.grab().toImage()
    mid = thick // 2
    groove = (mid, long - 10) if orientation == Qt.Orientation.Vertical else (long - 10, mid)
    handle = (mid, 20) if orientation == Qt.Orientation.Vertical else (20, mid)
    assert image.pixelColor(*groove).name() == QColor(p.surface_alt).name(), orientation
    assert image.pixelColor(*handle).name() == QColor(p.text_muted).name(), orientation
    bar.deleteLater()


# ---------------------------------------------------------------------------- menus


@only(EXTREMES)
def test_every_fields_context_menu_has_finger_high_rows(qtbot: QtBot, window: FieldWindow) -> None:
    """A long press on a field opens its menu (cut, copy, paste): each entry is 48 px."""
    menus = 0
    for key, page in _pages(window):
        for edit in _visible(page, QLineEdit):
            assert isinstance(edit, QLineEdit)
            menu = edit.createStandardContextMenu()
            assert menu is not None
            menu.popup(edit.mapToGlobal(edit.rect().center()))
            qtbot.waitUntil(menu.isVisible)
            entries = [a for a in menu.actions() if isinstance(a, QAction) and not a.isSeparator()]
            assert entries
            for a in entries:
                g = menu.actionGeometry(a)
                assert g.height() >= TOUCH_PX and g.width() >= TOUCH_PX, (key, a.text(), g)
            menu.close()
            menu.deleteLater()
            menus += 1
    assert menus > 0


@only(EXTREMES)
def test_a_completer_popup_has_finger_high_rows(qtbot: QtBot, window: FieldWindow) -> None:
    """No field completes yet; the style sheet already gives such a popup 48 px rows."""
    names = [lm.name for lm in window.svc.state.landmarks]
    edit = QLineEdit(window.search_page)
    edit.show()
    completer = QCompleter(names, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    edit.setCompleter(completer)
    completer.setCompletionPrefix("")
    completer.complete()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    assert model.rowCount() == len(names)
    for r in range(model.rowCount()):
        assert popup.visualRect(model.index(r, 0)).height() >= TOUCH_PX, names[r]
    popup.hide()
    edit.deleteLater()


# ---------------------------------------------------------------------------- clear buttons


def test_every_clear_button_is_a_finger_wide_inside_its_field(
    qtbot: QtBot, window: FieldWindow
) -> None:
    """Type into each field: a clear button, if any, is 48 px and inside the field's border."""
    checked: list[str] = []
    for key, page in _pages(window):
        for edit in _visible(page, QLineEdit):
            assert isinstance(edit, QLineEdit)
            if edit.parent() is not None and isinstance(edit.parent(), QComboBox | QDateTimeEdit):
                continue
            edit.setFocus()
            qtbot.keyClicks(edit, "ab")
            QApplication.processEvents()
            assert not edit.isClearButtonEnabled(), (key, edit.accessibleName(), "Qt's 16 px one")
            inside = edit.rect().adjusted(
                FOCUS_BORDER_PX, FOCUS_BORDER_PX, -FOCUS_BORDER_PX, -FOCUS_BORDER_PX
            )
            for b in _visible(edit, QToolButton):
                g = b.geometry()
                assert g.width() >= TOUCH_PX and g.height() >= TOUCH_PX, (key, g)
                assert inside.contains(g), (key, edit.accessibleName(), inside, g)
                assert b.accessibleName(), key
            if edit.findChildren(ClearButton):
                checked.append(f"{key}:{edit.accessibleName()}")
            edit.clear()
    assert any(c.startswith("search:") for c in checked), checked
    assert any(c.startswith("locations:") for c in checked), checked
    assert any(c.startswith("report:") for c in checked), checked


@only([("day", 0)])
def test_the_search_fields_clear_button_clears_the_query_by_tap_and_key(
    qtbot: QtBot, window: FieldWindow
) -> None:
    field = window.search_page.filters.search
    state = window.svc.state
    field.setFocus()
    qtbot.keyClicks(field, "sover ute")
    assert state.query.text == "sover ute"
    (clear,) = field.findChildren(ClearButton)
    assert clear.isVisible()
    assert clear.accessibleName()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert field.text() == "" and state.query.text == ""
    assert not clear.isVisible()  # nothing to clear
    assert QApplication.focusWidget() is field  # the worker types again at once
    # the keyboard: Tab from the field reaches the button, Space clears
    qtbot.keyClicks(field, "mat")
    assert state.query.text == "mat"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is clear
    qtbot.keyClick(clear, Qt.Key.Key_Space)
    assert field.text() == "" and state.query.text == ""
    # undo brings the text back, as after deleting it by hand
    field.undo()
    assert field.text() == "mat"


@only(BOTH_THEMES)
def test_the_opened_landmark_list_paints_in_the_theme(qtbot: QtBot, window: FieldWindow) -> None:
    """The landmark popup: rows on the theme's surface, the chosen one in its accent."""
    p = window.svc.theme.palette
    combo = window.search_page.filters.near
    window.show_page("search")
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    image = view.viewport().grab().toImage()
    shown = view.viewport().rect()
    current = view.visualRect(combo.model().index(combo.currentIndex(), 0))
    other = next(
        rect
        for r in range(combo.count())
        if r != combo.currentIndex()
        and shown.contains(rect := view.visualRect(combo.model().index(r, 0)))
    )
    assert (
        image.pixelColor(other.right() - 4, other.center().y()).name() == QColor(p.surface).name()
    )
    if shown.contains(current):
        at = (current.right() - 4, current.center().y())
        assert image.pixelColor(*at).name() == QColor(p.accent).name()
    combo.hidePopup()


@only([("day", 0), ("night", 0)])
def test_weekend_days_in_the_calendars_are_as_readable_as_other_text(
    qtbot: QtBot, window: FieldWindow
) -> None:
    """Qt draws Saturday and Sunday red (about 4:1): the calendars use the text colour."""
    from kompassen.gui.theme import contrast

    p = window.svc.theme.palette
    dialog = TimeDialog(window.svc.clock.now(), None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    window.open_report()
    picker = window.report_page.time
    picker.buttons[2].click()
    QApplication.processEvents()
    for edit in (dialog.edit, picker.edit):
        calendar = _open_calendar(qtbot, edit)
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            colour = calendar.weekdayTextFormat(day).foreground().color().name()
            assert contrast(colour, p.surface) >= 4.5, (day, colour, p.surface)
        calendar.window().hide()
    dialog.reject()
