"""Themes: one palette definition, every text/background pair at WCAG AA (4.5:1)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kompassen.core.clock import STOCKHOLM
from kompassen.gui import theme
from kompassen.gui.theme import (
    PALETTES,
    TEXT_PAIRS,
    contrast,
    palette_roles,
    resolve_theme,
    style_sheet,
)


@pytest.mark.parametrize("name", sorted(PALETTES))
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(name: str, fg: str, bg: str) -> None:
    p = PALETTES[name]
    ratio = contrast(getattr(p, fg), getattr(p, bg))
    assert ratio >= 4.5, f"{name}: {fg} on {bg} is {ratio:.2f}:1"


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_palette_role_is_used_by_the_style_sheet_or_painter() -> None:
    sheet = style_sheet(PALETTES["day"], 1.0)
    used_elsewhere = {"surface_alt", "open", "closed", "unknown", "warning"}
    for role in palette_roles():
        colour = getattr(PALETTES["day"], role)
        assert colour in sheet or role in used_elsewhere, role


def test_night_theme_is_dark_and_day_theme_is_light() -> None:
    assert contrast(PALETTES["night"].window, "#000000") < 1.5
    assert contrast(PALETTES["day"].window, "#ffffff") < 1.2


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(6, "night"), (7, "day"), (12, "day"), (18, "day"), (19, "night"), (23, "night")],
)
def test_follow_the_clock(hour: int, expected: str) -> None:
    now = datetime(2026, 11, 23, hour, 30, tzinfo=STOCKHOLM)
    assert resolve_theme("auto", now) == expected
    assert resolve_theme("day", now) == "day"
    assert resolve_theme("night", now) == "night"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_combo_arrow_exists_in_each_palette_colour(qapp: object, name: str) -> None:
    """The style sheet draws the combo arrow from an SVG in the palette's text colour."""
    from pathlib import Path

    from PySide6.QtGui import QPixmap

    from kompassen.gui.theme import chevron_icon

    path = Path(chevron_icon(PALETTES[name]))
    assert path.is_file(), path
    assert PALETTES[name].text.lower() in path.read_text().lower()
    assert not QPixmap(str(path)).isNull()


@pytest.mark.parametrize("name", ["day", "night"])
def test_a_progress_bar_shows_its_track_and_its_fill(qapp: object, name: str) -> None:
    """The first start's install bar: Qt's own track was nearly invisible at night. The
    track's edge and the fill stand out from the window by WCAG's 3:1 for graphics."""
    from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

    p = theme.PALETTES[name]
    w = QWidget()
    w.setStyleSheet(theme.style_sheet(p, 1.0))
    w.setPalette(theme.qpalette(p))
    w.setAutoFillBackground(True)
    w.resize(300, 60)
    bar = QProgressBar(w)
    bar.setRange(0, 100)
    bar.setValue(50)
    bar.setTextVisible(False)
    QVBoxLayout(w).addWidget(bar)
    w.show()
    img = bar.grab().toImage()
    y = img.height() // 2
    edge = img.pixelColor(0, y).name()
    fill = img.pixelColor(img.width() // 4, y).name()
    track = img.pixelColor(img.width() * 3 // 4, y).name()
    assert theme.contrast(edge, p.window) >= 3.0, (edge, p.window)
    assert theme.contrast(fill, track) >= 3.0, (fill, track)
    assert fill.lower() == p.accent.lower()
    w.close()


_ICON_PROBE = """
from kompassen.gui.qtapp import application
app = application()
image = app.windowIcon().pixmap(48, 48).toImage()
print(app.windowIcon().isNull(), image.width(), len({image.pixelColor(x, 24).name() for x in range(48)}))
"""


def test_the_app_has_its_icon() -> None:
    """The title bar, task bar and Alt+Tab show Kompassen's compass, not a blank icon (the
    .desktop file's icon only reaches the menu). In a process of its own: the tests' own
    QApplication is pytest-qt's."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _ICON_PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    null, width, colours = done.stdout.split()
    assert null == "False" and width == "48"
    assert int(colours) > 2  # really drawn, not one flat colour
