"""Tablet mode (``kompassen --kiosk``): the pieces the window uses when it is a kiosk.

On a shared patrol tablet the app is the only thing on screen: a stray tap must not close it
or change its settings. So in tablet mode closing asks first (:class:`QuitDialog`, the default
button stays), and the settings are reached by holding a finger on the app's name for
:data:`HOLD_MS` (:class:`LongPress`) or, from a keyboard, with :data:`SETTINGS_SHORTCUT`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from kompassen.gui.widgets.touch import button, label

HOLD_MS = 1500  # how long a press on the name must last to open the settings
SETTINGS_SHORTCUT = "Ctrl+Shift+S"  # the long press for keyboard users (documented in the guide)
QUIT_SHORTCUT = "Ctrl+Q"
BIG_BUTTON_PX = 64  # the quit question's buttons: larger than the 48 px minimum
MOVE_SLACK_PX = 24  # a finger may wobble this much; further is a drag, not a hold


class LongPress(QObject):
    """Emits ``held`` when a widget is pressed for ``hold_ms`` without letting go.

    A press timer on the mouse events (touch presses arrive as mouse presses on widgets that
    do not take touch events themselves): a short tap, a drag or a release before the time
    does nothing. ``pressing`` is true while a press is counting (the widget may show it).
    """

    held = Signal()
    pressing = Signal(bool)

    def __init__(self, widget: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self._start = QPoint()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # a hold is felt to the tenth of a second: no coarse timer's 5 % slack
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._fire)
        self.enabled = True
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # a press soon after a tap arrives as a double click: it starts a hold all the same
        pressed = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
        if kind in pressed and self.enabled:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                self._start = event.position().toPoint()
                self._timer.start()
                self.pressing.emit(True)
        elif kind == QEvent.Type.MouseMove and self._timer.isActive():
            assert isinstance(event, QMouseEvent)
            # only the pressed finger moving: Qt also sends moves without a button when the
            # layout changes under a resting pointer
            held = bool(event.buttons() & Qt.MouseButton.LeftButton)
            moved = (event.position().toPoint() - self._start).manhattanLength()
            if held and moved > MOVE_SLACK_PX:
                self.cancel()
        # not on Leave: a tooltip or a window appearing under the finger sends one; the press
        # grabs the mouse, so the release arrives here wherever it happens
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.Hide):
            self.cancel()
        return False

    def cancel(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.pressing.emit(False)

    def _fire(self) -> None:
        self.pressing.emit(False)
        if self.enabled:
            self.held.emit()


class QuitDialog(QDialog):
    """ "Avsluta Kompassen?" with two large buttons; Enter and Esc keep the app open.

    Window-modal and opened with ``open()`` (no nested event loop): the window's close event
    is refused at once and closes again only when "Avsluta" is chosen (``accepted``).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Avsluta Kompassen?"))
        self.setAccessibleName(self.tr("Avsluta Kompassen?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(16)
        self.heading = label(self.tr("Avsluta Kompassen?"), "heading", self)
        lay.addWidget(self.heading)
        self.text = label(
            self.tr(
                "Surfplattan är i surfplatteläge. Stäng bara appen om du ska lämna "
                "tillbaka surfplattan eller starta om den."
            ),
            "",
            self,
        )
        lay.addWidget(self.text)
        # one above the other, full width: a long label never shares a row (or gets cut), and
        # "stay" is the first, largest target
        self.stay = button(
            self.tr("Fortsätt använda Kompassen"), self.tr("Stäng inte appen"), "primary", self
        )
        self.quit = button(self.tr("Avsluta"), self.tr("Avsluta Kompassen"), "", self)
        for b in (self.stay, self.quit):
            lay.addWidget(b)
        self.stay.setDefault(True)
        self.stay.setAutoDefault(True)
        self.quit.setAutoDefault(False)
        self.stay.clicked.connect(self.reject)
        self.quit.clicked.connect(self.accept)
        self.stay.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for b in (self.stay, self.quit):  # after the style sheet's 48 px minimum is applied
            b.setMinimumHeight(BIG_BUTTON_PX)
        parent = self.parentWidget()
        if parent is not None:  # a readable width, never wider than the screen it is on
            self.setMinimumWidth(min(560, max(parent.width() - 48, 280)))
        self.stay.setFocus()  # Enter, Space and Esc all keep the app open
