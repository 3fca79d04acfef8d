"""The real app in a real X window, for test_real_window: ``launch()`` as ``kompassen`` runs it.

Run as ``python tests/gui/xvfb_app.py AREA`` with ``KOMPASSEN_HOME`` and ``DISPLAY`` set (the
driver does it under ``xvfb-run``). Nothing is typed here: the driver sends real X key events.
Once the field window is up it prints, whenever it changes, one ``STATE {json}`` line with what
the window holds (after one ``READY <time.monotonic()>`` line): the top-level window's X id, the search field's text, the query of the
results shown and their count, which widget has the focus and how many top-level windows are
visible. Ends on SIGTERM like the app.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import launch


def main() -> int:
    area = sys.argv[1] if len(sys.argv) > 1 else "klara"
    last: dict[str, object] = {}

    def ready(window: FieldWindow) -> None:
        print(f"READY {time.monotonic():.4f}", flush=True)  # the catalogue is open now
        top = window.window()
        page = window.search_page

        def report() -> None:
            r = page.result
            windows = [
                w
                for w in QApplication.topLevelWidgets()
                if w.isVisible()
                and w.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
            ]
            state = {
                "wid": int(top.winId()),
                "text": page.filters.search.text(),
                "query": r.query.text if r is not None else None,
                "total": r.total if r is not None else None,
                "rows": page.model.rowCount(),
                "focus_in_search": QApplication.focusWidget() is page.filters.search,
                "top_levels": len(windows),
                "night": window.svc.theme.name == "night",
            }
            if state != last:
                last.clear()
                last.update(state)
                print("STATE", json.dumps(state, ensure_ascii=False), flush=True)

        timer = QTimer(top)
        timer.timeout.connect(report)
        timer.start(50)
        report()

    return launch(dict(os.environ), area, ready=ready)


if __name__ == "__main__":
    sys.exit(main())
