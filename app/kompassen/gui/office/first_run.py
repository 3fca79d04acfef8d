"""The first-run wizard of a new deployment ("Ny driftsättning…"): the area's own keys.

Three pages (the steps are :mod:`kompassen.office.setup`'s, without Qt):

1. **Nyckelfilen**: the folder for the key file (default in the device data dir). Existing key
   files are never written over; one left by an earlier, unfinished run can be continued with.
2. **Lösenfras**: twice, with its strength and a mismatch in words. "Skapa nycklarna" commits:
   the keys are made (argon2id: a second or two) on the wizard's worker.
3. **Nycklar och säkerhetskopia**: both fingerprints, the public keys written into the area
   (an editing-core save: in the change history), the signing key registered on the server
   when signed in, how to back the key file up, and "Jag har sparat en kopia" before Slutför.

All disk and crypto work runs on the wizard's worker, the network on the office session's.
Cancel before the keys are made leaves nothing; once the key file is written but the area
does not have its keys, the first Cancel says so and offers to continue (the next run can
continue with the same key file), a second one closes.
"""

from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kompassen.core.errors import KompassenError
from kompassen.gui.workers.background import Background

if TYPE_CHECKING:
    from kompassen.gui.office.window import OfficeWindow
    from kompassen.reports.keys import KeyFiles

log = logging.getLogger(__name__)

PLACE, PASSPHRASE, KEYS = 0, 1, 2
FIRST_RUN_BUTTON = "firstRunButton"  # the status bar's "Ny driftsättning…"


def ui_lang() -> str:
    """The language the window shows (i18n sets the default locale when it switches)."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def _label(parent: QWidget, *, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


class PlacePage(QWizardPage):
    """Where the key file goes; never over existing files (continue with them instead)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.existing: list[Path] = []
        self._checked: str | None = None  # the folder the last check was for
        lay = QVBoxLayout(self)
        self.intro = _label(self)
        lay.addWidget(self.intro)
        row = QHBoxLayout()
        self.folder_label = QLabel(self)
        self.folder = QLineEdit(str(wizard.default_folder), self)
        self.folder_label.setBuddy(self.folder)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        lay.addLayout(row)
        self.words = _label(self)
        lay.addWidget(self.words)
        self.continue_box = QCheckBox(self)
        self.continue_box.hide()
        self.continue_box.toggled.connect(lambda _on: self.completeChanged.emit())
        lay.addWidget(self.continue_box)
        lay.addStretch(1)
        self.folder.textChanged.connect(self._folder_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Steg 1 av 3 · Nyckelfilen"))
        self.intro.setText(
            self.tr(
                "Ny driftsättning skapar områdets egna nycklar: en för att öppna rapporterna från "
                "surfplattorna och en för att signera katalogsläppen. De privata nycklarna "
                "sparas i en nyckelfil som skyddas av en lösenfras. De publika nycklarna "
                "skrivs in i området och signeringsnyckeln registreras på servern."
            )
        )
        self.folder_label.setText(self.tr("Mapp för nyckelfilen"))
        self.browse.setText(self.tr("Välj…"))
        self.continue_box.setText(self.tr("Fortsätt med den befintliga nyckelfilen"))
        self._say()

    def initializePage(self) -> None:
        self._folder_changed(self.folder.text())

    def folder_path(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp"), self.folder.text())
        if name:
            self.folder.setText(name)

    def _folder_changed(self, text: str) -> None:
        """Which key files the folder already has, asked on the worker (a disk look)."""
        self._checked = None
        self.completeChanged.emit()
        if not text.strip():
            self._say()
            return
        folder = self.folder_path()
        from kompassen.office.setup import existing_key_files

        def done(found: list[Path]) -> None:
            if self.folder_path() != folder:
                return  # typed on meanwhile: a newer check is queued
            self.existing = found
            self._checked = str(folder)
            self.continue_box.setVisible(bool(found))
            if not found:
                self.continue_box.setChecked(False)
            self._say()
            self.completeChanged.emit()

        self.w.worker.submit(
            lambda _r: existing_key_files(folder), key="place", done=done, failed=self.w.failed
        )

    def continuing(self) -> bool:
        return bool(self.existing) and self.continue_box.isChecked()

    def _say(self) -> None:
        if not self.folder.text().strip():
            self.words.setText(self.tr("Välj en mapp för nyckelfilen."))
        elif self.existing:
            self.words.setText(
                self.tr(
                    "I mappen finns redan en nyckelfil ({files}). Den skrivs aldrig över. "
                    "Välj en annan mapp, eller fortsätt med den om en tidigare körning av "
                    "Ny driftsättning skapade den (dess lösenfras behövs)."
                ).format(files=", ".join(p.name for p in self.existing))
            )
        else:
            self.words.setText(
                self.tr(
                    "Nyckelfilen sparas här. Välj gärna en mapp som bara du kommer åt; "
                    "kopiorna gör du i sista steget."
                )
            )
        self.words.setProperty("role", "warning" if self.existing else "")
        self.words.style().unpolish(self.words)
        self.words.style().polish(self.words)

    def isComplete(self) -> bool:
        if self._checked != str(self.folder_path()) or not self.folder.text().strip():
            return False
        return not self.existing or self.continue_box.isChecked()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PassphrasePage(QWizardPage):
    """The passphrase twice with its strength in words; "Skapa nycklarna" makes the keys."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self._busy = False
        self.setCommitPage(True)  # no way back once the key file is written
        lay = QVBoxLayout(self)
        self.intro = _label(self)
        lay.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_label, self.again_label = QLabel(self), QLabel(self)
        self.first_label.setBuddy(self.first)
        self.again_label.setBuddy(self.again)
        form.addRow(self.first_label, self.first)
        form.addRow(self.again_label, self.again)
        lay.addLayout(form)
        self.words = _label(self)
        self.words.setObjectName("passphraseWords")
        lay.addWidget(self.words)
        self.progress = _label(self)
        lay.addWidget(self.progress)
        lay.addStretch(1)
        for edit in (self.first, self.again):
            edit.textChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Steg 2 av 3 · Lösenfras"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Skapa nycklarna"))
        self.first_label.setText(self.tr("Lösenfras"))
        self.again_label.setText(self.tr("Samma lösenfras igen"))
        self._changed()

    def initializePage(self) -> None:
        continuing = self.w.place.continuing()
        self.again.setVisible(not continuing)
        self.again_label.setVisible(not continuing)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            self.tr("Öppna nyckelfilen") if continuing else self.tr("Skapa nycklarna"),
        )
        self.intro.setText(
            self.tr("Skriv lösenfrasen för den befintliga nyckelfilen.")
            if continuing
            else self.tr(
                "Lösenfrasen skyddar nyckelfilen. Välj några ord som du minns men som ingen "
                "annan gissar, och skriv dem två gånger."
            )
        )
        self._changed()
        self.first.setFocus()

    def _strength(self) -> Any:
        from kompassen.office.setup import passphrase_words

        again = None if self.w.place.continuing() else self.again.text()
        return passphrase_words(self.first.text(), again)

    def _changed(self, _text: str = "") -> None:
        if self.w.place.continuing() or not self.first.text():
            self.words.setText("")
        else:
            s = self._strength()
            self.words.setText(s.message(ui_lang()))
            self.words.setProperty("role", "warning" if s.level < 2 else "")
            self.words.style().unpolish(self.words)
            self.words.style().polish(self.words)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self._busy:
            return False
        if self.w.place.continuing():
            return bool(self.first.text())
        return bool(self.first.text()) and bool(self._strength().ok)

    def validatePage(self) -> bool:
        """Made (or opened) already: on. Else start it on the worker and stay until done."""
        if self.w.files is not None:
            return True
        if self._busy:
            return False
        from kompassen.office import setup

        folder = self.w.place.folder_path()
        phrase = self.first.text()
        continuing = self.w.place.continuing()
        strength = self.w.strength
        self._busy = True
        self.completeChanged.emit()
        self.progress.setProperty("role", "")
        self.progress.setText(
            self.tr("Öppnar nyckelfilen…") if continuing else self.tr("Skapar nycklarna…")
        )

        def make(_r: None) -> KeyFiles:
            if continuing:
                return setup.open_existing(folder, phrase)
            return setup.create(folder, phrase, strength=strength)

        def done(files: KeyFiles) -> None:
            self._busy = False
            self.first.clear()
            self.again.clear()
            self.progress.setText("")
            self.w.files = files
            self.w.created = not continuing
            self.w.next()

        def failed(err: KompassenError) -> None:
            self._busy = False
            self.progress.setText(err.message(ui_lang()))
            self.progress.setProperty("role", "warning")
            self.progress.style().unpolish(self.progress)
            self.progress.style().polish(self.progress)
            self.completeChanged.emit()

        self.w.worker.submit(make, done=done, failed=failed)
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class KeysPage(QWizardPage):
    """Fingerprints, the area and the server, how to back up; the backup box to finish."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        lay = QVBoxLayout(self)
        self.fp_label = _label(self, role="section")
        lay.addWidget(self.fp_label)
        grid = QGridLayout()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF()) * 1.25)
        mono.setWeight(QFont.Weight.Bold)
        self.sealing_name, self.signing_name = QLabel(self), QLabel(self)
        self.sealing_fp, self.signing_fp = QLabel(self), QLabel(self)
        for n, (name, fp) in enumerate(
            ((self.sealing_name, self.sealing_fp), (self.signing_name, self.signing_fp))
        ):
            fp.setFont(mono)
            fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, n, 0)
            grid.addWidget(fp, n, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        self.fp_hint = _label(self, role="muted")
        lay.addWidget(self.fp_hint)
        self.status_label = _label(self, role="section")
        lay.addWidget(self.status_label)
        self.file_words = _label(self)
        lay.addWidget(self.file_words)
        row = QHBoxLayout()
        self.area_words = _label(self)
        self.area_retry = QPushButton(self)
        self.area_retry.clicked.connect(self.write_area)
        self.area_retry.hide()
        row.addWidget(self.area_words, 1)
        row.addWidget(self.area_retry, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.server_words = _label(self)
        self.register_button = QPushButton(self)
        self.register_button.clicked.connect(self.register)
        self.register_button.hide()
        self.replace_button = QPushButton(self)
        self.replace_button.setProperty("role", "danger")
        self.replace_button.clicked.connect(lambda: self.register(replace=True))
        self.replace_button.hide()
        row.addWidget(self.server_words, 1)
        row.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self.backup_label = _label(self, role="section")
        lay.addWidget(self.backup_label)
        self.backup_words = _label(self)
        self.backup_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.backup_words)
        self.backup_box = QCheckBox(self)
        self.backup_box.toggled.connect(self._backup_toggled)
        lay.addWidget(self.backup_box)
        self.finish_words = _label(self, role="muted")
        lay.addWidget(self.finish_words)
        lay.addStretch(1)
        self.area_state = "waiting"  # waiting, busy, done, failed
        self.server_state = "waiting"  # waiting, busy, done, failed, signed_out
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Steg 3 av 3 · Nycklar och säkerhetskopia"))
        self.fp_label.setText(self.tr("Fingeravtryck"))
        self.sealing_name.setText(self.tr("Rapportnyckel (öppnar rapporter)"))
        self.signing_name.setText(self.tr("Signeringsnyckel (signerar släpp)"))
        self.fp_hint.setText(
            self.tr(
                "Fingeravtrycken är en kort kontroll av de publika nycklarna (samma som "
                "kommandot kompassen keys generate skriver ut): jämför dem när någon annan "
                "ska lita på nycklarna, till exempel IT vid servern."
            )
        )
        self.status_label.setText(self.tr("Området och servern"))
        self.area_retry.setText(self.tr("Försök igen"))
        self.register_button.setText(self.tr("Registrera på servern"))
        self.replace_button.setText(self.tr("Byt nyckeln på servern"))
        self.backup_label.setText(self.tr("Säkerhetskopiera nyckelfilen"))
        self.backup_box.setText(self.tr("Jag har sparat en kopia"))
        self._say()

    def initializePage(self) -> None:
        files = self.w.files
        if files is None:
            return
        from kompassen.office.setup import backup_words, fingerprints

        fp = fingerprints(files.keys)
        self.sealing_fp.setText(fp["sealing"])
        self.signing_fp.setText(fp["signing"])
        self.backup_words.setText("\n\n".join(backup_words(files.key_file, ui_lang())))
        self.write_area()

    # ------------------------------------------------------------------ the area

    def write_area(self) -> None:
        """The public keys into the installed area (an Edit and a save), on the worker."""
        files = self.w.files
        if files is None or self.area_state in ("busy", "done"):
            return
        from kompassen.office.setup import remember_key_file, write_area_keys

        ctx, area_id, who, now = self.w.ctx, self.w.area_id, self.w.who(), self.w.ctx.clock.now()
        data_dir = ctx.paths.data_dir

        def write(_r: None) -> Any:
            result = write_area_keys(ctx, area_id, files.keys, who, now)
            remember_key_file(data_dir, files.key_file)
            return result

        def done(result: Any) -> None:
            self.area_state = "done"
            self.w.area_result = result
            self.w.area_written.emit()
            self._say()
            self.register()

        def failed(err: KompassenError) -> None:
            self.area_state = "failed"
            self.area_error = err.message(ui_lang())
            self._say()

        self.area_state = "busy"
        self._say()
        self.w.worker.submit(write, done=done, failed=failed)

    # ------------------------------------------------------------------ the server

    def register(self, *, replace: bool = False) -> None:
        """Pin the signing key on the server (signed in only; else say how, and wait).

        ``replace``: the administrator's choice after the server said it has another key."""
        files = self.w.files
        if files is None or self.server_state in ("busy", "done"):
            return
        session = self.w.session
        if session is None or session.current is None:
            self.server_state = "signed_out"
            self._say()
            return
        from kompassen.office.setup import is_key_conflict, register_signing_key

        area_id, keys = self.w.area_id, files.keys

        def done(result: Any) -> None:
            self.server_state = "done"
            self.server_outcome = result.outcome
            self._say()

        def failed(err: KompassenError) -> None:
            self.server_state = "failed"
            self.server_error = err.message(ui_lang())
            self.conflict = is_key_conflict(err)
            self._say()

        self.server_state = "busy"
        self._say()
        session.call(
            lambda c: register_signing_key(c, area_id, keys, replace=replace),
            done=done,
            failed=failed,
        )

    def _is_admin(self) -> bool:
        current = getattr(self.w.session, "current", None)
        return current is not None and current.user.role == "admin"

    def signed_in(self) -> None:
        if self.server_state in ("signed_out", "failed") and self.area_state == "done":
            self.server_state = "waiting"
            self.register()

    # ------------------------------------------------------------------ words

    def _say(self) -> None:
        files = self.w.files
        if files is not None:
            self.file_words.setText(
                (
                    self.tr("✓ Nyckelfilen är skapad: {file}")
                    if self.w.created
                    else self.tr("✓ Nyckelfilen är öppnad: {file}")
                ).format(file=files.key_file)
            )
        area = {
            "waiting": "",
            "busy": self.tr("Skriver in de publika nycklarna i området…"),
            "done": self.tr(
                "✓ Områdets publika nycklar är bytta (syns i ändringshistoriken). "
                "Surfplattorna får dem med nästa områdespaket eller släpp."
            )
            if self.w.area_result is not None
            else self.tr("✓ Området har redan de här nycklarna."),
            "failed": self.tr(
                "Området har inte fått nycklarna: {why} Nyckelfilen finns kvar; tryck Försök igen."
            ).format(why=getattr(self, "area_error", "")),
        }[self.area_state]
        self.area_words.setText(area)
        self.area_retry.setVisible(self.area_state == "failed")
        outcome = getattr(self, "server_outcome", "")
        server = {
            "waiting": self.tr("Signeringsnyckeln registreras på servern när området har den."),
            "busy": self.tr("Registrerar signeringsnyckeln på servern…"),
            "done": {
                "unchanged": self.tr("✓ Servern hade redan den här signeringsnyckeln."),
                "replaced": self.tr(
                    "✓ Signeringsnyckeln är bytt på servern. Surfplattorna behöver ett nytt "
                    "områdespaket med de nya nycklarna innan de tar emot nästa släpp."
                ),
            }.get(outcome, self.tr("✓ Signeringsnyckeln är registrerad på servern.")),
            "signed_out": self.tr(
                "Inte inloggad: signeringsnyckeln är inte registrerad på servern. Logga in, "
                "så registreras den (eller kör Ny driftsättning igen senare med samma nyckelfil). "
                "Inget släpp kan publiceras innan dess."
            ),
            "failed": self.tr("Servern tog inte emot signeringsnyckeln: {why}").format(
                why=getattr(self, "server_error", "")
            ),
        }[self.server_state]
        conflict = self.server_state == "failed" and getattr(self, "conflict", False)
        admin = self._is_admin()
        if conflict:
            server += " " + (
                self.tr(
                    "Byt bara om den gamla nyckelfilen är förlorad: surfplattorna litar på "
                    "den gamla nyckeln tills de får ett områdespaket med den nya."
                )
                if admin
                else self.tr("Bara en administratör kan byta den.")
            )
        self.server_words.setText(server)
        self.register_button.setVisible(self.server_state == "failed" and not conflict)
        self.replace_button.setVisible(conflict and admin)
        for label, bad in (
            (self.area_words, self.area_state == "failed"),
            (self.server_words, self.server_state in ("failed", "signed_out")),
        ):
            label.setProperty("role", "warning" if bad else "")
            label.style().unpolish(label)
            label.style().polish(label)
        if self.area_state != "done":
            self.finish_words.setText(self.tr("Slutför går när området har fått nycklarna."))
        elif not self.backup_box.isChecked():
            self.finish_words.setText(
                self.tr("Kryssa i rutan när kopiorna är gjorda; sedan kan du slutföra.")
            )
        else:
            self.finish_words.setText("")

    def _backup_toggled(self, _on: bool) -> None:
        self._say()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.area_state == "done" and self.backup_box.isChecked()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FirstRunWizard(QWizard):
    """Ny driftsättning: the area's keys made, shown, written in, registered, backed up."""

    area_written = Signal()

    def __init__(
        self,
        ctx: Any,
        area_id: str,
        *,
        session: Any = None,
        strength: str = "moderate",
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from kompassen.office.setup import default_key_folder

        self.ctx = ctx
        self.area_id = area_id
        self.session = session  # OfficeSession (None: registering is left for later)
        self.strength = strength  # tests: "interactive"
        self.files: KeyFiles | None = None
        self.created = False
        self.area_result: Any = None
        self._cancel_warned = False
        self.default_folder = default_key_folder(ctx.paths.data_dir)
        self.worker: Background[None] = Background(
            lambda: None, name="office-first-run", synchronous=synchronous, parent=self
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CommitButton):
            self.button(which).setProperty("role", "primary")
        self.place = PlacePage(self)
        self.passphrase = PassphrasePage(self)
        self.keys_page = KeysPage(self)
        self.setPage(PLACE, self.place)
        self.setPage(PASSPHRASE, self.passphrase)
        self.setPage(KEYS, self.keys_page)
        self.cancel_words = _label(self, role="warning")
        self.cancel_words.setObjectName("cancelWords")
        self.cancel_words.hide()
        self.setMinimumSize(900, 640)
        if session is not None:
            session.signed_in.connect(lambda _who: self.keys_page.signed_in())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ny driftsättning – {area}").format(area=self.area_id))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Tillbaka"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Slutför"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def who(self) -> str:
        """Who the history names: the signed-in office user, else this computer's login."""
        current = getattr(self.session, "current", None)
        if current is not None:
            return str(current.user.name)
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "office"

    def failed(self, err: KompassenError) -> None:
        log.warning("first-run step failed: %s", err)

    def half_done(self) -> bool:
        """The key file is written but the area does not have its keys yet."""
        return self.files is not None and self.keys_page.area_state != "done"

    def reject(self) -> None:
        """Cancel: nothing was written, or it says what was and offers to continue."""
        if self.half_done() and not self._cancel_warned:
            self._cancel_warned = True
            page = self.currentPage()
            lay = page.layout()
            if lay is not None:
                self.cancel_words.setParent(page)
                lay.addWidget(self.cancel_words)
            self.cancel_words.setText(
                self.tr(
                    "Nyckelfilen {file} är skapad, men området har ännu inte fått nycklarna. "
                    "Fortsätt här, eller tryck Avbryt igen för att sluta: nästa gång Ny driftsättning "
                    "körs kan du fortsätta med samma nyckelfil."
                ).format(file=self.files.key_file if self.files else "")
            )
            self.cancel_words.show()
            return
        self.worker.close()
        super().reject()

    def accept(self) -> None:
        self.worker.close()
        super().accept()


def open_first_run(window: OfficeWindow, *, strength: str = "moderate") -> FirstRunWizard:
    """The wizard over the office window (window-modal, no nested event loop)."""
    existing = window.findChild(FirstRunWizard)
    if existing is not None and existing.isVisible():
        existing.raise_()
        return existing
    oc = window.oc
    wizard = FirstRunWizard(
        oc.ctx,
        oc.area_id,
        session=window.session,
        strength=strength,
        synchronous=oc.synchronous,
        parent=window,
    )
    wizard.setWindowModality(Qt.WindowModality.WindowModal)
    wizard.area_written.connect(lambda: _area_changed(window))
    wizard.finished.connect(lambda _r: wizard.deleteLater())
    wizard.open()
    return wizard


def _area_changed(window: OfficeWindow) -> None:
    """The area was saved outside the editor: an editor already open would save its old
    copy of area.json over the new keys, so it is built again from the saved area."""
    pages: dict[str, QWidget] = window._pages
    editor = pages.pop("catalogue", None)
    if editor is not None:
        shutdown = getattr(editor, "shutdown", None)
        if callable(shutdown):
            shutdown()
        window.stack.removeWidget(editor)
        editor.deleteLater()
        if window.current_key() == "catalogue":
            window.show_page("catalogue")
    for key in ("worklist", "publish"):
        page = pages.get(key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()


def attach_first_run(window: OfficeWindow) -> QPushButton:
    """ "Ny driftsättning…" in the office window's status bar."""
    button = QPushButton(window)
    button.setObjectName(FIRST_RUN_BUTTON)

    def words() -> None:
        button.setText(QCoreApplication.translate("FirstRunWizard", "Ny driftsättning…"))
        button.setAccessibleName(button.text())

    words()
    button.clicked.connect(lambda: open_first_run(window))
    window.statusBar().insertPermanentWidget(0, button)
    return button


def offer_first_run(window: OfficeWindow) -> None:
    """At start: the wizard when the area has placeholder keys or no key file is known,
    after the sign-in dialog if that is open (one dialog at a time)."""
    area = next((a for a in window.oc.areas if a.id == window.oc.area_id), None)
    if area is None:
        return
    from kompassen.office.setup import needs_first_run

    keys = (area.id, area.sealing_public_key, area.signing_public_key)
    if not needs_first_run(keys, window.oc.ctx.paths.data_dir):
        return
    signin = window.signin
    if signin is not None and signin.isVisible():
        # the window as the timer's context: a window closed meanwhile opens nothing
        signin.finished.connect(lambda _r: QTimer.singleShot(0, window, lambda: _later(window)))
    else:
        open_first_run(window)


def _later(window: OfficeWindow) -> None:
    if window.isVisible():
        open_first_run(window)
