"""New state for one or many reports: one state, one comment, an optional public answer.

The comment is sealed to the area's key before it leaves (only the office reads it); the
answer goes to the tablet that sent the report, signed with the area's key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.office.inbox.model import state_words
from kompassen.office.inbox.model import LINK_KINDS, STATES


class StateDialog(QDialog):
    """Window-modal; read :meth:`values` after ``accepted``."""

    def __init__(
        self,
        count: int,
        lang: str = "sv",
        state: str = "in_progress",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.count = count
        self.lang = lang
        self.setModal(True)
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        form = QFormLayout()
        self.state = QComboBox(self)
        for s in STATES:
            self.state.addItem(state_words(s, lang), s)
        self.state.setCurrentIndex(STATES.index(state) if state in STATES else 0)
        self.state_label = QLabel(self)
        form.addRow(self.state_label, self.state)
        self.comment = QPlainTextEdit(self)
        self.comment.setFixedHeight(90)
        self.comment_label = QLabel(self)
        form.addRow(self.comment_label, self.comment)
        # what answered the report: a guide, a service (its change) or a notice, by its key
        link_row = QHBoxLayout()
        self.link_kind = QComboBox(self)
        self.link_kind.addItem("", None)
        for kind in LINK_KINDS:
            self.link_kind.addItem("", kind)
        self.link_id = QLineEdit(self)
        self.link_id.setMaxLength(128)
        link_row.addWidget(self.link_kind)
        link_row.addWidget(self.link_id, 1)
        self.link_label = QLabel(self)
        form.addRow(self.link_label, link_row)
        self.link_kind.currentIndexChanged.connect(self._link_changed)
        self.answer_on = QCheckBox(self)
        form.addRow("", self.answer_on)
        self.answer_sv = QPlainTextEdit(self)
        self.answer_sv.setFixedHeight(70)
        self.answer_sv_label = QLabel(self)
        form.addRow(self.answer_sv_label, self.answer_sv)
        self.answer_en = QPlainTextEdit(self)
        self.answer_en.setFixedHeight(70)
        self.answer_en_label = QLabel(self)
        form.addRow(self.answer_en_label, self.answer_en)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.answer_on.toggled.connect(self._answer_toggled)
        self._answer_toggled(False)
        self._link_changed()
        self.retranslate()

    def _link_changed(self) -> None:
        self.link_id.setEnabled(self.link_kind.currentData() is not None)

    def link(self) -> tuple[str, str] | None:
        """(link_kind, key) when a kind is chosen and a key written, else None."""
        kind, key = self.link_kind.currentData(), self.link_id.text().strip()
        return (str(kind), key) if kind is not None and key else None

    def _answer_toggled(self, on: bool) -> None:
        for w in (self.answer_sv, self.answer_en, self.answer_sv_label, self.answer_en_label):
            w.setEnabled(on)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ändra status"))
        self.intro.setText(self.tr("Ny status för %n rapporter.", "", self.count))
        self.state_label.setText(self.tr("Status"))
        self.comment_label.setText(self.tr("Kommentar (bara kontoret)"))
        self.link_label.setText(self.tr("Länk"))
        for i, text in enumerate(
            (self.tr("Ingen länk"), self.tr("Lösning"), self.tr("Tjänst"), self.tr("Meddelande"))
        ):
            self.link_kind.setItemText(i, text)
        self.link_kind.setAccessibleName(self.tr("Länk"))
        self.link_id.setPlaceholderText(self.tr("Nyckel i katalogen"))
        self.link_id.setAccessibleName(self.tr("Nyckel i katalogen"))
        self.answer_on.setText(self.tr("Svara surfplattan som skickade rapporten"))
        self.answer_sv_label.setText(self.tr("Svar på svenska"))
        self.answer_en_label.setText(self.tr("Svar på engelska"))
        self.state.setAccessibleName(self.tr("Status"))
        self.comment.setAccessibleName(self.tr("Kommentar"))
        self.answer_sv.setAccessibleName(self.tr("Svar på svenska"))
        self.answer_en.setAccessibleName(self.tr("Svar på engelska"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> tuple[str, str, str | None, str]:
        """(state, comment, answer_sv or None, answer_en)."""
        state = str(self.state.currentData())
        comment = self.comment.toPlainText().strip()
        if not self.answer_on.isChecked() or not self.answer_sv.toPlainText().strip():
            return state, comment, None, ""
        return (
            state,
            comment,
            self.answer_sv.toPlainText().strip(),
            self.answer_en.toPlainText().strip(),
        )
