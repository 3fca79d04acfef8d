"""The settings page: area, language, theme, text size and the sync server.

Everything is a big segmented button that applies at once and is saved at once: a worker in
the street changes the theme with a glove on and must not look for a "Save" button. The
area switch itself is the window's job (it rebuilds the pages), so the page only asks for it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompassen import __version__
from kompassen.core.errors import KompassenError
from kompassen.core.model import Area
from kompassen.device import machine_defaults
from kompassen.device.settings import Settings
from kompassen.gui.field.guides_page import EnterClicks
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.touch import button, label, scroll_column, set_role

THEME_CHOICES = ("day", "night", "auto")
TEXT_STEPS = (0, 1, 2)
LANG_CHOICES = (("sv", "Svenska"), ("en", "English"))  # language names are never translated

# http(s)://host[:port][/path]; host: dot-separated labels of letters, digits and inner hyphens
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*"
_URL = re.compile(rf"^https?://{_HOST}(?::(\d{{1,5}}))?(?:/[^\s]*)?$", re.IGNORECASE)


def valid_server_url(url: str) -> bool:
    """Whether ``url`` looks like http(s)://host[:port] (an empty field means "no server")."""
    m = _URL.match(url.strip())
    if m is None:
        return False
    port = m.group(1)
    return port is None or 0 < int(port) < 65536


class ChoiceButton(QPushButton):
    """One segment of a segmented control: checkable, touch sized, always a Tab stop.

    In an exclusive group Qt keeps only the focused button in the Tab chain (radio-button
    style, arrows move within the group); here every segment stays reachable by Tab too.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setMinimumSize(TOUCH_PX, TOUCH_PX)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        group = self.group()
        for b in group.buttons() if group is not None else ():
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class SettingsPage(QWidget):
    """Segmented choices applied and saved at once; ``area_requested`` asks for a switch."""

    area_requested = Signal(str)
    about_requested = Signal()

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self._enter = EnterClicks(self)
        self._ready = False
        self.areas: list[Area] = []
        self.area_ids: list[str] = []

        self.scroll_area, self.column, col = scroll_column(self, 860)

        self.heading = label(role="heading")
        col.addWidget(self.heading)

        # area: one full-width button per installed area (names are long)
        self.area_label = self._section()
        col.addWidget(self.area_label)
        self.area_box = QVBoxLayout()
        self.area_box.setSpacing(8)
        col.addLayout(self.area_box)
        self.area_group = QButtonGroup(self)
        self.area_group.setExclusive(True)
        self.area_group.idClicked.connect(self._area_clicked)

        self.lang_label = self._section()
        col.addWidget(self.lang_label)
        self.lang_group, self.lang_buttons = self._segments(col, len(LANG_CHOICES))
        self.lang_group.idClicked.connect(self._lang_clicked)
        self.lang_note = label(role="muted")
        self.lang_note.hide()
        col.addWidget(self.lang_note)

        self.theme_label = self._section()
        col.addWidget(self.theme_label)
        self.theme_group, self.theme_buttons = self._segments(col, len(THEME_CHOICES))
        self.theme_group.idClicked.connect(self._look_clicked)

        self.size_label = self._section()
        col.addWidget(self.size_label)
        self.size_group, self.size_buttons = self._segments(col, len(TEXT_STEPS))
        self.size_group.idClicked.connect(self._look_clicked)

        # tablet mode at the next start (the user's choice over the installer's default)
        self.kiosk_label = self._section()
        col.addWidget(self.kiosk_label)
        self.kiosk_button = self._choice_button()
        self.kiosk_button.clicked.connect(self._kiosk_clicked)
        col.addWidget(self.kiosk_button)
        self.kiosk_note = label(role="muted")
        col.addWidget(self.kiosk_note)

        # sync server
        self.server_label = self._section()
        col.addWidget(self.server_label)
        self.server_caption = label()
        col.addWidget(self.server_caption)
        server_row = QHBoxLayout()
        self.server_edit = QLineEdit()
        self.server_edit.setMinimumHeight(TOUCH_PX)
        self.server_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUrlCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.server_edit.returnPressed.connect(self.save_server)
        self.server_edit.textEdited.connect(lambda _t: self._server_message(""))
        self.server_save = button("")
        self.server_save.clicked.connect(self.save_server)
        self.server_save.installEventFilter(self._enter)
        server_row.addWidget(self.server_edit, 1)
        server_row.addWidget(self.server_save)
        col.addLayout(server_row)
        self.server_status = label()
        self.server_status.hide()
        col.addWidget(self.server_status)

        # enrolment: a one-time code from the office, traded on the sync worker for a token
        self.enrol_label = label()
        col.addWidget(self.enrol_label)
        self.enrol_row = QWidget()
        er = QHBoxLayout(self.enrol_row)
        er.setContentsMargins(0, 0, 0, 0)
        self.enrol_code = QLineEdit()
        self.enrol_code.setMinimumHeight(TOUCH_PX)
        self.enrol_code.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.enrol_code.returnPressed.connect(self._enrol_clicked)
        self.enrol_code.textEdited.connect(lambda _t: self._enrol_note("", busy=False))
        self.enrol_button = button("")
        self.enrol_button.clicked.connect(self._enrol_clicked)
        self.enrol_button.installEventFilter(self._enter)
        er.addWidget(self.enrol_code, 1)
        er.addWidget(self.enrol_button)
        col.addWidget(self.enrol_row)
        self.enrol_message = label(role="muted")
        self.enrol_message.hide()
        col.addWidget(self.enrol_message)
        self.enrol_state = label(role="muted")  # enrolled or not, and where the token is kept
        col.addWidget(self.enrol_state)
        svc.sync.enrol_finished.connect(self._enrolled)
        svc.sync.status_changed.connect(self._show_enrolment)

        # versions, and the About page with all of them
        self.version_label = label(role="muted")
        self.version_label.setContentsMargins(0, 16, 0, 0)
        col.addWidget(self.version_label)
        about_row = QHBoxLayout()
        self.about_button = button("")
        self.about_button.clicked.connect(self.about_requested.emit)
        self.about_button.installEventFilter(self._enter)
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        col.addLayout(about_row)
        col.addStretch(1)

        svc.state.area_changed.connect(self._area_changed)
        svc.state.language_changed.connect(self.load)
        svc.theme.changed.connect(self.load)
        self._ready = True
        self._build_area_buttons()
        self.retranslate()
        self.load()

    # ------------------------------------------------------------------ building

    @staticmethod
    def _section() -> QLabel:
        lab = label(role="section")
        lab.setIndent(0)  # the role's margin makes QLabel indent by half an "x" otherwise
        return lab

    def _choice_button(self) -> ChoiceButton:
        b = ChoiceButton()
        b.installEventFilter(self._enter)
        return b

    def _segments(self, col: QBoxLayout, n: int) -> tuple[QButtonGroup, list[ChoiceButton]]:
        """A row of ``n`` equal, exclusive checkable buttons (a segmented control)."""
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(8)
        buttons = []
        for i in range(n):
            b = self._choice_button()
            group.addButton(b, i)
            row.addWidget(b, 1)
            buttons.append(b)
        col.addLayout(row)
        return group, buttons

    def _build_area_buttons(self) -> None:
        """One button per installed area (read here only: retranslating must not hit the db)."""
        for b in self.area_group.buttons():
            self.area_group.removeButton(b)
            b.hide()
            b.deleteLater()
        self.areas = self.svc.reader.areas()
        self.area_ids = [a.id for a in self.areas]
        for i, area in enumerate(self.areas):
            b = self._choice_button()
            b.setText(f"{area.name}\n{area.title}")
            self.area_group.addButton(b, i)
            self.area_box.addWidget(b)
        self._name_area_buttons()
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes top to bottom (the area buttons are made last but shown first)."""
        chain: list[QWidget] = [
            *self.area_group.buttons(),
            *self.lang_buttons,
            *self.theme_buttons,
            *self.size_buttons,
            self.kiosk_button,
            self.server_edit,
            self.server_save,
            self.enrol_code,
            self.enrol_button,
            self.about_button,
        ]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _name_area_buttons(self) -> None:
        for i, a in enumerate(self.areas):
            b = self.area_group.button(i)
            if b is not None:
                b.setAccessibleName(self.tr("Område: {name}").format(name=a.name))
                b.setAccessibleDescription(a.title)

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        """Set every text the page writes itself (called again on a language change)."""
        self.heading.setText(self.tr("Inställningar"))
        self.area_label.setText(self.tr("Område"))
        self.lang_label.setText(self.tr("Språk"))
        self.theme_label.setText(self.tr("Tema"))
        self.size_label.setText(self.tr("Textstorlek"))
        self.server_label.setText(self.tr("Synkserver"))
        self.kiosk_label.setText(self.tr("Surfplatteläge"))
        self.kiosk_button.setText(self.tr("Starta i surfplatteläge"))
        self.kiosk_button.setAccessibleName(self.tr("Starta i surfplatteläge"))
        self.about_button.setText(self.tr("Om Kompassen"))
        self.about_button.setAccessibleName(self.tr("Om Kompassen: versioner och licens"))
        for (_code, name), b in zip(LANG_CHOICES, self.lang_buttons, strict=True):
            b.setText(name)
            b.setAccessibleName(self.tr("Språk: {name}").format(name=name))
        theme_names = (self.tr("Dag"), self.tr("Natt"), self.tr("Följ klockan"))
        for name, b in zip(theme_names, self.theme_buttons, strict=True):
            b.setText(name)
            b.setAccessibleName(self.tr("Tema: {name}").format(name=name))
        self.theme_buttons[2].setAccessibleDescription(self.tr("Natt mellan 19 och 7, annars dag"))
        size_names = (self.tr("Normal"), self.tr("Stor"), self.tr("Större"))
        for name, b in zip(size_names, self.size_buttons, strict=True):
            b.setText(name)
            b.setAccessibleName(self.tr("Textstorlek: {name}").format(name=name))
        self._name_area_buttons()
        self.server_caption.setText(self.tr("Serveradress"))
        self.server_edit.setPlaceholderText("https://kompassen.example.se:8443")
        self.server_edit.setAccessibleName(self.tr("Synkserverns adress"))
        self.server_save.setText(self.tr("Spara adress"))
        self.server_save.setAccessibleName(self.tr("Spara synkserverns adress"))
        self.enrol_label.setText(self.tr("Anslut surfplattan"))
        self.enrol_code.setPlaceholderText(self.tr("Anslutningskod"))
        self.enrol_code.setAccessibleName(self.tr("Anslutningskod"))
        self.enrol_button.setText(self.tr("Anslut"))
        self.enrol_button.setAccessibleName(self.tr("Anslut surfplattan"))
        self.lang_note.setText(
            self.tr("Katalogen visas på engelska; knapparna är ännu inte översatta.")
        )
        self._show_versions()
        self._show_enrolment()

    def _show_versions(self) -> None:
        a = self.svc.state.area
        self.version_label.setText(
            self.tr(
                "Kompassen {app} · Områdespaket {area} {pack} · Katalogversion {catalogue}"
            ).format(
                app=__version__, area=a.name, pack=a.pack_version, catalogue=a.catalogue_version
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state in

    def showEvent(self, event: QShowEvent) -> None:
        """Settings may have changed elsewhere (theme by the clock, area by the window)."""
        super().showEvent(event)
        self.load()
        self.svc.sync.start()  # reads whether the tablet is enrolled, on the sync worker

    def load(self) -> None:
        """Check the buttons that match the saved settings and the area on screen."""
        s = self.svc.settings.load()
        self._check(self.area_group, self._index(self.area_ids, self.svc.state.area.id))
        langs = [code for code, _name in LANG_CHOICES]
        self._check(self.lang_group, self._index(langs, self.svc.state.lang))
        self._check(self.theme_group, self._index(THEME_CHOICES, s.theme))
        self._check(self.size_group, self._index(TEXT_STEPS, s.text_step))
        if not self.server_edit.hasFocus():
            self.server_edit.setText(s.server_url)
        self._show_kiosk(s)
        self._show_versions()

    def _show_kiosk(self, s: Settings) -> None:
        """Whether the next start is in tablet mode, and who decided it."""
        machine = machine_defaults.load(os.environ).kiosk
        self.kiosk_button.setChecked(machine_defaults.resolve_kiosk(None, s.kiosk, machine))
        parts = [
            self.tr(
                "Helskärm, appen stängs först efter en fråga och inställningarna öppnas genom "
                "att hålla fingret på områdets namn i 1,5 sekunder (eller Ctrl+Skift+S). "
                "Gäller från nästa start."
            )
        ]
        if s.kiosk is None and machine:
            parts.append(self.tr("Förvalt av den här datorns installation."))
        self.kiosk_note.setText(" ".join(parts))

    def _kiosk_clicked(self) -> None:
        """The user's own choice: saved as such, so it wins over the installer's default."""
        s = self._save(kiosk=self.kiosk_button.isChecked())
        self._show_kiosk(s)

    @staticmethod
    def _index(values: Sequence[object], value: object) -> int:
        return values.index(value) if value in values else -1

    @staticmethod
    def _check(group: QButtonGroup, index: int) -> None:
        b = group.button(index)
        if b is not None:
            b.setChecked(True)
        elif group.checkedButton() is not None:
            group.setExclusive(False)
            group.checkedButton().setChecked(False)
            group.setExclusive(True)

    def _area_changed(self) -> None:
        self._build_area_buttons()
        self.load()

    # ------------------------------------------------------------------ changes out

    def _save(self, **changes: object) -> Settings:
        s = replace(self.svc.settings.load(), **changes)  # type: ignore[arg-type]
        self.svc.settings.save(s)
        return s

    def _area_clicked(self, index: int) -> None:
        area_id = self.area_ids[index]
        self._save(area=area_id)
        if area_id != self.svc.state.area.id:
            self.area_requested.emit(area_id)

    def _lang_clicked(self, index: int) -> None:
        lang = LANG_CHOICES[index][0]
        self._save(lang=lang)
        translated = self.svc.translations.set_language(lang)
        # the catalogue has its own English texts, so switch them even without a .qm file
        self.lang_note.setVisible(not translated and lang != "sv")
        self.svc.state.set_lang(lang)

    def _look_clicked(self, _index: int) -> None:
        choice = THEME_CHOICES[max(0, self.theme_group.checkedId())]
        step = TEXT_STEPS[max(0, self.size_group.checkedId())]
        self._save(theme=choice, text_step=step)
        self.svc.theme.set(choice, step, self.svc.clock.now())

    def save_server(self) -> bool:
        """Save the server address if it is valid (or empty); say why when it is not."""
        url = self.server_edit.text().strip()
        if url and not valid_server_url(url):
            self._server_message(
                self.tr(
                    "Adressen stämmer inte. Skriv den som https://namn.se eller https://namn.se:8443."
                ),
                error=True,
            )
            return False
        self._save(server_url=url.rstrip("/"))
        self.server_edit.setText(url.rstrip("/"))
        self._server_message(
            self.tr("Adressen är sparad.") if url else self.tr("Ingen synkserver angiven.")
        )
        return True

    def _server_message(self, text: str, error: bool = False) -> None:
        set_role(self.server_status, "warning" if error else "muted")
        self.server_status.setText(text)
        self.server_status.setVisible(bool(text))
        self.server_edit.setAccessibleDescription(text)

    def _enrol_clicked(self) -> None:
        """Enrol with the code on the sync worker; the answer arrives in ``_enrolled``."""
        if not self.enrol_button.isEnabled():
            return
        if self.enrol_code.text().strip().lower().startswith("kompassen:"):
            # the office's QR content (kompassen://enrol?server=…&code=…): both fields at once
            from kompassen.sync.enrol_uri import EnrolmentTextError, parse_enrolment

            try:
                got = parse_enrolment(self.enrol_code.text())
            except EnrolmentTextError as err:
                self._enrol_note(err.message(self.svc.state.lang), error=True)
                return
            self.server_edit.setText(got.server or "")
            self.enrol_code.setText(got.code)
        saved = self.svc.settings.load().server_url
        typed = self.server_edit.text().strip().rstrip("/")
        if typed != saved and not self.save_server():
            self._enrol_note(self.tr("Rätta serveradressen först."), error=True)
            return
        if not self.svc.settings.load().server_url:
            self._enrol_note(
                self.tr("Skriv synkserverns adress ovan och tryck Spara adress först."),
                error=True,
            )
            return
        code = self.enrol_code.text().strip()
        if not code:
            self._enrol_note(self.tr("Skriv anslutningskoden du fått från kontoret."), error=True)
            return
        self._enrol_note(self.tr("Ansluter…"), busy=True)
        self.svc.sync.enrol(code)

    def _enrolled(self, link: object, error: object) -> None:
        lang = self.svc.state.lang
        if error is not None:
            why = error.message(lang) if isinstance(error, KompassenError) else str(error)
            self._enrol_note(self.tr("Anslutningen misslyckades: {why}").format(why=why), True)
            return
        self.enrol_code.clear()
        device = getattr(link, "device_id", "") or ""
        self._enrol_note(self.tr("Ansluten som enhet {id}.").format(id=device))
        self._show_enrolment()

    def _enrol_note(self, text: str, error: bool = False, busy: bool = False) -> None:
        set_role(self.enrol_message, "warning" if error else "muted")
        self.enrol_message.setText(text)
        self.enrol_message.setVisible(bool(text))
        self.enrol_code.setAccessibleDescription(text)
        self.enrol_button.setEnabled(not busy)

    def _show_enrolment(self, *_args: object) -> None:
        """Whether the tablet is enrolled, as which device, and where its key is kept."""
        runner = self.svc.sync
        link = runner.link
        if runner.status is None:
            text = ""
        elif runner.status.enrolled and link is not None:
            where = (
                self.tr("i systemets nyckelring")
                if link.token_where == "keyring"
                else self.tr("i en skyddad fil på surfplattan")
            )
            text = self.tr("Ansluten till {server} som enhet {id}. Nyckeln sparas {where}.").format(
                server=link.server_url or "", id=link.device_id or "", where=where
            )
        else:
            text = self.tr("Surfplattan är inte ansluten till någon synkserver.")
        self.enrol_state.setText(text)
        self.enrol_state.setVisible(bool(text))
