"""The office's opening-hours editor: weekdays × spans, 24/7, holidays, exceptions, in words.

The coordinator is not technical, so the editor never shows JSON: each weekday is a row of
"från – till" spans, a span whose closing time is not after its opening time runs past
midnight and belongs to the day it starts (as in :mod:`kompassen.core.hours`), and beside the
form the resulting week and "open now" are shown in words, computed by ``core.hours`` itself
(the same code the tablets run), at the injected clock.

Only a valid :class:`OpeningHours` leaves the editor: ``changed`` carries its ``to_dict()``
and is emitted on every change that makes a valid whole; while a time is half typed or wrong
the field says what is wrong and nothing is emitted. The per-fact ``source`` keys of a loaded
dict (which ``OpeningHours`` does not model) are carried over to the spans they belonged to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kompassen.core import hours as core_hours
from kompassen.core.clock import Clock
from kompassen.core.hours import (
    DateException,
    OpeningHours,
    WeeklyRule,
    format_time,
)

MODES = ("weekly", "always", "unknown")
_TIME_RE = re.compile(r"^\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*$")
#: how often "open now" is worked out again while the editor is shown
REFRESH_MS = 30_000


def ui_lang() -> str:
    """The language the window shows (i18n sets the default locale when it switches)."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def parse_clock(text: str, *, closing: bool) -> time | None:
    """A typed time → ``time``; None when it is no time. Accepts 9, 930, 9.30, 9:30, 09:30.

    ``24:00`` is the end of the day, so it is a closing time only (stored as midnight).
    """
    m = _TIME_RE.match(text)
    if m is None:
        return None
    h, mm = int(m.group(1)), int(m.group(2) or 0)
    if h == 24 and mm == 0:
        return time(0, 0) if closing else None
    if h > 23 or mm > 59:
        return None
    return time(h, mm)


def _weekday_name(i: int) -> str:
    """Monday=0 … in the window's language, starting with a capital (a row's label)."""
    name = QLocale().dayName(i + 1, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


class TimeField(QLineEdit):
    """One HH:MM field; marks itself and says why when the text is no time."""

    edited = Signal()

    def __init__(self, text: str = "", *, closing: bool, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.closing = closing
        self.setMaxLength(5)
        self.setFixedWidth(96)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("TT:MM"))
        self.setAccessibleName(self.tr("Stänger") if self.closing else self.tr("Öppnar"))

    def value(self) -> time | None:
        return parse_clock(self.text(), closing=self.closing)

    def problem(self) -> str:
        """Words for a wrong time ("" when right)."""
        if self.value() is not None:
            return ""
        if not self.text().strip():
            return self.tr("Skriv en tid, till exempel 09:30.")
        if parse_clock(self.text(), closing=True) is not None:
            return self.tr("24:00 går bara som stängningstid (öppna 00:00).")
        return self.tr("”{text}” är ingen tid: skriv TT:MM, till exempel 09:30.").format(
            text=self.text().strip()
        )

    def _typed(self, _text: str) -> None:
        bad = bool(self.problem())
        if self.property("invalid") != bad:
            self.setProperty("invalid", bad)
            self.setStyleSheet("border: 2px solid #b3261e;" if bad else "")
        self.setToolTip(self.problem())
        self.edited.emit()

    def _tidy(self) -> None:
        """9 → 09:00 once the field is left (the stored form), without emitting a change."""
        t = self.value()
        if t is not None:
            tidy = format_time(t, closing=self.closing)
            if tidy != self.text():
                self.setText(tidy)


class SpanRow(QWidget):
    """ "från – till" with a word when it runs into the next day, and a remove button."""

    edited = Signal()
    remove = Signal(object)

    def __init__(self, opens: str = "", closes: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.opens = TimeField(opens, closing=False, parent=self)
        self.closes = TimeField(closes, closing=True, parent=self)
        self._dash = QLabel("–", self)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "muted")
        self.hint.setMinimumWidth(150)
        self.remove_button = QPushButton("×", self)
        self.remove_button.setFixedWidth(40)
        for w in (self.opens, self._dash, self.closes, self.remove_button, self.hint):
            lay.addWidget(w)
        self.opens.edited.connect(self._changed)
        self.closes.edited.connect(self._changed)
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        self.retranslate()

    def retranslate(self) -> None:
        self.opens.retranslate()
        self.closes.retranslate()
        self.remove_button.setToolTip(self.tr("Ta bort tiden"))
        self.remove_button.setAccessibleName(self.tr("Ta bort tiden"))
        self._update_hint()

    def span(self) -> tuple[time, time] | None:
        o, c = self.opens.value(), self.closes.value()
        return None if o is None or c is None else (o, c)

    def problem(self) -> str:
        return self.opens.problem() or self.closes.problem()

    def _changed(self) -> None:
        self._update_hint()
        self.edited.emit()

    def _update_hint(self) -> None:
        span = self.span()
        if span is None:
            self.hint.setText(self.problem())
            self.hint.setProperty("role", "warning")
        else:
            o, c = span
            if o == c:
                text = self.tr("dygnet runt från {t}").format(t=format_time(o))
            elif c <= o and c != time(0, 0):
                text = self.tr("till nästa dag {t}").format(t=format_time(c, closing=True))
            else:
                text = ""
            self.hint.setText(text)
            self.hint.setProperty("role", "muted")
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)


class SpanList(QWidget):
    """The spans of one day (or one exception): add and remove, empty means closed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._lay = QVBoxLayout()
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(4)
        outer.addLayout(self._lay)
        self.rows: list[SpanRow] = []
        self.closed_label = QLabel(self)  # "stängt" while the day has no span
        self.closed_label.setProperty("role", "muted")
        self._lay.addWidget(self.closed_label)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_span(focus=True))
        self.add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("+ Lägg till tid"))
        for r in self.rows:
            r.retranslate()

    def add_span(self, opens: str = "", closes: str = "", *, focus: bool = False) -> SpanRow:
        row = SpanRow(opens, closes, self)
        row.edited.connect(self.edited)
        row.remove.connect(self._remove)
        self._lay.addWidget(row)
        self.rows.append(row)
        if focus:
            row.opens.setFocus()
        self.edited.emit()
        return row

    def set_spans(self, spans: list[tuple[time, time]]) -> None:
        """Replace the rows (loading: emits nothing)."""
        self.blockSignals(True)
        try:
            for r in list(self.rows):
                self._remove(r)
            for o, c in spans:
                self.add_span(format_time(o), format_time(c, closing=True))
        finally:
            self.blockSignals(False)

    def _remove(self, row: object) -> None:
        if isinstance(row, SpanRow) and row in self.rows:
            self.rows.remove(row)
            row.hide()
            row.deleteLater()
            self.edited.emit()

    def spans(self) -> list[tuple[time, time]] | None:
        """The spans, or None while one of them is wrong."""
        out = []
        for r in self.rows:
            s = r.span()
            if s is None:
                return None
            out.append(s)
        return out

    def problems(self) -> list[str]:
        return [p for p in (r.problem() for r in self.rows) if p]


class ExceptionRow(QFrame):
    """One dated exception: the date, closed or its spans, and a note saying why."""

    edited = Signal()
    remove = Signal(object)

    def __init__(self, exc: DateException | None, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "card")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(_qdate(exc.day if exc else today))
        self.closed = QCheckBox(self)
        self.closed.setChecked(exc.closed if exc else True)
        self.spans = SpanList(self)
        if exc is not None and not exc.closed and exc.opens and exc.closes:
            self.spans.set_spans([(exc.opens, exc.closes)])
        self.note = QLineEdit(exc.note if exc else "", self)
        self.remove_button = QPushButton(self)
        grid.addWidget(self.date, 0, 0)
        grid.addWidget(self.closed, 0, 1)
        grid.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.spans, 1, 0, 1, 3)
        grid.addWidget(self.note, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.date.dateChanged.connect(lambda _d: self.edited.emit())
        self.closed.toggled.connect(self._closed_toggled)
        self.spans.edited.connect(self.edited)
        self.note.textEdited.connect(lambda _t: self.edited.emit())
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        self._closed_toggled(self.closed.isChecked(), emit=False)
        self.retranslate()

    def retranslate(self) -> None:
        self.closed.setText(self.tr("Stängt hela dagen"))
        self.note.setPlaceholderText(
            self.tr("Varför (visas för fältarbetarna), t.ex. Personalfest")
        )
        self.remove_button.setText(self.tr("Ta bort undantaget"))
        self.date.setAccessibleName(self.tr("Datum för undantaget"))
        self.spans.retranslate()

    def _closed_toggled(self, closed: bool, emit: bool = True) -> None:
        self.spans.setVisible(not closed)
        if not closed and not self.spans.rows:
            self.spans.blockSignals(True)
            self.spans.add_span()
            self.spans.blockSignals(False)
        if emit:
            self.edited.emit()

    def day(self) -> date:
        return _pydate(self.date.date())

    def exceptions(self) -> list[DateException] | None:
        """This row as model exceptions (one per span), or None while a time is wrong."""
        note = self.note.text().strip()
        if self.closed.isChecked():
            return [DateException(self.day(), True, note=note)]
        spans = self.spans.spans()
        if spans is None:
            return None
        if not spans:
            return [DateException(self.day(), True, note=note)]
        return [DateException(self.day(), False, o, c, note=note) for o, c in spans]

    def problems(self) -> list[str]:
        return [] if self.closed.isChecked() else self.spans.problems()


@dataclass(frozen=True)
class _Sources:
    """The ``source`` keys of a loaded dict, to put back on the spans they belonged to."""

    top: Any = None
    weekly: tuple[tuple[tuple[str, str], Any], ...] = ()
    exceptions: tuple[tuple[tuple[str, str, str], Any], ...] = ()

    @classmethod
    def of(cls, d: dict[str, Any]) -> _Sources:
        weekly = tuple(
            ((str(r.get("opens")), str(r.get("closes"))), r["source"])
            for r in d.get("weekly", [])
            if isinstance(r, dict) and "source" in r
        )
        exceptions = tuple(
            ((str(e.get("date")), str(e.get("opens")), str(e.get("closes"))), e["source"])
            for e in d.get("exceptions", [])
            if isinstance(e, dict) and "source" in e
        )
        return cls(d.get("source"), weekly, exceptions)

    def apply(self, out: dict[str, Any]) -> dict[str, Any]:
        if self.top is not None:
            out["source"] = self.top
        weekly = dict(self.weekly)
        for r in out["weekly"]:
            src = weekly.get((r["opens"], r["closes"]))
            if src is not None:
                r["source"] = src
        exceptions = dict(self.exceptions)
        for e in out["exceptions"]:
            src = exceptions.get((e["date"], str(e.get("opens")), str(e.get("closes"))))
            if src is not None:
                e["source"] = src
        return out


class HoursEditor(QWidget):
    """Opening hours as a form, with the week they make and "open now" beside it, in words."""

    changed = Signal(dict)

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, scroll: bool = True) -> None:
        super().__init__(parent)
        self._clock = clock
        self._scroll = scroll  # False inside a form that scrolls already
        self._loading = False
        self._sources = _Sources()
        self._load_problem = ""
        self.exception_rows: list[ExceptionRow] = []
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._update_words)
        self._timer.start()
        self.retranslate()
        self._update_words()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QWidget(self)
        lay = QVBoxLayout(form)
        lay.setContentsMargins(0, 0, 0, 0)

        self.mode_label = QLabel(form)
        self.mode_label.setProperty("role", "section")
        lay.addWidget(self.mode_label)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        modes = QHBoxLayout()
        for i, mode in enumerate(MODES):
            b = QRadioButton(form)
            self.mode_group.addButton(b, i)
            self.mode_buttons[mode] = b
            modes.addWidget(b)
        modes.addStretch(1)
        self.mode_buttons["weekly"].setChecked(True)
        self.mode_group.idToggled.connect(self._mode_toggled)
        lay.addLayout(modes)

        self.week_box = QFrame(form)
        grid = QGridLayout(self.week_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.day_labels: list[QLabel] = []
        self.day_spans: list[SpanList] = []
        self.day_closed: list[QLabel] = []
        for i in range(7):
            name = QLabel(self.week_box)
            name.setProperty("role", "title")
            name.setMinimumWidth(100)
            spans = SpanList(self.week_box)
            spans.edited.connect(self._edited)
            closed = spans.closed_label
            grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(spans, i, 1)
            self.day_labels.append(name)
            self.day_spans.append(spans)
            self.day_closed.append(closed)
        grid.setColumnStretch(1, 1)
        self.copy_button = QPushButton(self.week_box)
        self.copy_button.clicked.connect(self.copy_monday_to_weekdays)
        grid.addWidget(self.copy_button, 7, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.week_box)

        self.holiday_label = QLabel(form)
        self.holiday_label.setProperty("role", "section")
        lay.addWidget(self.holiday_label)
        hol = QGridLayout()
        self.holidays_caption = QLabel(form)
        self.holidays = QComboBox(form)
        self.eves_caption = QLabel(form)
        self.eves = QComboBox(form)
        for box in (self.holidays, self.eves):
            box.addItems(["", "", ""])
            box.currentIndexChanged.connect(lambda _i: self._edited())
        hol.addWidget(self.holidays_caption, 0, 0)
        hol.addWidget(self.holidays, 0, 1)
        hol.addWidget(self.eves_caption, 1, 0)
        hol.addWidget(self.eves, 1, 1)
        hol.setColumnStretch(2, 1)
        lay.addLayout(hol)

        self.exceptions_label = QLabel(form)
        self.exceptions_label.setProperty("role", "section")
        lay.addWidget(self.exceptions_label)
        self._exc_lay = QVBoxLayout()
        lay.addLayout(self._exc_lay)
        self.add_exception_button = QPushButton(form)
        self.add_exception_button.clicked.connect(lambda: self.add_exception(None))
        lay.addWidget(self.add_exception_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.note_label = QLabel(form)
        self.note_label.setProperty("role", "section")
        lay.addWidget(self.note_label)
        self.note = QLineEdit(form)
        self.note.textEdited.connect(lambda _t: self._edited())
        lay.addWidget(self.note)
        lay.addStretch(1)

        form.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if self._scroll:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(form)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            outer.addWidget(scroll, 3)
        else:
            outer.addWidget(form, 3)
            # inside a scrolling form: never squeezed below what it needs
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        side = QFrame(self)
        side.setProperty("role", "card")
        side.setMinimumWidth(340)
        side.setMaximumWidth(400)
        side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        s = QVBoxLayout(side)
        s.setContentsMargins(16, 16, 16, 16)
        self.now_label = QLabel(side)
        self.now_label.setWordWrap(True)
        s.addWidget(self.now_label)
        self.week_caption = QLabel(side)
        self.week_caption.setProperty("role", "section")
        s.addWidget(self.week_caption)
        wk = QHBoxLayout()
        self.week_of_caption = QLabel(side)
        self.week_of = QDateEdit(side)
        self.week_of.setCalendarPopup(True)
        self.week_of.setDisplayFormat("yyyy-MM-dd")
        self.week_of.setDate(_qdate(self._clock.now().date()))
        self.week_of.dateChanged.connect(lambda _d: self._update_words())
        wk.addWidget(self.week_of_caption)
        wk.addWidget(self.week_of)
        wk.addStretch(1)
        s.addLayout(wk)
        self.week_words = QLabel(side)
        self.week_words.setTextFormat(Qt.TextFormat.RichText)
        self.week_words.setWordWrap(True)
        self.week_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        s.addWidget(self.week_words)
        self.problem_label = QLabel(side)
        self.problem_label.setProperty("role", "warning")
        self.problem_label.setWordWrap(True)
        s.addWidget(self.problem_label)
        s.addStretch(1)
        outer.addWidget(side, 2)

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("Öppettider"))
        self.mode_buttons["weekly"].setText(self.tr("Tider per veckodag"))
        self.mode_buttons["always"].setText(self.tr("Dygnet runt, alla dagar"))
        self.mode_buttons["unknown"].setText(self.tr("Tiderna är okända"))
        for i, label in enumerate(self.day_labels):
            label.setText(_weekday_name(i))
            self.day_spans[i].retranslate()
        self.copy_button.setText(self.tr("Samma tider tisdag–fredag som måndag"))
        self.holiday_label.setText(self.tr("Röda dagar och aftnar"))
        self.holidays_caption.setText(self.tr("Röda dagar (t.ex. juldagen, 1 maj):"))
        self.eves_caption.setText(
            self.tr("Aftnar (julafton, nyårsafton, midsommarafton, påskafton):")
        )
        for i, text in enumerate(
            (self.tr("Stängt"), self.tr("Som en söndag"), self.tr("Som vanligt"))
        ):
            self.holidays.setItemText(i, text)
        for i, text in enumerate(
            (self.tr("Stängt"), self.tr("Som en lördag"), self.tr("Som vanligt"))
        ):
            self.eves.setItemText(i, text)
        self.exceptions_label.setText(self.tr("Undantag för enstaka datum"))
        self.add_exception_button.setText(self.tr("+ Lägg till ett datum"))
        for r in self.exception_rows:
            r.retranslate()
        self.note_label.setText(self.tr("Källans egna ord om tiderna"))
        self.note.setPlaceholderText(self.tr("t.ex. ”Kvällar och helger, ring först”"))
        self.week_caption.setText(self.tr("Så blir veckan"))
        self.week_of_caption.setText(self.tr("Veckan med"))
        self._update_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def load(self, d: dict[str, Any] | None) -> None:
        """Show ``d`` (pack-form hours; None = unknown) without emitting ``changed``."""
        self._loading = True
        try:
            self._load_problem = ""
            hours: OpeningHours | None = None
            if d is not None:
                try:
                    hours = OpeningHours.from_dict(d)
                except (ValueError, TypeError) as exc:
                    self._load_problem = self.tr(
                        "De sparade öppettiderna går inte att läsa ({why}). Skriv in dem på nytt."
                    ).format(why=str(exc))
            self._sources = _Sources.of(d) if isinstance(d, dict) and hours else _Sources()
            self._show(hours)
        finally:
            self._loading = False
        self._update_words()

    def _show(self, hours: OpeningHours | None) -> None:
        h = hours or OpeningHours()
        per_day: list[list[tuple[time, time]]] = [[] for _ in range(7)]
        for r in h.rules:
            for day in r.days:
                if (r.opens, r.closes) not in per_day[day]:
                    per_day[day].append((r.opens, r.closes))
        for i, spans in enumerate(per_day):
            self.day_spans[i].set_spans(sorted(spans))
        mode = "always" if h.always_open else ("weekly" if h.rules else "unknown")
        self.mode_buttons[mode].setChecked(True)
        self.holidays.setCurrentIndex(core_hours.HOLIDAY_POLICIES.index(h.holidays))
        self.eves.setCurrentIndex(core_hours.EVE_POLICIES.index(h.holiday_eves))
        for old_row in list(self.exception_rows):
            self._remove_exception(old_row)
        merged: dict[tuple[date, bool, str], list[DateException]] = {}
        for e in h.exceptions:
            merged.setdefault((e.day, e.closed, e.note), []).append(e)
        for group in merged.values():
            row = self.add_exception(group[0])
            for e in group[1:]:
                if e.opens and e.closes:
                    row.spans.blockSignals(True)
                    row.spans.add_span(format_time(e.opens), format_time(e.closes, closing=True))
                    row.spans.blockSignals(False)
        self.note.setText(h.note)
        self.note.setCursorPosition(0)  # a long note reads from its start
        self._sync_enabled()

    def add_exception(self, exc: DateException | None) -> ExceptionRow:
        """A new exception row (today's date and closed when ``exc`` is None)."""
        row = ExceptionRow(exc, self._clock.now().date(), self)
        row.edited.connect(self._edited)
        row.remove.connect(self._remove_exception)
        self._exc_lay.addWidget(row)
        self.exception_rows.append(row)
        self._edited()
        return row

    def _remove_exception(self, row: object) -> None:
        if isinstance(row, ExceptionRow) and row in self.exception_rows:
            self.exception_rows.remove(row)
            row.hide()
            row.deleteLater()
            self._edited()

    def copy_monday_to_weekdays(self) -> None:
        """Monday's spans to Tuesday–Friday: most services keep the same hours on weekdays."""
        spans = self.day_spans[0].spans()
        if spans is None:
            return
        for i in range(1, 5):
            self.day_spans[i].set_spans(spans)
        self._edited()

    # ------------------------------------------------------------------ the value

    def mode(self) -> str:
        return MODES[max(0, self.mode_group.checkedId())]

    def problems(self) -> list[str]:
        """What keeps the form from being valid hours, in words ("" parts left out)."""
        out: list[str] = []
        if self.mode() == "weekly":
            for i, spans in enumerate(self.day_spans):
                out += [f"{_weekday_name(i)}: {p}" for p in spans.problems()]
        for r in self.exception_rows:
            out += [f"{r.day().isoformat()}: {p}" for p in r.problems()]
        return out

    def hours(self) -> OpeningHours | None:
        """The form as OpeningHours, or None while something in it is wrong."""
        if self.problems():
            return None
        rules: list[WeeklyRule] = []
        if self.mode() == "weekly":
            by_span: dict[tuple[time, time], set[int]] = {}
            for i, spans in enumerate(self.day_spans):
                for span in spans.spans() or []:
                    by_span.setdefault(span, set()).add(i)
            rules = [
                WeeklyRule(frozenset(days), o, c)
                for (o, c), days in sorted(by_span.items(), key=lambda kv: (min(kv[1]), kv[0]))
            ]
        exceptions: list[DateException] = []
        for r in self.exception_rows:
            exceptions += r.exceptions() or []
        return OpeningHours(
            rules=tuple(rules),
            always_open=self.mode() == "always",
            holidays=core_hours.HOLIDAY_POLICIES[self.holidays.currentIndex()],
            holiday_eves=core_hours.EVE_POLICIES[self.eves.currentIndex()],
            exceptions=tuple(sorted(exceptions, key=lambda e: (e.day, e.opens or time(0)))),
            note=self.note.text().strip(),
        )

    def value(self) -> dict[str, Any] | None:
        """``to_dict()`` of the form (with the loaded sources), None while it is wrong."""
        h = self.hours()
        return None if h is None else self._sources.apply(h.to_dict())

    # ------------------------------------------------------------------ reacting

    def _mode_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._sync_enabled()
            self._edited()

    def _sync_enabled(self) -> None:
        self.week_box.setEnabled(self.mode() == "weekly")
        self.holidays.setEnabled(self.mode() == "weekly")
        self.eves.setEnabled(self.mode() == "weekly")

    def _edited(self) -> None:
        if self._loading:
            return
        self._load_problem = ""
        self._update_words()
        value = self.value()
        if value is not None:
            self.changed.emit(value)

    def _update_words(self) -> None:
        """The week and "open now" in words, from core.hours, at the injected clock."""
        if not hasattr(self, "problem_label"):
            return
        for i, spans in enumerate(self.day_spans):
            self.day_closed[i].setText(self.tr("stängt"))
            self.day_closed[i].setVisible(not spans.rows)
        problems = self.problems()
        if self._load_problem:
            problems.insert(0, self._load_problem)
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        hours = None if self._load_problem else self.hours()
        if hours is None:
            self.now_label.setText(self.tr("Rätta tiderna för att se veckan."))
            self.now_label.setProperty("role", "warning")
            self.week_words.setText("")
        else:
            self._show_words(hours)
        self.now_label.style().unpolish(self.now_label)
        self.now_label.style().polish(self.now_label)

    def _show_words(self, hours: OpeningHours) -> None:
        lang = ui_lang()
        now = self._clock.now()
        st = core_hours.status(hours, now, lang)
        self.now_label.setText(self.status_words(st, now))
        self.now_label.setProperty(
            "role", {"open": "open", "always": "open", "closed": "closed"}.get(st.state, "unknown")
        )
        week_of = _pydate(self.week_of.date())
        rows = core_hours.week_summary(hours, week_of, lang)
        lines = []
        for r in rows:
            when = QLocale().toString(_qdate(r.day), "d MMM")
            if r.unknown:
                what = self.tr("okänt")
            elif r.closed:
                what = self.tr("stängt")
            else:
                what = ", ".join(r.spans)
            extra = " · ".join(x for x in (r.holiday, r.note) if x)
            name = r.weekday[:1].upper() + r.weekday[1:]
            line = f"<b>{_esc(name)}</b> {_esc(when)}: {_esc(what)}"
            if extra:
                line += f" <i>({_esc(extra)})</i>"
            if r.day == now.date():
                line = f"<u>{line}</u>"
            lines.append(line)
        if not hours.known:
            lines.append("<br>" + _esc(self.tr("Utan tider räknas öppettiderna som okända.")))
        self.week_words.setText("<br>".join(lines))

    def status_words(self, st: core_hours.OpenStatus, now: datetime) -> str:
        """ "Öppet nu – stänger 16:00", "Stängt nu – öppnar 22:00": the tablets' words, with "nu"."""
        if st.state == "unknown":
            return self.tr("Öppettiderna är okända")
        if st.state == "always":
            return self.tr("Öppet nu – dygnet runt")
        if st.state == "open":
            closes = st.closes_at
            if closes is not None and closes - now < timedelta(hours=24):
                return self.tr("Öppet nu – stänger {t}").format(
                    t=format_time(closes.timetz(), closing=True)
                )
            return self.tr("Öppet nu – {text}").format(text=_lower_first(st.text))
        if st.opens_at is None:
            return self.tr("Stängt nu")
        return self.tr("Stängt nu – {text}").format(text=_lower_first(st.text))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
