"""What "Ring" does on a device that cannot dial: the number large, to call from a phone.

A tablet without a SIM, or a desktop without a ``tel:`` handler, makes ``openUrl`` return
False and nothing visible happens: the worker would tap again and again. This small
non-modal dialog says why and shows the number big enough to read off while dialling on a
phone; the detail page stays usable behind it. Imported only when a dial has failed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kompassen.core.model import Phone
from kompassen.gui.widgets.touch import button, label

NUMBER_SCALE = 1.8  # the number is this many times the page's text size
BUTTON_PX = 64  # as tall as the detail page's big buttons
MIN_WIDTH_PX = 440  # the sentence in two lines, not four


class NoDialerDialog(QDialog):
    """One per detail page, reused: ``show_number(phone)`` fills it and shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.phone: Phone | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(24, 20, 24, 20)
        v.setSpacing(12)
        self.text = label("", "", self)
        v.addWidget(self.text)
        self.number = label("", "phone", self, wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.number)
        self.feedback = label("", "muted", self)
        self.feedback.hide()
        v.addWidget(self.feedback)
        h = QHBoxLayout()
        h.setSpacing(12)
        self.copy_button = button("", role="primary", parent=self)
        self.close_button = button("", parent=self)
        for b in (self.copy_button, self.close_button):
            b.setMinimumHeight(BUTTON_PX)
            h.addWidget(b, 1)
        v.addLayout(h)
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.hide)

    def show_number(self, phone: Phone) -> None:
        """Say that this device cannot dial ``phone`` and show its number (non-modal)."""
        self.phone = phone
        self.retranslate()
        self.feedback.hide()
        self._size_number()
        if self.isVisible():
            self.raise_()  # behind the main window after a tap there; a new one shows on top
        self.show()
        self.activateWindow()
        self.copy_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        phone = self.phone
        if phone is None:
            return
        if phone.kind == "sms":
            self.setWindowTitle(self.tr("Kan inte skicka sms"))
            self.text.setText(
                self.tr("Den här enheten kan inte skicka sms. Skicka till numret från en telefon:")
            )
        else:
            self.setWindowTitle(self.tr("Kan inte ringa"))
            self.text.setText(
                self.tr("Den här enheten kan inte ringa. Ring numret från en telefon:")
            )
        self.number.setText(phone.number)
        self.number.setAccessibleName(self.tr("Telefonnummer {n}").format(n=phone.number))
        self.copy_button.setText(self.tr("Kopiera"))
        self.copy_button.setAccessibleName(self.tr("Kopiera {n}").format(n=phone.number))
        self.close_button.setText(self.tr("Stäng"))
        if not self.feedback.isHidden():
            self.feedback.setText(self.tr("Numret {n} är kopierat.").format(n=phone.number))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _size_number(self) -> None:
        """Larger than the page's phone numbers, following the chosen text size."""
        self.ensurePolished()
        pt = self.font().pointSizeF()
        self.number.setStyleSheet(f"font-size: {pt * NUMBER_SCALE:.1f}pt; font-weight: 700;")

    def copy(self) -> None:
        if self.phone is None:
            return
        QGuiApplication.clipboard().setText(self.phone.number)
        self.feedback.setText(self.tr("Numret {n} är kopierat.").format(n=self.phone.number))
        self.feedback.show()
