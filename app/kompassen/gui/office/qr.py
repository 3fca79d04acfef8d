"""A QR code as a widget: segno makes the SVG, QtSvg paints it sharp at any size.

The pixmap is drawn at a whole number of pixels per module (plus segno's quiet zone), so a
phone's camera or a tablet's scanner reads it off a screen without blur between modules.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

BORDER = 4  # the quiet zone the QR standard asks for, in modules


def qr_svg(text: str) -> tuple[bytes, int]:
    """The SVG of ``text``'s QR code (error correction M, never a micro code) and its width
    in modules, quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    buf = io.BytesIO()
    code.save(buf, kind="svg", scale=1, border=BORDER, xmldecl=False, dark="#000", light="#fff")
    width, _ = code.symbol_size(scale=1, border=BORDER)
    return buf.getvalue(), int(width)


def qr_image(text: str, px_per_module: int) -> QImage:
    """``text``'s QR code rendered from its SVG at ``px_per_module`` pixels per module."""
    svg, modules = qr_svg(text)
    side = modules * px_per_module
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    renderer = QSvgRenderer(QByteArray(svg))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


class QrLabel(QLabel):
    """Shows one text as a QR code at least ``min_px`` pixels wide (black on white in both
    themes: scanners expect dark modules on a light ground)."""

    def __init__(self, text: str = "", min_px: int = 280, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_px = min_px
        self.text_value = ""
        self.px_per_module = 0
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #ffffff; padding: 0;")
        if text:
            self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text_value = text
        _, modules = qr_svg(text)
        self.px_per_module = max(2, -(-self.min_px // modules))  # ceil: never below min_px
        self.setPixmap(QPixmap.fromImage(qr_image(text, self.px_per_module)))
        self.setFixedSize(self.pixmap().size())

    def image(self) -> QImage:
        return self.pixmap().toImage()
