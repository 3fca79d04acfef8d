"""Small helpers that make every screen touch-friendly in the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.theme import TOUCH_PX


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


def scroll_column(
    page: QWidget, max_width: int = 860
) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
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
