"""Deleting a draft from the drafts list runs on the device worker: the tap never waits on disk.

Deleting empties the WAL (an fsync, slow on a tablet's flash); the GUI thread must not wait.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window


def test_deleting_a_draft_does_not_wait_for_the_disk(qtbot: QtBot, ctx: AppContext) -> None:
    draft = ctx.drafts.save({"kind": "unsolved", "text": "Ett utkast att ta bort"})
    w = build_window(ctx, "klara")  # the real worker thread, as on a tablet
    try:
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        w.open_report()
        page = w.report_page
        listed = page.drafts_list
        qtbot.waitUntil(lambda: draft in listed.delete_buttons, timeout=10_000)
        release = threading.Event()
        # the worker is busy with something slow (a full fsync, a slow card): the tap must not wait
        w.svc.device.submit(lambda _s: release.wait(10), key="slow")
        qtbot.mouseClick(listed.delete_buttons[draft], Qt.MouseButton.LeftButton)
        yes = listed.confirm_buttons[draft]
        page.scroll_area.ensureWidgetVisible(yes)
        QApplication.processEvents()
        started = time.monotonic()
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        assert time.monotonic() - started < 0.5  # the GUI thread came straight back
        assert not listed.rows[draft].isEnabled()  # tapped: no second tap meanwhile
        assert ctx.drafts.get(draft) is not None  # not yet: the worker is busy
        release.set()
        qtbot.waitUntil(lambda: draft not in listed.rows, timeout=10_000)
        assert ctx.drafts.get(draft) is None
    finally:
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
