"""The report form's privacy warning: what in the text points at a person, and "Maskera".

It warns, never blocks. Texts are translated in the form's context ("ReportPage"), where they
have always been, so the translation files need no change for the move.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kompassen.core import privacy
from kompassen.gui.widgets.touch import button, label


class PrivacyBox(QFrame):
    """A card under the text: the kinds of findings in words, and the button that masks them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.findings: list[privacy.Finding] = []
        pl = QVBoxLayout(self)
        pl.setContentsMargins(16, 10, 16, 10)
        self.label = label("", "warning", self)
        pl.addWidget(self.label)
        ph = QHBoxLayout()
        self.mask_button = button("", parent=self)
        ph.addWidget(self.mask_button)
        ph.addStretch(1)
        pl.addLayout(ph)
        self.hide()

    def scan(self, text: str, lang: str) -> None:
        """Look for what points at a person in ``text`` and show (or hide) the warning."""
        self.findings = privacy.scan(text)
        self.show_findings(lang)

    def show_findings(self, lang: str) -> None:
        if not self.findings:
            self.hide()
            return
        kinds: list[str] = []
        for f in self.findings:
            if f.kind not in kinds:
                kinds.append(f.kind)
        words = [
            privacy.FINDING_LABELS[k][lang == "en"] if k in privacy.FINDING_LABELS else k
            for k in kinds
        ]
        self.label.setText(
            QCoreApplication.translate(
                "ReportPage",
                "Texten verkar innehålla uppgifter som pekar ut en person: {what}. "
                "Skriv inte ut vem personen är.",
            ).format(what=", ".join(words))
        )
        self.show()

    def retranslate(self, lang: str) -> None:
        self.mask_button.setText(QCoreApplication.translate("ReportPage", "Maskera"))
        self.mask_button.setAccessibleName(
            QCoreApplication.translate("ReportPage", "Maskera uppgifterna som pekar ut personen")
        )
        self.show_findings(lang)
