"""Day and night themes from one palette definition, and the app-wide style sheet.

Every colour the GUI paints comes from a :class:`Palette`; custom-painted delegates read the
current one from :class:`Theme`, widgets get it through the style sheet built here. Contrast is
computed (WCAG 2.x relative luminance) so tests can hold every text/background pair to 4.5:1.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from kompassen.device.paths import resources_dir

THEMES = ("day", "night", "auto")
TEXT_SIZES = (1.0, 1.25, 1.5)  # the three steps in Settings
BASE_POINT_SIZE = 12.0
TOUCH_PX = 48  # the smallest tappable target at 100 % scale
SCROLLBAR_PX = 28  # a scroll bar a thumb can hold: its handle is 24 px wide
FOCUS_BORDER_PX = 3  # the focus ring; a child drawn inside a field keeps clear of it
NIGHT_FROM, NIGHT_TO = 19, 7  # "follow the clock": night theme 19:00–07:00


@dataclass(frozen=True, slots=True)
class Palette:
    """The named colours of one theme (hex strings)."""

    window: str
    surface: str  # cards, fields
    surface_alt: str  # section headers, today's row
    text: str
    text_muted: str
    border: str
    accent: str  # primary buttons, focus ring
    accent_text: str  # text on accent
    chip: str
    chip_text: str
    chip_on: str
    chip_on_text: str
    chip_empty_text: str
    open: str  # "Öppet" text on surface
    closed: str
    unknown: str
    warning: str  # stale data, notices (text on surface)
    danger: str  # the report button
    danger_text: str


DAY = Palette(
    window="#f3f5f7",
    surface="#ffffff",
    surface_alt="#e6ecf2",
    text="#14202b",
    text_muted="#4a5866",
    border="#9aa7b4",
    accent="#0b5cad",
    accent_text="#ffffff",
    chip="#e6ecf2",
    chip_text="#14202b",
    chip_on="#0b5cad",
    chip_on_text="#ffffff",
    chip_empty_text="#5d6b78",
    open="#116b2f",
    closed="#a3201b",
    unknown="#5d5d5d",
    warning="#8a4b00",
    danger="#a3201b",
    danger_text="#ffffff",
)

NIGHT = Palette(
    window="#0d1117",
    surface="#161d26",
    surface_alt="#222c38",
    text="#e8edf2",
    text_muted="#aab6c2",
    border="#4d5b69",
    accent="#f2a93b",
    accent_text="#1a1200",
    chip="#222c38",
    chip_text="#e8edf2",
    chip_on="#f2a93b",
    chip_on_text="#1a1200",
    chip_empty_text="#8c99a6",
    open="#6fd48b",
    closed="#ff8f85",
    unknown="#b8c0c8",
    warning="#ffc266",
    danger="#ff8f85",
    danger_text="#240300",
)

PALETTES = {"day": DAY, "night": NIGHT}

# (text role, background role): every pair the GUI draws text with
TEXT_PAIRS = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "surface_alt"),
    ("text_muted", "window"),
    ("text_muted", "surface"),
    ("text_muted", "surface_alt"),
    ("accent_text", "accent"),
    ("chip_text", "chip"),
    ("chip_on_text", "chip_on"),
    ("chip_empty_text", "window"),
    ("chip_empty_text", "surface"),
    ("open", "surface"),
    ("closed", "surface"),
    ("unknown", "surface"),
    ("warning", "surface"),
    ("warning", "window"),
    ("danger_text", "danger"),
    ("accent", "surface"),
    ("accent", "window"),
)


def _linear(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio, 1.0 … 21.0."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def palette_roles() -> list[str]:
    return [f.name for f in fields(Palette)]


def resolve_theme(choice: str, now: datetime) -> str:
    """ "day" or "night" for a setting of day, night or auto (follow the clock)."""
    if choice in PALETTES:
        return choice
    return "night" if now.hour >= NIGHT_FROM or now.hour < NIGHT_TO else "day"


def chevron_icon(p: Palette) -> str:
    """The combo box arrow in the palette's text colour (one SVG per palette in resources/)."""
    return (resources_dir() / "icons" / f"chevron-down-{p.text.lstrip('#')}.svg").as_posix()


def style_sheet(p: Palette, scale: float) -> str:
    """The app-wide style sheet: colours from ``p``, sizes scaled, touch minimums kept."""
    pt = BASE_POINT_SIZE * scale
    big = pt * 1.25
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {pt:.1f}pt; }}
QLabel {{ background: transparent; }}
QLabel[role="muted"] {{ color: {p.text_muted}; }}
QLabel[role="heading"] {{ font-size: {big * 1.2:.1f}pt; font-weight: 700; }}
QLabel[role="section"] {{ font-size: {big:.1f}pt; font-weight: 700; margin-top: 8px; }}
QLabel[role="title"] {{ font-size: {big:.1f}pt; font-weight: 700; }}
QLabel[role="open"] {{ color: {p.open}; font-weight: 700; }}
QLabel[role="closed"] {{ color: {p.closed}; font-weight: 700; }}
QLabel[role="unknown"] {{ color: {p.unknown}; font-weight: 700; }}
QLabel[role="warning"] {{ color: {p.warning}; font-weight: 700; }}
QLabel[role="phone"] {{ font-size: {big * 1.3:.1f}pt; font-weight: 700; }}
QFrame[role="card"] {{ background: {p.surface}; border: 1px solid {p.border};
    border-radius: 10px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame[role="today"] {{ background: {p.surface_alt}; border-radius: 6px; }}
QPushButton, QToolButton {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; border-radius: 10px; padding: 8px 14px;
    min-height: {TOUCH_PX - 18}px; min-width: {TOUCH_PX - 30}px; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus,
QListView:focus, QTreeView:focus {{ border: {FOCUS_BORDER_PX}px solid {p.accent}; }}
QPushButton:checked, QToolButton:checked {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; font-weight: 700; }}
QPushButton[role="danger"] {{ background: {p.danger}; color: {p.danger_text};
    border-color: {p.danger}; font-weight: 700; font-size: {big:.1f}pt; }}
QPushButton[role="chip"] {{ background: {p.chip}; color: {p.chip_text};
    border-radius: 22px; border: 1px solid {p.border}; }}
QPushButton[role="chip"]:checked {{ background: {p.chip_on}; color: {p.chip_on_text};
    border-color: {p.chip_on}; }}
QPushButton[role="chip"][empty="true"] {{ background: transparent; color: {p.chip_empty_text};
    border: 1px dashed {p.border}; }}
QPushButton[role="suggestion"] {{ background: transparent; color: {p.accent};
    border: 2px dashed {p.accent}; border-radius: 22px; font-weight: 700; }}
QPushButton[role="nav"] {{ border: none; border-radius: 0; border-bottom: 4px solid transparent;
    font-weight: 700; padding: 8px 18px; }}
QPushButton[role="nav"][compact="true"] {{ padding: 8px 8px; }}
QPushButton[role="nav"]:checked {{ background: {p.surface}; color: {p.text};
    border-bottom: 4px solid {p.accent}; }}
QLineEdit, QComboBox, QDateTimeEdit, QSpinBox {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; border-radius: 10px; padding: 6px 12px;
    min-height: {TOUCH_PX - 14}px; selection-background-color: {p.accent};
    selection-color: {p.accent_text}; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit {{ placeholder-text-color: {p.text_muted}; }}
QLineEdit[clearable="true"] {{ padding-right: {TOUCH_PX + 2 * FOCUS_BORDER_PX}px;
    min-height: {TOUCH_PX + 2 * FOCUS_BORDER_PX - 14}px; }}
QToolButton[role="clear"] {{ background: transparent; color: {p.text_muted}; border: none;
    border-radius: {TOUCH_PX // 2}px; padding: 0; min-height: 0; min-width: 0; }}
QToolButton[role="clear"]:focus {{ border: {FOCUS_BORDER_PX}px solid {p.accent}; }}
QToolButton[role="clear"]:pressed {{ background: {p.surface_alt}; }}
QComboBox {{ combobox-popup: 0; }} /* a list popup: 48 px rows and a scroll bar, not a menu */
QComboBox::drop-down {{ subcontrol-origin: padding;
    subcontrol-position: center right; width: 36px; border: none; }}
QDateTimeEdit::drop-down {{ subcontrol-origin: border; subcontrol-position: center right;
    width: {TOUCH_PX}px; height: {TOUCH_PX}px; border: none; }}
QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: url({chevron_icon(p)});
    width: 16px; height: 16px; }}
QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; outline: none;
    selection-background-color: {p.accent}; selection-color: {p.accent_text}; }}
QAbstractItemView::item {{ min-height: {TOUCH_PX}px; }}
QComboBox QAbstractItemView::item {{ padding: 0 12px; }}
QAbstractItemView::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
QMenu {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
QMenu::item {{ min-height: {TOUCH_PX - 24}px; padding: 12px 24px; }}
QMenu::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
QMenu::item:disabled {{ color: {p.text_muted}; }}
QMenu::separator {{ height: 1px; background: {p.border}; margin: 4px 8px; }}
QCalendarWidget {{ min-width: {8 * TOUCH_PX}px; min-height: {9 * TOUCH_PX}px; }}
QCalendarWidget QAbstractItemView {{ background: {p.surface}; color: {p.text};
    selection-background-color: {p.accent}; selection-color: {p.accent_text}; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {p.surface_alt}; }}
QCalendarWidget QSpinBox {{ qproperty-buttonSymbols: NoButtons; }} /* 14 px arrows: type it */
QListView, QTreeView {{ background: {p.window}; border: 1px solid transparent; }}
QScrollArea {{ border: none; }}
QProgressBar {{ background: {p.surface_alt}; color: {p.text}; border: 1px solid {p.text_muted};
    border-radius: 6px; min-height: 16px; text-align: center; }}
QProgressBar::chunk {{ background: {p.accent}; border-radius: 5px; }}
QScrollBar {{ background: {p.surface_alt}; border: none; margin: 0; }}
QScrollBar:vertical {{ width: {SCROLLBAR_PX}px; }}
QScrollBar:horizontal {{ height: {SCROLLBAR_PX}px; }}
QScrollBar::handle {{ background: {p.text_muted}; border-radius: {SCROLLBAR_PX // 2 - 2}px;
    margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: {TOUCH_PX}px; }}
QScrollBar::handle:horizontal {{ min-width: {TOUCH_PX}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none;
    background: none; }}
QScrollBar::add-page, QScrollBar::sub-page, QScrollBar::up-arrow, QScrollBar::down-arrow,
QScrollBar::left-arrow, QScrollBar::right-arrow {{ background: none; border: none; }}
QStatusBar {{ background: {p.surface_alt}; color: {p.text}; }}
QStatusBar QLabel {{ color: {p.text}; }}
QDialog {{ background: {p.window}; }}
"""


def qpalette(p: Palette) -> QPalette:
    """A QPalette for the parts style sheets do not reach (popups, native dialogs)."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.surface,
        QPalette.ColorRole.AlternateBase: p.surface_alt,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.Button: p.surface,
        QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.accent_text,
        QPalette.ColorRole.PlaceholderText: p.text_muted,
        QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    return pal


class Theme(QObject):
    """The current palette and text size; ``changed`` fires when either changes."""

    changed = Signal()

    def __init__(self, choice: str = "auto", text_step: int = 0, parent: QObject | None = None):
        super().__init__(parent)
        self.choice = choice if choice in THEMES else "auto"
        self.text_step = max(0, min(text_step, len(TEXT_SIZES) - 1))
        self.name = "day"

    @property
    def palette(self) -> Palette:
        return PALETTES[self.name]

    @property
    def scale(self) -> float:
        return TEXT_SIZES[self.text_step]

    def point_size(self, factor: float = 1.0) -> float:
        return BASE_POINT_SIZE * self.scale * factor

    def font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(QApplication.font())
        f.setPointSizeF(self.point_size(factor))
        f.setBold(bold)
        return f

    def set(self, choice: str, text_step: int, now: datetime) -> None:
        self.choice = choice if choice in THEMES else "auto"
        self.text_step = max(0, min(text_step, len(TEXT_SIZES) - 1))
        self.apply(now, force=True)

    def apply(self, now: datetime, force: bool = False) -> None:
        """Install palette and style sheet; with "auto" this is called again every minute."""
        name = resolve_theme(self.choice, now)
        if name == self.name and not force:
            return
        self.name = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(qpalette(self.palette))
            font = QFont(app.font())
            font.setPointSizeF(self.point_size())
            app.setFont(font)
            app.setStyleSheet(style_sheet(self.palette, self.scale))
        self.changed.emit()
