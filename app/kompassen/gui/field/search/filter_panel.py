"""The questions a worker answers: free text, time, place, "Vem har du träffat?" and needs.

Everything here writes into :class:`FieldState`; the search page listens to it. Chips show
live counts from the last result's facets and look empty when they would give nothing.
In portrait the chips sit in a :class:`ChipSection` that opens and closes under a header
naming the chosen chips, so the results below never need a second scroll pane.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QSize, Qt, QTime, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.search.model import SearchResult
from kompassen.core.clock import STOCKHOLM
from kompassen.core.model import Term
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.flow_layout import flow_widget
from kompassen.gui.widgets.touch import (
    button,
    clear_button,
    clear_layout,
    fit_popup,
    label,
    readable_calendar,
    set_role,
)

FIGURE_SPACE = "\u2007"  # as wide as a digit
OPEN_MARK, CLOSED_MARK = "\u25be", "\u25b8"  # ▾ open, ▸ closed
HEADER_PAD = 14  # as the style sheet's button padding


class TimeDialog(QDialog):
    """ "Välj tid": a day and a time, with quick choices for the common cases."""

    def __init__(self, now: datetime, current: datetime | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Välj tid"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        lay.addWidget(label(self.tr("När ska personen få hjälp?"), "section", self))
        self.edit = QDateTimeEdit(self)
        self.edit.setAccessibleName(self.tr("Datum och tid"))
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumHeight(TOUCH_PX)
        readable_calendar(self.edit)
        start = current or now
        self.edit.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        lay.addWidget(self.edit)
        quick = QHBoxLayout()
        tonight = now.replace(hour=23, minute=0, second=0, microsecond=0)
        tomorrow = (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
        for text, moment in (
            (self.tr("I kväll 23:00"), tonight),
            (self.tr("I morgon 08:00"), tomorrow),
            (self.tr("Om 2 timmar"), now + timedelta(hours=2)),
        ):
            b = button(text, parent=self)
            b.clicked.connect(lambda _=False, m=moment: self._choose(m))
            quick.addWidget(b)
        lay.addLayout(quick)
        row = QHBoxLayout()
        cancel = button(self.tr("Avbryt"), parent=self)
        cancel.clicked.connect(self.reject)
        ok = button(self.tr("Välj"), role="primary", parent=self)
        ok.clicked.connect(self.accept)
        ok.setDefault(True)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(ok)
        lay.addLayout(row)

    def _choose(self, moment: datetime) -> None:
        self.edit.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute, moment.second),
            )
        )
        self.accept()

    def moment(self) -> datetime:
        qdt = self.edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=STOCKHOLM)


class SectionHeader(QPushButton):
    """The bar that opens and closes the chips: "▾ Filter" in bold, what is chosen, and at
    the right end how many hits that gives (the results may be below the open chips).

    Painted rather than a plain button text so that a long choice is shortened with "…"
    on one line instead of widening the page; the whole text is the tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._summary = ""
        self._spoken = ""
        self._aside = ""
        self._open = True
        self.setMinimumHeight(TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)

    def set_texts(self, title: str, summary: str, is_open: bool, spoken: str = "") -> None:
        """``spoken``: the summary as a screen reader should say it (commas, not dots)."""
        self._title, self._summary, self._open = title, summary, is_open
        self._spoken = spoken or summary
        self._texts_changed()

    def set_aside(self, text: str) -> None:
        """The short text at the right end (the number of hits)."""
        if text != self._aside:
            self._aside = text
            self._texts_changed()

    def aside(self) -> str:
        return self._aside

    def _texts_changed(self) -> None:
        name = f"{self._title}: {self._spoken}"
        if self._aside:
            name += f". {self._aside}"
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.updateGeometry()
        self.update()

    def head(self) -> str:
        return f"{OPEN_MARK if self._open else CLOSED_MARK} {self._title}"

    def summary(self) -> str:
        return self._summary

    def _bold(self) -> QFont:
        f = QFont(self.font())
        f.setBold(True)
        return f

    def shown_summary(self) -> str:
        """The summary as painted: shortened with "…" to the room beside the title."""
        fm = self.fontMetrics()
        room = self.width() - 2 * HEADER_PAD - self._summary_x() - self._aside_width()
        return fm.elidedText(self._summary, Qt.TextElideMode.ElideRight, max(0, room))

    def _summary_x(self) -> int:
        return QFontMetrics(self._bold()).horizontalAdvance(self.head()) + HEADER_PAD

    def _aside_width(self) -> int:
        """Only while open: closed, the results' own count is right below."""
        if not (self._open and self._aside):
            return 0
        return self.fontMetrics().horizontalAdvance(self._aside) + HEADER_PAD

    def sizeHint(self) -> QSize:
        # the height follows the text size (never below a finger); the width is the title only
        height = max(TOUCH_PX, QFontMetrics(self._bold()).height() + 2 * HEADER_PAD)
        return QSize(self._summary_x() + self._aside_width() + 2 * HEADER_PAD, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens and closes it too, as Space does for every button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, opt)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        r = self.rect().adjusted(HEADER_PAD, 0, -HEADER_PAD, 0)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(self._bold())
        painter.drawText(r, align, self.head())
        painter.setFont(self.font())
        painter.drawText(r.adjusted(self._summary_x(), 0, 0, 0), align, self.shown_summary())
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._open:
            painter.drawText(r, right, self._aside)


class ChipSection(QWidget):
    """Portrait: the chips below a 48 px header that opens and closes them (no scroll area).

    Open, the chips take the height they need; closed, only the header is left and it names
    the chosen chips, so the results below get the room.
    """

    expanded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._expanded = True
        self._content: QWidget | None = None
        self.lay = lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.header = SectionHeader(self)
        lay.addWidget(self.header)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.body)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.header.clicked.connect(self.toggle)

    def set_content(self, widget: QWidget) -> None:
        """Put ``widget`` (the chips) under the header; shown only while open."""
        self._content = widget
        self.body.addWidget(widget)
        widget.setVisible(self._expanded)

    def is_expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, on: bool) -> None:
        if on == self._expanded:
            return
        self._expanded = on
        if self._content is not None and self._content.parentWidget() is self:
            self._content.setVisible(on)
        self.expanded_changed.emit(on)

    def toggle(self) -> None:
        self.set_expanded(not self._expanded)


class FilterPanel(QWidget):
    """Search field, time and place on top; the chips below (placed by the search page)."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self._chips: dict[str, QPushButton] = {}
        self._terms: dict[str, Term] = {}
        self._facets: dict[str, int] = {}
        self._suggest_key: object = None

        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)

        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search_clear = clear_button(self.search)
        self.search.setMinimumHeight(TOUCH_PX + 8)
        row.addWidget(self.search, 1)
        self.clear_all = button("", role="", parent=self)
        row.addWidget(self.clear_all)
        top.addLayout(row)

        # time and place share one row that wraps on a narrow (portrait) screen
        self.when_box, when = flow_widget(self)
        self.time_group = QButtonGroup(self)
        self.time_group.setExclusive(True)
        self.now_btn = button("", parent=self.when_box)
        self.tonight_btn = button("", parent=self.when_box)
        self.at_btn = button("", parent=self.when_box)
        for i, b in enumerate((self.now_btn, self.tonight_btn, self.at_btn)):
            b.setCheckable(True)
            self.time_group.addButton(b, i)
            when.addWidget(b)
        self.only_open = button("", parent=self.when_box)
        self.only_open.setCheckable(True)
        when.addWidget(self.only_open)
        place_box = QWidget(self.when_box)
        place = QHBoxLayout(place_box)
        place.setContentsMargins(12, 0, 0, 0)
        self.near_label = label("", "", place_box, wrap=False)
        place.addWidget(self.near_label)
        self.near = QComboBox(place_box)
        self.near.setMinimumHeight(TOUCH_PX)
        fit_popup(self.near)
        self.near.setMinimumContentsLength(16)
        self.near.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        place.addWidget(self.near)
        when.addWidget(place_box)
        top.addWidget(self.when_box)

        self.suggest_box, self.suggest_flow = flow_widget(self)
        self.suggest_title = label("", "muted", self, wrap=False)
        self.suggest_flow.addWidget(self.suggest_title)
        top.addWidget(self.suggest_box)
        self.suggest_box.hide()

        # the chip sections are separate widgets so the page can put them in a scroll area
        self.chips = QWidget(self)
        chips_lay = QVBoxLayout(self.chips)
        chips_lay.setContentsMargins(0, 0, 8, 0)
        chips_lay.setSpacing(6)
        self.groups_title = label("", "section", self.chips)
        chips_lay.addWidget(self.groups_title)
        self.groups_box, self.groups_flow = flow_widget(self.chips)
        chips_lay.addWidget(self.groups_box)
        self.needs_title = label("", "section", self.chips)
        chips_lay.addWidget(self.needs_title)
        self.needs_box, self.needs_flow = flow_widget(self.chips)
        chips_lay.addWidget(self.needs_box)
        chips_lay.addStretch(1)
        # portrait: the page puts the chips in here instead of its scroll area
        self.section = ChipSection(self)
        self.section.hide()
        self.section.expanded_changed.connect(lambda _on: self._update_summary())

        # every keystroke updates the query; the search runner drops searches overtaken by newer
        self.search.textEdited.connect(self._text_to_state)
        self.clear_all.clicked.connect(self._clear)
        self.time_group.idClicked.connect(self._time_clicked)
        self.only_open.toggled.connect(lambda on: svc.state.update(only_open=on))
        self.near.activated.connect(self._near_chosen)
        svc.state.filters_changed.connect(self.sync_from_state)
        svc.state.area_changed.connect(self.reload)
        svc.state.language_changed.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------------ building

    def reload(self) -> None:
        """(Re)build chips and landmarks for the current area and language."""
        svc = self.svc
        lang = svc.state.lang
        for flow in (self.groups_flow, self.needs_flow):
            clear_layout(flow)
        self._chips.clear()
        self._terms = {
            t.code: t for t in svc.reader.terms(svc.state.area.id) if t.kind != "handover"
        }
        for t in self._terms.values():
            b = button(t.label.get(lang), parent=self.chips)
            b.setProperty("role", "chip")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.clicked.connect(
                lambda _=False, code=t.code, kind=t.kind: svc.state.toggle_chip(code, kind)
            )
            (self.groups_flow if t.kind == "group" else self.needs_flow).addWidget(b)
            self._chips[t.code] = b
        self.near.blockSignals(True)
        self.near.clear()
        for lm in svc.state.landmarks:
            self.near.addItem(lm.name, lm.id)
        self.near.blockSignals(False)
        self.retranslate()
        self.sync_from_state()

    def retranslate(self) -> None:
        self._suggest_key = None
        self.search.setPlaceholderText(
            self.tr("Skriv vad du ser eller vad personen behöver, t.ex. ”tjej 15 sover ute”")
        )
        self.search.setAccessibleName(self.tr("Sök"))
        self.clear_all.setText(self.tr("Rensa allt"))
        self.clear_all.setAccessibleName(self.tr("Rensa allt: text, val och tid"))
        self.now_btn.setText(self.tr("Öppet nu"))
        self.tonight_btn.setText(self.tr("Öppet i natt"))
        self.at_btn.setText(self.tr("Välj tid…"))
        self.only_open.setText(self.tr("Bara öppna"))
        for b in (self.now_btn, self.tonight_btn, self.at_btn, self.only_open):
            b.setAccessibleName(b.text())
        self.near_label.setText(self.tr("Nära:"))
        self.near.setAccessibleName(self.tr("Nära: välj plats"))
        self.groups_title.setText(self.tr("Vem har du träffat?"))
        self.needs_title.setText(self.tr("Vad behöver personen?"))
        self.suggest_title.setText(self.tr("Känns igen i texten:"))
        self._update_at_text()
        self._update_summary()
        self.set_facets(self._facets)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state → widgets

    def sync_from_state(self) -> None:
        q = self.svc.state.query
        if self.search.text() != q.text:
            self.search.setText(q.text)
        chosen = set(q.groups) | set(q.needs)
        for code, b in self._chips.items():
            b.setChecked(code in chosen)
        {"now": self.now_btn, "tonight": self.tonight_btn, "at": self.at_btn}.get(
            q.time_mode, self.now_btn
        ).setChecked(True)
        self.only_open.blockSignals(True)
        self.only_open.setChecked(q.only_open)
        self.only_open.blockSignals(False)
        lm = self.svc.state.landmark
        if lm is not None and self.svc.state.coords is None:
            i = self.near.findData(lm.id)
            if i >= 0:
                self.near.setCurrentIndex(i)
        self._update_at_text()
        self._update_summary()

    def chosen_labels(self) -> list[str]:
        """The chosen chips' names in the current language, groups first, as chosen."""
        q, lang = self.svc.state.query, self.svc.state.lang
        return [self._terms[c].label.get(lang) for c in (*q.groups, *q.needs) if c in self._terms]

    def _update_summary(self) -> None:
        """The portrait header: "Filter" and the chosen chips, or that none is chosen."""
        names = self.chosen_labels()
        summary = " · ".join(names) if names else self.tr("Inga filter valda")
        header, is_open = self.section.header, self.section.is_expanded()
        header.set_texts(self.tr("Filter"), summary, is_open, ", ".join(names))
        header.setAccessibleDescription(
            self.tr("Valen visas. Tryck för att dölja dem och se träffarna.")
            if is_open
            else self.tr("Valen är dolda. Tryck för att visa dem.")
        )

    def _update_at_text(self) -> None:
        q = self.svc.state.query
        if q.time_mode == "at" and q.at is not None:
            self.at_btn.setText(q.at.strftime("%Y-%m-%d %H:%M"))
        else:
            self.at_btn.setText(self.tr("Välj tid…"))
        self.at_btn.setAccessibleName(self.tr("Välj tid") + ": " + self.at_btn.text())

    def set_facets(self, facets: dict[str, int]) -> None:
        """Show "Label · n" on each chip; chips that would give nothing look empty.

        Runs on every keystroke: touch only the chips whose count changed, and lay the
        chip rows out once at the end rather than once per chip.
        """
        self._facets = facets
        lang = self.svc.state.lang
        width = len(str(self.svc.state.area.service_count))
        changed = False
        for code, b in self._chips.items():
            t = self._terms[code]
            n = facets.get(code)
            name = t.label.get(lang)
            # counts padded with figure spaces to the widest possible: a chip keeps its width
            # while counts change, so typing repaints chips without laying the panel out again
            text = name if n is None else f"{name} · {n}" + FIGURE_SPACE * (width - len(str(n)))
            if b.text() != text:
                b.setText(text)
                b.setAccessibleName(
                    self.tr("{label}, %n träffar", "", n).format(label=name)
                    if n is not None
                    else name
                )
                changed = True
            empty = n == 0 and not b.isChecked()
            if bool(b.property("empty")) != empty:
                set_role(b, "chip", empty=empty)
        if changed:
            for flow in (self.groups_flow, self.needs_flow):
                flow.invalidate()

    def set_suggestions(self, result: SearchResult) -> None:
        """Offer the chips the text names ("sover ute" → Sova i natt) as one-tap additions."""
        q = result.query
        chosen = set(q.groups) | set(q.needs)
        key = (self.svc.state.lang, tuple(c.code for c in result.recognized), frozenset(chosen))
        if key == self._suggest_key:
            return  # typing on: the same suggestions, keep their buttons
        self._suggest_key = key
        clear_layout(self.suggest_flow, keep=1)
        shown = 0
        for chip in result.recognized:
            if chip.code in chosen or chip.code not in self._terms:
                continue
            t = self._terms[chip.code]
            b = button("+ " + t.label.get(self.svc.state.lang), parent=self.suggest_box)
            b.setProperty("role", "suggestion")
            b.setAccessibleName(
                self.tr("Lägg till val: {label}").format(label=t.label.get(self.svc.state.lang))
            )
            b.clicked.connect(lambda _=False, c=chip: self.svc.state.toggle_chip(c.code, c.kind))
            self.suggest_flow.addWidget(b)
            shown += 1
        self.suggest_box.setVisible(shown > 0)

    # ------------------------------------------------------------------ widgets → state

    def _text_to_state(self, text: str) -> None:
        self.svc.state.update(text=text)

    def _clear(self) -> None:
        self.svc.state.clear()
        self.search.setFocus()

    def _time_clicked(self, which: int) -> None:
        if which == 0:
            self.svc.state.set_time("now")
        elif which == 1:
            self.svc.state.set_time("tonight")
        else:
            self.choose_time()

    def choose_time(self) -> None:
        now = self.svc.clock.now()
        dialog = TimeDialog(now, self.svc.state.query.at, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.svc.state.set_time("at", dialog.moment())
        self.sync_from_state()

    def _near_chosen(self, index: int) -> None:
        self.svc.state.set_landmark(self.near.itemData(index))
