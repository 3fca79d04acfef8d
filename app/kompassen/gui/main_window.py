"""The main window (minimal for now: area header and the lazy service list).

The full field GUI (filters, cards, detail, locations) replaces the body in a later issue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QScroller, QVBoxLayout, QWidget

from kompassen.catalogue.reader import CatalogueReader
from kompassen.core.model import Area

from .service_list_model import ServiceListModel


class MainWindow(QMainWindow):
    """Shows one area's catalogue; everything it reads comes from the injected reader."""

    def __init__(self, reader: CatalogueReader, area: Area) -> None:
        super().__init__()
        self.reader = reader
        self.area = area
        self.setWindowTitle(f"{area.name} – {area.title}")
        self.resize(1280, 800)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)

        heading = QLabel(self.tr("Vem kan jag lämna över till?"), body)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(self.tr("Rubrik"))
        layout.addWidget(heading)

        subtitle = QLabel(area.title, body)
        subtitle.setStyleSheet(f"color: {area.colour};")
        layout.addWidget(subtitle)

        self.model = ServiceListModel(reader, self)
        self.model.set_ids(reader.service_ids(area.id))
        self.list = QListView(body)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Tjänster"))
        self.list.setSpacing(2)
        # touch: every row at least 48 px high
        self.list.setStyleSheet("QListView::item { padding: 8px 12px; min-height: 48px; }")
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(
            self.list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        layout.addWidget(self.list, 1)
        self.setCentralWidget(body)

        self.statusBar().showMessage(
            self.tr("{name} · {n} tjänster · katalogversion {v}").format(
                name=area.name, n=area.service_count, v=area.catalogue_version
            )
        )
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
