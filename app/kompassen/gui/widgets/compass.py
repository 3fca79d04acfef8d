"""A compass arrow that points the way to a place ("350 m nordost" made visible).

The drawing lives in :func:`paint_compass` so a list delegate can paint the very same arrow
in each row without a widget per row; :class:`CompassArrow` is the widget for pages that
show one direction (the detail view, a header). North is up: the tablet is not rotated to
the street, so the arrow is read like a map, and the bearing word is always written next to it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kompassen.gui.theme import TOUCH_PX, Palette, Theme

# The arrow pointing north, in units of the radius, y growing downwards (screen coordinates).
_SHAPE = ((0.0, -0.92), (0.58, 0.72), (0.0, 0.36), (-0.58, 0.72))


def arrow_polygon(rect: QRectF, bearing_deg: float) -> QPolygonF:
    """The arrow inside ``rect`` turned clockwise by ``bearing_deg`` (0 = up = north)."""
    c = rect.center()
    r = min(rect.width(), rect.height()) / 2 * 0.78
    a = math.radians(bearing_deg)
    cos_a, sin_a = math.cos(a), math.sin(a)
    return QPolygonF(
        [
            QPointF(c.x() + r * (x * cos_a - y * sin_a), c.y() + r * (x * sin_a + y * cos_a))
            for x, y in _SHAPE
        ]
    )


def paint_compass(
    painter: QPainter,
    rect: QRectF,
    palette: Palette,
    bearing_deg: float | None,
    *,
    known: bool = True,
) -> None:
    """A ring with the arrow; a dot when right here (``bearing_deg`` None), "?" when unknown."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(rect.width(), rect.height())
    square = QRectF(0, 0, side, side)
    square.moveCenter(rect.center())
    ring = square.adjusted(1.5, 1.5, -1.5, -1.5)
    pen = QPen(QColor(palette.border), 1.5)
    if not known:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QColor(palette.surface))
    painter.drawEllipse(ring)
    if not known:
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(8, int(side * 0.5)))
        painter.setFont(font)
        painter.setPen(QColor(palette.text_muted))
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, "?")
    elif bearing_deg is None:
        dot = side * 0.22
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.accent))
        painter.drawEllipse(square.center(), dot, dot)
    else:
        painter.setPen(QPen(QColor(palette.accent), 1.0))
        painter.setBrush(QColor(palette.accent))
        painter.drawPolygon(arrow_polygon(square, bearing_deg))
    painter.restore()


class CompassArrow(QWidget):
    """An arrow turned to a bearing in degrees, coloured from the current theme."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._bearing: float | None = None
        self._word = ""
        self._known = False
        self.setMinimumSize(32, 32)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        theme.changed.connect(self.update)
        self._retranslate()

    # ---------------------------------------------------------------- state

    def set_direction(self, bearing_deg: float | None, word: str = "") -> None:
        """Point at ``bearing_deg`` (named ``word``); None with a word "" means right here."""
        self._bearing = None if bearing_deg is None else float(bearing_deg) % 360.0
        self._word = word
        self._known = True
        self._retranslate()
        self.update()

    def set_unknown(self) -> None:
        """No position to point at: a dashed ring with a question mark."""
        self._bearing = None
        self._word = ""
        self._known = False
        self._retranslate()
        self.update()

    def angle(self) -> float | None:
        """The bearing the arrow is drawn at (degrees clockwise from north), None if no arrow."""
        return self._bearing if self._known else None

    def word(self) -> str:
        return self._word

    # ---------------------------------------------------------------- Qt

    def sizeHint(self) -> QSize:
        return QSize(TOUCH_PX, TOUCH_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_compass(
            painter, QRectF(self.rect()), self._theme.palette, self._bearing, known=self._known
        )
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Riktning"))
        if not self._known:
            self.setAccessibleDescription(self.tr("Riktningen är okänd"))
        elif self._bearing is None or not self._word:
            self.setAccessibleDescription(self.tr("Platsen är här"))
        else:
            self.setAccessibleDescription(self.tr("Riktning: {word}").format(word=self._word))
