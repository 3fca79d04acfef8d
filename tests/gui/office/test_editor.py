"""The office's catalogue editor on the real app context (real SQLite, real widgets offscreen).

A service's phone and hours are edited through the form's own widgets, undone and redone with
the keyboard, checked by the pack validator as typed, kept as a draft when the page goes away
with unsaved edits (and restored, with a sentence, by the next page), and saved with history.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.office.editor import CatalogueEditorPage
from kompassen.gui.office.hours_editor import HoursEditor

SERVICE = "efh-budget-skuldradgivning"  # has a phone and weekly hours in the shipped pack
PHONE = "/phones/0/number"


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    """Swedish words: the source strings, and a Swedish locale for dates and weekdays."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield
    QLocale.setDefault(before)


def _page(qtbot: QtBot, ctx: AppContext) -> CatalogueEditorPage:
    page = CatalogueEditorPage(ctx, "klara", synchronous=True, user="Anna Andersson")
    qtbot.addWidget(page)
    page.resize(1600, 1000)
    page.show()
    qtbot.waitUntil(lambda: page.session is not None)
    assert page.open_record("services", SERVICE)
    page.activateWindow()
    page.setFocus()
    return page


def _line(page: CatalogueEditorPage, pointer: str) -> QLineEdit:
    b = page.form.binding(pointer)
    assert b is not None and isinstance(b.widget, QLineEdit), pointer
    return b.widget


def _value(page: CatalogueEditorPage, pointer: str) -> Any:
    assert page.session is not None
    return page.session.value("services", SERVICE, pointer)


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_phone_edit_undo_redo_with_the_keyboard(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    page = _page(qtbot, ctx)
    phone = _line(page, PHONE)
    assert phone.text() == "08-508 25 000"
    _retype(qtbot, phone, "08-123 456")
    assert _value(page, PHONE) == "08-123 456"
    assert page.stack.count() == 1  # the keystrokes of one field are one undo step
    qtbot.keyClick(phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _value(page, PHONE) == "08-508 25 000"
    assert phone.text() == "08-508 25 000"  # the widget shows the undone value
    qtbot.keyClick(
        phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _value(page, PHONE) == "08-123 456"
    qtbot.keyClick(phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(phone, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert phone.text() == "08-123 456"
    # the buttons do the same
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert _value(page, PHONE) == "08-508 25 000"
    qtbot.mouseClick(page.redo_button, Qt.MouseButton.LeftButton)
    assert _value(page, PHONE) == "08-123 456"


def test_hours_edit_is_one_undoable_edit_of_the_service(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    page = _page(qtbot, ctx)
    hours = page.form.hours_editor
    assert isinstance(hours, HoursEditor)
    before = _value(page, "/hours")
    qtbot.mouseClick(hours.day_spans[3].add_button, Qt.MouseButton.LeftButton)  # Thursday
    span = hours.day_spans[3].rows[-1]
    qtbot.keyClicks(span.opens, "22:00")
    qtbot.keyClicks(span.closes, "06:00")
    after = _value(page, "/hours")
    assert {"days": ["thu"], "opens": "22:00", "closes": "06:00"} in after["weekly"]
    assert after["source"] == "s2" and after["note"] == before["note"]  # kept
    page.stack.undo()
    while page.stack.canUndo():
        page.stack.undo()
    assert _value(page, "/hours") == before
    assert page.form.hours_editor is not None
    assert not page.form.hours_editor.day_spans[3].rows  # the form shows it too
    page.stack.redo()
    assert page.session is not None and page.session.dirty


def test_a_bad_phone_number_is_told_under_the_field_as_typed(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    page = _page(qtbot, ctx)
    phone = _line(page, PHONE)
    _retype(qtbot, phone, "ring mig")
    b = page.form.binding(PHONE)
    assert b is not None
    qtbot.waitUntil(lambda: b.problem.isVisible())
    assert "ring mig" in b.problem.text()  # the pack validator's own words
    _retype(qtbot, phone, "08-123 456")
    qtbot.waitUntil(lambda: not b.problem.isVisible())


def test_unsaved_edits_survive_the_page_closing(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    page = _page(qtbot, ctx)
    _retype(qtbot, _line(page, PHONE), "08-765 43 21")
    page.shutdown()
    page.close()
    again = _page(qtbot, ctx)
    assert "återställdes" in again.message.text()
    assert _line(again, PHONE).text() == "08-765 43 21"
    # and the restored edit can still be undone
    again.stack.undo()
    assert _value(again, PHONE) == "08-508 25 000"


def test_save_and_checked_today(qtbot: QtBot, ctx: AppContext, swedish: None) -> None:
    page = _page(qtbot, ctx)
    _retype(qtbot, _line(page, PHONE), "08-123 456")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert _value(page, "/verified_at") == ctx.clock.now().date().isoformat()
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Sparat" in page.message.text()
    assert not page.stack.canUndo()
    docs = ctx.catalogue.release_docs("klara")  # what catalogue.db holds now
    svc = next(s for s in docs["services.json"]["services"] if s["key"] == SERVICE)
    assert svc["phones"][0]["number"] == "08-123 456"
    assert svc["verified_at"] == ctx.clock.now().date().isoformat()
    assert page.session is not None
    rows = page.session.history("services", SERVICE)
    assert {(r.field, r.action, r.updated_by) for r in rows} >= {
        (PHONE, "update", "Anna Andersson"),
        ("/verified_at", "verify", "Anna Andersson"),
    }
    assert "senast av Anna Andersson" in page.checked_words.text()


GUIDE = "ung-ensam-ute-pa-natten"  # 8 steps, the second with a weekday time window


def test_a_guide_step_with_its_time_window_is_a_sub_form(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    page = _page(qtbot, ctx)
    assert page.open_record("guide", GUIDE)  # the worklist's record type works too
    assert page.kind == "guides"
    s = page.session
    assert s is not None
    # the existing window is shown in its fields
    days = page.form.binding("/steps/1/when/days")
    assert days is not None
    assert _line(page, "/steps/1/when/from").text() == "08:00"
    # add a step: one undoable edit, the form grows a sub-form for it
    steps = page.form.binding("/steps")
    assert steps is not None
    add = next(b for b in steps.widget.findChildren(QPushButton) if b.text() == "+ Lägg till")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(s.value("guides", GUIDE, "/steps")) == 9
    text = page.form.binding("/steps/8/text/sv")
    assert text is not None
    qtbot.keyClicks(text.widget, "Ring socialjouren")
    qtbot.keyClicks(_line(page, "/steps/8/when/from"), "16:30")
    page.validate_now()
    # a window needs both ends: the validator says so, next to the step list
    steps = page.form.binding("/steps")  # the form was rebuilt for the new step
    assert steps is not None
    assert "to" in steps.problem.text()
    qtbot.waitUntil(steps.problem.isVisible)
    qtbot.keyClicks(_line(page, "/steps/8/when/to"), "24:00")
    assert s.value("guides", GUIDE, "/steps/8/when") == {"from": "16:30", "to": "24:00"}
    while page.stack.canUndo():
        page.stack.undo()
    assert len(s.value("guides", GUIDE, "/steps")) == 8
    assert page.form.binding("/steps/8/text/sv") is None  # the form follows the undo


def test_notice_expiry_and_the_list_filters(qtbot: QtBot, ctx: AppContext, swedish: None) -> None:
    page = _page(qtbot, ctx)
    assert page.open_record("notices", "sprututbytet-st-goran-kan-stanga")
    expires = _line(page, "/expires")
    assert expires.text() == "2027-06-30"
    _retype(qtbot, expires, "2027-01-31")
    assert page.session is not None
    assert page.session.value("notices", "sprututbytet-st-goran-kan-stanga", "/expires") == (
        "2027-01-31"
    )
    page.kind_box.setCurrentIndex(page.kind_box.findData("services"))
    total = page.model.total
    page.need_filter.setCurrentIndex(page.need_filter.findData("need.food"))
    food = [page.model.ref(i) for i in range(page.model.rowCount())]
    assert 0 < len(food) < total
    assert all(
        "need.food" in page.session.record("services", r.record_id)["needs"] for r in food if r
    )
    page.search.setText("clara")
    assert 0 < page.model.total <= len(food)
    assert "av" in page.count.text()


def test_history_and_the_contact_note_beside_the_form(
    qtbot: QtBot, ctx: AppContext, swedish: None
) -> None:
    """The saved change history is shown under the record; an organisation's note for its
    next check is an undoable edit, saved with the rest, and never goes to the tablets."""
    page = _page(qtbot, ctx)
    assert "Inga sparade ändringar" in page.history_view.toPlainText()
    _retype(qtbot, _line(page, PHONE), "08-123 456")
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    shown = page.history_view.toPlainText()
    assert "Anna Andersson" in shown and "08-123 456" in shown and PHONE in shown
    assert not page.note_box.isVisible()  # a service has no contact note
    assert page.session is not None
    org = page.session.records("organizations")[0].record_id
    assert page.open_record("organizations", org)
    assert page.note_box.isVisible()
    page.note_edit.setFocus()
    qtbot.keyClicks(page.note_edit, "Ring receptionen i mars")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Tab)  # editing finished
    assert page.session.contact_note(org) == "Ring receptionen i mars"
    page.stack.undo()
    assert page.session.contact_note(org) == "" and page.note_edit.text() == ""
    page.stack.redo()
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.session.contact_note(org) == "Ring receptionen i mars"
    docs = ctx.catalogue.release_docs("klara")  # the pack (what tablets get) has no note
    assert "Ring receptionen" not in str(docs)
