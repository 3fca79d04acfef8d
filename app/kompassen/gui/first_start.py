"""First start on a new tablet: the shipped packs install with a progress bar, and the office's
enrolment code (or its QR code's content) can be typed or pasted on the first screen.

Installing the packs takes seconds on a slow tablet, so it runs on a thread of its own
(:func:`kompassen.compose.install_first`) while the start window keeps echoing keys into its
search field; the progress arrives through a queued Qt signal. Then the start goes on as
always (:meth:`Launch._build_rest <kompassen.gui.launch.Launch>`): the catalogue opens, finds
the packs installed, names any that failed in words, and the field window takes over with
what was typed.

The enrolment strip sits above the window's pages (``QMainWindow.setMenuWidget``), so it stays
when the field window replaces the start page and never takes the focus from the search field.
It reads a bare code (the server in Settings is used) or the URI ``kompassen://enrol?server=…
&code=…`` (:mod:`kompassen.sync.enrol_uri`), and enrols on the field window's sync worker (the
same as Settings does). "Senare" hides it; Settings keeps the enrolment for later.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import SystemClock
from kompassen.core.errors import KompassenError
from kompassen.device.paths import Paths, resolve_paths
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.touch import button, label, set_role
from kompassen.gui.workers.background import report_bug

if TYPE_CHECKING:
    from kompassen.compose import InstallStep
    from kompassen.gui.field.services import FieldServices
    from kompassen.gui.field.window import FieldWindow

log = logging.getLogger(__name__)

BAR_STEPS = 1000  # the bar's range: smooth enough for a streamed pack of any size
SUCCESS_SHOWN_MS = 4000  # how long "Kopplad …" stays before the strip goes


class _Signals(QObject):
    """Lives on the GUI thread: the install thread's news arrive here queued."""

    step = Signal(object)  # InstallStep
    done = Signal(object)  # None, or the bug (an Exception) that stopped the install


class InstallProgress(QWidget):
    """The words and the bar under the start window's search field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.words = label(self.tr("Förbereder surfplattan…"))
        self.words.setAccessibleName(self.tr("Installation"))
        lay.addWidget(self.words)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setMinimumHeight(TOUCH_PX // 2)
        self.bar.setAccessibleName(self.tr("Hur långt installationen har kommit"))
        lay.addWidget(self.bar)
        self.values: list[int] = []  # every value shown (tests read that it rises)

    def show_step(self, step: InstallStep) -> None:
        self.words.setText(
            self.tr("Installerar {name} … {index} av {count}").format(
                name=step.name, index=step.index, count=step.count
            )
        )
        value = round((step.index - 1 + step.fraction) / step.count * BAR_STEPS)
        value = max(self.bar.value(), min(BAR_STEPS, value))  # never backwards
        if not self.values or self.values[-1] != value:
            self.values.append(value)
        self.bar.setValue(value)


class FirstStart(QObject):
    """One first start: the install thread, its progress, then ``then()`` on the GUI thread."""

    def __init__(
        self, window: QMainWindow, paths: Paths, then: Callable[[], None], status: QWidget
    ) -> None:
        super().__init__(window)
        self.paths = paths
        self._then = then
        self._signals = _Signals(self)
        self._signals.step.connect(self._step)
        self._signals.done.connect(self._done)
        self.progress = InstallProgress()
        # in the start page's column, where "Laddar katalogen…" was
        parent = status.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(status), self.progress)
            status.hide()
        self.strip = EnrolStrip(window)
        window.setMenuWidget(self.strip)
        self.finished = False
        self.started_at = time.perf_counter()
        self.seconds: float | None = None
        self._thread = threading.Thread(target=self._run, name="first-install", daemon=True)
        self._thread.start()

    @classmethod
    def begin(
        cls,
        window: QMainWindow,
        environ: dict[str, str],
        then: Callable[[], None],
        status: QWidget,
    ) -> FirstStart | None:
        """Start the first install if this is a new tablet; None (nothing to do) otherwise."""
        from kompassen.compose import needs_first_install

        paths = resolve_paths(environ).ensure()
        if not needs_first_install(paths):
            return None
        log.info("first start: installing the shipped area packs")
        return cls(window, paths, then, status)

    def _run(self) -> None:
        """The install thread: every outcome ends in ``done`` (the start must go on)."""
        from kompassen.compose import install_first

        try:
            install_first(self.paths, SystemClock(), self._signals.step.emit)
        except Exception as exc:  # a bug: told on the GUI thread, and the start goes on
            self._signals.done.emit(exc)
            return
        self._signals.done.emit(None)

    def _step(self, step: InstallStep) -> None:
        self.progress.show_step(step)

    def _done(self, bug: Exception | None) -> None:
        self.finished = True
        self.seconds = time.perf_counter() - self.started_at
        log.info("first start: packs installed in %.2f s", self.seconds)
        if bug is not None:
            report_bug(bug)
        self._then()

    def adopted(self, window: FieldWindow) -> None:
        """The field window is up: the strip can enrol on its sync worker now."""
        self.strip.attach(window.svc)

    def close(self, timeout: float = 60.0) -> None:
        """Wait for the install thread (the app is closing: the catalogue must be whole)."""
        self._thread.join(timeout)


class EnrolStrip(QFrame):
    """The strip "Koppla till kontoret": a code or the QR code's content, "Koppla", "Senare"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # the window's layout bounds a menu widget by its minimum size, which for wrapping
        # labels is their height at their narrowest: with a minimum of its own the strip is as
        # tall as its height for the window's width
        self.setMinimumHeight(1)
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 6, 12, 6)
        col.setSpacing(4)
        row = QHBoxLayout()
        self.title = label(self.tr("Koppla till kontoret"), role="title", wrap=False)
        row.addWidget(self.title)
        self.code = QLineEdit(self)
        self.code.setMinimumHeight(TOUCH_PX)
        self.code.setPlaceholderText(self.tr("Kod eller QR-kodens innehåll"))
        self.code.setAccessibleName(self.tr("Anslutningskod"))
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.code.setMaxLength(4096)  # more is no code; the reader refuses over 2,048
        self.code.returnPressed.connect(self.connect_clicked)
        self.code.textEdited.connect(lambda _t: self._say(""))
        row.addWidget(self.code, 1)
        self.connect_button = button(self.tr("Koppla"), self.tr("Koppla till kontoret"))
        self.connect_button.clicked.connect(self.connect_clicked)
        row.addWidget(self.connect_button)
        self.later = button(self.tr("Senare"), self.tr("Koppla senare"))
        self.later.clicked.connect(self.dismiss)
        row.addWidget(self.later)
        col.addLayout(row)
        self.hint = label(
            self.tr("Koden eller QR-koden från kontoret. Går också senare under Inställningar."),
            role="muted",
        )
        col.addWidget(self.hint)
        self.message = label(role="muted")
        self.message.hide()
        col.addWidget(self.message)
        self.svc: FieldServices | None = None
        self._pending: tuple[str, str | None] | None = None  # code, server: waits for the window
        self._restore_server: str | None = None
        self.enrolled_as: str | None = None

    # ------------------------------------------------------------------ wiring

    def attach(self, svc: FieldServices) -> None:
        """Enrol through the field window's sync worker; a tap made before goes on now."""
        self.svc = svc
        svc.sync.enrol_finished.connect(self._finished)
        if self._pending is not None:
            code, server = self._pending
            self._pending = None
            self._enrol(code, server)

    def dismiss(self) -> None:
        """On "Senare" (or when done) the strip goes; Settings keeps the enrolment."""
        focus_was_here = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.hide()
        window = self.window()
        page = getattr(getattr(window, "field", None), "search_page", None)
        if focus_was_here and page is not None:
            page.filters.search.setFocus()  # back to the search field, not lost

    # ------------------------------------------------------------------ enrolling

    def connect_clicked(self) -> None:
        """Read what was typed; enrol now, or as soon as the field window is up."""
        if not self.connect_button.isEnabled():
            return
        from kompassen.sync.enrol_uri import EnrolmentTextError, parse_enrolment

        try:
            got = parse_enrolment(self.code.text())
        except EnrolmentTextError as err:
            self._say(err.message(self._lang()), error=True)
            return
        if self.svc is None:
            self._pending = (got.code, got.server)
            self._say(self.tr("Kopplar när katalogen är klar…"), busy=True)
            return
        self._enrol(got.code, got.server)

    def _enrol(self, code: str, server: str | None) -> None:
        assert self.svc is not None
        settings = self.svc.settings.load()
        if server is None and not settings.server_url:
            self._say(
                self.tr(
                    "Ingen synkserver är inställd på surfplattan. Klistra in hela innehållet i "
                    "kontorets QR-kod (kompassen://enrol?…), eller ange servern under "
                    "Inställningar."
                ),
                error=True,
            )
            return
        self._restore_server = None
        if server is not None and server != settings.server_url:
            self._restore_server = settings.server_url  # put back if this server fails
            try:
                self.svc.settings.save(replace(settings, server_url=server))
            except OSError as exc:
                self._say(self.tr("Inställningarna kunde inte sparas: {why}").format(why=exc), True)
                return
        self._say(self.tr("Kopplar…"), busy=True)
        self.svc.sync.enrol(code)

    def _finished(self, link: object, error: object) -> None:
        """The sync worker's answer (also for an enrolment started in Settings)."""
        if self.svc is None or not self.isVisible():
            return
        if error is not None:
            if self._restore_server is not None:
                settings = self.svc.settings.load()
                try:
                    self.svc.settings.save(replace(settings, server_url=self._restore_server))
                except OSError as exc:
                    log.warning("server address not put back: %s", exc)
                self._restore_server = None
            why = error.message(self._lang()) if isinstance(error, KompassenError) else str(error)
            self._say(self.tr("Det gick inte att koppla: {why}").format(why=why), error=True)
            return
        self._restore_server = None
        self.enrolled_as = getattr(link, "device_id", "") or ""
        self.code.clear()
        self._say(self.tr("Kopplad till kontoret som enhet {id}.").format(id=self.enrolled_as))
        self.connect_button.setEnabled(False)
        QTimer.singleShot(SUCCESS_SHOWN_MS, self, self.dismiss)

    def _say(self, text: str, error: bool = False, busy: bool = False) -> None:
        set_role(self.message, "warning" if error else "muted")
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.code.setAccessibleDescription(text)
        self.connect_button.setEnabled(not busy)

    def _lang(self) -> str:
        return self.svc.state.lang if self.svc is not None else "sv"
