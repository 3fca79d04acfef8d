"""The lägesrapport: the area's situation for a period, as data and as self-contained HTML.

Plain inputs in (usage rows, report summaries, open problems, guides published, the
freshness table), so the same report is built on the office machine, in tests and in the
benchmark. :func:`to_html` writes one HTML file with inline SVG charts and print CSS (page
breaks between sections); the PDF is drawn from the same :class:`Lagesrapport` by the GUI.
Every count about people goes through :mod:`kompassen.core.suppression`; charts draw a
hidden count as a marked "< 5" stub of fixed height, never as its value.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kompassen.catalogue.store.history import HistoryRow
from kompassen.core.suppression import Cell, suppress_line
from kompassen.office.inbox.model import ReportSummary
from kompassen.office.stats.model import Period, StatsFilter, rule_text
from kompassen.office.stats.tables import (
    COUNT,
    TOTAL,
    Label,
    Labels,
    StatsRow,
    StatsTable,
    UsageRow,
    statistics,
)

#: open problems by age (days since they occurred): (key, sv, en, upper bound or None)
AGE_BUCKETS: tuple[tuple[str, str, str, int | None], ...] = (
    ("0-7d", "Under en vecka", "Under a week", 7),
    ("1-4w", "1–4 veckor", "1–4 weeks", 28),
    ("1-3m", "1–3 månader", "1–3 months", 91),
    ("3m+", "Över 3 månader", "Over 3 months", None),
)
#: the order of the statistics tables in the report (the view may show others first)
REPORT_ORDER = (
    "reports_by_kind",
    "reports_by_week",
    "reports_by_place",
    "reports_by_need",
    "handovers_by_place",
    "handovers_by_service",
    "handovers_by_chip",
    "zero_by_combo",
    "zero_by_word",
    "searches_by_chip",
    "views_by_service",
)
MAX_CHART_BARS = 15
MAX_TABLE_ROWS = 40


@dataclass(frozen=True, slots=True)
class GuidePublished:
    """A guide (lösning) published in the period."""

    key: str
    title: Label
    day: str  # YYYY-MM-DD


def guides_from_history(rows: Iterable[HistoryRow], period: Period) -> list[GuidePublished]:
    """The guides created in the period, from the office's change history (``read_history(conn,
    area_id, "guides")``): one per guide, its first ``create`` row; a guide deleted again since
    is left out. The title is the one the guide was created with."""
    lo, hi = period.iso()
    made: dict[str, GuidePublished] = {}
    deleted: set[str] = set()
    for r in rows:
        if r.kind != "guides" or r.field != "":
            continue
        if r.action == "delete":
            deleted.add(r.record_key)
        elif r.action == "create" and r.record_key not in made:
            deleted.discard(r.record_key)
            rec = r.replacement if isinstance(r.replacement, dict) else {}
            raw = rec.get("title")
            title: dict[str, Any] = raw if isinstance(raw, dict) else {}
            sv = str(title.get("sv") or r.record_key)
            made[r.record_key] = GuidePublished(
                r.record_key, (sv, str(title.get("en") or sv)), r.updated_at[:10]
            )
    return sorted(
        (g for k, g in made.items() if k not in deleted and lo <= g.day <= hi),
        key=lambda g: (g.day, g.key),
    )


@dataclass(slots=True)
class Lagesrapport:
    """Everything the lägesrapport shows, already suppressed."""

    area: Label
    area_id: str
    period: Period
    previous: Period | None
    tables: list[StatsTable]
    open_problems: StatsTable
    guides_published: list[GuidePublished]
    freshness: StatsTable
    generated_at: datetime
    threshold: int
    rule: Label = field(default=("", ""))

    def table(self, key: str) -> StatsTable | None:
        return next((t for t in self.tables if t.key == key), None)


def open_problems_table(
    problems: Iterable[ReportSummary], today: date, threshold: int
) -> StatsTable:
    """Open unsolved problems by age (a partition: the secondary rule applies)."""
    counts = [0] * len(AGE_BUCKETS)
    for p in problems:
        age = (today - date.fromisoformat(p.occurred_at[:10])).days
        for i, (_k, _sv, _en, limit) in enumerate(AGE_BUCKETS):
            if limit is None or age < limit:
                counts[i] += 1
                break
    cells, total = suppress_line(counts, threshold)
    rows = tuple(
        StatsRow(k, (sv, en), (c,)) for (k, sv, en, _l), c in zip(AGE_BUCKETS, cells, strict=True)
    )
    return StatsTable(
        "open_problems",
        ("Öppna olösta problem efter ålder", "Open unsolved problems by age"),
        (COUNT,),
        rows,
        StatsRow("", TOTAL, (total,)),
        "bar",
    )


def build(
    *,
    area: Label,
    f: StatsFilter,
    usage: Iterable[UsageRow],
    previous_usage: Iterable[UsageRow],
    reports: Sequence[ReportSummary],
    previous_reports: Sequence[ReportSummary],
    open_problems: Sequence[ReportSummary],
    guides_published: Sequence[GuidePublished],
    freshness: StatsTable,
    labels: Labels,
    now: datetime,
) -> Lagesrapport:
    """The report of ``f``'s area and period (``now``: when it was made, from the clock)."""
    tables = {
        t.key: t for t in statistics(usage, previous_usage, reports, previous_reports, f, labels)
    }
    ordered = [tables[k] for k in REPORT_ORDER if k in tables]
    ordered += [t for k, t in tables.items() if k not in REPORT_ORDER]
    lo, hi = f.period.iso()
    guides = sorted(
        (g for g in guides_published if lo <= g.day <= hi), key=lambda g: (g.day, g.key)
    )
    return Lagesrapport(
        area=area,
        area_id=f.area_id,
        period=f.period,
        previous=f.period.previous() if f.compare else None,
        tables=ordered,
        open_problems=open_problems_table(
            [p for p in open_problems if p.area_id == f.area_id], now.date(), f.threshold
        ),
        guides_published=guides,
        freshness=freshness,
        generated_at=now,
        threshold=f.threshold,
        rule=(rule_text(f.threshold, "sv"), rule_text(f.threshold, "en")),
    )


# ------------------------------------------------------------------------------- HTML

_T = {
    "title": ("Lägesrapport", "Situation report"),
    "period": ("Period", "Period"),
    "previous": ("Jämförs med", "Compared with"),
    "generated": ("Skapad", "Generated"),
    "rule": ("Om siffrorna", "About the numbers"),
    "guides": ("Publicerade lösningar", "Guides published"),
    "no_guides": (
        "Inga lösningar publicerades under perioden.",
        "No guides were published in the period.",
    ),
    "empty": ("Inget att visa för perioden.", "Nothing to show for the period."),
    "more": (
        "… och {n} rader till (se CSV-exporten).",
        "… and {n} more rows (see the CSV export).",
    ),
    "chart_top": ("Diagrammet visar de {n} första raderna.", "The chart shows the first {n} rows."),
    "contents": ("Innehåll", "Contents"),
    "hidden": ("dold", "hidden"),
}

_CSS = """
:root { --ink:#1d2733; --muted:#5b6673; --line:#d5dbe1; --bar:#2f6f9f; --hid:#b9c2cc; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink);
       margin: 2em auto; max-width: 60em; line-height: 1.4; padding: 0 1em; }
h1 { font-size: 1.7em; margin: 0 0 .2em; } h2 { font-size: 1.25em; margin: 1.6em 0 .4em; }
.meta { color: var(--muted); margin: 0 0 1em; }
.rule { border-left: 4px solid var(--bar); padding: .4em .8em; background: #f2f6f9; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: .92em; }
th, td { border-bottom: 1px solid var(--line); padding: .25em .5em; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
td.hidden { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: .88em; }
svg { display: block; max-width: 100%; height: auto; margin: .3em 0; }
section { break-inside: avoid-page; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  section.page { break-before: page; page-break-before: always; }
  section, table, svg { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 18mm 16mm; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _cell_text(cell: Cell, threshold: int, signed: bool) -> str:
    if cell.hidden:
        return _e(cell.text(threshold))
    return f"{cell.value:+d}" if signed and cell.value else str(cell.value)


def _table_html(t: StatsTable, i: int, threshold: int) -> str:
    cols = "".join(f'<th class="n">{_e(c[i])}</th>' for c in t.columns)
    signed = [c[1] == "Change" for c in t.columns]
    out = [f"<table><thead><tr><th>{_e(('Rad', 'Row')[i])}</th>{cols}</tr></thead><tbody>"]
    if not t.rows:
        out.append(f'<tr><td colspan="{len(t.columns) + 1}">{_e(_T["empty"][i])}</td></tr>')

    def line(row: StatsRow, cls: str = "") -> str:
        tds = "".join(
            f'<td class="n{" hidden" if c.hidden else ""}">{_cell_text(c, threshold, s)}</td>'
            for c, s in zip(row.cells, signed, strict=True)
        )
        return f"<tr{f' class={cls!r}' if cls else ''}><td>{_e(row.label[i])}</td>{tds}</tr>"

    for row in t.rows[:MAX_TABLE_ROWS]:
        out.append(line(row))
    if t.total is not None:
        out.append(line(t.total, "total"))
    out.append("</tbody></table>")
    if len(t.rows) > MAX_TABLE_ROWS:
        more = _T["more"][i].format(n=len(t.rows) - MAX_TABLE_ROWS)
        out.append(f'<p class="note">{_e(more)}</p>')
    return "".join(out)


def bar_svg(t: StatsTable, i: int, threshold: int) -> str:
    """Horizontal bars of the first column; a hidden count is a hatched stub marked "< n"."""
    rows = t.rows[:MAX_CHART_BARS]
    if not rows:
        return ""
    label_w, bar_w, row_h = 230, 380, 22
    h = row_h * len(rows) + 10
    top = max((r.cells[0].value for r in rows if not r.cells[0].hidden), default=0)
    top = max(top, threshold)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 60} {h}" '
        f'width="{label_w + bar_w + 60}" height="{h}" role="img" aria-label="{_e(t.title[i])}">',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e7ebef"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#b9c2cc" stroke-width="3"/></pattern></defs>',
    ]
    for n, row in enumerate(rows):
        y = 5 + n * row_h
        c = row.cells[0]
        label = row.label[i] if len(row.label[i]) <= 34 else row.label[i][:33] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="#1d2733">{_e(label)}</text>'
        )
        if c.hidden:
            parts.append(
                f'<rect x="{label_w}" y="{y + 3}" width="24" height="{row_h - 6}" fill="url(#hatch)"/>'
                f'<text x="{label_w + 30}" y="{y + 15}" font-size="12" fill="#5b6673">{_e(c.text(threshold))}</text>'
            )
        else:
            w = max(1, round(bar_w * c.value / top))
            parts.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="#2f6f9f"/>'
                f'<text x="{label_w + w + 6}" y="{y + 15}" font-size="12" fill="#1d2733">{c.value}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def line_svg(t: StatsTable, i: int, threshold: int) -> str:
    """A line over the rows (ISO weeks); hidden points break the line and sit on a grey band
    below the threshold, marked "< n"."""
    rows = t.rows
    if not rows:
        return ""
    w, h, left, bottom, top_pad = 640, 220, 40, 40, 14
    plot_w, plot_h = w - left - 14, h - bottom - top_pad
    top = max([r.cells[0].value for r in rows if not r.cells[0].hidden] + [threshold])
    step = plot_w / max(1, len(rows) - 1)

    def y_of(v: float) -> float:
        return top_pad + plot_h - plot_h * v / top

    band_y = y_of(threshold)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'role="img" aria-label="{_e(t.title[i])}">',
        f'<rect x="{left}" y="{band_y:.1f}" width="{plot_w}" height="{top_pad + plot_h - band_y:.1f}" '
        'fill="#eef1f4"/>',
        f'<text x="{left - 4}" y="{band_y + 4:.1f}" text-anchor="end" font-size="11" '
        f'fill="#5b6673">{threshold}</text>',
        f'<text x="{left - 4}" y="{y_of(top) + 4:.1f}" text-anchor="end" font-size="11" '
        f'fill="#5b6673">{top}</text>',
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" '
        'stroke="#5b6673"/>',
    ]
    segment: list[str] = []
    segments: list[list[str]] = []
    for n, row in enumerate(rows):
        x = left + n * step if len(rows) > 1 else left + plot_w / 2
        c = row.cells[0]
        if c.hidden:
            if segment:
                segments.append(segment)
                segment = []
            if c.secondary:  # not small, only hidden: a marked gap on the axis, not in the band
                parts.append(
                    f'<text x="{x:.1f}" y="{band_y - 6:.1f}" text-anchor="middle" font-size="11" '
                    f'fill="#5b6673">{_e(c.text(threshold))}</text>'
                )
            else:
                yy = (band_y + top_pad + plot_h) / 2
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" fill="white" stroke="#8b96a1"/>'
                )
        else:
            yy = y_of(c.value)
            segment.append(f"{x:.1f},{yy:.1f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3.5" fill="#2f6f9f"/>')
        if len(rows) <= 16 or n % max(1, len(rows) // 12) == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{h - bottom + 16}" text-anchor="middle" font-size="10" '
                f'fill="#5b6673">{_e(row.key.split("-")[-1])}</text>'
            )
    if segment:
        segments.append(segment)
    for s in segments:
        if len(s) > 1:
            parts.append(
                f'<polyline points="{" ".join(s)}" fill="none" stroke="#2f6f9f" stroke-width="2"/>'
            )
    parts.append(
        f'<text x="{left}" y="{h - 6}" font-size="10" fill="#5b6673">'
        f"{_e(('Grått fält: under ', 'Grey band: below ')[i])}{threshold} "
        f"{_e(('(dolt, visas som ', '(hidden, shown as ')[i])}&lt; {threshold})</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _section(t: StatsTable, i: int, threshold: int, page: bool = False) -> str:
    chart = ""
    if t.chart == "line":
        chart = line_svg(t, i, threshold)
    elif t.chart == "bar":
        chart = bar_svg(t, i, threshold)
        if len(t.rows) > MAX_CHART_BARS:
            chart += f'<p class="note">{_e(_T["chart_top"][i].format(n=MAX_CHART_BARS))}</p>'
    note = f'<p class="note">{_e(t.note[i])}</p>' if t.note else ""
    cls = ' class="page"' if page else ""
    return (
        f'<section{cls} id="{_e(t.key)}"><h2>{_e(t.title[i])}</h2>{chart}'
        f"{_table_html(t, i, threshold)}{note}</section>"
    )


def to_html(rep: Lagesrapport, lang: str = "sv") -> str:
    """The report as one self-contained HTML page (no external files, prints on A4)."""
    i = 1 if lang == "en" else 0
    th = rep.threshold
    title = f"{_T['title'][i]}: {rep.area[i]}"
    meta = [f"{_T['period'][i]}: {rep.period.label(lang)}"]
    if rep.previous is not None:
        meta.append(f"{_T['previous'][i]}: {rep.previous.label(lang)}")
    meta.append(f"{_T['generated'][i]}: {rep.generated_at.strftime('%Y-%m-%d %H:%M')}")
    sections = [
        _section(rep.open_problems, i, th),
    ]
    if rep.guides_published:
        items = "".join(f"<li>{_e(g.day)} — {_e(g.title[i])}</li>" for g in rep.guides_published)
        guides = f"<ul>{items}</ul>"
    else:
        guides = f"<p>{_e(_T['no_guides'][i])}</p>"
    sections.append(f'<section id="guides"><h2>{_e(_T["guides"][i])}</h2>{guides}</section>')
    for n, t in enumerate(rep.tables):
        sections.append(_section(t, i, th, page=n == 0))
    sections.append(_section(rep.freshness, i, th, page=True))
    contents = "".join(
        f'<li><a href="#{_e(t.key)}">{_e(t.title[i])}</a></li>'
        for t in [rep.open_problems, *rep.tables, rep.freshness]
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if i else "sv"}"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><p class="meta">{"<br>".join(_e(m) for m in meta)}</p>'
        f'<p class="rule"><strong>{_e(_T["rule"][i])}:</strong> {_e(rep.rule[i])}</p>'
        f"<nav><h2>{_e(_T['contents'][i])}</h2><ol>{contents}</ol></nav></header>"
        f"{''.join(sections)}</body></html>\n"
    )
