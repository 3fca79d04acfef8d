"""Om Kompassen: which app, which area data and which Qt this tablet runs, and where its data is.

When the office asks "which version do you have?" (or a bug report needs it), the answer is one
tap from Settings: the app version (``kompassen.__version__``, the one version), each installed
area with its pack version, catalogue version, the signed release it came from and when it was
installed, the Qt and PySide6 versions, the device folder and the licence. Read fresh each time
the page is shown: a sync may have installed a new release meanwhile.
"""

from __future__ import annotations

import os
import platform
from datetime import datetime
from html import escape

import PySide6
from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kompassen import __version__
from kompassen.core.clock import STOCKHOLM
from kompassen.core.errors import KompassenError
from kompassen.device import machine_defaults
from kompassen.gui.field.services import FieldServices
from kompassen.gui.widgets.touch import button, label, scroll_column

QT_LICENCE = "LGPL-3.0"  # how the app uses Qt and PySide6 (their open-source licence)


def app_licence() -> str:
    """Kompassen's licence as its package metadata declares it (pyproject.toml ``license``)."""
    from importlib import metadata  # only here: never on the start or CLI path

    try:
        meta = metadata.metadata("kompassen")
    except metadata.PackageNotFoundError:  # a bundle without the metadata: say so, not guess
        return "?"
    return meta["License-Expression"] or meta["License"] or "?"  # None when absent


def breakable(path: object) -> str:
    """A path that may wrap after each separator (a zero-width space there): a long home
    folder must not run off a portrait screen at the largest text size."""
    text = str(path)
    for sep in ("/", "\\"):
        text = text.replace(sep, sep + "\u200b")
    return text


def when(iso: str | None) -> str:
    """An install time as ``2026-12-02 04:15`` Stockholm time (the same in both languages)."""
    if not iso:
        return "?"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(STOCKHOLM)
    return moment.strftime("%Y-%m-%d %H:%M")


class AboutPage(QWidget):
    """Versions, data folder and licence, in words; "Tillbaka" (Esc) returns to Settings."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.scroll_area, self.column, col = scroll_column(self, 860)
        top = QHBoxLayout()
        self.back_button = button("", parent=self.column)
        self.back_button.clicked.connect(svc.nav.back)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        col.addLayout(top)
        self.heading = label(role="heading")
        col.addWidget(self.heading)
        self.app_line = label()
        self.app_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.app_line)
        self.areas_label = self._section()
        col.addWidget(self.areas_label)
        self.areas_box = col  # the area lines go between the two sections (see refresh)
        self.area_lines: list[QLabel] = []
        self.area_at = col.count()
        self.software_label = self._section()
        col.addWidget(self.software_label)
        self.software_line = label()
        col.addWidget(self.software_line)
        self.data_label = self._section()
        col.addWidget(self.data_label)
        self.data_line = label()
        col.addWidget(self.data_line)
        self.licence_label = self._section()
        col.addWidget(self.licence_label)
        self.licence_line = label()
        col.addWidget(self.licence_line)
        col.addStretch(1)
        self.setFocusProxy(self.back_button)
        self.refresh()

    @staticmethod
    def _section() -> QLabel:
        lab = label(role="section")
        lab.setIndent(0)
        return lab

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        # shown: now; hidden: showEvent reads everything again anyway
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Every text, read again (areas from the catalogue, the device folder, Qt)."""
        self.back_button.setText(self.tr("← Tillbaka"))
        self.back_button.setAccessibleName(self.tr("Tillbaka till inställningarna"))
        self.heading.setText(self.tr("Om Kompassen"))
        self.app_line.setText(self.tr("Kompassen version {v}").format(v=__version__))
        self.areas_label.setText(self.tr("Installerade områden"))
        self._show_areas()
        self.software_label.setText(self.tr("Programvara"))
        self.software_line.setText(
            self.tr("Qt {qt} · PySide6 {pyside} · Python {python}").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
            )
        )
        self.data_label.setText(self.tr("Var data finns"))
        folder = breakable(self.svc.settings.path.parent)
        lines = [self.tr("Enhetens mapp: {folder}").format(folder=folder)]
        source = machine_defaults.load(os.environ).source
        if source is not None:
            lines.append(self.tr("Datorns förval: {file}").format(file=breakable(source)))
        self.data_line.setText("\n".join(lines))
        self.licence_label.setText(self.tr("Licens"))
        self.licence_line.setText(
            self.tr("Kompassen: {app}. Qt och PySide6 används under {qt}.").format(
                app=app_licence(), qt=QT_LICENCE
            )
        )

    def _show_areas(self) -> None:
        for lab in self.area_lines:
            self.areas_box.removeWidget(lab)
            lab.deleteLater()
        self.area_lines = []
        reader = self.svc.reader
        try:
            areas = reader.areas()
        except KompassenError as err:
            self._add_area_line(err.message(self.svc.state.lang))
            return
        if not areas:
            self._add_area_line(self.tr("Inga områden är installerade."))
        for area in areas:
            release = reader.release_version(area.id)
            catalogue = (
                self.tr("katalogversion {c} från signerad utgåva {r}").format(
                    c=area.catalogue_version, r=release
                )
                if release is not None
                else self.tr("katalogversion {c}").format(c=area.catalogue_version)
            )
            self._add_area_line(
                self.tr(
                    "<b>{name}</b><br>Områdespaket {pack} · {catalogue} · installerad {when}"
                ).format(
                    name=escape(area.name, quote=False),
                    pack=escape(area.pack_version, quote=False),
                    catalogue=catalogue,
                    when=when(reader.installed_at(area.id)),
                )
            )

    def _add_area_line(self, text: str) -> None:
        lab = label(text)
        lab.setTextFormat(Qt.TextFormat.RichText)
        self.areas_box.insertWidget(self.area_at + len(self.area_lines), lab)
        self.area_lines.append(lab)
