"""Starting the GUI fast: one window you can type into from the first frame.

Importing the catalogue code and building the field window take about half a second on a
tablet. The start window needs only PySide6, the theme and the settings file, so it is on screen
at once with the search field focused. It is also the app's only top-level window: once the
field window is built it is placed inside it (a stacked page), with what was typed meanwhile, and
the focus moves to the real search field in the same turn of the event loop. Keys the X server
queued while the window was being built therefore reach the real field; no second window is
mapped, so nothing flashes or swaps. The modules are imported on a helper thread after the first
paint, so the start field keeps echoing keys while they load.

The theme is picked from Stockholm time before the first frame (the clock the catalogue uses), so
"follow the clock" is dark from the first frame at night.

The crash handling (:mod:`kompassen.gui.crash`) is installed first, before any window, and
given back by ``close()``; a crash of an earlier run is offered as a report once the field
window is up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import Clock, SystemClock
from kompassen.core.errors import KompassenError
from kompassen.device import machine_defaults
from kompassen.device.paths import resolve_paths
from kompassen.device.settings import Settings, SettingsStore
from kompassen.gui.crash import CrashGuard
from kompassen.gui.crash_file import unseen_crashes
from kompassen.gui.qtapp import application
from kompassen.gui.theme import TOUCH_PX, Theme

if TYPE_CHECKING:
    from kompassen.compose import AppContext
    from kompassen.device.recovery import StartRepair
    from kompassen.gui.crash_notice import CrashNotice
    from kompassen.gui.field.window import FieldWindow
    from kompassen.gui.first_start import FirstStart

log = logging.getLogger(__name__)


class StartWindow(QMainWindow):
    """The app's one window: title, the search field (focused) and "Laddar katalogen…" first,
    the field window in its place once that is built (see :meth:`adopt`)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Kompassen")
        self.field: FieldWindow | None = None
        self._closed_field = False
        self.kiosk = False  # tablet mode: see set_kiosk()
        self.quit_confirmed = False
        self.quit_dialog: QWidget | None = None
        self.quitting: Callable[[], bool] = lambda: False  # SIGTERM: close without asking
        self.pages = QStackedWidget(self)
        # the window may be made smaller than the pages' wish, as a top-level field window
        # could (a small screen clips rather than overflows)
        self.pages.setMinimumSize(1, 1)
        self.body = QWidget(self.pages)
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(12, 60, 12, 12)  # the field sits where the real one will be
        self.search = QLineEdit(self.body)
        self.search.setMinimumHeight(TOUCH_PX + 8)
        self.search.setPlaceholderText(
            self.tr("Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”")
        )
        self.search.setAccessibleName(self.tr("Sök"))
        lay.addWidget(self.search)
        # a label (never takes focus) as tall as the field: no layout jump. Nothing on the way
        # to the first frame touches ``QtCore.Qt``: PySide6 builds that namespace on first use
        # (~30 ms), and the field window pays for it after the first paint instead
        self.status = QLabel(self.tr("Laddar katalogen…"), self.body)
        self.status.setMinimumHeight(TOUCH_PX + 8)
        self.status.setAccessibleName(self.tr("Status"))
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.pages.addWidget(self.body)
        self.setCentralWidget(self.pages)
        self.search.setFocus()

    def adopt(self, window: FieldWindow) -> None:
        """Show the field window inside this one, with what was typed meanwhile, focused.

        The text, the cursor and the focus move in one go, with no event processed in between:
        a key still queued goes to the real search field, none to the field that is leaving.
        """
        from PySide6.QtCore import Qt

        window.setWindowFlags(Qt.WindowType.Widget)
        self.pages.addWidget(window)
        field = window.search_page.filters.search
        text = self.search.text()
        if text:
            field.setText(text)
            field.setCursorPosition(self.search.cursorPosition())
            window.svc.state.update(text=text)
        self.pages.setCurrentWidget(window)
        field.setFocus()
        self.field = window
        if self.kiosk:  # after the first paint: the kiosk module costs ~100 ms to import
            from PySide6.QtGui import QKeySequence, QShortcut

            from kompassen.gui.field.kiosk import QUIT_SHORTCUT

            window.set_kiosk(True)
            QShortcut(QKeySequence(QUIT_SHORTCUT), self, self.close)
        self.setWindowTitle(window.windowTitle())
        window.windowTitleChanged.connect(self.setWindowTitle)
        self.pages.removeWidget(self.body)
        self.body.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window closes the field window in it (drafts and reports to disk).

        In tablet mode a close (Alt+F4, Ctrl+Q, the system) is refused and asked about first.
        """
        if self.kiosk and not (self.quit_confirmed or self.quitting()):
            event.ignore()
            self.ask_to_quit()
            return
        self.close_field()
        super().closeEvent(event)

    def set_kiosk(self) -> None:
        """Tablet mode, before the window is shown: no frame; closing asks (Ctrl+Q too, from
        :meth:`adopt`).

        Only here does the start touch ``QtCore.Qt`` before its first frame (see above): a
        frame taken away after the first paint would map the window anew. Measured 45–75 ms
        on a loaded 2-core machine, in tablet mode only.
        """
        from PySide6.QtCore import Qt

        self.kiosk = True
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)

    def ask_to_quit(self) -> None:
        """The large-button question (window-modal, no nested loop); "Avsluta" closes."""
        from kompassen.gui.field.kiosk import QuitDialog

        if self.quit_dialog is not None and self.quit_dialog.isVisible():
            return
        dialog = QuitDialog(self)
        dialog.finished.connect(self._quit_answered)
        self.quit_dialog = dialog
        dialog.open()

    def _quit_answered(self, result: int) -> None:
        if self.quit_dialog is not None:
            self.quit_dialog.deleteLater()
            self.quit_dialog = None
        if result == 1:  # QDialog.DialogCode.Accepted: "Avsluta"
            self.quit_confirmed = True
            self.close()

    def close_field(self) -> None:
        if self.field is not None and not self._closed_field:
            self._closed_field = True
            self.field.close()


def _preload() -> None:
    """Import what the field window needs (on a helper thread: the start field keeps typing)."""
    import kompassen.compose
    import kompassen.gui.app  # noqa: F401


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


def tell_device_repaired(
    window: QWidget, repaired: StartRepair | None, lang: str
) -> QMessageBox | None:
    """Say that device.db was damaged and has been repaired at this start (not modal: the
    window works meanwhile), what was saved, and where the damaged file is kept."""
    if repaired is None:
        return None
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning if repaired.lost_any else QMessageBox.Icon.Information)
    box.setWindowTitle("Kompassen")
    box.setText(repaired.message(lang))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setModal(False)
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
        kiosk: bool | None = None,
        clock: Clock | None = None,
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
        self.device_repaired: QMessageBox | None = None
        self._loader: threading.Thread | None = None
        self.first_start: FirstStart | None = None  # a new tablet's install (gui/first_start.py)
        paths = resolve_paths(environ).ensure()
        self._log_file = paths.log_file
        self._settings = SettingsStore(paths.settings_file)
        settings = self._settings.load()
        # tablet mode: --kiosk/--no-kiosk, else the user's setting, else the installer's default
        self.machine = machine_defaults.load(environ)
        self._kiosk = machine_defaults.resolve_kiosk(kiosk, settings.kiosk, self.machine.kiosk)
        if self.machine.area and not self._settings.path.exists():
            settings = self._seed_area(settings, self.machine.area)
        self._lang = settings.lang
        self.crash = CrashGuard(paths.log_file, self._current_lang).install()
        signals = self.crash.signals
        self.theme = Theme(settings.theme, settings.text_step)
        # Stockholm time, as the catalogue's clock (the machine's own zone may be UTC)
        self.theme.apply((clock or SystemClock()).now(), force=True)
        self.start = StartWindow()
        self.start.quitting = lambda: signals is not None and signals.quitting
        # the screen's available geometry, whatever its size (a fixed 1280×800 overflowed small
        # screens); a kiosk tablet has no desktop around the app
        self.start.resize(1280, 800)  # the size it returns to when the user leaves maximised
        saved = QRect(*settings.window) if settings.window else None
        screen = self.start.screen()
        if self._kiosk:
            self.start.set_kiosk()
            self.start.showFullScreen()
        elif (
            saved is not None and screen is not None and screen.availableGeometry().contains(saved)
        ):
            self.start.setGeometry(saved)  # the size the user chose on this desktop last time
            self.start.show()
        else:
            self.start.showMaximized()
        self._when_painted()

    def _seed_area(self, settings: Settings, area: str) -> Settings:
        """The first start on this account: the installer's area is the user's to begin with
        (an area not installed falls back as any unknown saved area does)."""
        settings = replace(settings, area=area)
        try:
            self._settings.save(settings)
        except OSError as exc:  # a read-only disk: the app still starts, on the default area
            log.warning("machine default area not saved: %s", exc)
        return settings

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
            self._loader = threading.Thread(target=_preload, name="preload", daemon=True)
            self._loader.start()
            self._when_loaded()
        else:
            QTimer.singleShot(5, self._when_painted)

    def _when_loaded(self) -> None:
        """Build the field window once its modules are imported (keys are echoed meanwhile)."""
        if self._loader is not None and self._loader.is_alive():
            QTimer.singleShot(10, self._when_loaded)
        elif self.first_start is None and self._begin_first_start():
            return  # a new tablet: the packs install off this thread, then _build_rest
        else:
            self._build_rest()

    def _begin_first_start(self) -> bool:
        """No area installed yet: install the shipped packs with a progress bar first."""
        from kompassen.gui.first_start import FirstStart

        self.first_start = FirstStart.begin(
            self.start, self._environ, self._build_rest, self.start.status
        )
        return self.first_start is not None

    @staticmethod
    def _repair_device_db(ctx: AppContext) -> StartRepair | None:
        """A damaged device.db is repaired before the window needs it (else nothing opens,
        search included); in use by another window, or no room: a KompassenError in words."""
        from kompassen.device.recovery import repair_at_start

        return repair_at_start(ctx.paths.device_db, ctx.paths.backup_dir, ctx.clock.now())

    def _build_rest(self) -> None:
        from kompassen.compose import build
        from kompassen.gui.app import build_window

        try:
            self.ctx = build(self._environ)
            repaired = self._repair_device_db(self.ctx)
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
        self.start.adopt(window)
        if self.first_start is not None:
            self.first_start.adopted(window)  # the enrolment strip enrols on its sync worker
        log.info("field window ready %.2f s after start", time.perf_counter() - self._started)
        from kompassen.gui.crash_notice import offer_crash_report  # only a crash needs it

        self.crash_notice = offer_crash_report(
            window, unseen_crashes(self.ctx.paths.log_dir, own=self.crash.crash_file.path)
        )
        self.broken_packs = tell_broken_packs(window, self.ctx.bundled_problems, self._lang)
        self.device_repaired = tell_device_repaired(window, repaired, self._lang)
        if self._ready is not None:
            self._ready(window)

    def remember_geometry(self) -> None:
        """Save the desktop window's normal geometry for the next start (none when maximised).

        Read again first: the settings page may have saved other choices meanwhile.
        """
        w = self.start
        if self.window is None or self._kiosk or w.isFullScreen():
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
        self.start.quit_confirmed = True  # the loop has ended: nothing left to ask
        self.start.close_field()
        self.start.close()
        if self.first_start is not None:
            self.first_start.close()  # an install still running finishes first
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        self.crash.uninstall()


def launch(
    environ: dict[str, str],
    area_id: str | None,
    *,
    ready: Callable[[FieldWindow], None] | None = None,
    kiosk: bool | None = None,
) -> int:
    """``kompassen`` with no command: start, then run until the window is closed (or SIGTERM).

    ``ready`` is called with the field window once it is up (tests drive the real start);
    ``kiosk`` (``--kiosk`` / ``--no-kiosk``; None: the setting, then the machine default)
    starts in tablet mode: full screen, no frame, quitting asked, settings behind a long press.
    """
    started = Launch(environ, area_id, ready=ready, kiosk=kiosk)
    try:
        return started.app.exec()
    finally:
        started.close()
