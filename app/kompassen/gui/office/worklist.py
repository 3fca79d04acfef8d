"""The office's start page: the freshness worklist of the area, worst first.

The same :class:`~kompassen.catalogue.check.freshness.Finding` objects as ``kompassen
data-check``, measured on a worker thread with its own read-only connection to catalogue.db
(a large area takes a second to check; the window keeps answering meanwhile). The table model
is lazy: rows are handed to the view a page at a time (``fetchMore``), so a catalogue with
tens of thousands of findings opens as fast as one with ten.

Double-clicking a row asks the window to open the record in the catalogue editor
(:attr:`WorklistPage.open_record`); :attr:`WorklistPage.mark_checked` is the hook for the
"Kontrollerad idag" action of the editor (it sets the record's ``assured_date``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.check.freshness import KINDS, SEVERITIES, Finding, Worklist, check_area
from kompassen.catalogue.store.db import connect_readonly
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.gui.workers.background import Background

BATCH = 200  # rows handed to the view per fetchMore
WIDE_PX = 1400  # narrower than this, "Vad som behövs" is shown only below the table
COLUMNS = ("severity", "kind", "record", "field", "fact", "why", "fix")

Index = QModelIndex | QPersistentModelIndex


class WorklistModel(QAbstractTableModel):
    """The findings that pass the filters, handed out a batch at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = "sv"
        self._all: tuple[Finding, ...] = ()
        self._rows: list[Finding] = []  # the filtered findings, in worklist order
        self._shown = 0
        self.severity: str | None = None
        self.kind: str | None = None
        self.text = ""
        self._labels: dict[str, str] = {}
        self._headers: list[str] = []
        self.retranslate()

    # ------------------------------------------------------------------ data in

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self._all = tuple(findings)
        self._refilter()

    def set_filters(
        self, *, severity: str | None = None, kind: str | None = None, text: str = ""
    ) -> None:
        self.severity, self.kind, self.text = severity, kind, text.strip()
        self._refilter()

    def _refilter(self) -> None:
        needle = self.text.casefold()
        lang = self.lang

        def keep(f: Finding) -> bool:
            if self.severity and f.severity != self.severity:
                return False
            if self.kind and f.kind != self.kind:
                return False
            if needle:
                hay = " ".join((f.record, f.field, f.fact, f.why.get(lang), f.fix.get(lang)))
                return needle in hay.casefold()
            return True

        self.beginResetModel()
        self._rows = [f for f in self._all if keep(f)]
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self._all

    @property
    def matching(self) -> int:
        """How many findings pass the filters (shown or still to fetch)."""
        return len(self._rows)

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    # ------------------------------------------------------------------ lazy rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # ------------------------------------------------------------------ the table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        f = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "severity":
                return self._labels[f.severity]
            if col == "kind":
                return self._labels[f.kind]
            if col == "record":
                return f"{self._labels.get(f.record_type, f.record_type)} {f.record}"
            if col == "field":
                return f.field
            if col == "fact":
                return f.fact
            if col == "why":
                return f.why.get(self.lang)
            return f.fix.get(self.lang)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._labels[f.severity]}: {f.record}, {f.why.get(self.lang)}"
        return None

    def retranslate(self) -> None:
        """The column titles and the words of severities, kinds and record types."""
        self._headers = [
            self.tr("Allvar"),
            self.tr("Slag"),
            self.tr("Post"),
            self.tr("Fält"),
            self.tr("Uppgift"),
            self.tr("Varför"),
            self.tr("Vad som behövs"),
        ]
        self._labels = {
            "high": self.tr("Hög"),
            "medium": self.tr("Medel"),
            "low": self.tr("Låg"),
            "contradiction": self.tr("Motsägelse"),
            "inferred": self.tr("Härledd"),
            "stale": self.tr("Inaktuell"),
            "unsourced": self.tr("Utan källa"),
            "to-verify": self.tr("Att verifiera"),
            "service": self.tr("Tjänst"),
            "organization": self.tr("Organisation"),
            "location": self.tr("Plats"),
            "guide": self.tr("Lösning"),
            "landmark": self.tr("Landmärke"),
            "notice": self.tr("Meddelande"),
        }
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def label(self, key: str) -> str:
        return self._labels.get(key, key)


class _Checker:
    """The worker's resource: a read-only connection of its own (SQLite handles are
    per-thread here), opened on first use."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.conn: sqlite3.Connection | None = None

    def check(self, area_id: str, clock: Clock) -> Worklist:
        if self.conn is None:
            self.conn = connect_readonly(self.db)
        return check_area(self.conn, area_id, clock)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class WorklistPage(QWidget):
    """Start page: counts in words, filters, and the lazy table of findings."""

    open_record = Signal(str, str)  # record type (service, organization, …), record key
    mark_checked = Signal(str, str)  # the "Kontrollerad idag" hook: record type, record key
    loaded = Signal()

    def __init__(
        self,
        catalogue_db: Path,
        area_id: str,
        clock: Clock,
        lang: str,
        *,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.area_id = area_id
        self.clock = clock
        self.lang = lang
        self.worklist: Worklist | None = None
        self.error: str | None = None
        self.worker: Background[_Checker] = Background(
            lambda: _Checker(catalogue_db),
            name="office-worklist",
            close=_Checker.close,
            synchronous=synchronous,
            parent=self,
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        lay.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        row = QHBoxLayout()
        self.severity_label = QLabel(self)
        self.severity = QComboBox(self)
        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.checked_button = QPushButton(self)
        self.severity_label.setBuddy(self.severity)
        self.kind_label.setBuddy(self.kind)
        for w in (self.severity_label, self.severity, self.kind_label, self.kind):
            row.addWidget(w)
        self.search.setMinimumWidth(240)
        row.addWidget(self.search, 1)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)

        self.model = WorklistModel(self)
        self.model.lang = lang
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # two lines per row: most reasons and fixes fit whole at 1920 px; the pane below
        # shows the selected one in full at any width
        lines = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(2 * lines + 12)
        header = self.table.horizontalHeader()
        for col, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(2, 300)
        header.resizeSection(4, 220)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long key keeps its end
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)  # Enter on a row, as a double-click
        lay.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(3 * lines + 8)
        below = QHBoxLayout()
        below.addWidget(self.detail, 1)
        below.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.checked_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(below)

        self.severity.currentIndexChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button.clicked.connect(self._open_selected)
        self.checked_button.clicked.connect(self._checked_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()
        self.setTabOrder(self.severity, self.kind)
        self.setTabOrder(self.kind, self.search)
        self.setTabOrder(self.search, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)
        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.checked_button)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Check the area again (after an edit or a release) on the worker thread."""
        self.summary.setText(self.tr("Kontrollerar katalogen…"))
        area, clock = self.area_id, self.clock
        self.worker.submit(
            lambda checker: checker.check(area, clock),
            key="check",
            done=self._loaded,
            failed=self._failed,
        )

    def _loaded(self, worklist: Worklist) -> None:
        self.worklist = worklist
        self.error = None
        self.model.set_findings(worklist.findings)
        self._say_counts()
        self.loaded.emit()

    def _failed(self, err: KompassenError) -> None:
        self.error = err.message(self.lang)
        self.summary.setText(self.error)
        self.loaded.emit()

    def set_area(self, area_id: str) -> None:
        self.area_id = area_id
        self.model.set_findings(())
        self.refresh()

    # ------------------------------------------------------------------ words

    def kind_counts(self) -> dict[str, int]:
        found = self.model.findings
        return {k: sum(1 for f in found if f.kind == k) for k in KINDS}

    def counts_text(self) -> str:
        """E.g. "3 motsägelser · 12 härledda · 40 inaktuella · …; 0 höga, 38 medel, 201 låga"."""
        if self.worklist is None:
            return ""
        n = self.kind_counts()
        kinds = [
            self.tr("%n motsägelser", "", n["contradiction"]),
            self.tr("%n härledda", "", n["inferred"]),
            self.tr("%n inaktuella", "", n["stale"]),
            self.tr("%n utan källa", "", n["unsourced"]),
            self.tr("%n att verifiera", "", n["to-verify"]),
        ]
        s = self.worklist.counts()
        total = len(self.worklist.findings)
        head = (
            self.tr("Inget att kontrollera i katalogen just nu.")
            if total == 0
            else self.tr("%n uppgifter behöver kontrolleras:", "", total)
        )
        severities = self.tr("{high} höga, {medium} medel, {low} låga").format(
            high=s["high"], medium=s["medium"], low=s["low"]
        )
        return f"{head} {' · '.join(kinds)} ({severities})."

    def _say_counts(self) -> None:
        if self.error is not None:
            self.summary.setText(self.error)
            return
        text = self.counts_text()
        if self.worklist is not None and self.model.matching != len(self.worklist.findings):
            text += " " + self.tr("%n visas med filtren.", "", self.model.matching)
        self.summary.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Arbetslista"))
        self.severity_label.setText(self.tr("&Allvar"))
        self.kind_label.setText(self.tr("S&lag"))
        self.search.setPlaceholderText(self.tr("Sök i listan (post, fält, text)"))
        self.search.setAccessibleName(self.tr("Sök i arbetslistan"))
        self.severity.setAccessibleName(self.tr("Filtrera på allvar"))
        self.kind.setAccessibleName(self.tr("Filtrera på slag"))
        self.table.setAccessibleName(self.tr("Arbetslista: uppgifter att kontrollera"))
        self.detail.setAccessibleName(self.tr("Den valda uppgiften"))
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.refresh_button.setAccessibleName(self.tr("Kontrollera katalogen igen"))
        self.open_button.setText(self.tr("Öppna i katalogen"))
        self.open_button.setAccessibleName(self.tr("Öppna posten i katalogen"))
        self.checked_button.setText(self.tr("Kontrollerad idag"))
        self.checked_button.setAccessibleName(self.tr("Markera posten som kontrollerad idag"))
        self.model.retranslate()
        self._fill_combo(self.severity, SEVERITIES)
        self._fill_combo(self.kind, KINDS)
        self._say_counts()
        self._selection_changed()

    def _fill_combo(self, combo: QComboBox, keys: Sequence[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Alla"), None)
        for key in keys:
            combo.addItem(self.model.label(key), key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.model.lang = lang
        self.retranslate()
        self.model.set_findings(self.model.findings)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (a 1280 px screen): the field and fix columns go, and the record column
        gets narrower; the pane below the table shows the selected finding whole."""
        super().resizeEvent(event)
        narrow = self.width() < WIDE_PX
        for col in ("field", "fix"):
            self.table.setColumnHidden(COLUMNS.index(col), narrow)
        self.table.horizontalHeader().resizeSection(COLUMNS.index("record"), 240 if narrow else 300)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ actions

    def _filter(self) -> None:
        self.model.set_filters(
            severity=self.severity.currentData(),
            kind=self.kind.currentData(),
            text=self.search.text(),
        )
        self._say_counts()
        self._selection_changed()

    def _selected(self) -> Finding | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.finding(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        f = self._selected()
        self.open_button.setEnabled(f is not None)
        self.checked_button.setEnabled(f is not None)
        self.detail.setText(self.detail_text(f) if f is not None else self._hint())

    def _hint(self) -> str:
        return self.tr("Välj en rad för att se hela texten. Dubbelklicka för att öppna posten.")

    def detail_text(self, f: Finding) -> str:
        """The selected finding in full: the record, the fact, why, and what is needed."""
        m = self.model
        return "\n".join(
            (
                f"{m.label(f.severity)} · {m.label(f.kind)} · "
                f"{m.label(f.record_type)} {f.record} · {f.field} = {f.fact}",
                self.tr("Varför: {why}").format(why=f.why.get(self.lang)),
                self.tr("Vad som behövs: {fix}").format(fix=f.fix.get(self.lang)),
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            f = self.model.finding(index.row())
            self.open_record.emit(f.record_type, f.record)

    def _open_selected(self) -> None:
        f = self._selected()
        if f is not None:
            self.open_record.emit(f.record_type, f.record)

    def _checked_selected(self) -> None:
        f = self._selected()
        if f is not None:
            self.mark_checked.emit(f.record_type, f.record)

    def close_worker(self) -> None:
        self.worker.close()
