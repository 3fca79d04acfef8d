"""The inbox's filter bar: type, place, need, group, period, state and words; saved filters.

The bar only makes :class:`InboxFilter` values and says when they change; the page asks the
worker for the ids. Saved filters are kept by the inbox (office.db), the bar shows their names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kompassen.gui.office.inbox.model import state_words
from kompassen.office.inbox.model import STATES, InboxFilter

TEXT_PAUSE_MS = 300


class FilterBar(QWidget):
    """Emits :attr:`changed` with the new filter; save/choose/delete go to the page."""

    changed = Signal(object)  # InboxFilter
    save_wanted = Signal(str, object)  # name, InboxFilter
    delete_wanted = Signal(str)  # name
    chosen = Signal(object)  # InboxFilter

    def __init__(
        self,
        area_id: str,
        lang: str = "sv",
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.area_id = area_id
        self.lang = lang
        self._quiet = False
        self._saved: dict[str, InboxFilter] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.state = QComboBox(self)
        self.kind = QComboBox(self)
        self.place = QComboBox(self)
        self.need = QComboBox(self)
        self.group = QComboBox(self)
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.use_period = QCheckBox(self)
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        day = QDate(today.year, today.month, today.day) if today else QDate.currentDate()
        self.until.setDate(day)  # the injected clock's day (the page passes it)
        self.since.setDate(day.addDays(-30))
        self.labels = [QLabel(self) for _ in range(6)]
        boxes: list[QWidget] = [self.state, self.kind, self.place, self.need, self.group, self.text]
        for col, (label, box) in enumerate(zip(self.labels, boxes, strict=True)):
            grid.addWidget(label, 0, col)
            grid.addWidget(box, 1, col)
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        period.addWidget(self.since)
        period.addWidget(self.until)
        grid.addLayout(period, 1, 6)
        saved = QHBoxLayout()
        self.saved = QComboBox(self)
        self.saved.setMinimumWidth(180)
        self.name = QLineEdit(self)
        self.save_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.saved_label = QLabel(self)
        for w in (self.saved_label, self.saved, self.delete_button, self.name, self.save_button):
            saved.addWidget(w)
        saved.addStretch(1)
        grid.addLayout(saved, 2, 0, 1, 7)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        for box in (self.state, self.kind, self.place, self.need, self.group):
            box.currentIndexChanged.connect(self._emit)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.use_period.toggled.connect(self._emit)
        self.since.dateChanged.connect(self._emit)
        self.until.dateChanged.connect(self._emit)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.saved.activated.connect(self._choose)
        self.retranslate()
        self._fill_states()
        for box in (self.kind, self.place, self.need, self.group):
            self._fill(box, [])

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        words = [
            self.tr("Status"),
            self.tr("Typ"),
            self.tr("Plats"),
            self.tr("Behov"),
            self.tr("Grupp"),
            self.tr("Sök i texten"),
        ]
        boxes = [self.state, self.kind, self.place, self.need, self.group, self.text]
        for label, word, box in zip(self.labels, words, boxes, strict=True):
            label.setText(word)
            box.setAccessibleName(word)
        self.text.setPlaceholderText(self.tr("Ord i rapporten eller platsen"))
        self.use_period.setText(self.tr("Period"))
        self.since.setAccessibleName(self.tr("Från och med"))
        self.until.setAccessibleName(self.tr("Till och med"))
        self.saved_label.setText(self.tr("Sparade filter"))
        self.saved.setAccessibleName(self.tr("Sparade filter"))
        self.name.setPlaceholderText(self.tr("Namn på filtret"))
        self.name.setAccessibleName(self.tr("Namn på filtret"))
        self.save_button.setText(self.tr("Spara filter"))
        self.delete_button.setText(self.tr("Ta bort filter"))
        if self.state.count():
            self.state.setItemText(0, self.tr("Alla öppna"))
            self.state.setItemText(1, self.tr("Alla"))
        for box in (self.kind, self.place, self.need, self.group):
            if box.count():
                box.setItemText(0, self.tr("Alla"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ choices

    def _fill_states(self) -> None:
        self._quiet = True
        self.state.clear()
        self.state.addItem(self.tr("Alla öppna"), "open")
        self.state.addItem(self.tr("Alla"), "")
        for s in STATES:
            self.state.addItem(state_words(s, self.lang), s)
        self._quiet = False

    def _fill(self, box: QComboBox, values: Iterable[tuple[str, str]]) -> None:
        keep = box.currentData()
        self._quiet = True
        box.clear()
        box.addItem(self.tr("Alla"), "")
        for code, words in values:
            box.addItem(words, code)
        i = box.findData(keep)
        box.setCurrentIndex(max(i, 0))
        self._quiet = False

    def set_choices(
        self,
        *,
        kinds: Sequence[tuple[str, str]] = (),
        places: Sequence[tuple[str, str]] = (),
        needs: Sequence[tuple[str, str]] = (),
        groups: Sequence[tuple[str, str]] = (),
    ) -> None:
        """The codes the boxes offer as (code, words); the chosen one stays if still there."""
        for box, values in (
            (self.kind, kinds),
            (self.place, places),
            (self.need, needs),
            (self.group, groups),
        ):
            self._fill(box, values)

    def set_saved(self, saved: Sequence[tuple[str, InboxFilter]]) -> None:
        self._saved = dict(saved)
        self.saved.clear()
        for name, _f in saved:
            self.saved.addItem(name)
        self.delete_button.setEnabled(bool(saved))

    # ------------------------------------------------------------------ the filter

    def current(self) -> InboxFilter:
        def one(box: QComboBox) -> frozenset[str]:
            code = box.currentData()
            return frozenset([str(code)]) if code else frozenset()

        state = self.state.currentData()
        if state == "open":
            states = frozenset({"new", "in_progress", "needs_info"})
        else:
            states = frozenset([str(state)]) if state else frozenset()
        since: date | None = None
        until: date | None = None
        if self.use_period.isChecked():
            since = self.since.date().toPython()  # type: ignore[assignment]
            until = self.until.date().toPython()  # type: ignore[assignment]
        return InboxFilter(
            area_id=self.area_id,
            kinds=one(self.kind),
            states=states,
            landmarks=one(self.place),
            needs=one(self.need),
            groups=one(self.group),
            since=since,
            until=until,
            text=self.text.text().strip(),
        )

    def show_filter(self, f: InboxFilter) -> None:
        """A saved filter in the boxes (codes the boxes lack are added as they are)."""
        self._quiet = True

        def pick(box: QComboBox, codes: frozenset[str]) -> None:
            code = next(iter(sorted(codes)), "")
            i = box.findData(code)
            if i < 0:
                box.addItem(code, code)
                i = box.count() - 1
            box.setCurrentIndex(i)

        if f.states == frozenset({"new", "in_progress", "needs_info"}):
            self.state.setCurrentIndex(0)
        else:
            pick(self.state, f.states)
        for box, codes in (
            (self.kind, f.kinds),
            (self.place, f.landmarks),
            (self.need, f.needs),
            (self.group, f.groups),
        ):
            pick(box, codes)
        self.use_period.setChecked(f.since is not None or f.until is not None)
        if f.since is not None:
            self.since.setDate(QDate(f.since.year, f.since.month, f.since.day))
        if f.until is not None:
            self.until.setDate(QDate(f.until.year, f.until.month, f.until.day))
        self.text.setText(f.text)
        self._timer.stop()
        self._quiet = False
        self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit(self.current())

    def _save(self) -> None:
        name = self.name.text().strip()
        if name:
            self.save_wanted.emit(name, self.current())
            self.name.clear()

    def _delete(self) -> None:
        name = self.saved.currentText()
        if name:
            self.delete_wanted.emit(name)

    def _choose(self, _i: int) -> None:
        f = self._saved.get(self.saved.currentText())
        if f is not None:
            self.show_filter(f)
            self.chosen.emit(f)
