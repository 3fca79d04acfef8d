"""The report form's privacy warning: what in the text points at a person, and "Maskera".

It warns, and never blocks: only "Skicka" with something still unmasked asks once more
(:meth:`PrivacyBox.confirm_send`), in the box itself rather than a modal dialog, so the worker
sees the findings while deciding and a test can answer it with a tap. Texts are translated in
the form's context ("ReportPage"), where they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kompassen.core import privacy
from kompassen.gui.widgets.touch import button, label


def _what(findings: list[privacy.Finding]) -> tuple[tuple[str, str], ...]:
    """What was found, wherever it stands in the text (an edit elsewhere changes nothing)."""
    return tuple((f.kind, f.text) for f in findings)


class PrivacyBox(QFrame):
    """A card under the text: the kinds of findings in words, and the button that masks them."""

    send_anyway = Signal()  # the worker answered "Skicka ändå" to the question before sending

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.findings: list[privacy.Finding] = []
        self._lang = "sv"
        # what the worker chose to send unmasked: (kind, text) of each finding then
        self._confirmed: tuple[tuple[str, str], ...] | None = None
        pl = QVBoxLayout(self)
        pl.setContentsMargins(16, 10, 16, 10)
        self.label = label("", "warning", self)
        pl.addWidget(self.label)
        self.question = label("", "warning", self)
        self.question.hide()
        pl.addWidget(self.question)
        ph = QHBoxLayout()
        self.mask_button = button("", parent=self)
        ph.addWidget(self.mask_button)
        self.send_anyway_button = button("", parent=self)
        self.send_anyway_button.hide()
        self.send_anyway_button.clicked.connect(self._send_anyway)
        ph.addWidget(self.send_anyway_button)
        ph.addStretch(1)
        pl.addLayout(ph)
        self.hide()

    def scan(self, text: str, lang: str) -> None:
        """Look for what points at a person in ``text`` and show (or hide) the warning."""
        findings = privacy.scan(text)
        if _what(findings) != _what(self.findings):
            self._ask(False)  # a question (or an answer) about other findings no longer stands
        self.findings = findings
        self.show_findings(lang)

    def _words(self, lang: str) -> str:
        words: list[str] = []
        for f in self.findings:
            w = f.label(lang)
            if w not in words:
                words.append(w)
        return ", ".join(words)

    def show_findings(self, lang: str) -> None:
        self._lang = lang
        if not self.findings:
            self._ask(False)
            self.hide()
            return
        self.label.setText(
            QCoreApplication.translate(
                "ReportPage",
                "Texten verkar innehålla uppgifter som pekar ut en person: {what}. "
                "Skriv inte ut vem personen är.",
            ).format(what=self._words(lang))
        )
        self.question.setText(
            QCoreApplication.translate(
                "ReportPage", "Texten ser ut att innehålla {what}. Skicka ändå?"
            ).format(what=self._words(lang))
        )
        self.show()

    def confirm_send(self, text: str, lang: str) -> bool:
        """Whether ``text`` may be sent now; if it holds unmasked findings, ask once and say no.

        The worker answers with "Skicka ändå" (:attr:`send_anyway`) or "Maskera". The answer
        holds for these findings: an edit that changes what was found asks again.
        """
        self.scan(text, lang)
        if not self.findings or self._confirmed == _what(self.findings):
            return True
        self._ask(True)
        self.send_anyway_button.setFocus()
        return False

    @property
    def asking(self) -> bool:
        """The question before sending is shown and not yet answered."""
        return not self.question.isHidden()

    def _ask(self, on: bool) -> None:
        self.question.setVisible(on)
        self.send_anyway_button.setVisible(on)
        if not on:
            self._confirmed = None

    def _send_anyway(self) -> None:
        self.question.hide()
        self.send_anyway_button.hide()
        self._confirmed = _what(self.findings)
        self.send_anyway.emit()

    def retranslate(self, lang: str) -> None:
        self.mask_button.setText(QCoreApplication.translate("ReportPage", "Maskera"))
        self.mask_button.setAccessibleName(
            QCoreApplication.translate("ReportPage", "Maskera uppgifterna som pekar ut personen")
        )
        self.send_anyway_button.setText(QCoreApplication.translate("ReportPage", "Skicka ändå"))
        self.send_anyway_button.setAccessibleName(
            QCoreApplication.translate(
                "ReportPage", "Skicka rapporten ändå, utan att maskera uppgifterna"
            )
        )
        self.show_findings(lang)
