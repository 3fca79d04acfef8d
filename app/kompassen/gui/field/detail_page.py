"""The service detail page: everything a worker needs to hand a person over, on one page.

Read top to bottom in the order a handover happens: is it open, who do they take, how do I
hand over (phone numbers big), when are they open this week, how do we get there, can I trust
this data. Texts the GUI writes itself go through ``self.tr`` (Swedish sources); texts from the
catalogue and the core (opening status, weekdays, directions) take ``state.lang``. The page is
rebuilt from scratch whenever language or place changes: simpler and safer than patching
dozens of labels, and cheap (one service, a few queries).
"""

from __future__ import annotations

import calendar
import contextlib
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kompassen.core import geo
from kompassen.core.errors import KompassenError
from kompassen.core.hours import status, week_summary
from kompassen.core.model import Handover, Location, Phone, Service, Source
from kompassen.gui.field.services import FieldServices
from kompassen.gui.field.status_words import closure_words, ended_words
from kompassen.gui.field.words import catalogue_text, two_part_label
from kompassen.gui.widgets.touch import button, kinetic, label

if TYPE_CHECKING:
    from kompassen.gui.field.no_dialer import NoDialerDialog

# Verified longer ago than this (in days) and the page warns that the data may be out of date.
STALE_AFTER_DAYS = 365
# The two big buttons at the bottom are taller than the 48 px minimum: they are the goal.
BIG_BUTTON_PX = 64

_STATUS_ROLE = {"open": "open", "always": "open", "closed": "closed", "unknown": "unknown"}


def verified_date(verified_at: str) -> date | None:
    """The last day a partial date can mean ("2023" → 31 Dec 2023); None when unknown.

    Taking the latest possible day means a "more than a year ago" warning is always true.
    """
    try:
        if len(verified_at) == 10:
            return date.fromisoformat(verified_at)
        if len(verified_at) == 7 and verified_at[4] == "-":
            y, m = int(verified_at[:4]), int(verified_at[5:])
            return date(y, m, calendar.monthrange(y, m)[1])
        if len(verified_at) == 4 and verified_at.isdigit():
            return date(int(verified_at), 12, 31)
    except ValueError:
        return None
    return None


def dial_url(phone: Phone) -> QUrl:
    """``tel:`` (or ``sms:``) URL with only digits and a leading + kept: "08-508 40 000" → tel:0850840000."""
    digits = re.sub(r"[^\d+]", "", phone.number)
    return QUrl(f"{'sms' if phone.kind == 'sms' else 'tel'}:{digits}")


def _short_source(source: str) -> str:
    """Drop the scheme and "www." so long source URLs wrap less on a tablet."""
    return re.sub(r"^https?://(www\.)?", "", source)


class _Content(QWidget):
    """The scrolled page, sized by height-for-width only.

    Word-wrapped labels report the height they would need at their narrowest as their
    minimum; summed up that is far taller than the page, and QScrollArea would add that much
    empty space at the bottom. The layout still gives every label its height-for-width.
    """

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class DetailPage(QWidget):
    """One service in full, with the handover and report actions.

    ``show_service(id)`` opens a service; ``service_id`` is the one shown ("" before the
    first). ``open_url`` is what "Ring" calls (replaceable in tests): when it cannot dial
    (returns False: no phone app, a desktop without a ``tel:`` handler), the number is shown
    large to call from a phone. ``handover_recorded`` carries the service id after a
    handover event has been stored.
    """

    handover_recorded = Signal(str)

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.service_id = ""
        self.service: Service | None = None
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.no_dialer: NoDialerDialog | None = None  # built the first time "Ring" cannot dial
        self._confirmation: tuple[str, str] | None = None  # (service id, text) after a handover
        self._stale = False  # language or place changed while hidden: render when shown
        # set by each render, for the window and tests to reach the controls
        self.back_button: QPushButton | None = None
        self.handover_button: QPushButton | None = None
        self.report_button: QPushButton | None = None
        self.status_label: QLabel | None = None
        self.confirmation_label: QLabel | None = None
        self.week_rows: list[QFrame] = []
        self.phone_buttons: list[tuple[Phone, QPushButton, QPushButton]] = []
        self.source_labels: list[QLabel] = []  # one per fact with its source ("… enligt …")

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        kinetic(self._scroll)
        # One holder for the page's life; each render swaps the body inside it. Swapping the
        # scroll area's own widget would reparent the old tree and re-polish every label.
        self._holder = _Content()
        self._holder_layout = QVBoxLayout(self._holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        self._scroll.setWidget(self._holder)
        self._body: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

        # Only fires while this page is visible (Qt skips shortcuts of hidden widgets); turned
        # off in showEvent when the window binds Escape itself, since two would cancel out.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.activated.connect(self._back)

        svc.state.language_changed.connect(self.rerender)
        svc.state.place_changed.connect(self.rerender)
        self._retranslate_static()

    # ------------------------------------------------------------------ public

    def show_service(self, service_id: str) -> None:
        """Open ``service_id`` afresh (the same one again too): at the top, and without an
        earlier visit's handover confirmation, which would read as a handover just made.

        An id no longer in the catalogue gets a clear message.
        """
        self._confirmation = None
        if self.no_dialer is not None:
            self.no_dialer.hide()  # it showed another visit's number
        self._show(service_id, keep_scroll=False)
        if self.service is not None:  # usage: the detail page opened (a code, no words)
            # a count lost (disk full) is no reason not to show the service
            with contextlib.suppress(KompassenError):
                self.svc.events.record("view", self.service.area_id, service_id=self.service.id)

    def _show(self, service_id: str, keep_scroll: bool) -> None:
        """Render ``service_id``; ``keep_scroll``: where the worker was reading (a re-render)."""
        bar = self._scroll.verticalScrollBar()
        scroll_to = bar.value() if keep_scroll and service_id == self.service_id else 0
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        if self._confirmation and self._confirmation[0] != service_id:
            self._confirmation = None
        self.service_id = service_id
        try:
            self.service = self.svc.reader.service(service_id)
        except KeyError:
            self.service = None

        self.week_rows = []
        self.phone_buttons = []
        self.source_labels = []
        self.handover_button = self.report_button = None
        self.status_label = self.confirmation_label = None
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(24, 16, 24, 24)
        lay.setSpacing(10)
        if self.service is None:
            self._render_missing(content, lay)
        else:
            self._render(content, lay, self.service)
        lay.addStretch(1)

        old, self._body = self._body, content
        if old is not None:
            old.hide()
            self._holder_layout.removeWidget(old)
            old.deleteLater()  # never delete now: a click handler of the old page may be running
        self._holder_layout.addWidget(content)
        content.show()  # now, not on the next event-loop turn: callers see the new page at once
        bar.setValue(scroll_to)
        self._stale = False
        # page.setFocus() (the window does it) lands on "Tillbaka"; Tab goes on from there
        if self.back_button is not None:
            self.setFocusProxy(self.back_button)
            if had_focus:
                self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def rerender(self) -> None:
        """Show the current service again (language, place or clock changed).

        A hidden page only notes it and renders when shown: the window keeps this page in a
        stack, and rebuilding it on every place change while the worker is searching is waste.
        """
        if not self.service_id:
            return
        if self.isVisible():
            self._show(self.service_id, keep_scroll=True)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up on changes made while hidden, and settle who owns the Escape key."""
        self._escape.setEnabled(not self._window_binds_escape())
        if self._stale:
            self.rerender()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """The number to dial by hand belongs to this page: it goes when the page does."""
        if self.no_dialer is not None:
            self.no_dialer.hide()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """A new translator was installed: every GUI text must be fetched again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_static()
            self.rerender()
        super().changeEvent(event)

    def _window_binds_escape(self) -> bool:
        """True when an ancestor (the field window) has its own Escape shortcut."""
        esc = QKeySequence(Qt.Key.Key_Escape)
        for sc in self.window().findChildren(QShortcut):
            owner = sc.parent()
            if (
                sc is not self._escape
                and sc.key() == esc
                and isinstance(owner, QWidget)
                and owner.isAncestorOf(self)
            ):
                return True
        return False

    # ------------------------------------------------------------------ actions

    def _back(self) -> None:
        self.svc.nav.back()

    def _call(self, phone: Phone) -> None:
        """Dial; a device that cannot (``open_url`` returns False) says so and shows the number."""
        if not self.open_url(dial_url(phone)):
            from kompassen.gui.field.no_dialer import NoDialerDialog  # only when needed

            if self.no_dialer is None:
                self.no_dialer = NoDialerDialog(self)
            self.no_dialer.show_number(phone)

    def _copy(self, phone: Phone, feedback: QLabel) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(phone.number)
        feedback.setText(self.tr("Numret {n} är kopierat.").format(n=phone.number))
        feedback.show()

    def _handover(self) -> None:
        """Store the handover (codes only, never words about the person) and confirm it."""
        if self.service is None:
            return
        state = self.svc.state
        landmark = (
            state.landmark.id if state.landmark is not None and state.coords is None else None
        )
        self.svc.events.record(
            "handover",
            self.service.area_id,
            service_id=self.service.id,
            landmark_id=landmark,
            detail={"groups": list(state.query.groups), "needs": list(state.query.needs)},
        )
        at = self.svc.clock.now().strftime("%H:%M")
        text = self.tr("Överlämning registrerad {t}").format(t=at)
        self._confirmation = (self.service.id, text)
        if self.confirmation_label is not None:
            self.confirmation_label.setText(text)
            self.confirmation_label.show()
        self.handover_recorded.emit(self.service.id)

    def _report(self) -> None:
        name = self.service.name if self.service is not None else self.service_id
        self.svc.nav.open_report(
            {
                "kind": "correction",
                "text": self.tr("Fel i uppgiften om {name}: ").format(name=name),
                "needs": [],
                "groups": [],
                "landmark_id": None,
                "service_id": self.service_id or None,
            }
        )

    # ------------------------------------------------------------------ rendering

    def _retranslate_static(self) -> None:
        self._scroll.setAccessibleName(self.tr("Tjänstens uppgifter"))

    def _top_row(self, content: QWidget, lay: QVBoxLayout, title: str, subtitle: str) -> None:
        row = QWidget(content)
        lay.addWidget(row)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(16)
        self.back_button = button(self.tr("← Tillbaka"), self.tr("Tillbaka"), parent=row)
        self.back_button.setToolTip(self.tr("Tillbaka (Esc)"))
        self.back_button.clicked.connect(self._back)
        h.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        names = QWidget(row)
        h.addWidget(names, 1)
        v = QVBoxLayout(names)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(label(title, "heading", names))
        if subtitle:
            v.addWidget(label(subtitle, "muted", names))

    def _render_missing(self, content: QWidget, lay: QVBoxLayout) -> None:
        self._top_row(content, lay, self.tr("Tjänsten finns inte längre i katalogen"), "")
        lay.addWidget(
            label(
                self.tr(
                    "Den kan ha tagits bort när katalogen uppdaterades. Gå tillbaka och sök igen."
                ),
                "muted",
                content,
            )
        )

    def _render(self, content: QWidget, lay: QVBoxLayout, s: Service) -> None:
        lang = self.svc.state.lang
        now = self.svc.clock.now()
        subtitle = s.organization.name
        if s.alternate_name:
            subtitle += " · " + self.tr("även kallad {name}").format(name=s.alternate_name)
        self._top_row(content, lay, s.name, subtitle)
        self._status(content, lay, s, now, lang)
        for notice in self.svc.reader.notices(s.area_id, now):
            if notice.service_id == s.id:
                lay.addWidget(label("⚠ " + catalogue_text(notice.text, lang), "warning", content))

        self._section(content, lay, self.tr("Vad de gör"))
        lay.addWidget(label(catalogue_text(s.description, lang), "", content))

        self._section(content, lay, self.tr("Vem de tar emot"))
        self._eligibility(content, lay, s, lang)

        self._section(content, lay, self.tr("Så lämnar du över"))
        self._handover_info(content, lay, s, lang)

        self._section(content, lay, self.tr("Öppettider denna vecka"))
        self._week(content, lay, s, now, lang)

        self._section(content, lay, self.tr("Adress och vägbeskrivning"))
        self._places(content, lay, s, lang)

        self._section(content, lay, self.tr("Hur säker är uppgiften"))
        self._provenance(content, lay, s, now)

        self._actions(content, lay)

    def _section(self, content: QWidget, lay: QVBoxLayout, title: str) -> None:
        lay.addSpacing(8)
        heading = label(title, "section", content)
        heading.setIndent(0)  # a style-sheet margin would otherwise indent it like a framed label
        lay.addWidget(heading)

    def _status(
        self, content: QWidget, lay: QVBoxLayout, s: Service, now: datetime, lang: str
    ) -> None:
        """Closed for good or for now beats the opening hours: say that first and loudly."""
        if s.status == "closed":
            text, role = ended_words(s.status_detail), "closed"
        elif s.status == "temporarily-closed":
            text, role = closure_words(s.status_from, s.status_until, lang, now.date()), "closed"
        else:
            st = status(s.hours, now, lang)
            text, role = st.text, _STATUS_ROLE.get(st.state, "unknown")
        self.status_label = label(text, role, content)
        lay.addWidget(self.status_label)
        if s.status_note:
            note = catalogue_text(s.status_note, lang)
            lay.addWidget(label(note, "closed" if role == "closed" else "", content))
        if s.facts.status is not None:
            self._source_line(content, lay, self.tr("Status"), s.facts.status)

    def _eligibility(self, content: QWidget, lay: QVBoxLayout, s: Service, lang: str) -> None:
        """Every unstated field says "Ej angivet": unknown must never read as "everyone"."""
        terms = {t.code: t.label.get(lang) for t in self.svc.reader.terms(s.area_id)}
        h = s.handover
        rows: list[tuple[str, str | None]] = [
            (self.tr("Målgrupper"), ", ".join(terms.get(c, c) for c in s.groups) or None),
            (self.tr("Hjälper med"), ", ".join(terms.get(c, c) for c in s.needs) or None),
            (self.tr("Ålder"), self._ages(h)),
            (self.tr("Kön"), self._gender(h.gender)),
            (self.tr("Utan papper eller personnummer"), self._accepts(h.no_papers_ok)),
            (self.tr("Påverkad av alkohol eller droger"), self._accepts(h.intoxicated_ok)),
            (self.tr("Remiss krävs"), self._yes_no(h.referral_required)),
            (self.tr("Språk"), ", ".join(h.languages) or None),
        ]
        box = QWidget(content)
        lay.addWidget(box)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)  # a third for the question, so it rarely wraps
        grid.setColumnStretch(1, 2)
        for i, (name, value) in enumerate(rows):
            grid.addWidget(label(name, "muted", box), i, 0, Qt.AlignmentFlag.AlignTop)
            if value is None:
                grid.addWidget(label(self.tr("Ej angivet"), "unknown", box), i, 1)
            else:
                grid.addWidget(label(value, "", box), i, 1)
        if s.facts.handover is not None:
            self._source_line(content, lay, self.tr("Villkor och överlämning"), s.facts.handover)

    def _ages(self, h: Handover) -> str | None:
        if h.age_min is not None and h.age_max is not None:
            return self.tr("{a}–{b} år").format(a=h.age_min, b=h.age_max)
        if h.age_min is not None:
            return self.tr("Från {a} år").format(a=h.age_min)
        if h.age_max is not None:
            return self.tr("Upp till {b} år").format(b=h.age_max)
        return None

    def _gender(self, gender: str | None) -> str | None:
        names = {
            "any": self.tr("Alla kön"),
            "female": self.tr("Kvinnor"),
            "male": self.tr("Män"),
        }
        return None if gender is None else names.get(gender, gender)

    def _accepts(self, ok: bool | None) -> str | None:
        if ok is None:
            return None
        return self.tr("Tas emot") if ok else self.tr("Tas inte emot")

    def _yes_no(self, value: bool | None) -> str | None:
        if value is None:
            return None
        return self.tr("Ja") if value else self.tr("Nej")

    def _handover_info(self, content: QWidget, lay: QVBoxLayout, s: Service, lang: str) -> None:
        terms = {t.code: t.label.get(lang) for t in self.svc.reader.terms(s.area_id, "handover")}
        modes = " · ".join(terms.get(m, m) for m in s.handover.modes)
        if modes:
            lay.addWidget(label(modes, "", content))
        if s.handover.instructions is not None:
            lay.addWidget(label(catalogue_text(s.handover.instructions, lang), "", content))
        # the professional line first: it is the one meant for us
        phones = sorted(s.phones, key=lambda p: p.kind != "professional")
        if not phones:
            lay.addWidget(label(self.tr("Inget telefonnummer angivet"), "unknown", content))
        # "källa ej angiven" only where the pack names sources per fact (not for old packs)
        per_fact = any(c.id for c in s.provenance.cited)
        for phone in phones:
            self._phone_card(content, lay, phone, lang, per_fact)
        for what, value in ((self.tr("Webb"), s.url), (self.tr("E-post"), s.email)):
            if value:
                lay.addWidget(label(f"{what}: {value}", "muted", content))

    def _phone_card(
        self, content: QWidget, lay: QVBoxLayout, phone: Phone, lang: str, per_fact: bool = False
    ) -> None:
        kinds = {
            "professional": self.tr("För yrkesverksamma"),
            "switchboard": self.tr("Växel"),
            "helpline": self.tr("Stödlinje"),
            "emergency": self.tr("Akut"),
            "sms": self.tr("Sms"),
        }
        card = QFrame(content)
        card.setProperty("role", "card")
        lay.addWidget(card)
        v = QVBoxLayout(card)
        v.setContentsMargins(16, 12, 16, 12)
        v.setSpacing(6)
        kind = kinds.get(phone.kind, self.tr("Telefon"))
        title = two_part_label(kind, catalogue_text(phone.label, lang) if phone.label else "")
        v.addWidget(label(title, "muted", card))
        number = label(phone.number, "phone", card, wrap=False)
        number.setAccessibleName(self.tr("Telefonnummer {n}").format(n=phone.number))
        v.addWidget(number)
        if phone.source is not None or per_fact:
            self._source_line(card, v, self.tr("Telefon"), phone.source)
        if phone.to_verify:
            v.addWidget(
                label(self.tr("⚠ Kontrollera numret – det är inte bekräftat."), "warning", card)
            )
        # a sub-layout, not a container widget: a plain QWidget would paint the window colour
        # inside the card; the buttons are created with the card as parent so Tab order holds
        h = QHBoxLayout()
        h.setSpacing(12)
        v.addLayout(h)
        if phone.kind == "sms":
            call = button(
                self.tr("Skicka sms"),
                self.tr("Skicka sms till {n}").format(n=phone.number),
                parent=card,
            )
        else:
            call = button(self.tr("Ring"), self.tr("Ring {n}").format(n=phone.number), parent=card)
        copy = button(
            self.tr("Kopiera"), self.tr("Kopiera {n}").format(n=phone.number), parent=card
        )
        # wide targets: each button takes a quarter of the card, the rest stays empty
        h.addWidget(call, 1)
        h.addWidget(copy, 1)
        h.addStretch(2)
        feedback = label("", "muted", card)
        feedback.hide()
        v.addWidget(feedback)
        call.clicked.connect(lambda: self._call(phone))
        copy.clicked.connect(lambda: self._copy(phone, feedback))
        self.phone_buttons.append((phone, call, copy))

    def _week(
        self, content: QWidget, lay: QVBoxLayout, s: Service, now: datetime, lang: str
    ) -> None:
        """Seven rows Monday–Sunday; unknown hours are one clear line, not seven "okänt"."""
        if s.hours is None or not s.hours.known:
            lay.addWidget(
                label(
                    self.tr("Öppettiderna är inte kända – ring och fråga innan ni går dit."),
                    "unknown",
                    content,
                )
            )
        else:
            today = now.date()
            rows = week_summary(s.hours, today, lang)
            day_width = max(
                content.fontMetrics().horizontalAdvance(
                    self.tr("{day} (i dag)").format(day=f"{r.weekday.capitalize()} 30/12")
                )
                for r in rows
            )
            week = QVBoxLayout()
            week.setSpacing(2)
            lay.addLayout(week)
            for r in rows:
                frame = QFrame(content)
                if r.day == today:
                    frame.setProperty("role", "today")
                week.addWidget(frame)
                grid = QGridLayout(frame)
                grid.setContentsMargins(10, 6, 10, 6)
                grid.setHorizontalSpacing(16)
                grid.setColumnMinimumWidth(0, day_width + 24)
                grid.setColumnStretch(2, 1)
                day = f"{r.weekday.capitalize()} {r.day.day}/{r.day.month}"
                if r.day == today:
                    day = self.tr("{day} (i dag)").format(day=day)
                grid.addWidget(label(day, "", frame), 0, 0, Qt.AlignmentFlag.AlignTop)
                spans = ", ".join(r.spans) if r.spans else self.tr("Stängt")
                grid.addWidget(
                    label(spans, "closed" if r.closed else "", frame),
                    0,
                    1,
                    Qt.AlignmentFlag.AlignTop,
                )
                extra = " · ".join(x for x in (r.holiday, catalogue_text(r.note, lang)) if x)
                grid.addWidget(label(extra, "muted", frame), 0, 2, Qt.AlignmentFlag.AlignTop)
                frame.setAccessibleName(" ".join(x for x in (day, spans, extra) if x))
                self.week_rows.append(frame)
        if s.hours is not None and s.hours.note:
            lay.addWidget(label(catalogue_text(s.hours.note, lang), "muted", content))
        self._hours_sources(content, lay, s)

    def _hours_sources(self, content: QWidget, lay: QVBoxLayout, s: Service) -> None:
        """Where the hours come from: the hours' own source, then any other source a single
        weekly rule or exception names ("some times per …")."""
        if s.hours is None:
            return
        f = s.facts
        if f.hours is not None or any(c.id for c in s.provenance.cited):
            self._source_line(content, lay, self.tr("Öppettider"), f.hours)
        shown = {f.hours.id} if f.hours is not None else set()
        for src in (*f.weekly, *f.exceptions):
            if src is not None and src.id not in shown:
                shown.add(src.id)
                self._source_line(content, lay, self.tr("Vissa tider"), src)

    def _places(self, content: QWidget, lay: QVBoxLayout, s: Service, lang: str) -> None:
        if s.mobile:
            lay.addWidget(
                label(self.tr("Tjänsten rör sig i området och har ingen fast adress."), "", content)
            )
            if s.area_note:
                lay.addWidget(label(catalogue_text(s.area_note, lang), "muted", content))
        elif not s.locations:
            lay.addWidget(label(self.tr("Ingen adress angiven."), "unknown", content))
        for loc in s.locations:
            self._location_card(content, lay, loc, lang)
        if s.locations and (s.facts.location is not None or any(c.id for c in s.provenance.cited)):
            self._source_line(content, lay, self.tr("Adress"), s.facts.location)

    def source_words(self, what: str, src: Source | None) -> str:
        """ "Telefon enligt stockholm.se, 2024"; "… datum okänt" when the page shows no date;
        "Telefon: källa ej angiven" when the pack names none."""
        if src is None:
            return self.tr("{what}: källa ej angiven").format(what=what)
        age = str(src.year) if src.year is not None else self.tr("datum okänt")
        text = self.tr("{what} enligt {site}, {age}").format(what=what, site=src.site, age=age)
        if src.checked:
            text = self.tr("{text} (kontrollerad {d})").format(text=text, d=src.checked)
        return text

    def _source_line(
        self, parent: QWidget, lay: QVBoxLayout, what: str, src: Source | None
    ) -> None:
        line = label(self.source_words(what, src), "muted" if src else "unknown", parent)
        line.setProperty("fact_source", True)
        if src is not None:
            line.setToolTip(src.url)
        lay.addWidget(line)
        self.source_labels.append(line)

    def _location_card(self, content: QWidget, lay: QVBoxLayout, loc: Location, lang: str) -> None:
        state = self.svc.state
        card = QFrame(content)
        card.setProperty("role", "card")
        lay.addWidget(card)
        v = QVBoxLayout(card)
        v.setContentsMargins(16, 12, 16, 12)
        v.setSpacing(4)
        v.addWidget(label(loc.name, "", card))
        if loc.address is not None and loc.address.one_line():
            v.addWidget(label(loc.address.one_line(), "", card))
            if loc.address.note:
                v.addWidget(label(catalogue_text(loc.address.note, lang), "muted", card))
        else:
            v.addWidget(label(self.tr("Gatuadress saknas"), "unknown", card))
        if loc.description is not None:
            v.addWidget(label(catalogue_text(loc.description, lang), "muted", card))
        near = state.near
        if loc.lat is None or loc.lon is None:
            v.addWidget(
                label(
                    self.tr("Vägbeskrivning saknas – platsens läge är inte inlagt."),
                    "unknown",
                    card,
                )
            )
            return
        if near is None:
            v.addWidget(label(self.tr("Välj var du är för att se vägen hit."), "muted", card))
        else:
            d = geo.describe(near[0], near[1], loc.lat, loc.lon, lang)
            if d.word:
                text = self.tr("{way} från {place}").format(way=d.text, place=state.place_name)
            else:
                text = self.tr("{here}, vid {place}").format(here=d.text, place=state.place_name)
            v.addWidget(label(text, "", card))
        if loc.coords_approximate:
            v.addWidget(
                label(
                    self.tr("Läget är ungefärligt – avståndet är en uppskattning."), "muted", card
                )
            )

    def _provenance(self, content: QWidget, lay: QVBoxLayout, s: Service, now: datetime) -> None:
        p = s.provenance
        known = verified_date(p.verified_at)
        shown = p.verified_at if p.verified_year is not None else self.tr("okänt")
        lay.addWidget(label(self.tr("Senast kontrollerad: {d}").format(d=shown), "", content))
        if known is None:
            warning = self.tr("Det är okänt när uppgiften kontrollerades – ring och kontrollera.")
        elif (now.date() - known).days > STALE_AFTER_DAYS:
            warning = self.tr(
                "Uppgiften kontrollerades för mer än ett år sedan – ring och kontrollera."
            )
        else:
            warning = ""
        if warning:
            lay.addWidget(label("⚠ " + warning, "warning", content))
        if p.cited and any(c.id for c in p.cited):
            # with the date each page shows: an old page is visible as old here too
            sources = "\n".join(
                _short_source(c.url)
                + " ("
                + (str(c.year) if c.year is not None else self.tr("datum okänt"))
                + ")"
                for c in p.cited
            )
            lay.addWidget(label(self.tr("Källor:") + "\n" + sources, "muted", content))
        elif p.sources:
            sources = "\n".join(_short_source(x) for x in p.sources)
            lay.addWidget(label(self.tr("Källor:") + "\n" + sources, "muted", content))
        if p.note:
            lay.addWidget(label(catalogue_text(p.note, self.svc.state.lang), "muted", content))

    def _actions(self, content: QWidget, lay: QVBoxLayout) -> None:
        lay.addSpacing(16)
        self.handover_button = button(
            self.tr("Jag lämnade över hit"), role="primary", parent=content
        )
        self.handover_button.setMinimumHeight(BIG_BUTTON_PX)
        self.handover_button.clicked.connect(self._handover)
        lay.addWidget(self.handover_button)
        self.confirmation_label = label("", "open", content)
        if self._confirmation and self._confirmation[0] == self.service_id:
            self.confirmation_label.setText(self._confirmation[1])
        else:
            self.confirmation_label.hide()
        lay.addWidget(self.confirmation_label)
        self.report_button = button(self.tr("Rapportera fel i uppgiften"), parent=content)
        self.report_button.setMinimumHeight(BIG_BUTTON_PX)
        self.report_button.setToolTip(self.tr("Öppnar felrapporten med tjänstens namn ifyllt"))
        self.report_button.clicked.connect(self._report)
        lay.addWidget(self.report_button)
