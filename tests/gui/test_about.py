"""Om Kompassen: reached from Settings; the versions, the data folder and the licence in words,
read from where they live (never typed into the page), and nothing cut off on a tablet."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import kompassen
from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.device.logs import close_logging
from kompassen.device.machine_defaults import DEFAULTS_ENV
from kompassen.gui.app import build_window
from kompassen.gui.field.about_page import AboutPage, breakable, when
from kompassen.gui.field.window import FieldWindow


@pytest.fixture
def ctx(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    """The real app on a home folder with a long path (as a managed Windows profile may have)."""
    home = tmp_path / "Användare-med-ett-mycket-långt-kontonamn" / "AppData-Local-Kompassen-Data"
    home.mkdir(parents=True)
    monkeypatch.setenv("KOMPASSEN_HOME", str(home))
    c = build({"KOMPASSEN_HOME": str(home)}, clock)
    yield c
    c.close()
    close_logging()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[FieldWindow]:
    monkeypatch.setenv(DEFAULTS_ENV, "")  # not this machine's /etc/kompassen
    w = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _open(window: FieldWindow) -> AboutPage:
    window.show_page("settings")
    button = window.settings_page.about_button
    assert button.text() == "Om Kompassen" and button.height() >= 48
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    assert isinstance(page, AboutPage)
    return page


def _texts(page: AboutPage) -> str:
    return "\n".join(lab.text() for lab in page.column.findChildren(QLabel))


def test_the_about_page_says_every_version(window: FieldWindow, ctx: AppContext) -> None:
    page = _open(window)
    text = _texts(page)
    assert f"Kompassen version {kompassen.__version__}" in text
    assert kompassen.__version__ == metadata.version("kompassen")
    areas = ctx.catalogue.reader.areas()
    assert len(areas) >= 2  # every installed area, not only the one on screen
    for area in areas:
        assert area.name in text
        assert f"Områdespaket {area.pack_version}" in text
        assert f"katalogversion {area.catalogue_version}" in text
        assert f"installerad {when(ctx.catalogue.reader.installed_at(area.id))}" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    folder = page.data_line.text().replace("\u200b", "")
    assert str(ctx.paths.data_dir) in folder
    licence = metadata.metadata("kompassen")["License-Expression"]
    assert licence and licence in page.licence_line.text()


def test_back_returns_to_the_settings(qtbot: QtBot, window: FieldWindow) -> None:
    page = _open(window)
    QTest.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.settings_page
    _open(window)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.settings_page


def test_the_machine_defaults_file_is_named(
    window: FieldWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "defaults.json"
    path.write_text('{"kiosk": false}', "utf-8")
    monkeypatch.setenv(DEFAULTS_ENV, str(path))
    page = _open(window)
    assert str(path) in page.data_line.text().replace("\u200b", "")


def test_install_times_are_stockholm_time() -> None:
    assert when("2026-12-02T03:15:00+00:00") == "2026-12-02 04:15"
    assert when("2026-07-02T03:15:00+00:00") == "2026-07-02 05:15"  # summer time
    assert when(None) == "?" and when("garbage") == "garbage"


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)])
@pytest.mark.parametrize("theme", ["day", "night"])
def test_nothing_is_cut_off_at_the_largest_text(
    qtbot: QtBot, window: FieldWindow, size: tuple[int, int], theme: str, tmp_path: Path
) -> None:
    """Every line fits the column (a long folder path breaks at its separators)."""
    window.svc.theme.set(theme, 2, window.svc.clock.now())
    window.resize(*size)
    page = _open(window)
    qtbot.waitUntil(lambda: window.width() == size[0])
    QApplication.processEvents()
    room = page.scroll_area.viewport().width()
    for lab in page.column.findChildren(QLabel):
        if lab.isVisible() and lab.text():
            right = lab.mapTo(page.scroll_area.viewport(), lab.rect().topRight()).x()
            assert right <= room, lab.text()
            assert lab.minimumSizeHint().width() <= lab.width(), lab.text()
    assert page.grab().save(str(tmp_path / f"about-{theme}-{size[0]}x{size[1]}.png"))


def test_a_windows_folder_breaks_at_its_separators(qapp: object) -> None:
    """Qt breaks a line after "/" but not after "\\": the page lets a Windows path wrap."""
    path = "C:\\Users\\anna.andersson\\AppData\\Local\\Kompassen\\Kompassen\\data"
    plain, broken = QLabel(path), QLabel(breakable(path))
    for lab in (plain, broken):
        lab.setWordWrap(True)
    assert broken.minimumSizeHint().width() < plain.minimumSizeHint().width() / 2
    assert breakable(path).replace("\u200b", "") == path
