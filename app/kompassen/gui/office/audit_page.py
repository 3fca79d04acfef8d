"""Logg: the server's audit log of office actions (who, what, when, area, target), newest first.

Read a page at a time from ``OfficeClient.audit`` on the session's worker; the table asks for
the next (older) page when it is scrolled to its end (``fetchMore``), so a long log opens fast.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.gui.office.session import OfficeSession
from kompassen.gui.office.when import parse_time, when_words
from kompassen.office.client import AuditEntry

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
COLUMNS = ("at", "actor", "action", "area", "target", "detail")


class AuditModel(QAbstractTableModel):
    """The entries read so far; asks its page for older ones when the view wants more."""

    want_more = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.entries: list[AuditEntry] = []
        self.more = False  # the server may have older entries
        self.fetching = False
        self._headers: list[str] = []
        self._actions: dict[str, str] = {}
        self.retranslate()

    def reset(self, entries: Sequence[AuditEntry], more: bool) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.more = more
        self.endResetModel()

    def extend(self, entries: Sequence[AuditEntry], more: bool) -> None:
        known = {e.id for e in self.entries}
        new = [e for e in entries if e.id not in known]
        self.more = more and bool(new)
        if new:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.entries.extend(new)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.fetching = True
            self.want_more.emit()

    def retranslate(self) -> None:
        self._headers = [
            self.tr("När"),
            self.tr("Vem"),
            self.tr("Vad"),
            self.tr("Område"),
            self.tr("Gällde"),
            self.tr("Detaljer"),
        ]
        self._actions = {
            "sign_in": self.tr("Loggade in"),
            "sign_in_failed": self.tr("Misslyckad inloggning"),
            "sign_out": self.tr("Loggade ut"),
            "publish": self.tr("Publicerade katalogen"),
            "enrolment_code_created": self.tr("Skapade registreringskod"),
            "device_revoked": self.tr("Återkallade surfplatta"),
            "user_created": self.tr("Lade till användare"),
            "user_changed": self.tr("Ändrade användare"),
            "user_disabled": self.tr("Stängde av användare"),
            "password_changed": self.tr("Bytte lösenord"),
            "area_key_registered": self.tr("Registrerade områdesnyckel"),
            "submissions_fetched": self.tr("Hämtade rapporter"),
            "usage_fetched": self.tr("Hämtade användningsstatistik"),
            "report_states": self.tr("Ändrade status på rapporter"),
            "report_answered": self.tr("Svarade på en rapport"),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.entries) - 1, len(COLUMNS) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def text(self, e: AuditEntry, col: str) -> str:
        if col == "at":
            return when_words(e.at, self.clock.now())
        if col == "actor":
            return e.actor or "–"
        if col == "action":
            return self._actions.get(e.action, e.action)  # a newer server's action: its name
        if col == "area":
            return e.area_id or "–"
        if col == "target":
            return e.target or "–"
        if not e.detail:
            return ""
        return ", ".join(f"{k}: {self._value(v)}" for k, v in e.detail.items())

    def _value(self, v: Any) -> str:
        """A detail's value: a time in words, text and numbers as they are, else JSON."""
        if isinstance(v, str):
            return when_words(v, self.clock.now()) if parse_time(v) is not None else v
        if isinstance(v, bool | int | float):
            return str(v)
        return json.dumps(v, ensure_ascii=False)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(e, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(self.text(e, c) for c in COLUMNS)
        return None


class AuditPage(QWidget):
    """The audit log as a table, newest first, with "Uppdatera"."""

    loaded = Signal()

    def __init__(
        self, session: OfficeSession, clock: Clock, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        lay.addWidget(self.title)
        row = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        self.refresh_button = QPushButton(self)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)
        self.model = AuditModel(clock, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.model.want_more.connect(self._older)
        self.setTabOrder(self.refresh_button, self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Logg"))
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.refresh_button.setAccessibleName(self.tr("Hämta loggen igen"))
        self.table.setAccessibleName(self.tr("Logg över kontorets åtgärder"))
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.summary.setText(self.tr("Hämtar loggen…"))
        self.session.call(
            lambda client: client.audit(limit=PAGE),
            key="audit",
            done=self._loaded,
            failed=self._failed,
        )

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.reset(entries, more=len(entries) >= PAGE)
        self.summary.setText(self.tr("Kontorets åtgärder på servern, de senaste först."))
        self.loaded.emit()

    def _older(self) -> None:
        if not self.model.entries:
            self.model.fetching = False
            return
        before = self.model.entries[-1].id

        def done(entries: list[AuditEntry]) -> None:
            self.model.fetching = False
            self.model.extend(entries, more=len(entries) >= PAGE)

        def failed(err: KompassenError) -> None:
            self.model.fetching = False
            self.summary.setText(err.message(self.lang))

        self.session.call(
            lambda client: client.audit(limit=PAGE, before=before), done=done, failed=failed
        )

    def _failed(self, err: KompassenError) -> None:
        self.summary.setText(err.message(self.lang))
        self.loaded.emit()
