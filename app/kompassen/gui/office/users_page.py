"""Användare (administrators only): the office users on the server, new users, roles, areas.

The list comes from ``OfficeClient.users()`` on the session's worker. "Ny användare…" asks
for a name, a role, the areas (checkboxes of the installed areas and of every area a user
already has) and a first password typed twice; the server decides how long a password must
be and says so in words. "Ändra…" changes role and areas (and, if typed, the password);
"Stäng av…" asks first, naming the user. Whatever the server refuses (the last
administrator, not an administrator) is said in words on the page or in the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.gui.office.session import OfficeSession
from kompassen.office.client import ROLES, OfficeRole, UserAccount


def role_words(role: str) -> str:
    """The role in words (under the context UsersPage, which lupdate sees)."""
    if role == "admin":
        return QCoreApplication.translate("UsersPage", "administratör")
    return QCoreApplication.translate("UsersPage", "samordnare")


class UsersPage(QWidget):
    """The office users with "Ny användare…", "Ändra…", "Stäng av…" and "Uppdatera"."""

    loaded = Signal()
    saved = Signal(object)  # UserAccount

    def __init__(
        self,
        session: OfficeSession,
        installed: Sequence[str],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.installed = list(installed)
        self.lang = lang
        self.users: list[UserAccount] = []
        self.listed = False  # the server has answered with the list at least once
        self.dialog: UserDialog | None = None
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
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.disable_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.disable_button.clicked.connect(self.ask_disable)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_edit_dialog())
        order: tuple[QWidget, ...] = (
            self.add_button,
            self.edit_button,
            self.disable_button,
            self.refresh_button,
            self.table,
        )
        for first, then in pairwise(order):
            self.setTabOrder(first, then)
        self.retranslate()
        self._selection_changed()

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        self.title.setText(self.tr("Användare"))
        self.add_button.setText(self.tr("Ny användare…"))
        self.add_button.setAccessibleName(self.tr("Lägg till en kontorsanvändare"))
        self.edit_button.setText(self.tr("Ändra…"))
        self.edit_button.setAccessibleName(
            self.tr("Ändra roll och områden för den valda användaren")
        )
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.refresh_button.setAccessibleName(self.tr("Hämta listan över användare igen"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Namn"), self.tr("Roll"), self.tr("Områden"), self.tr("Status")]
        )
        self.table.setAccessibleName(self.tr("Kontorsanvändare"))
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.message.setAccessibleName(self.tr("Meddelande"))
        self._fill()
        self._say_count()
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    # ------------------------------------------------------------------ the list

    def known_areas(self) -> list[str]:
        """The areas a user may be given: the installed ones and any a user already has."""
        known = set(self.installed)
        for u in self.users:
            known.update(u.areas)
        return sorted(known)

    def refresh(self) -> None:
        self.summary.setText(self.tr("Hämtar användarna…"))
        self.session.call(
            lambda client: client.users(), key="users", done=self._loaded, failed=self._failed
        )

    def _loaded(self, users: list[UserAccount]) -> None:
        self.users = list(users)
        self.listed = True
        self._fill()
        self._say_count()
        self._selection_changed()
        self.loaded.emit()

    def _failed(self, err: KompassenError) -> None:
        self.summary.setText(err.message(self.lang))
        self.loaded.emit()

    def _say_count(self) -> None:
        if not self.listed:
            self.summary.setText(
                self.tr("Logga in som administratör för att se och ändra kontorets användare.")
            )
            return
        users = self.users
        off = sum(1 for u in users if u.disabled)
        text = self.tr("%n kontorsanvändare", "", len(users))
        if off:
            text += ", " + self.tr("%n avstängda", "", off)
        self.summary.setText(text + ".")

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            areas = ", ".join(u.areas) if u.areas else "–"
            if u.role == "admin":
                areas = self.tr("alla områden")
            status = self.tr("Avstängd") if u.disabled else self.tr("Aktiv")
            for c, v in enumerate((u.name, role_words(u.role), areas, status)):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                self.table.setItem(r, c, item)
        if selected is not None:
            self.select(selected.name)

    def select(self, name: str) -> None:
        for r, u in enumerate(self.users):
            if u.name == name:
                self.table.selectRow(r)

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _selection_changed(self) -> None:
        u = self.selected()
        self.add_button.setEnabled(self.listed)
        self.edit_button.setEnabled(u is not None)
        self.disable_button.setEnabled(u is not None)
        if u is not None and u.disabled:
            self.disable_button.setText(self.tr("Aktivera igen"))
            self.disable_button.setAccessibleName(self.tr("Låt den valda användaren logga in igen"))
        else:
            self.disable_button.setText(self.tr("Stäng av…"))
            self.disable_button.setAccessibleName(self.tr("Stäng av den valda användaren"))

    # ------------------------------------------------------------------ changing

    def open_add_dialog(self) -> UserDialog:
        return self._open(UserDialog(self, None, self))

    def open_edit_dialog(self) -> UserDialog | None:
        u = self.selected()
        return self._open(UserDialog(self, u, self)) if u is not None else None

    def _open(self, dialog: UserDialog) -> UserDialog:
        self.dialog = dialog

        def closed() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(lambda _r: closed())
        dialog.open()
        return dialog

    def _saved(self, account: UserAccount, words: str) -> None:
        self.say(words)
        self.saved.emit(account)
        self.refresh()

    def ask_disable(self) -> QMessageBox | None:
        """Stopping a user asks first, naming them; enabling again does not."""
        u = self.selected()
        if u is None:
            return None
        if u.disabled:
            self.set_disabled(u.name, False)
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Stäng av användare"))
        box.setText(self.tr("Stänga av {name}?").format(name=u.name))
        box.setInformativeText(
            self.tr(
                "{name} kan inte logga in längre och är utloggad direkt. Det går att aktivera "
                "användaren igen senare."
            ).format(name=u.name)
        )
        yes = box.addButton(self.tr("Stäng av"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        name = u.name

        def answered() -> None:
            if box.clickedButton() is yes:
                self.set_disabled(name, True)
            self.confirm = None
            box.deleteLater()

        box.finished.connect(lambda _result: answered())
        self.confirm = box
        box.open()
        return box

    def set_disabled(self, name: str, disabled: bool) -> None:
        self.say(self.tr("Sparar…"))
        words = (
            self.tr("{name} är avstängd.") if disabled else self.tr("{name} kan logga in igen.")
        ).format(name=name)
        self.session.call(
            lambda client: client.save_user(name, disabled=disabled),
            done=lambda account: self._saved(account, words),
            failed=lambda err: self.say(err.message(self.lang)),
        )


class UserDialog(QDialog):
    """A new user (name, role, areas, first password twice) or an existing one's changes."""

    def __init__(
        self, page: UsersPage, user: UserAccount | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.user = user
        self.setModal(True)
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.name = QLineEdit(self)
        self.name.setMaxLength(80)
        if user is not None:
            self.name.setText(user.name)
            self.name.setReadOnly(True)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_words(role), role)
        self.role.setCurrentIndex(ROLES.index(user.role) if user is not None else 1)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label = QLabel(self)
        self.role_label = QLabel(self)
        self.password_label = QLabel(self)
        self.again_label = QLabel(self)
        for label, w in (
            (self.name_label, self.name),
            (self.role_label, self.role),
            (self.password_label, self.password),
            (self.again_label, self.again),
        ):
            label.setBuddy(w)
            form.addRow(label, w)
        lay.addLayout(form)
        self.areas_box = QGroupBox(self)
        grid = QGridLayout(self.areas_box)
        self.area_checks: dict[str, QCheckBox] = {}
        given = set(user.areas) if user is not None else set()
        for n, area in enumerate(page.known_areas()):
            box = QCheckBox(area, self.areas_box)
            box.setChecked(area in given)
            box.setAccessibleName(area)
            grid.addWidget(box, n // 3, n % 3)
            self.area_checks[area] = box
        lay.addWidget(self.areas_box)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.setProperty("role", "primary")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        lay.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.retranslate()
        self._role_changed()

    def retranslate(self) -> None:
        new = self.user is None
        self.setWindowTitle(self.tr("Ny användare") if new else self.tr("Ändra användare"))
        self.name_label.setText(self.tr("Namn"))
        self.name.setAccessibleName(self.tr("Användarnamn"))
        self.role_label.setText(self.tr("Roll"))
        self.role.setAccessibleName(self.tr("Roll"))
        self.password_label.setText(
            self.tr("Första lösenord") if new else self.tr("Nytt lösenord (valfritt)")
        )
        self.password.setAccessibleName(self.password_label.text())
        self.again_label.setText(self.tr("Lösenordet igen"))
        self.again.setAccessibleName(self.tr("Lösenordet igen"))
        self.areas_box.setTitle(self.tr("Områden (samordnare)"))
        self.areas_box.setAccessibleName(self.tr("Områden som samordnaren får arbeta med"))
        self.cancel_button.setText(self.tr("Avbryt"))
        self.save_button.setText(self.tr("Lägg till") if new else self.tr("Spara"))
        self.message.setAccessibleName(self.tr("Meddelande"))

    def chosen_role(self) -> OfficeRole:
        return "admin" if self.role.currentData() == "admin" else "coordinator"

    def chosen_areas(self) -> list[str]:
        return [a for a, box in self.area_checks.items() if box.isChecked()]

    def _role_changed(self) -> None:
        coordinator = self.chosen_role() == "coordinator"
        self.areas_box.setEnabled(coordinator)

    def check(self) -> str | None:
        """What must be fixed before asking the server (the server checks the rest)."""
        if not self.name.text().strip():
            return self.tr("Ange ett namn.")
        if (self.user is None or self.password.text()) and not self.password.text():
            return self.tr("Ange ett första lösenord.")
        if self.password.text() != self.again.text():
            return self.tr("Lösenorden är inte lika. Skriv samma lösenord två gånger.")
        if self.chosen_role() == "coordinator" and not self.chosen_areas():
            return self.tr("En samordnare behöver minst ett område.")
        return None

    def save(self) -> None:
        problem = self.check()
        if problem is not None:
            self.message.setText(problem)
            return
        name = self.name.text().strip()
        role = self.chosen_role()
        areas = self.chosen_areas() if role == "coordinator" else []
        password = self.password.text() or None
        create = self.user is None
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Sparar…"))
        words = (
            self.tr("{name} lades till som {role}.")
            if create
            else self.tr("{name} är ändrad ({role}).")
        ).format(name=name, role=role_words(role))

        def done(account: UserAccount) -> None:
            self.page._saved(account, words)
            self.accept()

        def failed(err: KompassenError) -> None:
            self.save_button.setEnabled(True)
            self.message.setText(err.message(self.page.lang))

        self.page.session.call(
            lambda client: client.save_user(
                name, role=role, areas=areas, password=password, create=create
            ),
            done=done,
            failed=failed,
        )
