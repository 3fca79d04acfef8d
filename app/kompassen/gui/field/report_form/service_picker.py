"""The report form's optional linked service: a small name search, or the linked one's card.

The search runs on the search worker under its own key ("report-service"). Texts are
translated in the form's context ("ReportPage"), where they have always been, so the
translation files need no change for the move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kompassen.catalogue.search.model import SearchQuery, SearchResult, ServiceHit
from kompassen.gui.field.guides_page import WrapButton
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.touch import button, clear_button, clear_layout, label

SERVICE_SEARCH_DELAY_MS = 250
SERVICE_HITS = 5
SERVICE_CANDIDATES = 20  # asked for, so an exact name the ranking put lower still comes first
SEARCH_KEY = "report-service"


class ServicePicker(QObject):
    """The linked service's card with "Ta bort", or the search field and up to five hits."""

    changed = Signal()  # the worker linked or unlinked a service

    def __init__(self, svc: FieldServices, column: QWidget, col: QVBoxLayout) -> None:
        super().__init__(column)
        self.svc = svc
        self._column = column
        self.area_id = svc.state.area.id  # the report's area (a draft may be from another)
        self.service_id: str | None = None
        self._ticket = 0
        self.hits: list[QPushButton] = []
        self.card = QFrame(column)
        self.card.setProperty("role", "card")
        sc = QHBoxLayout(self.card)
        sc.setContentsMargins(16, 8, 8, 8)
        self.name = label("", "title", self.card)
        sc.addWidget(self.name, 1)
        self.remove = button("", parent=self.card)
        sc.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignVCenter)
        col.addWidget(self.card)
        self.search = QLineEdit(column)
        self.search.setMinimumHeight(TOUCH_PX)
        self.search_clear = clear_button(self.search)
        col.addWidget(self.search)
        self.box = QVBoxLayout()
        self.box.setSpacing(6)
        col.addLayout(self.box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SERVICE_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.remove.clicked.connect(lambda: self.set_service(None))
        self.search.textEdited.connect(lambda _t: self._timer.start())
        svc.runner.finished.connect(self._found)

    def reset(self, service_id: str | None) -> None:
        """From a draft or a prefill, without telling anyone."""
        self.service_id = service_id
        self.search.clear()
        self._clear_hits()
        self.show_service()

    def set_service(self, service_id: str | None) -> None:
        """The worker linked (or, with None, unlinked) a service."""
        self.reset(service_id)
        self.changed.emit()

    def _service_name(self, service_id: str) -> str:
        try:
            return self.svc.reader.service(service_id).name
        except KeyError:
            return QCoreApplication.translate(
                "ReportPage", "{id} (finns inte längre i katalogen)"
            ).format(id=service_id)

    def show_service(self) -> None:
        sid = self.service_id
        self.card.setVisible(bool(sid))
        self.search.setVisible(not sid)
        if sid:
            name = self._service_name(sid)
            self.name.setText(name)
            self.name.setAccessibleName(
                QCoreApplication.translate("ReportPage", "Kopplad tjänst: {n}").format(n=name)
            )

    def _search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._clear_hits()
            return
        q = SearchQuery(
            self.area_id,
            text=text,
            time_mode="any",
            lang=self.svc.state.lang,
            limit=SERVICE_CANDIDATES,
        )
        self._ticket = self.svc.runner.submit(SEARCH_KEY, lambda s: s.search(q))

    def _found(self, key: str, ticket: int, result: object) -> None:
        if key != SEARCH_KEY or ticket != self._ticket:
            return
        if not isinstance(result, SearchResult) or self.service_id:
            return
        self._clear_hits()
        for hit in exact_first(result.hits, self.search.text())[:SERVICE_HITS]:
            text = f"{hit.name} · {hit.organization}" if hit.organization else hit.name
            b = WrapButton(
                text,
                QCoreApplication.translate("ReportPage", "Koppla {name}").format(name=hit.name),
                self._column,
            )
            b.clicked.connect(lambda _=False, sid=hit.id: self.set_service(sid))
            self.box.addWidget(b)
            self.hits.append(b)
        if not result.hits:
            none = QCoreApplication.translate("ReportPage", "Ingen tjänst med det namnet")
            self.box.addWidget(label(none, "muted", self._column))

    def _clear_hits(self) -> None:
        clear_layout(self.box)
        self.hits = []

    def retranslate(self) -> None:
        self.remove.setText(QCoreApplication.translate("ReportPage", "Ta bort"))
        self.remove.setAccessibleName(
            QCoreApplication.translate("ReportPage", "Ta bort kopplingen till tjänsten")
        )
        self.search.setPlaceholderText(
            QCoreApplication.translate("ReportPage", "Sök tjänst att koppla")
        )
        self.search.setAccessibleName(
            QCoreApplication.translate("ReportPage", "Sök tjänst att koppla")
        )
        if self.service_id:
            self.show_service()


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def exact_first(hits: Sequence[ServiceHit], text: str) -> list[ServiceHit]:
    """The hits whose name is exactly what was typed (case and spaces aside) first.

    The worker typing a service's full name means that service: the relevance ranking
    (which rewards many matching words) must not put a longer name above it.
    """
    typed = _folded(text)
    return sorted(hits, key=lambda h: _folded(h.name) != typed)
