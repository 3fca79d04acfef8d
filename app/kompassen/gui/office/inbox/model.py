"""The inbox's table: a lazy model over the filter's submission ids.

The ids come first (cheap: the store's index); the opened rows are asked for a batch at a
time through :attr:`ReportTableModel.need_rows` when the view scrolls (Qt's ``fetchMore``), so
ten thousand reports cost one batch until somebody scrolls. The rows arrive from the worker
through :meth:`add_rows`; the GUI thread never opens a report itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kompassen.office.inbox.model import STATE_LABELS, InboxReport

BATCH = 100
COLUMNS = ("occurred", "state", "place", "needs", "text")

Index = QModelIndex | QPersistentModelIndex


def state_words(state: str, lang: str) -> str:
    sv, en = STATE_LABELS.get(state, (state, state))
    return en if lang == "en" else sv


def code_words(labels: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """A taxonomy code (or a report kind) in words; the code itself when unknown."""
    sv, en = labels.get(code, (code, code))
    return en if lang == "en" else sv


def short_time(iso: str) -> str:
    return iso[:16].replace("T", " ")


class ReportTableModel(QAbstractTableModel):
    """Rows are the filter's ids in order; only the loaded ones are shown (and grow)."""

    need_rows = Signal(list)  # ids whose rows the page should load

    def __init__(self, lang: str = "sv", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.labels: dict[str, tuple[str, str]] = {}  # code → (sv, en), from the taxonomy
        self._ids: list[int] = []
        self._rows: dict[int, InboxReport] = {}
        self._shown = 0
        self._asked = False

    # ------------------------------------------------------------------ ids and rows

    def set_ids(self, ids: Sequence[int]) -> None:
        """A new filter's ids: the table starts empty and asks for its first batch."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._shown = 0
        self._asked = False
        self.endResetModel()
        if self._ids:
            self.fetchMore(QModelIndex())

    @property
    def total(self) -> int:
        return len(self._ids)

    def ids(self) -> list[int]:
        return list(self._ids)

    def add_rows(self, rows: Sequence[InboxReport]) -> None:
        """A batch came back: it is shown (rows for ids no longer listed are dropped)."""
        self._asked = False
        wanted = set(self._ids)
        for r in rows:
            if r.submission_id in wanted:
                self._rows[r.submission_id] = r
        end = self._shown
        while end < len(self._ids) and self._ids[end] in self._rows:
            end += 1
        if end > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()

    def update_rows(self, rows: Sequence[InboxReport]) -> None:
        """Rows whose state changed: the same place in the table, new values."""
        for r in rows:
            if r.submission_id in self._rows:
                self._rows[r.submission_id] = r
                row = self._ids.index(r.submission_id)
                if row < self._shown:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def report(self, row: int) -> InboxReport | None:
        if 0 <= row < self._shown:
            return self._rows.get(self._ids[row])
        return None

    def row_of(self, submission_id: int) -> int:
        try:
            row = self._ids.index(submission_id)
        except ValueError:
            return -1
        return row if row < self._shown else -1

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._asked and self._shown < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._asked = True
        self.need_rows.emit(self._ids[self._shown : self._shown + BATCH])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.report(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == "occurred":
                return short_time(r.occurred_at or r.created_at)
            if col == "state":
                return state_words(r.state, self.lang)
            if col == "place":
                place = code_words(self.labels, r.landmark_id, self.lang) if r.landmark_id else ""
                return " – ".join(p for p in (place, r.place_text) if p)
            if col == "needs":
                return ", ".join(code_words(self.labels, c, self.lang) for c in r.needs + r.groups)
            first = r.text.strip().splitlines()[0] if r.text.strip() else ""
            return first[:120]
        if role == Qt.ItemDataRole.ToolTipRole and col == "text":
            return r.text[:1000]
        if role == Qt.ItemDataRole.UserRole:
            return r.submission_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        words = {
            "occurred": QCoreApplication.translate("ReportTableModel", "Hände"),
            "state": QCoreApplication.translate("ReportTableModel", "Status"),
            "place": QCoreApplication.translate("ReportTableModel", "Plats"),
            "needs": QCoreApplication.translate("ReportTableModel", "Behov och grupper"),
            "text": QCoreApplication.translate("ReportTableModel", "Rapport"),
        }
        return words[COLUMNS[section]]
