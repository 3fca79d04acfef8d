"""The one QApplication of the process, and what belongs to it for its whole life.

Its own module so that both the start window (``launch``) and the field window (``app``) can
use it without importing each other.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kompassen.device.paths import resources_dir


def application() -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kompassen")
    app.setOrganizationName("Kompassen")
    app.setApplicationDisplayName("Kompassen")
    # the title bar, the task bar and Alt+Tab; QIcon renders the SVG only when one is drawn
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "kompassen.svg")))
    return app


def drop_source_cache() -> None:
    """Forget the source lines PySide6 read while modules were imported (~8 MB at start).

    shiboken's import hook (``shibokensupport.feature``) reads the source of every module
    imported after PySide6 (through ``inspect``, into ``linecache``) to look for
    ``from __feature__ import``. The lines stay cached for the life of the process; nothing
    of ours needs them (a traceback reads its lines again), and the tablet's memory budget
    has no room for a second copy of the program text.
    """
    import linecache

    linecache.clearcache()
