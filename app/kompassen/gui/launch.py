"""Starting the GUI fast: a window you can type into first, the catalogue right after.

Importing and opening the catalogue and building the search page take about half a second
on a tablet. The start window needs only PySide6, the theme and the settings file: it shows
the search field at once, keeps what is typed, and hands it to the field window as soon as
that is built (on the next turn of the event loop, after the first paint).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import SystemClock
from kompassen.core.errors import KompassenError
from kompassen.paths import resolve_paths
from kompassen.settings import SettingsStore

from .theme import TOUCH_PX, Theme

if TYPE_CHECKING:
    from .field.window import FieldWindow

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kompassen")
    app.setOrganizationName("Kompassen")
    app.setApplicationDisplayName("Kompassen")
    return app


class StartWindow(QMainWindow):
    """The first frame: title, the search field (focused) and "Laddar katalogen…"."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Kompassen")
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 60, 12, 12)  # the field sits where the real one will be
        self.search = QLineEdit(body)
        self.search.setMinimumHeight(TOUCH_PX + 8)
        self.search.setPlaceholderText(
            self.tr("Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”")
        )
        self.search.setAccessibleName(self.tr("Sök"))
        lay.addWidget(self.search)
        self.status = QLineEdit(body)  # read-only line: same height as the field, no layout jump
        self.status.setReadOnly(True)
        self.status.setFrame(False)
        self.status.setText(self.tr("Laddar katalogen…"))
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.setCentralWidget(body)
        self.search.setFocus()


def hand_over(start: StartWindow, window: FieldWindow) -> None:
    """Show the field window where the start window was, with what was typed meanwhile."""
    window.setGeometry(start.geometry())
    if start.isMaximized() or start.isFullScreen():
        window.setWindowState(start.windowState())
    text = start.search.text()
    field = window.search_page.filters.search
    if text:
        field.setText(text)
        field.setCursorPosition(start.search.cursorPosition())
        window.svc.state.update(text=text)
    window.show()
    window.activateWindow()
    field.setFocus()
    start.close()


def launch(
    environ: dict[str, str],
    area_id: str | None,
    *,
    office: bool = False,
    ready: Callable[[FieldWindow], None] | None = None,
) -> int:
    """Show the start window, then build everything else; runs until the window is closed."""
    app = application()
    paths = resolve_paths(environ)
    settings = SettingsStore(paths.settings_file).load()
    theme = Theme(settings.theme, settings.text_step)
    theme.apply(SystemClock().now(), force=True)
    start = StartWindow()
    start.resize(1280, 800)
    start.show()
    state: dict[str, object] = {}

    def build_rest() -> None:
        from kompassen.compose import build

        from .app import build_window

        try:
            ctx = build(environ)
            state["ctx"] = ctx
            window = build_window(ctx, area_id, theme=theme)
        except KompassenError as err:
            QMessageBox.critical(start, "Kompassen", err.message(settings.lang))
            app.exit(2)
            return
        if office:
            log.info("office mode requested; office screens come in a later release")
        state["window"] = window
        hand_over(start, window)
        if ready is not None:
            ready(window)

    def when_painted() -> None:
        """Build the rest once the start window is on screen (the worker can type already)."""
        handle = start.windowHandle()
        if handle is not None and handle.isExposed():
            QTimer.singleShot(0, build_rest)
        else:
            QTimer.singleShot(5, when_painted)

    when_painted()
    try:
        return app.exec()
    finally:
        ctx = state.get("ctx")
        if ctx is not None:
            ctx.close()  # type: ignore[attr-defined]
