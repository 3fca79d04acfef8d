"""Result cards never cut a text off (issue #13): they wrap and grow, and no view scrolls sideways.

Every card of every shipped area is checked at the three window sizes, the three text sizes of
Settings and both languages, from font metrics (no rendering): each text the card must show is
drawn whole, over as many lines as it needs, each line no wider than the room it gets, and a
phone number is never split over two lines.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kompassen.catalogue.search.model import SearchQuery, SearchResult, ServiceHit
from kompassen.catalogue.search.service import SearchService
from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.field.search.result_delegate import NBSP, CardLayout, ResultDelegate
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.theme import TEXT_SIZES

SIZES = [(1280, 800), (800, 1280), (1920, 1080)]
STEPS = range(len(TEXT_SIZES))
LANGS = ["sv", "en"]
ELLIPSIS = "…"
PHONE = re.compile(r"\d+(?:[ -]\d+)+")  # "116 111", "08-123 45 67", "020-50 50 50"


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()


@pytest.fixture
def search(ctx: AppContext) -> Iterator[SearchService]:
    s = ctx.open_search()
    yield s
    s.close()


def _settled(w: FieldWindow) -> bool:
    r = w.search_page.result
    return r is not None and r.query == w.svc.state.query


def _set_lang(qtbot: QtBot, w: FieldWindow, lang: str) -> None:
    w.svc.translations.set_language(lang)
    w.svc.state.set_lang(lang)
    qtbot.waitUntil(lambda: _settled(w) and w.search_page.result.query.lang == lang)


def _resize(qtbot: QtBot, window: FieldWindow, size: tuple[int, int]) -> None:
    """The window at ``size``. A landscape layout at a large text size can be wider than a
    portrait window (the filter row's minimum), which stops the resize: then the new size is
    reached at the smallest text size first."""
    window.resize(*size)
    QApplication.processEvents()
    if window.size().width() == size[0]:
        return
    svc = window.svc
    step = svc.theme.text_step
    svc.theme.set(svc.theme.choice, 0, svc.clock.now())
    QApplication.processEvents()  # the smaller minimum size first, then the new size

    def resized() -> bool:
        window.resize(*size)
        return window.size().width() == size[0]

    qtbot.waitUntil(resized)
    svc.theme.set(svc.theme.choice, step, svc.clock.now())


def _matrix(qtbot: QtBot, window: FieldWindow) -> Iterator[tuple[tuple[int, int], int]]:
    """Every window size at every text size, the window set to each in turn. Sizes go back
    and forth so the (slow: the whole style sheet) text size changes only once per step."""
    svc = window.svc
    for step in STEPS:
        svc.theme.set("night", step, svc.clock.now())
        for size in SIZES if step % 2 == 0 else reversed(SIZES):
            _resize(qtbot, window, size)
            assert svc.theme.text_step == step
            yield size, step


def _every_card(search: SearchService, q: SearchQuery, now: datetime) -> list[SearchResult]:
    """All services of the area as the page would show them, at three moments: now, tonight
    and late at night (when most cards say when they open next)."""
    late = q.at or now
    late = late.replace(hour=23, minute=30) + timedelta(days=1)
    queries = [
        replace(q, limit=100_000, offset=0),
        replace(q, time_mode="tonight", limit=100_000, offset=0),
        replace(q, time_mode="at", at=late, limit=100_000, offset=0),
    ]
    return [search.search(x) for x in queries]


def _plain(text: str) -> str:
    return re.sub(r"\s", "", text.replace(NBSP, " "))


def _assert_card_shows_everything(
    delegate: ResultDelegate, hit: ServiceHit, card: CardLayout, where: object
) -> None:
    """Every text whole, wrapped within its room, inside the card; the badge clear of the name."""
    kinds = {t.kind: t for t in card.texts}
    assert kinds["name"].text == hit.name, where
    assert kinds["status"].text == hit.open_text, where
    if hit.handover:
        assert kinds["badge"].text == hit.handover, where
        assert card.badge is not None and card.card.contains(card.badge), where
        for r in kinds["name"].rects:
            assert not r.intersects(card.badge), (where, hit.name)
    if hit.direction:
        assert kinds["direction"].text.endswith(hit.direction), where
    for t in card.texts:
        fm = QFontMetrics(delegate.font_for(t.font)[0])
        what = (where, t.kind, t.text, t.lines)
        assert _plain("".join(t.lines)) == _plain(t.text), what  # nothing left out
        if ELLIPSIS not in t.text:
            assert not any(ELLIPSIS in line for line in t.lines), what
        for line, r in zip(t.lines, t.rects, strict=True):
            assert fm.horizontalAdvance(line) <= r.width(), (what, line, r)
            assert r.height() >= fm.height(), what
            assert card.card.contains(r), (what, r, card.card)
        for number in PHONE.findall(t.text):
            if sum(c.isdigit() for c in number) >= 5 and fm.horizontalAdvance(number) <= (
                t.rects[0].width()
            ):
                lines = [line.replace(NBSP, " ") for line in t.lines]
                assert any(number in line for line in lines), (what, number)
    tops = sorted((r.top(), r.bottom()) for t in card.texts for r in t.rects)
    assert tops[-1][1] <= card.card.bottom(), where
    assert card.card.bottom() < card.size.height(), where


def _check_list(window: FieldWindow, hits: list[ServiceHit], where: object) -> None:
    """The real list view: every card as wide as the viewport allows, none sideways scrolled."""
    page = window.search_page
    view = page.list
    delegate = view.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    assert not view.horizontalScrollBar().isVisible(), where
    assert view.horizontalScrollBar().maximum() == 0, where
    viewport = view.viewport().width()
    bar = view.verticalScrollBar()
    for row in range(page.model.rowCount()):
        index = page.model.index(row, 0, QModelIndex())
        card = delegate.card_for_index(index, view)
        assert card is not None
        item = view.visualRect(index)
        assert item.height() == card.size.height(), (where, row)  # the view took the height
        drawn = card.card.translated(item.topLeft())
        assert drawn.right() < viewport, (where, row, drawn, viewport)
        if bar.isVisible():
            right = view.viewport().mapToGlobal(drawn.topRight()).x()
            assert right < bar.mapToGlobal(QPoint(0, 0)).x(), (where, row)
        _assert_card_shows_everything(delegate, hits[row], card, (where, row))


@pytest.mark.parametrize("lang", LANGS)
def test_no_card_text_is_ever_cut_off(
    qtbot: QtBot, window: FieldWindow, search: SearchService, ctx: AppContext, lang: str
) -> None:
    svc, page = window.svc, window.search_page
    _set_lang(qtbot, window, lang)
    delegate = page.list.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    checked = 0
    for area in ctx.catalogue.reader.areas():
        if svc.state.area.id != area.id:
            window.switch_area(area.id)
            qtbot.waitUntil(lambda a=area.id: _settled(window) and page.result.query.area_id == a)
        results = _every_card(search, svc.state.query, svc.clock.now())
        now = results[0]
        assert now.total == len(now.hits) > 0
        for size, step in _matrix(qtbot, window):
            page.model.set_result(now)  # every card in the view, not a page of them
            page.stack.setCurrentWidget(page.list)
            QApplication.processEvents()
            where = (area.id, lang, size, step)
            _check_list(window, list(now.hits), where)
            width = delegate.item_width(page.list)
            for result in results[1:]:
                for hit in result.hits:
                    card = delegate.card(hit, width)
                    _assert_card_shows_everything(delegate, hit, card, (where, hit.id))
                    checked += 1
    assert checked > 0


def test_cards_lay_out_again_when_the_width_changes(qtbot: QtBot, window: FieldWindow) -> None:
    """Wider or narrower, each card takes the height its wrapped texts need at the new width."""
    page = window.search_page
    view = page.list
    delegate = view.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    window.svc.theme.set("day", len(TEXT_SIZES) - 1, window.svc.clock.now())
    heights: dict[int, list[int]] = {}
    for size in ((1920, 1080), (800, 1280)):
        _resize(qtbot, window, size)
        width = delegate.item_width(view)

        def laid_out(w: int = width) -> bool:
            rows = range(page.model.rowCount())
            wanted = [delegate.card(page.model.hit(r), w).size.height() for r in rows]  # type: ignore[arg-type]
            return [view.visualRect(page.model.index(r, 0)).height() for r in rows] == wanted

        qtbot.waitUntil(laid_out)  # the view lays out again shortly after a resize
        heights[width] = [view.visualRect(page.model.index(r, 0)).height() for r in range(5)]
        assert view.horizontalScrollBar().maximum() == 0
    narrow, wide = min(heights), max(heights)
    assert narrow < wide
    assert sum(heights[narrow]) > sum(heights[wide])  # texts wrap onto more lines when narrow


def _scroll_areas(root: QWidget) -> list[QAbstractScrollArea]:
    return [a for a in root.findChildren(QAbstractScrollArea) if a.isVisible()]


def _sideways(window: FieldWindow) -> list[tuple[str, str]]:
    """The scroll areas of the current page that show a horizontal scroll bar."""
    shown = window.stack.currentWidget()
    return [
        (type(a).__name__, a.objectName() or a.accessibleName())
        for a in _scroll_areas(shown)
        if a.horizontalScrollBar().isVisible()
    ]


VIEWS = ["search", "detail", "guides", "guide", "locations", "reports", "report form", "settings"]


def _open(window: FieldWindow, view: str) -> None:
    if view == "detail":
        hit = window.search_page.model.hit(0)
        assert hit is not None
        window.open_service(hit.id)
    elif view == "guide":
        guides = window.svc.reader.guides(window.svc.state.area.id)
        window.open_guide(guides[0].id)
    elif view == "report form":
        window.open_report()
    else:
        window.show_page(view)
    end = time.monotonic() + 10
    while view == "locations" and window.locations_page.loading and time.monotonic() < end:
        QApplication.processEvents()  # the places are sorted on the search worker


@pytest.mark.parametrize("lang", LANGS)
def test_no_view_shows_a_horizontal_scroll_bar(
    qtbot: QtBot, window: FieldWindow, lang: str
) -> None:
    _set_lang(qtbot, window, lang)
    failures: list[object] = []
    for size, step in _matrix(qtbot, window):
        for view in VIEWS:
            _open(window, view)
            QApplication.processEvents()
            if _sideways(window):
                qtbot.wait(150)  # item views lay out again a moment after a resize
            failures += [(view, size, step, *bar) for bar in _sideways(window)]
        window.show_page("search")
    assert not failures, failures


def test_cards_are_not_all_one_height(window: FieldWindow) -> None:
    """Heights follow the texts: a card with a warning line is taller than one without."""
    page = window.search_page
    rows = range(page.model.rowCount())
    heights = {page.list.visualRect(page.model.index(r, 0)).height() for r in rows}
    assert len(heights) > 1
    rect: QRect = page.list.visualRect(page.model.index(0, 0))
    assert rect.width() <= page.list.viewport().width()


def test_a_phone_number_stays_whole_and_a_long_word_still_fits(
    window: FieldWindow,
) -> None:
    """Beyond the shipped texts: at every width a phone number in a name is on one line,
    a word wider than the card is broken rather than cut, and a long badge goes under the
    name instead of squeezing it."""
    delegate = window.search_page.list.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    shipped = window.search_page.model.hit(0)
    assert shipped is not None
    hit = replace(
        shipped,
        name="Jourtelefonen för barn och unga 08-123 45 67 (dygnet runt)",
        organization="https://www.exempel.se/en-mycket-lang-adress-utan-mellanslag-alls",
        open_text="Öppnar i morgon 10:00 – ring först till 020-91 91 91",
        handover="Ring först · Remiss eller anmälan · Följ med personen · 18+",
    )
    whole = 0
    for step in STEPS:
        window.svc.theme.set("day", step, window.svc.clock.now())
        for width in range(240, 1000, 7):
            card = delegate.card(hit, width)
            _assert_card_shows_everything(delegate, hit, card, (step, width))
            name = next(t for t in card.texts if t.kind == "name")
            fm = QFontMetrics(delegate.font_for("big")[0])
            if fm.horizontalAdvance("08-123 45 67") <= name.rects[0].width():
                lines = [line.replace(NBSP, " ") for line in name.lines]
                assert any("08-123 45 67" in line for line in lines), (step, width, lines)
                whole += 1
    assert whole > 100


@pytest.mark.parametrize("lang", LANGS)
def test_a_guides_name_above_the_results_is_never_cut(
    qtbot: QtBot, window: FieldWindow, lang: str
) -> None:
    """Every guide of the area offered from its own chips: its name wraps, never "…"."""
    from PySide6.QtWidgets import QLabel

    _set_lang(qtbot, window, lang)
    svc = window.svc
    page = window.search_page
    guides = svc.reader.guides(svc.state.area.id)
    assert guides
    checked = 0
    for size, _step in _matrix(qtbot, window):
        for g in guides:
            svc.state.clear()
            svc.state.update(groups=tuple(g.groups), needs=tuple(g.needs))
            qtbot.waitUntil(lambda: _settled(window))
            QApplication.processEvents()
            for lab in page.guides_box.findChildren(QLabel):
                if lab.property("role") != "title" or not lab.isVisible():
                    continue
                assert "…" not in lab.text(), (size, lab.text())
                assert lab.wordWrap() and lab.height() >= lab.heightForWidth(lab.width()), (
                    size,
                    lab.text(),
                )
                checked += 1
    assert checked
