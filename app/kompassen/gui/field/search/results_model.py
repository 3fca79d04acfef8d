"""The ranked result list: holds one page of hits at a time and asks for the next on scroll.

The search already ranks everything in SQL and numpy; this model only keeps the hits the
view has scrolled to. ``fetchMore`` asks (via ``page_wanted``) for the next page, which the
search page fetches on the search thread and hands back with :meth:`append`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kompassen.catalogue.search.model import SearchResult, ServiceHit

HitRole = Qt.ItemDataRole.UserRole + 1
ServiceIdRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class ResultModel(QAbstractListModel):
    page_wanted = Signal(int)  # offset of the next page

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ServiceHit] = []
        self.total = 0
        self._waiting = False

    def set_result(self, result: SearchResult) -> None:
        self.beginResetModel()
        self._hits = list(result.hits)
        self.total = result.total
        self._waiting = False
        self.endResetModel()

    def append(self, result: SearchResult) -> None:
        """Add a page that continues the current list (ignored when it does not fit)."""
        self._waiting = False
        if result.query.offset != len(self._hits) or not result.hits:
            return
        start = len(self._hits)
        self.beginInsertRows(QModelIndex(), start, start + len(result.hits) - 1)
        self._hits.extend(result.hits)
        self.endInsertRows()

    def hit(self, row: int) -> ServiceHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._waiting and len(self._hits) < self.total

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._waiting = True
        self.page_wanted.emit(len(self._hits))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [hit.name, hit.organization, hit.open_text, hit.direction, hit.handover]
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.organization
        if role == HitRole:
            return hit
        if role == ServiceIdRole:
            return hit.id
        return None
