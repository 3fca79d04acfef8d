"""The editor's left side: the area's records of one kind as a lazy, filtered list model.

The records live in the edit session (in memory); filtering a few thousand is quick, but the
view gets them a batch at a time (``fetchMore``) so a very large area opens as fast as a
small one. Filters: text (name or id), status, stale (not checked within ``STALE_DAYS``),
group and need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kompassen.office.editing import EditSession, RecordRef

BATCH = 200
STALE_DAYS = 365  # a fact not checked for a year is stale (the freshness check's rule)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Filters:
    """What the list shows; empty strings mean "all"."""

    text: str = ""
    status: str = ""
    stale: bool = False
    group: str = ""
    need: str = ""


def _checked(rec: dict[str, Any]) -> date | None:
    """The record's verified_at as a date ("2024", "2024-05" count from their start)."""
    v = rec.get("verified_at")
    if not isinstance(v, str) or not v[:4].isdigit():
        return None
    parts = [*v.split("-"), "1", "1"][:3]
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except ValueError:
        return None


def matches(rec: dict[str, Any], ref: RecordRef, f: Filters, today: date) -> bool:
    """Whether one record passes the filters (a filter the kind lacks passes nothing)."""
    if f.text:
        needle = f.text.casefold()
        if not any(needle in x.casefold() for x in (ref.name_sv, ref.name_en, ref.record_id)):
            return False
    if f.status and rec.get("status") != f.status:
        return False
    if f.group and f.group not in (rec.get("groups") or []):
        return False
    if f.need and f.need not in (rec.get("needs") or []):
        return False
    if f.stale:
        checked = _checked(rec)
        if checked is not None and checked >= today - timedelta(days=STALE_DAYS):
            return False
    return True


class RecordListModel(QAbstractListModel):
    """The filtered records of one kind, handed to the view in batches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = "sv"
        self._all: list[RecordRef] = []
        self._shown = 0

    def set_records(self, refs: list[RecordRef]) -> None:
        self.beginResetModel()
        self._all = refs
        self._shown = min(BATCH, len(refs))
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._all)

    def ref(self, row: int) -> RecordRef | None:
        return self._all[row] if 0 <= row < self._shown else None

    def row_of(self, record_id: str) -> int:
        """The row of a record, fetching batches until it is shown (-1: filtered out)."""
        for i, r in enumerate(self._all):
            if r.record_id == record_id:
                while self._shown <= i:
                    self.fetchMore(QModelIndex())
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        n = min(BATCH, len(self._all) - self._shown)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
        self._shown += n
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ref = self.ref(index.row())
        if ref is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ref.name(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ref.record_id
        if role == Qt.ItemDataRole.UserRole:
            return ref.record_id
        return None


def filtered(session: EditSession, kind: str, f: Filters, today: date) -> list[RecordRef]:
    """The kind's records that pass ``f``, in pack order."""
    out = []
    for ref in session.records(kind):
        rec = session.record(kind, ref.record_id)
        if matches(rec, ref, f, today):
            out.append(ref)
    return out
