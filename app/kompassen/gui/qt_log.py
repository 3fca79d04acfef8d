"""Qt's own messages (qWarning from a style sheet, a failed font, a plugin) into our log.

On a tablet nobody reads stderr: what Qt complains about before a problem must be in the log
file next to our own lines. Installed only by the app's start (not at import: pytest-qt has
its own handler for ``qt_log_level_fail``); the previous handler is chained and restored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("kompassen.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class QtMessages:
    """Sends Qt's messages to the ``kompassen.qt`` logger while installed."""

    def __init__(self) -> None:
        self._previous: Handler | None = None
        self.installed = False

    def install(self) -> QtMessages:
        if not self.installed:
            self._previous = qInstallMessageHandler(self._handle)
            self.installed = True
        return self

    def uninstall(self) -> None:
        if self.installed:
            qInstallMessageHandler(self._previous)  # None gives back Qt's default
            self._previous = None
            self.installed = False

    def _handle(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        # called from any thread, from C++: it must never raise
        try:
            category = getattr(context, "category", None)
            where = f" [{category}]" if category and category != "default" else ""
            log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
        except Exception:  # a log line is never worth an exception in Qt
            pass
        if self._previous is not None:
            self._previous(mode, context, message)
