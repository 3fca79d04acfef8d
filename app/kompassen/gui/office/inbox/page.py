"""Rapporter: the reports the tablets sent, opened with the office key, triaged and answered.

Everything the inbox does (fetching from the server, opening and decrypting, the filter's ids,
the rows, changing states) runs on the session's network worker, where the inbox store
(office.db) is opened on first use and closed last: one thread owns it, the GUI thread never
waits on disk, network or decryption. The office keys come from the window's shared
:class:`KeyKeeper` (asked for with the publish page's :class:`PassphraseDialog`).

"Gör en lösning av detta" makes a new guide from the report (``guide_prefill``), links the
report to it (state ``in_progress``) and asks the window to open it in the catalogue editor;
when a publish includes the guide, :meth:`InboxPage.solve_published` marks the report solved.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.pack.schema import base_taxonomy
from kompassen.core.errors import KompassenError
from kompassen.core.report import KIND_LABELS
from kompassen.gui.office.inbox.detail import ReportDetail
from kompassen.gui.office.inbox.filters import FilterBar
from kompassen.gui.office.inbox.model import ReportTableModel, code_words, state_words
from kompassen.gui.office.inbox.state_dialog import StateDialog
from kompassen.gui.office.publish_page import KeyKeeper, PassphraseDialog
from kompassen.gui.workers.background import Background
from kompassen.office.inbox.model import InboxFilter, InboxReport, StateChange
from kompassen.office.inbox.solution import guide_prefill
from kompassen.office.inbox.store import InboxStore
from kompassen.reports.keys import OfficeKeys

log = logging.getLogger(__name__)
T = TypeVar("T")


def term_labels(catalogue_db: Path | None = None, area_id: str = "") -> dict[str, tuple[str, str]]:
    """Taxonomy codes, report kinds and the area's landmarks → (sv, en) (read on the worker).

    A landmark is known by its catalogue id and by its key without the area (as a tablet may
    send it); a catalogue that cannot be read leaves the codes as they are."""
    out: dict[str, tuple[str, str]] = dict(KIND_LABELS)
    if catalogue_db is not None and catalogue_db.exists():
        out.update(_landmark_names(catalogue_db, area_id))
    doc = base_taxonomy()
    for key in ("groups", "needs", "handover"):
        for t in doc.get(key, []) if isinstance(doc, dict) else []:
            if isinstance(t, dict) and isinstance(t.get("code"), str):
                sv = str(t.get("sv") or t["code"])
                out[t["code"]] = (sv, str(t.get("en") or sv))
    return out


def _landmark_names(catalogue_db: Path, area_id: str) -> dict[str, tuple[str, str]]:
    import sqlite3

    from kompassen.catalogue.store.db import connect_readonly
    from kompassen.catalogue.store.reader import CatalogueReader

    out: dict[str, tuple[str, str]] = {}
    try:
        conn = connect_readonly(catalogue_db)
        try:
            for lm in CatalogueReader(conn).landmarks(area_id):
                out[lm.id] = out[lm.id.rpartition("/")[2]] = (lm.name, lm.name)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, KompassenError) as exc:  # names only: the codes stay
        log.warning("inbox: landmark names not read: %s", exc)
    return out


def office_db(data_dir: Path) -> Path:
    return data_dir / "office" / "office.db"


class _Holder:
    """The store, made and closed on the worker thread (never touched by the GUI thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store: InboxStore | None = None

    def get(self) -> InboxStore:
        if self.store is None:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.store = InboxStore(self.path)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class InboxPage(QWidget):
    """The reports: filters, a lazy table, one report's details and history, actions."""

    #: the editor should open a new guide with these fields (the report is already linked)
    open_guide = Signal(dict)
    changed = Signal()  # states changed (the statistics may refresh)

    def __init__(
        self,
        session: Any,
        area_id: str,
        data_dir: Path,
        clock: Any,
        *,
        keeper: KeyKeeper | None = None,
        key_file: Path | None = None,
        lang: str = "sv",
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.area_id = area_id
        self.clock = clock
        self.lang = lang
        self.keeper = keeper or KeyKeeper(parent=self)
        self._key_file = key_file
        self._holder = _Holder(office_db(data_dir))
        self._catalogue_db = data_dir / "catalogue.db"  # Paths.catalogue_db: landmark names
        self._filter = InboxFilter(area_id=area_id, states=frozenset())
        self._opened = False
        self._closed = False
        self.passphrase_dialog: PassphraseDialog | None = None
        self.state_dialog: StateDialog | None = None
        self.disk: Background[None] = Background(
            lambda: None, name="office-inbox-keys", synchronous=synchronous, parent=self
        )
        self._build()
        self.retranslate()
        self._filter = self.filters.current()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        top.addWidget(self.title, 1)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_reports)
        top.addWidget(self.open_button)
        lay.addLayout(top)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.filters = FilterBar(self.area_id, self.lang, self, today=self.clock.now().date())
        self.filters.changed.connect(self.set_filter)
        self.filters.save_wanted.connect(self.save_filter)
        self.filters.delete_wanted.connect(self.delete_filter)
        lay.addWidget(self.filters)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.model = ReportTableModel(self.lang, self)
        self.model.need_rows.connect(self._load_rows)
        self.table = QTableView(left)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # the time whole ("2026-11-23 23:10"), whatever the font and its size
        self.table.setColumnWidth(
            0, self.table.fontMetrics().horizontalAdvance("8888-88-88 88:88") + 28
        )
        self.table.setColumnWidth(1, 210)
        self.table.setColumnWidth(2, 180)
        self.table.setColumnWidth(3, 180)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        left_lay.addWidget(self.table, 1)
        self.count = QLabel(left)
        left_lay.addWidget(self.count)
        buttons = QHBoxLayout()
        self.state_button = QPushButton(left)
        self.state_button.clicked.connect(self.ask_state)
        self.solution_button = QPushButton(left)
        self.solution_button.clicked.connect(self.make_solution)
        buttons.addWidget(self.state_button)
        buttons.addWidget(self.solution_button)
        buttons.addStretch(1)
        left_lay.addLayout(buttons)
        self.detail = ReportDetail(self.lang, split)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Rapporter"))
        self.open_button.setText(
            self.tr("Hämta nya rapporter") if self._opened else self.tr("Öppna rapporterna…")
        )
        self.state_button.setText(self.tr("Ändra status…"))
        self.solution_button.setText(self.tr("Gör en lösning av detta"))
        self.table.setAccessibleName(self.tr("Rapporter"))
        if not self._opened:
            self.message.setText(
                self.tr("Rapporterna är krypterade. Öppna dem med områdets nyckelfil.")
            )
        self._say_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say_count(self) -> None:
        self.count.setText(self.tr("%n rapporter", "", self.model.total))

    def _update_buttons(self) -> None:
        chosen = len(self.selected_ids())
        self.state_button.setEnabled(self._opened and chosen > 0)
        self.solution_button.setEnabled(self._opened and self.detail.report is not None)

    # ------------------------------------------------------------------ the worker

    def _run(
        self,
        fn: Callable[[Any], T],
        done: Callable[[T], None] | None = None,
        *,
        key: str | None = None,
        network: bool = False,
    ) -> None:
        """``fn(inbox)`` on the session's worker, where the store lives."""
        holder, clock = self._holder, self.clock

        def op(slot: Any) -> T:
            client = getattr(slot, "client", None)
            if network and client is None:
                from kompassen.gui.office.session import NotSignedIn

                raise NotSignedIn()
            service = importlib.import_module("kompassen.office.inbox.service")
            return fn(service.Inbox(holder.get(), client, clock))

        self.session.worker.submit(op, key=key, done=done, failed=self._failed)

    def _failed(self, err: KompassenError) -> None:
        self.message.setText(err.message(self.lang))

    # ------------------------------------------------------------------ keys and fetching

    def refresh(self) -> None:
        """F5 / signed in: new reports from the server once they are open."""
        if self._opened:
            self.open_reports()

    def open_reports(self) -> None:
        """Keys (asked for when not held) → unlock, fetch, list."""
        keys = self.keeper.keys()
        if keys is None:
            dialog = PassphraseDialog(
                self.disk,
                self.keeper.key_file or self._key_file,
                purpose=self.tr(
                    "Rapporterna öppnas med områdets nyckel. Skriv nyckelfilens lösenfras "
                    "(den glöms efter en stunds overksamhet)."
                ),
                parent=self,
            )
            self.passphrase_dialog = dialog
            dialog.accepted.connect(lambda: self._opened_keys(dialog))
            dialog.open()
            return
        self.open_with(keys)

    def _opened_keys(self, dialog: PassphraseDialog) -> None:
        self.passphrase_dialog = None
        if dialog.keys is None:
            return
        self.keeper.keep(dialog.keys, dialog.key_file())
        keys, dialog.keys = dialog.keys, None
        dialog.deleteLater()
        self.open_with(keys)

    def open_with(self, keys: OfficeKeys) -> None:
        """Unlock office.db and fetch what is new (without a sign-in: what is kept)."""
        self.message.setText(self.tr("Hämtar och öppnar rapporterna…"))
        signed_in = self.session.current is not None

        def op(inbox: Any) -> tuple[Any, list[tuple[str, InboxFilter]], dict[str, Any]]:
            inbox.store.unlock(keys)
            result = inbox.fetch(keys) if signed_in else None
            labels = term_labels(self._catalogue_db, self.area_id)
            return result, inbox.saved_filters(self.area_id), labels

        self._run(op, self._fetched, key="inbox-fetch")

    def _fetched(self, result: tuple[Any, list[tuple[str, InboxFilter]], dict[str, Any]]) -> None:
        fetched, saved, labels = result
        self.model.labels = self.detail.labels = labels
        self._opened = True
        self.filters.set_saved(saved)
        if fetched is None:
            self.message.setText(self.tr("Inte inloggad: rapporterna som redan hämtats visas."))
        else:
            self.message.setText(
                self.tr("%n nya rapporter hämtade.", "", fetched.reports)
                + (
                    " " + self.tr("%n gick inte att öppna.", "", fetched.unreadable)
                    if fetched.unreadable
                    else ""
                )
            )
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ the list

    def set_filter(self, f: InboxFilter) -> None:
        self._filter = f
        if self._opened:
            self.reload()

    def reload(self) -> None:
        """The filter's ids (newest first); the rows follow in batches."""
        f = self._filter

        def op(inbox: Any) -> list[int]:
            return list(inbox.ids(f))

        self._run(op, self._got_ids, key="inbox-ids")

    def _got_ids(self, ids: list[int]) -> None:
        current = self.detail.report.submission_id if self.detail.report else None
        self.model.set_ids(ids)
        self._say_count()
        self._keep_current = current

    def _load_rows(self, ids: list[int]) -> None:
        def op(inbox: Any) -> list[InboxReport]:
            return list(inbox.rows(ids))

        self._run(op, self._got_rows)

    def _got_rows(self, rows: list[InboxReport]) -> None:
        first = self.model.rowCount() == 0
        self.model.add_rows(rows)
        self._offer_codes(rows)
        want = getattr(self, "_keep_current", None)
        row = self.model.row_of(want) if want is not None else -1
        if first and self.model.rowCount():
            self.select_rows([max(row, 0)])
        self._update_buttons()

    def _offer_codes(self, rows: Sequence[InboxReport]) -> None:
        seen: dict[str, set[str]] = {
            "kinds": set(),
            "places": set(),
            "needs": set(),
            "groups": set(),
        }
        for box, key in (
            (self.filters.kind, "kinds"),
            (self.filters.place, "places"),
            (self.filters.need, "needs"),
            (self.filters.group, "groups"),
        ):
            seen[key].update(str(box.itemData(i)) for i in range(1, box.count()))
        for r in rows:
            seen["kinds"].add(r.kind)
            if r.landmark_id:
                seen["places"].add(r.landmark_id)
            seen["needs"].update(r.needs)
            seen["groups"].update(r.groups)
        labels, lang = self.model.labels, self.lang
        self.filters.set_choices(
            **{
                k: [(c, code_words(labels, c, lang)) for c in sorted(v) if c]
                for k, v in seen.items()
            }
        )

    # ------------------------------------------------------------------ saved filters

    def save_filter(self, name: str, f: InboxFilter) -> None:
        def op(inbox: Any) -> list[tuple[str, InboxFilter]]:
            inbox.save_filter(name, f)
            return list(inbox.saved_filters(self.area_id))

        self._run(op, self.filters.set_saved)

    def delete_filter(self, name: str) -> None:
        area = self.area_id

        def op(inbox: Any) -> list[tuple[str, InboxFilter]]:
            inbox.delete_filter(name, area)
            return list(inbox.saved_filters(area))

        self._run(op, self.filters.set_saved)

    def select_rows(self, rows: Sequence[int]) -> None:
        sel = self.table.selectionModel()
        sel.clearSelection()
        for n, row in enumerate(rows):
            index = self.model.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            if n == 0:
                sel.setCurrentIndex(index, flags)
            else:
                sel.select(index, flags)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for row in rows:
            r = self.model.report(row)
            if r is not None:
                out.append(r.submission_id)
        return out

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.model.report(current.row()) if current.isValid() else None
        self.show_detail(r)

    def show_detail(self, r: InboxReport | None) -> None:
        if r is None:
            self.detail.show_report(None)
            self._update_buttons()
            return
        self.detail.show_report(r)
        sid = r.submission_id

        def op(inbox: Any) -> list[StateChange]:
            return list(inbox.history(sid))

        def done(history: list[StateChange]) -> None:
            if self.detail.report is not None and self.detail.report.submission_id == sid:
                self.detail.show_report(self.detail.report, history)

        self._run(op, done, key="inbox-history")
        self._update_buttons()

    # ------------------------------------------------------------------ states

    def ask_state(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = StateDialog(len(ids), self.lang, parent=self)
        self.state_dialog = dialog
        dialog.accepted.connect(lambda: self._state_chosen(dialog, ids))
        dialog.open()

    def _state_chosen(self, dialog: StateDialog, ids: list[int]) -> None:
        self.state_dialog = None
        state, comment, answer_sv, answer_en = dialog.values()
        link = dialog.link()
        dialog.deleteLater()
        self.change_state(ids, state, comment, link=link, answer_sv=answer_sv, answer_en=answer_en)

    def change_state(
        self,
        ids: Sequence[int],
        state: str,
        comment: str = "",
        *,
        link: tuple[str, str] | None = None,
        answer_sv: str | None = None,
        answer_en: str = "",
        done: Callable[[], None] | None = None,
    ) -> None:
        """One state and comment for all ``ids`` (the keys must be open)."""
        keys = self.keeper.keys()
        if keys is None:
            self.message.setText(self.tr("Öppna rapporterna med nyckelfilen först."))
            return
        chosen = list(ids)

        def op(inbox: Any) -> list[InboxReport]:
            inbox.change_state(
                chosen,
                state,
                comment,
                keys=keys,
                link=link,
                answer_sv=answer_sv,
                answer_en=answer_en,
            )
            return list(inbox.rows(chosen))

        def finished(rows: list[InboxReport]) -> None:
            self.model.update_rows(rows)
            self.message.setText(
                self.tr("%n rapporter har fått status {state}.", "", len(rows)).format(
                    state=state_words(state, self.lang)
                )
            )
            current = self.detail.report
            if current is not None:
                fresh = next((r for r in rows if r.submission_id == current.submission_id), None)
                if fresh is not None:
                    self.show_detail(fresh)
            self.changed.emit()
            if done is not None:
                done()

        self._run(op, finished, network=True)

    # ------------------------------------------------------------------ solutions

    def make_solution(self) -> None:
        """A new guide from the report, linked to it; the window opens it in the editor."""
        r = self.detail.report
        if r is None:
            return
        fields = guide_prefill(r)
        key = str(fields["key"])
        self.change_state(
            [r.submission_id],
            "in_progress",
            link=("guide", key),
            done=lambda: self.open_guide.emit(fields),
        )

    def relink(self, submission_id: int, old_key: str, new_key: str) -> None:
        """The editor gave the new guide another key (the first was taken): link that."""
        if new_key != old_key:
            self.change_state([submission_id], "in_progress", link=("guide", new_key))

    def solve_published(self, guide_titles: Mapping[str, tuple[str, str]]) -> None:
        """After a publish: reports linked to these guides are solved (answered)."""
        keys = self.keeper.keys()
        if keys is None or not guide_titles:
            return
        titles, area = dict(guide_titles), self.area_id

        def op(inbox: Any) -> int:
            if inbox.store.locked:  # the inbox was not opened in this session yet
                inbox.store.unlock(keys)
            return int(inbox.solve_published(area, titles, keys))

        def done(n: int) -> None:
            if n:
                self.message.setText(self.tr("%n rapporter blev lösta av släppet.", "", n))
                self.changed.emit()
                if self._opened:
                    self.reload()

        self._run(op, done, network=True)

    # ------------------------------------------------------------------ closing

    def close_workers(self) -> None:
        """The store is closed on its thread, after what is queued there."""
        if self._closed:
            return
        self._closed = True
        holder = self._holder
        self.session.worker.submit(lambda _slot: holder.close())
        self.disk.close()
