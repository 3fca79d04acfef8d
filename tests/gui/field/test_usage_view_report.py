"""Issue #18: opening a service's detail page counts a 'view' (its key), sending a report
counts a 'report' with its kind only — the report's words never reach usage_event."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.field.window import FieldWindow


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = build_window(ctx, "klara", synchronous=True)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_view_and_a_sent_report_are_counted_with_codes_only(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext
) -> None:
    sid = window.search_page.model.hit(0).id
    window.open_service(sid)
    (view,) = ctx.events.events("view")
    assert (view.area_id, view.service_id) == ("klara", sid)

    window.open_report({})
    page = window.report_page
    qtbot.waitUntil(page.isVisible)
    page.scroll_area.ensureWidgetVisible(page.kind_buttons["observation"])
    QApplication.processEvents()
    qtbot.mouseClick(page.kind_buttons["observation"], Qt.MouseButton.LeftButton)
    page.place_combo.setCurrentIndex(page.place_combo.findData("klara/sergels-torg"))
    page.place_combo.activated.emit(page.place_combo.currentIndex())
    page.text_edit.setPlainText("Hemlig testtext om kön vid härbärget.")
    page.svc.device.drain()
    qtbot.waitUntil(page.send_button.isEnabled)
    with qtbot.waitSignal(page.submitted):
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        page.svc.device.drain()
    (report,) = ctx.events.events("report")
    assert report.detail == {"kind": "observation"} and report.area_id == "klara"
    rows = ctx.device_db.query("SELECT detail FROM usage_event")
    assert not any("Hemlig" in str(r[0]) for r in rows)
