"""The lägesrapport PDF: A4 pages that poppler renders, page numbers, "< 5" and never a small count."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kompassen.gui.office.stats.charts import PAPER, chart_kind, paint_chart
from kompassen.gui.office.stats.pdf import write_pdf

from .stats_fakes import report, searches, services, weeks

pytestmark = pytest.mark.usefixtures("qapp")


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_pages_render_and_hide_small_counts(tmp_path: Path, lang: str) -> None:
    rep = report()
    pdf = tmp_path / "lagesrapport.pdf"
    pages = write_pdf(rep, pdf, lang)
    assert pages > 1
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == pages
    if shutil.which("pdftotext") is None:
        return
    text = _text(pdf)
    word = "Sida" if lang == "sv" else "Page"
    of = "av" if lang == "sv" else "of"
    assert f"{word} 1 {of} {pages}" in text
    assert f"{word} {pages} {of} {pages}" in text
    assert "< 5" in text
    assert ("Lägesrapport" if lang == "sv" else "Situation report") in text
    assert ("Innehåll" if lang == "sv" else "Contents") in text
    # every table line: label, then counts; no count (or change) below 5 is printed as a number
    labels = [r.label[1 if lang == "en" else 0] for t in rep.tables for r in t.rows]
    seen = 0
    for line in text.splitlines():
        name = next((lab for lab in labels if line.strip().startswith(lab + " ")), None)
        if name is None or "—" in line:
            continue
        rest = line.strip()[len(name) :]
        numbers = [int(n) for n in re.findall(r"(?<![<\w])-?\d+", rest.replace("< 5", ""))]
        if not numbers:
            continue
        seen += 1
        assert all(n >= 5 for n in numbers[:2]), line  # the counts (a change may be small)
    assert seen >= 10


def test_charts_paint_every_kind_and_never_a_hidden_length(qapp: object) -> None:
    assert chart_kind(searches()) == "bar"
    assert chart_kind(services()) == "hbar"
    assert chart_kind(weeks()) == "line"
    for table in (searches(), services(), weeks()):
        img = QImage(800, 320, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        paint_chart(p, QRectF(0, 0, 800, 320), table, "sv", PAPER)
        p.end()
        accent = PAPER.bar.rgb()
        assert any(img.pixel(x, y) == accent for x in range(0, 800, 3) for y in range(0, 320, 3))
