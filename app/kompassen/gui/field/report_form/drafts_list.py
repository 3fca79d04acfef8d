"""The "Utkast (n)" section of the report page: reopen or delete a saved draft.

Deleting asks first, inline in the draft's own card (a finger hits the wrong button more
often than a mouse, and a modal dialog on a tablet is easy to dismiss by accident).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kompassen.core.errors import KompassenError
from kompassen.core.report import KIND_LABELS
from kompassen.gui.field.services import FieldServices
from kompassen.gui.widgets.touch import button, clear_layout, label
from kompassen.reports.drafts import Draft

SUMMARY_CHARS = 90  # of the draft's text shown in its card


class DraftsList(QWidget):
    """Every saved draft except the one open in the form, newest first."""

    open_requested = Signal(str)  # draft id
    deleted = Signal(str)  # draft id, after it is gone from device.db

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.exclude: str | None = None
        self.drafts: list[Draft] = []
        self.rows: dict[str, QFrame] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.delete_buttons: dict[str, QPushButton] = {}
        self.confirm_buttons: dict[str, QPushButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.heading = label("", "section", self)
        self.heading.setIndent(0)
        lay.addWidget(self.heading)
        self.box = QVBoxLayout()
        self.box.setSpacing(8)
        lay.addLayout(self.box)

    def refresh(self, exclude: str | None = None) -> None:
        """Read the drafts again; ``exclude`` is the draft the form is editing."""
        self.svc.device.drain()  # the form's queued saves first: the list shows the latest text
        self.exclude = exclude
        self.drafts = [d for d in self.svc.drafts.list() if d.id != exclude]
        self._show()

    def _show(self) -> None:
        clear_layout(self.box)
        self.rows.clear()
        self.open_buttons.clear()
        self.delete_buttons.clear()
        self.confirm_buttons.clear()
        for d in self.drafts:
            self.box.addWidget(self._row(d))
        self.heading.setText(self.tr("Utkast (%n)", "", len(self.drafts)))
        self.setVisible(bool(self.drafts))

    def summary(self, d: Draft) -> str:
        """ "Olöst problem · sparat 23/11 14:02": kind and time of the last change."""
        lang = self.svc.state.lang
        kind = d.fields.get("kind")
        name = KIND_LABELS[kind][lang == "en"] if kind in KIND_LABELS else self.tr("Rapport")
        try:
            at = datetime.fromisoformat(d.updated_at)
            when = f"{at.day}/{at.month} {at:%H:%M}"
        except ValueError:
            when = d.updated_at
        return self.tr("{kind} · sparat {when}").format(kind=name, when=when)

    @staticmethod
    def excerpt(d: Draft) -> str:
        text = " ".join(str(d.fields.get("text") or "").split())
        return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"

    def _row(self, d: Draft) -> QFrame:
        card = QFrame(self)
        card.setProperty("role", "card")
        v = QVBoxLayout(card)
        v.setContentsMargins(16, 10, 16, 10)
        v.setSpacing(6)
        title = self.summary(d)
        v.addWidget(label(title, "title", card))
        text = self.excerpt(d)
        if text:
            v.addWidget(label(text, "muted", card))
        h = QHBoxLayout()
        h.setSpacing(12)
        v.addLayout(h)
        open_b = button(
            self.tr("Öppna"), self.tr("Öppna utkastet {t}").format(t=title), "primary", card
        )
        open_b.clicked.connect(lambda _=False, i=d.id: self.open_requested.emit(i))
        delete_b = button(
            self.tr("Ta bort"), self.tr("Ta bort utkastet {t}").format(t=title), parent=card
        )
        h.addWidget(open_b)
        h.addWidget(delete_b)
        h.addStretch(1)
        # the question, hidden until "Ta bort" is tapped
        ask = QWidget(card)
        ask.setObjectName("draftAsk")  # a plain widget would paint the window colour in the card
        ask.setStyleSheet("#draftAsk { background: transparent; }")
        a = QHBoxLayout(ask)
        a.setContentsMargins(0, 0, 0, 0)
        a.setSpacing(12)
        a.addWidget(label(self.tr("Ta bort utkastet för gott?"), "warning", ask, wrap=False))
        yes = button(self.tr("Ja, ta bort"), self.tr("Ja, ta bort utkastet"), "danger", ask)
        keep = button(self.tr("Behåll"), self.tr("Behåll utkastet"), parent=ask)
        a.addWidget(yes)
        a.addWidget(keep)
        a.addStretch(1)
        ask.hide()
        v.addWidget(ask)
        delete_b.clicked.connect(lambda: _ask(ask, yes))
        keep.clicked.connect(ask.hide)
        yes.clicked.connect(lambda _=False, i=d.id: self._delete(i))
        self.rows[d.id] = card
        self.open_buttons[d.id] = open_b
        self.delete_buttons[d.id] = delete_b
        self.confirm_buttons[d.id] = yes
        card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return card

    def _delete(self, draft_id: str) -> None:
        """On the device worker, after what is queued: deleting empties the WAL (an fsync)."""
        row = self.rows.get(draft_id)
        if row is not None:
            row.setEnabled(False)  # tapped: no second tap while the worker deletes it
        self.svc.device.submit(
            lambda s: s.drafts.delete(draft_id),
            key=f"draft:{draft_id}",
            done=lambda _none: self._gone(draft_id),
            failed=lambda err: self._not_gone(draft_id, err),
        )

    def _gone(self, draft_id: str) -> None:
        self.refresh(self.exclude)
        self.deleted.emit(draft_id)

    def _not_gone(self, draft_id: str, err: KompassenError) -> None:
        """A full or damaged disk: the draft stays, listed, and the reason is shown on it."""
        self.refresh(self.exclude)
        row = self.rows.get(draft_id)
        lay = row.layout() if row is not None else None
        if row is not None and lay is not None:
            lay.addWidget(label(err.message(self.svc.state.lang), "muted", row))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.drafts:
            self._show()  # from the drafts read last: retranslating must not hit the db
        super().changeEvent(event)


def _ask(question: QWidget, yes: QPushButton) -> None:
    """Show the inline "Ta bort för gott?" with the finger's next target focused."""
    question.show()
    yes.setFocus()
