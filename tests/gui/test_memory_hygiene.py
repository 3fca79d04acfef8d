"""What the field window keeps in memory that it does not need.

shiboken's import hook reads the source of every module imported after PySide6 into
``linecache`` (several MB at start-up); the window drops it once built, after each lazy page and
after the first search and once a minute (``gui.qtapp.drop_source_cache``). The memory goal itself is measured in
``bench/bench_gui.py``; this test keeps the cause from coming back.
"""

from __future__ import annotations

import linecache

from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window


def _cached_sources() -> list[str]:
    return [name for name in linecache.cache if "kompassen" in name or "numpy" in name]


def test_module_sources_are_not_kept_after_start_pages_and_first_search(
    qtbot: QtBot, ctx: AppContext
) -> None:
    import kompassen.gui.field.guides_page as module

    linecache.getlines(module.__file__)  # as shiboken's hook does for every new module
    assert _cached_sources()  # the check can fail
    window = build_window(ctx, "klara")
    qtbot.addWidget(window)
    try:
        assert _cached_sources() == []
        window.show()
        qtbot.waitUntil(lambda: window.search_page.result is not None, timeout=30_000)
        assert _cached_sources() == []
        for key in window.PAGES:
            window.show_page(key)
        window._theme_timer.timeout.emit()  # the once-a-minute clock tick
        assert _cached_sources() == []
    finally:
        window.close()
        window.svc.runner.close()
