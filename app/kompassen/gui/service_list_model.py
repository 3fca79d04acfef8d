"""A lazy list of services: holds ids, builds rows only when the view scrolls to them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kompassen.catalogue.reader import CatalogueReader

ServiceIdRole = Qt.ItemDataRole.UserRole + 1
OrganizationRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class ServiceListModel(QAbstractListModel):
    """Rows are fetched in batches (``fetchMore``) so 100k services cost nothing up front."""

    BATCH = 100

    def __init__(self, reader: CatalogueReader, parent: object | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._ids: list[str] = []
        self._loaded = 0
        self._rows: dict[str, tuple[str, str]] = {}
        self._fetching = False  # views may ask for more while rows are being inserted

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self._loaded = min(self.BATCH, len(self._ids))
        self._load(0, self._loaded)
        self.endResetModel()

    def _load(self, start: int, end: int) -> None:
        wanted = [i for i in self._ids[start:end] if i not in self._rows]
        for svc in self._reader.services(wanted):
            self._rows[svc.id] = (svc.name, svc.organization.name)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._fetching and self._loaded < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._fetching:
            return
        end = min(self._loaded + self.BATCH, len(self._ids))
        if end <= self._loaded:
            return
        self._fetching = True
        try:
            self._load(self._loaded, end)
            self.beginInsertRows(QModelIndex(), self._loaded, end - 1)
            self._loaded = end
            self.endInsertRows()
        finally:
            self._fetching = False

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        sid = self._ids[index.row()]
        name, org = self._rows.get(sid, ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{org}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}, {org}"
        if role == ServiceIdRole:
            return sid
        if role == OrganizationRole:
            return org
        return None
