"""The Rapporter tab: write a new report, see the outbox in words, sync now, end the shift.

A worker must be able to tell at a glance which reports have left the tablet, which still
wait and why, and which the server refused (with a button to try those again). The page
reads the outbox on the GUI thread (small local queries); everything that talks to the
server goes through the sync runner's worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.field.reports.outbox_card import OutboxCard
from kompassen.gui.field.reports.sync_status import short_time, unbroken_urls, waiting_count
from kompassen.gui.field.services import FieldServices
from kompassen.gui.widgets.touch import button, clear_layout, label, scroll_column
from kompassen.reports.outbox import OutboxItem, StoredAnswer

REFRESH_MS = 3_000  # while the page is on screen: the worker changes statuses
SENT_SHOWN = 50  # the newest sent items listed; older ones are only counted


class ReportsPage(QWidget):
    """New report, sync controls and the outbox list; ``start_over`` after the shift ends."""

    start_over = Signal()  # "Avsluta pass" → "Klar": back to a cleared search page

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self._shown: list[OutboxItem] | None = None
        self._answers_shown: dict[str, StoredAnswer] = {}
        self.cards: dict[str, OutboxCard] = {}
        self.end_shift_dialog: QWidget | None = None

        self.scroll_area, self.column, col = scroll_column(self, 860)

        self.heading = label("", "heading", self.column)
        col.addWidget(self.heading)
        self.new_button = button("", role="primary", parent=self.column)
        self.new_button.setMinimumHeight(72)
        self.new_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.new_button.clicked.connect(self.new_report)
        col.addWidget(self.new_button)

        self.drafts_row = QWidget(self.column)
        dr = QHBoxLayout(self.drafts_row)
        dr.setContentsMargins(0, 0, 0, 0)
        self.drafts_label = label("", "warning", self.drafts_row)
        self.drafts_button = button("", parent=self.drafts_row)
        self.drafts_button.clicked.connect(self.new_report)
        dr.addWidget(self.drafts_label, 1)
        dr.addWidget(self.drafts_button)
        self.drafts_row.hide()
        col.addWidget(self.drafts_row)

        self.sync_heading = label("", "section", self.column)
        self.sync_heading.setIndent(0)
        col.addWidget(self.sync_heading)
        self.sync_text = label("", "", self.column)
        col.addWidget(self.sync_text)
        self.error_text = label("", "warning", self.column)
        self.error_text.hide()
        col.addWidget(self.error_text)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.sync_button = button("", role="primary", parent=self.column)
        self.sync_button.clicked.connect(self.sync_now)
        self.end_button = button("", parent=self.column)
        self.end_button.clicked.connect(self.end_shift)
        row.addWidget(self.sync_button, 1)
        row.addWidget(self.end_button, 1)
        col.addLayout(row)
        self.enrol_button = button("", parent=self.column)  # shown only while not enrolled
        self.enrol_button.clicked.connect(self.open_enrolment)
        self.enrol_button.hide()
        col.addWidget(self.enrol_button)

        self.outbox_heading = label("", "section", self.column)
        self.outbox_heading.setIndent(0)
        col.addWidget(self.outbox_heading)
        self.empty = label("", "muted", self.column)
        col.addWidget(self.empty)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(8)
        col.addLayout(self.list_box)
        self.older = label("", "muted", self.column)
        self.older.hide()
        col.addWidget(self.older)
        col.addStretch(1)

        runner = svc.sync
        runner.sync_started.connect(self.refresh)
        runner.sync_finished.connect(self.refresh)
        runner.status_changed.connect(self.refresh)
        runner.busy_changed.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Rapporter"))
        self.new_button.setText(self.tr("Ny rapport"))
        self.new_button.setAccessibleName(self.tr("Skriv en ny rapport"))
        self.drafts_button.setText(self.tr("Visa utkast"))
        self.drafts_button.setAccessibleName(self.tr("Visa utkast som inte skickats"))
        self.sync_heading.setText(self.tr("Skicka till kontoret"))
        self.sync_button.setText(self.tr("Synka nu"))
        self.sync_button.setAccessibleName(self.tr("Synka nu: skicka väntande rapporter"))
        self.end_button.setText(self.tr("Avsluta pass"))
        self.enrol_button.setText(self.tr("Anslut till servern"))
        self.enrol_button.setAccessibleName(
            self.tr("Anslut till servern: öppna Inställningar och skriv koden från kontoret")
        )
        self.end_button.setAccessibleName(
            self.tr("Avsluta pass: skicka allt och börja om från sökningen")
        )
        self.outbox_heading.setText(self.tr("Utkorgen"))
        self.empty.setText(self.tr("Inga rapporter ännu. Skickade rapporter visas här."))
        self._shown = None  # rebuild the cards in the new language
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state in

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.svc.sync.start()
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self, *_args: object) -> None:
        """Read the outbox and the sync state again; cards are rebuilt only when they changed.

        Only while the page is on screen (showing it refreshes): a hidden page of a closed
        window must not read a device.db that may be closed as well.
        """
        if not self.isVisible():
            return
        svc = self.svc
        runner = svc.sync
        now = svc.clock.now()
        lang = svc.state.lang
        counts = svc.outbox.counts(reports_only=True)
        waiting = waiting_count(counts)
        status = runner.status

        if runner.busy:
            self.sync_text.setText(self.tr("Skickar…"))
        elif status is not None and not status.enrolled:
            self.sync_text.setText(
                self.tr(
                    "Surfplattan är inte ansluten till någon server. "
                    "Anslut under Inställningar med en kod från kontoret."
                )
            )
        else:
            parts = [
                self.tr("%n rapporter väntar", "", waiting)
                if waiting
                else self.tr("Alla rapporter skickade")
            ]
            report = runner.last_report
            last = status.last_sync_at if status is not None else None
            if report is not None and report.ok:
                last = report.finished_at
            if last:
                parts.append(self.tr("senast synkad {time}").format(time=short_time(last, now)))
            retry = runner.next_attempt_at
            if retry is not None and runner.auto:
                parts.append(
                    self.tr("försöker igen {time}").format(
                        time=retry.astimezone(now.tzinfo).strftime("%H:%M")
                    )
                )
            self.sync_text.setText(" · ".join(parts))
        error = self._error(lang)
        self.error_text.setText(unbroken_urls(error))
        self.error_text.setVisible(bool(error))
        self.sync_button.setEnabled(not runner.busy)
        self.enrol_button.setVisible(status is not None and not status.enrolled)

        drafts = svc.drafts.list()
        self.drafts_label.setText(
            self.tr("%n utkast har inte skickats.", "", len(drafts)) if drafts else ""
        )
        self.drafts_row.setVisible(bool(drafts))

        items = self._items()
        answers = svc.outbox.answers() if items else {}
        # an answer arriving at a sync changes no item: the cards are rebuilt for it too
        if items != self._shown or answers != self._answers_shown:
            self._show_items(items, answers)
        older = counts.get("sent", 0) - sum(1 for i in items if i.status == "sent")
        self.older.setText(self.tr("och %n äldre skickade rapporter", "", older))
        self.older.setVisible(older > 0)

    def _error(self, lang: str) -> str:
        """The last failure in full words (the status bar shows only its first clause)."""
        report = self.svc.sync.last_report
        status = self.svc.sync.status
        if self.svc.sync.busy or (status is not None and not status.enrolled):
            return ""
        if report is not None:
            return "" if report.ok else (report.error_en if lang == "en" else report.error_sv) or ""
        if status is not None and status.last_error_sv:
            return (status.last_error_en if lang == "en" else status.last_error_sv) or ""
        return ""

    def _items(self) -> list[OutboxItem]:
        outbox = self.svc.outbox
        return [
            *outbox.items(("queued", "sending", "rejected"), reports_only=True),
            *outbox.items(("sent",), reports_only=True)[:SENT_SHOWN],
        ]

    def _show_items(self, items: list[OutboxItem], answers: dict[str, StoredAnswer]) -> None:
        self._shown, self._answers_shown = items, answers
        clear_layout(self.list_box)
        self.cards.clear()
        for item in items:
            card = OutboxCard(self.svc, item, self.column, answers.get(item.uuid))
            card.retry_requested.connect(self.retry)
            self.list_box.addWidget(card)
            self.cards[item.uuid] = card
        self.empty.setVisible(not items)

    # ------------------------------------------------------------------ actions

    def new_report(self) -> None:
        self.svc.nav.open_report({})

    def sync_now(self) -> None:
        """Not enrolled, a sync can only fail: say so and go where enrolling is done."""
        status = self.svc.sync.status
        if status is not None and not status.enrolled:
            self.open_enrolment()
            return
        self.svc.sync.sync_now()
        self.refresh()

    def open_enrolment(self) -> None:
        """The Settings page with the cursor in the enrolment code field."""
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is None:
            return
        show_page("settings")
        code = getattr(getattr(window, "settings_page", None), "enrol_code", None)
        if isinstance(code, QWidget):
            code.setFocus()

    def retry(self, uuid: str) -> None:
        """A rejected report goes back to the queue and is sent with the next sync."""
        self.svc.outbox.requeue_rejected(uuid)
        self.refresh()
        if self.svc.sync.enrolled:
            self.svc.sync.sync_now()

    def end_shift(self) -> None:
        from kompassen.gui.field.reports.end_shift import EndShiftDialog

        dialog = EndShiftDialog(self.svc, self.window())
        dialog.accepted.connect(self.start_over)
        dialog.finished.connect(self._end_shift_closed)
        self.end_shift_dialog = dialog
        dialog.open()
        dialog.start()

    def _end_shift_closed(self) -> None:
        if self.end_shift_dialog is not None:
            self.end_shift_dialog.deleteLater()
            self.end_shift_dialog = None
        self.refresh()
