"""Starting the GUI fast: a window you can type into first, the catalogue right after.

Importing and opening the catalogue and building the search page take about half a second
on a tablet. The start window needs only PySide6, the theme and the settings file: it shows
the search field at once, keeps what is typed, and hands it to the field window as soon as
that is built (on the next turn of the event loop, after the first paint).

The crash handling (:mod:`kompassen.gui.crash`) is installed first, before any window, and
given back by ``close()``; a crash of an earlier run is offered as a report once the field
window is up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.device.paths import resolve_paths
from kompassen.device.settings import SettingsStore
from kompassen.gui.crash import CrashGuard
from kompassen.gui.crash_file import unseen_crashes
from kompassen.gui.qtapp import application
from kompassen.gui.theme import TOUCH_PX, Theme

if TYPE_CHECKING:
    from kompassen.compose import AppContext
    from kompassen.gui.crash_notice import CrashNotice
    from kompassen.gui.field.window import FieldWindow

log = logging.getLogger(__name__)


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
        # a label (never takes focus) as tall as the field: no layout jump. Nothing on the way
        # to the first frame touches ``QtCore.Qt``: PySide6 builds that namespace on first use
        # (~30 ms), and the field window pays for it after the first paint instead
        self.status = QLabel(self.tr("Laddar katalogen…"), body)
        self.status.setMinimumHeight(TOUCH_PX + 8)
        self.status.setAccessibleName(self.tr("Status"))
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


def tell_broken_packs(
    window: QWidget, problems: Sequence[KompassenError], lang: str
) -> QMessageBox | None:
    """Say that an area pack shipped with the app is missing or invalid (a broken install).

    The areas that did install still work, so the window stays; the message is not modal, and
    it names every broken pack so that IT can reinstall. None when all packs are fine.
    """
    if not problems:
        return None
    box = QMessageBox(window)  # compose has logged each problem already
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Kompassen")
    box.setText(  # each problem below says what to do (reinstall): not said twice
        "Some area packs that come with the app are missing or damaged."
        if lang == "en"
        else "Några områdespaket som följer med appen saknas eller är skadade."
    )
    box.setInformativeText("\n".join(p.message(lang) for p in problems))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setModal(False)  # the areas that installed are usable meanwhile
    box.show()
    return box


class Launch:
    """One start: the start window now, the field window once the catalogue is open."""

    def __init__(
        self,
        environ: dict[str, str],
        area_id: str | None,
        *,
        ready: Callable[[FieldWindow], None] | None = None,
        kiosk: bool = False,
    ) -> None:
        self._started = time.perf_counter()
        self.app = application()
        self._environ = environ
        self._area_id = area_id
        self._ready = ready
        self.ctx: AppContext | None = None
        self.window: FieldWindow | None = None
        self.failed = 0
        self.crash_notice: CrashNotice | None = None
        self.broken_packs: QMessageBox | None = None
        paths = resolve_paths(environ).ensure()
        self._log_file = paths.log_file
        self._settings = SettingsStore(paths.settings_file)
        self._kiosk = kiosk
        settings = self._settings.load()
        self._lang = settings.lang
        self.crash = CrashGuard(paths.log_file, self._current_lang).install()
        self.theme = Theme(settings.theme, settings.text_step)
        # local time is enough to pick day or night (the catalogue's clock is not loaded yet)
        self.theme.apply(datetime.now(), force=True)
        self.start = StartWindow()
        # the screen's available geometry, whatever its size (a fixed 1280×800 overflowed small
        # screens); a kiosk tablet has no desktop around the app. hand_over keeps the state
        self.start.resize(1280, 800)  # the size it returns to when the user leaves maximised
        saved = QRect(*settings.window) if settings.window else None
        screen = self.start.screen()
        if kiosk:
            self.start.showFullScreen()
        elif (
            saved is not None and screen is not None and screen.availableGeometry().contains(saved)
        ):
            self.start.setGeometry(saved)  # the size the user chose on this desktop last time
            self.start.show()
        else:
            self.start.showMaximized()
        self._when_painted()

    def _current_lang(self) -> str:
        return self.window.svc.state.lang if self.window is not None else self._lang

    def _when_painted(self) -> None:
        """Build the rest once the start window is on screen (the worker can type already)."""
        handle = self.start.windowHandle()
        if handle is not None and handle.isExposed():
            # the log file right after the first paint (logging.handlers and opening the file
            # cost ~15 ms the first frame does without); the crash guard is on already, and
            # what it catches before this goes to stderr
            from kompassen.device.logs import setup_logging

            setup_logging(self._log_file)
            QTimer.singleShot(0, self._build_rest)
        else:
            QTimer.singleShot(5, self._when_painted)

    def _build_rest(self) -> None:
        from kompassen.compose import build
        from kompassen.gui.app import build_window

        try:
            self.ctx = build(self._environ)
            window = build_window(self.ctx, self._area_id, theme=self.theme)
        except KompassenError as err:
            QMessageBox.critical(self.start, "Kompassen", err.message(self._lang))
            self.failed = 2
            self.app.exit(2)
            return
        except Exception:
            self.start.status.setText(
                "The catalogue could not be opened."
                if self._lang == "en"
                else "Katalogen kunde inte öppnas."
            )
            raise  # a bug: the crash guard logs it and tells where the log is
        self.window = window
        hand_over(self.start, window)
        log.info("field window ready %.2f s after start", time.perf_counter() - self._started)
        from kompassen.gui.crash_notice import offer_crash_report  # only a crash needs it

        self.crash_notice = offer_crash_report(
            window, unseen_crashes(self.ctx.paths.log_dir, own=self.crash.crash_file.path)
        )
        self.broken_packs = tell_broken_packs(window, self.ctx.bundled_problems, self._lang)
        if self._ready is not None:
            self._ready(window)

    def remember_geometry(self) -> None:
        """Save the desktop window's normal geometry for the next start (none when maximised).

        Read again first: the settings page may have saved other choices meanwhile.
        """
        w = self.window
        if w is None or self._kiosk or w.isFullScreen():
            return
        g = w.normalGeometry() if not w.isMaximized() else None
        window = [] if g is None or not g.isValid() else [g.x(), g.y(), g.width(), g.height()]
        current = self._settings.load()
        if current.window != window:
            try:
                self._settings.save(replace(current, window=window))
            except OSError as exc:  # a full or read-only disk must not stop the app closing
                log.warning("window size not saved: %s", exc)

    def close(self) -> None:
        if self.window is not None:
            self.remember_geometry()
            self.window.close()
        self.start.close()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        self.crash.uninstall()


def launch(
    environ: dict[str, str],
    area_id: str | None,
    *,
    ready: Callable[[FieldWindow], None] | None = None,
    kiosk: bool = False,
) -> int:
    """``kompassen`` with no command: start, then run until the window is closed (or SIGTERM).

    ``ready`` is called with the field window once it is up (tests drive the real start);
    ``kiosk`` starts full screen instead of maximised.
    """
    started = Launch(environ, area_id, ready=ready, kiosk=kiosk)
    try:
        return started.app.exec()
    finally:
        started.close()
