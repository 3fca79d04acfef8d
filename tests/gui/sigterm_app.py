"""Helper for test_crash: the real ``launch()`` with a report draft being typed, then waits.

Run as ``python tests/gui/sigterm_app.py TEXT`` with ``KOMPASSEN_HOME`` set. Prints ``READY``
once the text is in the report form; the test then sends SIGTERM. The draft's debounce is
made very long so that only the close path (the page saving when hidden) can save it.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import launch


def main() -> int:
    text = sys.argv[1]

    def ready(window: FieldWindow) -> None:
        window.open_report()
        page = window.report_page
        page._save_timer.setInterval(600_000)  # nothing saves it before closing
        page._save_deadline.setInterval(600_000)  # (neither the debounce's max-wait)
        QTest.keyClicks(page.text_edit, text)
        print("READY", flush=True)

    return launch(dict(os.environ), "klara", ready=ready)


if __name__ == "__main__":
    sys.exit(main())
