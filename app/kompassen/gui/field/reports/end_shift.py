"""The end-of-shift dialog: send everything, then say plainly what left and what did not.

A worker ending a night shift hands the tablet on. Before that, every queued report should
reach the office; when it cannot (no network, no enrolment, a refusal) the worker must see
which ones stay on the tablet and why, and be reminded of drafts never sent. "Klar" then
leaves a clean start screen for the next shift.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.field.reports.outbox_card import OutboxCard
from kompassen.gui.field.reports.sync_status import unbroken_urls, waiting_count
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.touch import button, clear_layout, kinetic, label
from kompassen.reports.outbox import OutboxItem

PROGRESS_MS = 250  # how often the progress bar re-counts the outbox while sending


class EndShiftDialog(QDialog):
    """Syncing with visible progress, then the summary; accepted on "Klar"."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.ticket: int | None = None
        self.report: object = None
        self.done_syncing = False
        self.sending: set[str] = set()  # what waited when the sync began
        self._total = 0
        self.setWindowTitle(self.tr("Avsluta pass"))
        self.setAccessibleName(self.tr("Avsluta pass"))
        self.setModal(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        self.heading = label(self.tr("Avslutar passet"), "heading", self)
        lay.addWidget(self.heading)
        self.progress_text = label("", "", self)
        lay.addWidget(self.progress_text)
        self.progress = QProgressBar(self)
        self.progress.setMinimumHeight(TOUCH_PX // 2)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Hur mycket som har skickats"))
        lay.addWidget(self.progress)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.scroll_area)
        body = QWidget()
        self.summary = QVBoxLayout(body)
        self.summary.setContentsMargins(0, 0, 8, 0)
        self.summary.setSpacing(8)
        self.summary.addStretch(1)
        self.scroll_area.setWidget(body)
        lay.addWidget(self.scroll_area, 1)

        self.drafts_row = QWidget(self)
        dr = QHBoxLayout(self.drafts_row)
        dr.setContentsMargins(0, 0, 0, 0)
        self.drafts_label = label("", "warning", self.drafts_row)
        self.drafts_button = button(
            self.tr("Öppna utkasten"), self.tr("Öppna utkasten som inte skickats"), parent=self
        )
        self.drafts_button.clicked.connect(self.open_drafts)
        dr.addWidget(self.drafts_label, 1)
        dr.addWidget(self.drafts_button)
        self.drafts_row.hide()
        lay.addWidget(self.drafts_row)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.retry_button = button(
            self.tr("Försök igen"),
            self.tr("Försök skicka de väntande rapporterna igen"),
            parent=self,
        )
        self.retry_button.clicked.connect(self.start)
        self.retry_button.hide()
        self.done_button = button(
            self.tr("Klar"), self.tr("Klar: börja om från en tom sökning"), "primary", self
        )
        self.done_button.setMinimumWidth(200)
        self.done_button.clicked.connect(self.accept)
        row.addWidget(self.retry_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        lay.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        svc.sync.sync_finished.connect(self._finished)
        self._listening = True
        self.resize(760, 620)

    # ------------------------------------------------------------------ syncing

    def start(self) -> None:
        """Send everything that waits (or say at once why it cannot be sent)."""
        runner = self.svc.sync
        runner.start()
        self.done_syncing = False
        self.report = None
        self.retry_button.hide()
        clear_layout(self.summary)
        self.summary.addStretch(1)
        self._total = max(1, waiting_count(self.svc.outbox.counts(reports_only=True)))
        self.heading.setText(self.tr("Avslutar passet"))
        self.progress.setRange(0, self._total)
        self.progress.setValue(0)
        self.progress.show()
        self.sending = {
            i.uuid for i in self.svc.outbox.items(("queued", "sending"), reports_only=True)
        }
        self.ticket = runner.sync_now()
        self._show_progress()
        self._timer.start()

    def _show_progress(self) -> None:
        left = waiting_count(self.svc.outbox.counts(reports_only=True))
        done = max(0, self._total - left)
        self.progress.setValue(min(done, self._total))
        self.progress_text.setText(
            self.tr("Skickar rapporter till kontoret… %n kvar", "", left)
            if left
            else self.tr("Hämtar uppdateringar av katalogen…")
        )

    def _finished(self, ticket: int, report: object) -> None:
        if ticket != self.ticket or self.done_syncing:
            return
        self.done_syncing = True
        self.report = report
        self._timer.stop()
        self.progress.hide()
        self._show_summary()

    # ------------------------------------------------------------------ the summary

    def _show_summary(self) -> None:
        svc = self.svc
        lang = svc.state.lang
        report = self.report
        sent_now = [
            i for i in svc.outbox.items(("sent",), reports_only=True) if i.uuid in self.sending
        ]
        left = svc.outbox.items(("queued", "sending", "rejected"), reports_only=True)
        waiting = [i for i in left if i.status != "rejected"]
        rejected = [i for i in left if i.status == "rejected"]
        clear_layout(self.summary)

        drafts = svc.drafts.list()
        if not left and not drafts:
            self.heading.setText(self.tr("Allt är skickat"))
        elif not left:  # the drafts row below says how many were never sent: said once
            self.heading.setText(self.tr("Alla rapporter är skickade"))
        else:
            self.heading.setText(self.tr("%n rapporter ligger kvar på surfplattan", "", len(left)))
        if sent_now:
            self.progress_text.setText(self.tr("%n rapporter skickades nu.", "", len(sent_now)))
        elif not left:
            self.progress_text.setText(self.tr("Det fanns inga rapporter att skicka."))
        else:
            self.progress_text.setText(self.tr("Inga rapporter kunde skickas nu."))

        error = ""
        if report is not None and not getattr(report, "ok", True):
            error = (report.error_en if lang == "en" else report.error_sv) or ""  # type: ignore[attr-defined]
        if waiting:
            self._section(self.tr("Väntar (%n)", "", len(waiting)))
            if error:
                self.summary.addWidget(
                    label(self.tr("Varför: {why}").format(why=unbroken_urls(error)), "warning")
                )
            self.summary.addWidget(
                label(
                    self.tr(
                        "De ligger kvar säkert i utkorgen och skickas av sig själva nästa gång "
                        "surfplattan når servern."
                    ),
                    "muted",
                )
            )
            self._cards(waiting)
        if rejected:
            self._section(self.tr("Avvisade av servern (%n)", "", len(rejected)))
            self.summary.addWidget(
                label(
                    self.tr("Visa dem för samordnaren, eller försök igen under Rapporter."),
                    "muted",
                )
            )
            self._cards(rejected)
        if sent_now:
            self._section(self.tr("Skickade nu (%n)", "", len(sent_now)))
            self._cards(sent_now)
        self.summary.addStretch(1)

        self.drafts_label.setText(
            self.tr("%n utkast har inte skickats.", "", len(drafts)) if drafts else ""
        )
        self.drafts_row.setVisible(bool(drafts))
        self.retry_button.setVisible(bool(waiting) and svc.sync.enrolled)
        self.done_button.setFocus()

    def _section(self, text: str) -> None:
        lab = label(text, "section")
        lab.setIndent(0)
        self.summary.addWidget(lab)

    def _cards(self, items: list[OutboxItem]) -> None:
        for item in items:
            card = OutboxCard(self.svc, item)
            if card.retry is not None:
                card.retry.hide()  # retrying a refused report is a decision for the page
            self.summary.addWidget(card)

    # ------------------------------------------------------------------ leaving

    def open_drafts(self) -> None:
        """Leave the dialog without ending the shift and show the drafts in the report form."""
        self.reject()
        self.svc.nav.open_report({})

    def done(self, result: int) -> None:
        """Closing stops listening to the runner (a sync may still finish after "Klar")."""
        self._timer.stop()
        if self._listening:
            self._listening = False
            self.svc.sync.sync_finished.disconnect(self._finished)
        super().done(result)
