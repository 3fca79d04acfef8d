"""Enheter: the tablets enrolled on the server, new enrolment codes, and revoking a tablet.

The list comes from ``OfficeClient.devices()`` on the session's worker: name, last sync in
words ("i går 22:14"), app version, each area's pack version and catalogue release, and
whether it is revoked. Revoking asks first, naming the tablet; a revoked tablet's next sync
is refused by the server.
"""

from __future__ import annotations

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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.gui.office.enrol_dialog import EnrolDialog
from kompassen.gui.office.session import OfficeSession
from kompassen.gui.office.when import when_words
from kompassen.office.client import OfficeDevice

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "last_sync", "app", "catalogue", "enrolled", "state")


class DevicesModel(QAbstractTableModel):
    """One row per tablet, in the server's order (newest enrolment first)."""

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.devices: list[OfficeDevice] = []
        self._headers: list[str] = []
        self.retranslate()

    def set_devices(self, devices: Sequence[OfficeDevice]) -> None:
        self.beginResetModel()
        self.devices = list(devices)
        self.endResetModel()

    def retranslate(self) -> None:
        self._headers = [
            self.tr("Namn"),
            self.tr("Senaste synk"),
            self.tr("Appversion"),
            self.tr("Katalog"),
            self.tr("Registrerad"),
            self.tr("Status"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.devices:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.devices) - 1, len(COLUMNS) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.devices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def text(self, d: OfficeDevice, col: str) -> str:
        now = self.clock.now()
        if col == "name":
            return d.name or d.id
        if col == "last_sync":
            return when_words(d.last_sync, now, never=self.tr("aldrig"))
        if col == "app":
            return d.app_version or "–"
        if col == "catalogue":
            parts = [
                self.tr("{area} {pack}, utgåva {release}").format(
                    area=a.area_id, pack=a.pack_version or "–", release=a.catalogue_release
                )
                if a.catalogue_release is not None
                else self.tr("{area} {pack} (paketet, ingen utgåva än)").format(
                    area=a.area_id, pack=a.pack_version or "–"
                )
                for a in d.areas
            ]
            return "; ".join(parts) or "–"
        if col == "enrolled":
            return when_words(d.enrolled_at, now)
        if d.revoked:
            return self.tr("Återkallad {when}").format(when=when_words(d.revoked_at, now))
        return self.tr("Aktiv")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.devices):
            return None
        d = self.devices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(d, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(self.text(d, c) for c in COLUMNS)
        return None


class DevicesPage(QWidget):
    """The list of tablets with "Ny registreringskod", "Återkalla…" and "Uppdatera"."""

    loaded = Signal()
    revoked = Signal(str)  # device id

    def __init__(
        self, session: OfficeSession, clock: Clock, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.lang = lang
        self.enrol_dialog: EnrolDialog | None = None
        self.confirm: QMessageBox | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        lay.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.new_code = QPushButton(self)
        self.revoke_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        row.addWidget(self.new_code)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)
        self.model = DevicesModel(clock, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.new_code.clicked.connect(self.open_enrol_dialog)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.setTabOrder(self.new_code, self.revoke_button)
        self.setTabOrder(self.revoke_button, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)
        self._selection_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enheter"))
        self.new_code.setText(self.tr("Ny registreringskod…"))
        self.new_code.setAccessibleName(self.tr("Skapa en ny registreringskod"))
        self.revoke_button.setText(self.tr("Återkalla…"))
        self.revoke_button.setAccessibleName(self.tr("Återkalla den valda surfplattan"))
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.refresh_button.setAccessibleName(self.tr("Hämta listan över enheter igen"))
        self.table.setAccessibleName(self.tr("Surfplattor"))
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.model.retranslate()
        self._say_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        self.summary.setText(self.tr("Hämtar enheterna…"))
        self.session.call(
            lambda client: client.devices(), key="devices", done=self._loaded, failed=self._failed
        )

    def _loaded(self, devices: list[OfficeDevice]) -> None:
        self.model.set_devices(devices)
        self._say_count()
        self._selection_changed()
        self.loaded.emit()

    def _say_count(self) -> None:
        devices = self.model.devices
        active = sum(1 for d in devices if not d.revoked)
        self.summary.setText(
            self.tr("%n surfplattor", "", len(devices))
            + ", "
            + self.tr("%n aktiva", "", active)
            + "."
        )

    def _failed(self, err: KompassenError) -> None:
        self.summary.setText(err.message(self.lang))
        self.loaded.emit()

    def selected(self) -> OfficeDevice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.devices[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        d = self.selected()
        self.revoke_button.setEnabled(d is not None and not d.revoked)

    # ------------------------------------------------------------------ codes

    def open_enrol_dialog(self) -> EnrolDialog:
        dialog = EnrolDialog(self.session, self.clock, self.lang, self)
        dialog.created.connect(lambda _code: self.refresh())
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ revoking

    def ask_revoke(self) -> QMessageBox | None:
        """Ask first, naming the tablet; "Återkalla" revokes it on the server."""
        d = self.selected()
        if d is None or d.revoked:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Återkalla surfplatta"))
        box.setText(self.tr("Återkalla {name}?").format(name=d.name or d.id))
        box.setInformativeText(
            self.tr(
                "Surfplattan kan inte synka längre: den får inga nya kataloger och kan inte "
                "skicka rapporter. Det går inte att ångra; den kan registreras igen med en ny kod."
            )
        )
        yes = box.addButton(self.tr("Återkalla"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        device_id = d.id

        def answered() -> None:
            if box.clickedButton() is yes:
                self.revoke(device_id)
            self.confirm = None
            box.deleteLater()

        box.finished.connect(lambda _result: answered())
        self.confirm = box
        box.open()
        return box

    def revoke(self, device_id: str) -> None:
        self.summary.setText(self.tr("Återkallar…"))

        def done(_none: None) -> None:
            self.revoked.emit(device_id)
            self.refresh()

        self.session.call(lambda client: client.revoke(device_id), done=done, failed=self._failed)
