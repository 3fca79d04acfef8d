"""Statistik: the office's counts for a period, as tables with "< 5" and a chart each.

Everything slow or stored happens on one worker (office.db through the inbox store, the
catalogue's labels through a read-only connection of its own, the tables, the CSV and the
lägesrapport files); the GUI thread only shows answers. Report tables need the area's key
(the reports are encrypted at rest): without it the page shows the usage tables and says so.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.store.db import connect_readonly
from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.core.errors import KompassenError
from kompassen.gui.office.stats.charts import ChartWidget
from kompassen.gui.workers.background import Background
from kompassen.office.inbox.store import InboxStore
from kompassen.office.stats import lagesrapport
from kompassen.office.stats.csv_export import to_csv
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.office.stats.tables import StatsTable, catalogue_labels, freshness, statistics

if TYPE_CHECKING:
    from kompassen.compose import AppContext
    from kompassen.gui.office.publish_page import KeyKeeper
    from kompassen.reports.keys import OfficeKeys

PERIODS = ("month", "last_month", "quarter", "year", "custom")


def period_for(
    choice: str, today: date, start: date | None = None, end: date | None = None
) -> Period:
    """The period a choice of the picker means on ``today`` (calendar months, quarters and
    years, so the previous period is the month, quarter or year before; custom: the dates)."""
    if choice == "month":
        return Period.month(today.year, today.month)
    if choice == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return Period.month(last.year, last.month)
    if choice == "quarter":
        return Period.quarter(today.year, (today.month - 1) // 3 + 1)
    if choice == "year":
        return Period.year(today.year)
    a, b = start or today, end or today
    return Period(min(a, b), max(a, b))


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _guides(reader: CatalogueReader, area_id: str) -> list[lagesrapport.GuidePublished]:
    """The area's guides with the day they were last saved as checked (the catalogue keeps no
    separate publish date; the lägesrapport lists those whose day is in the period)."""
    out = []
    for g in reader.guides(area_id):
        day = g.provenance.verified_at[:10]
        if len(day) == 10:
            title = (g.title.sv, g.title.en or g.title.sv)
            out.append(lagesrapport.GuidePublished(g.id, title, day))
    return out


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the worker answers with: the tables and whether the reports could be read."""

    tables: list[StatsTable]
    reports_read: bool


class _Data:
    """The worker's resource: office.db and a read-only catalogue, opened on first use there."""

    def __init__(self, office_db: Path, catalogue_db: Path) -> None:
        self.office_db = office_db
        self.catalogue_db = catalogue_db
        self._store: InboxStore | None = None
        self._conn: sqlite3.Connection | None = None
        self._unlocked = False

    def store(self, keys: OfficeKeys | None) -> InboxStore:
        if keys is None and self._store is not None and not self._store.locked:
            self._store.close()  # the key was forgotten: so is the decrypted index
            self._store = None
        if self._store is None:
            self.office_db.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._store = InboxStore(self.office_db)
        if keys is not None and self._store.locked:
            self._store.unlock(keys)
        return self._store

    def reader(self) -> CatalogueReader:
        if self._conn is None:
            self._conn = connect_readonly(self.catalogue_db)
        return CatalogueReader(self._conn)

    def load(self, f: StatsFilter, keys: OfficeKeys | None) -> Loaded:
        store = self.store(keys)
        p, q = f.period, f.period.previous()
        usage = store.usage_rows(f.area_id, p.start, p.end)
        prev = store.usage_rows(f.area_id, q.start, q.end) if f.compare else []
        read = keys is not None and not store.locked
        reports = store.summaries(f.area_id, p.start, p.end) if read else []
        prev_reports = store.summaries(f.area_id, q.start, q.end) if read and f.compare else []
        labels = catalogue_labels(self.reader(), f.area_id)
        tables = statistics(usage, prev, reports, prev_reports, f, labels)
        if not read:
            tables = [t for t in tables if not t.key.startswith("reports")]
        return Loaded(tables, read)

    def write_report(
        self, f: StatsFilter, keys: OfficeKeys | None, pdf: Path, now: datetime, lang: str
    ) -> Path:
        """Build the lägesrapport and write it as ``pdf`` and the same name ``.html``."""
        from kompassen.gui.office.stats.pdf import write_pdf

        store = self.store(keys)
        read = keys is not None and not store.locked
        reader = self.reader()
        area = reader.area(f.area_id)
        p, q = f.period, f.period.previous()
        rep = lagesrapport.build(
            area=(area.name, area.name),
            f=f,
            usage=store.usage_rows(f.area_id, p.start, p.end),
            previous_usage=store.usage_rows(f.area_id, q.start, q.end) if f.compare else [],
            reports=store.summaries(f.area_id, p.start, p.end) if read else [],
            previous_reports=store.summaries(f.area_id, q.start, q.end)
            if read and f.compare
            else [],
            open_problems=store.open_problems(f.area_id) if read else [],
            guides_published=_guides(reader, f.area_id),
            freshness=freshness(reader, f.area_id, now.date()),
            labels=catalogue_labels(reader, f.area_id),
            now=now,
        )
        if not read:
            rep.tables = [t for t in rep.tables if not t.key.startswith("reports")]
        write_pdf(rep, pdf, lang)
        try:
            pdf.with_suffix(".html").write_text(lagesrapport.to_html(rep, lang), encoding="utf-8")
        except OSError as exc:
            raise KompassenError(
                sv=f"HTML-filen kunde inte sparas ({exc.strerror}).",
                en=f"The HTML file could not be saved ({exc.strerror}).",
            ) from exc
        return pdf

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _TableBox(QGroupBox):
    """One table: its numbers ("< 5" for hidden ones), its chart and its CSV button."""

    export = Signal(object)  # the StatsTable

    def __init__(self, table: StatsTable, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(table.title[1] if lang == "en" else table.title[0], parent)
        self.table = table
        i = 1 if lang == "en" else 0
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels(["", *(c[i] for c in table.columns)])
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        for row in rows:
            name = QStandardItem(row.label[i] or row.label[0])
            name.setEditable(False)
            items = [name]
            for c in row.cells:
                item = QStandardItem(c.text())
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setEditable(False)
                items.append(item)
            model.appendRow(items)
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(self.title())
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = self.view.horizontalHeader().sizeHint().height() + 4
        height += sum(self.view.verticalHeader().sectionSize(r) for r in range(model.rowCount()))
        self.view.setFixedHeight(height)
        self.chart = ChartWidget(self)
        self.chart.set_table(table, lang)
        self.csv = QPushButton(self.tr("Exportera CSV"), self)
        self.csv.clicked.connect(lambda: self.export.emit(self.table))
        lay = QVBoxLayout(self)
        if table.note is not None:
            note = QLabel(table.note[i] or table.note[0], self)
            note.setWordWrap(True)
            lay.addWidget(note)
        side = QHBoxLayout()
        side.addWidget(self.view, 1, Qt.AlignmentFlag.AlignTop)
        side.addWidget(self.chart, 1)
        lay.addLayout(side)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv)
        lay.addLayout(buttons)


class StatsPage(QWidget):
    """Statistik: period picker, comparison, the tables with charts, CSV and Lägesrapport."""

    loaded = Signal()
    written = Signal(str)  # a file was written (its path)

    def __init__(
        self,
        ctx: AppContext,
        area_id: str,
        lang: str,
        keys: KeyKeeper | None,
        *,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area_id = area_id
        self.lang = lang
        self.keeper = keys
        self.loaded_result: Loaded | None = None
        self.boxes: list[_TableBox] = []
        data = _Data(ctx.paths.data_dir / "office" / "office.db", ctx.paths.catalogue_db)
        self.worker: Background[_Data] = Background(
            lambda: data,
            name="office-stats",
            close=_Data.close,
            synchronous=synchronous,
            parent=self,
        )
        today = ctx.clock.now().date()
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Period"))
        for key, text in zip(
            PERIODS,
            (
                self.tr("Denna månad"),
                self.tr("Förra månaden"),
                self.tr("Detta kvartal"),
                self.tr("Detta år"),
                self.tr("Egna datum"),
            ),
            strict=True,
        ):
            self.period.addItem(text, key)
        month = period_for("month", today)
        self.start = QDateEdit(QDate(month.start.year, month.start.month, month.start.day), self)
        self.end = QDateEdit(QDate(month.end.year, month.end.month, month.end.day), self)
        for w, name in ((self.start, self.tr("Från")), (self.end, self.tr("Till"))):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setAccessibleName(name)
            w.setEnabled(False)
        self.compare = QCheckBox(self.tr("Jämför med föregående period"), self)
        self.compare.setChecked(True)
        self.report = QPushButton(self.tr("Lägesrapport"), self)
        self.report.setToolTip(self.tr("Sparar lägesrapporten som PDF och HTML"))
        self.key_line = QLabel(self)
        self.key_line.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.body = QWidget(self)
        self.body_lay = QVBoxLayout(self.body)
        self.body_lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        title = QLabel(self.tr("Statistik"), self)
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.end)
        bar.addStretch(1)
        lay.addLayout(bar)
        # the comparison and the report on a row of their own: a 1280 px window cuts nothing
        second = QHBoxLayout()
        second.addWidget(self.compare)
        second.addStretch(1)
        second.addWidget(self.report)
        lay.addLayout(second)
        lay.addWidget(self.key_line)
        lay.addWidget(self.status)
        lay.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.compare.toggled.connect(self.refresh)
        self.report.clicked.connect(self._ask_report)
        if keys is not None:
            keys.forgotten.connect(self.refresh)

    # ------------------------------------------------------------------ state

    def keys(self) -> OfficeKeys | None:
        return self.keeper.keys() if self.keeper is not None else None

    def current_filter(self) -> StatsFilter:
        choice = str(self.period.currentData())
        p = period_for(choice, self.ctx.clock.now().date(), _day(self.start), _day(self.end))
        return StatsFilter(self.area_id, p, compare=self.compare.isChecked())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.worker.busy:
            return
        held = self.keeper is not None and self.keeper.keys() is not None
        if self.loaded_result is None or held != self.loaded_result.reports_read:
            self.refresh()  # first show, or the key was opened or forgotten elsewhere

    def close_worker(self) -> None:
        self.worker.close()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:  # the dates show the chosen period (and are where "custom" starts)
            p = self.current_filter().period
            for edit, day in ((self.start, p.start), (self.end, p.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        f = self.current_filter()
        keys = self.keys()
        self.status.setText(self.tr("Räknar …"))
        self.worker.submit(
            lambda d: d.load(f, keys), key="load", done=self._show, failed=self._failed
        )

    def _failed(self, err: KompassenError) -> None:
        self.status.setText(err.message(self.lang))
        self.loaded.emit()

    def _show(self, result: Loaded) -> None:
        self.loaded_result = result
        for box in self.boxes:
            self.body_lay.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        for i, table in enumerate(result.tables):
            box = _TableBox(table, self.lang, self.body)
            box.export.connect(self._ask_csv)
            self.body_lay.insertWidget(i, box)
            self.boxes.append(box)
        self.key_line.setVisible(not result.reports_read)
        self.key_line.setText(
            self.tr(
                "Rapporternas tabeller behöver områdets nyckel: öppna nyckelfilen under Publicera."
            )
        )
        f = self.current_filter()
        self.status.setText(
            self.tr("%1 – %2. Antal under 5 visas som ”< 5”, antal som skyddar dem som ”x”.")
            .replace("%1", f.period.start.isoformat())
            .replace("%2", f.period.end.isoformat())
        )
        self.loaded.emit()

    # ------------------------------------------------------------------ files

    def _ask_csv(self, table: StatsTable) -> None:
        name = f"{table.key}-{self.current_filter().period.start.isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera CSV"), str(Path.home() / name), "CSV (*.csv)"
        )
        if path:
            self.export_csv(table, Path(path))

    def export_csv(self, table: StatsTable, path: Path) -> None:
        """Write ``table`` as CSV with the filters on (on the worker)."""
        f, lang = self.current_filter(), self.lang

        def write(_: _Data) -> str:
            try:
                path.write_text(to_csv(table, f, lang), encoding="utf-8")
            except OSError as exc:
                raise KompassenError(
                    sv=f"Filen kunde inte sparas ({exc.strerror}).",
                    en=f"The file could not be saved ({exc.strerror}).",
                ) from exc
            return str(path)

        self.worker.submit(write, done=self._written, failed=self._failed)

    def _ask_report(self) -> None:
        name = f"lagesrapport-{self.area_id}-{self.current_filter().period.start.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lägesrapport"), str(Path.home() / name), "PDF (*.pdf)"
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, pdf: Path) -> None:
        """Write the lägesrapport as ``pdf`` and the same name ``.html`` (on the worker)."""
        f, keys, lang = self.current_filter(), self.keys(), self.lang
        now = self.ctx.clock.now()
        self.report.setEnabled(False)
        self.status.setText(self.tr("Skriver lägesrapporten …"))

        def done(path: Path) -> None:
            self.report.setEnabled(True)
            self._written(str(path))

        def failed(err: KompassenError) -> None:
            self.report.setEnabled(True)
            self._failed(err)

        self.worker.submit(
            lambda d: d.write_report(f, keys, pdf, now, lang), done=done, failed=failed
        )

    def _written(self, path: str) -> None:
        self.status.setText(self.tr("Sparad: %1").replace("%1", path))
        self.written.emit(path)
