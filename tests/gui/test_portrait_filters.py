"""Portrait: the chips in a section above the results that opens and closes (issue #13.6).

Driven in the real field window at tablet sizes: every chip visible when open and never in a
scrolling pane beside the results, the header naming the chosen chips when closed, click and
keyboard, typing, turning the tablet, the largest text size.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.theme import TOUCH_PX

PORTRAIT, LANDSCAPE = (800, 1280), (1280, 800)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()


def _at(qtbot: QtBot, w: FieldWindow, size: tuple[int, int]) -> None:
    w.resize(*size)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size)
    for _ in range(3):  # the page fits the chips on the next turn of the loop
        QApplication.processEvents()


def _settled(w: FieldWindow) -> bool:
    r = w.search_page.result
    return r is not None and r.query == w.svc.state.query


def _in_window(w: FieldWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())


def _fully_shown(w: FieldWindow, widget: QWidget) -> bool:
    """Visible, not clipped by any parent, and above the status bar."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    return _in_window(w, widget).bottom() < _in_window(w, w.statusBar()).top()


def _scrolling_ancestors(widget: QWidget) -> list[QScrollArea]:
    """Scroll areas around ``widget`` that show a scroll bar."""
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and (
            parent.verticalScrollBar().isVisible() or parent.horizontalScrollBar().isVisible()
        ):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _chips(w: FieldWindow) -> dict[str, QPushButton]:
    return w.search_page.filters._chips


def _label(w: FieldWindow, code: str) -> str:
    svc = w.svc
    terms = {t.code: t for t in svc.reader.terms(svc.state.area.id)}
    return terms[code].label.get(svc.state.lang)


def _set_lang(w: FieldWindow, lang: str) -> None:
    w.svc.translations.set_language(lang)
    w.svc.state.set_lang(lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("theme", ["day", "night"])
def test_open_in_portrait_every_chip_is_shown_without_a_scroll_pane(
    qtbot: QtBot, window: FieldWindow, lang: str, theme: str
) -> None:
    _set_lang(window, lang)
    window.svc.theme.set(theme, 0, window.svc.clock.now())
    _at(qtbot, window, PORTRAIT)
    page = window.search_page
    assert page.section.isVisible() and page.section.is_expanded()  # nothing chosen: open
    chips = _chips(window)
    assert any(code.startswith("need.") for code in chips)
    assert any(code.startswith("group.") for code in chips)
    for code, b in chips.items():
        assert _fully_shown(window, b), (code, b.text(), _in_window(window, b))
        assert not _scrolling_ancestors(b), code
    # the need the issue names, by its name in this language
    sleep = chips["need.shelter-tonight"]
    assert sleep.text().startswith(_label(window, "need.shelter-tonight"))
    if lang == "sv":
        assert sleep.text().startswith("Sova i natt")
    # the header is a finger-sized button that says what it is, and the app's name is shown
    header = page.section.header
    assert header.height() >= TOUCH_PX and header.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert header.accessibleName() and header.accessibleDescription()
    assert _fully_shown(window, window.title) and window.title.text() == window.svc.state.area.name
    # never a scroll bar beside another: the results show only below chips that fit
    chip_bar = page.chip_scroll.verticalScrollBar().isVisible()
    assert not (chip_bar and page.results.isVisible())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_closed_the_header_names_the_chosen_chips(
    qtbot: QtBot, window: FieldWindow, lang: str
) -> None:
    _set_lang(window, lang)
    _at(qtbot, window, PORTRAIT)
    page, svc = window.search_page, window.svc
    header = page.section.header
    if lang == "sv":
        assert header.summary() == "Inga filter valda"
    nothing = header.summary()
    svc.state.toggle_chip("group.youth", "group")  # chosen anywhere: the header follows
    svc.state.toggle_chip("need.shelter-tonight", "need")
    qtbot.waitUntil(lambda: _settled(window))
    youth, sleep = _label(window, "group.youth"), _label(window, "need.shelter-tonight")
    assert header.summary() == f"{youth} · {sleep}" != nothing
    page.section.set_expanded(False)
    QApplication.processEvents()
    assert not page.chip_scroll.isVisible() and not _chips(window)["group.youth"].isVisible()
    assert header.shown_summary() == header.summary()  # room enough: not shortened
    assert youth in header.accessibleName() and sleep in header.accessibleName()
    # closed, the results are right below the header
    assert page.results.isVisible() and page.list.isVisible()
    assert _in_window(window, page.count_label).top() > _in_window(window, header).bottom()
    first = page.list.visualRect(page.model.index(0, 0))
    assert page.model.rowCount() > 0 and page.list.viewport().rect().contains(first)
    svc.state.clear()
    qtbot.waitUntil(lambda: _settled(window))
    assert header.summary() == nothing and page.section.is_expanded()  # the next person


def test_the_header_opens_and_closes_by_tap_and_keyboard(qtbot: QtBot, window: FieldWindow) -> None:
    _at(qtbot, window, PORTRAIT)
    page = window.search_page
    header, chips = page.section.header, _chips(window)
    sleep = chips["need.shelter-tonight"]
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert not page.section.is_expanded() and not sleep.isVisible()
    assert header.head().startswith("▸")
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert page.section.is_expanded() and sleep.isVisible() and header.head().startswith("▾")
    header.setFocus()
    qtbot.keyClick(header, Qt.Key.Key_Space)
    assert not page.section.is_expanded()
    qtbot.keyClick(header, Qt.Key.Key_Return)
    assert page.section.is_expanded()
    # open, Tab goes from the header into the chips; a chip is chosen with Space
    first = chips[next(iter(chips))]
    for _ in range(len(chips) + 2):
        if first.hasFocus():
            break
        window.focusNextChild()
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _settled(window) and bool(window.svc.state.query.groups))
    assert _label(window, next(iter(chips))) in header.summary()


def test_typing_closes_the_section_so_the_results_show(qtbot: QtBot, window: FieldWindow) -> None:
    _at(qtbot, window, PORTRAIT)
    page = window.search_page
    assert page.section.is_expanded()
    qtbot.keyClicks(page.filters.search, "sover ute")
    qtbot.waitUntil(lambda: _settled(window) and window.svc.state.query.text == "sover ute")
    QApplication.processEvents()
    assert not page.section.is_expanded()
    assert page.list.isVisible() and page.model.rowCount() > 0
    assert _fully_shown(window, page.count_label)
    assert not _scrolling_ancestors(page.list)
    # the worker opens it again to add a chip: typing on does not close it under the finger
    qtbot.mouseClick(page.section.header, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.filters.search, " natt")
    qtbot.waitUntil(lambda: _settled(window) and window.svc.state.query.text.endswith("natt"))
    assert page.section.is_expanded()


def test_landscape_keeps_the_chips_beside_the_results(qtbot: QtBot, window: FieldWindow) -> None:
    _at(qtbot, window, LANDSCAPE)
    page = window.search_page
    assert not page.section.isVisible() and page.chip_scroll.isVisible()
    assert page.chip_scroll.widget() is page.filters.chips
    chips, results = _in_window(window, page.chip_scroll), _in_window(window, page.results)
    assert chips.right() < results.left() and chips.top() < results.bottom()
    assert page.list.isVisible()
    assert window.title.isVisible()


def test_turning_the_tablet_moves_the_chips_each_way(qtbot: QtBot, window: FieldWindow) -> None:
    page = window.search_page
    for size in (PORTRAIT, LANDSCAPE, PORTRAIT, LANDSCAPE):
        _at(qtbot, window, size)  # the open chips' height never holds the window tall
        portrait = size[0] < size[1]
        assert page.section.isVisible() == portrait
        assert (page.chip_scroll.parentWidget() is page.section) == portrait
        sleep = _chips(window)["need.shelter-tonight"]
        if portrait:
            assert _fully_shown(window, sleep)
        else:
            assert sleep.isVisible() and page.results.isVisible()
    # closed in portrait, landscape still shows every chip's column
    _at(qtbot, window, PORTRAIT)
    page.section.set_expanded(False)
    _at(qtbot, window, LANDSCAPE)
    assert page.chip_scroll.isVisible() and _chips(window)["group.youth"].isVisible()
    _at(qtbot, window, PORTRAIT)
    assert not page.chip_scroll.isVisible() and page.results.isVisible()


def test_a_tall_screen_shows_results_below_the_open_chips(
    qtbot: QtBot, window: FieldWindow
) -> None:
    _at(qtbot, window, (800, 1800))
    page = window.search_page
    assert page.section.is_expanded() and page.results.isVisible()
    sleep = _chips(window)["need.shelter-tonight"]
    assert _fully_shown(window, sleep)
    assert _in_window(window, page.results).top() > _in_window(window, page.chip_scroll).bottom()
    assert page.list.height() >= page.list.sizeHintForRow(0)  # at least one whole card


@pytest.mark.parametrize("step", [1, 2])
def test_larger_text_never_puts_a_scroll_pane_beside_the_results(
    qtbot: QtBot, window: FieldWindow, step: int
) -> None:
    """Chips taller than the page (the largest text): their column scrolls on its own, the
    results wait below the closed header; closed, the results have the page."""
    window.svc.theme.set("day", step, window.svc.clock.now())
    _at(qtbot, window, PORTRAIT)
    page = window.search_page
    chip_bar = page.chip_scroll.verticalScrollBar()
    assert not (chip_bar.isVisible() and page.results.isVisible())
    assert page.section.header.height() >= TOUCH_PX
    assert _fully_shown(window, page.section.header) and _fully_shown(window, window.title)
    page.section.set_expanded(False)
    QApplication.processEvents()
    assert page.results.isVisible() and _fully_shown(window, page.count_label)
    assert page.list.height() >= page.list.sizeHintForRow(0)


def test_another_area_gets_its_own_chips_fitted(qtbot: QtBot, window: FieldWindow) -> None:
    _at(qtbot, window, PORTRAIT)
    page = window.search_page
    window.switch_area("vastra-sodermalm")
    qtbot.waitUntil(lambda: _settled(window) and window.svc.state.area.id == "vastra-sodermalm")
    for _ in range(3):
        QApplication.processEvents()
    chips = _chips(window)
    assert chips
    for code, b in chips.items():
        assert _fully_shown(window, b), code
        assert not _scrolling_ancestors(b), code
    assert page.chip_scroll.height() == page.filters.chips.height()
    assert _fully_shown(window, window.title) and window.title.text() == window.svc.state.area.name
