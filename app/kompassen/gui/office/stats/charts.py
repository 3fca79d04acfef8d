"""Bar, horizontal bar and line charts drawn with QPainter, on a widget or on a PDF page.

QtCharts is in pyside6-addons (about 160 MB installed); the tablet bundle must not grow for
the office's statistics, so the few charts needed are painted here. One function paints a
chart of a statistics table into a rectangle of any QPainter: :class:`ChartWidget` calls it
from ``paintEvent`` with the theme's colours, the PDF writer on a QPdfWriter page with the
day colours. A hidden cell ("< 5") is never drawn as a length: its place shows the words
"< 5" instead, so nobody can read a small count off the bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kompassen.gui.theme import DAY, Palette

HIDDEN_TEXT = "< 5"
MAX_BARS = 12  # a longer table shows its largest rows (the table beside it has them all)


class CellLike(Protocol):
    @property
    def value(self) -> int: ...
    @property
    def hidden(self) -> bool: ...


class RowLike(Protocol):
    @property
    def label(self) -> tuple[str, str]: ...
    @property
    def cells(self) -> Sequence[CellLike]: ...


class TableLike(Protocol):
    """What a chart needs of office.stats.tables.StatsTable."""

    @property
    def title(self) -> tuple[str, str]: ...
    @property
    def columns(self) -> Sequence[tuple[str, str]]: ...
    @property
    def rows(self) -> Sequence[RowLike]: ...
    @property
    def chart(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ChartColours:
    """The colours of a chart: the theme's on screen, the day theme's on paper."""

    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    bar: QColor
    bar_previous: QColor

    @classmethod
    def from_palette(cls, p: Palette) -> ChartColours:
        bar = QColor(p.accent)
        prev = QColor(p.text_muted)
        return cls(
            QColor(p.surface), QColor(p.text), QColor(p.text_muted), QColor(p.border), bar, prev
        )

    @classmethod
    def from_qpalette(cls, pal: QPalette) -> ChartColours:
        r = QPalette.ColorRole
        return cls(
            pal.color(r.Base),
            pal.color(r.Text),
            pal.color(r.PlaceholderText),
            pal.color(r.Mid),
            pal.color(r.Highlight),
            pal.color(r.PlaceholderText),
        )


PAPER = ChartColours.from_palette(DAY)


def chart_kind(table: TableLike) -> str | None:
    """ "bar", "hbar", "line" or None: many rows or long labels lie better as horizontal bars."""
    if table.chart is None or not table.rows:
        return None
    if table.chart == "line":
        return "line"
    longest = max(len(r.label[0]) for r in table.rows)
    return "hbar" if len(table.rows) > 6 or longest > 12 else "bar"


def _series(
    table: TableLike, lang: str
) -> tuple[list[str], list[list[CellLike | None]], list[str]]:
    """Labels, then per series (this period, previous period if there is one) the cells."""
    i = 1 if lang == "en" else 0
    rows = list(table.rows)
    if table.chart != "line" and len(rows) > MAX_BARS:
        rows = sorted(rows, key=lambda r: -_value(r.cells[0] if r.cells else None))[:MAX_BARS]
    ncols = min(2, len(table.columns))
    names = [table.columns[c][i] for c in range(ncols)]
    series = [[r.cells[c] if c < len(r.cells) else None for r in rows] for c in range(ncols)]
    return [r.label[i] for r in rows], series, names


def _value(cell: CellLike | None) -> int:
    return 0 if cell is None or cell.hidden else cell.value


def _nice_max(v: int) -> int:
    """The axis' top: a round number a little above ``v`` (at least 5)."""
    if v <= 10:
        return 5 if v <= 5 else 10
    step = 10 ** (len(str(v)) - 1) // 2
    return -(-v // step) * step


def _elide(fm: QFontMetricsF, text: str, width: float) -> str:
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))


def paint_chart(
    p: QPainter,
    rect: QRectF,
    table: TableLike,
    lang: str,
    colours: ChartColours,
    *,
    font: QFont | None = None,
) -> None:
    """Paint ``table``'s chart into ``rect`` (nothing for a table without a chart)."""
    kind = chart_kind(table)
    p.save()
    try:
        if font is not None:
            p.setFont(font)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(rect, colours.background)
        if kind is None:
            return
        labels, series, names = _series(table, lang)
        if not labels:
            return
        fm = QFontMetricsF(p.font())
        legend_h = fm.height() * 1.4
        _legend(p, QRectF(rect.left(), rect.top(), rect.width(), legend_h), names, colours, fm)
        body = rect.adjusted(0, legend_h, 0, 0)
        top = _nice_max(max((_value(c) for s in series for c in s), default=0))
        if kind == "hbar":
            _hbars(p, body, labels, series, top, colours, fm)
        elif kind == "bar":
            _bars(p, body, labels, series, top, colours, fm)
        else:
            _line(p, body, labels, series, top, colours, fm)
    finally:
        p.restore()


def _series_colour(colours: ChartColours, s: int) -> QColor:
    return colours.bar if s == 0 else colours.bar_previous


def _legend(
    p: QPainter, r: QRectF, names: list[str], colours: ChartColours, fm: QFontMetricsF
) -> None:
    x = r.left()
    box = fm.height() * 0.7
    for s, name in enumerate(names):
        p.fillRect(
            QRectF(x, r.top() + (r.height() - box) / 2, box, box), _series_colour(colours, s)
        )
        x += box + fm.height() * 0.3
        p.setPen(colours.text)
        w = fm.horizontalAdvance(name)
        p.drawText(QRectF(x, r.top(), w + 2, r.height()), Qt.AlignmentFlag.AlignVCenter, name)
        x += w + fm.height()


def _hidden(
    p: QPainter, r: QRectF, colours: ChartColours, align: Qt.AlignmentFlag, cell: object = None
) -> None:
    """Words where a hidden count would be drawn: "< 5", or "x" for one hidden to protect another."""
    text = getattr(cell, "text", None)
    p.setPen(colours.muted)
    p.drawText(
        r, align | Qt.AlignmentFlag.AlignVCenter, str(text()) if callable(text) else HIDDEN_TEXT
    )


def _hbars(
    p: QPainter,
    r: QRectF,
    labels: list[str],
    series: list[list[CellLike | None]],
    top: int,
    colours: ChartColours,
    fm: QFontMetricsF,
) -> None:
    label_w = min(
        r.width() * 0.35, max(fm.horizontalAdvance(t) for t in labels) + fm.height() * 0.5
    )
    value_w = fm.horizontalAdvance("00000") + fm.height() * 0.3
    plot = QRectF(r.left() + label_w, r.top(), r.width() - label_w - value_w, r.height())
    n = len(labels)
    band = r.height() / n
    thick = min(band * 0.8 / len(series), fm.height() * 1.2)
    p.setPen(QPen(colours.grid, 1))
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
    for i, label in enumerate(labels):
        y0 = r.top() + i * band + (band - thick * len(series)) / 2
        p.setPen(colours.text)
        p.drawText(
            QRectF(r.left(), r.top() + i * band, label_w - fm.height() * 0.3, band),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _elide(fm, label, label_w - fm.height() * 0.3),
        )
        for s, cells in enumerate(series):
            cell = cells[i]
            y = y0 + s * thick
            if cell is None:
                continue
            if cell.hidden:
                _hidden(
                    p,
                    QRectF(plot.left() + 4, y, value_w * 2, thick),
                    colours,
                    Qt.AlignmentFlag.AlignLeft,
                    cell,
                )
                continue
            w = plot.width() * cell.value / top
            p.fillRect(QRectF(plot.left(), y + 1, w, thick - 2), _series_colour(colours, s))
            p.setPen(colours.text)
            p.drawText(
                QRectF(plot.left() + w + 4, y, value_w * 2, thick),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(cell.value),
            )


def _bars(
    p: QPainter,
    r: QRectF,
    labels: list[str],
    series: list[list[CellLike | None]],
    top: int,
    colours: ChartColours,
    fm: QFontMetricsF,
) -> None:
    label_h = fm.height() * 1.3
    value_h = fm.height() * 1.2
    plot = QRectF(r.left(), r.top() + value_h, r.width(), r.height() - label_h - value_h)
    n = len(labels)
    band = plot.width() / n
    thick = band * 0.75 / len(series)
    p.setPen(QPen(colours.grid, 1))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    for i, label in enumerate(labels):
        x0 = plot.left() + i * band + (band - thick * len(series)) / 2
        p.setPen(colours.text)
        p.drawText(
            QRectF(plot.left() + i * band, plot.bottom(), band, label_h),
            Qt.AlignmentFlag.AlignCenter,
            _elide(fm, label, band - 2),
        )
        for s, cells in enumerate(series):
            cell = cells[i]
            x = x0 + s * thick
            if cell is None:
                continue
            if cell.hidden:
                _hidden(
                    p,
                    QRectF(x - thick, plot.bottom() - value_h, thick * 3, value_h),
                    colours,
                    Qt.AlignmentFlag.AlignHCenter,
                    cell,
                )
                continue
            h = plot.height() * cell.value / top
            p.fillRect(QRectF(x + 1, plot.bottom() - h, thick - 2, h), _series_colour(colours, s))
            p.setPen(colours.text)
            p.drawText(
                QRectF(x - thick, plot.bottom() - h - value_h, thick * 3, value_h),
                Qt.AlignmentFlag.AlignCenter,
                str(cell.value),
            )


def _line(
    p: QPainter,
    r: QRectF,
    labels: list[str],
    series: list[list[CellLike | None]],
    top: int,
    colours: ChartColours,
    fm: QFontMetricsF,
) -> None:
    label_h = fm.height() * 1.3
    axis_w = fm.horizontalAdvance(str(top)) + fm.height() * 0.5
    plot = QRectF(
        r.left() + axis_w,
        r.top() + fm.height() * 0.6,
        r.width() - axis_w - fm.height(),
        r.height() - label_h - fm.height() * 0.6,
    )
    n = len(labels)
    step = plot.width() / max(1, n - 1)
    p.setPen(QPen(colours.grid, 1))
    for k in range(5):
        y = plot.bottom() - plot.height() * k / 4
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(colours.muted)
        p.drawText(
            QRectF(r.left(), y - fm.height() / 2, axis_w - 4, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(top * k // 4),
        )
        p.setPen(QPen(colours.grid, 1))
    every = max(1, int(fm.horizontalAdvance(max(labels, key=len)) * 1.3 // max(step, 1)) + 1)
    p.setPen(colours.text)
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = plot.left() + i * step
        p.drawText(
            QRectF(x - step * every / 2, plot.bottom(), step * every, label_h),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
    for s, cells in reversed(list(enumerate(series))):
        colour = _series_colour(colours, s)
        pen = QPen(colour, max(1.5, fm.height() / 8))
        if s:
            pen.setStyle(Qt.PenStyle.DashLine)
        path = QPainterPath()
        drawing = False
        for i, cell in enumerate(cells):
            x = plot.left() + i * step
            if cell is None or cell.hidden:
                drawing = False  # a gap: a hidden week is not drawn as any height
                if cell is not None and s == 0:
                    _hidden(
                        p,
                        QRectF(x - step, plot.bottom() - fm.height() * 1.2, step * 2, fm.height()),
                        colours,
                        Qt.AlignmentFlag.AlignHCenter,
                        cell,
                    )
                continue
            pt = QPointF(x, plot.bottom() - plot.height() * cell.value / top)
            if drawing:
                path.lineTo(pt)
            else:
                path.moveTo(pt)
                drawing = True
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            dot = pen.widthF() * 1.6
            p.drawEllipse(pt, dot, dot)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(pen)
        p.drawPath(path)


class ChartWidget(QWidget):
    """A table's chart on screen, in the current theme's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: TableLike | None = None
        self._lang = "sv"
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_table(self, table: TableLike | None, lang: str) -> None:
        self._table = table
        self._lang = lang
        self.setVisible(table is not None and chart_kind(table) is not None)
        self.update()

    def paintEvent(self, event: object) -> None:
        if self._table is None:
            return
        p = QPainter(self)
        try:
            paint_chart(
                p,
                QRectF(self.rect()).adjusted(8, 8, -8, -8),
                self._table,
                self._lang,
                ChartColours.from_qpalette(self.palette()),
            )
        finally:
            p.end()
