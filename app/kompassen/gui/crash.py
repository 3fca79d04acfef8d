"""When something goes wrong anyway: the log gets the details, the worker gets words.

Modelled on qutebrowser's crash handling. :class:`CrashGuard` is installed by the app's start
(``Launch``, ``selftest``) and owns, for the life of the process:

- ``sys.excepthook`` (and ``threading.excepthook``): an exception in a slot is written to the
  log with its traceback and told in a non-modal message naming the log file; the window stays
  open (a bug in one button must not throw away the shift's drafts);
- the native crash file (:mod:`kompassen.gui.crash_file`);
- Qt's messages into the log (:mod:`kompassen.gui.qt_log`);
- SIGTERM/SIGINT through the Qt loop (:mod:`kompassen.gui.quit_signals`).

``uninstall()`` gives everything back (tests start the app many times in one process).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kompassen.core.errors import KompassenError
from kompassen.gui.crash_file import CrashFile
from kompassen.gui.qt_log import QtMessages
from kompassen.gui.quit_signals import QuitSignals

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def bug_message(log_file: Path, lang: str) -> str:
    """What the worker reads after a bug: what it means for them, and where the details are."""
    if lang == "en":
        return (
            "Something went wrong in Kompassen. What you just did may not have finished, but "
            "the app is still open and saved drafts and reports are kept.\n\n"
            f"The details are in the log file:\n{log_file}"
        )
    return (
        "Något gick fel i Kompassen. Det du just gjorde kanske inte blev klart, men appen är "
        "fortfarande öppen och sparade utkast och rapporter finns kvar.\n\n"
        f"Detaljerna finns i loggfilen:\n{log_file}"
    )


class _Relay(QObject):
    """Carries a message to the GUI thread (an exception may happen on a worker thread)."""

    message = Signal(str)


class ErrorDialog:
    """The default way to tell: one non-modal message box, reused while it is open."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None

    def __call__(self, text: str) -> None:
        if self.box is not None and self.box.isVisible():
            self.box.setText(text)  # the newest; the log has every one
            return
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Kompassen",
            text,
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else None,
        )
        # not at import: the start path avoids building Qt's namespace (see gui/launch.py)
        from PySide6.QtCore import Qt

        box.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.show()
        self.box = box


class CrashGuard:
    """The process's crash handling, from ``install()`` to ``uninstall()``.

    ``lang`` is asked at the moment of telling (the worker may have switched language);
    ``show`` tells the text (default: :class:`ErrorDialog`), injectable for tests.
    """

    def __init__(
        self,
        log_file: Path,
        lang: Callable[[], str],
        *,
        show: Callable[[str], None] | None = None,
    ) -> None:
        self.log_file = log_file
        self.lang = lang
        self.dialog = ErrorDialog()
        self.show: Callable[[str], None] = show or self.dialog
        self.crash_file = CrashFile(log_file.parent)
        self.qt_messages = QtMessages()
        self.signals: QuitSignals | None = None
        self.messages: list[str] = []  # what was told, newest last
        self._relay: _Relay | None = None
        self._old_hook: Callable[..., Any] | None = None
        self._old_thread_hook: Callable[..., Any] | None = None

    def install(self, *, signals: bool = True) -> CrashGuard:
        """Take over; call from the GUI thread once the QApplication exists."""
        if self._relay is not None:
            return self
        try:
            self.crash_file.open()
        except OSError as exc:
            log.warning("no crash file in %s: %s", self.log_file.parent, exc)
        self._relay = _Relay()
        self._relay.message.connect(self._tell)
        self._old_hook = sys.excepthook
        sys.excepthook = self.excepthook
        self._old_thread_hook = threading.excepthook
        threading.excepthook = self._thread_hook
        self.qt_messages.install()
        if signals and threading.current_thread() is threading.main_thread():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                self.signals = QuitSignals(app).install()
        return self

    def uninstall(self) -> None:
        """Give back the previous hooks, handlers and signals; close the crash file."""
        if self._relay is None:
            return
        if self.signals is not None:
            self.signals.uninstall()
            self.signals.deleteLater()
            self.signals = None
        self.qt_messages.uninstall()
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._old_hook or sys.__excepthook__
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._old_thread_hook or threading.__excepthook__
        self._relay.deleteLater()
        self._relay = None
        self.crash_file.close()

    # ------------------------------------------------------------------ exceptions

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """An exception nobody caught (in a slot, a timer, a worker): log it, then tell."""
        if issubclass(exc_type, KeyboardInterrupt):
            (self._old_hook or sys.__excepthook__)(exc_type, exc, tb)
            return
        try:
            self._report((exc_type, exc, tb))
        except Exception:  # the hook itself must never fail
            sys.__excepthook__(exc_type, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _report(self, info: ExcInfo) -> None:
        exc = info[1]
        if isinstance(exc, KompassenError):  # a user error that escaped: its words are enough
            log.warning("uncaught user error: %s", exc.en, exc_info=info)
            text = exc.message(self.lang())
        else:
            log.error("uncaught exception", exc_info=info)
            text = bug_message(self.log_file, self.lang())
        relay = self._relay
        if relay is not None:
            relay.message.emit(text)  # queued when raised on a worker thread

    def _tell(self, text: str) -> None:
        self.messages.append(text)
        try:
            self.show(text)
        except Exception:  # raising here would come straight back to the hook
            log.exception("the error message could not be shown")
