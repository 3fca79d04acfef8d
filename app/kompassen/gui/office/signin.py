"""The sign-in dialog: server address, user name, password; Enter signs in.

The sign-in itself runs on the session's worker (the dialog stays responsive and says
"Loggar in…"); a failure is shown in words in the dialog, the password kept, so a typo in the
address costs no retyping. Never a traceback: a bug shows the worker's "unexpected error"
words while the crash hook logs it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.gui.office.session import OfficeSession, SignedIn


class SignInDialog(QDialog):
    """Asks for the server, the name and the password and signs in on the session's worker."""

    succeeded = Signal(object)  # SignedIn

    def __init__(
        self,
        session: OfficeSession,
        lang: str,
        *,
        server: str = "",
        user: str = "",
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.busy = False
        self.setModal(True)
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.reason = QLabel(reason, self)
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        lay.addWidget(self.reason)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.server = QLineEdit(server, self)
        self.server.setPlaceholderText("https://kompassen.example.se")
        self.user = QLineEdit(user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_label = QLabel(self)
        self.user_label = QLabel(self)
        self.password_label = QLabel(self)
        for lab, field in (
            (self.server_label, self.server),
            (self.user_label, self.user),
            (self.password_label, self.password),
        ):
            lab.setBuddy(field)
            form.addRow(lab, field)
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setObjectName("signinError")
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.cancel = QPushButton(self)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setTabOrder(self.server, self.user)
        self.setTabOrder(self.user, self.password)
        self.setTabOrder(self.password, self.ok)
        self.setTabOrder(self.ok, self.cancel)
        self.retranslate()
        first = next((f for f in (self.server, self.user, self.password) if not f.text()), None)
        (first or self.password).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Logga in – Kompassen kontor"))
        self.intro.setText(
            self.tr("Logga in på synkservern med ditt kontorskonto för att hantera katalogen.")
        )
        self.server_label.setText(self.tr("&Serveradress"))
        self.user_label.setText(self.tr("&Användarnamn"))
        self.password_label.setText(self.tr("&Lösenord"))
        self.server.setAccessibleName(self.tr("Serveradress"))
        self.user.setAccessibleName(self.tr("Användarnamn"))
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.error.setAccessibleName(self.tr("Fel vid inloggning"))
        self.ok.setText(self.tr("Logga in") if not self.busy else self.tr("Loggar in…"))
        self.ok.setAccessibleName(self.tr("Logga in"))
        self.cancel.setText(self.tr("Avbryt"))
        self.cancel.setAccessibleName(self.tr("Avbryt"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        """Enter or the button: check the fields are filled in, then sign in off this thread."""
        if self.busy:
            return
        missing = [
            (field, words)
            for field, words in (
                (self.server, self.tr("Skriv serverns adress.")),
                (self.user, self.tr("Skriv ditt användarnamn.")),
                (self.password, self.tr("Skriv ditt lösenord.")),
            )
            if not field.text().strip()
        ]
        if missing:
            self.show_error(missing[0][1])
            missing[0][0].setFocus()
            return
        self._set_busy(True)
        self.error.hide()
        self.session.sign_in(
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            done=self._done,
            failed=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.server, self.user, self.password, self.ok):
            w.setEnabled(not busy)
        self.retranslate()

    def _done(self, who: SignedIn) -> None:
        self._set_busy(False)
        self.password.clear()
        self.succeeded.emit(who)
        self.accept()

    def _failed(self, err: KompassenError) -> None:
        self._set_busy(False)
        self.show_error(err.message(self.lang))
        self.password.setFocus()
        self.password.selectAll()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
