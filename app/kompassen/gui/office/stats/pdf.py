"""The lägesrapport as a PDF: QPdfWriter, A4, the same tables and charts as the HTML.

Painted with QPainter (charts from :mod:`.charts`), so it needs no network, no browser and no
QtWebEngine: the same input gives the same pages offline. Pages are laid out first and then
painted, so every page can say "Sida 1 av N". Hidden counts are written "< 5", never as a
number, and the suppression rule is stated on the title page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kompassen.core.errors import KompassenError
from kompassen.gui.office.stats.charts import PAPER, TableLike, chart_kind, paint_chart

RESOLUTION = 150  # dots per inch of the page's coordinates
CHART_HEIGHT_MM = 70.0

WORDS = {
    "title": ("Lägesrapport", "Situation report"),
    "area": ("Område", "Area"),
    "period": ("Period", "Period"),
    "previous": ("Jämförs med", "Compared with"),
    "generated": ("Skapad", "Generated"),
    "rule": ("Regel", "Rule"),
    "page": ("Sida {n} av {total}", "Page {n} of {total}"),
    "none": ("Inga uppgifter för perioden.", "No figures for the period."),
    "guides": ("Publicerade lösningar", "Guides published"),
    "contents": ("Innehåll", "Contents"),
    "no_guides": (
        "Inga lösningar publicerades under perioden.",
        "No guides were published in the period.",
    ),
    "default_rule": (
        "Antal under 5 visas som ”< 5”, och fler celler döljs så att de inte kan räknas fram "
        "ur summorna. Skillnader och andelar döljs när någon sida är dold.",
        "Counts below 5 are shown as “< 5”, and more cells are hidden so that they cannot be "
        "worked out from the totals. Changes and shares are hidden when either side is hidden.",
    ),
}


class _Cell(Protocol):
    def text(self) -> str: ...


def _w(key: str, lang: str) -> str:
    sv, en = WORDS[key]
    return en if lang == "en" else sv


def _pick(value: Any, lang: str) -> str:
    """A (sv, en) pair, a {"sv","en"} mapping or plain text, in ``lang``."""
    if value is None:
        return ""
    if (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(isinstance(v, str) for v in value)
    ):
        return str(value[1] if lang == "en" and value[1] else value[0])
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("sv") or "")
    return str(value)


def _period_text(period: Any) -> str:
    if period is None:
        return ""
    start, end = getattr(period, "start", None), getattr(period, "end", None)
    if isinstance(start, date) and isinstance(end, date):
        return f"{start.isoformat()} – {end.isoformat()}"
    return str(period)


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


def _cell_text(cell: Any) -> str:
    text = getattr(cell, "text", None)
    if callable(text):
        return str(text())
    return "< 5" if getattr(cell, "hidden", False) else str(getattr(cell, "value", ""))


def report_tables(rep: Any) -> list[TableLike]:
    """Every table of the report, in the order they are printed."""
    out: list[TableLike] = list(getattr(rep, "tables", []) or [])
    for name in ("open_problems", "freshness"):
        extra = getattr(rep, name, None)
        if extra is None:
            continue
        if isinstance(extra, list | tuple):
            out.extend(t for t in extra if hasattr(t, "rows"))
        elif hasattr(extra, "rows"):
            out.append(extra)
    return out


@dataclass(slots=True)
class _Block:
    """A piece of a page: its height, and how to paint it with its top at ``y``."""

    height: float
    paint: Callable[[QPainter, float], None]
    keep_with_next: bool = False


class _Layout:
    """Fonts and sizes on the PDF device."""

    def __init__(self, writer: QPdfWriter) -> None:
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.body = QFont("DejaVu Sans")
        self.body.setPointSizeF(9.5)
        self.small = QFont(self.body)
        self.small.setPointSizeF(8.0)
        self.bold = QFont(self.body)
        self.bold.setBold(True)
        self.h1 = QFont(self.body)
        self.h1.setPointSizeF(22)
        self.h1.setBold(True)
        self.h2 = QFont(self.body)
        self.h2.setPointSizeF(13)
        self.h2.setBold(True)
        self.mm = RESOLUTION / 25.4

    def metrics(self, f: QFont, writer: QPdfWriter) -> QFontMetricsF:
        return QFontMetricsF(f, writer)


def _text_block(
    lay: _Layout, writer: QPdfWriter, text: str, font: QFont, *, gap: float = 0.0
) -> _Block:
    fm = lay.metrics(font, writer)
    r = fm.boundingRect(QRectF(0, 0, lay.width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    h = r.height() + gap

    def paint(p: QPainter, y: float) -> None:
        p.setFont(font)
        p.setPen(PAPER.text)
        p.drawText(QRectF(0, y, lay.width, r.height() + 1), int(Qt.TextFlag.TextWordWrap), text)

    return _Block(h, paint)


def _table_blocks(lay: _Layout, writer: QPdfWriter, table: TableLike, lang: str) -> list[_Block]:
    """The table as one block per row (a long table goes on over pages), then its chart."""
    i = 1 if lang == "en" else 0
    fm = lay.metrics(lay.body, writer)
    row_h = fm.height() * 1.5
    ncol = len(table.columns)
    label_w = lay.width * (0.43 if ncol > 2 else 0.6)
    col_w = (lay.width - label_w) / max(1, ncol)
    blocks = [_text_block(lay, writer, _pick(table.title, lang), lay.h2, gap=lay.mm * 2)]
    blocks[0].keep_with_next = True
    note = getattr(table, "note", None)
    if note:
        blocks.append(_text_block(lay, writer, _pick(note, lang), lay.small, gap=lay.mm * 2))
        blocks[-1].keep_with_next = True

    def line(cells: Sequence[str], font: QFont, shade: bool, lines: float = 1.0) -> _Block:
        height = row_h * lines
        wrap = int(Qt.TextFlag.TextWordWrap) if lines > 1 else 0

        def paint(p: QPainter, y: float) -> None:
            if shade:
                p.fillRect(QRectF(0, y, lay.width, height), PAPER.grid.lighter(150))
            p.setFont(font)
            p.setPen(PAPER.text)
            left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            pad = lay.mm
            p.drawText(
                QRectF(pad, y, label_w - 2 * pad, height),
                left,
                fm.elidedText(cells[0], Qt.TextElideMode.ElideRight, label_w - 2 * pad),
            )
            for c, text in enumerate(cells[1:]):
                p.drawText(
                    QRectF(label_w + c * col_w, y, col_w - pad, height), int(right) | wrap, text
                )
            p.setPen(PAPER.grid)
            p.drawLine(0, int(y + height), int(lay.width), int(y + height))

        return _Block(height, paint)

    header = line(["", *(_pick(c, lang) for c in table.columns)], lay.bold, True, 1.7)
    header.keep_with_next = True
    blocks.append(header)
    if not table.rows:
        blocks.append(_text_block(lay, writer, _w("none", lang), lay.body))
    for row in table.rows:
        blocks.append(
            line(
                [row.label[i] or row.label[0], *(_cell_text(c) for c in row.cells)], lay.body, False
            )
        )
    total = getattr(table, "total", None)
    if total is not None:
        blocks.append(
            line(
                [total.label[i] or total.label[0], *(_cell_text(c) for c in total.cells)],
                lay.bold,
                True,
            )
        )
    if chart_kind(table) is not None:
        h = CHART_HEIGHT_MM * lay.mm

        def chart(p: QPainter, y: float) -> None:
            paint_chart(
                p, QRectF(0, y + lay.mm * 3, lay.width, h), table, lang, PAPER, font=lay.small
            )

        blocks.append(_Block(h + lay.mm * 3, chart))
    blocks.append(_Block(lay.mm * 8, lambda p, y: None))
    return blocks


def _guides_blocks(lay: _Layout, writer: QPdfWriter, rep: Any, lang: str) -> list[_Block]:
    """The guides (lösningar) published in the period, one a line: day and title."""
    guides = [g for g in getattr(rep, "guides_published", None) or [] if not hasattr(g, "rows")]
    if getattr(rep, "guides_published", None) is None:
        return []
    head = _text_block(lay, writer, _w("guides", lang), lay.h2, gap=lay.mm * 2)
    head.keep_with_next = True
    blocks = [head]
    if not guides:
        blocks.append(_text_block(lay, writer, _w("no_guides", lang), lay.body, gap=lay.mm))
    for g in guides:
        line = f"{getattr(g, 'day', '')}  {_pick(getattr(g, 'title', ''), lang)}"
        blocks.append(_text_block(lay, writer, line, lay.body, gap=lay.mm))
    blocks.append(_Block(lay.mm * 8, lambda p, y: None))
    return blocks


def _contents_blocks(
    lay: _Layout,
    writer: QPdfWriter,
    heads: list[tuple[str, _Block]],
    page_of: dict[int, int],
    lang: str,
) -> list[_Block]:
    """Innehåll: one line per section with its page (known once the pages are laid out)."""
    fm = lay.metrics(lay.body, writer)
    line_h = fm.height() * 1.35
    blocks = [
        _Block(lay.mm * 8, lambda p, y: None),
        _text_block(lay, writer, _w("contents", lang), lay.bold, gap=lay.mm),
    ]
    for title, first in heads:

        def paint(p: QPainter, y: float, title: str = title, first: _Block = first) -> None:
            p.setFont(lay.body)
            p.setPen(PAPER.text)
            r = QRectF(0, y, lay.width, line_h)
            p.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
            page = page_of.get(id(first))
            if page is not None:
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                p.drawText(r, right, str(page))

        blocks.append(_Block(line_h, paint))
    return blocks


def _title_page(lay: _Layout, writer: QPdfWriter, rep: Any, lang: str) -> list[_Block]:
    rule = getattr(rep, "rule", None) or getattr(rep, "rule_text", None) or WORDS["default_rule"]
    blocks = [
        _Block(lay.mm * 30, lambda p, y: None),
        _text_block(lay, writer, _w("title", lang), lay.h1, gap=lay.mm * 10),
    ]
    facts = [
        (_w("area", lang), _pick(getattr(rep, "area", ""), lang)),
        (_w("period", lang), _period_text(getattr(rep, "period", None))),
        (_w("previous", lang), _period_text(getattr(rep, "previous", None))),
        (_w("generated", lang), _when(getattr(rep, "generated_at", None))),
    ]
    for name, value in facts:
        if value:
            blocks.append(_text_block(lay, writer, f"{name}: {value}", lay.body, gap=lay.mm * 2))
    blocks.append(_Block(lay.mm * 6, lambda p, y: None))
    blocks.append(_text_block(lay, writer, _w("rule", lang), lay.bold, gap=lay.mm))
    blocks.append(_text_block(lay, writer, _pick(rule, lang), lay.body))
    return blocks


def _paginate(blocks: list[list[_Block]], page_h: float) -> list[list[tuple[_Block, float]]]:
    """Each group starts a new page; blocks flow over pages, a heading stays with what follows."""
    pages: list[list[tuple[_Block, float]]] = []
    for group in blocks:
        pages.append([])
        y = 0.0
        for k, b in enumerate(group):
            need = b.height
            j = k
            while group[j].keep_with_next and j + 1 < len(group):
                j += 1
                need += group[j].height
            if y + need > page_h and pages[-1]:
                pages.append([])
                y = 0.0
            pages[-1].append((b, y))
            y += b.height
    return pages


def write_pdf(rep: Any, path: Path, lang: str = "sv") -> int:
    """Write the lägesrapport ``rep`` (office.stats.lagesrapport.Lagesrapport) to ``path``.

    Returns the number of pages. Any thread: QPdfWriter and QPainter on an image-less device
    need no GUI thread. Raises KompassenError when the file cannot be written.
    """
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{_w('title', lang)} – {_pick(getattr(rep, 'area', ''), lang)}")
    writer.setCreator("Kompassen")
    lay = _Layout(writer)
    footer_h = lay.metrics(lay.small, writer).height() * 2
    sections: list[_Block] = []
    heads: list[tuple[str, _Block]] = []  # the contents: a section's title and its first block

    def add(blocks: list[_Block], title: str) -> None:
        if blocks:
            heads.append((title, blocks[0]))
            sections.extend(blocks)

    tables = report_tables(rep)
    for table in tables:
        if getattr(table, "key", "") == "freshness":
            add(_guides_blocks(lay, writer, rep, lang), _w("guides", lang))
        add(_table_blocks(lay, writer, table, lang), _pick(table.title, lang))
    if not any(getattr(t, "key", "") == "freshness" for t in tables):
        add(_guides_blocks(lay, writer, rep, lang), _w("guides", lang))
    page_of: dict[int, int] = {}
    title_page = _title_page(lay, writer, rep, lang)
    title_page.extend(_contents_blocks(lay, writer, heads, page_of, lang))
    pages = _paginate([title_page, sections], lay.height - footer_h)
    for n, page in enumerate(pages, start=1):
        for block, _y in page:
            page_of.setdefault(id(block), n)
    p = QPainter()
    if not p.begin(writer):
        raise KompassenError(
            sv=f"Lägesrapporten kunde inte skrivas till {path}.",
            en=f"The situation report could not be written to {path}.",
        )
    try:
        for n, page in enumerate(pages, start=1):
            if n > 1:
                writer.newPage()
            for block, y in page:
                block.paint(p, y)
            p.setFont(lay.small)
            p.setPen(PAPER.muted)
            p.drawText(
                QRectF(0, lay.height - footer_h / 2, lay.width, footer_h / 2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _w("page", lang).format(n=n, total=len(pages)),
            )
    finally:
        p.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise KompassenError(
            sv=f"Lägesrapporten kunde inte skrivas till {path}.",
            en=f"The situation report could not be written to {path}.",
        )
    return len(pages)
