"""The report form in the real field window: real device.db, real Klara catalogue, real sealing.

A worker fills the form with taps and a few words; the sealed report in the outbox must open
(with the development private key) into exactly that. Drafts must survive the window going
away mid-edit. Nothing here is mocked: texts with å/ä/ö are set with setPlainText, since
QTest cannot type them.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.core.report import KIND_LABELS, KINDS
from kompassen.gui.app import build_window
from kompassen.gui.field.guides_page import WrapButton
from kompassen.gui.field.report_form.page import OTHER_PLACE, ReportPage
from kompassen.gui.field.window import FieldWindow
from kompassen.reports.sealing import open_sealed

REPO = Path(__file__).resolve().parents[2]
DEV_KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text())
# 121212-1212: the Swedish tax agency's well-known test number (valid check digit, nobody's)
FAKE_PNR = "121212-1212"


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = _window(qtbot, ctx)
    yield w
    _destroy(w)


def _destroy(w: FieldWindow) -> None:
    """Close and delete now: a window left for later would see the closed databases."""
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _window(qtbot: QtBot, ctx: AppContext) -> FieldWindow:
    w = build_window(ctx, "klara", synchronous=True)  # deleted by _destroy, not by qtbot
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    return w


def _settled(w: FieldWindow) -> bool:
    r = w.search_page.result
    return r is not None and r.query == w.svc.state.query


def _open(qtbot: QtBot, w: FieldWindow, prefill: dict | None = None) -> ReportPage:
    w.open_report(prefill)
    page = w.report_page
    assert w.stack.currentWidget() is page
    qtbot.waitUntil(page.isVisible)
    return page


def _tap(qtbot: QtBot, page: ReportPage, b: QWidget) -> None:
    """Scroll the control into view and tap it, as a finger would."""
    page.scroll_area.ensureWidgetVisible(b)
    QApplication.processEvents()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    page.svc.device.drain()  # what the tap queued for device.db is written (and answered)


def _sealed(ctx: AppContext) -> list[tuple[str, bytes]]:
    rows = ctx.device_db.query("SELECT status, sealed FROM outbox")
    return [(r[0], bytes(r[1])) for r in rows]


# ---------------------------------------------------------------------------- sending


def test_fill_and_submit_seals_exactly_what_was_entered(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    page = _open(qtbot, window)
    assert not page.send_button.isEnabled()  # nothing filled in yet
    assert "inget är ifyllt" in page.problems_label.text()
    _tap(qtbot, page, page.kind_buttons["observation"])
    page.place_combo.setCurrentIndex(page.place_combo.findData("klara/sergels-torg"))
    page.place_combo.activated.emit(page.place_combo.currentIndex())
    _tap(qtbot, page, page.time.buttons[1])  # "För 30 min sedan"
    _tap(qtbot, page, page._chips["group.youth"])
    _tap(qtbot, page, page._chips["need.shelter-tonight"])
    text = "Två unga sover i trappan vid Kulturhuset, härbärget var fullt."
    page.text_edit.setPlainText(text)
    # link a service through the small name search
    qtbot.keyClicks(page.service.search, "Clara")
    qtbot.waitUntil(lambda: len(page.service.hits) > 0)
    first = page.service.hits[0]
    assert isinstance(first, WrapButton) and "Clara" in first.text_shown()
    _tap(qtbot, page, first)
    linked = page.fields()["service_id"]
    assert linked and page.service.card.isVisible()
    assert page.service.name.text() == ctx.catalogue.reader.service(linked).name
    assert page.send_button.isEnabled() and not page.problems_label.isVisible()

    qtbot.waitUntil(lambda: page.draft_id is not None and len(ctx.drafts.list()) == 1)
    with qtbot.waitSignal(page.submitted) as sent:
        _tap(qtbot, page, page.send_button)

    items = ctx.outbox.items()
    assert [(i.status, i.kind, i.area_id) for i in items] == [("queued", "observation", "klara")]
    assert items[0].uuid == sent.args[0]
    assert ctx.drafts.list() == []
    [(status, blob)] = _sealed(ctx)
    assert status == "queued"
    envelope = open_sealed(blob, DEV_KEYS["sealing_private"])
    assert envelope["uuid"] == items[0].uuid
    assert envelope["report"] == {
        "kind": "observation",
        "area_id": "klara",
        "occurred_at": "2026-11-23T11:30:00+01:00",
        "landmark_id": "klara/sergels-torg",
        "place_text": "",
        "needs": ["need.shelter-tonight"],
        "groups": ["group.youth"],
        "text": text,
        "service_id": linked,
        "lang": "sv",
    }
    # the worker is told, the form is empty again and the window went back
    assert window.stack.currentWidget() is window.search_page
    assert "utkorgen" in window.statusBar().currentMessage()
    assert page.text_edit.toPlainText() == "" and page.draft_id is None
    assert "skickas när surfplattan har nät" in page.result_label.text()


def test_a_failure_is_told_in_words_and_the_draft_stays(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    """A draft from an area no longer installed cannot be sealed: say so, keep the draft."""
    draft_id = ctx.drafts.save(
        {
            "kind": "unsolved",
            "area_id": "nedlagt-omrade",
            "occurred_at": "2026-11-23T10:00:00+01:00",
            "text": "Ingen plats för natten.",
        }
    )
    page = _open(qtbot, window)
    assert page.offer.isVisible()
    _tap(qtbot, page, page.offer_continue)
    assert page.draft_id == draft_id and page.area_id == "nedlagt-omrade"
    assert page.send_button.isEnabled()
    _tap(qtbot, page, page.send_button)
    assert page.result_label.isVisible()
    assert "inte installerat" in page.result_label.text()
    assert "Utkastet finns kvar" in page.result_label.text()
    assert ctx.outbox.items() == []
    assert [d.id for d in ctx.drafts.list()] == [draft_id]
    assert window.stack.currentWidget() is page


def test_a_full_disk_is_told_in_words_and_nothing_typed_is_lost(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    """SQLite's page limit stands in for a full disk (the same SQLITE_FULL error)."""
    page = _open(qtbot, window, {"kind": "unsolved", "text": "Ingen plats på härbärget."})
    page.flush(wait=True)
    assert len(ctx.drafts.list()) == 1
    db = ctx.device_db.conn
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        long_text = "Ingen plats på härbärget. " + "Kön var lång. " * 250
        page.text_edit.setPlainText(long_text)
        page.flush(wait=True)
        assert page.saved_label.text() == "Utkastet kunde inte sparas"
        assert "frigör utrymme" in page.result_label.text()
        _tap(qtbot, page, page.send_button)
        assert ctx.outbox.items() == []
        assert page.text_edit.toPlainText() == long_text  # still on screen, nothing lost
        assert window.stack.currentWidget() is page
    finally:
        db.execute("PRAGMA max_page_count = 1073741823")
    page.flush(wait=True)  # space again: the draft is saved with what was typed
    assert [d.fields["text"] for d in ctx.drafts.list()] == [long_text]
    _tap(qtbot, page, page.send_button)
    assert [i.status for i in ctx.outbox.items()] == ["queued"]


# ---------------------------------------------------------------------------- privacy


def test_privacy_warning_and_mask(qtbot: QtBot, window: FieldWindow, ctx: AppContext) -> None:
    page = _open(qtbot, window)
    page.text_edit.setPlainText(f"Killen sa att hans personnummer är {FAKE_PNR}, sover ute.")
    qtbot.waitUntil(page.privacy.isVisible)  # after the debounce
    assert "personnummer" in page.privacy.label.text()
    assert "Skriv inte ut vem personen är" in page.privacy.label.text()
    assert page.send_button.isEnabled()  # warns, never blocks
    _tap(qtbot, page, page.privacy.mask_button)
    masked = page.text_edit.toPlainText()
    assert FAKE_PNR not in masked and "[personnummer]" in masked
    assert not page.privacy.isVisible()
    # the masked text is what the draft holds
    [draft] = ctx.drafts.list()
    assert draft.fields["text"] == masked


def test_clean_text_gives_no_warning(qtbot: QtBot, window: FieldWindow) -> None:
    page = _open(qtbot, window)
    page.text_edit.setPlainText("Ingen öppen nattjour för unga i området efter 02.")
    page.scan_text()
    assert not page.privacy.isVisible()


# ---------------------------------------------------------------------------- drafts


@pytest.mark.parametrize("wait_for_save", [True, False], ids=["saved", "mid-edit"])
def test_draft_survives_the_window_going_away(
    qtbot: QtBot, ctx: AppContext, home: Path, clock: FixedClock, wait_for_save: bool
) -> None:
    w = _window(qtbot, ctx)
    page = _open(qtbot, w)
    text = "Påbörjad rapport om kylan vid Sergels torg"
    page.text_edit.setPlainText(text)
    _tap(qtbot, page, page._chips["need.food"])
    if wait_for_save:
        qtbot.waitUntil(lambda: page.saved_label.text() == "Utkast sparat 12:00")
    else:
        assert ctx.drafts.list() == []  # the debounce has not fired yet
    _destroy(w)
    ctx.close()

    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        w2 = _window(qtbot, again)
        page2 = _open(qtbot, w2)
        assert page2.offer.isVisible()
        assert "Olöst problem" in page2.offer_label.text()
        _tap(qtbot, page2, page2.offer_continue)
        assert page2.text_edit.toPlainText() == text
        assert page2._chips["need.food"].isChecked()
        assert page2.draft_id is not None
        _destroy(w2)
    finally:
        again.close()


def test_saving_and_sending_never_wait_for_device_db_and_quitting_waits_for_them(
    qtbot: QtBot, ctx: AppContext, home: Path, clock: FixedClock
) -> None:
    """The real device worker: while another writer holds device.db (a sync marking a batch,
    a slow fsync), saves and "Skicka" return at once; closing the window writes them all."""
    w = build_window(ctx, "klara")  # threaded: the device worker is a real thread
    w.show()
    qtbot.waitExposed(w)
    page = _open(qtbot, w, {"kind": "unsolved", "text": "Första versionen"})
    page.flush(wait=True)
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with ctx.device_db.transaction():
            holding.set()
            release.wait(10)

    other = threading.Thread(target=writer)
    other.start()
    try:
        assert holding.wait(10)
        page.text_edit.setPlainText("Andra versionen, skriven medan databasen var upptagen")
        t0 = time.perf_counter()
        page.save_draft()
        assert time.perf_counter() - t0 < 0.2  # the writer holds the lock for seconds
        qtbot.wait(300)
        assert page.svc.device.busy  # still waiting for the lock, on the worker
        t0 = time.perf_counter()
        page.submit()
        assert time.perf_counter() - t0 < 0.2 and page.sending
        assert not page.send_button.isEnabled() and not page.text_edit.isEnabled()
    finally:
        release.set()
        other.join(10)
    with qtbot.waitSignal(page.submitted, timeout=10_000):
        pass
    assert [i.status for i in ctx.outbox.items()] == ["queued"] and ctx.drafts.list() == []
    assert w.stack.currentWidget() is not page and page.text_edit.isEnabled()

    # a save still queued when the window closes is on disk when close() returns
    page = _open(qtbot, w, {"kind": "observation", "text": "Sista utkastet"})
    page.text_edit.setPlainText("Sista utkastet, sparat när fönstret stängs")
    page.save_draft()
    _destroy(w)
    ctx.close()
    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        texts = [d.fields["text"] for d in again.drafts.list()]
        assert texts == ["Sista utkastet, sparat när fönstret stängs"]
    finally:
        again.close()


def test_cancel_keeps_the_draft_and_the_list_deletes_after_asking(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    page = _open(qtbot, window, {"kind": "observation", "text": "Första utkastet"})
    first = page.draft_id
    assert first is not None  # a prefilled report is kept at once
    _tap(qtbot, page, page.cancel_button)
    assert window.stack.currentWidget() is window.search_page
    assert "Utkastet är sparat" in window.statusBar().currentMessage()
    assert [d.id for d in ctx.drafts.list()] == [first]

    # a second report: the first is listed and can be deleted, after a question
    page = _open(qtbot, window, {"kind": "unsolved", "text": "Andra utkastet"})
    assert page.draft_id not in (None, first)
    assert page.drafts_list.isVisible()
    assert page.drafts_list.heading.text() == "Utkast (1)"
    _tap(qtbot, page, page.drafts_list.delete_buttons[first])
    assert len(ctx.drafts.list()) == 2  # not yet: it asks first
    yes = page.drafts_list.confirm_buttons[first]
    assert yes.isVisible()
    _tap(qtbot, page, yes)
    assert [d.id for d in ctx.drafts.list()] == [page.draft_id]
    assert not page.drafts_list.isVisible()


def test_reopening_a_draft_from_the_list(qtbot: QtBot, window: FieldWindow) -> None:
    page = _open(qtbot, window, {"kind": "followup", "text": "Uppföljning av överlämningen"})
    followup = page.draft_id
    page = _open(qtbot, window, {"kind": "solution", "text": "Ny lösning: kyrkan öppnar 22"})
    assert followup in page.drafts_list.open_buttons
    _tap(qtbot, page, page.drafts_list.open_buttons[followup])
    assert page.draft_id == followup
    assert page.kind() == "followup"
    assert page.text_edit.toPlainText() == "Uppföljning av överlämningen"


# ---------------------------------------------------------------------------- prefills


def test_prefill_from_a_zero_result_search(qtbot: QtBot, window: FieldWindow) -> None:
    search = window.search_page
    qtbot.mouseClick(search.filters._chips["group.child"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(search.filters._chips["need.harm-reduction"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(window) and search.result.total == 0)
    expected_text = search.report_prefill()
    landmark = window.svc.state.landmark
    qtbot.mouseClick(search.report_btn, Qt.MouseButton.LeftButton)
    page = window.report_page
    assert window.stack.currentWidget() is page
    f = page.fields()
    assert f["kind"] == "unsolved" and page.kind_buttons["unsolved"].isChecked()
    assert f["groups"] == ["group.child"] and f["needs"] == ["need.harm-reduction"]
    assert f["landmark_id"] == landmark.id
    assert f["text"] == expected_text and "Barn (under 13)" in f["text"]
    assert f["service_id"] is None and not page.service.card.isVisible()
    # Escape goes back to the search, which still has its chips
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is search


def test_prefill_from_the_detail_page(qtbot: QtBot, window: FieldWindow) -> None:
    hit = window.search_page.model.hit(0)
    window.open_service(hit.id)
    detail = window.detail_page
    assert detail.report_button is not None
    detail.findChild(type(window.report_page.scroll_area)).ensureWidgetVisible(detail.report_button)
    qtbot.mouseClick(detail.report_button, Qt.MouseButton.LeftButton)
    page = window.report_page
    assert window.stack.currentWidget() is page
    f = page.fields()
    assert f["kind"] == "correction" and f["service_id"] == hit.id
    assert f["text"] == f"Fel i uppgiften om {hit.name}: "
    assert page.service.card.isVisible() and page.service.name.text() == hit.name
    _tap(qtbot, page, page.service.remove)
    assert page.fields()["service_id"] is None and page.service.search.isVisible()
    window.back()
    assert window.stack.currentWidget() is detail


# ---------------------------------------------------------------------------- touch and text


def _everything_shown(qtbot: QtBot, window: FieldWindow, ctx: AppContext) -> ReportPage:
    """The form with every optional part visible: drafts, privacy warning, service, time edit."""
    ctx.drafts.save(
        {"kind": "observation", "area_id": "klara", "text": "Ett äldre utkast om läget"}
    )
    service_id = window.search_page.model.hit(0).id
    page = _open(
        qtbot,
        window,
        {"kind": "correction", "text": f"Personnummer {FAKE_PNR}", "service_id": service_id},
    )
    _tap(qtbot, page, page.time.buttons[2])
    page.place_combo.setCurrentIndex(page.place_combo.findData(OTHER_PLACE))
    page.place_combo.activated.emit(page.place_combo.currentIndex())
    qtbot.waitUntil(page.privacy.isVisible)
    assert page.time.edit.isVisible() and page.place_edit.isVisible()
    assert page.drafts_list.isVisible() and page.service.card.isVisible()
    return page


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_touch_targets_named_and_text_not_cut(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, size: tuple[int, int]
) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    page = _everything_shown(qtbot, window, ctx)
    QApplication.processEvents()
    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QDateTimeEdit)
    targets = [
        c
        for c in page.findChildren(QWidget)
        if isinstance(c, kinds)
        and c.isVisible()
        and not isinstance(c.parent(), QDateTimeEdit | QComboBox)  # their inner line edit
    ]
    assert len(targets) > 40
    for w in targets:
        what = (type(w).__name__, w.accessibleName(), w.size())
        assert w.width() >= 48 and w.height() >= 48, what
        assert w.accessibleName(), (type(w).__name__, getattr(w, "text", lambda: "")())
        if isinstance(w, QAbstractButton) and not isinstance(w, WrapButton):
            assert w.width() >= w.sizeHint().width(), ("cut", w.text(), w.size(), w.sizeHint())
        # nothing sticks out of the page's column
        right = w.mapTo(page.column, w.rect().topRight()).x()
        assert right <= page.column.width(), ("outside", w.accessibleName(), right)
    for lab in page.findChildren(QLabel):
        if lab.isVisible() and not lab.wordWrap() and lab.text():
            assert lab.width() >= lab.sizeHint().width(), ("cut", lab.text())
    # all five kinds, in Swedish, each its own big button
    assert [page.kind_buttons[k].text() for k in KINDS] == [KIND_LABELS[k][0] for k in KINDS]


def test_night_theme_and_english(qtbot: QtBot, window: FieldWindow, ctx: AppContext) -> None:
    svc = window.svc
    page = _everything_shown(qtbot, window, ctx)
    svc.theme.set("night", 0, svc.clock.now())
    assert svc.theme.palette.surface in page.text_edit.styleSheet()
    image = page.grab().toImage()
    assert image.pixelColor(3, image.height() // 2).name() == svc.theme.palette.window
    assert svc.translations.set_language("en")
    svc.state.set_lang("en")
    # kinds and chips follow the catalogue language at once (the GUI texts follow the .qm)
    assert page.kind_buttons["unsolved"].text() == "Unsolved problem"
    assert page._chips["group.youth"].text() == "Young person (13–17)"
    assert page.fields()["lang"] == "en"
    svc.translations.set_language("sv")
    svc.state.set_lang("sv")
    svc.theme.set("day", 0, svc.clock.now())


def test_time_choices(qtbot: QtBot, window: FieldWindow) -> None:
    page = _open(qtbot, window, {"kind": "observation", "text": "Lugnt i kväll"})
    assert page.fields()["occurred_at"] == "2026-11-23T12:00:00+01:00"
    _tap(qtbot, page, page.time.buttons[2])
    _tap(qtbot, page, page.time.minus_button)
    _tap(qtbot, page, page.time.minus_button)
    assert page.fields()["occurred_at"] == "2026-11-23T11:30:00+01:00"
    assert page.time.label.text() == "Tidpunkt: 2026-11-23 kl. 11:30"
    assert datetime.fromisoformat(page.fields()["occurred_at"]).tzinfo is not None


# ---------------------------------------------------------------------------- issue #13


def test_steady_typing_is_saved_within_a_second(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    """Typing that never pauses 400 ms still saves (the debounce's max-wait); the kill -9 test
    in test_drafts_kill.py shows it on the real app."""
    page = _open(qtbot, window)
    t0 = time.monotonic()
    first_save: tuple[float, str] | None = None
    for _ in range(36):  # about 1.8 s, one key every 50 ms
        qtbot.keyClicks(page.text_edit, "a")
        qtbot.wait(50)
        drafts = ctx.drafts.list()
        if drafts and first_save is None:
            first_save = (time.monotonic() - t0, str(drafts[0].fields["text"]))
    assert first_save is not None, "nothing was saved while the typing went on"
    at, text = first_save
    assert at < 1.0 + 0.4 and text and set(text) == {"a"}
    assert len(page.text_edit.toPlainText()) == 36


def test_the_form_opens_at_the_top(qtbot: QtBot, window: FieldWindow) -> None:
    """Wherever the last visit left it (at "Skicka", usually), the form opens at its top."""
    page = _open(qtbot, window, {"kind": "observation", "text": "Första utkastet"})
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    _tap(qtbot, page, page.cancel_button)  # scrolled down to it; the draft stays open
    assert bar.value() > 0 and window.stack.currentWidget() is not page
    _open(qtbot, window)  # the same draft again
    assert page.text_edit.toPlainText() == "Första utkastet"
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    window.back()
    _open(qtbot, window, {"kind": "unsolved", "text": "Ett nytt"})  # a new prefilled report
    assert bar.value() == 0


# ------------------------------------------------- privacy: sending with an unmasked finding
# (issue #13, point 10)

# a date and four digits with a wrong check digit: nobody's number, but it reads as one
POSSIBLE_PNR = "20110304-1234"


def _ready(qtbot: QtBot, w: FieldWindow, text: str) -> ReportPage:
    page = _open(qtbot, w, {"kind": "observation", "landmark_id": "klara/sergels-torg"})
    page.text_edit.setPlainText(text)
    qtbot.waitUntil(lambda: page.privacy.isVisible() == bool(page.privacy.findings))
    assert page.send_button.isEnabled()
    return page


def test_send_with_an_unmasked_finding_asks_once_more(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    page = _ready(qtbot, window, f"Killen sa att han har nummer {POSSIBLE_PNR}, sover ute.")
    qtbot.waitUntil(page.privacy.isVisible)
    assert "kan vara ett personnummer" in page.privacy.label.text()  # possible, not sure
    assert not page.privacy.asking
    _tap(qtbot, page, page.send_button)
    assert ctx.outbox.items() == []  # the first yes only asks
    assert page.privacy.asking and page.privacy.question.isVisible()
    assert "Skicka ändå?" in page.privacy.question.text()
    assert "kan vara ett personnummer" in page.privacy.question.text()
    assert page.privacy.mask_button.isVisible() and page.privacy.send_anyway_button.isVisible()
    assert window.stack.currentWidget() is page  # still on the form
    with qtbot.waitSignal(page.submitted):
        _tap(qtbot, page, page.privacy.send_anyway_button)  # the second yes sends
    assert [i.status for i in ctx.outbox.items()] == ["queued"]
    assert ctx.drafts.list() == []


def test_masking_instead_sends_the_masked_text_without_asking_again(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    page = _ready(qtbot, window, f"Hon heter Anna Svensson, pnr {FAKE_PNR}.")
    _tap(qtbot, page, page.send_button)
    assert page.privacy.asking and ctx.outbox.items() == []
    _tap(qtbot, page, page.privacy.mask_button)
    assert not page.privacy.asking and not page.privacy.isVisible()
    assert page.text_edit.toPlainText() == "Hon heter [namn], pnr [personnummer]."
    with qtbot.waitSignal(page.submitted):
        _tap(qtbot, page, page.send_button)  # nothing left to ask about
    assert len(ctx.outbox.items()) == 1


def test_a_new_finding_after_the_question_asks_again(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    page = _ready(qtbot, window, f"pnr {FAKE_PNR}")
    _tap(qtbot, page, page.send_button)
    assert page.privacy.asking
    page.text_edit.setPlainText(f"pnr {FAKE_PNR}, ring 070-123 45 67")
    page.scan_text()
    assert not page.privacy.asking  # the question was about other findings
    _tap(qtbot, page, page.send_button)
    assert page.privacy.asking and ctx.outbox.items() == []
    assert "telefonnummer" in page.privacy.question.text()


def test_the_service_search_puts_an_exact_name_first(qtbot: QtBot, window: FieldWindow) -> None:
    """The ranking alone puts "Socialjourens EU-team" above "Socialjouren Stockholm"."""
    page = _open(qtbot, window)
    qtbot.keyClicks(page.service.search, "socialjouren  Stockholm")
    qtbot.waitUntil(lambda: len(page.service.hits) > 1)
    first = page.service.hits[0]
    assert isinstance(first, WrapButton)
    assert first.text_shown().startswith("Socialjouren Stockholm")
    assert len(page.service.hits) <= 5


def test_a_draft_shown_from_the_reports_tab_can_be_deleted(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    """The guide: "Under Utkast fortsätter du eller tar bort ett utkast"."""
    draft = ctx.drafts.save({"kind": "unsolved", "text": "Ett utkast att ta bort"})
    window.show_page("reports")
    reports = window.reports_page
    qtbot.waitUntil(reports.drafts_row.isVisible)
    qtbot.mouseClick(reports.drafts_button, Qt.MouseButton.LeftButton)
    page = window.report_page
    qtbot.waitUntil(page.isVisible)
    listed = page.drafts_list
    qtbot.waitUntil(lambda: draft in listed.delete_buttons)
    _tap(qtbot, page, listed.delete_buttons[draft])
    _tap(qtbot, page, listed.confirm_buttons[draft])
    assert ctx.drafts.get(draft) is None
    assert draft not in listed.rows
