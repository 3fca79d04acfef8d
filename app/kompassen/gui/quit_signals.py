"""SIGTERM and SIGINT close the app the normal way, so the open report draft is saved.

Python runs its signal handlers only between bytecodes, and while Qt's event loop waits in
C++ no bytecode runs: the signal would wait for the next mouse move. ``signal.set_wakeup_fd``
writes a byte to a socket that a ``QSocketNotifier`` watches, which wakes the loop; the handler
then closes every window (the report form saves its draft when hidden) and quits the loop.
A second signal while closing ends the process at once.
"""

from __future__ import annotations

import logging
import os
import signal
from types import FrameType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitSignals(QObject):
    """Installed from the main thread by the app's start; ``uninstall()`` gives back the old ones."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._old: dict[int, Any] = {}
        self._old_fd = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None  # (read, write)
        self._notifier: QSocketNotifier | None = None
        self.quitting = False

    def install(self) -> QuitSignals:
        if self._sockets is not None:
            return self
        import socket  # here, not at import: ~3 ms the first frame does without

        read, write = socket.socketpair()
        read.setblocking(False)
        write.setblocking(False)
        self._sockets = (read, write)
        self._notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._old_fd = signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
        for sig in SIGNALS:
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def uninstall(self) -> None:
        if self._sockets is None:
            return
        for sig, old in self._old.items():
            signal.signal(sig, old)
        self._old.clear()
        signal.set_wakeup_fd(self._old_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for s in self._sockets:
            s.close()
        self._sockets = None

    def _drain(self) -> None:
        """The wakeup byte: reading it is all (the Python handler has run by now)."""
        if self._sockets is None:
            return
        try:
            while self._sockets[0].recv(64):
                pass
        except OSError:
            pass

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if self.quitting:
            log.warning("%s again while closing: ending at once", name)
            os._exit(128 + signum)
        self.quitting = True
        log.info("%s received: closing the windows and quitting", name)
        QTimer.singleShot(0, self._quit)  # from the loop, not from inside whatever was running

    def _quit(self) -> None:
        self._app.closeAllWindows()
        self._app.quit()
