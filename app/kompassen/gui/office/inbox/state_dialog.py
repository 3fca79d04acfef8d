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
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.office.inbox.model import state_words
from kompassen.office.inbox.model import STATES


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
        self.retranslate()

    def _answer_toggled(self, on: bool) -> None:
        for w in (self.answer_sv, self.answer_en, self.answer_sv_label, self.answer_en_label):
            w.setEnabled(on)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ändra status"))
        self.intro.setText(self.tr("Ny status för %n rapporter.", "", self.count))
        self.state_label.setText(self.tr("Status"))
        self.comment_label.setText(self.tr("Kommentar (bara kontoret)"))
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
