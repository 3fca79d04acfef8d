"""Paints one search hit as a card: name, organisation, open status, way, handover badge.

Nothing on a card is shortened with "…": the open status, a phone number in a name and the
handover badge are what a worker acts on. Every text wraps within the card's width instead
and the card grows in height. The card's width is the view's viewport less the vertical
scroll bar (whether or not it shows), so a card never runs under the scroll bar and the list
never needs a horizontal one. :meth:`ResultDelegate.card` lays a card out once per
(texts shown, width, text size) and both painting and the height come from that one layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kompassen.catalogue.search.model import ServiceHit
from kompassen.core.model import StatusDetail
from kompassen.gui.field.search.results_model import HitRole
from kompassen.gui.field.status_words import closure_words, ended_words
from kompassen.gui.theme import TOUCH_PX, Theme

PAD = 14
GAP = 4
MARGIN_V = 5
MARGIN_H = 6
BADGE_PAD_H = 10  # text to the pill's rounded ends
BADGE_PAD_V = 2
BADGE_GAP = 12  # between the name and a badge beside it
BADGE_BESIDE = 0.45  # a badge wider than this share of the card goes under the name
DIRECTION_GAP = 8  # between the open status and the way on the same line
CACHE_MAX = 4000  # layouts kept; a page of hits at a few widths and text sizes is far less

# a space between digits joins the groups of a phone number ("116 111", "08-123 45 67"):
# a number is read and dialled whole, so it never breaks over two lines
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class CardText:
    """One text on a card, as wrapped: ``lines[i]`` is drawn in ``rects[i]`` (card coordinates).

    ``text`` is the whole text the card must show; ``font`` names the delegate font it is drawn
    with (see :meth:`ResultDelegate.font_for`).
    """

    kind: str  # name | organization | status | direction | badge | warning
    text: str
    font: str  # big | normal | bold | badge
    lines: tuple[str, ...]
    rects: tuple[QRect, ...]


@dataclass(frozen=True, slots=True)
class CardLayout:
    """Where everything on one card goes, relative to the item's top left corner."""

    size: QSize  # the item: card plus its margins
    card: QRect  # the drawn card (border)
    texts: tuple[CardText, ...]
    badge: QRect | None  # the pill around the handover text


def keep_numbers_whole(text: str) -> str:
    """The text with the spaces inside digit groups made non-breaking."""
    return _DIGIT_SPACE.sub(NBSP, text)


def _break(text: str, font: QFont, width: float) -> list[str]:
    """The lines a text layout makes of ``text`` at ``width`` (trailing spaces dropped)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        lines.append(text[start : start + length].rstrip(" "))
    layout.endLayout()
    return [s for s in lines if s] or [text]


def wrap(text: str, font: QFont, fm: QFontMetrics, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` pixels: at spaces, inside a word
    only when the word alone is wider (a long web address); never shortened."""
    width = max(width, 1)
    if fm.horizontalAdvance(text) <= width:
        return [text]  # the usual case, without a text layout
    target = float(width)
    lines = _break(text, font, target)
    for _ in range(3):
        # the layout's widths are fractional, the metrics' whole pixels: where rounding puts
        # a line over the edge, break again a little narrower
        over = max(fm.horizontalAdvance(s) for s in lines) - width
        if over <= 0:
            break
        target = max(1.0, target - over)
        lines = _break(text, font, target)
    return lines


class ResultDelegate(QStyledItemDelegate):
    """Cards drawn with the theme's palette; wrapped texts set the height of each card."""

    def __init__(
        self,
        theme: Theme,
        parent: QObject | None = None,
        today: Callable[[], date] | None = None,
        lang: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        # a temporary closure's dates are said relative to today, in the reader's language
        self._today = today or date.today
        self._lang = lang or (lambda: "sv")
        self._scale = -1.0
        self._fonts: dict[str, QFont] = {}
        self._fm: dict[str, QFontMetrics] = {}
        self._cards: dict[tuple[str | int | float, ...], CardLayout] = {}

    def font_for(self, name: str) -> tuple[QFont, QFontMetrics]:
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
            self._cards.clear()
        return self._fonts[name], self._fm[name]

    def _stale_text(self, hit: ServiceHit) -> str:
        if hit.verified_at in ("", "unknown"):
            return self.tr("⚠ Okänt när uppgifterna senast kontrollerades")
        return self.tr("⚠ Kontrollerades senast {d}").format(d=hit.verified_at)

    def status_text(self, hit: ServiceHit) -> str:
        """The status line: when it opens, or, for a service that is not running, how it is
        not (in the words of the detail page; its opening hours would say "open" wrongly)."""
        if hit.status == "temporarily-closed":
            return closure_words(hit.status_from, hit.status_until, self._lang(), self._today())
        if hit.status != "active":
            detail: StatusDetail | None = "inactive" if hit.status_detail == "inactive" else None
            return ended_words(detail)
        return hit.open_text

    def warning_text(self, hit: ServiceHit) -> str:
        """The last line: not checked for a long time ("" when it was)."""
        return self._stale_text(hit) if hit.stale else ""

    # ------------------------------------------------------------------ layout

    def item_width(self, view: QWidget | None, fallback: int = 400) -> int:
        """The width a card may take in ``view``: its viewport, less the vertical scroll bar.

        The bar is subtracted while it is hidden too, so the width (and every card's height)
        does not change when the bar comes or goes; that also keeps the bar from toggling.
        """
        if not isinstance(view, QAbstractItemView):
            return max(fallback, 1)
        width = view.viewport().width()
        bar = view.verticalScrollBar()
        policy = view.verticalScrollBarPolicy()
        transient = bool(view.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, bar))
        if policy != Qt.ScrollBarPolicy.ScrollBarAlwaysOff and (transient or not bar.isVisible()):
            width -= bar.sizeHint().width()
        return max(width, 2 * (MARGIN_H + PAD) + 1)

    def card(self, hit: ServiceHit, width: int) -> CardLayout:
        """The layout of ``hit``'s card in an item ``width`` pixels wide (cached)."""
        self.font_for("normal")  # fonts of the current text size (clears stale layouts)
        warning = self.warning_text(hit)
        status = self.status_text(hit)
        # the texts shown, not the hit: the same service found by the next keystroke has
        # another score and matched words but the same card
        key = (
            hit.name,
            hit.organization,
            status,
            hit.direction,
            hit.handover,
            warning,
            width,
            self._scale,
        )
        found = self._cards.get(key)
        if found is None:
            if len(self._cards) >= CACHE_MAX:
                self._cards.clear()
            found = self._cards[key] = self._lay_out(hit, width, status, warning)
        return found

    def _block(
        self, kind: str, text: str, font: str, x: int, y: int, width: int
    ) -> tuple[CardText, int]:
        """``text`` wrapped at (x, y) within ``width``; returns it and the y below it."""
        f, fm = self.font_for(font)
        lines = wrap(keep_numbers_whole(text), f, fm, width)
        rects = []
        for i, _ in enumerate(lines):
            rects.append(QRect(x, y + i * fm.lineSpacing(), width, fm.height()))
        bottom = rects[-1].bottom() + 1 if rects else y
        return CardText(kind, text, font, tuple(lines), tuple(rects)), bottom

    def _lay_out(self, hit: ServiceHit, width: int, status_words: str, warning: str) -> CardLayout:
        card = QRect(MARGIN_H, MARGIN_V, width - 2 * MARGIN_H, 0)
        left, top = card.left() + PAD, card.top() + PAD
        inner_w = card.width() - 2 * PAD
        texts: list[CardText] = []
        _, fm_big = self.font_for("big")
        _, fm_badge = self.font_for("badge")

        # the name, with the handover badge beside it when the badge is short, else under it
        badge: QRect | None = None
        pill_w = fm_badge.horizontalAdvance(hit.handover) + 2 * BADGE_PAD_H if hit.handover else 0
        pill_h = max(fm_big.height(), fm_badge.height() + 2 * BADGE_PAD_V)
        beside = bool(hit.handover) and pill_w <= inner_w * BADGE_BESIDE
        name_w = inner_w - (pill_w + BADGE_GAP if beside else 0)
        name, y = self._block("name", hit.name, "big", left, top, name_w)
        texts.append(name)
        if hit.handover:
            if beside:
                badge = QRect(left + inner_w - pill_w, top, pill_w, pill_h)
                text_rect = badge.adjusted(BADGE_PAD_H, 0, -BADGE_PAD_H, 0)
                texts.append(
                    CardText("badge", hit.handover, "badge", (hit.handover,), (text_rect,))
                )
                y = max(y, badge.bottom() + 1)
            else:
                y += GAP
                block, bottom = self._block(
                    "badge",
                    hit.handover,
                    "badge",
                    left + BADGE_PAD_H,
                    y + BADGE_PAD_V,
                    inner_w - 2 * BADGE_PAD_H,
                )
                one_line = len(block.lines) == 1
                used = (
                    fm_badge.horizontalAdvance(block.lines[0])
                    if one_line
                    else block.rects[0].width()
                )
                badge = QRect(
                    left, y, used + 2 * BADGE_PAD_H, max(bottom + BADGE_PAD_V - y, pill_h)
                )
                if one_line:  # centred in the pill like the badge beside a name
                    block = CardText(
                        "badge",
                        block.text,
                        "badge",
                        block.lines,
                        (badge.adjusted(BADGE_PAD_H, 0, -BADGE_PAD_H, 0),),
                    )
                texts.append(block)
                y = badge.bottom() + 1
        y += GAP

        if hit.organization:
            org, y = self._block("organization", hit.organization, "normal", left, y, inner_w)
            texts.append(org)
            y += GAP

        # the open status, and the way on the same line when both fit
        status, y_status = self._block("status", status_words, "bold", left, y, inner_w)
        texts.append(status)
        y = y_status
        if hit.direction:
            direction = "· " + hit.direction
            _, fm = self.font_for("normal")
            _, fm_bold = self.font_for("bold")
            last = status.rects[-1]
            x = left + fm_bold.horizontalAdvance(status.lines[-1]) + DIRECTION_GAP
            if x + fm.horizontalAdvance(direction) <= left + inner_w:
                rect = QRect(x, last.top(), left + inner_w - x, last.height())
                texts.append(CardText("direction", direction, "normal", (direction,), (rect,)))
            else:
                way, y = self._block("direction", direction, "normal", left, y, inner_w)
                texts.append(way)
        y += GAP

        if warning:
            block, y = self._block("warning", warning, "bold", left, y, inner_w)
            texts.append(block)
            y += GAP

        bottom = max(y - GAP + PAD, card.top() + TOUCH_PX)
        card.setHeight(bottom - card.top())
        size = QSize(width, card.bottom() + 1 + MARGIN_V)
        return CardLayout(size, card, tuple(texts), badge)

    def card_for_index(
        self, index: QModelIndex | QPersistentModelIndex, view: QWidget | None
    ) -> CardLayout | None:
        """What the card of ``index`` draws and where, in ``view``'s current width."""
        hit = index.data(HitRole)
        if not isinstance(hit, ServiceHit):
            return None
        return self.card(hit, self.item_width(view))

    # ------------------------------------------------------------------ Qt

    def _view(self, option: QStyleOptionViewItem) -> QWidget | None:
        widget = option.widget
        if isinstance(widget, QAbstractItemView):
            return widget
        parent = self.parent()
        return parent if isinstance(parent, QAbstractItemView) else None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hit = index.data(HitRole)
        view = self._view(option)
        width = self.item_width(view, option.rect.width() or 400)
        if not isinstance(hit, ServiceHit):
            return QSize(width, TOUCH_PX + 2 * MARGIN_V)
        return self.card(hit, width).size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, ServiceHit):
            return
        rect: QRect = option.rect
        layout = self.card(hit, self.item_width(self._view(option), rect.width()))
        p = self._theme.palette
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = option.state
        focused = bool(state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected))
        painter.setPen(QPen(QColor(p.accent if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(QRectF(layout.card), 10, 10)

        if layout.badge is not None:
            radius = min(layout.badge.height() / 2, 12.0)
            painter.setPen(QPen(QColor(p.accent), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(layout.badge), radius, radius)

        status_colour = {"open": p.open, "always": p.open, "closed": p.closed}.get(
            hit.open_state, p.unknown
        )
        colours = {
            "name": p.text,
            "organization": p.text_muted,
            "status": p.closed if hit.status != "active" else status_colour,
            "direction": p.text_muted,
            "badge": p.accent,
            "warning": p.closed if hit.status != "active" else p.warning,
        }
        flags = (
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip
        )
        for t in layout.texts:
            painter.setFont(self.font_for(t.font)[0])
            painter.setPen(QColor(colours[t.kind]))
            align = flags
            if t.kind == "badge" and len(t.lines) == 1:
                align = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip
            for line, r in zip(t.lines, t.rects, strict=True):
                painter.drawText(r, int(align), line)
        painter.restore()
