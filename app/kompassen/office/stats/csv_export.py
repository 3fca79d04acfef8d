"""A statistics table as CSV, with the filters that were on and the suppression rule.

The header lines start with ``# `` so a spreadsheet shows them as text rows and a script can
skip them; hidden counts are written as ``< 5`` exactly as on screen, never as numbers.
"""

from __future__ import annotations

import csv
import io

from kompassen.core.suppression import Cell
from kompassen.office.stats.model import StatsFilter
from kompassen.office.stats.tables import CHANGE, StatsTable


def _text(cell: Cell, threshold: int, signed: bool) -> str:
    if cell.hidden:
        return cell.text(threshold)
    return f"{cell.value:+d}" if signed and cell.value else str(cell.value)


def _safe(text: str) -> str:
    """A name a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(table: StatsTable, f: StatsFilter, lang: str = "sv") -> str:
    """The table as CSV text (comma separated, one header row of column names)."""
    i = 1 if lang == "en" else 0
    out = io.StringIO()
    out.write(f"# {table.title[i]}\n")
    for line in f.words(lang):
        out.write(f"# {line}\n")
    if table.note is not None:
        out.write(f"# {table.note[i]}\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["kod" if i == 0 else "code", "namn" if i == 0 else "name", *(c[i] for c in table.columns)]
    )
    change = [c == CHANGE for c in table.columns]
    for row in table.rows:
        w.writerow(
            [
                row.key,
                _safe(row.label[i]),
                *(_text(c, f.threshold, s) for c, s in zip(row.cells, change, strict=True)),
            ]
        )
    if table.total is not None:
        t = table.total
        w.writerow(
            [
                "",
                t.label[i],
                *(_text(c, f.threshold, s) for c, s in zip(t.cells, change, strict=True)),
            ]
        )
    return out.getvalue()
