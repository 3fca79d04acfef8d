"""Start-up: the start window takes typing at once and hands the text to the field window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import StartWindow, launch


def test_text_typed_while_the_catalogue_loads_is_kept(qtbot: QtBot, home: Path) -> None:
    app = QApplication.instance()
    seen: dict[str, object] = {}

    def type_early() -> None:
        starts = [w for w in app.topLevelWidgets() if isinstance(w, StartWindow) and w.isVisible()]
        assert len(starts) == 1
        seen["focused"] = starts[0].search.hasFocus() or starts[0].search is starts[0].focusWidget()
        qtbot.keyClicks(starts[0].search, "harbarge")

    def ready(window: FieldWindow) -> None:
        seen["text"] = window.search_page.filters.search.text()
        seen["query"] = window.svc.state.query.text
        seen["start_closed"] = not any(
            isinstance(w, StartWindow) and w.isVisible() for w in app.topLevelWidgets()
        )

        def finish() -> None:
            r = window.search_page.result
            if r is None or r.query.text != "harbarge":
                QTimer.singleShot(10, finish)
                return
            seen["results"] = r.total
            window.close()
            app.quit()

        finish()

    QTimer.singleShot(0, type_early)
    rc = launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready)
    assert rc == 0
    assert seen["focused"]
    assert seen["text"] == "harbarge" and seen["query"] == "harbarge"
    assert seen["start_closed"]
    assert isinstance(seen["results"], int) and seen["results"] > 0
