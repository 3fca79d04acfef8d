"""The search page driven for real: typing, chips, suggestions, time, zero results."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.field.search.page import SearchPage
from kompassen.gui.field.services import FieldServices, build_services


def _page(qtbot: QtBot, svc: FieldServices, size: tuple[int, int] = (1280, 800)) -> SearchPage:
    page = SearchPage(svc)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.result is not None)
    return page


def _settled(page: SearchPage) -> bool:
    r = page.result
    return r is not None and r.query == page.svc.state.query


def test_typing_searches_as_you_type_and_offers_chips(
    qtbot: QtBot, services: FieldServices
) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.filters.search, "tjej 15 sover ute")
    qtbot.waitUntil(lambda: _settled(page) and page.result.query.text == "tjej 15 sover ute")
    r = page.result
    codes = {c.code for c in r.recognized}
    assert {"group.female", "group.youth", "need.shelter-tonight"} <= codes
    # the suggestions are shown as buttons, one tap adds the chip
    suggestions = [
        w
        for w in page.filters.suggest_box.findChildren(type(page.filters.clear_all))
        if w.isVisible()
    ]
    assert page.filters.suggest_box.isVisible() and len(suggestions) == len(codes)
    target = next(b for b in suggestions if "Sova i natt" in b.text())
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(page) and "need.shelter-tonight" in page.result.query.needs)
    assert page.filters._chips["need.shelter-tonight"].isChecked()
    # the first card is a service that meets the need
    top = page.model.hit(0)
    assert top is not None and "need.shelter-tonight" in top.needs


def test_harbarge_without_accents_finds_shelters(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.filters.search, "harbarge")
    qtbot.waitUntil(lambda: _settled(page) and page.result.query.text == "harbarge")
    assert page.model.rowCount() > 0
    assert "need.shelter-tonight" in page.model.hit(0).needs


def test_chips_show_live_counts_and_look_empty_when_they_give_nothing(
    qtbot: QtBot, services: FieldServices
) -> None:
    page = _page(qtbot, services)
    chip = page.filters._chips["group.youth"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(page) and page.result.query.groups == ("group.youth",))
    r = page.result
    for code, b in page.filters._chips.items():
        n = r.facets[code]
        assert b.text().rstrip("\u2007").endswith(f"· {n}")
        assert bool(b.property("empty")) == (n == 0 and not b.isChecked())
    assert any(b.property("empty") for b in page.filters._chips.values())
    assert page.model.total == r.total == r.facets["group.youth"]


def test_clear_all_resets_text_chips_and_time(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.filters.search, "mat")
    qtbot.mouseClick(page.filters._chips["need.food"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters.tonight_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters.only_open, Qt.MouseButton.LeftButton)
    q = services.state.query
    assert (
        q.text == "mat" and q.needs == ("need.food",) and q.time_mode == "tonight" and q.only_open
    )
    qtbot.mouseClick(page.filters.clear_all, Qt.MouseButton.LeftButton)
    q = services.state.query
    assert (q.text, q.groups, q.needs, q.time_mode, q.only_open) == ("", (), (), "now", False)
    assert page.filters.search.text() == ""
    assert not any(b.isChecked() for b in page.filters._chips.values())
    assert page.filters.now_btn.isChecked()


def test_choose_a_time_in_the_dialog(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        quick = [
            b for b in dialog.findChildren(type(page.filters.clear_all)) if "08:00" in b.text()
        ]
        quick[0].click()

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(page.filters.at_btn, Qt.MouseButton.LeftButton)
    q = services.state.query
    assert q.time_mode == "at" and q.at is not None
    assert (q.at.day, q.at.hour, q.at.minute) == (24, 8, 0)
    assert page.filters.at_btn.text() == "2026-11-24 08:00"
    qtbot.waitUntil(lambda: _settled(page))
    assert page.result.query.at == q.at


def test_zero_results_offer_alternatives_and_a_report(
    qtbot: QtBot, services: FieldServices
) -> None:
    page = _page(qtbot, services)
    reported: list[dict] = []
    services.nav.open_report = reported.append
    qtbot.mouseClick(page.filters._chips["group.child"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters._chips["need.harm-reduction"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(page))
    assert page.result.total == 0
    assert page.stack.currentWidget() is page.zero_scroll
    alts = [b for b in page.alt_box.findChildren(type(page.report_btn))]
    assert len(alts) == len(page.result.alternatives) > 0
    qtbot.mouseClick(page.report_btn, Qt.MouseButton.LeftButton)
    assert len(reported) == 1 and reported[0]["kind"] == "unsolved"
    assert "Barn" in reported[0]["text"] and "Sergels torg" in reported[0]["text"]
    assert reported[0]["groups"] == ["group.child"]
    assert reported[0]["needs"] == ["need.harm-reduction"]
    # tapping an alternative drops that filter
    first = page.result.alternatives[0]
    qtbot.mouseClick(alts[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(page))
    assert page.result.total == first.count
    assert page.stack.currentWidget() is page.list


def test_a_zero_result_search_is_counted_once_the_worker_stops(
    qtbot: QtBot, services: FieldServices
) -> None:
    page = _page(qtbot, services)
    page._zero_timer.setInterval(10)
    qtbot.mouseClick(page.filters._chips["group.child"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters._chips["need.harm-reduction"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(services.events.events("zero_result")) == 1)
    ev = services.events.events("zero_result")[0]
    assert ev.detail["groups"] == ["group.child"] and ev.detail["needs"] == ["need.harm-reduction"]


def test_result_model_pages_on_demand(qtbot: QtBot, services: FieldServices) -> None:
    services.state.update(limit=10)
    page = _page(qtbot, services)
    assert page.result.total > 10
    assert page.model.rowCount() == 10
    tester = ModelTester(None)
    tester.check(page.model)
    page.model.fetchMore(page.model.index(-1, -1).parent())
    qtbot.waitUntil(lambda: page.model.rowCount() == min(20, page.result.total))
    ids = [page.model.hit(i).id for i in range(page.model.rowCount())]
    assert len(set(ids)) == len(ids)
    tester.check(page.model)


def test_tapping_a_card_opens_the_service(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services)
    opened: list[str] = []
    services.nav.open_service = opened.append
    rect = page.list.visualRect(page.model.index(0, 0))
    assert rect.height() >= 48
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # the kinetic scroller holds a press back briefly to tell a tap from a drag
    qtbot.waitUntil(lambda: opened == [page.model.hit(0).id])
    page.list.setFocus()
    page.list.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert opened[-1] == page.model.hit(1).id


def test_guides_that_match_come_first(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services)
    guided: list[str] = []
    services.nav.open_guide = guided.append
    qtbot.keyClicks(page.filters.search, "15 år ute ensam natt")
    qtbot.waitUntil(lambda: _settled(page) and page.result.query.text == "15 år ute ensam natt")
    assert page.result.guides and page.guides_box.isVisible()
    show = [b for b in page.guides_box.findChildren(type(page.report_btn)) if b.isVisible()]
    qtbot.mouseClick(show[0], Qt.MouseButton.LeftButton)
    assert guided == [page.result.guides[0].id]


def test_portrait_puts_chips_above_results(qtbot: QtBot, services: FieldServices) -> None:
    page = _page(qtbot, services, (800, 1280))
    chips = page.chip_scroll.geometry()
    results = page.stack.geometry()
    assert chips.bottom() < page.stack.mapTo(page, results.topLeft()).y()
    # the search field stays at the top, clear of an on-screen keyboard on the lower half
    assert page.filters.search.mapTo(page, page.filters.search.rect().bottomLeft()).y() < 1280 / 4


def test_threaded_runner_keeps_up_with_typing(qtbot: QtBot, ctx: AppContext) -> None:
    svc = build_services(ctx, "klara")  # the real worker thread
    try:
        page = _page(qtbot, svc)
        qtbot.keyClicks(page.filters.search, "natthrbarge")
        qtbot.waitUntil(lambda: _settled(page) and page.result.query.text == "natthrbarge")
        assert page.model.rowCount() > 0
    finally:
        svc.runner.close()
