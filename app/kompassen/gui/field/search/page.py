"""The start screen: the filter panel beside (landscape) or above (portrait) the results.

In landscape the chips scroll in a column beside the results. In portrait they sit in a
section above the results that opens and closes, its header naming the chosen chips: open
when nothing is chosen, closed once words are typed. Open, the chips get the height they need
(no second scroll pane beside the results): the results show below only if a card fits there.

Every change of the filters starts a search on the search thread; only the answer to the
latest one is shown. Guides that match come first, then the service cards; when nothing
matches, the nearest alternatives and a big "Rapportera olöst problem" button.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kompassen.catalogue.search.model import Alternative, GuideHit, SearchResult
from kompassen.core.errors import KompassenError
from kompassen.gui.field.search.filter_panel import FilterPanel
from kompassen.gui.field.search.result_delegate import ResultDelegate
from kompassen.gui.field.search.results_model import ResultModel, ServiceIdRole
from kompassen.gui.field.services import FieldServices
from kompassen.gui.theme import TOUCH_PX
from kompassen.gui.widgets.elided_label import ElidedLabel
from kompassen.gui.widgets.touch import button, clear_layout, kinetic, label

log = logging.getLogger(__name__)

ZERO_EVENT_DELAY_MS = 3000  # a zero-result search counts once the worker has stopped typing
SEARCH_EVENT_DELAY_MS = 2000  # a search counts once it settled (or the worker acts on it)


class SearchPage(QWidget):
    """Filters, guides, results and the zero-results state, wired to the search runner."""

    def __init__(self, svc: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.result: SearchResult | None = None
        self._ticket = 0
        self._page_ticket = 0
        self._landscape: bool | None = None
        self._guides_key: object = None

        # the portrait chips have a set height: it must never hold the window tall (turning
        # the tablet, the keyboard opening); the page fits itself to the height it gets
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(8)
        self.filters = FilterPanel(svc, self)
        outer.addWidget(self.filters)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(12)
        outer.addLayout(self.body, 1)

        self.chip_scroll = QScrollArea(self)
        self.chip_scroll.setWidgetResizable(True)
        self.chip_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chip_scroll.setWidget(self.filters.chips)
        self.chip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        kinetic(self.chip_scroll)
        self.body.addWidget(self.chip_scroll, 4)
        self.section = self.filters.section  # portrait only: the chip column moves in there
        self.body.addWidget(self.section, 0)
        self._had_text = self._had_chips = False

        self.results = results = QWidget(self)
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(6)
        # one line that never changes height: a new count must not lay the column out again
        self.count_label = ElidedLabel("", "title", results)
        rl.addWidget(self.count_label)
        self.guides_box = QWidget(results)
        self.guides_lay = QVBoxLayout(self.guides_box)
        self.guides_lay.setContentsMargins(0, 0, 0, 0)
        self.guides_lay.setSpacing(6)
        rl.addWidget(self.guides_box)

        self.stack = QStackedWidget(results)
        self.model = ResultModel(self)
        self.list = QListView(self.stack)
        self.list.setModel(self.model)
        self.list.setItemDelegate(
            ResultDelegate(
                svc.theme,
                self.list,
                today=lambda: svc.clock.now().date(),
                lang=lambda: svc.state.lang,
            )
        )
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        # cards wrap their texts and grow (the delegate sizes them to the viewport's width),
        # so sizes differ per card; word wrap makes the view lay them out again when its
        # width changes; nothing is wider than the viewport, so no horizontal scroll bar
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        kinetic(self.list)
        self.stack.addWidget(self.list)
        self.zero = self._build_zero()
        self.zero_scroll = QScrollArea(self.stack)
        self.zero_scroll.setWidgetResizable(True)
        self.zero_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.zero_scroll.setWidget(self.zero)
        kinetic(self.zero_scroll)
        self.stack.addWidget(self.zero_scroll)
        self.stack.setMinimumHeight(0)
        rl.addWidget(self.stack, 1)
        self.body.addWidget(results, 6)
        self.body.addStretch(0)  # portrait, results hidden: the room left stays below the chips

        self.list.clicked.connect(self._open_index)
        self.list.activated.connect(self._open_index)
        self.model.page_wanted.connect(self._fetch_page)
        svc.runner.finished.connect(self._finished)
        svc.runner.failed.connect(self._failed)
        svc.state.filters_changed.connect(self.refresh)
        svc.state.filters_changed.connect(self._follow_choices)
        self.section.expanded_changed.connect(lambda _on: self._fit_later())
        # the chips or the panel above them change height (text size, language, suggestions)
        self.filters.installEventFilter(self)
        self.filters.chips.installEventFilter(self)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_portrait)
        svc.theme.changed.connect(self.list.doItemsLayout)  # text size → card height
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

        self._zero_timer = QTimer(self)
        self._zero_timer.setSingleShot(True)
        self._zero_timer.setInterval(ZERO_EVENT_DELAY_MS)
        self._zero_timer.timeout.connect(self._record_zero)
        # usage: one 'search' event per settled query (codes only, never the typed text)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_EVENT_DELAY_MS)
        self._search_timer.timeout.connect(self._record_search)
        self._counted: tuple[object, ...] | None = None
        self.retranslate()
        self.count_label.setText(self.tr("Förbereder sökningen…"))
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build_zero(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(10)
        self.zero_title = label("", "heading", w)
        lay.addWidget(self.zero_title)
        self.zero_text = label("", "muted", w)
        lay.addWidget(self.zero_text)
        self.alt_box = QWidget(w)
        self.alt_lay = QVBoxLayout(self.alt_box)
        self.alt_lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.alt_box)
        self.restart_btn = button("", parent=w)
        self.restart_btn.clicked.connect(self.svc.state.clear)
        lay.addWidget(self.restart_btn)
        self.report_btn = button("", role="danger", parent=w)
        self.report_btn.setMinimumHeight(72)
        self.report_btn.clicked.connect(self._report)
        lay.addWidget(self.report_btn)
        lay.addStretch(1)
        return w

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when wide, stacked when tall (portrait tablet)."""
        size = event.size()
        landscape = size.width() >= 1000 and size.width() >= size.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(
                QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
            )
            self._place_chips(landscape)
        super().resizeEvent(event)
        self._fit_portrait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_later()
        return super().eventFilter(watched, event)

    def _fit_later(self) -> None:
        if self._landscape is False:
            self._fit_timer.start()

    def _place_chips(self, landscape: bool) -> None:
        """Landscape: the chip column scrolls beside the results. Portrait: in the section."""
        if landscape:
            self.section.hide()
            self.body.insertWidget(0, self.chip_scroll, 4)  # the section's layout lets go
            self.chip_scroll.setMinimumHeight(0)
            self.chip_scroll.setMaximumHeight(16777215)
            self.chip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.chip_scroll.show()
            self.results.show()
            self.body.setStretchFactor(self.results, 6)
        else:
            self.section.set_content(self.chip_scroll)
            self.section.show()
            self.body.setStretchFactor(self.results, 1)

    def _fit_portrait(self) -> None:
        """Portrait, open: the chip column is exactly as tall as the chips, so it never
        scrolls; the results show below only if a card fits. Only when the chips are taller
        than the whole page (the largest text) does their column scroll, the results hidden."""
        if self._landscape is not False:
            return
        outer = self._outer
        m = outer.contentsMargins()
        width = self.width() - m.left() - m.right()
        above = (
            self.filters.heightForWidth(width)
            if self.filters.hasHeightForWidth()
            else self.filters.sizeHint().height()
        )
        header = self.section.header.sizeHint().height() + self.section.lay.spacing()
        room = self.height() - m.top() - m.bottom() - above - outer.spacing() - header
        need = self.filters.chips.heightForWidth(width)
        card = max(self.list.sizeHintForRow(0), 2 * TOUCH_PX)
        results_min = self.count_label.sizeHint().height() + card + self.body.spacing()
        is_open = self.section.is_expanded()
        self.results.setVisible(not is_open or room - need >= results_min)
        if is_open:
            fits = need <= room
            # a scroll bar once shown narrows the chips and would keep itself: off when they fit
            self.chip_scroll.setVerticalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                if fits
                else Qt.ScrollBarPolicy.ScrollBarAsNeeded
            )
            self.chip_scroll.setFixedHeight(max(0, min(need, room)))

    def _follow_choices(self) -> None:
        """Open or close the portrait section as the worker goes: words typed → results first
        (closed); everything cleared → open again, ready for the next person."""
        q = self.svc.state.query
        has_text, has_chips = bool(q.text.strip()), bool(q.groups or q.needs)
        if has_text and not self._had_text:
            self.section.set_expanded(False)
        elif not has_text and not has_chips and (self._had_text or self._had_chips):
            self.section.set_expanded(True)
        self._had_text, self._had_chips = has_text, has_chips

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Träffar"))
        self.chip_scroll.setAccessibleName(self.tr("Val: vem och vad"))
        self.report_btn.setText(self.tr("Rapportera olöst problem"))
        self.report_btn.setAccessibleName(self.tr("Rapportera olöst problem"))
        self.zero_title.setText(self.tr("Ingen tjänst passar alla val"))
        self.restart_btn.setText(self.tr("Börja om (rensa alla val)"))
        self.restart_btn.setAccessibleName(self.restart_btn.text())
        self._guides_key = None  # their "Lösning:" prefix is translated too
        if self.result is not None:
            self._show(self.result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # ------------------------------------------------------------------ searching

    def refresh(self) -> None:
        """Search for the current filters (the runner drops older waiting searches)."""
        q = self.svc.state.query
        self._ticket = self.svc.runner.submit("search", lambda s: s.search(q))

    def _fetch_page(self, offset: int) -> None:
        if self.result is None:
            return
        q = replace(self.result.query, offset=offset)
        self._page_ticket = self.svc.runner.submit("page", lambda s: s.search(q))

    def _finished(self, key: str, ticket: int, result: object) -> None:
        if not isinstance(result, SearchResult):
            return
        if key == "search" and ticket == self._ticket:
            self._show(result)
        elif key == "page" and ticket == self._page_ticket:
            self.model.append(result)

    def _failed(self, key: str, ticket: int, exc: object) -> None:
        if key not in ("search", "page") or ticket not in (self._ticket, self._page_ticket):
            return
        lang = self.svc.state.lang
        text = exc.message(lang) if isinstance(exc, KompassenError) else str(exc)
        self.count_label.setText(self.tr("Sökningen misslyckades: {e}").format(e=text))

    def _show(self, result: SearchResult) -> None:
        self.result = result
        self.model.set_result(result)
        self.filters.set_facets(result.facets)
        self.filters.set_suggestions(result)
        self._show_guides(result.guides[:2])
        n = result.total
        self.count_label.setText(self._count_text(result))
        self.section.header.set_aside(self.tr("%n träffar", "", n))
        self._search_timer.start()
        if n == 0:
            self._show_zero(result)
            self.stack.setCurrentWidget(self.zero_scroll)
            self._zero_timer.start()
        else:
            self.stack.setCurrentWidget(self.list)
            self._zero_timer.stop()

    def _count_text(self, result: SearchResult) -> str:
        """ "12 träffar · öppna och nära först": one message per ordering, so it translates."""
        q, n = result.query, result.total
        if q.time_mode == "tonight":
            return self.tr("%n träffar · öppet i natt först", "", n)
        if q.time_mode == "at" and q.at is not None:
            return self.tr("%n träffar · öppet {t} först", "", n).format(
                t=q.at.strftime("%Y-%m-%d %H:%M")
            )
        return self.tr("%n träffar · öppna och nära först", "", n)

    def _show_guides(self, guides: tuple[GuideHit, ...] | list[GuideHit]) -> None:
        key = (self.svc.state.lang, tuple(guides))
        if key == self._guides_key:
            return  # typing on: the same guides, keep their cards
        self._guides_key = key
        clear_layout(self.guides_lay)
        for g in guides:
            card = QFrame(self.guides_box)
            card.setProperty("role", "card")
            lay = QHBoxLayout(card)
            lay.setContentsMargins(12, 8, 8, 8)
            texts = QVBoxLayout()
            # the guide's name wraps (a name is never cut); the line under it stays one line,
            # so that many guides do not push the results off a landscape tablet
            texts.addWidget(label(self.tr("Lösning: {t}").format(t=g.title), "title", card))
            if g.step_now is not None:
                texts.addWidget(
                    ElidedLabel(self.tr("Nu: {s}").format(s=g.step_now.text), "warning", card)
                )
            else:
                texts.addWidget(ElidedLabel(g.problem, "muted", card))
            lay.addLayout(texts, 1)
            b = button(
                self.tr("Visa"), self.tr("Visa lösningen {t}").format(t=g.title), "primary", card
            )
            b.clicked.connect(lambda _=False, gid=g.id: self.svc.nav.open_guide(gid))
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
            self.guides_lay.addWidget(card)
        self.guides_box.setVisible(bool(guides))

    def _show_zero(self, result: SearchResult) -> None:
        clear_layout(self.alt_lay)
        if result.alternatives:
            self.zero_text.setText(self.tr("Så här kommer du närmare:"))
        else:
            self.zero_text.setText(
                self.tr(
                    "Inget i katalogen passar, inte heller om ett val tas bort. "
                    "Rapportera problemet så tar kontoret upp det."
                )
            )
        for alt in result.alternatives:
            b = button(
                self.tr("{label} · %n träffar", "", alt.count).format(label=alt.label),
                parent=self.alt_box,
            )
            b.clicked.connect(lambda _=False, a=alt: self._drop(a))
            self.alt_lay.addWidget(b)

    def _drop(self, alt: Alternative) -> None:
        """Apply an alternative: remove the one filter it names."""
        q = self.svc.state.query
        if alt.drop == "text":
            self.svc.state.update(text="")
        elif alt.drop == "only_open":
            self.svc.state.update(only_open=False)
        elif alt.drop in q.groups:
            self.svc.state.update(groups=tuple(c for c in q.groups if c != alt.drop))
        elif alt.drop in q.needs:
            self.svc.state.update(needs=tuple(c for c in q.needs if c != alt.drop))

    def report_prefill(self) -> str:
        """What the report form starts with: the words and chips that found nothing."""
        q = self.svc.state.query
        labels = {
            t.code: t.label.get(self.svc.state.lang) for t in self.svc.reader.terms(q.area_id)
        }
        parts = [labels.get(c, c) for c in (*q.groups, *q.needs)]
        if q.text.strip():
            parts.append(f"”{q.text.strip()}”")
        where = self.svc.state.place_name
        what = ", ".join(parts) or "–"
        if where:
            return self.tr("Ingen hjälp hittades för: {what} (nära {place})").format(
                what=what, place=where
            )
        return self.tr("Ingen hjälp hittades för: {what}").format(what=what)

    def _report(self) -> None:
        """An unsolved problem: the chips, the place and the words that found nothing."""
        self._record_search()
        q, lm = self.svc.state.query, self.svc.state.landmark
        self.svc.nav.open_report(
            {
                "kind": "unsolved",
                "text": self.report_prefill(),
                "needs": list(q.needs),
                "groups": list(q.groups),
                "landmark_id": lm.id if lm is not None and self.svc.state.coords is None else None,
                "service_id": None,
            }
        )

    def _record_zero(self) -> None:
        q = self.svc.state.query
        if self.result is None or self.result.total != 0 or self.result.query != q:
            return
        lm = self.svc.state.landmark
        self.svc.events.record(
            "zero_result",
            q.area_id,
            landmark_id=lm.id if lm else None,
            detail={
                "groups": list(q.groups),
                "needs": list(q.needs),
                "time": q.time_mode,
                "word_codes": self._word_codes(),
            },
        )

    def _word_codes(self) -> list[str]:
        """The chip codes recognised in the typed words (never the words themselves)."""
        if self.result is None:
            return []
        return sorted({chip.code for chip in self.result.recognized})

    def _record_search(self) -> None:
        """Count the shown search once: settled, or the worker acts on it; not twice."""
        self._search_timer.stop()
        q = self.svc.state.query
        if not self.isVisible() or self.result is None or self.result.query != q:
            return  # a window closed meanwhile records nothing
        if not (q.text.strip() or q.groups or q.needs):
            return  # the list shown before anything is asked is no search
        key = (q.area_id, tuple(q.groups), tuple(q.needs), q.text.strip(), q.time_mode)
        if key == self._counted:
            return
        self._counted = key
        try:
            self.svc.events.record(
                "search",
                q.area_id,
                detail={
                    "groups": list(q.groups),
                    "needs": list(q.needs),
                    "word_codes": self._word_codes(),
                },
            )
        except KompassenError as err:  # a count lost is no reason to stop the search
            log.warning("a search was not counted: %s", err.message("en"))

    def _open_index(self, index: QModelIndex) -> None:
        sid = index.data(ServiceIdRole)
        if sid:
            self._record_search()  # acting on a search settles it
            self.svc.nav.open_service(str(sid))
