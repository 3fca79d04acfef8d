"""The field window: a tab bar on top (Sök, Platser, Lösningar, Rapporter, Inställningar) and pages.

The window builds the pages, wires navigation between them (detail, guide, back), keeps the
status line and the theme clock, and saves the worker's place and area between runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.gui.field.reports.sync_status import SyncStatusButton
from kompassen.gui.field.search.page import SearchPage
from kompassen.gui.field.services import FieldServices, Navigator
from kompassen.gui.qtapp import drop_source_cache
from kompassen.gui.widgets.elided_label import ElidedLabel
from kompassen.gui.widgets.touch import button, label, set_role

if TYPE_CHECKING:
    from kompassen.catalogue.store.store import CatalogueRebuilt
    from kompassen.gui.field.about_page import AboutPage
    from kompassen.gui.field.detail_page import DetailPage
    from kompassen.gui.field.guides_page import GuidesPage
    from kompassen.gui.field.locations.page import LocationsPage
    from kompassen.gui.field.report_form.page import ReportPage
    from kompassen.gui.field.reports.page import ReportsPage
    from kompassen.gui.field.settings_page import SettingsPage

THEME_CHECK_MS = 60_000
SYNC_START_MS = 1_000  # the sync worker starts this long after the window is built


def _locations(svc: FieldServices, parent: QWidget) -> LocationsPage:
    from kompassen.gui.field.locations.page import LocationsPage

    return LocationsPage(svc, parent)


def _guides(svc: FieldServices, parent: QWidget) -> GuidesPage:
    from kompassen.gui.field.guides_page import GuidesPage

    return GuidesPage(svc, parent)


def _settings(svc: FieldServices, parent: QWidget) -> SettingsPage:
    from kompassen.gui.field.settings_page import SettingsPage

    return SettingsPage(svc, parent)


def _about(svc: FieldServices, parent: QWidget) -> AboutPage:
    from kompassen.gui.field.about_page import AboutPage

    return AboutPage(svc, parent)


def _detail(svc: FieldServices, parent: QWidget) -> DetailPage:
    from kompassen.gui.field.detail_page import DetailPage

    return DetailPage(svc, parent)


def _reports(svc: FieldServices, parent: QWidget) -> ReportsPage:
    from kompassen.gui.field.reports.page import ReportsPage

    return ReportsPage(svc, parent)


def _report(svc: FieldServices, parent: QWidget) -> ReportPage:
    from kompassen.gui.field.report_form.page import ReportPage

    return ReportPage(svc, parent)


# key → factory: the pages are built on first use, not at start-up (their modules are imported
# then too, which keeps the cold start short)
LAZY_PAGES: dict[str, Callable[[FieldServices, QWidget], QWidget]] = {
    "locations": _locations,
    "guides": _guides,
    "settings": _settings,
    "about": _about,
    "detail": _detail,
    "reports": _reports,
    "report": _report,
}


class FieldWindow(QMainWindow):
    """One area at a time; everything it shows comes from the injected services."""

    PAGES = ("search", "locations", "guides", "reports", "settings")

    def __init__(self, svc: FieldServices) -> None:
        super().__init__()
        self.svc = svc
        self._history: list[QWidget] = []
        svc.nav = Navigator(self.open_service, self.open_guide, self.open_report, self.back)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        bar = QFrame(central)
        bar.setObjectName("topbar")
        # the area's name beside the tabs, or on a row of its own above them when narrow
        self.bar_lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, bar)
        self.bar_lay.setContentsMargins(12, 6, 12, 0)
        self.bar_lay.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(4)
        self.area_mark = QFrame(bar)
        self.area_mark.setFixedSize(10, 40)
        head.addWidget(self.area_mark)
        self.title = label("", "section", bar, wrap=False)
        head.addWidget(self.title)
        head.addStretch(1)
        self.bar_lay.addLayout(head, 1)
        bl = QHBoxLayout()
        bl.setSpacing(4)
        bl.addStretch(1)
        self.bar_lay.addLayout(bl)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons = {}
        for i, key in enumerate(self.PAGES):
            b = button("", role="nav", parent=bar)
            b.setCheckable(True)
            self.nav_group.addButton(b, i)
            self.nav_buttons[key] = b
            bl.addWidget(b)
        outer.addWidget(bar)

        self.stack = QStackedWidget(central)
        self.search_page = SearchPage(svc, self.stack)
        self.stack.addWidget(self.search_page)
        self._pages: dict[str, QWidget] = {"search": self.search_page}
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = ElidedLabel("", "", self)  # gives way to the sync indicator when narrow
        self.statusBar().addWidget(self.status, 1)
        self.sync_status = SyncStatusButton(svc, self)
        self.sync_status.clicked.connect(lambda: self.show_page("reports"))
        self.statusBar().addPermanentWidget(self.sync_status)
        svc.sync.sync_finished.connect(self._catalogue_updated)
        svc.runner.healed.connect(self.show_catalogue_rebuilt)
        QTimer.singleShot(SYNC_START_MS, svc.sync.start)  # after the first paint, quietly
        self.statusBar().setSizeGripEnabled(False)

        self.nav_group.idClicked.connect(self._nav_clicked)
        svc.state.place_changed.connect(self._save_place)
        svc.state.area_changed.connect(self._update_titles)
        self.page_shortcuts = {
            key: QShortcut(QKeySequence(f"Alt+{i + 1}"), self, lambda k=key: self.show_page(k))
            for i, key in enumerate(self.PAGES)
        }
        self.kiosk = False  # tablet mode: see set_kiosk()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back)

        self._theme_timer = QTimer(self)
        self._theme_timer.setInterval(THEME_CHECK_MS)
        self._theme_timer.timeout.connect(lambda: svc.theme.apply(svc.clock.now()))
        # modules imported later (a page's first refresh, the sync worker's HTTP client) leave
        # their sources in linecache too: drop them once a minute as well
        self._theme_timer.timeout.connect(drop_source_cache)
        self._theme_timer.start()

        self.resize(1280, 800)
        self.retranslate()
        self.show_page("search")
        self.search_page.filters.search.setFocus()

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> QWidget:
        """A page, built the first time it is needed: start-up builds only the search page."""
        if key not in self._pages:
            page: Any = LAZY_PAGES[key](self.svc, self.stack)
            drop_source_cache()  # the page's modules were just imported
            self.stack.addWidget(page)
            self._pages[key] = page
            if key == "settings":
                page.area_requested.connect(self.switch_area)
                page.about_requested.connect(self.open_about)
            if key == "reports":
                page.start_over.connect(self.start_over)
            if key == "report":
                page.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        return self._pages[key]

    @property
    def locations_page(self) -> LocationsPage:
        return self.page("locations")  # type: ignore[return-value]

    @property
    def guides_page(self) -> GuidesPage:
        return self.page("guides")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    @property
    def reports_page(self) -> ReportsPage:
        return self.page("reports")  # type: ignore[return-value]

    @property
    def detail_page(self) -> DetailPage:
        return self.page("detail")  # type: ignore[return-value]

    @property
    def report_page(self) -> ReportPage:
        return self.page("report")  # type: ignore[return-value]

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        names = {
            "search": self.tr("Sök"),
            "locations": self.tr("Platser"),
            "guides": self.tr("Lösningar"),
            "reports": self.tr("Rapporter"),
            "settings": self.tr("Inställningar"),
        }
        for key, b in self.nav_buttons.items():
            b.setText(names[key])
            b.setAccessibleName(names[key])
        self._update_titles()
        self._fit_top_bar()

    def _update_titles(self) -> None:
        area = self.svc.state.area
        self.setWindowTitle(f"{area.name} – {area.title}")
        self.title.setText(area.name)
        self.area_mark.setStyleSheet(f"background: {area.colour}; border-radius: 4px;")
        self.status.setText(
            self.tr("{name} · %n tjänster · katalogversion {v}", "", area.service_count).format(
                name=area.name, v=area.catalogue_version
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_top_bar()  # a larger text size makes the tabs wider

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_top_bar()

    def _fit_top_bar(self) -> None:
        """Five tabs must keep their whole words: on a narrow (portrait) screen the area's
        name moves to a row of its own above them."""
        if not getattr(self, "nav_buttons", None):
            return  # a style event during construction
        room = 0
        for compact in (False, True):  # then narrower padding (largest text on a portrait tablet)
            for b in self.nav_buttons.values():
                if bool(b.property("compact")) != compact:
                    set_role(b, "nav", compact=compact)
            shown = [b for b in self.nav_buttons.values() if not b.isHidden()]  # tablet mode: 4
            tabs = sum(b.sizeHint().width() for b in shown)
            room = self.width() - tabs - self.area_mark.width() - 24 - 4 * len(shown)
            if room >= 0:
                break
        beside = room >= self.title.sizeHint().width() + 16
        self.bar_lay.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )

    # ------------------------------------------------------------------ navigation

    def show_page(self, key: str) -> None:
        page = self.page(key)
        self._history.clear()
        self.stack.setCurrentWidget(page)
        self.nav_buttons[key].setChecked(True)

    def _nav_clicked(self, i: int) -> None:
        self.show_page(self.PAGES[i])

    def _push(self, page: QWidget) -> None:
        current = self.stack.currentWidget()
        if current is not None and current is not page:
            self._history.append(current)
        self.stack.setCurrentWidget(page)

    def open_service(self, service_id: str) -> None:
        self.detail_page.show_service(service_id)
        self._push(self.detail_page)
        self.detail_page.setFocus()

    def open_guide(self, guide_id: str) -> None:
        self.guides_page.show_guide(guide_id)
        current = self.stack.currentWidget()
        if current is not None:
            self._history.append(current)
        self.stack.setCurrentWidget(self.guides_page)
        self.nav_buttons["guides"].setChecked(True)

    def open_about(self) -> None:
        """Om Kompassen, over the settings (Tillbaka or Esc returns to them)."""
        page = self.page("about")
        self._push(page)
        page.setFocus()

    def open_report(self, prefill: Mapping[str, Any] | None = None) -> None:
        """The report form, prefilled (or the open draft, or an offer to continue one)."""
        page = self.report_page
        page.start(prefill)
        self._push(page)
        page.setFocus()

    def start_over(self) -> None:
        """After "Avsluta pass": the search page with everything cleared, for the next shift."""
        self.svc.state.clear()
        self.show_page("search")
        self.search_page.filters.search.setFocus()

    def show_catalogue_rebuilt(self, notice: CatalogueRebuilt) -> None:
        """A damaged catalogue was rebuilt: say so in words (what was typed stays)."""
        self.statusBar().showMessage(notice.message(self.svc.state.lang), 60_000)
        try:  # the same content again, under a new catalogue version: the titles say which
            self.svc.state.area = self.svc.reader.area(self.svc.state.area.id)
        except KompassenError:
            return  # the area did not come back (its pack is broken): the message said enough
        self._update_titles()

    def _catalogue_updated(self, _ticket: int, report: object) -> None:
        """A sync installed a new catalogue release: show the current area's new content."""
        svc = self.svc
        versions = dict(getattr(report, "catalogue_updates", None) or [])
        area_id = svc.state.area.id
        if area_id not in versions:
            return
        lm = svc.state.landmark
        svc.state.set_area(
            svc.reader.area(area_id), svc.reader.landmarks(area_id), lm.id if lm else None
        )
        self.statusBar().showMessage(
            self.tr("Katalogen är uppdaterad (version {v}).").format(v=versions[area_id]), 10_000
        )

    def back(self) -> None:
        if not self._history:
            return
        page = self._history.pop()
        self.stack.setCurrentWidget(page)
        for key, p in self._pages.items():
            if p is page and key in self.nav_buttons:
                self.nav_buttons[key].setChecked(True)

    # ------------------------------------------------------------------ tablet mode

    def set_kiosk(self, on: bool) -> None:
        """Tablet mode: the Inställningar tab is hidden (and Alt+5 off); holding a finger on
        the area's name for 1.5 s, or Ctrl+Shift+S, opens the settings instead."""
        from kompassen.gui.field.kiosk import SETTINGS_SHORTCUT, LongPress

        self.kiosk = on
        if not hasattr(self, "settings_hold"):
            self.settings_hold = LongPress(self.title)
            for hold in (self.settings_hold, LongPress(self.area_mark)):
                hold.held.connect(self.open_hidden_settings)
                hold.pressing.connect(self._hold_hint)
            self.settings_shortcut = QShortcut(
                QKeySequence(SETTINGS_SHORTCUT), self, self.open_hidden_settings
            )
        self.settings_shortcut.setEnabled(on)
        self.page_shortcuts["settings"].setEnabled(not on)
        self.nav_buttons["settings"].setVisible(not on)
        self.title.setToolTip(
            self.tr("Håll fingret här för att öppna inställningarna") if on else ""
        )
        self._fit_top_bar()

    def _hold_hint(self, pressing: bool) -> None:
        """While a finger rests on the name: say that holding on opens the settings."""
        hint = self.tr("Håll kvar för att öppna inställningarna…")
        if pressing and self.kiosk:
            self.statusBar().showMessage(hint, 5_000)
        elif self.statusBar().currentMessage() == hint:  # never another message
            self.statusBar().clearMessage()

    def open_hidden_settings(self) -> None:
        """The settings in tablet mode (a long press on the name, or the shortcut)."""
        if self.kiosk:
            self.show_page("settings")

    # ------------------------------------------------------------------ area and place

    def switch_area(self, area_id: str) -> None:
        svc = self.svc
        try:
            area = svc.reader.area(area_id)
        except KompassenError as err:
            self.status.setText(err.message(svc.state.lang))
            return
        settings = svc.settings.load()
        svc.settings.save(replace(settings, area=area_id))
        svc.state.set_area(area, svc.reader.landmarks(area_id), settings.landmark_for(area_id))
        self.show_page("search")

    def _save_place(self) -> None:
        lm = self.svc.state.landmark
        if lm is None or self.svc.state.coords is not None:
            return
        settings = self.svc.settings.load()
        if settings.landmark_for(lm.area_id) != lm.id:
            self.svc.settings.save(settings.with_landmark(lm.area_id, lm.id))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._theme_timer.stop()
        if "report" in self._pages:  # built: its module is loaded already
            self.report_page.flush()  # what hiding would queue, queued now: the worker stops next
        self.svc.device.close(drain=True)  # every draft and report on disk before exit
        self.svc.runner.close()
        self.svc.sync.close()
        super().closeEvent(event)
