"""One report: its text, place, codes and times, and its history (who, when, state, why)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.gui.office.inbox.model import code_words, short_time, state_words
from kompassen.office.inbox.model import InboxReport, StateChange


class ReportDetail(QWidget):
    """Shown beside the table; filled from values the worker already opened."""

    def __init__(self, lang: str = "sv", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.report: InboxReport | None = None
        self.labels: dict[str, tuple[str, str]] = {}  # code → (sv, en)
        self._history: list[StateChange] = []
        lay = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(self.body.textFormat().RichText)
        lay.addWidget(self.body)
        self.history_label = QLabel(self)
        lay.addWidget(self.history_label)
        self.history = QTreeWidget(self)
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(4)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # each comment on its own wrapped line under its change: nothing behind a scroll bar
        self.history.setWordWrap(True)
        self.history.setIndentation(16)
        self.history.setUniformRowHeights(False)
        self.history.header().setStretchLastSection(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.history, 1)
        self.retranslate()
        self.show_report(None)

    def retranslate(self) -> None:
        self.history_label.setText(self.tr("Historik"))
        self.history.setHeaderLabels(
            [
                self.tr("När"),
                self.tr("Vem"),
                self.tr("Status"),
                self.tr("Länk"),
            ]
        )
        self.history.setAccessibleName(self.tr("Rapportens historik"))
        self.show_report(self.report, self._history)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_report(self, report: InboxReport | None, history: Sequence[StateChange] = ()) -> None:
        self.report = report
        self._history = list(history)
        self.history.clear()
        if report is None:
            self.heading.setText(self.tr("Välj en rapport i listan."))
            self.body.setText("")
            return
        self.heading.setText(
            self.tr("Rapport {id} · {state}").format(
                id=report.submission_id, state=state_words(report.state, self.lang)
            )
        )
        rows = [
            (self.tr("Hände"), short_time(report.occurred_at)),
            (self.tr("Skapad"), short_time(report.created_at)),
            (self.tr("Mottagen"), short_time(report.received_at)),
            (self.tr("Plats"), report.place_text or ""),
            (
                self.tr("Landmärke"),
                code_words(self.labels, report.landmark_id, self.lang)
                if report.landmark_id
                else "",
            ),
            (self.tr("Typ"), code_words(self.labels, report.kind, self.lang)),
            (
                self.tr("Behov"),
                ", ".join(code_words(self.labels, c, self.lang) for c in report.needs),
            ),
            (
                self.tr("Grupper"),
                ", ".join(code_words(self.labels, c, self.lang) for c in report.groups),
            ),
            (self.tr("Verksamhet"), report.service_id or ""),
        ]
        table = "".join(
            f"<tr><td><b>{escape(k)}</b>&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in rows if v
        )
        text = escape(report.text).replace("\n", "<br>")
        self.body.setText(f"<p>{text}</p><table>{table}</table>")
        for change in history:
            link = f"{change.link_kind}: {change.link_id}" if change.link_kind else ""
            item = QTreeWidgetItem(
                [
                    short_time(change.at),
                    change.actor,
                    state_words(change.state, self.lang),
                    link,
                ]
            )
            self.history.addTopLevelItem(item)
            if change.comment:  # on a line of its own under the change, wrapped, whole
                note = QTreeWidgetItem(item, [change.comment])
                note.setFirstColumnSpanned(True)
                note.setToolTip(0, change.comment)
        self.history.expandAll()
        for col in range(3):
            self.history.resizeColumnToContents(col)
