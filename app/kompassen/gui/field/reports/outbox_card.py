"""One outbox item as a card: what it is, when it was written, and its state in words.

Its own module because both the Rapporter tab and the end-of-shift dialog show these cards.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kompassen.core.report import KIND_LABELS
from kompassen.gui.field.reports.sync_status import first_clause, short_time
from kompassen.gui.field.services import FieldServices
from kompassen.gui.widgets.touch import button, label
from kompassen.reports.outbox import OutboxItem, StoredAnswer

STATUS_ROLES = {"queued": "warning", "sending": "muted", "sent": "open", "rejected": "closed"}
ANSWER_ROLES = {"solved": "open", "not_actionable": "closed", "needs_info": "warning"}


class OutboxCard(QFrame):
    """One outbox item: what it is, when it was written, and its state in words."""

    retry_requested = Signal(str)  # uuid of a rejected item

    def __init__(
        self,
        svc: FieldServices,
        item: OutboxItem,
        parent: QWidget | None = None,
        answer: StoredAnswer | None = None,
    ):
        super().__init__(parent)
        self.svc = svc
        self.item = item
        self.answer = answer
        self.setProperty("role", "card")
        now = svc.clock.now()
        lang = svc.state.lang
        v = QVBoxLayout(self)
        v.setContentsMargins(16, 10, 16, 10)
        v.setSpacing(4)
        names = KIND_LABELS.get(item.kind)
        kind = names[lang == "en"] if names else item.kind
        self.title = label(
            self.tr("{kind} · skriven {time}").format(
                kind=kind, time=short_time(item.created_at, now)
            ),
            "title",
            self,
        )
        v.addWidget(self.title)
        self.state = label(self.state_text(item, now), STATUS_ROLES.get(item.status, ""), self)
        v.addWidget(self.state)
        self.detail = label(self.detail_text(item), "muted", self)
        self.detail.setVisible(bool(self.detail.text()))
        v.addWidget(self.detail)
        # the office's answer to this report, in its own words (verified at sync)
        self.answer_label = label(
            self.answer_text(answer) if answer else "",
            ANSWER_ROLES.get(answer.state if answer else "", ""),
            self,
        )
        self.answer_label.setVisible(answer is not None)
        v.addWidget(self.answer_label)
        self.retry: QPushButton | None = None
        if item.status == "rejected":
            self.retry = button(
                self.tr("Försök igen"),
                self.tr("Försök skicka {kind} igen").format(kind=kind),
                parent=self,
            )
            self.retry.clicked.connect(lambda: self.retry_requested.emit(item.uuid))
            row = QHBoxLayout()
            row.addWidget(self.retry)
            row.addStretch(1)
            v.addLayout(row)

    def state_text(self, item: OutboxItem, now: object) -> str:
        if item.status == "sent":
            return self.tr("Skickad {time}").format(time=short_time(item.sent_at, now))  # type: ignore[arg-type]
        if item.status == "sending":
            return self.tr("Skickas…")
        if item.status == "rejected":
            why = item.error(self.svc.state.lang) or self.tr("servern sa inte varför")
            return self.tr("Avvisad: {why}").format(why=why)
        return self.tr("Väntar")

    def answer_text(self, answer: StoredAnswer) -> str:
        """What became of the report: the state in words, then the office's answer."""
        text = answer.text(self.svc.state.lang)
        if answer.state == "solved" and answer.guide_id:
            return self.tr("Blev en lösning: {text}").format(text=text)
        if answer.state == "solved":  # solved by hand: no guide was made
            return self.tr("Löst: {text}").format(text=text)
        if answer.state == "not_actionable":
            return self.tr("Går inte att åtgärda: {text}").format(text=text)
        if answer.state == "needs_info":
            return self.tr("Behöver mer information: {text}").format(text=text)
        return self.tr("Pågår: {text}").format(text=text)

    def detail_text(self, item: OutboxItem) -> str:
        if item.status not in ("queued", "sending") or not item.attempts:
            return ""
        tries = self.tr("%n försök", "", item.attempts)
        error = item.error(self.svc.state.lang)
        if error:
            return self.tr("{tries} · senaste felet: {error}").format(
                tries=tries, error=first_clause(error)
            )
        return tries
