"""The one QApplication of the process, and what belongs to it for its whole life.

Its own module so that both the start window (``launch``) and the field window (``app``) can
use it without importing each other.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


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
