"""The guides view: "what do I do in this situation?" as ordered steps with services.

A guide is read in the street, often at night, so the step that applies right now is marked
("Gäller nu") and every linked service is one big tap away. In landscape the list of guides
and the open guide sit side by side; in portrait the guide replaces the list and a
"← Alla lösningar" button leads back (the app calls guides "lösningar" everywhere).
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import STOCKHOLM
from kompassen.core.model import Guide, GuideStep, Service, Text, TimeWindow
from kompassen.gui.field.services import FieldServices
from kompassen.gui.field.status_words import day_words
from kompassen.gui.field.words import catalogue_text
from kompassen.gui.theme import TOUCH_PX, Theme
from kompassen.gui.widgets.touch import button, kinetic, label, set_role

GuideIdRole = Qt.ItemDataRole.UserRole
ProblemRole = Qt.ItemDataRole.UserRole + 1


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


def window_applies(when: TimeWindow, at: datetime) -> bool:
    """Whether ``at`` (any zone; judged in Stockholm) falls inside the weekly window.

    Same rule as the search's "step now": an end at or before the start runs past midnight,
    so the small hours belong to the day the window started on.
    """
    local = at.astimezone(STOCKHOLM)
    minute = local.hour * 60 + local.minute
    start, end = _minutes(when.start), _minutes(when.end)
    day, yesterday = local.weekday(), (local.weekday() - 1) % 7
    if end <= start:
        return (minute >= start and (not when.days or day in when.days)) or (
            minute < end and (not when.days or yesterday in when.days)
        )
    return start <= minute < end and (not when.days or day in when.days)


class EnterClicks(QObject):
    """Event filter: Enter/Return clicks a button, as Space does (Qt only does it for
    default buttons in dialogs; on a tablet keyboard Enter is the obvious key)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.isAutoRepeat()
            and isinstance(obj, QAbstractButton)
            and obj.isEnabled()
        ):
            obj.click()
            return True
        return super().eventFilter(obj, event)


class WrapButton(QPushButton):
    """A touch-sized push button whose text wraps: service names run to 95 characters and
    must neither be cut off nor widen the page."""

    def __init__(self, text: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._lay = QVBoxLayout(self)  # kept: layout() is typed "QLayout | None"
        self._lay.setContentsMargins(16, 10, 16, 10)
        self._lay.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(TOUCH_PX, TOUCH_PX)
        self.setAccessibleName(accessible)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)

    def text_shown(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        return self._lay.totalSizeHint().expandedTo(QSize(TOUCH_PX, TOUCH_PX))

    def minimumSizeHint(self) -> QSize:
        return QSize(TOUCH_PX, max(TOUCH_PX, self._lay.totalMinimumSize().height()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(TOUCH_PX, self._lay.totalHeightForWidth(width))


class _GuideDelegate(QStyledItemDelegate):
    """Paints a guide row: bold title (wrapped) over two lines of the problem (elided).

    Colours come from the current theme palette, like every custom-painted delegate. Line
    breaks and finished rows are cached: scrolling repaints with one pixmap copy per row
    instead of a dozen calls from Python into Qt.
    """

    PAD = 14
    BAR = 6  # the accent bar of the chosen row

    def __init__(self, theme: Theme, view: QListView) -> None:
        super().__init__(view)
        self._theme = theme
        self._view = view
        self._layouts: dict[tuple, tuple[QFont, QFont, list[str], list[str], int]] = {}
        self._pixmaps: dict[tuple, QPixmap] = {}

    def _width(self, option: QStyleOptionViewItem) -> int:
        w = option.rect.width() if option.rect.width() > 0 else self._view.viewport().width()
        return self.text_width(w)

    def text_width(self, row_width: int) -> int:
        """The width the lines of a ``row_width`` px row are broken at."""
        return max(120, row_width - 2 * self.PAD - self.BAR)

    @staticmethod
    def _lines(text: str, font: QFont, width: int, most: int) -> list[str]:
        """Break ``text`` into at most ``most`` lines of ``width`` px, the last one elided."""
        fm = QFontMetrics(font)
        layout = QTextLayout(text, font)
        layout.beginLayout()
        lines: list[str] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == most - 1 and start + length < len(text):
                lines.append(fm.elidedText(text[start:], Qt.TextElideMode.ElideRight, width))
                break
            lines.append(text[start : start + length].rstrip())
        layout.endLayout()
        return lines

    def layout_lines(
        self, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> tuple[QFont, QFont, list[str], list[str], int]:
        """Fonts, title lines, problem lines and row height for ``width`` (cached)."""
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        problem = str(index.data(ProblemRole) or "")
        key = (title, problem, width, self._theme.scale)
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) > 500:
                self._layouts.clear()
            tfont = self._theme.font(1.1, bold=True)
            pfont = self._theme.font(0.95)
            tl = self._lines(title, tfont, width, 3)
            pl = self._lines(problem, pfont, width, 2)
            h = (
                2 * self.PAD
                + len(tl) * QFontMetrics(tfont).lineSpacing()
                + 4
                + len(pl) * QFontMetrics(pfont).lineSpacing()
            )
            found = self._layouts[key] = (tfont, pfont, tl, pl, max(TOUCH_PX, h))
        return found

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._width(option)
        return QSize(width, self.layout_lines(index, width)[4])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus) and self._view.hasFocus()
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        width = self._width(option)
        key = (
            index.data(Qt.ItemDataRole.DisplayRole),
            index.data(ProblemRole),
            r.width(),
            r.height(),
            selected,
            focused,
            self._theme.name,
            self._theme.scale,
            dpr,
        )
        pm = self._pixmaps.get(key)
        if pm is None:
            if len(self._pixmaps) > 200:
                self._pixmaps.clear()
            pm = self._pixmaps[key] = self._render(index, r.size(), width, selected, focused, dpr)
        painter.drawPixmap(r.topLeft(), pm)

    def _render(
        self,
        index: QModelIndex | QPersistentModelIndex,
        size: QSize,
        width: int,
        selected: bool,
        focused: bool,
        dpr: float,
    ) -> QPixmap:
        p = self._theme.palette
        pm = QPixmap(round(size.width() * dpr), round(size.height() * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(QColor(p.surface_alt if selected else p.surface))
        r = QRect(0, 0, size.width(), size.height())
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(QPen(QColor(p.border), 1))
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        if selected:
            painter.fillRect(QRect(0, 0, self.BAR, r.height()), QColor(p.accent))
        if focused:
            painter.setPen(QPen(QColor(p.accent), 3))
            painter.drawRect(r.adjusted(1, 1, -2, -2))
        tfont, pfont, tl, pl, _h = self.layout_lines(index, width)
        tfm, pfm = QFontMetrics(tfont), QFontMetrics(pfont)
        x, y = self.PAD + self.BAR, self.PAD
        painter.setPen(QColor(p.text))
        painter.setFont(tfont)
        for line in tl:
            painter.drawText(x, y + tfm.ascent(), line)
            y += tfm.lineSpacing()
        y += 4
        painter.setPen(QColor(p.text_muted))
        painter.setFont(pfont)
        for line in pl:
            painter.drawText(x, y + pfm.ascent(), line)
            y += pfm.lineSpacing()
        painter.end()
        return pm


class StepCard(QFrame):
    """One numbered step: text, its time window in words and whether it applies now
    ("Gäller nu" / "Gäller inte nu"; "Gäller alltid" without a window), service buttons."""

    def __init__(self, number: int, step: GuideStep, applies_now: bool) -> None:
        super().__init__()
        self.number = number
        self.step = step
        self.applies_now = applies_now
        self.text_label = label()
        self.window_label = label(role="muted")
        self.now_label = label(role="open", wrap=False)
        self.service_buttons: dict[str, WrapButton] = {}
        self.setProperty("role", "today" if applies_now else "card")


class GuidesPage(QWidget):
    """The area's guides and the chosen one; services open through ``svc.nav``."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.guides: list[Guide] = []
        self.guide: Guide | None = None
        self.step_cards: list[StepCard] = []
        self._services: dict[str, Service] = {}
        self._terms: dict[str, Text] = {}
        self._portrait = False
        self._enter = EnterClicks(self)
        self._ready = False
        self.title_label: QLabel | None = None
        self.sources_label: QLabel | None = None
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(30_000)
        self._clock_timer.timeout.connect(self._follow_clock)

        root = QHBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(16)

        # list pane
        self.list_pane = QWidget()
        lp = QVBoxLayout(self.list_pane)
        lp.setContentsMargins(0, 0, 0, 0)
        self.list_heading = label(role="heading")
        self.list_hint = label(role="muted")
        self.list = QListWidget()
        self.list.setItemDelegate(_GuideDelegate(svc.theme, self.list))
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        # rows wrap to the width: QListView re-lays them out on a width change only when it
        # wraps (Adjust alone reacts to the height), else a row keeps a height measured at an
        # earlier width and its last line is cut mid-glyph
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(0)
        kinetic(self.list)
        self.list.activated.connect(self._row_chosen)  # Enter, or double click
        self.list.clicked.connect(self._row_chosen)  # a tap
        lp.addWidget(self.list_heading)
        lp.addWidget(self.list_hint)
        lp.addWidget(self.list, 1)

        # guide pane
        self.guide_pane = QWidget()
        gp = QVBoxLayout(self.guide_pane)
        gp.setContentsMargins(0, 0, 0, 0)
        self.back_button = button("", role="")
        self.back_button.clicked.connect(lambda: self.show_guide(None))
        self.back_button.installEventFilter(self._enter)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        gp.addLayout(back_row)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        kinetic(self.scroll_area)
        self.body = QWidget()
        # height from heightForWidth, not from the labels' narrowest (tallest) minimum:
        # otherwise the scroll area leaves a screen of empty space under the guide
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(4, 4, 16, 16)
        self.body_layout.setSpacing(12)
        self.scroll_area.setWidget(self.body)
        gp.addWidget(self.scroll_area, 1)

        root.addWidget(self.list_pane, 2)
        root.addWidget(self.guide_pane, 3)

        svc.state.area_changed.connect(self.reload)
        svc.state.language_changed.connect(self._language_changed)
        svc.theme.changed.connect(self.list.doItemsLayout)
        self._ready = True
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ public

    def reload(self) -> None:
        """Read the current area's guides again (area switched or catalogue updated)."""
        area_id = self.svc.state.area.id
        self.guides = self.svc.reader.guides(area_id)
        self._terms = {t.code: t.label for t in self.svc.reader.terms(area_id)}
        self._fill_list()
        self.show_guide(None)

    def show_guide(self, guide_id: str | None) -> None:
        """Open ``guide_id`` (None: back to the list / nothing chosen)."""
        self.guide = next((g for g in self.guides if g.id == guide_id), None)
        ids = [] if self.guide is None else [s for st in self.guide.steps for s in st.service_ids]
        # read once here: re-rendering (language, clock) must not go back to the database
        self._services = {s.id: s for s in self.svc.reader.services(list(dict.fromkeys(ids)))}
        self.list.blockSignals(True)
        if self.guide is None:
            self.list.clearSelection()
        else:
            row = self.guides.index(self.guide)
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._render()
        self._arrange()
        if self.guide is not None:
            self.scroll_area.verticalScrollBar().setValue(0)

    def steps_now(self) -> list[int]:
        """Indexes of the open guide's steps whose time window applies at the clock's now."""
        return [c.number - 1 for c in self.step_cards if c.applies_now]

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        """Set every text the page writes itself (called again on a language change)."""
        self.list_heading.setText(self.tr("Lösningar"))
        self.list_hint.setText(self.tr("Välj situationen du står i för att se vad du kan göra."))
        self.list.setAccessibleName(self.tr("Lösningar"))
        self.list.setAccessibleDescription(self.tr("Tryck eller tryck Enter för att öppna"))
        self.back_button.setText(self.tr("← Alla lösningar"))
        self.back_button.setAccessibleName(self.tr("Tillbaka till alla lösningar"))
        self.scroll_area.setAccessibleName(self.tr("Vald lösning"))

    def describe_window(self, when: TimeWindow) -> str:
        """A window in words: "mån–fre 16:30–24:00", "lör–sön hela dygnet"."""
        names = [
            self.tr("mån"),
            self.tr("tis"),
            self.tr("ons"),
            self.tr("tor"),
            self.tr("fre"),
            self.tr("lör"),
            self.tr("sön"),
        ]
        days = sorted(set(when.days))
        if not days or len(days) == 7:
            day_text = self.tr("alla dagar")
        else:
            runs: list[list[int]] = []
            for d in days:
                if runs and d == runs[-1][-1] + 1:
                    runs[-1].append(d)
                else:
                    runs.append([d])
            day_text = ", ".join(
                names[r[0]] if len(r) == 1 else f"{names[r[0]]}–{names[r[-1]]}" for r in runs
            )
        if _minutes(when.start) == 0 and _minutes(when.end) in (0, 24 * 60):
            return self.tr("{days} hela dygnet").format(days=day_text)
        return f"{day_text} {when.start}–{when.end}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self.retranslate()
            self._render()
        super().changeEvent(event)

    def _language_changed(self) -> None:
        self._fill_list()
        self._render()

    # ------------------------------------------------------------------ layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._portrait = portrait
            self._arrange()

    def showEvent(self, event: QShowEvent) -> None:
        """Time moves while the page is hidden: re-mark the step that applies now."""
        super().showEvent(event)
        self._follow_clock()
        self._clock_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock_timer.stop()

    def _follow_clock(self) -> None:
        """Move "Gäller nu" when a window opens or closes (16:30 comes while reading)."""
        if self.guide is not None and self._now_indexes() != self.steps_now():
            self._render()

    def _arrange(self) -> None:
        """Side by side in landscape; in portrait the open guide replaces the list."""
        if self._portrait:
            self.list_pane.setVisible(self.guide is None)
            self.guide_pane.setVisible(self.guide is not None)
            self.back_button.setVisible(True)
        else:
            self.list_pane.setVisible(True)
            self.guide_pane.setVisible(True)
            self.back_button.setVisible(False)

    # ------------------------------------------------------------------ list

    def _fill_list(self) -> None:
        lang = self.svc.state.lang
        current = self.guide.id if self.guide else None
        self.list.blockSignals(True)
        self.list.clear()
        for g in self.guides:
            title, problem = catalogue_text(g.title, lang), catalogue_text(g.problem, lang)
            item = QListWidgetItem(title)
            item.setData(GuideIdRole, g.id)
            item.setData(ProblemRole, problem)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, problem)
            item.setData(Qt.ItemDataRole.ToolTipRole, problem)
            self.list.addItem(item)
            if g.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _row_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_guide(str(index.data(GuideIdRole)))

    # ------------------------------------------------------------------ guide

    def _now_indexes(self) -> list[int]:
        if self.guide is None:
            return []
        now = self.svc.clock.now()
        return [
            i
            for i, st in enumerate(self.guide.steps)
            if st.when is not None and window_applies(st.when, now)
        ]

    def _clear_body(self) -> None:
        self.title_label = self.sources_label = None
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        self.step_cards = []

    def _render(self) -> None:
        """Build the open guide's content (or the "choose a guide" hint)."""
        self._clear_body()
        g = self.guide
        lang = self.svc.state.lang
        if g is None:
            hint = label(self.tr("Välj en lösning i listan."), role="muted")
            self.body_layout.addWidget(hint)
            self.body_layout.addStretch(1)
            return
        self.title_label = label(catalogue_text(g.title, lang), role="heading")
        self.body_layout.addWidget(self.title_label)
        self.body_layout.addWidget(label(catalogue_text(g.problem, lang)))
        for codes, caption in (
            (g.groups, self.tr("Målgrupp: {terms}")),
            (g.needs, self.tr("Behov: {terms}")),
        ):
            if codes:
                terms = ", ".join(self._term(c, lang) for c in codes)
                self.body_layout.addWidget(label(caption.format(terms=terms), role="muted"))
        steps_heading = label(self.tr("Gör så här"), role="section")
        steps_heading.setIndent(0)  # the role's margin would indent it otherwise
        self.body_layout.addWidget(steps_heading)

        services = self._services
        now = set(self._now_indexes())
        for i, st in enumerate(g.steps):
            card = self._step_card(i + 1, st, i in now, services, lang)
            self.step_cards.append(card)
            self.body_layout.addWidget(card)

        self.body_layout.addWidget(self._provenance(g))
        self.body_layout.addStretch(1)

    def _term(self, code: str, lang: str) -> str:
        text = self._terms.get(code)
        return text.get(lang) if text is not None else code

    def _step_card(
        self,
        number: int,
        step: GuideStep,
        applies_now: bool,
        services: dict[str, Service],
        lang: str,
    ) -> StepCard:
        card = StepCard(number, step, applies_now)
        row = QHBoxLayout(card)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(12)
        num = label(str(number), role="section", wrap=False)
        num.setIndent(0)
        num.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        num.setMinimumWidth(28)
        num.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        row.addWidget(num, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(8)
        row.addLayout(col, 1)

        spoken = [self.tr("Steg {n}").format(n=number)]
        if step.when is not None:
            head = QHBoxLayout()
            card.window_label.setText(self.describe_window(step.when))
            head.addWidget(card.window_label, 1)
            spoken.append(card.window_label.text())
            # said either way: a step without the mark could be read as "always"
            card.now_label.setText(
                self.tr("Gäller nu") if applies_now else self.tr("Gäller inte nu")
            )
            set_role(card.now_label, "open" if applies_now else "muted")
            head.addWidget(card.now_label, 0, Qt.AlignmentFlag.AlignRight)
            spoken.append(card.now_label.text())
            col.addLayout(head)
        else:
            card.window_label.setText(self.tr("Gäller alltid"))
            col.addWidget(card.window_label)
            spoken.append(card.window_label.text())
            card.now_label.hide()
        card.text_label.setText(catalogue_text(step.text, lang))
        col.addWidget(card.text_label)
        for sid in step.service_ids:
            s = services.get(sid)
            if s is None:
                continue
            text = s.name
            if s.status == "closed" and s.status_detail == "inactive":
                text = self.tr("{name} (inaktiv)").format(name=s.name)
            elif s.status == "closed":
                text = self.tr("{name} (stängd)").format(name=s.name)
            elif s.status == "temporarily-closed" and s.status_until is not None:
                until = day_words(s.status_until, lang, self.svc.clock.now().date())
                text = self.tr("{name} (tillfälligt stängd till {day})").format(
                    name=s.name, day=until
                )
            elif s.status == "temporarily-closed":
                text = self.tr("{name} (tillfälligt stängd)").format(name=s.name)
            b = WrapButton(text + "\u00a0›", self.tr("Öppna {name}").format(name=s.name))
            b.clicked.connect(lambda _=False, sid=sid: self.svc.nav.open_service(sid))
            b.installEventFilter(self._enter)
            card.service_buttons[sid] = b
            col.addWidget(b)
        card.setAccessibleName(", ".join(spoken))
        set_role(card, "today" if applies_now else "card")
        return card

    def _provenance(self, g: Guide) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 12, 0, 0)
        verified = g.provenance.verified_at
        when = self.tr("okänt") if verified in ("", "unknown") else verified
        lay.addWidget(label(self.tr("Senast kontrollerad: {when}").format(when=when), role="muted"))
        hosts = list(
            dict.fromkeys(
                (urlsplit(u).netloc or u).removeprefix("www.") for u in g.provenance.sources
            )
        )
        if hosts:
            self.sources_label = label(
                self.tr("Källor: {sources}").format(sources=", ".join(hosts)), role="muted"
            )
            self.sources_label.setToolTip("\n".join(g.provenance.sources))
            lay.addWidget(self.sources_label)
        return box
