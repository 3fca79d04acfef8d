"""Områden: the installed areas, a new area (empty template or HSDS import), and exports.

The list shows each area's pack version, catalogue version, the signed release its content
came from, and its services, organisations and places. "Nytt område…" makes a valid empty
area from the HSDS import's skeleton (:mod:`kompassen.office.areas`); "Importera HSDS…" reads
a datapackage JSON or a CSV folder, shows the import report in words and installs only when
asked; "Exportera" writes the selected area as HSDS 3 or as a pack folder. Everything that
reads or writes the disk runs on the page's worker, with what it is doing said in words.
After a new area is installed, :attr:`AreasPage.areas_changed` carries the new list.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.core.model import Area
from kompassen.gui.workers.background import Background
from kompassen.office import areas as office_areas
from kompassen.office.areas import AreaRow, ImportPreview, NewArea

if TYPE_CHECKING:
    from kompassen.catalogue.store.store import CatalogueStore
    from kompassen.compose import AppContext

T = TypeVar("T")
COLUMNS = 8


class AreasPage(QWidget):
    """One row per installed area, with "Nytt område…", "Importera HSDS…" and the exports."""

    areas_changed = Signal(list)  # list[Area]: after a new area was installed
    loaded = Signal()
    exported = Signal(object)  # Path written

    def __init__(
        self,
        ctx: AppContext,
        areas: list[Area],
        lang: str,
        *,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.areas = list(areas)
        self.rows: list[AreaRow] = []
        self.new_dialog: NewAreaDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.chooser: QFileDialog | None = None
        self.worker: Background[None] = Background(
            lambda: None, name="office-areas", synchronous=synchronous, parent=self
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        lay.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.export_hsds_button = QPushButton(self)
        self.export_pack_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        for b in (self.new_button, self.import_button, self.export_hsds_button):
            row.addWidget(b)
        row.addWidget(self.export_pack_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)

        self.new_button.clicked.connect(self.open_new_dialog)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.export_hsds_button.clicked.connect(lambda: self.choose_folder("hsds"))
        self.export_pack_button.clicked.connect(lambda: self.choose_folder("pack"))
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        order: tuple[QWidget, ...] = (
            self.new_button,
            self.import_button,
            self.export_hsds_button,
            self.export_pack_button,
            self.refresh_button,
            self.table,
        )
        for first, then in pairwise(order):
            self.setTabOrder(first, then)
        self.retranslate()
        self._fill_from_areas()
        self.refresh()

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        self.title.setText(self.tr("Områden"))
        self.new_button.setText(self.tr("Nytt område…"))
        self.new_button.setAccessibleName(self.tr("Skapa ett nytt, tomt område"))
        self.import_button.setText(self.tr("Importera HSDS…"))
        self.import_button.setAccessibleName(
            self.tr("Importera ett område från HSDS-data (JSON eller CSV-mapp)")
        )
        self.export_hsds_button.setText(self.tr("Exportera som HSDS…"))
        self.export_hsds_button.setAccessibleName(self.tr("Exportera det valda området som HSDS 3"))
        self.export_pack_button.setText(self.tr("Exportera som paket…"))
        self.export_pack_button.setAccessibleName(
            self.tr("Exportera det valda området som områdespaket")
        )
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.refresh_button.setAccessibleName(self.tr("Läs listan över områden igen"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Namn"),
                self.tr("Paketversion"),
                self.tr("Katalog"),
                self.tr("Utgåva"),
                self.tr("Tjänster"),
                self.tr("Organisationer"),
                self.tr("Platser"),
            ]
        )
        tips = (
            (3, self.tr("Katalogversion: ökar vid varje installation")),
            (
                4,
                self.tr("Den signerade utgåva som innehållet kom från (ingen: paketet)"),
            ),
        )
        for col, tip in tips:
            head = self.table.horizontalHeaderItem(col)
            if head is not None:
                head.setToolTip(tip)
        self.table.setAccessibleName(self.tr("Installerade områden"))
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.status.setAccessibleName(self.tr("Vad som händer"))
        self._say_count()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say_count(self) -> None:
        n = len(self.rows) if self.rows else len(self.areas)
        self.summary.setText(self.tr("%n områden är installerade i katalogen.", "", n))

    def say(self, text: str) -> None:
        """What the page is doing or what came of it, in words (also for screen readers)."""
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    # ------------------------------------------------------------------ the list

    @property
    def store(self) -> CatalogueStore:
        return self.ctx.catalogue

    def run(
        self,
        words: str,
        fn: Callable[[CatalogueStore], T],
        done: Callable[[T], None],
        failed: Callable[[KompassenError], None] | None = None,
    ) -> None:
        """``fn(store)`` on the worker, saying ``words`` meanwhile; errors in words."""
        self.say(words)
        self._set_busy(True)

        def finish(result: T) -> None:
            self._set_busy(False)
            done(result)

        def fail(err: KompassenError) -> None:
            self._set_busy(False)
            if failed is not None:
                failed(err)
            else:
                self.say(err.message(self.lang))

        self.worker.submit(lambda _r: fn(self.store), done=finish, failed=fail)

    def refresh(self) -> None:
        def listed(rows: list[AreaRow]) -> None:
            self.rows = rows
            self._fill()
            self._say_count()
            if self.status.text() == self.tr("Läser områdena…"):
                self.say("")
            self.loaded.emit()

        self.run(self.tr("Läser områdena…"), office_areas.area_rows, listed)

    def _fill_from_areas(self) -> None:
        if self.rows:
            return
        self.table.setRowCount(len(self.areas))
        for r, a in enumerate(self.areas):
            values = (a.id, a.name, a.pack_version, str(a.catalogue_version), "–")
            for c, v in enumerate((*values, str(a.service_count), "–", "–")):
                self.table.setItem(r, c, QTableWidgetItem(v))

    def _fill(self) -> None:
        if not self.rows:
            return
        selected = self.selected_id()
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            release = str(a.release) if a.release is not None else self.tr("ingen")
            values = (
                a.id,
                a.name,
                a.pack_version,
                str(a.catalogue_version),
                release,
                str(a.services),
                str(a.organizations),
                str(a.locations),
            )
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setToolTip(f"{a.name} – {a.title}" if c == 1 and a.title else v)
                if c >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        ids = [a.id for a in self.rows]
        self.table.selectRow(ids.index(selected) if selected in ids else 0)
        self._selection_changed()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def select(self, area_id: str) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text() == area_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        has = self.selected_id() is not None and not self.worker.busy
        self.export_hsds_button.setEnabled(has)
        self.export_pack_button.setEnabled(has)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.new_button, self.import_button, self.refresh_button):
            b.setEnabled(not busy)
        has = self.selected_id() is not None
        self.export_hsds_button.setEnabled(has and not busy)
        self.export_pack_button.setEnabled(has and not busy)

    def _installed(self, area_id: str) -> None:
        """A new or replaced area is in the catalogue: the list, then the window."""

        def listed(result: tuple[list[AreaRow], list[Area]]) -> None:
            self.rows, self.areas = result
            self._fill()
            self._say_count()
            self.select(area_id)
            self.areas_changed.emit(self.areas)
            self.loaded.emit()

        self.worker.submit(
            lambda _r: (office_areas.area_rows(self.store), self.store.reader.areas()),
            done=listed,
            failed=lambda err: self.say(err.message(self.lang)),
        )

    # ------------------------------------------------------------------ new area

    def open_new_dialog(self) -> NewAreaDialog:
        dialog = NewAreaDialog(self, self)
        self.new_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def open_import_dialog(self) -> ImportDialog:
        dialog = ImportDialog(self, [a.id for a in self.rows] or [a.id for a in self.areas], self)
        self.import_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.new_dialog is dialog:
            self.new_dialog = None
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    # ------------------------------------------------------------------ export

    def choose_folder(self, kind: str) -> QFileDialog | None:
        """The folder chooser (window-modal, no nested event loop) for an export."""
        area_id = self.selected_id()
        if area_id is None:
            return None
        chooser = QFileDialog(
            self, self.tr("Välj mappen att exportera {area} till").format(area=area_id)
        )
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)

        def chosen(path: str) -> None:
            if kind == "hsds":
                self.export_hsds_to(Path(path))
            else:
                self.export_pack_to(Path(path))

        chooser.fileSelected.connect(chosen)
        chooser.finished.connect(lambda _r: chooser.deleteLater())
        self.chooser = chooser
        chooser.open()
        return chooser

    def export_hsds_to(self, parent: Path, area_id: str | None = None) -> None:
        """Write the area as HSDS 3 into a new folder ``parent/<area>-hsds``."""
        area_id = area_id or self.selected_id()
        if area_id is None:
            return
        folder = parent / f"{area_id}-hsds"
        if not office_areas.folder_is_free(folder):
            self.say(self._not_free(folder))
            return
        now = self.ctx.clock.now()

        def done(result: Any) -> None:
            self.say(
                self.tr(
                    "{area} exporterades som HSDS 3 till {folder}: %n tjänster, "
                    "JSON (datapackage.json, hsds_services.json) och CSV-tabeller.",
                    "",
                    result.services,
                ).format(area=area_id, folder=str(folder))
            )
            self.exported.emit(folder)

        self.run(
            self.tr("Exporterar {area} som HSDS 3…").format(area=area_id),
            lambda store: office_areas.export_hsds(store, area_id, folder, now),
            done,
        )

    def export_pack_to(self, parent: Path, area_id: str | None = None) -> None:
        """Write the area as a pack folder ``parent/<area>`` (what validate-pack reads)."""
        area_id = area_id or self.selected_id()
        if area_id is None:
            return
        folder = parent / area_id
        if not office_areas.folder_is_free(folder):
            self.say(self._not_free(folder))
            return

        def done(written: Path) -> None:
            self.say(
                self.tr("{area} exporterades som områdespaket till {folder}.").format(
                    area=area_id, folder=str(written)
                )
            )
            self.exported.emit(written)

        self.run(
            self.tr("Exporterar {area} som områdespaket…").format(area=area_id),
            lambda store: office_areas.export_pack(store, area_id, parent),
            done,
        )

    def _not_free(self, folder: Path) -> str:
        return self.tr(
            "Mappen {folder} finns redan och är inte tom. Välj en annan mapp; inget skrevs."
        ).format(folder=str(folder))

    def close_worker(self) -> None:
        self.worker.close()


class NewAreaDialog(QDialog):
    """Id, name, title, descriptions and centre of an empty area; installs it on "Skapa"."""

    def __init__(self, page: AreasPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setModal(True)
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.area_id = QLineEdit(self)
        self.name = QLineEdit(self)
        self.area_title = QLineEdit(self)
        self.description_sv = QLineEdit(self)
        self.description_en = QLineEdit(self)
        centre = page.areas[0].center if page.areas else (59.33, 18.06)
        self.lat = QDoubleSpinBox(self)
        self.lat.setRange(-90, 90)
        self.lat.setDecimals(5)
        self.lat.setValue(centre[0])
        self.lon = QDoubleSpinBox(self)
        self.lon.setRange(-180, 180)
        self.lon.setDecimals(5)
        self.lon.setValue(centre[1])
        self.labels: dict[str, QLabel] = {}
        for key, w in (
            ("id", self.area_id),
            ("name", self.name),
            ("title", self.area_title),
            ("description_sv", self.description_sv),
            ("description_en", self.description_en),
            ("lat", self.lat),
            ("lon", self.lon),
        ):
            label = QLabel(self)
            label.setBuddy(w)
            self.labels[key] = label
            form.addRow(label, w)
        lay.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)
        self.create_button.setProperty("role", "primary")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        lay.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button.clicked.connect(self.create_area)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Nytt område"))
        self.intro.setText(
            self.tr(
                "Ett tomt område med en landmärkespunkt i mitten. Tjänsterna lägger du till i "
                "Katalog. Området får platshållare för kontorsnycklarna: skapa riktiga nycklar "
                "innan den första publiceringen."
            )
        )
        words = {
            "id": self.tr("Id (a–z, 0–9, -)"),
            "name": self.tr("Namn"),
            "title": self.tr("Rubrik"),
            "description_sv": self.tr("Beskrivning (svenska)"),
            "description_en": self.tr("Beskrivning (engelska)"),
            "lat": self.tr("Mitt, latitud"),
            "lon": self.tr("Mitt, longitud"),
        }
        for key, text in words.items():
            self.labels[key].setText(text)
            buddy = self.labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(text.split(" (")[0])
        self.area_id.setPlaceholderText(self.tr("t.ex. solna"))
        self.name.setPlaceholderText(self.tr("t.ex. Solnakompassen"))
        self.area_title.setPlaceholderText(self.tr("t.ex. Solna – centrum och Råsunda"))
        self.cancel_button.setText(self.tr("Avbryt"))
        self.create_button.setText(self.tr("Skapa området"))
        self.message.setAccessibleName(self.tr("Meddelande"))

    def value(self) -> NewArea:
        return NewArea(
            id=self.area_id.text().strip(),
            name=self.name.text().strip(),
            title=self.area_title.text().strip(),
            description_sv=self.description_sv.text(),
            description_en=self.description_en.text(),
            lat=self.lat.value(),
            lon=self.lon.value(),
        )

    def create_area(self) -> None:
        new = self.value()
        self.create_button.setEnabled(False)

        def done(_version: int) -> None:
            self.page.say(self.tr("Området {area} skapades.").format(area=new.id))
            self.page._installed(new.id)
            self.accept()

        def failed(err: KompassenError) -> None:
            self.create_button.setEnabled(True)
            self.message.setText(err.message(self.page.lang))
            self.page.say("")
            field = getattr(err, "field", "")
            target = {"id": self.area_id, "name": self.name, "center": self.lat}.get(field)
            if target is not None:
                target.setFocus()

        self.message.setText(self.tr("Skapar området…"))
        self.page.run(
            self.tr("Skapar området {area}…").format(area=new.id),
            lambda store: office_areas.create_area(store, new),
            done,
            failed,
        )


class ImportDialog(QDialog):
    """An HSDS import: the data, a new area or an installed one, the report, then install."""

    def __init__(
        self, page: AreasPage, installed: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.preview: ImportPreview | None = None
        self.chooser: QFileDialog | None = None
        self.setModal(True)
        self.setMinimumSize(760, 560)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        src = QHBoxLayout()
        self.path = QLineEdit(self)
        self.file_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        src.addWidget(self.path, 1)
        src.addWidget(self.file_button)
        src.addWidget(self.folder_button)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        lay.addWidget(self.path_label)
        lay.addLayout(src)
        self.as_new = QRadioButton(self)
        self.as_new.setChecked(True)
        self.into = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.into)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.new_id = QLineEdit(self)
        self.new_name = QLineEdit(self)
        self.target = QComboBox(self)
        self.target.addItems(installed)
        self.new_id_label = QLabel(self)
        self.new_id_label.setBuddy(self.new_id)
        self.new_name_label = QLabel(self)
        self.new_name_label.setBuddy(self.new_name)
        lay.addWidget(self.as_new)
        form.addRow(self.new_id_label, self.new_id)
        form.addRow(self.new_name_label, self.new_name)
        lay.addLayout(form)
        into_row = QHBoxLayout()
        into_row.addWidget(self.into)
        into_row.addWidget(self.target)
        into_row.addStretch(1)
        lay.addLayout(into_row)
        self.strict = QCheckBox(self)
        lay.addWidget(self.strict)
        self.read_button = QPushButton(self)
        lay.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lay.addWidget(self.report, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.install_button = QPushButton(self)
        self.install_button.setProperty("role", "primary")
        self.install_button.setEnabled(False)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.install_button)
        lay.addLayout(buttons)

        self.file_button.clicked.connect(lambda: self.choose(folder=False))
        self.folder_button.clicked.connect(lambda: self.choose(folder=True))
        self.read_button.clicked.connect(self.read)
        self.install_button.clicked.connect(self.install)
        self.cancel_button.clicked.connect(self.reject)
        for w in (self.path, self.new_id, self.new_name):
            w.textChanged.connect(self._changed)
        self.as_new.toggled.connect(self._changed)
        self.target.currentIndexChanged.connect(self._changed)
        self.strict.toggled.connect(self._changed)
        self.into.setEnabled(bool(installed))
        self._changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Importera HSDS"))
        self.intro.setText(
            self.tr(
                "Läs in HSDS-data (datapackage.json eller en mapp med CSV-filer). Du ser "
                "importrapporten innan något installeras."
            )
        )
        self.path_label.setText(self.tr("HSDS-data"))
        self.path.setAccessibleName(self.tr("Sökväg till HSDS-datat"))
        self.file_button.setText(self.tr("Välj JSON-fil…"))
        self.file_button.setAccessibleName(self.tr("Välj en datapackage-fil (JSON)"))
        self.folder_button.setText(self.tr("Välj CSV-mapp…"))
        self.folder_button.setAccessibleName(self.tr("Välj en mapp med CSV-filer"))
        self.as_new.setText(self.tr("Som nytt område"))
        self.new_id_label.setText(self.tr("Id (a–z, 0–9, -)"))
        self.new_id.setAccessibleName(self.tr("Det nya områdets id"))
        self.new_name_label.setText(self.tr("Namn"))
        self.new_name.setAccessibleName(self.tr("Det nya områdets namn"))
        self.into.setText(self.tr("Ersätt det installerade området"))
        self.target.setAccessibleName(self.tr("Området som ersätts"))
        self.strict.setText(self.tr("Strikt: avvisa allt vid minsta fel"))
        self.read_button.setText(self.tr("Läs in och visa rapporten"))
        self.report.setAccessibleName(self.tr("Importrapport"))
        self.cancel_button.setText(self.tr("Avbryt"))
        self.install_button.setText(self.tr("Installera"))

    def _changed(self) -> None:
        """Any change of the input makes the shown report out of date."""
        self.preview = None
        self.install_button.setEnabled(False)
        new = self.as_new.isChecked()
        self.new_id.setEnabled(new)
        self.new_name.setEnabled(new)
        self.target.setEnabled(not new)
        ready = bool(self.path.text().strip()) and (
            not new or bool(self.new_id.text().strip() and self.new_name.text().strip())
        )
        self.read_button.setEnabled(ready)

    def choose(self, *, folder: bool) -> QFileDialog:
        chooser = QFileDialog(self, self.tr("Välj HSDS-datat"))
        if folder:
            chooser.setFileMode(QFileDialog.FileMode.Directory)
            chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
            chooser.setNameFilter(self.tr("HSDS datapackage (*.json)"))
        chooser.fileSelected.connect(self.path.setText)
        chooser.finished.connect(lambda _r: chooser.deleteLater())
        self.chooser = chooser
        chooser.open()
        return chooser

    def read(self) -> None:
        """Import as far as the install, on the page's worker; the report in words."""
        path = Path(self.path.text().strip())
        new = self.as_new.isChecked()
        area_id = self.new_id.text().strip() if new else self.target.currentText()
        name = self.new_name.text().strip() if new else None
        strict = self.strict.isChecked()
        lang = self.page.lang
        self.read_button.setEnabled(False)
        self.report.setPlainText(self.tr("Läser och kontrollerar HSDS-datat…"))

        def done(preview: ImportPreview) -> None:
            self.preview = preview
            self.read_button.setEnabled(True)
            self.report.setPlainText(
                preview.headline(lang)
                + "\n\n"
                + preview.report_text(lang)
                + "\n\n"
                + self.tr("Inget är installerat ännu: välj Installera för att installera.")
            )
            self.install_button.setEnabled(True)
            self.page.say(self.tr("Importrapporten är klar; inget är installerat ännu."))

        def failed(err: KompassenError) -> None:
            self.read_button.setEnabled(True)
            self.report.setPlainText(
                self.tr("HSDS-datat kan inte importeras; ingenting ändrades.")
                + "\n\n"
                + err.message(lang)
            )
            self.page.say(self.tr("Importen misslyckades; ingenting ändrades."))

        self.page.run(
            self.tr("Läser HSDS-datat…"),
            lambda store: office_areas.preview_import(
                store, path, area_id, new_name=name, strict=strict
            ),
            done,
            failed,
        )

    def install(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.install_button.setEnabled(False)
        self.read_button.setEnabled(False)

        def done(_version: int) -> None:
            self.page.say(
                self.tr(
                    "{area} installerades från HSDS: %n tjänster.", "", preview.result.services
                ).format(area=preview.area_id)
            )
            self.page._installed(preview.area_id)
            self.accept()

        def failed(err: KompassenError) -> None:
            self.read_button.setEnabled(True)
            self.report.appendPlainText(
                "\n" + self.tr("Installationen misslyckades:") + " " + err.message(self.page.lang)
            )
            self.page.say(self.tr("Installationen misslyckades; ingenting ändrades."))

        self.report.appendPlainText("\n" + self.tr("Installerar…"))
        self.page.run(
            self.tr("Installerar {area}…").format(area=preview.area_id),
            lambda store: office_areas.install_preview(store, preview),
            done,
            failed,
        )
