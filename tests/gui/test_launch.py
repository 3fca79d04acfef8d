"""Start-up: the start window takes typing at once and hands the text to the field window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import Launch


def test_text_typed_while_the_catalogue_loads_is_kept(qtbot: QtBot, home: Path) -> None:
    seen: dict[str, object] = {}
    ready: list[FieldWindow] = []
    # typed on the first turn of the event loop: before the catalogue is opened
    QTimer.singleShot(0, lambda: qtbot.keyClicks(started.start.search, "harbarge"))
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        assert started.start.isVisible() and started.window is None
        assert started.start.focusWidget() is started.start.search
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        window = ready[0]
        seen["text"] = window.search_page.filters.search.text()
        assert seen["text"] == "harbarge"
        assert window.svc.state.query.text == "harbarge"
        assert not started.start.isVisible() and window.isVisible()
        qtbot.waitUntil(
            lambda: (
                window.search_page.result is not None
                and window.search_page.result.query.text == "harbarge"
            ),
            timeout=30_000,
        )
        assert window.search_page.result.total > 0
    finally:
        started.close()
