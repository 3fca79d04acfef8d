"""Paints the locations list: section headers (landmarks) and place cards with a compass.

The card layout is shared by painting and by tap hit-testing (which service line was tapped).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kompassen.core.model import Service, ServiceRef
from kompassen.gui.field.locations.model import LocationModel, PlaceRow, SectionRow, row_at
from kompassen.gui.field.status_words import short_words
from kompassen.gui.theme import TOUCH_PX, Theme
from kompassen.gui.widgets.compass import paint_compass

_Index = QModelIndex | QPersistentModelIndex

MARGIN_V = 4
MARGIN_H = 6
PAD = 12
GAP = 4
COMPASS_PX = 44
NAME_LINES = 2


@dataclass(frozen=True, slots=True)
class _PlaceLayout:
    card: QRect
    compass: QRect
    name: QRect
    way: QRect
    address: QRect | None
    services: tuple[QRect, ...]


class LocationDelegate(QStyledItemDelegate):
    """Paints section headers and place cards with the theme's palette and text size."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme

    # ---------------------------------------------------------------- fonts and sizes

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return self._theme.font(1.1, bold=True), self._theme.font(bold=True), self._theme.font()

    def _service_line(self) -> int:
        """A service line is a tap target of its own: at least a finger high."""
        return max(QFontMetrics(self._theme.font()).height() + 20, TOUCH_PX)

    def _address_text(self, row: PlaceRow) -> str:
        if row.location.address is not None:
            return row.location.address.one_line()
        if row.borrowed and row.landmark is not None:
            return self.tr("Vid {landmark}, ingen exakt adress").format(landmark=row.landmark.name)
        return ""

    def _status_text(self, service: ServiceRef | Service) -> str:
        """Inactive (may come back) and defunct (ended) both count as closed, but say which."""
        return short_words(service.status, service.status_detail)

    def name_text(self, name: str, width: int) -> str:
        """The place's name broken into at most two lines, "…" if it needs more.

        Names tell places apart ("Sprututbytet Södermalm" / "… S:t Göran"), so they wrap
        rather than lose their end at large text sizes.
        """
        fm = QFontMetrics(self._fonts()[0])
        lines: list[str] = []
        words = name.split()
        while words and len(lines) < NAME_LINES:
            line = words.pop(0)
            while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
                line = f"{line} {words.pop(0)}"
            lines.append(line)
        if words:
            rest = " ".join([lines.pop(), *words])
            lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        else:
            lines = [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
        return "\n".join(lines)

    def layout(self, rect: QRect, row: PlaceRow) -> _PlaceLayout:
        """Where each part of a place card goes; shared by painting and tap hit-testing."""
        big, bold, font = (QFontMetrics(f).height() for f in self._fonts())
        card = rect.adjusted(MARGIN_H, MARGIN_V, -MARGIN_H, -MARGIN_V)
        inner = card.adjusted(PAD, PAD, -PAD, -PAD)
        compass = QRect(inner.left(), inner.top(), COMPASS_PX, COMPASS_PX)
        left = compass.right() + 1 + PAD
        width = inner.right() - left + 1
        y = inner.top()
        lines = self.name_text(row.location.name, width).count("\n") + 1
        name = QRect(left, y, width, big * lines)
        y += big * lines + GAP
        way = QRect(left, y, width, bold)
        y += bold + GAP
        address = None
        if self._address_text(row):
            address = QRect(left, y, width, font)
            y += font + GAP
        y = max(y, compass.bottom() + 1 + GAP)
        line = self._service_line()
        services = []
        for _ in row.services:
            services.append(QRect(inner.left(), y, inner.width(), line))
            y += line
        return _PlaceLayout(card, compass, name, way, address, tuple(services))

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """The row's height at this width, worked out once per row, width and text size.

        The list lays out every row it has again whenever rows are added (scrolling), so
        without the model's cache 2,000 rows shown cost 0.2–0.7 s of the GUI thread per batch.
        """
        width = option.rect.width() or 400
        model = index.model()
        if not isinstance(model, LocationModel):
            return self._size(width, index)
        key = (index.row(), width, self._theme.point_size())
        size = model.sizes.get(key)
        if size is None:
            size = model.sizes[key] = self._size(width, index)
        return QSize(size)

    def _size(self, width: int, index: _Index) -> QSize:
        row = row_at(index)
        if isinstance(row, SectionRow):
            h = QFontMetrics(self._theme.font(1.15, bold=True)).height() + 2 * PAD
            return QSize(width, max(h, TOUCH_PX))
        if not isinstance(row, PlaceRow):
            return QSize(width, TOUCH_PX)
        lay = self.layout(QRect(0, 0, width, 10_000), row)
        bottom = lay.services[-1].bottom() + 1 if lay.services else lay.compass.bottom() + 1
        bottom = max(bottom, (lay.address or lay.way).bottom() + 1)
        return QSize(width, max(bottom + PAD + MARGIN_V, TOUCH_PX + 2 * MARGIN_V))

    def service_at(self, rect: QRect, row: PlaceRow, pos: QPoint) -> str | None:
        """The service whose line was tapped, or None (the row's first then opens)."""
        for line, service in zip(self.layout(rect, row).services, row.services, strict=True):
            if line.contains(pos):
                return service.id
        return None

    # ---------------------------------------------------------------- painting

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        if not isinstance(model, LocationModel):
            return
        row = model.row(index.row())
        if isinstance(row, SectionRow):
            title, count = model.section_title(row), model.count_text(row.count)
            self._paint_section(painter, option, title, count)
        elif isinstance(row, PlaceRow):
            self._paint_place(painter, option, row, model.direction_text(row))

    def _paint_section(
        self, painter: QPainter, option: QStyleOptionViewItem, title: str, count: str
    ) -> None:
        p = self._theme.palette
        painter.save()
        rect = option.rect
        painter.fillRect(rect.adjusted(0, 2, 0, -2), QColor(p.surface_alt))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(p.accent), 3))
            painter.drawRect(rect.adjusted(1, 3, -2, -3))
        inner = rect.adjusted(PAD + MARGIN_H, 0, -PAD - MARGIN_H, 0)
        small = self._theme.font()
        count_w = QFontMetrics(small).horizontalAdvance(count) + PAD
        painter.setFont(small)
        painter.setPen(QColor(p.text_muted))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        big = self._theme.font(1.15, bold=True)
        painter.setFont(big)
        painter.setPen(QColor(p.text))
        text_rect = inner.adjusted(0, 0, -count_w, 0)
        text = QFontMetrics(big).elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.restore()

    def _paint_place(
        self, painter: QPainter, option: QStyleOptionViewItem, row: PlaceRow, way: str
    ) -> None:
        p = self._theme.palette
        lay = self.layout(option.rect, row)
        big, bold, font = self._fonts()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = bool(
            option.state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        )
        painter.setPen(QPen(QColor(p.accent if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(QRectF(lay.card), 10, 10)

        paint_compass(painter, QRectF(lay.compass), p, row.bearing, known=row.direction is not None)

        def text(r: QRect, s: str, f: QFont, colour: str) -> None:
            painter.setFont(f)
            painter.setPen(QColor(colour))
            elided = QFontMetrics(f).elidedText(s, Qt.TextElideMode.ElideRight, r.width())
            painter.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

        painter.setFont(big)
        painter.setPen(QColor(p.text))
        painter.drawText(
            lay.name,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            self.name_text(row.location.name, lay.name.width()),
        )
        text(lay.way, way, bold, p.text if row.direction is not None else p.text_muted)
        if lay.address is not None:
            text(lay.address, self._address_text(row), font, p.text_muted)

        fm = QFontMetrics(font)
        for line, service in zip(lay.services, row.services, strict=True):
            painter.setPen(QPen(QColor(p.border), 1))
            painter.drawLine(line.left(), line.top(), line.right(), line.top())
            inner = line.adjusted(0, 0, 0, 0)
            painter.setFont(bold)
            painter.setPen(QColor(p.accent))
            chevron = "›"
            chevron_w = QFontMetrics(bold).horizontalAdvance(chevron) + PAD
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, chevron
            )
            inner.setRight(inner.right() - chevron_w)
            status = self._status_text(service)
            if status:
                painter.setPen(QColor(p.closed))
                painter.drawText(
                    inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, status
                )
                inner.setRight(inner.right() - QFontMetrics(bold).horizontalAdvance(status) - PAD)
            painter.setFont(font)
            painter.setPen(QColor(p.accent if not status else p.text_muted))
            name = fm.elidedText(service.name, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
            )
        painter.restore()
