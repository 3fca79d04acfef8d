"""Start-up: the start window takes typing at once and hands the text to the field window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kompassen.cli.main import main
from kompassen.device.paths import resolve_paths
from kompassen.device.settings import SettingsStore
from kompassen.gui import launch as launch_module
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import Launch


def test_text_typed_while_the_catalogue_loads_is_kept(qtbot: QtBot, home: Path) -> None:
    seen: dict[str, object] = {}
    ready: list[FieldWindow] = []
    started: Launch  # assigned below, before the event loop runs the lambda
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
        # one window: the field window lives inside the start window, which stays
        assert started.start.isVisible() and window.isVisible()
        assert window.window() is started.start
        assert started.start.focusWidget() is window.search_page.filters.search
        qtbot.waitUntil(
            lambda: (
                window.search_page.result is not None
                and window.search_page.result.query.text == "harbarge"
            ),
            timeout=30_000,
        )
        result = window.search_page.result
        assert result is not None and result.total > 0
    finally:
        started.close()


@pytest.mark.parametrize(("hour", "theme"), [(23, "night"), (3, "night"), (12, "day")])
def test_the_first_frame_has_the_theme_the_clock_asks_for(
    qtbot: QtBot, home: Path, hour: int, theme: str
) -> None:
    """ "Följ klockan" at night: dark before the catalogue is open (no white flash)."""
    from datetime import datetime

    from kompassen.core.clock import STOCKHOLM, FixedClock

    clock = FixedClock(datetime(2026, 12, 1, hour, 0, tzinfo=STOCKHOLM))
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", clock=clock)
    try:
        assert started.window is None and started.theme.name == theme
        shot = started.start.grab().toImage()
        bg = shot.pixelColor(shot.width() // 2, shot.height() - 20)  # below the field
        assert (bg.lightness() < 60) == (theme == "night"), bg.name()
    finally:
        started.close()


def test_a_broken_bundled_pack_is_told_and_the_other_areas_work(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    """A damaged install must reach the user in words, not only the log; klara still works."""
    import shutil

    from kompassen.device.paths import bundled_areas_dir

    packs = Path(shutil.copytree(bundled_areas_dir(), tmp_path / "packs"))
    (packs / "vastra-sodermalm" / "services.json").write_text("{broken", encoding="utf-8")
    ready: list[FieldWindow] = []
    env = {"KOMPASSEN_HOME": str(home), "KOMPASSEN_BUNDLED_AREAS": str(packs)}
    started = Launch(env, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        box = started.broken_packs
        assert box is not None and box.isVisible() and not box.isModal()
        assert "saknas eller är skadade" in box.text()
        assert "vastra-sodermalm" in box.informativeText()
        assert "installera om Kompassen" in box.informativeText()
        assert ready[0].svc.state.area.id == "klara"
        box.accept()
    finally:
        started.close()


def test_no_message_when_the_bundled_packs_are_fine(qtbot: QtBot, home: Path) -> None:
    ready: list[FieldWindow] = []
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        assert started.broken_packs is None
    finally:
        started.close()


def _available(window: QWidget) -> QRect:
    screen = window.screen()
    assert screen is not None
    return screen.availableGeometry()


def test_the_window_starts_maximised_on_the_available_screen(qtbot: QtBot, home: Path) -> None:
    """Not a fixed 1280×800 whatever the screen: maximised, and the field window keeps it."""
    ready: list[FieldWindow] = []
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        assert started.start.isMaximized()
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        top = ready[0].window()  # the one window, the field window inside it
        assert top is started.start and top.isMaximized() and not top.isFullScreen()
        # the frame fills the available geometry (offscreen: 800×800, smaller than 1280×800)
        qtbot.waitUntil(lambda: top.frameGeometry() == _available(top), timeout=5_000)
        assert ready[0].width() >= top.width() - 2  # the field window fills it
    finally:
        started.close()


def test_kiosk_mode_starts_full_screen(qtbot: QtBot, home: Path) -> None:
    ready: list[FieldWindow] = []
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append, kiosk=True)
    try:
        assert started.start.isFullScreen()
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        assert ready[0].window().isFullScreen()
    finally:
        started.close()


def test_the_kiosk_flag_reaches_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kompassen --kiosk`` asks the launch for full screen; without it, maximised."""
    seen: list[bool] = []

    def fake_launch(
        environ: dict[str, str], area_id: str | None, *, kiosk: bool | None = None
    ) -> int:
        seen.append(kiosk)
        return 0

    monkeypatch.setattr(launch_module, "launch", fake_launch)
    assert main(["--kiosk"]) == 0
    assert main([]) == 0
    assert main(["--no-kiosk"]) == 0
    assert seen == [True, None, False]  # None: the setting, then the machine default decide


def _settings_at(home: Path) -> SettingsStore:
    return SettingsStore(resolve_paths({"KOMPASSEN_HOME": str(home)}).ensure().settings_file)


def test_the_size_chosen_on_a_desktop_is_kept_for_the_next_start(qtbot: QtBot, home: Path) -> None:
    """Left maximised and resized: saved at the end, restored at the next start."""
    ready: list[FieldWindow] = []
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        window = ready[0].window()  # the one top-level window
        window.showNormal()
        window.setGeometry(QRect(40, 30, 640, 480))
        qtbot.waitUntil(lambda: window.geometry().size() == QSize(640, 480), timeout=5_000)
    finally:
        started.close()
    saved = _settings_at(home).load().window
    assert saved[2:] == [640, 480]
    ready.clear()
    again = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        assert not again.start.isMaximized()
        assert again.start.geometry().size() == QSize(640, 480)
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        assert ready[0].window().geometry().size() == QSize(640, 480)
    finally:
        again.close()


def test_a_saved_size_that_does_not_fit_this_screen_starts_maximised(
    qtbot: QtBot, home: Path
) -> None:
    store = _settings_at(home)
    store.save(replace(store.load(), window=[0, 0, 3000, 2000]))  # from a bigger monitor
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara")
    try:
        assert started.start.isMaximized()
    finally:
        started.close()


def test_settings_without_a_window_size_still_load(home: Path) -> None:
    store = _settings_at(home)
    store.path.write_text('{"lang": "en", "text_step": 1}', encoding="utf-8")
    loaded = store.load()
    assert (loaded.lang, loaded.text_step, loaded.window) == ("en", 1, [])
    store.path.write_text('{"window": [1, 2, "x", 4]}', encoding="utf-8")
    assert store.load().window == []
