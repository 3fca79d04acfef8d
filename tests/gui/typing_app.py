"""Helper for test_drafts_kill: the real ``launch()`` with someone typing a report, non-stop.

Run as ``python tests/gui/typing_app.py TEXT INTERVAL_MS`` with ``KOMPASSEN_HOME`` set. Once the
field window is up it opens the report form and types TEXT one character every INTERVAL_MS
(QTest key clicks into the real text box: ASCII only), never pausing. Prints ``READY`` and then,
after each character, ``TYPED <time.monotonic()> <characters typed so far>``, flushed, so the
test knows what was on screen when it sends SIGKILL. Ends (exit 0) only if TEXT runs out.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest

from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import launch


def main() -> int:
    text, interval_ms = sys.argv[1], int(sys.argv[2])
    typed = 0

    def ready(window: FieldWindow) -> None:
        window.open_report()
        page = window.report_page
        timer = QTimer(page)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(interval_ms)

        def type_one() -> None:
            nonlocal typed
            if typed == len(text):
                timer.stop()
                QCoreApplication.quit()
                return
            QTest.keyClicks(page.text_edit, text[typed])
            typed += 1
            print(f"TYPED {time.monotonic():.4f} {typed}", flush=True)

        timer.timeout.connect(type_one)
        print("READY", flush=True)
        timer.start()

    return launch(dict(os.environ), "klara", ready=ready)


if __name__ == "__main__":
    sys.exit(main())
