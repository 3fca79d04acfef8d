"""Starting the Qt application: the real GUI and the offscreen self-test."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from kompassen.catalogue.search import SearchService
from kompassen.catalogue.search_model import SearchQuery
from kompassen.compose import AppContext
from kompassen.core.errors import KompassenError

from .main_window import MainWindow

log = logging.getLogger(__name__)


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kompassen")
    app.setOrganizationName("Kompassen")
    return app


def build_window(ctx: AppContext, area_id: str) -> MainWindow:
    reader = ctx.catalogue.reader
    return MainWindow(reader, reader.area(area_id))


def run_gui(ctx: AppContext, area_id: str, office: bool = False) -> int:
    """Open the main window on ``area_id`` and run until it is closed."""
    app = _application()
    try:
        window = build_window(ctx, area_id)
    except KompassenError as err:
        QMessageBox.critical(None, "Kompassen", err.message("sv"))
        return 2
    if office:
        log.info("office mode requested; office screens come in a later release")
    window.show()
    return app.exec()


def selftest(ctx: AppContext, area_id: str = "klara") -> int:
    """Build the main window offscreen, run a search, and check both gave something."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    window = build_window(ctx, area_id)
    window.show()
    app.processEvents()
    rows = window.model.rowCount()
    expected = min(window.model.BATCH, window.area.service_count)
    result = SearchService(ctx.catalogue.conn, ctx.clock).search(
        SearchQuery(area_id, text="härbärge", limit=5)
    )
    ok = rows == expected and rows > 0 and result.total > 0
    print(
        f"selftest: {window.area.name}: {rows} rader visade av {window.area.service_count} tjänster; "
        f"sökning ”härbärge”: {result.total} träffar"
    )
    window.close()
    return 0 if ok else 1
