"""The start after a native crash: say so in words and offer to tell the office in a report.

The crash file itself stays on the tablet (its stacks name files and folders): the report gets
a prefilled note that a crash happened, when, and the file's name, and the worker adds what
they were doing. Each crash file is renamed as seen once the notice is shown, so it is told
once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kompassen.gui.crash_file import mark_seen
from kompassen.gui.widgets.touch import button, label

if TYPE_CHECKING:
    from kompassen.gui.field.window import FieldWindow

log = logging.getLogger(__name__)


def _when(path: Path) -> str:
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except OSError:
        return "?"


class CrashNotice(QFrame):
    """In the status bar: "Kompassen stängdes oväntat förra gången…" [Berätta i en rapport] [Stäng]."""

    def __init__(self, window: FieldWindow, crashes: Sequence[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self.field = window
        self.count = len(crashes)
        self.when = _when(crashes[-1])
        self.files = [mark_seen(p) for p in crashes]  # told once, whatever the worker does
        for p in self.files:
            log.warning("an earlier run crashed: %s", p)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = label("", "warning", self, wrap=False)
        lay.addWidget(self.text)
        self.report_button: QPushButton = button("", parent=self)
        self.report_button.clicked.connect(self.open_report)
        lay.addWidget(self.report_button)
        self.dismiss_button: QPushButton = button("", parent=self)
        self.dismiss_button.clicked.connect(self.dismiss)
        lay.addWidget(self.dismiss_button)
        window.svc.state.language_changed.connect(self.retranslate)
        self.retranslate()

    def _lang(self) -> str:
        return self.field.svc.state.lang

    def retranslate(self) -> None:
        en = self._lang() == "en"
        if self.count > 1:
            self.text.setText(
                f"Kompassen has closed unexpectedly {self.count} times (last {self.when})."
                if en
                else f"Kompassen har stängts oväntat {self.count} gånger (senast {self.when})."
            )
        else:
            self.text.setText(
                f"Kompassen closed unexpectedly last time ({self.when})."
                if en
                else f"Kompassen stängdes oväntat förra gången ({self.when})."
            )
        self.report_button.setText("Tell in a report" if en else "Berätta i en rapport")
        self.dismiss_button.setText("Dismiss" if en else "Stäng")
        for b in (self.report_button, self.dismiss_button):
            b.setAccessibleName(b.text())

    def note(self) -> str:
        """The report's prefilled text: that it crashed, when, which file; never the file itself."""
        names = ", ".join(p.name for p in self.files)
        if self._lang() == "en":
            return (
                f"Kompassen closed unexpectedly ({self.when}). Crash file on the tablet, in the "
                f"log folder: {names}. What I was doing: "
            )
        return (
            f"Kompassen stängdes oväntat ({self.when}). Kraschfil på surfplattan, i loggmappen: "
            f"{names}. Det här gjorde jag då: "
        )

    def open_report(self) -> None:
        self.field.open_report({"kind": "observation", "text": self.note()})
        self.dismiss()

    def dismiss(self) -> None:
        self.field.statusBar().removeWidget(self)
        self.hide()
        self.deleteLater()


def offer_crash_report(window: FieldWindow, crashes: Sequence[Path]) -> CrashNotice | None:
    """Show the notice for crash files of earlier runs (None when there are none)."""
    if not crashes:
        return None
    notice = CrashNotice(window, crashes, window.statusBar())
    window.statusBar().addPermanentWidget(notice)  # stays when a status message shows
    return notice
