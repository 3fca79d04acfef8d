"""Paints one search hit as a card: name, organisation, open status, way, handover badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kompassen.catalogue.search.model import ServiceHit
from kompassen.gui.field.search.results_model import HitRole
from kompassen.gui.theme import TOUCH_PX, Theme

PAD = 14
GAP = 4
MARGIN_V = 5
MARGIN_H = 6


class ResultDelegate(QStyledItemDelegate):
    """Cards drawn with the theme's palette; height follows the text size setting."""

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._scale = -1.0
        self._fonts: dict[str, QFont] = {}
        self._fm: dict[str, QFontMetrics] = {}

    def _font(self, name: str) -> tuple[QFont, QFontMetrics]:
        """Fonts and metrics, made once per text size (sizeHint runs for every row)."""
        if self._scale != self._theme.scale:
            self._scale = self._theme.scale
            self._fonts = {
                "big": self._theme.font(1.15, bold=True),
                "normal": self._theme.font(),
                "bold": self._theme.font(bold=True),
                "badge": self._theme.font(0.9, bold=True),
            }
            self._fm = {k: QFontMetrics(f) for k, f in self._fonts.items()}
        return self._fonts[name], self._fm[name]

    def _stale_text(self, hit: ServiceHit) -> str:
        if hit.verified_at in ("", "unknown"):
            return self.tr("⚠ Okänt när uppgifterna senast kontrollerades")
        return self.tr("⚠ Kontrollerades senast {d}").format(d=hit.verified_at)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # every card has room for the warning line: one height for all rows lets the view
        # skip asking each row (uniform item sizes), which matters on every keystroke
        big = self._font("big")[1].height()
        small = self._font("normal")[1].height()
        h = 2 * MARGIN_V + 2 * PAD + big + 3 * (small + GAP)
        return QSize(option.rect.width() or 400, max(h, TOUCH_PX + 2 * MARGIN_V))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, ServiceHit):
            return
        p = self._theme.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(MARGIN_H, MARGIN_V, -MARGIN_H, -MARGIN_V))
        focused = bool(
            option.state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        )
        painter.setPen(QPen(QColor(p.accent if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(card, 10, 10)

        inner = card.toRect().adjusted(PAD, PAD, -PAD, -PAD)
        big_font, fm_big = self._font("big")
        font, fm = self._font("normal")

        # handover badge, top right
        badge_w = 0
        if hit.handover:
            bold, bfm = self._font("badge")
            painter.setFont(bold)
            text = bfm.elidedText(hit.handover, Qt.TextElideMode.ElideRight, inner.width() // 2)
            badge_w = bfm.horizontalAdvance(text) + 20
            badge = QRect(inner.right() - badge_w, inner.top(), badge_w, fm_big.height())
            painter.setPen(QPen(QColor(p.accent), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(badge), badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor(p.accent))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

        y = inner.top()
        painter.setFont(big_font)
        painter.setPen(QColor(p.text))
        name_w = inner.width() - (badge_w + 12 if badge_w else 0)
        painter.drawText(
            QRect(inner.left(), y, name_w, fm_big.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_big.elidedText(hit.name, Qt.TextElideMode.ElideRight, name_w),
        )
        y += fm_big.height() + GAP

        painter.setFont(font)
        painter.setPen(QColor(p.text_muted))
        painter.drawText(
            QRect(inner.left(), y, inner.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(hit.organization, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += fm.height() + GAP

        colour = {
            "open": p.open,
            "always": p.open,
            "closed": p.closed,
        }.get(hit.open_state, p.unknown)
        if hit.status != "active":
            colour = p.closed
        status = hit.open_text
        bold, bold_fm = self._font("bold")
        painter.setFont(bold)
        painter.setPen(QColor(colour))
        status_w = min(bold_fm.horizontalAdvance(status), inner.width() // 2 + 40)
        painter.drawText(
            QRect(inner.left(), y, status_w, fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            bold_fm.elidedText(status, Qt.TextElideMode.ElideRight, status_w),
        )
        if hit.direction:
            painter.setFont(font)
            painter.setPen(QColor(p.text_muted))
            x = inner.left() + status_w + 16
            painter.drawText(
                QRect(x, y, inner.right() - x, fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText("· " + hit.direction, Qt.TextElideMode.ElideRight, inner.right() - x),
            )
        y += fm.height() + GAP

        if hit.status != "active" or hit.stale:
            painter.setFont(bold)
            painter.setPen(QColor(p.closed if hit.status != "active" else p.warning))
            text = (
                self.tr("Stängd – finns kvar i listan för kännedom")
                if hit.status != "active"
                else self._stale_text(hit)
            )
            painter.drawText(
                QRect(inner.left(), y, inner.width(), fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                bold_fm.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
            )
        painter.restore()
