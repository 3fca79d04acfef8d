"""Tablet mode: how it is chosen, that closing asks first, and the settings behind a long press."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.device.machine_defaults import DEFAULTS_ENV
from kompassen.device.paths import resolve_paths
from kompassen.device.settings import SettingsStore
from kompassen.gui.app import build_window
from kompassen.gui.field.kiosk import BIG_BUTTON_PX, HOLD_MS, QuitDialog
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import Launch


def _environ(home: Path, machine: bool | None) -> dict[str, str]:
    """A private home and a defaults file of the test's own (never the machine's /etc)."""
    env = {"KOMPASSEN_HOME": str(home), DEFAULTS_ENV: ""}
    if machine is not None:
        path = home / "defaults.json"
        path.write_text(json.dumps({"kiosk": machine}), "utf-8")
        env[DEFAULTS_ENV] = str(path)
    return env


def _save_user_choice(home: Path, kiosk: bool | None) -> None:
    store = SettingsStore(resolve_paths({"KOMPASSEN_HOME": str(home)}).ensure().settings_file)
    store.save(replace(store.load(), kiosk=kiosk))


def _start(qtbot: QtBot, env: dict[str, str], flag: bool | None) -> tuple[Launch, FieldWindow]:
    ready: list[FieldWindow] = []
    started = Launch(env, "klara", ready=ready.append, kiosk=flag)
    qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
    return started, ready[0]


@pytest.mark.parametrize(
    ("flag", "user", "machine", "kiosk"),
    [
        (None, None, None, False),  # nobody said: a normal window
        (None, None, True, True),  # the installer's defaults.json
        (None, False, True, False),  # the user's "Starta i surfplatteläge" off wins over it
        (None, True, None, True),  # the user's setting alone
        (False, True, True, False),  # --no-kiosk over both
        (True, False, False, True),  # --kiosk over both
    ],
)
def test_tablet_mode_from_flag_setting_and_machine_default(
    qtbot: QtBot,
    home: Path,
    flag: bool | None,
    user: bool | None,
    machine: bool | None,
    kiosk: bool,
) -> None:
    _save_user_choice(home, user)
    started, window = _start(qtbot, _environ(home, machine), flag)
    try:
        top = started.start
        assert top.isFullScreen() is kiosk and top.kiosk is kiosk and window.kiosk is kiosk
        frameless = bool(top.windowFlags() & Qt.WindowType.FramelessWindowHint)
        assert frameless is kiosk
        assert window.nav_buttons["settings"].isHidden() is kiosk
        if not kiosk:
            assert top.isMaximized()
    finally:
        started.close()


def test_closing_asks_and_stays_unless_confirmed(qtbot: QtBot, home: Path) -> None:
    """Alt+F4 / the window's close / Ctrl+Q: refused, a large-button question whose default
    (Enter) keeps the app; only "Avsluta" closes it."""
    _save_user_choice(home, None)
    store = SettingsStore(resolve_paths({"KOMPASSEN_HOME": str(home)}).settings_file)
    store.save(replace(store.load(), text_step=2))  # the largest text: labels still fit
    started, window = _start(qtbot, _environ(home, None), True)
    top = started.start
    try:
        assert top.close() is False  # what Alt+F4 and the system's close button ask for
        dialog = top.quit_dialog
        assert isinstance(dialog, QuitDialog)
        qtbot.waitExposed(dialog)
        assert dialog.stay.isDefault()
        for b in (dialog.stay, dialog.quit):  # large, and the whole label shown
            assert b.height() >= BIG_BUTTON_PX and b.width() >= b.sizeHint().width(), b.text()
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # the default button: stay
        qtbot.waitUntil(lambda: top.quit_dialog is None)
        assert top.isVisible() and window.isVisible()

        QTest.keyClick(top, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Q asks too
        qtbot.waitUntil(lambda: top.quit_dialog is not None)
        dialog = top.quit_dialog
        assert isinstance(dialog, QuitDialog)
        QTest.mouseClick(dialog.stay, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: top.quit_dialog is None)
        assert top.isVisible()

        assert top.close() is False
        dialog = top.quit_dialog
        assert isinstance(dialog, QuitDialog)
        QTest.mouseClick(dialog.quit, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not top.isVisible())
    finally:
        started.close()


def test_a_normal_window_closes_without_asking(qtbot: QtBot, home: Path) -> None:
    started, _window = _start(qtbot, _environ(home, None), None)
    try:
        assert started.start.close() is True
        assert started.start.quit_dialog is None and not started.start.isVisible()
    finally:
        started.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):  # shortcuts need the active window
        w.show()
        w.activateWindow()
    yield w
    w.close()


def _hold(qtbot: QtBot, window: FieldWindow, ms: int, *, until_held: bool = False) -> None:
    """Press the name for ``ms``; with ``until_held``, until the hold has fired (a loaded CI
    machine may run the timer late, so a fixed wait alone would be a race)."""
    centre = window.title.rect().center()
    QTest.mousePress(
        window.title, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    if until_held:
        with qtbot.waitSignal(window.settings_hold.held, timeout=HOLD_MS * 10):
            pass
    qtbot.wait(ms)
    QTest.mouseRelease(
        window.title, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def test_settings_open_by_a_long_press_not_by_a_tap(qtbot: QtBot, window: FieldWindow) -> None:
    window.set_kiosk(True)
    qtbot.wait(10)
    assert not window.nav_buttons["settings"].isVisible()
    assert window.nav_buttons["search"].isVisible()
    QTest.mouseClick(window.title, Qt.MouseButton.LeftButton)  # a tap
    _hold(qtbot, window, 300)  # a short press
    QTest.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # the tab's shortcut
    assert window.stack.currentWidget() is window.search_page
    _hold(qtbot, window, 100, until_held=True)  # held 1.5 s and a bit
    assert window.stack.currentWidget() is window.settings_page


def test_a_press_that_drags_away_is_no_long_press(qtbot: QtBot, window: FieldWindow) -> None:
    window.set_kiosk(True)
    title = window.title
    QTest.mousePress(title, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    QTest.mouseMove(title, QPoint(title.width() - 2, 5))
    qtbot.wait(HOLD_MS + 100)
    QTest.mouseRelease(title, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.search_page


def test_the_keyboard_shortcut_opens_the_hidden_settings(qtbot: QtBot, window: FieldWindow) -> None:
    combo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_S, combo)
    assert window.stack.currentWidget() is window.search_page  # not a tablet: no shortcut
    window.set_kiosk(True)
    QTest.keyClick(window, Qt.Key.Key_S, combo)
    assert window.stack.currentWidget() is window.settings_page


def test_a_normal_window_is_unchanged(qtbot: QtBot, window: FieldWindow) -> None:
    """No tablet mode: the settings tab is there, Alt+5 opens it, a long press does nothing."""
    assert window.nav_buttons["settings"].isVisible() and not window.kiosk
    _hold(qtbot, window, HOLD_MS + 100)
    assert window.stack.currentWidget() is window.search_page
    QTest.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.settings_page


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)])
def test_the_search_field_stays_in_the_top_third(
    qtbot: QtBot, window: FieldWindow, size: tuple[int, int]
) -> None:
    """An on-screen keyboard takes the lower part of a tablet: the field is above it, also at
    the largest text size in portrait."""
    window.svc.theme.set("day", 2, window.svc.clock.now())
    window.set_kiosk(True)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    QApplication.processEvents()
    field = window.search_page.filters.search
    bottom = field.mapTo(window, field.rect().bottomLeft()).y()
    assert field.isVisible() and bottom < window.height() / 3


def test_the_user_setting_is_saved_and_shown(
    qtbot: QtBot, window: FieldWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Starta i surfplatteläge" shows the machine default until the user chooses, then
    saves the user's own choice (which the next start uses)."""
    path = home / "defaults.json"
    path.write_text('{"kiosk": true}', "utf-8")
    monkeypatch.setenv(DEFAULTS_ENV, str(path))
    window.show_page("settings")
    page = window.settings_page
    page.load()
    assert page.kiosk_button.isChecked()  # the installer's default
    assert "installation" in page.kiosk_note.text()
    QTest.mouseClick(page.kiosk_button, Qt.MouseButton.LeftButton)
    assert window.svc.settings.load().kiosk is False
    assert not page.kiosk_button.isChecked() and "installation" not in page.kiosk_note.text()
    QTest.mouseClick(page.kiosk_button, Qt.MouseButton.LeftButton)
    assert window.svc.settings.load().kiosk is True
    assert page.kiosk_button.height() >= 48


@pytest.mark.parametrize(
    ("machine_area", "saved", "shown"),
    [
        ("vastra-sodermalm", None, "vastra-sodermalm"),  # a new account: the installer's area
        ("vastra-sodermalm", "klara", "klara"),  # the user's own settings win
        ("no-such-area", None, "klara"),  # not installed: the usual fallback, no error
    ],
)
def test_the_machine_default_area_on_a_first_start(
    qtbot: QtBot, home: Path, machine_area: str, saved: str | None, shown: str
) -> None:
    if saved is not None:
        _save_user_choice(home, None)
        store = SettingsStore(resolve_paths({"KOMPASSEN_HOME": str(home)}).settings_file)
        store.save(replace(store.load(), area=saved))
    path = home / "defaults.json"
    path.write_text(json.dumps({"area": machine_area}), "utf-8")
    env = {"KOMPASSEN_HOME": str(home), DEFAULTS_ENV: str(path)}
    ready: list[FieldWindow] = []
    started = Launch(env, None, ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        assert ready[0].svc.state.area.id == shown
        assert not started.start.kiosk  # the file said nothing about tablet mode
    finally:
        started.close()


def test_a_hold_right_after_a_tap_still_counts(qtbot: QtBot, window: FieldWindow) -> None:
    """A press soon after a tap reaches the widget as a double click: it is a hold too."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    window.set_kiosk(True)
    title = window.title
    centre = QPointF(title.rect().center())
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    global_pos = QPointF(title.mapToGlobal(title.rect().center()))
    second = QMouseEvent(QEvent.Type.MouseButtonDblClick, centre, global_pos, left, left, none)
    with qtbot.waitSignal(window.settings_hold.held, timeout=HOLD_MS * 10):
        QApplication.sendEvent(title, second)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, centre, global_pos, left, left, none)
    QApplication.sendEvent(title, release)
    assert window.stack.currentWidget() is window.settings_page


def test_sigterm_closes_a_tablet_without_asking(qtbot: QtBot, home: Path) -> None:
    """The system ending the app (SIGTERM: shutdown, an update) is not a stray tap: no question."""
    import os
    import signal

    started, _window = _start(qtbot, _environ(home, None), True)
    try:
        signals = started.crash.signals
        assert signals is not None and signal.getsignal(signal.SIGTERM) == signals._handle
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not started.start.isVisible(), timeout=10_000)
        assert started.start.quit_dialog is None
    finally:
        started.close()


def test_a_resting_finger_is_told_to_hold_on(qtbot: QtBot, window: FieldWindow) -> None:
    window.set_kiosk(True)
    title, centre = window.title, window.title.rect().center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(title, left, none, centre)
    qtbot.wait(200)
    assert "inställningarna" in window.statusBar().currentMessage()
    QTest.mouseRelease(title, left, none, centre)
    assert window.statusBar().currentMessage() == ""  # let go early: the hint goes
    assert window.stack.currentWidget() is window.search_page
