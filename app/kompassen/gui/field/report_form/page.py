"""The report form: what the worker saw, in taps first and a few words second.

One scrolling column, top to bottom: type, place, time, who and what (the same chips as the
search), free text with a live privacy warning, an optional linked service, then "Skicka".
Every change is saved as a draft (debounced, and at once when the page is hidden or the
app quits), so a report survives a flat battery. "Skicka" seals the report into the outbox
and deletes the draft in one transaction; nothing here waits for the network. Both writes
go to the device.db worker (``svc.device``: an fsync each, never on the GUI thread); the page
drains it before reading drafts back, and the window drains it before the app exits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.core import privacy
from kompassen.core.clock import STOCKHOLM
from kompassen.core.errors import KompassenError
from kompassen.core.model import Text
from kompassen.core.report import KIND_LABELS, KINDS, MAX_TEXT, Report, missing_fields
from kompassen.gui.field.guides_page import WrapButton
from kompassen.gui.field.report_form.drafts_list import DraftsList
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.flow_layout import flow_widget
from kompassen.gui.widgets.touch import button, clear_layout, label, scroll_column
from kompassen.reports.drafts import new_draft_id

SAVE_DELAY_MS = 400  # a draft is saved this long after the last change (and on hide)
SCAN_DELAY_MS = 300  # the privacy scan runs this long after the last keystroke
SERVICE_SEARCH_DELAY_MS = 250
SERVICE_HITS = 5
OTHER_PLACE = "__other__"  # the place combo's "Annan plats" item
NOW, EARLIER, CHOSEN = 0, 1, 2  # the time buttons


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
        self._occurred = self._now()
        self._service_id: str | None = None
        self._service_ticket = 0
        self._chips: dict[str, QPushButton] = {}
        self._chip_kinds: dict[str, str] = {}
        self._chip_labels: dict[str, Text] = {}  # kept: retranslating must not hit the db
        self._findings: list[privacy.Finding] = []
        self.service_hits: list[QPushButton] = []
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
        self.time_box, time_flow = flow_widget(self.column)
        self.time_group = QButtonGroup(self)
        self.time_group.setExclusive(True)
        self.time_buttons: list[QPushButton] = []
        for i in range(3):
            b = button("", parent=self.time_box)
            b.setCheckable(True)
            self.time_group.addButton(b, i)
            time_flow.addWidget(b)
            self.time_buttons.append(b)
        col.addWidget(self.time_box)
        self.time_edit_box, edit_flow = flow_widget(self.column)
        self.time_edit = QDateTimeEdit(self.time_edit_box)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setMinimumSize(220, TOUCH_PX)
        edit_flow.addWidget(self.time_edit)
        self.minus_button = button("", parent=self.time_edit_box)
        self.plus_button = button("", parent=self.time_edit_box)
        edit_flow.addWidget(self.minus_button)
        edit_flow.addWidget(self.plus_button)
        col.addWidget(self.time_edit_box)
        self.time_label = label("", "", self.column)
        col.addWidget(self.time_label)

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
        self.privacy_box = QFrame(self.column)
        self.privacy_box.setProperty("role", "card")
        pl = QVBoxLayout(self.privacy_box)
        pl.setContentsMargins(16, 10, 16, 10)
        self.privacy_label = label("", "warning", self.privacy_box)
        pl.addWidget(self.privacy_label)
        ph = QHBoxLayout()
        self.mask_button = button("", parent=self.privacy_box)
        ph.addWidget(self.mask_button)
        ph.addStretch(1)
        pl.addLayout(ph)
        self.privacy_box.hide()
        col.addWidget(self.privacy_box)

        # linked service
        self.service_title = self._section(col)
        self.service_card = QFrame(self.column)
        self.service_card.setProperty("role", "card")
        sc = QHBoxLayout(self.service_card)
        sc.setContentsMargins(16, 8, 8, 8)
        self.service_name = label("", "title", self.service_card)
        sc.addWidget(self.service_name, 1)
        self.service_remove = button("", parent=self.service_card)
        sc.addWidget(self.service_remove, 0, Qt.AlignmentFlag.AlignVCenter)
        col.addWidget(self.service_card)
        self.service_search = QLineEdit(self.column)
        self.service_search.setMinimumHeight(TOUCH_PX)
        self.service_search.setClearButtonEnabled(True)
        col.addWidget(self.service_search)
        self.service_box = QVBoxLayout()
        self.service_box.setSpacing(6)
        col.addLayout(self.service_box)

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
        self._scan_timer = self._timer(SCAN_DELAY_MS, self.scan_text)
        self._service_timer = self._timer(SERVICE_SEARCH_DELAY_MS, self._search_services)

        self.kind_group.idClicked.connect(lambda _i: self._changed())
        self.place_combo.activated.connect(self._place_chosen)
        self.place_edit.textEdited.connect(lambda _t: self._changed())
        self.time_group.idClicked.connect(self._time_clicked)
        self.time_edit.dateTimeChanged.connect(self._time_edited)
        self.minus_button.clicked.connect(lambda: self._shift(-15))
        self.plus_button.clicked.connect(lambda: self._shift(15))
        self.text_edit.textChanged.connect(self._text_changed)
        self.mask_button.clicked.connect(self.mask_text)
        self.service_remove.clicked.connect(lambda: self.set_service(None))
        self.service_search.textEdited.connect(lambda _t: self._service_timer.start())
        self.send_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.drafts_list.open_requested.connect(self.open_draft)
        self.drafts_list.deleted.connect(self._draft_deleted)
        svc.runner.finished.connect(self._services_found)
        svc.state.language_changed.connect(self.retranslate)
        svc.state.area_changed.connect(self._area_changed)
        svc.theme.changed.connect(self._style_text)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: self.flush(wait=True))

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
            *self.time_buttons,
            self.time_edit,
            self.minus_button,
            self.plus_button,
            *self._chips.values(),
            self.text_edit,
            self.mask_button,
            self.service_remove,
            self.service_search,
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
        for b, text in zip(
            self.time_buttons,
            (self.tr("Nu"), self.tr("För 30 min sedan"), self.tr("Välj tid…")),
            strict=True,
        ):
            b.setText(text)
            b.setAccessibleName(self.tr("Tid: {t}").format(t=text.rstrip("…")))
        self.time_edit.setAccessibleName(self.tr("Datum och tid"))
        self.minus_button.setText(self.tr("−15 min"))
        self.minus_button.setAccessibleName(self.tr("15 minuter tidigare"))
        self.plus_button.setText(self.tr("+15 min"))
        self.plus_button.setAccessibleName(self.tr("15 minuter senare"))
        self.groups_title.setText(self.tr("Vem gäller det?"))
        self.needs_title.setText(self.tr("Vad behövs?"))
        self.text_title.setText(self.tr("Beskriv"))
        self.text_edit.setPlaceholderText(
            self.tr("Vad hände, vad saknades? Inga namn, inga personnummer.")
        )
        self.text_edit.setAccessibleName(self.tr("Rapportens text"))
        self.mask_button.setText(self.tr("Maskera"))
        self.mask_button.setAccessibleName(self.tr("Maskera uppgifterna som pekar ut personen"))
        self.service_title.setText(self.tr("Gäller en tjänst (valfritt)"))
        self.service_remove.setText(self.tr("Ta bort"))
        self.service_remove.setAccessibleName(self.tr("Ta bort kopplingen till tjänsten"))
        self.service_search.setPlaceholderText(self.tr("Sök tjänst att koppla"))
        self.service_search.setAccessibleName(self.tr("Sök tjänst att koppla"))
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
        self._show_time()
        self._show_count()
        self._show_findings()
        self._show_problems()
        if self._service_id:
            self._show_service()

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
        self._save_timer.stop()
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
        if occurred is None:
            self._occurred = self._now()
            self.time_buttons[NOW].setChecked(True)
            self.time_edit_box.hide()
        else:
            self._occurred = occurred
            self.time_buttons[CHOSEN].setChecked(True)
            self.time_edit_box.show()
        self._set_edit_time()
        chosen = {str(c) for c in (*(f.get("groups") or ()), *(f.get("needs") or ()))}
        for code, b in self._chips.items():
            b.setChecked(code in chosen)
        self.text_edit.setPlainText(str(f.get("text") or ""))
        cursor = self.text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text_edit.setTextCursor(cursor)
        self._service_id = f.get("service_id") or None
        self.service_search.clear()
        self._clear_service_hits()
        self._loading = False
        self.saved_label.setText("")
        self.scan_text()
        self._show_time()
        self._show_service()
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
            "occurred_at": self._occurred.isoformat(timespec="seconds"),
            "landmark_id": place if place not in (None, OTHER_PLACE) else None,
            "place_text": self.place_edit.text().strip() if place == OTHER_PLACE else "",
            "needs": [c for c in chosen if self._chip_kinds[c] == "need"],
            "groups": [c for c in chosen if self._chip_kinds[c] == "group"],
            "text": self.text_edit.toPlainText(),
            "service_id": self._service_id,
            "lang": self.svc.state.lang,
        }

    def kind(self) -> str:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), "")

    def _changed(self) -> None:
        """Any edit: note it, save soon, and tell what still blocks sending."""
        if self._loading:
            return
        self._dirty = True
        self.result_label.hide()
        self._save_timer.start()
        self._show_problems()

    # ------------------------------------------------------------------ drafts

    def save_draft(self) -> None:
        """Queue the form's save as its draft (an empty form deletes its draft instead).

        The draft is named here, so the next save replaces it even before this one is done;
        a newer save of the same draft replaces one still waiting (one fsync, not ten).
        """
        self._save_timer.stop()
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

    def _now(self) -> datetime:
        return self.svc.clock.now().astimezone(STOCKHOLM).replace(second=0, microsecond=0)

    def _time_clicked(self, which: int) -> None:
        if which == NOW:
            self._occurred = self._now()
        elif which == EARLIER:
            self._occurred = self._now() - timedelta(minutes=30)
        self.time_edit_box.setVisible(which == CHOSEN)
        self._set_edit_time()
        if which == CHOSEN:
            self.time_edit.setFocus()
        self._show_time()
        self._changed()

    def _set_edit_time(self) -> None:
        was, self._loading = self._loading, True
        o = self._occurred
        self.time_edit.setDateTime(QDateTime(o.date(), o.time().replace(second=0, microsecond=0)))
        self._loading = was

    def _time_edited(self, qdt: QDateTime) -> None:
        if self._loading:
            return
        d, t = qdt.date(), qdt.time()
        self._occurred = datetime(
            d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=STOCKHOLM
        )
        self._show_time()
        self._changed()

    def _shift(self, minutes: int) -> None:
        self._occurred = self._occurred + timedelta(minutes=minutes)
        self._set_edit_time()
        self._show_time()
        self._changed()

    def _show_time(self) -> None:
        o = self._occurred
        self.time_label.setText(
            self.tr("Tidpunkt: {d} kl. {t}").format(d=f"{o:%Y-%m-%d}", t=f"{o:%H:%M}")
        )

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
        self._findings = privacy.scan(self.text_edit.toPlainText())
        self._show_findings()

    def _show_findings(self) -> None:
        if not self._findings:
            self.privacy_box.hide()
            return
        lang = self.svc.state.lang
        kinds: list[str] = []
        for f in self._findings:
            if f.kind not in kinds:
                kinds.append(f.kind)
        words = [
            privacy.FINDING_LABELS[k][lang == "en"] if k in privacy.FINDING_LABELS else k
            for k in kinds
        ]
        self.privacy_label.setText(
            self.tr(
                "Texten verkar innehålla uppgifter som pekar ut en person: {what}. "
                "Skriv inte ut vem personen är."
            ).format(what=", ".join(words))
        )
        self.privacy_box.show()

    def mask_text(self) -> None:
        """Replace every finding with its placeholder ("[personnummer]")."""
        text = self.text_edit.toPlainText()
        masked = privacy.mask(text, privacy.scan(text))
        if masked != text:
            self.text_edit.setPlainText(masked)
        self.scan_text()
        self.save_draft()

    # ------------------------------------------------------------------ linked service

    def set_service(self, service_id: str | None) -> None:
        self._service_id = service_id
        self.service_search.clear()
        self._clear_service_hits()
        self._show_service()
        self._changed()

    def _service_name(self, service_id: str) -> str:
        try:
            return self.svc.reader.service(service_id).name
        except KeyError:
            return self.tr("{id} (finns inte längre i katalogen)").format(id=service_id)

    def _show_service(self) -> None:
        sid = self._service_id
        self.service_card.setVisible(bool(sid))
        self.service_search.setVisible(not sid)
        if sid:
            name = self._service_name(sid)
            self.service_name.setText(name)
            self.service_name.setAccessibleName(self.tr("Kopplad tjänst: {n}").format(n=name))

    def _search_services(self) -> None:
        text = self.service_search.text().strip()
        if not text:
            self._clear_service_hits()
            return
        q = SearchQuery(
            self.area_id, text=text, time_mode="any", lang=self.svc.state.lang, limit=SERVICE_HITS
        )
        self._service_ticket = self.svc.runner.submit("report-service", lambda s: s.search(q))

    def _services_found(self, key: str, ticket: int, result: object) -> None:
        if key != "report-service" or ticket != self._service_ticket:
            return
        if not isinstance(result, SearchResult) or self._service_id:
            return
        self._clear_service_hits()
        for hit in result.hits[:SERVICE_HITS]:
            text = f"{hit.name} · {hit.organization}" if hit.organization else hit.name
            b = WrapButton(text, self.tr("Koppla {name}").format(name=hit.name), self.column)
            b.clicked.connect(lambda _=False, sid=hit.id: self.set_service(sid))
            self.service_box.addWidget(b)
            self.service_hits.append(b)
        if not result.hits:
            lab = label(self.tr("Ingen tjänst med det namnet"), "muted", self.column)
            self.service_box.addWidget(lab)

    def _clear_service_hits(self) -> None:
        clear_layout(self.service_box)
        self.service_hits = []

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
        fields = self.fields()
        self._save_timer.stop()
        try:
            report = Report.from_dict(fields)
            key = self.svc.reader.area(report.area_id).sealing_public_key
        except KompassenError as err:
            self._submit_failed(err)
            return
        draft_id = self.draft_id
        self._set_sending(True)
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
