"""The "Ny registreringskod" dialog: how many tablets and for how long, then the code.

The code is shown once, large and in a monospace face (no 0/O or 1/l doubt when read aloud),
with a QR code of its ``kompassen://enrol`` link that the tablet's camera or scanner reads,
and copy buttons for each. Creating it runs on the session's worker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.gui.office.qr import QrLabel
from kompassen.gui.office.session import OfficeSession
from kompassen.gui.office.when import when_words
from kompassen.office.client import EnrolmentCode

MAX_USES = 500
MAX_HOURS = 24 * 90


class EnrolDialog(QDialog):
    """Asks for uses and validity, creates the code on the server, shows it with its QR."""

    created = Signal(object)  # EnrolmentCode

    def __init__(
        self, session: OfficeSession, clock: Clock, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.lang = lang
        self.code: EnrolmentCode | None = None
        self.setModal(True)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.uses = QSpinBox(self)
        self.uses.setRange(1, MAX_USES)
        self.uses.setValue(1)
        valid = QHBoxLayout()
        self.valid = QSpinBox(self)
        self.valid.setRange(1, MAX_HOURS)
        self.valid.setValue(7)
        self.unit = QComboBox(self)
        valid.addWidget(self.valid)
        valid.addWidget(self.unit)
        valid.addStretch(1)
        self.uses_label = QLabel(self)
        self.uses_label.setBuddy(self.uses)
        self.valid_label = QLabel(self)
        self.valid_label.setBuddy(self.valid)
        form.addRow(self.uses_label, self.uses)
        form.addRow(self.valid_label, valid)
        lay.addLayout(form)
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_code)
        lay.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)

        # the result: hidden until the server answered
        self.result_box = QWidget(self)
        res = QHBoxLayout(self.result_box)
        res.setContentsMargins(0, 0, 0, 0)
        self.qr = QrLabel(parent=self.result_box)
        res.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        self.code_title = QLabel(self.result_box)
        self.code_text = QLabel(self.result_box)
        # the app's style sheet sets every widget's font size: this label's own sheet wins
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        size = max(QGuiApplication.font().pointSizeF(), 10.0) * 2.4
        self.code_text.setStyleSheet(
            f'font-family: "{mono.family()}", monospace; font-size: {size:.0f}pt; '
            "font-weight: bold; letter-spacing: 2px;"
        )
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.uri_text = QLabel(self.result_box)
        self.uri_text.setWordWrap(True)
        self.uri_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.limits = QLabel(self.result_box)
        self.limits.setWordWrap(True)
        copy_row = QHBoxLayout()
        self.copy_code = QPushButton(self.result_box)
        self.copy_uri = QPushButton(self.result_box)
        self.copy_qr = QPushButton(self.result_box)
        for b in (self.copy_code, self.copy_uri, self.copy_qr):
            copy_row.addWidget(b)
        copy_row.addStretch(1)
        self.copy_code.clicked.connect(self._copy_code)
        self.copy_uri.clicked.connect(self._copy_uri)
        self.copy_qr.clicked.connect(self._copy_qr)
        for w in (self.code_title, self.code_text, self.uri_text, self.limits):
            right.addWidget(w)
        right.addLayout(copy_row)
        right.addStretch(1)
        res.addLayout(right, 1)
        self.result_box.hide()
        lay.addWidget(self.result_box)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()
        self.uses.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ny registreringskod"))
        self.intro.setText(
            self.tr(
                "En registreringskod kopplar nya surfplattor till servern. Skriv in koden på "
                "surfplattan eller läs QR-koden med den. Koden visas bara nu."
            )
        )
        self.uses_label.setText(self.tr("&Antal surfplattor"))
        self.valid_label.setText(self.tr("&Giltig i"))
        self.uses.setAccessibleName(self.tr("Antal surfplattor som kan använda koden"))
        self.valid.setAccessibleName(self.tr("Hur länge koden gäller"))
        self.unit.setAccessibleName(self.tr("Enhet för giltighetstiden"))
        unit = self.unit.currentIndex()
        self.unit.clear()
        self.unit.addItem(self.tr("dagar"), 24)
        self.unit.addItem(self.tr("timmar"), 1)
        self.unit.setCurrentIndex(max(0, unit))
        self.create_button.setText(self.tr("Skapa kod"))
        self.create_button.setAccessibleName(self.tr("Skapa registreringskod"))
        self.code_title.setText(self.tr("Registreringskod"))
        self.code_text.setAccessibleName(self.tr("Registreringskoden"))
        self.qr.setAccessibleName(self.tr("QR-kod för registreringen"))
        self.uri_text.setAccessibleName(self.tr("Registreringslänk"))
        self.copy_code.setText(self.tr("Kopiera koden"))
        self.copy_uri.setText(self.tr("Kopiera länken"))
        self.copy_qr.setText(self.tr("Kopiera QR-bilden"))
        for b in (self.copy_code, self.copy_uri, self.copy_qr):
            b.setAccessibleName(b.text())
        self.close_button.setText(self.tr("Stäng"))
        self.close_button.setAccessibleName(self.tr("Stäng"))
        if self.code is not None:
            self._show_limits(self.code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def valid_hours(self) -> int:
        return int(self.valid.value()) * int(self.unit.currentData() or 1)

    def create_code(self) -> None:
        """Ask the server for a code (on the worker thread)."""
        uses, hours = int(self.uses.value()), self.valid_hours
        if hours > MAX_HOURS:
            self._say(self.tr("En kod kan gälla i högst 90 dagar."))
            return
        self.create_button.setEnabled(False)
        self._say(self.tr("Skapar kod…"))
        self.session.call(
            lambda client: client.new_enrolment_code(uses, hours),
            key="enrol-code",
            done=self._created,
            failed=self._failed,
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _created(self, code: EnrolmentCode) -> None:
        self.code = code
        self.create_button.setEnabled(True)
        self._say("")
        self.code_text.setText(code.code)
        self.uri_text.setText(code.uri)
        self.qr.set_text(code.uri)
        self._show_limits(code)
        self.result_box.show()
        self.adjustSize()
        self.copy_code.setFocus()
        self.created.emit(code)

    def _show_limits(self, code: EnrolmentCode) -> None:
        self.limits.setText(
            self.tr("Kan användas av %n surfplattor. Gäller till {when}.", "", code.uses).format(
                when=when_words(code.expires_at, self.clock.now())
            )
        )

    def _failed(self, err: KompassenError) -> None:
        self.create_button.setEnabled(True)
        self._say(err.message(self.lang))

    def _copy_code(self) -> None:
        if self.code is not None:
            QGuiApplication.clipboard().setText(self.code.code)

    def _copy_uri(self) -> None:
        if self.code is not None:
            QGuiApplication.clipboard().setText(self.code.uri)

    def _copy_qr(self) -> None:
        if self.code is not None:
            QGuiApplication.clipboard().setImage(self.qr.image())
