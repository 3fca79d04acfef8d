"""The report form's "När?": now, half an hour ago, or a chosen moment in 15-minute steps.

Its widgets go straight into the form's column (no box of its own, so the spacing is the
column's). Texts are translated in the form's context ("ReportPage"), where they have always
been, so the translation files need no change for the move.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, QTime, Signal
from PySide6.QtWidgets import QButtonGroup, QDateTimeEdit, QPushButton, QVBoxLayout, QWidget

from kompassen.core.clock import STOCKHOLM, Clock
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.flow_layout import flow_widget
from kompassen.gui.widgets.touch import button, label, readable_calendar

NOW, EARLIER, CHOSEN = 0, 1, 2  # the time buttons


class TimePicker(QObject):
    """The three time buttons, the date-time field with −15/+15 min, and the chosen moment."""

    changed = Signal()  # the worker changed the moment (not when the form sets it)

    def __init__(self, clock: Clock, column: QWidget, col: QVBoxLayout) -> None:
        super().__init__(column)
        self._clock = clock
        self._loading = False
        self.occurred = self.now()
        self.box, time_flow = flow_widget(column)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for i in range(3):
            b = button("", parent=self.box)
            b.setCheckable(True)
            self.group.addButton(b, i)
            time_flow.addWidget(b)
            self.buttons.append(b)
        col.addWidget(self.box)
        self.edit_box, edit_flow = flow_widget(column)
        self.edit = QDateTimeEdit(self.edit_box)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumSize(220, TOUCH_PX)
        readable_calendar(self.edit)
        edit_flow.addWidget(self.edit)
        self.minus_button = button("", parent=self.edit_box)
        self.plus_button = button("", parent=self.edit_box)
        edit_flow.addWidget(self.minus_button)
        edit_flow.addWidget(self.plus_button)
        col.addWidget(self.edit_box)
        self.label = label("", "", column)
        col.addWidget(self.label)

        self.group.idClicked.connect(self._clicked)
        self.edit.dateTimeChanged.connect(self._edited)
        self.minus_button.clicked.connect(lambda: self._shift(-15))
        self.plus_button.clicked.connect(lambda: self._shift(15))

    def now(self) -> datetime:
        return self._clock.now().astimezone(STOCKHOLM).replace(second=0, microsecond=0)

    def widgets(self) -> list[QWidget]:
        """In tab order."""
        return [*self.buttons, self.edit, self.minus_button, self.plus_button]

    def set_occurred(self, occurred: datetime | None) -> None:
        """From a draft or a prefill: its moment ("Välj tid…"), or None for "Nu"."""
        if occurred is None:
            self.occurred = self.now()
            self.buttons[NOW].setChecked(True)
            self.edit_box.hide()
        else:
            self.occurred = occurred
            self.buttons[CHOSEN].setChecked(True)
            self.edit_box.show()
        self._set_edit_time()
        self.show_time()

    def _clicked(self, which: int) -> None:
        if which == NOW:
            self.occurred = self.now()
        elif which == EARLIER:
            self.occurred = self.now() - timedelta(minutes=30)
        self.edit_box.setVisible(which == CHOSEN)
        self._set_edit_time()
        if which == CHOSEN:
            self.edit.setFocus()
        self.show_time()
        self.changed.emit()

    def _set_edit_time(self) -> None:
        was, self._loading = self._loading, True
        o = self.occurred
        self.edit.setDateTime(QDateTime(QDate(o.year, o.month, o.day), QTime(o.hour, o.minute)))
        self._loading = was

    def _edited(self, qdt: QDateTime) -> None:
        if self._loading:
            return
        d, t = qdt.date(), qdt.time()
        self.occurred = datetime(
            d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=STOCKHOLM
        )
        self.show_time()
        self.changed.emit()

    def _shift(self, minutes: int) -> None:
        self.occurred = self.occurred + timedelta(minutes=minutes)
        self._set_edit_time()
        self.show_time()
        self.changed.emit()

    def show_time(self) -> None:
        o = self.occurred
        self.label.setText(
            QCoreApplication.translate("ReportPage", "Tidpunkt: {d} kl. {t}").format(
                d=f"{o:%Y-%m-%d}", t=f"{o:%H:%M}"
            )
        )

    def retranslate(self) -> None:
        texts = (
            QCoreApplication.translate("ReportPage", "Nu"),
            QCoreApplication.translate("ReportPage", "För 30 min sedan"),
            QCoreApplication.translate("ReportPage", "Välj tid…"),
        )
        for b, text in zip(self.buttons, texts, strict=True):
            b.setText(text)
            b.setAccessibleName(
                QCoreApplication.translate("ReportPage", "Tid: {t}").format(t=text.rstrip("…"))
            )
        self.edit.setAccessibleName(QCoreApplication.translate("ReportPage", "Datum och tid"))
        self.minus_button.setText(QCoreApplication.translate("ReportPage", "−15 min"))
        self.minus_button.setAccessibleName(
            QCoreApplication.translate("ReportPage", "15 minuter tidigare")
        )
        self.plus_button.setText(QCoreApplication.translate("ReportPage", "+15 min"))
        self.plus_button.setAccessibleName(
            QCoreApplication.translate("ReportPage", "15 minuter senare")
        )
        self.show_time()
