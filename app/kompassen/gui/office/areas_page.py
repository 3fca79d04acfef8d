"""Områden: the areas installed in this catalogue, with their pack version and release.

A plain list for now; creating an area (template or HSDS import) and exporting one come later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.model import Area


class AreasPage(QWidget):
    """One row per installed area: id, name, pack version, catalogue release, services."""

    def __init__(self, areas: list[Area], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas = areas
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        lay.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableWidget(len(areas), 5, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, a in enumerate(areas):
            values = (a.id, a.name, a.pack_version, str(a.catalogue_version), str(a.service_count))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Områden"))
        self.summary.setText(
            self.tr("%n områden är installerade i katalogen.", "", len(self.areas))
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Namn"),
                self.tr("Paketversion"),
                self.tr("Katalogutgåva"),
                self.tr("Tjänster"),
            ]
        )
        self.table.setAccessibleName(self.tr("Installerade områden"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
