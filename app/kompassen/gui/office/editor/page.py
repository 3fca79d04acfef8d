"""The office's catalogue editor: the area's records on the left, the chosen one's form on the
right, every change an undoable edit of the editing core.

Edits are :class:`~kompassen.office.editing.Edit` objects on a QUndoStack (Ctrl+Z,
Ctrl+Shift+Z / Ctrl+Y, and the Ångra/Gör om buttons); the session writes the office draft
after each one, so a window closed with unsaved edits loses nothing: the next open restores
them (and says so in a sentence), and they can still be undone. The validator's messages
are shown next to their fields as you type. "Spara" installs the edited area with its change
history; "Kontrollerad idag" sets the record's ``verified_at`` (who checked is saved too).

Opening the area and saving it run on the page's own worker thread (reading and installing
the area takes a noticeable moment on a big catalogue); the edits themselves are in memory.
"""

from __future__ import annotations

import getpass
import json
import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.pack.schema import base_taxonomy, pack_schema
from kompassen.core.errors import KompassenError
from kompassen.gui.office.editor.commands import EditCommand
from kompassen.gui.office.editor.fields import RecordForm, field_label, value_word
from kompassen.gui.office.editor.records import Filters, RecordListModel, filtered
from kompassen.gui.office.hours_editor import ui_lang
from kompassen.gui.workers.background import Background
from kompassen.office.editing import ABSENT, CHECKABLE, Edit, EditSession, SaveRefused, SaveResult
from kompassen.office.editing.docs import record_name
from kompassen.office.editing.model import KIND_BY_NAME

log = logging.getLogger(__name__)

#: the kinds the editor lists, in this order
EDITABLE_KINDS = ("services", "organizations", "locations", "landmarks", "guides", "notices")
VALIDATE_MS = 150  # the validator runs this long after the last keystroke
LIST_MS = 400  # a renamed record's list row follows this long after the last keystroke
STATUSES = ("active", "inactive", "temporarily-closed", "defunct", "closed")


def kind_of(record_type: str) -> str:
    """The editor's kind for a worklist record type ("service" → "services")."""
    if record_type in EDITABLE_KINDS:
        return record_type
    plural = record_type + "s"
    return plural if plural in EDITABLE_KINDS else record_type


def merge_typing(edits: list[Edit]) -> list[Edit]:
    """Consecutive edits of one field become one (as the undo stack merges them)."""
    out: list[Edit] = []
    for e in edits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.kind, prev.record_id, prev.path) == (e.kind, e.record_id, e.path)
            and not e.is_record
            and e.checked_by is None
            and prev.checked_by is None
            and prev.new is not ABSENT
            and e.old is not ABSENT
            and e.new is not ABSENT
        ):
            out[-1] = Edit(e.kind, e.record_id, e.path, prev.old, e.new, prev.index)
        else:
            out.append(e)
    return out


class CatalogueEditorPage(QWidget):
    """Lists, form, undo/redo, validation as you type, save, "Kontrollerad idag", drafts."""

    saved = Signal(object)  # SaveResult
    opened = Signal()

    def __init__(
        self,
        ctx: Any,
        area_id: str,
        parent: QWidget | None = None,
        *,
        user: str = "",
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area_id = area_id
        self.user = user
        self.session: EditSession | None = None
        self.kind = EDITABLE_KINDS[0]
        self.record_id: str | None = None
        self._pending: tuple[str, str] | None = None
        self._origin: str | None = None
        self._schema = pack_schema()
        self.stack = QUndoStack(self)
        self._commands: list[EditCommand] = []
        self.worker: Background[None] = Background(
            lambda: None, name="office-editor", synchronous=synchronous, parent=self
        )
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.setInterval(LIST_MS)
        self._list_timer.timeout.connect(self.refresh_list)
        self._kind_total = 0
        self._build()
        self.retranslate()
        self._set_enabled(False)
        self.message.setText(self.tr("Öppnar katalogen…"))
        self.worker.submit(
            lambda _r: EditSession.open(ctx, area_id), done=self._opened, failed=self._failed
        )

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        bar.addWidget(self.title, 1)
        self.undo_button = QPushButton(self)
        self.redo_button = QPushButton(self)
        self.check_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setProperty("role", "primary")
        for b in (self.undo_button, self.redo_button, self.check_button, self.save_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a, slot in ((self.undo_action, self.stack.undo), (self.redo_action, self.stack.redo)):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
        self.undo_button.clicked.connect(self.stack.undo)
        self.redo_button.clicked.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self._update_buttons)
        self.stack.canRedoChanged.connect(self._update_buttons)
        self.stack.indexChanged.connect(self._index_changed)
        self.save_button.clicked.connect(self.save)
        self.check_button.clicked.connect(lambda: self.mark_checked())

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        self.kind_box = QComboBox(left)
        for k in EDITABLE_KINDS:
            self.kind_box.addItem(k, k)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        ll.addWidget(self.kind_box)
        self.search = QLineEdit(left)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh_list())
        ll.addWidget(self.search)
        row = QHBoxLayout()
        self.status_filter = QComboBox(left)
        self.status_filter.addItem("", "")
        for s in STATUSES:
            self.status_filter.addItem(s, s)
        self.stale_filter = QCheckBox(left)
        row.addWidget(self.status_filter, 1)
        row.addWidget(self.stale_filter)
        ll.addLayout(row)
        row2 = QHBoxLayout()
        self.group_filter = QComboBox(left)
        self.need_filter = QComboBox(left)
        row2.addWidget(self.group_filter, 1)
        row2.addWidget(self.need_filter, 1)
        ll.addLayout(row2)
        for box in (self.status_filter, self.group_filter, self.need_filter):
            box.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.stale_filter.toggled.connect(lambda _c: self.refresh_list())
        self.model = RecordListModel(self)
        self.list = QListView(left)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._row_changed)
        ll.addWidget(self.list, 1)
        self.count = QLabel(left)
        self.count.setProperty("role", "muted")
        ll.addWidget(self.count)

        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.record_title = QLabel(right)
        self.record_title.setProperty("role", "title")
        self.record_title.setWordWrap(True)
        rl.addWidget(self.record_title)
        self.checked_words = QLabel(right)
        self.checked_words.setProperty("role", "muted")
        rl.addWidget(self.checked_words)
        self.form = RecordForm(self._schema, self.ctx.clock, ui_lang, right)
        self.form.edit_wanted.connect(self._edit_wanted)
        self.form.insert_wanted.connect(self._insert_wanted)
        self.form.remove_wanted.connect(self._remove_wanted)
        self.form_scroll = QScrollArea(right)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(self.form)
        rl.addWidget(self.form_scroll, 1)
        # below the form: the record's saved change history, and for an organisation the
        # contact note for its next check (kept office-side, undoable, saved with Spara)
        self.extra = QWidget(right)
        el = QHBoxLayout(self.extra)
        el.setContentsMargins(0, 6, 0, 0)
        self.history_box = QGroupBox(self.extra)
        hl = QVBoxLayout(self.history_box)
        self.history_view = QPlainTextEdit(self.history_box)
        self.history_view.setReadOnly(True)
        hl.addWidget(self.history_view)
        el.addWidget(self.history_box, 3)
        self.note_box = QGroupBox(self.extra)
        nl = QVBoxLayout(self.note_box)
        self.note_edit = QLineEdit(self.note_box)
        self.note_edit.editingFinished.connect(self._note_finished)
        nl.addWidget(self.note_edit)
        self.note_hint = QLabel(self.note_box)
        self.note_hint.setProperty("role", "muted")
        self.note_hint.setWordWrap(True)
        nl.addWidget(self.note_hint)
        nl.addStretch(1)
        el.addWidget(self.note_box, 2)
        self.extra.setMaximumHeight(190)
        rl.addWidget(self.extra)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([460, 1400])
        lay.addWidget(split, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Katalogen: {area}").format(area=self.area_id))
        self.undo_button.setText(self.tr("Ångra"))
        self.undo_button.setToolTip(self.tr("Ångra (Ctrl+Z)"))
        self.redo_button.setText(self.tr("Gör om"))
        self.redo_button.setToolTip(self.tr("Gör om (Ctrl+Shift+Z eller Ctrl+Y)"))
        self.undo_action.setText(self.tr("Ångra"))
        self.redo_action.setText(self.tr("Gör om"))
        self.check_button.setText(self.tr("Kontrollerad idag"))
        self.check_button.setToolTip(
            self.tr("Du har kontrollerat uppgifterna i dag: datumet och ditt namn sparas.")
        )
        self.save_button.setText(self.tr("Spara"))
        names = {
            "services": self.tr("Tjänster"),
            "organizations": self.tr("Organisationer"),
            "locations": self.tr("Platser"),
            "landmarks": self.tr("Landmärken"),
            "guides": self.tr("Lösningar"),
            "notices": self.tr("Meddelanden"),
        }
        for i, k in enumerate(EDITABLE_KINDS):
            self.kind_box.setItemText(i, names[k])
        self.search.setPlaceholderText(self.tr("Sök på namn eller id"))
        self.status_filter.setItemText(0, self.tr("Alla statusar"))
        for i, s in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(i, value_word(self, s))
        self.stale_filter.setText(self.tr("Inte kontrollerade på ett år"))
        self.history_box.setTitle(self.tr("Ändringshistorik"))
        self.history_view.setAccessibleName(self.tr("Ändringshistorik"))
        self.note_box.setTitle(self.tr("Kontaktanteckning inför nästa kontroll"))
        self.note_edit.setAccessibleName(self.tr("Kontaktanteckning inför nästa kontroll"))
        self.note_edit.setPlaceholderText(self.tr("Vem frågar vi, hur och när?"))
        self.note_hint.setText(
            self.tr("Stannar på kontoret: den följer inte med till surfplattorna.")
        )
        # a screen reader names each control (the combo boxes show only their current choice)
        for widget, name in (
            (self.kind_box, self.tr("Slag av post")),
            (self.search, self.tr("Sök på namn eller id")),
            (self.status_filter, self.tr("Filtrera på status")),
            (self.group_filter, self.tr("Filtrera på målgrupp")),
            (self.need_filter, self.tr("Filtrera på behov")),
            (self.list, self.tr("Poster")),
        ):
            widget.setAccessibleName(name)
        self._fill_term_filters()
        self.model.lang = ui_lang()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.record_id is not None and self.isVisible():
                self._show_record()  # labels and chips in the new language
        super().changeEvent(event)

    def _fill_term_filters(self) -> None:
        for box, which, all_words in (
            (self.group_filter, "groups", self.tr("Alla målgrupper")),
            (self.need_filter, "needs", self.tr("Alla behov")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(all_words, "")
            lang = ui_lang()
            for code, (sv, en) in self.terms().items():
                if code.split(".")[-2:-1] == [which[:-1]]:
                    box.addItem(en if lang == "en" else sv, code)
            i = box.findData(current)
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)

    def terms(self) -> dict[str, tuple[str, str]]:
        """Every taxonomy code the area may use → (sv, en): the base taxonomy and its own."""
        out: dict[str, tuple[str, str]] = {}
        docs: list[Any] = [base_taxonomy()]
        if self.session is not None:
            docs.append(self.session.documents().get("taxonomy.json") or {})
        for doc in docs:
            for key in ("groups", "needs", "handover"):
                for t in doc.get(key, []) if isinstance(doc, dict) else []:
                    if isinstance(t, dict) and isinstance(t.get("code"), str):
                        sv = str(t.get("sv") or t["code"])
                        out[t["code"]] = (sv, str(t.get("en") or sv))
        return out

    # ------------------------------------------------------------------ opening

    def _opened(self, session: EditSession) -> None:
        self.session = session
        # restored from the draft: undoable like new ones, one step per field as typed
        session.edits[:] = merge_typing(session.edits)
        for e in list(session.edits):
            self._push_command(
                EditCommand(
                    session, e, self._describe(e), self._after_edit, applied=True, mergeable=False
                )
            )
        lang = ui_lang()
        if session.notice is not None:
            self.message.setText(session.notice.message(lang))
        else:
            self.message.setText("")
        self._set_enabled(True)
        self._fill_term_filters()
        self.refresh_list()
        if self._pending is not None:
            kind, rid = self._pending
            self._pending = None
            self.open_record(kind, rid)
        elif self.model.total:
            self.list.setCurrentIndex(self.model.index(0))
        self._update_buttons()
        self.opened.emit()

    def _failed(self, err: KompassenError) -> None:
        self.message.setText(err.message(ui_lang()))
        self.message.setProperty("role", "warning")
        self._polish(self.message)
        self._set_enabled(self.session is not None)

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.kind_box,
            self.search,
            self.list,
            self.form,
            self.save_button,
            self.check_button,
        ):
            w.setEnabled(on)
        if on:
            self._update_buttons()

    # ------------------------------------------------------------------ the list

    def filters(self) -> Filters:
        return Filters(
            text=self.search.text().strip(),
            status=self.status_filter.currentData() or "",
            stale=self.stale_filter.isChecked(),
            group=self.group_filter.currentData() or "",
            need=self.need_filter.currentData() or "",
        )

    def refresh_list(self) -> None:
        if self.session is None:
            return
        today = self.ctx.clock.now().date()
        keep = self.record_id
        self._list_timer.stop()
        self._kind_total = len(self.session.records(self.kind))
        self.model.set_records(filtered(self.session, self.kind, self.filters(), today))
        self._update_count()
        if keep is not None:
            row = self.model.row_of(keep)
            if row >= 0:
                self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(self.model.index(row))
                self.list.selectionModel().blockSignals(False)

    def _update_count(self) -> None:
        if self.session is None:
            self.count.setText("")
            return
        self.count.setText(
            self.tr("%n av {total} visas", "", self.model.total).format(total=self._kind_total)
        )

    def _kind_changed(self, _i: int) -> None:
        self.kind = self.kind_box.currentData()
        has_status = self.kind == "services"
        self.status_filter.setVisible(has_status)
        self.group_filter.setVisible(self.kind in ("services", "guides"))
        self.need_filter.setVisible(self.kind in ("services", "guides"))
        self.stale_filter.setVisible(self.kind in CHECKABLE)
        self.record_id = None
        self.refresh_list()
        if self.model.total:
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self._show_record()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = self.model.ref(current.row())
        if ref is not None and ref.record_id != self.record_id:
            self.record_id = ref.record_id
            self._show_record()

    def open_record(self, kind: str, record_id: str) -> bool:
        """Show one record (the start page's worklist jumps here); False when it is not there.

        ``kind`` is the editor's ("services") or the worklist's record type ("service").
        """
        kind = kind_of(kind)
        if self.session is None:
            self._pending = (kind, record_id)
            return True
        if kind not in EDITABLE_KINDS or not self.session.has(kind, record_id):
            self.message.setText(
                self.tr("{what} {id} finns inte i katalogen.").format(what=kind, id=record_id)
            )
            return False
        if kind != self.kind:
            self.kind_box.setCurrentIndex(EDITABLE_KINDS.index(kind))
        row = self.model.row_of(record_id)
        if row < 0:  # filtered out: show everything again
            self.search.clear()
            for box in (self.status_filter, self.group_filter, self.need_filter):
                box.setCurrentIndex(0)
            self.stale_filter.setChecked(False)
            row = self.model.row_of(record_id)
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(self.model.index(row))
        if self.record_id != record_id:
            self.record_id = record_id
            self._show_record()
        return True

    def new_record(self, kind: str, record: dict[str, Any]) -> str:
        """Add a new record (one undoable step, saved with Spara) and show it; the inbox's
        "Gör en lösning av detta" starts a guide from a report here. Returns its id (made
        unique if the catalogue has it already)."""
        kind = kind_of(kind)
        spec = KIND_BY_NAME[kind]
        record = dict(record)
        base = str(record[spec.id_field])
        if self.session is None:  # still reading the area: as soon as it has

            def once() -> None:
                self.opened.disconnect(once)
                self.new_record(kind, record)

            self.opened.connect(once)
            return base
        rid, n = base, 2
        while self.session.has(kind, rid):
            rid, n = f"{base}-{n}", n + 1
        record[spec.id_field] = rid
        self._push(self.session.add_record_edit(kind, record), mergeable=False)
        self.refresh_list()
        self.open_record(kind, rid)
        return rid

    # ------------------------------------------------------------------ the form

    def _show_record(self) -> None:
        s = self.session
        if s is None or self.record_id is None or not s.has(self.kind, self.record_id):
            self.record_title.setText(self.tr("Välj en post i listan."))
            self.checked_words.setText("")
            self.form.setVisible(False)
            return
        spec = KIND_BY_NAME[self.kind]
        rec = s.record(self.kind, self.record_id)
        self.form.setVisible(True)
        self.form.show_record(
            self.kind,
            self.record_id,
            rec,
            self.form.item_schema(spec.file, spec.list_key),
            self.terms(),
        )
        self._update_title()
        self._show_extra()
        self.check_button.setEnabled(self.kind in CHECKABLE)
        self.validate_now()

    def _show_extra(self) -> None:
        """The record's saved history (newest first) and, for an organisation, its note."""
        s = self.session
        if s is None or self.record_id is None:
            return
        rows = s.history(self.kind, self.record_id)
        lines = [
            f"{r.updated_at[:16].replace('T', ' ')} · {r.updated_by} · "
            + (
                self.tr("kontrollerad")
                if r.action == "verify"
                else f"{r.field}: {_short(r.previous)} → {_short(r.replacement)}"
            )
            for r in reversed(rows)
        ]
        self.history_view.setPlainText(
            "\n".join(lines) if lines else self.tr("Inga sparade ändringar ännu.")
        )
        is_org = self.kind == "organizations"
        self.note_box.setVisible(is_org)
        if is_org and not self.note_edit.hasFocus():
            self.note_edit.setText(s.contact_note(self.record_id))

    def _note_finished(self) -> None:
        s = self.session
        if s is None or self.kind != "organizations" or self.record_id is None:
            return
        edit = s.contact_note_edit(self.record_id, self.note_edit.text().strip())
        if edit is not None:
            self._push(edit, mergeable=False)

    def _update_title(self) -> None:
        s = self.session
        if s is None or self.record_id is None or not s.has(self.kind, self.record_id):
            return
        rec = s.record(self.kind, self.record_id)
        sv, en = record_name(KIND_BY_NAME[self.kind], rec)
        self.record_title.setText(en if ui_lang() == "en" else sv)
        words = []
        if self.kind in CHECKABLE:
            when = rec.get("verified_at")
            if not when:
                words.append(self.tr("Aldrig kontrollerad"))
            elif when == "unknown":
                words.append(self.tr("Inte känt när uppgifterna senast kontrollerades"))
            else:
                words.append(self.tr("Kontrollerad {when}").format(when=when))
            last = s.last_checked(self.kind, self.record_id)
            if last is not None:
                words.append(
                    self.tr("senast av {who} {at}").format(
                        who=last.updated_by, at=last.updated_at[:10]
                    )
                )
        self.checked_words.setText(", ".join(words))

    def set_user(self, name: str) -> None:
        """Who saves and checks from now on (the window calls it after a sign-in)."""
        self.user = name

    def _who(self) -> str:
        return self.user or getpass.getuser() or "office"

    def _push(self, edit: Edit, *, mergeable: bool = True) -> None:
        assert self.session is not None
        self._push_command(
            EditCommand(
                self.session, edit, self._describe(edit), self._after_edit, mergeable=mergeable
            )
        )

    def _push_command(self, cmd: EditCommand) -> None:
        # the Python side of every command stays referenced while the stack may hold it: a
        # collected wrapper would leave the stack calling into a deleted override
        self._commands.append(cmd)
        self.stack.push(cmd)

    def _describe(self, edit: Edit) -> str:
        last = [p for p in edit.path.split("/") if p and not p.isdigit()]
        field = field_label(self, last[-1]) if last else edit.kind
        return self.tr("Ändra {field}").format(field=field)

    def _edit_wanted(self, pointer: str, value: Any) -> None:
        s = self.session
        if s is None or self.record_id is None:
            return
        e = s.edit(self.kind, self.record_id, pointer, value)
        if e.old == e.new and type(e.old) is type(e.new):
            return
        self._origin = pointer
        try:
            self._push(e)
        finally:
            self._origin = None

    def _insert_wanted(self, list_pointer: str, item: Any) -> None:
        s = self.session
        if s is None or self.record_id is None:
            return
        current = s.value(self.kind, self.record_id, list_pointer)
        if current is ABSENT:  # a list the record does not have yet: the list with one item
            self._push(s.edit(self.kind, self.record_id, list_pointer, [item]), mergeable=False)
        else:
            self._push(
                s.list_insert_edit(self.kind, self.record_id, list_pointer, item), mergeable=False
            )

    def _remove_wanted(self, list_pointer: str, index: int) -> None:
        s = self.session
        if s is None or self.record_id is None:
            return
        self._push(
            s.list_remove_edit(self.kind, self.record_id, list_pointer, index), mergeable=False
        )

    def _after_edit(self, edit: Edit, applied: bool) -> None:
        """After redo or undo: show the record it changed, with its values and problems."""
        s = self.session
        if s is None:
            return
        if edit.kind == "contact_notes":  # an organisation's note: shown beside its form
            if edit.record_id != self.record_id and s.has("organizations", edit.record_id):
                self.open_record("organizations", edit.record_id)
            else:
                self.note_edit.setText(s.contact_note(edit.record_id))
            self._update_buttons()
            return
        if (edit.kind, edit.record_id) != (self.kind, self.record_id) and s.has(
            edit.kind, edit.record_id
        ):
            self.open_record(edit.kind, edit.record_id)  # undo jumps to what it undoes
        elif self.record_id is not None and s.has(self.kind, self.record_id):
            self.form.sync(s.record(self.kind, self.record_id), skip=self._origin)
            self._update_title()
        if edit.path in ("/name", "/title", "/title/sv", "/title/en", "/text/sv", ""):
            self._list_timer.start()  # the list shows the new name once typing pauses
        self._validate_timer.start()
        self._update_buttons()

    def validate_now(self) -> None:
        """The validator's messages for the record shown, under their fields."""
        self._validate_timer.stop()
        s = self.session
        if s is None or self.record_id is None or not s.has(self.kind, self.record_id):
            return
        self.form.show_problems(s.problems(self.kind, self.record_id), ui_lang())

    def _index_changed(self, _index: int) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        if not shiboken6.isValid(self.stack):  # the page is being deleted
            return
        self.undo_button.setEnabled(self.stack.canUndo())
        self.redo_button.setEnabled(self.stack.canRedo())
        dirty = self.session is not None and self.session.dirty
        self.save_button.setEnabled(dirty)
        self.undo_action.setEnabled(self.stack.canUndo())
        self.redo_action.setEnabled(self.stack.canRedo())
        if self.session is not None and self.session.draft_error is not None:
            self.message.setText(self.session.draft_error.message(ui_lang()))

    # ------------------------------------------------------------------ actions

    def mark_checked(self) -> None:
        """ "Kontrollerad idag": verified_at = today, as an undoable edit with who checked."""
        s = self.session
        if s is None or self.record_id is None or self.kind not in CHECKABLE:
            return
        today = self.ctx.clock.now().date().isoformat()
        old = s.value(self.kind, self.record_id, "/verified_at")
        e = Edit(self.kind, self.record_id, "/verified_at", old, today, checked_by=self._who())
        self._push(e, mergeable=False)
        self.message.setText(self.tr("Markerad som kontrollerad i dag. Spara för att behålla det."))

    def save(self) -> None:
        """Validate the whole area and install it with its history, on the worker."""
        s = self.session
        if s is None or not s.dirty:
            return
        who, now = self._who(), self.ctx.clock.now()
        self._set_enabled(False)
        self.message.setText(self.tr("Sparar…"))
        self.worker.submit(
            lambda _r: s.save(who, now), key="save", done=self._saved, failed=self._save_failed
        )

    def _saved(self, result: SaveResult) -> None:
        self.stack.clear()  # the saved edits are the catalogue now; undo starts afresh
        self._commands.clear()
        self._set_enabled(True)
        self.message.setProperty("role", "")
        self._polish(self.message)
        self.message.setText(
            self.tr(
                "Sparat: %n poster ändrade, katalogversion {v}.", "", result.records_changed
            ).format(v=result.catalogue_version)
        )
        self.refresh_list()
        if self.record_id is not None:
            self._show_record()
        self.saved.emit(result)

    def _save_failed(self, err: KompassenError) -> None:
        self._set_enabled(True)
        self.message.setText(err.message(ui_lang()))
        if isinstance(err, SaveRefused) and err.problems:
            first = next(
                (p for p in err.problems if p.kind in EDITABLE_KINDS and p.record_id), None
            )
            if first is not None:
                self.open_record(first.kind, first.record_id)
        self.validate_now()

    def shutdown(self) -> None:
        """Stop the worker (the window closes; the draft on disk holds unsaved edits)."""
        self.worker.close(drain=True)

    @staticmethod
    def _polish(w: QWidget) -> None:
        w.style().unpolish(w)
        w.style().polish(w)


def _short(value: Any) -> str:
    """A value of the change history in one short line ("–" when it did not exist)."""
    if value is None:
        return "–"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"
