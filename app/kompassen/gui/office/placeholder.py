"""A page that is not built yet: says so in plain words instead of an empty frame."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    """ "Katalog – kommer": the navigation works before every page exists."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_title = title
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.title)
        lay.addWidget(self.body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.page_title)
        self.body.setText(self.tr("Den här sidan kommer i en senare version."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
