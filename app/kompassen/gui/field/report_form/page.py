"""The report form: what the worker saw, in taps first and a few words second.

One scrolling column, top to bottom: type, place, time, who and what (the same chips as the
search), free text with a live privacy warning, an optional linked service, then "Skicka".
Every change is saved as a draft (debounced, yet at most a second late while typing goes
on, and at once when the page is hidden or the app quits), so a report survives a flat
battery. "Skicka" seals the report into the outbox and deletes the draft in one
transaction; nothing here waits for the network. Both writes
go to the device.db worker (``svc.device``: an fsync each, never on the GUI thread); the page
drains it before reading drafts back, and the window drains it before the app exits.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompassen.core import privacy
from kompassen.core.clock import STOCKHOLM
from kompassen.core.errors import KompassenError
from kompassen.core.model import Text
from kompassen.core.report import KIND_LABELS, KINDS, MAX_TEXT, Report, missing_fields
from kompassen.gui.field.report_form.drafts_list import DraftsList
from kompassen.gui.field.report_form.privacy_box import PrivacyBox
from kompassen.gui.field.report_form.service_picker import ServicePicker
from kompassen.gui.field.report_form.time_picker import TimePicker
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.flow_layout import flow_widget
from kompassen.gui.widgets.touch import button, clear_layout, fit_popup, label, scroll_column
from kompassen.reports.drafts import new_draft_id

SAVE_DELAY_MS = 400  # a draft is saved this long after the last change (and on hide)
# ... and at most this long after the first unsaved one: steady typing never pauses 400 ms,
# and a kill -9 must not take more than the last second of it
SAVE_MAX_WAIT_MS = 1000
SCAN_DELAY_MS = 300  # the privacy scan runs this long after the last keystroke
OTHER_PLACE = "__other__"  # the place combo's "Annan plats" item

log = logging.getLogger(__name__)


def has_content(fields: Mapping[str, Any]) -> bool:
    """Whether the form holds anything worth keeping as a draft."""
    return bool(
        str(fields.get("text") or "").strip()
        or fields.get("needs")
        or fields.get("groups")
        or fields.get("service_id")
        or str(fields.get("place_text") or "").strip()
    )


class ReportPage(QWidget):
    """The form. ``start(prefill)`` opens it; ``fields()`` is what a draft or report holds.

    ``message`` carries a confirmation for the window's status line (the page itself goes
    back after sending, so its own label would not be seen).
    """

    message = Signal(str)
    submitted = Signal(str)  # the outbox uuid

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.draft_id: str | None = None
        self.area_id = svc.state.area.id
        self._built_area: str | None = None
        self._loading = False
        self._dirty = False
        self._chips: dict[str, QPushButton] = {}
        self._chip_kinds: dict[str, str] = {}
        self._chip_labels: dict[str, Text] = {}  # kept: retranslating must not hit the db
        self.sending = False  # a report is with the device worker: the form waits for it

        self.scroll_area, self.column, col = scroll_column(self, 900)

        top = QHBoxLayout()
        self.heading = label("", "heading", self.column)
        top.addWidget(self.heading, 1)
        self.saved_label = label("", "muted", self.column, wrap=False)
        top.addWidget(self.saved_label, 0, Qt.AlignmentFlag.AlignBottom)
        col.addLayout(top)
        self.intro = label("", "muted", self.column)
        col.addWidget(self.intro)

        self._build_offer(col)

        # type
        self.kind_title = self._section(col)
        self.kind_box, kind_flow = flow_widget(self.column)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(KINDS):
            b = button("", parent=self.kind_box)
            b.setCheckable(True)
            b.setMinimumHeight(TOUCH_PX + 8)
            self.kind_group.addButton(b, i)
            kind_flow.addWidget(b)
            self.kind_buttons[kind] = b
        col.addWidget(self.kind_box)

        # place
        self.place_title = self._section(col)
        self.place_combo = QComboBox(self.column)
        self.place_combo.setMinimumHeight(TOUCH_PX)
        fit_popup(self.place_combo)
        self.place_combo.setMinimumContentsLength(18)
        self.place_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        col.addWidget(self.place_combo)
        self.place_edit = QLineEdit(self.column)
        self.place_edit.setMinimumHeight(TOUCH_PX)
        self.place_edit.setMaxLength(200)
        col.addWidget(self.place_edit)

        # time
        self.time_title = self._section(col)
        self.time = TimePicker(svc.clock, self.column, col)

        # who and what
        self.groups_title = self._section(col)
        self.groups_box, self.groups_flow = flow_widget(self.column)
        col.addWidget(self.groups_box)
        self.needs_title = self._section(col)
        self.needs_box, self.needs_flow = flow_widget(self.column)
        col.addWidget(self.needs_box)

        # text and privacy
        self.text_title = self._section(col)
        self.text_edit = QPlainTextEdit(self.column)
        self.text_edit.setMinimumHeight(TOUCH_PX * 3)
        self.text_edit.setTabChangesFocus(True)
        col.addWidget(self.text_edit)
        self.count_label = label("", "muted", self.column, wrap=False)
        col.addWidget(self.count_label)
        self.privacy = PrivacyBox(self.column)
        col.addWidget(self.privacy)

        # linked service
        self.service_title = self._section(col)
        self.service = ServicePicker(svc, self.column, col)

        # sending
        col.addSpacing(8)
        self.problems_label = label("", "warning", self.column)
        col.addWidget(self.problems_label)
        self.result_label = label("", "", self.column)
        self.result_label.hide()
        col.addWidget(self.result_label)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        self.cancel_button = button("", parent=self.column)
        self.cancel_button.setMinimumHeight(64)
        self.send_button = button("", role="primary", parent=self.column)
        self.send_button.setMinimumHeight(64)
        actions.addWidget(self.cancel_button, 1)
        actions.addWidget(self.send_button, 2)
        col.addLayout(actions)

        col.addSpacing(16)
        self.drafts_list = DraftsList(svc, self.column)
        col.addWidget(self.drafts_list)
        col.addStretch(1)

        self._save_timer = self._timer(SAVE_DELAY_MS, self.save_draft)
        self._save_deadline = self._timer(SAVE_MAX_WAIT_MS, self.save_draft)
        self._scan_timer = self._timer(SCAN_DELAY_MS, self.scan_text)

        self.kind_group.idClicked.connect(lambda _i: self._changed())
        self.place_combo.activated.connect(self._place_chosen)
        self.place_edit.textEdited.connect(lambda _t: self._changed())
        self.time.changed.connect(self._changed)
        self.text_edit.textChanged.connect(self._text_changed)
        self.privacy.mask_button.clicked.connect(self.mask_text)
        self.privacy.send_anyway.connect(self.submit)  # the second yes to unmasked findings
        self.service.changed.connect(self._changed)
        self.send_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.drafts_list.open_requested.connect(self.open_draft)
        self.drafts_list.deleted.connect(self._draft_deleted)
        svc.state.language_changed.connect(self.retranslate)
        svc.state.area_changed.connect(self._area_changed)
        svc.theme.changed.connect(self._style_text)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)  # a method: disconnected when the page goes

        self._build_area(self.area_id)
        self._style_text()
        self.retranslate()
        self._tab_order()
        self._reset({})

    # ------------------------------------------------------------------ building

    def _timer(self, ms: int, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    def _style_text(self) -> None:
        """Rules the app style sheet lacks: a text area like the fields, a disabled "Skicka"."""
        p = self.svc.theme.palette
        self.text_edit.setStyleSheet(
            f"QPlainTextEdit {{ background: {p.surface}; color: {p.text};"
            f" border: 1px solid {p.border}; border-radius: 10px; padding: 6px 8px;"
            f" selection-background-color: {p.accent}; selection-color: {p.accent_text}; }}"
            f" QPlainTextEdit:focus {{ border: 3px solid {p.accent}; }}"
        )
        # the app style sheet gives a disabled primary button its enabled colours
        self.send_button.setStyleSheet(
            f"QPushButton:disabled {{ background: {p.surface_alt}; color: {p.text_muted};"
            f" border: 1px dashed {p.border}; }}"
        )

    def _section(self, col: QVBoxLayout) -> QLabel:
        lab = label("", "section", self.column)
        lab.setIndent(0)
        col.addWidget(lab)
        return lab

    def _build_offer(self, col: QVBoxLayout) -> None:
        """ "Fortsätt på utkastet?": shown when the page opens empty and drafts exist."""
        self.offer = QFrame(self.column)
        self.offer.setProperty("role", "card")
        v = QVBoxLayout(self.offer)
        v.setContentsMargins(16, 10, 16, 10)
        self.offer_label = label("", "title", self.offer)
        v.addWidget(self.offer_label)
        self.offer_text = label("", "muted", self.offer)
        v.addWidget(self.offer_text)
        h = QHBoxLayout()
        h.setSpacing(12)
        self.offer_continue = button("", role="primary", parent=self.offer)
        self.offer_new = button("", parent=self.offer)
        h.addWidget(self.offer_continue)
        h.addWidget(self.offer_new)
        h.addStretch(1)
        v.addLayout(h)
        self.offer.hide()
        self._offer_id: str | None = None
        self.offer_continue.clicked.connect(
            lambda: self.open_draft(self._offer_id) if self._offer_id else None
        )
        self.offer_new.clicked.connect(self.offer.hide)
        col.addWidget(self.offer)

    def _build_area(self, area_id: str) -> None:
        """Landmarks and chips of the report's area (a draft may be from another area)."""
        if area_id == self._built_area:
            return
        self._built_area = area_id
        lang = self.svc.state.lang
        self._loading = True
        self.place_combo.clear()
        self.place_combo.addItem("", None)  # "Ingen särskild plats", named in retranslate
        for lm in self.svc.reader.landmarks(area_id):
            self.place_combo.addItem(lm.name, lm.id)
        self.place_combo.addItem("", OTHER_PLACE)
        for flow in (self.groups_flow, self.needs_flow):
            clear_layout(flow)
        self._chips.clear()
        self._chip_kinds.clear()
        self._chip_labels.clear()
        for t in self.svc.reader.terms(area_id):
            if t.kind not in ("group", "need"):
                continue
            b = button(t.label.get(lang), parent=self.column)
            b.setProperty("role", "chip")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False: self._changed())
            (self.groups_flow if t.kind == "group" else self.needs_flow).addWidget(b)
            self._chips[t.code] = b
            self._chip_kinds[t.code] = t.kind
            self._chip_labels[t.code] = t.label
        self._loading = False
        self._name_places()
        self._tab_order()

    def _tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.kind_buttons.values(),
            self.place_combo,
            self.place_edit,
            *self.time.widgets(),
            *self._chips.values(),
            self.text_edit,
            self.privacy.mask_button,
            self.service.remove,
            self.service.search,
            self.cancel_button,
            self.send_button,
        ]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        """Every text the page writes itself; kinds and chips follow the catalogue language."""
        lang = self.svc.state.lang
        self.heading.setText(self.tr("Rapportera"))
        self.intro.setText(
            self.tr(
                "Rapporten går krypterad till kontoret. Skriv vad som hände, inte vem det gällde."
            )
        )
        self.kind_title.setText(self.tr("Vad gäller rapporten?"))
        for kind, b in self.kind_buttons.items():
            name = KIND_LABELS[kind][lang == "en"]
            b.setText(name)
            b.setAccessibleName(self.tr("Typ: {name}").format(name=name))
        self.place_title.setText(self.tr("Var?"))
        self.place_combo.setAccessibleName(self.tr("Plats"))
        self.place_edit.setPlaceholderText(self.tr("Beskriv platsen, t.ex. ”bakom busskuren”"))
        self.place_edit.setAccessibleName(self.tr("Annan plats: beskriv platsen"))
        self._name_places()
        self.time_title.setText(self.tr("När?"))
        self.time.retranslate()
        self.groups_title.setText(self.tr("Vem gäller det?"))
        self.needs_title.setText(self.tr("Vad behövs?"))
        self.text_title.setText(self.tr("Beskriv"))
        self.text_edit.setPlaceholderText(
            self.tr("Vad hände, vad saknades? Inga namn, inga personnummer.")
        )
        self.text_edit.setAccessibleName(self.tr("Rapportens text"))
        self.privacy.retranslate(lang)
        self.service_title.setText(self.tr("Gäller en tjänst (valfritt)"))
        self.service.retranslate()
        self.cancel_button.setText(self.tr("Avbryt"))
        self.cancel_button.setAccessibleName(self.tr("Avbryt och spara utkastet"))
        self.send_button.setText(self.tr("Skicka"))
        self.send_button.setAccessibleName(self.tr("Skicka rapporten"))
        self.offer_continue.setText(self.tr("Fortsätt på utkastet"))
        self.offer_continue.setAccessibleName(self.tr("Fortsätt det senaste utkastet"))
        self.offer_new.setText(self.tr("Ny rapport"))
        self.offer_new.setAccessibleName(self.tr("Börja en ny rapport"))
        for code, b in self._chips.items():
            b.setText(self._chip_labels[code].get(lang))
            b.setAccessibleName(self._chip_labels[code].get(lang))
        self._show_count()
        self._show_problems()

    def _name_places(self) -> None:
        self.place_combo.setItemText(0, self.tr("Ingen särskild plats"))
        self.place_combo.setItemText(self.place_combo.count() - 1, self.tr("Annan plats…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ opening

    def start(self, prefill: Mapping[str, Any] | None = None) -> None:
        """Open the form: a new report from ``prefill``, or what was open, or offer a draft.

        A prefilled report is saved as a draft at once: the worker came with something to say.
        """
        self.flush(wait=True)  # what follows reads the drafts back
        self.result_label.hide()
        if prefill:
            self.draft_id = None
            self._reset(prefill)
            self.save_draft()
        elif self.draft_id is None or self.svc.drafts.get(self.draft_id) is None:
            self.draft_id = None
            self._reset({})
            drafts = self.svc.drafts.list()
            if drafts:
                newest = drafts[0]
                self._offer_id = newest.id
                self.offer_label.setText(
                    self.tr("Vill du fortsätta på ditt utkast? {s}").format(
                        s=self.drafts_list.summary(newest)
                    )
                )
                self.offer_text.setText(self.drafts_list.excerpt(newest))
                self.offer_text.setVisible(bool(self.offer_text.text()))
                self.offer.show()
        self.drafts_list.refresh(self.draft_id)
        self.scroll_area.verticalScrollBar().setValue(0)  # wherever the last visit left it

    def open_draft(self, draft_id: str | None) -> None:
        """Load a saved draft into the form (the one open now is saved first)."""
        if not draft_id:
            return
        self.flush(wait=True)
        draft = self.svc.drafts.get(draft_id)
        if draft is None:
            self.drafts_list.refresh(self.draft_id)
            return
        self.draft_id = draft.id
        self._reset(draft.fields, restoring=True)
        self.saved_label.setText(self._saved_text(draft.updated_at))
        self.drafts_list.refresh(self.draft_id)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _reset(self, f: Mapping[str, Any], restoring: bool = False) -> None:
        """Set every control from a prefill or a draft's fields, without saving."""
        self._loading = True
        self._stop_save_timers()
        self._dirty = False
        self.offer.hide()
        self.area_id = str(f.get("area_id") or self.svc.state.area.id)
        self._build_area(self.area_id)
        self._loading = True
        kind = f.get("kind") if f.get("kind") in KINDS else "unsolved"
        self.kind_buttons[str(kind)].setChecked(True)
        # place: the prefill's landmark; a new empty report starts where the worker is
        if "landmark_id" in f or restoring:
            landmark = f.get("landmark_id")
        else:
            lm = self.svc.state.landmark
            landmark = lm.id if lm is not None and self.area_id == lm.area_id else None
        place_text = str(f.get("place_text") or "")
        i = self.place_combo.findData(landmark) if landmark else 0
        if place_text and not landmark:
            i = self.place_combo.count() - 1
        self.place_combo.setCurrentIndex(max(0, i))
        self.place_edit.setText(place_text)
        self.place_edit.setVisible(self.place_combo.currentData() == OTHER_PLACE)
        # time: a draft keeps the moment it was about; a new report is "now"
        occurred = None
        if f.get("occurred_at"):
            try:
                occurred = datetime.fromisoformat(str(f["occurred_at"])).astimezone(STOCKHOLM)
            except ValueError:
                occurred = None
        self.time.set_occurred(occurred)
        chosen = {str(c) for c in (*(f.get("groups") or ()), *(f.get("needs") or ()))}
        for code, b in self._chips.items():
            b.setChecked(code in chosen)
        self.text_edit.setPlainText(str(f.get("text") or ""))
        cursor = self.text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text_edit.setTextCursor(cursor)
        self.service.area_id = self.area_id
        self.service.reset(f.get("service_id") or None)
        self._loading = False
        self.saved_label.setText("")
        self.scan_text()
        self._show_count()
        self._show_problems()

    # ------------------------------------------------------------------ the fields

    def fields(self) -> dict[str, Any]:
        """The form as a report's fields (docs/SYNC.md), also what a draft stores."""
        place = self.place_combo.currentData()
        chosen = [code for code, b in self._chips.items() if b.isChecked()]
        return {
            "kind": self.kind(),
            "area_id": self.area_id,
            "occurred_at": self.time.occurred.isoformat(timespec="seconds"),
            "landmark_id": place if place not in (None, OTHER_PLACE) else None,
            "place_text": self.place_edit.text().strip() if place == OTHER_PLACE else "",
            "needs": [c for c in chosen if self._chip_kinds[c] == "need"],
            "groups": [c for c in chosen if self._chip_kinds[c] == "group"],
            "text": self.text_edit.toPlainText(),
            "service_id": self.service.service_id,
            "lang": self.svc.state.lang,
        }

    def kind(self) -> str:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), "")

    def _changed(self) -> None:
        """Any edit: note it, save soon, and tell what still blocks sending."""
        if self._loading:
            return
        if not self._save_deadline.isActive():
            self._save_deadline.start()  # the first unsaved change: saved within a second
        self._dirty = True
        self.result_label.hide()
        self._save_timer.start()  # restarted by every change: saved after a pause
        self._show_problems()

    # ------------------------------------------------------------------ drafts

    def save_draft(self) -> None:
        """Queue the form's save as its draft (an empty form deletes its draft instead).

        The draft is named here, so the next save replaces it even before this one is done;
        a newer save of the same draft replaces one still waiting (one fsync, not ten).
        """
        self._stop_save_timers()
        fields = self.fields()
        self._dirty = False
        if not has_content(fields):
            if self.draft_id is not None:
                gone, self.draft_id = self.draft_id, None
                self.svc.device.submit(
                    lambda s: s.drafts.delete(gone),
                    key=f"draft:{gone}",
                    failed=lambda err: self._draft_failed(gone, err),
                )
            self.saved_label.setText("")
            return
        draft_id = self.draft_id = self.draft_id or new_draft_id()
        self.svc.device.submit(
            lambda s: s.drafts.save(fields, draft_id),
            key=f"draft:{draft_id}",
            done=lambda _id: self._draft_saved(draft_id),
            failed=lambda err: self._draft_failed(draft_id, err),
        )

    def _stop_save_timers(self) -> None:
        self._save_timer.stop()
        self._save_deadline.stop()

    def _draft_saved(self, draft_id: str) -> None:
        if draft_id == self.draft_id and not self._dirty:
            self.saved_label.setText(self._saved_text(self.svc.clock.now().isoformat()))

    def _draft_failed(self, draft_id: str | None, err: KompassenError) -> None:
        """Full disk and the like: say so; the text stays on screen and the next change retries."""
        if draft_id != self.draft_id:
            return
        self._dirty = True
        self.saved_label.setText(self.tr("Utkastet kunde inte sparas"))
        self._result(err.message(self.svc.state.lang), "closed")

    def _saved_text(self, at: str) -> str:
        try:
            t = datetime.fromisoformat(at).astimezone(STOCKHOLM).strftime("%H:%M")
        except ValueError:
            t = at
        return self.tr("Utkast sparat {t}").format(t=t)

    def flush(self, wait: bool = False) -> None:
        """Save a pending change at once (the page is hidden, the app quits).

        ``wait``: also until every queued write is on disk, with its answer shown (before the
        app quits, and before the page reads drafts back).
        """
        if self._dirty:
            self.save_draft()
        if wait:
            self.svc.device.drain()

    def _quitting(self) -> None:
        self.flush(wait=True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def _area_changed(self) -> None:
        """Another area: an empty form follows it; a draft keeps its own area."""
        if not has_content(self.fields()):
            self.flush()
            self.draft_id = None
            self._reset({})

    def _draft_deleted(self, draft_id: str) -> None:
        if draft_id == self._offer_id:
            self.offer.hide()

    # ------------------------------------------------------------------ place and time

    def _place_chosen(self, _index: int) -> None:
        other = self.place_combo.currentData() == OTHER_PLACE
        self.place_edit.setVisible(other)
        if other:
            self.place_edit.setFocus()
        self._changed()

    # ------------------------------------------------------------------ text and privacy

    def _text_changed(self) -> None:
        self._show_count()
        self._scan_timer.start()
        self._changed()

    def _show_count(self) -> None:
        n = len(self.text_edit.toPlainText())
        self.count_label.setText(self.tr("{n} av {max} tecken").format(n=n, max=MAX_TEXT))
        self.count_label.setProperty("role", "warning" if n > MAX_TEXT else "muted")
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    def scan_text(self) -> None:
        """Look for what points at a person; warn, never block."""
        self._scan_timer.stop()
        self.privacy.scan(self.text_edit.toPlainText(), self.svc.state.lang)

    def mask_text(self) -> None:
        """Replace every finding with its placeholder ("[personnummer]")."""
        text = self.text_edit.toPlainText()
        masked = privacy.mask(text, privacy.scan(text))
        if masked != text:
            self.text_edit.setPlainText(masked)
        self.scan_text()
        self.save_draft()

    # ------------------------------------------------------------------ sending

    def problems(self) -> list[str]:
        """What still blocks "Skicka", in the worker's language."""
        lang = self.svc.state.lang
        return [p[lang == "en"] for p in missing_fields(self.fields())]

    def _show_problems(self) -> None:
        problems = self.problems()
        self.send_button.setEnabled(not problems)
        if problems:
            self.problems_label.setText(
                self.tr("Innan du kan skicka: {p}.").format(p="; ".join(problems))
            )
        self.problems_label.setVisible(bool(problems))

    def _result(self, text: str, role: str) -> None:
        self.result_label.setText(text)
        self.result_label.setProperty("role", role)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.show()

    def submit(self) -> None:
        """Seal the report into the outbox (deleting its draft) on the device worker.

        The form is disabled until the worker answers (``submitted`` then carries the uuid).
        Any failure is told in words and the draft stays, saved, for another try.
        """
        if self.sending:
            return
        if not self.privacy.confirm_send(self.text_edit.toPlainText(), self.svc.state.lang):
            return  # something points at a person, unmasked: the privacy box asks once more
        fields = self.fields()
        self._stop_save_timers()
        try:
            report = Report.from_dict(fields)
            key = self.svc.reader.area(report.area_id).sealing_public_key
        except KompassenError as err:
            self._submit_failed(err)
            return
        draft_id = self.draft_id
        self._set_sending(True)
        self._sent_kind = (report.area_id, report.kind)  # usage: the kind, never the text
        self.svc.device.submit(
            lambda s: s.outbox.submit(report, key, draft_id),
            done=self._submitted,
            failed=self._submit_failed,
        )

    def _set_sending(self, sending: bool) -> None:
        self.sending = sending
        self.column.setEnabled(not sending)

    def _submitted(self, uid: str) -> None:
        self._set_sending(False)
        area_id, kind = getattr(self, "_sent_kind", ("", ""))
        if area_id:
            try:
                self.svc.events.record("report", area_id, detail={"kind": kind})
            except KompassenError:  # the report is queued: a lost count is no failure
                log.warning("the report's usage event was not stored")
        self.draft_id = None
        self._reset({})
        text = self.tr("Rapporten ligger i utkorgen och skickas när surfplattan har nät.")
        self._result(text, "open")
        self.drafts_list.refresh(None)
        self.submitted.emit(uid)
        self.message.emit(text)
        self.svc.nav.back()

    def _submit_failed(self, err: KompassenError) -> None:
        self._set_sending(False)
        self.save_draft()
        self._result(
            self.tr("Rapporten kunde inte läggas i utkorgen: {e} Utkastet finns kvar.").format(
                e=err.message(self.svc.state.lang)
            ),
            "closed",
        )

    def cancel(self) -> None:
        """Leave the form; the draft stays and the worker is told where it is."""
        self.flush()
        if self.draft_id is not None:
            self.message.emit(
                self.tr("Utkastet är sparat. Du hittar det under Rapporter → Visa utkast.")
            )
        self.svc.nav.back()
