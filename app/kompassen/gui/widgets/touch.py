"""Small helpers that make every screen touch-friendly in the same way."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.theme import FOCUS_BORDER_PX, TOUCH_PX


def kinetic(area: QAbstractScrollArea) -> None:
    """Drag-to-scroll with momentum on a list or scroll area, for fingers.

    The touch gesture, not the left-mouse one: with the mouse gesture the scroller holds
    every press back and swallowed quick taps on cards; a mouse keeps ordinary clicks and
    the scroll wheel, a finger gets flicking.
    """
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(area.viewport())
    props = scroller.scrollerProperties()
    # do not steal a tap as a tiny drag: taps on cards and chips must stay taps
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.3)
    scroller.setScrollerProperties(props)


def scroll_column(page: QWidget, max_width: int = 860) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
    """A page that scrolls (kinetic) with one readable column, centred on a wide screen.

    Returns the scroll area, the column widget and its layout (spacing 10) to fill.
    The scroll area takes no focus, so Tab scrolls to the focused control instead.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    kinetic(scroll)
    outer.addWidget(scroll)
    body = QWidget()
    body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # hfw height
    centre = QHBoxLayout(body)
    centre.setContentsMargins(16, 16, 16, 24)
    column = QWidget(body)
    column.setMaximumWidth(max_width)
    centre.addStretch(0)
    centre.addWidget(column, 1)
    centre.addStretch(0)
    scroll.setWidget(body)
    col = QVBoxLayout(column)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(10)
    return scroll, column, col


def button(
    text: str, accessible: str = "", role: str = "", parent: QWidget | None = None
) -> QPushButton:
    """A push button at least 48×48 px, with an accessible name and an optional style role."""
    b = QPushButton(text, parent)
    b.setMinimumSize(TOUCH_PX, TOUCH_PX)
    b.setAccessibleName(accessible or text)
    if role:
        b.setProperty("role", role)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setAutoDefault(False)
    return b


def label(
    text: str = "", role: str = "", parent: QWidget | None = None, wrap: bool = True
) -> QLabel:
    """A label with a style role (heading, section, muted, open, closed, warning, phone)."""
    lab = QLabel(text, parent)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return lab


def set_role(widget: QWidget, role: str, **props: object) -> None:
    """Change a style role or property and make the style sheet see it."""
    widget.setProperty("role", role)
    for k, v in props.items():
        widget.setProperty(k, v)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def clear_layout(layout: QLayout, keep: int = 0) -> None:
    """Remove all items after the first ``keep``; their widgets vanish at once.

    Hidden first, deleted later: deletion waits for the event loop (a click handler of the
    old widget may still be running), and until then the old widget must not be seen.
    """
    while layout.count() > keep:
        item = layout.takeAt(keep)
        w = item.widget() if item is not None else None
        if w is not None:
            w.hide()
            w.deleteLater()


class ClearButton(QToolButton):
    """A finger-sized "clear the text" button inside a line edit, right of the text.

    QLineEdit's own clear button is a 16 px icon that the app's 48 px button style pushed
    half over the field's border. This one is a real 48×48 target inside the field's focus
    border (the style sheet makes such a field tall enough and keeps the text clear of it),
    reachable with Tab right after its field and named for screen readers.
    """

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.setClearButtonEnabled(False)
        edit.setProperty("clearable", True)  # the style sheet: taller, text padded clear of us
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        self.setProperty("role", "clear")
        self.setFixedSize(TOUCH_PX, TOUCH_PX)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(edit, self)
        self.clicked.connect(self.clear_text)
        edit.textChanged.connect(self._sync)
        edit.installEventFilter(self)
        self._retranslate()
        self._sync()

    def clear_text(self) -> None:
        """Empty the field as typing would: ``textEdited`` fires (searches follow), undo works."""
        self._edit.selectAll()
        self._edit.del_()
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync(self) -> None:
        e = self._edit
        self.setVisible(bool(e.text()) and e.isEnabled() and not e.isReadOnly())
        self._place()

    def _place(self) -> None:
        e = self._edit
        self.move(
            e.width() - FOCUS_BORDER_PX - self.width(), max(0, (e.height() - self.height()) // 2)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._edit and kind in (QEvent.Type.Resize, QEvent.Type.EnabledChange):
            self._sync()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Rensa texten"))
        self.setToolTip(self.tr("Rensa texten"))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the style sheet's background and focus ring
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.ButtonText), 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        c = QPointF(self.rect().center()) + QPointF(0.5, 0.5)
        r = max(6.0, self.fontMetrics().height() * 0.3)
        painter.drawLine(c + QPointF(-r, -r), c + QPointF(r, r))
        painter.drawLine(c + QPointF(-r, r), c + QPointF(r, -r))
        painter.end()


def clear_button(edit: QLineEdit) -> ClearButton:
    """Give ``edit`` a 48 px clear button; use instead of ``setClearButtonEnabled(True)``."""
    return ClearButton(edit)


class _PopupWidth(QObject):
    """Keeps a combo box's list popup as wide as its longest item (see :func:`fit_popup`)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        model = combo.model()
        for changed in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            changed.connect(self.fit)
        combo.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        view = self._combo.view()
        view.ensurePolished()
        items = view.sizeHintForColumn(self._combo.modelColumn())
        bar = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(max(0, items + bar + 2 * view.frameWidth()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return super().eventFilter(watched, event)


def fit_popup(combo: QComboBox) -> None:
    """Make ``combo``'s popup list wide enough for every item, wider than the box if need be.

    The list popup (48 px rows, a scroll bar: see the style sheet) is only as wide as the box
    by itself, so a long landmark name ("Stockholms centralstation") lost its middle to "…".
    """
    _PopupWidth(combo)


class _ReadableWeekends(QObject):
    """Re-colours the calendar's weekend days each time it opens (the theme may have changed)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QCalendarWidget):
            weekends_in_text_colour(watched)
        return False


def weekends_in_text_colour(calendar: QCalendarWidget) -> None:
    """Saturday and Sunday in the theme's text colour, bold: Qt's own red is about 4:1 against
    the day and night backgrounds, below the 4.5:1 the app holds every text to."""
    fmt = QTextCharFormat()
    fmt.setForeground(QApplication.palette().color(QPalette.ColorRole.Text))
    fmt.setFontWeight(QFont.Weight.Bold)
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, fmt)


def readable_calendar(edit: QDateTimeEdit) -> QCalendarWidget | None:
    """The date field's calendar popup with readable weekends, now and whenever it opens."""
    calendar = edit.calendarWidget()
    if calendar is None:
        return None
    weekends_in_text_colour(calendar)
    calendar.installEventFilter(_ReadableWeekends(calendar))
    return calendar
