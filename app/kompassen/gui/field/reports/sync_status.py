"""The sync indicator in the status bar: how many reports wait and whether the server answers.

Always visible, so a worker never has to wonder whether a report left the tablet. The words
come from the outbox (counted on the GUI thread: one small query) and from the sync runner's
last status and result. A tap opens the Rapporter tab.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX

if TYPE_CHECKING:
    from kompassen.reports.outbox import OutboxStatus

REFRESH_MS = 3_000  # new reports arrive from the form; the minute in "försöker igen" moves
WORD_JOINER = "\u2060"  # forbids a line break between its neighbours; draws nothing
_URL = re.compile(r"https?://[^\s()]+")


def unbroken_urls(text: str) -> str:
    """Every URL in ``text`` glued with word joiners, so a wrapping label never splits it.

    Qt breaks lines after "/" and "-"; an address split over two lines reads as two
    addresses. The word joiners keep the URL whole (it moves to the next line instead).
    """
    return _URL.sub(lambda m: WORD_JOINER.join(m.group(0)), text)


def short_time(iso: str | None, now: datetime) -> str:
    """``14:02`` for a moment today, ``23/11 14:02`` for another day (local time of ``now``)."""
    if not iso:
        return ""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if at.tzinfo is not None and now.tzinfo is not None:
        at = at.astimezone(now.tzinfo)
    if at.date() == now.date():
        return at.strftime("%H:%M")
    return f"{at.day}/{at.month} {at.strftime('%H:%M')}"


def first_clause(error: str) -> str:
    """The gist of a sync error for the status bar: the words before the first dash.

    The client's messages say what happened, then (after " – ") what it means for the
    reports; the Rapporter tab shows all of it, the status bar only the first part.
    """
    return error.split(" – ", 1)[0].strip().rstrip(".")


def waiting_count(counts: Mapping[OutboxStatus, int]) -> int:
    """Reports still on the tablet that will be sent: queued and those being sent."""
    return counts.get("queued", 0) + counts.get("sending", 0)


class SyncStatusButton(QPushButton):
    """A flat, touch-sized button whose text is the sync state in words.

    It asks for room for all its words; when the status bar cannot give it (portrait, large
    text) it shows them cut at the end with "…" (the count of waiting reports comes first, so
    it stays), never clipped at both edges. ``words`` and the accessible name are always whole.
    """

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.words = ""
        self.setMinimumHeight(TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.setFlat(True)
        self.setProperty("role", "status")
        runner = svc.sync
        runner.status_changed.connect(self.refresh)
        runner.sync_started.connect(self.refresh)
        runner.sync_finished.connect(self.refresh)
        runner.busy_changed.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh(force=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # a closed window must not read a database that may be closed too
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # another text size: another width asked for and shown
            self._fit()

    def refresh(self, *_args: object, force: bool = False) -> None:
        """Say the state again (only while on screen: the words come from device.db)."""
        if not (force or self.isVisible()):
            return
        text = self.describe()
        if text != self.words:
            self.words = text
            self.setToolTip(text)
            self.setAccessibleName(self.tr("Synkstatus: {text}").format(text=text))
            self.setAccessibleDescription(self.tr("Tryck för att visa rapporterna"))
            self.updateGeometry()
            self._fit()

    def _padding(self) -> int:
        """What the style adds around the text (margins, padding, frame)."""
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        empty = QSize(0, self.fontMetrics().height())
        return (
            self.style()
            .sizeFromContents(QStyle.ContentsType.CT_PushButton, opt, empty, self)
            .width()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # +2: the advance of a whole string rounds differently from the elider's measure
        return QSize(
            self._padding() + self.fontMetrics().horizontalAdvance(self.words) + 2, hint.height()
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(TOUCH_PX * 2, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show the words that fit the width given, cut at the end with "…" if they do not."""
        room = max(0, self.width() - self._padding())
        shown = self.fontMetrics().elidedText(self.words, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)

    def describe(self) -> str:
        """The indicator's words for the state right now."""
        svc = self.svc
        runner = svc.sync
        lang = svc.state.lang
        now = svc.clock.now()
        counts = svc.outbox.counts(reports_only=True)
        waiting = waiting_count(counts)
        rejected = counts.get("rejected", 0)
        parts: list[str] = []
        status = runner.status
        report = runner.last_report
        if runner.busy and runner.enrolled:
            parts.append(
                self.tr("Skickar %n rapporter…", "", waiting) if waiting else self.tr("Synkar…")
            )
        elif status is not None and not status.enrolled:
            parts.append(self.tr("Inte ansluten till någon server"))
            if waiting:
                parts.append(self.tr("%n rapporter väntar", "", waiting))
        else:
            parts.append(
                self.tr("%n rapporter väntar", "", waiting)
                if waiting
                else self.tr("Alla rapporter skickade")
            )
            failed = report is not None and not report.ok
            error = ""
            if report is not None and failed:
                error = (report.error_en if lang == "en" else report.error_sv) or ""
            elif report is None and status is not None and status.last_error_sv:
                error = (status.last_error_en if lang == "en" else status.last_error_sv) or ""
            if error:
                retry = runner.next_attempt_at
                parts.append(
                    self.tr("{error} – försöker igen {time}").format(
                        error=first_clause(error),
                        time=retry.astimezone(now.tzinfo).strftime("%H:%M"),
                    )
                    if retry is not None and runner.auto
                    else first_clause(error)
                )
            else:
                last = status.last_sync_at if status is not None else None
                if report is not None and report.ok:
                    last = report.finished_at
                if last:
                    parts.append(self.tr("senast synkad {time}").format(time=short_time(last, now)))
                elif status is not None:
                    parts.append(self.tr("inte synkad ännu"))
        if rejected:
            parts.append(self.tr("%n avvisade", "", rejected))
        return " · ".join(parts)
