"""The office window: a navigation list on the left, one page at a time on the right.

Made for a coordinator's desktop (1920×1080, mouse and keyboard): Arbetslista (the start
page), Rapporter, Katalog, Publicera, Enheter, Områden, Logg; Ctrl+1…7 go to them, F5
refreshes the page shown. The status bar says who is signed in to which server.

The pages are built on first use by typed factory functions (:data:`OFFICE_PAGES`), which
import their modules then: the window opens without the editor's or the publisher's code.
The catalogue editor (gui/office/editor/) and the publish page are modules of their own; the
worklist's rows open records in the editor and its "Kontrollerad idag" marks them there.

The worklist needs no network: it is there before anybody signs in. The server's pages ask
for their data once the session is signed in, and again on F5.

The office keys, once opened with the key file's passphrase, are held by one
:class:`KeyKeeper` for the window (the reports and the publish page share it) and forgotten
after an idle time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.core.model import Area
from kompassen.gui.office.session import OfficeSession, Resumed, SignedIn
from kompassen.gui.office.signin import SignInDialog
from kompassen.gui.qtapp import drop_source_cache

if TYPE_CHECKING:
    from kompassen.compose import AppContext
    from kompassen.gui.i18n import Translations
    from kompassen.gui.office.areas_page import AreasPage
    from kompassen.gui.office.audit_page import AuditPage
    from kompassen.gui.office.devices_page import DevicesPage
    from kompassen.gui.office.editor.page import CatalogueEditorPage
    from kompassen.gui.office.inbox.page import InboxPage
    from kompassen.gui.office.publish_page import KeyKeeper, PublishPage
    from kompassen.gui.office.stats.page import StatsPage
    from kompassen.gui.office.users_page import UsersPage
    from kompassen.gui.office.worklist import WorklistPage
    from kompassen.gui.theme import Theme

log = logging.getLogger(__name__)

PAGES = ("worklist", "inbox", "stats", "catalogue", "publish", "devices", "areas", "audit", "users")
THEME_CHECK_MS = 60_000  # "follow the clock": night from 19:00, day from 07:00


def office_style(point_size: float) -> str:
    """The desktop's additions to the app's style sheet (sizes only: the colours stay the
    theme's, so day and night need nothing here).

    A focused button's border is 2 px wider than its normal one; its padding gives them
    back, so the text keeps its room.
    """
    return f"""
QPushButton:focus {{ padding: 6px 12px; }}
QListWidget#officeNav {{ font-size: {point_size * 1.1:.1f}pt; }}
QListWidget#officeNav::item {{ padding: 4px 16px; }}
QSpinBox {{ min-width: 90px; padding-right: 28px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 26px; }}
"""


@dataclass
class OfficeContext:
    """What the office pages are built from (the composition root's context and the session)."""

    ctx: AppContext
    session: OfficeSession
    area_id: str
    areas: list[Area]
    lang: str
    synchronous: bool = False
    keeper: KeyKeeper | None = None  # the opened office keys, shared by the pages (on first use)


def shared_keeper(oc: OfficeContext, parent: QWidget) -> KeyKeeper:
    """The window's one :class:`KeyKeeper` (made by the first page that needs keys)."""
    if oc.keeper is None:
        from kompassen.gui.office.publish_page import KeyKeeper

        oc.keeper = KeyKeeper(parent=parent.window())
    return oc.keeper


def _worklist(oc: OfficeContext, parent: QWidget) -> WorklistPage:
    from kompassen.gui.office.worklist import WorklistPage

    return WorklistPage(
        oc.ctx.paths.catalogue_db,
        oc.area_id,
        oc.ctx.clock,
        oc.lang,
        synchronous=oc.synchronous,
        parent=parent,
    )


def _catalogue(oc: OfficeContext, parent: QWidget) -> CatalogueEditorPage:
    from kompassen.gui.office.editor.page import CatalogueEditorPage

    who = oc.session.current
    return CatalogueEditorPage(
        oc.ctx,
        oc.area_id,
        parent,
        user=who.user.name if who is not None else "",
        synchronous=oc.synchronous,
    )


def _publish(oc: OfficeContext, parent: QWidget) -> PublishPage:
    from kompassen.gui.office.publish_page import PublishPage
    from kompassen.office.setup import known_key_file

    return PublishPage(
        oc.ctx,
        oc.session,
        oc.area_id,
        keeper=shared_keeper(oc, parent),
        key_file=known_key_file(oc.ctx.paths.data_dir),  # the first-run wizard's, if any
        synchronous=oc.synchronous,
        parent=parent,
    )


def _inbox(oc: OfficeContext, parent: QWidget) -> InboxPage:
    from kompassen.gui.office.inbox.page import InboxPage
    from kompassen.office.setup import known_key_file

    return InboxPage(
        oc.session,
        oc.area_id,
        oc.ctx.paths.data_dir,
        oc.ctx.clock,
        keeper=shared_keeper(oc, parent),
        key_file=known_key_file(oc.ctx.paths.data_dir),
        lang=oc.lang,
        synchronous=oc.synchronous,
        parent=parent,
    )


def _stats(oc: OfficeContext, parent: QWidget) -> StatsPage:
    from kompassen.gui.office.stats.page import StatsPage

    return StatsPage(
        oc.ctx,
        oc.area_id,
        oc.lang,
        shared_keeper(oc, parent),
        synchronous=oc.synchronous,
        parent=parent,
    )


def _devices(oc: OfficeContext, parent: QWidget) -> DevicesPage:
    from kompassen.gui.office.devices_page import DevicesPage

    return DevicesPage(oc.session, oc.ctx.clock, oc.lang, parent)


def _areas(oc: OfficeContext, parent: QWidget) -> AreasPage:
    from kompassen.gui.office.areas_page import AreasPage

    return AreasPage(oc.ctx, oc.areas, oc.lang, synchronous=oc.synchronous, parent=parent)


def _audit(oc: OfficeContext, parent: QWidget) -> AuditPage:
    from kompassen.gui.office.audit_page import AuditPage

    return AuditPage(oc.session, oc.ctx.clock, oc.lang, parent)


def _users(oc: OfficeContext, parent: QWidget) -> UsersPage:
    from kompassen.gui.office.users_page import UsersPage

    return UsersPage(oc.session, [a.id for a in oc.areas], oc.lang, parent)


# the navigation's words, translated where they are read (the window retranslates them)
_TITLES: dict[str, Callable[[], str]] = {
    "worklist": lambda: QCoreApplication.translate("OfficeWindow", "Arbetslista"),
    "inbox": lambda: QCoreApplication.translate("OfficeWindow", "Rapporter"),
    "stats": lambda: QCoreApplication.translate("OfficeWindow", "Statistik"),
    "catalogue": lambda: QCoreApplication.translate("OfficeWindow", "Katalog"),
    "publish": lambda: QCoreApplication.translate("OfficeWindow", "Publicera"),
    "devices": lambda: QCoreApplication.translate("OfficeWindow", "Enheter"),
    "areas": lambda: QCoreApplication.translate("OfficeWindow", "Områden"),
    "audit": lambda: QCoreApplication.translate("OfficeWindow", "Logg"),
    "users": lambda: QCoreApplication.translate("OfficeWindow", "Användare"),
}

# key → factory: the pages are built on first use (their modules imported then)
OFFICE_PAGES: dict[str, Callable[[OfficeContext, QWidget], QWidget]] = {
    "worklist": _worklist,
    "inbox": _inbox,
    "stats": _stats,
    "catalogue": _catalogue,
    "publish": _publish,
    "devices": _devices,
    "areas": _areas,
    "audit": _audit,
    "users": _users,
}
# the pages that show the server's data: asked for it after a sign-in
SERVER_PAGES = ("devices", "audit", "publish", "users", "inbox")
ADMIN_PAGES = ("users",)  # shown in the navigation to administrators only


class OfficeWindow(QMainWindow):
    """The office's main window; everything it shows comes from the injected context."""

    page_changed = Signal(str)

    def __init__(
        self,
        oc: OfficeContext,
        *,
        theme: Theme | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.oc = oc
        self.session = oc.session
        self.theme = theme
        self.translations = translations
        self.signin: SignInDialog | None = None
        self._pages: dict[str, QWidget] = {}
        self._closed = False
        self.setMinimumSize(QSize(1024, 700))
        self.setStyleSheet(office_style(theme.point_size() if theme is not None else 12.0))
        if theme is not None:
            self._theme_timer = QTimer(self)
            self._theme_timer.setInterval(THEME_CHECK_MS)
            self._theme_timer.timeout.connect(lambda: theme.apply(oc.ctx.clock.now()))
            self._theme_timer.start()

        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("officeNav")
        self.nav.setFixedWidth(240)
        self.nav.setSpacing(2)
        for key in PAGES:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        lay.addWidget(self.nav)
        self.stack = QStackedWidget(central)
        self.stack.setMinimumSize(1, 1)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.who = QLabel(self)
        self.statusBar().addPermanentWidget(self.who)
        self.sign_button = QPushButton(self)
        self.sign_button.clicked.connect(self._sign_button_clicked)
        self.statusBar().addPermanentWidget(self.sign_button)

        self.nav.currentRowChanged.connect(self._nav_changed)
        for n, key in enumerate(PAGES, start=1):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, lambda k=key: self.show_page(k))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.session.signed_in.connect(self._signed_in)
        self.session.expired.connect(self._expired)
        self.retranslate()
        self.nav.setCurrentRow(0)

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> QWidget:
        """The page under ``key``, built on first use."""
        if key not in self._pages:
            page = OFFICE_PAGES[key](self.oc, self.stack)
            drop_source_cache()  # the page's modules were just imported
            page.setProperty("officePage", key)
            self.stack.addWidget(page)
            self._pages[key] = page
            self._wire(key, page)
            if key in SERVER_PAGES and self.session.current is not None:
                _refresh(page)
        return self._pages[key]

    def built(self, key: str) -> bool:
        return key in self._pages

    def _wire(self, key: str, page: QWidget) -> None:
        if key == "worklist":
            page.open_record.connect(self.open_record)  # type: ignore[attr-defined]
            page.mark_checked.connect(self.mark_checked)  # type: ignore[attr-defined]
        if key == "catalogue":
            page.saved.connect(lambda _result: self._after_save())  # type: ignore[attr-defined]
        if key == "publish":
            page.published.connect(lambda _v: self._after_publish())  # type: ignore[attr-defined]
            page.published_guides.connect(self._published_guides)  # type: ignore[attr-defined]
        if key == "inbox":
            page.open_guide.connect(self.new_guide)  # type: ignore[attr-defined]
        if key == "areas":
            page.areas_changed.connect(self._areas_changed)  # type: ignore[attr-defined]

    def _areas_changed(self, areas: list[Area]) -> None:
        """A new area was installed: the context (and the users page's areas) learn of it."""
        self.oc.areas[:] = areas
        users = self._pages.get("users")
        if users is not None:
            users.installed = [a.id for a in areas]  # type: ignore[attr-defined]

    @property
    def worklist_page(self) -> WorklistPage:
        return self.page("worklist")  # type: ignore[return-value]

    @property
    def devices_page(self) -> DevicesPage:
        return self.page("devices")  # type: ignore[return-value]

    @property
    def audit_page(self) -> AuditPage:
        return self.page("audit")  # type: ignore[return-value]

    @property
    def areas_page(self) -> AreasPage:
        return self.page("areas")  # type: ignore[return-value]

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else PAGES[0]

    def show_page(self, key: str) -> QWidget:
        """Go to ``key`` (the navigation follows)."""
        row = PAGES.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _nav_changed
        else:
            self._nav_changed(row)
        return self._pages[key]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.page_changed.emit(key)

    def refresh(self) -> None:
        """F5: the page shown fetches its data again."""
        _refresh(self.page(self.current_key()))

    # ------------------------------------------------------------------ routing

    def open_record(self, record_type: str, record: str) -> None:
        """A worklist row: the record in the catalogue editor."""
        self.catalogue_page_shown().open_record(record_type, record)

    def mark_checked(self, record_type: str, record: str) -> None:
        """ "Kontrollerad idag" on a worklist row: the editor marks the record as checked
        today (an undoable edit, saved with the editor's Spara), once it has opened."""
        page = self.catalogue_page_shown()

        def mark() -> None:
            if page.open_record(record_type, record):
                page.mark_checked()

        if page.session is not None:
            mark()
        else:  # the editor is still reading the area: as soon as it has

            def once() -> None:
                page.opened.disconnect(once)
                mark()

            page.opened.connect(once)
            page.open_record(record_type, record)

    def catalogue_page_shown(self) -> CatalogueEditorPage:
        return self.show_page("catalogue")  # type: ignore[return-value]

    def _after_save(self) -> None:
        if "worklist" in self._pages:
            self.worklist_page.refresh()  # a saved edit may settle a finding

    @property
    def inbox_page(self) -> InboxPage:
        return self.page("inbox")  # type: ignore[return-value]

    def new_guide(self, fields: dict[str, Any]) -> None:
        """ "Gör en lösning av detta": the prefilled guide, new in the catalogue editor."""
        key = self.catalogue_page_shown().new_record("guides", fields)
        report = self.inbox_page.detail.report
        if report is not None and key != fields.get("key"):
            self.inbox_page.relink(report.submission_id, str(fields.get("key")), key)

    def _published_guides(self, titles: dict[str, tuple[str, str]]) -> None:
        """A publish included these guides: the reports linked to them are solved."""
        self.inbox_page.solve_published(titles)  # built if need be: links may be older

    def _after_publish(self) -> None:
        for key in ("devices", "audit"):
            if key in self._pages:
                _refresh(self._pages[key])

    # ------------------------------------------------------------------ signing in

    def start(self) -> None:
        """Signed in with the kept token if it is still good, else the sign-in dialog (the
        kept sign-in is read and checked on the network worker)."""
        self.who.setText(self.tr("Loggar in…"))
        self.session.resume(done=self._resumed)

    def _resumed(self, result: Resumed) -> None:
        if result.who is not None:
            return  # signed in: _signed_in has said so
        reason = result.error.message(self.oc.lang) if result.error is not None else ""
        self.ask_sign_in(server=result.server, user=result.user, reason=reason)

    def ask_sign_in(self, *, server: str = "", user: str = "", reason: str = "") -> SignInDialog:
        """The sign-in dialog (window-modal, no nested event loop)."""
        if self.signin is not None and self.signin.isVisible():
            return self.signin
        last = self.session.last
        if not server and last is not None:
            server, user = last.server, user or last.user.name
        kept = self.session.kept
        if not server and kept is not None and kept.server:
            server, user = kept.server, user or kept.user
        if not server:
            server = self.oc.ctx.settings.load().server_url
        dialog = SignInDialog(
            self.session, self.oc.lang, server=server, user=user, reason=reason, parent=self
        )
        dialog.finished.connect(lambda _r: self._signin_closed(dialog))
        self.signin = dialog
        self._say_who()
        dialog.open()
        return dialog

    def _signin_closed(self, dialog: SignInDialog) -> None:
        if self.signin is dialog:
            self.signin = None
        dialog.deleteLater()

    def _signed_in(self, who: SignedIn) -> None:
        self._say_who()
        editor = self._pages.get("catalogue")
        if editor is not None:
            editor.set_user(who.user.name)  # type: ignore[attr-defined]  # who checks, who edits
        for key in SERVER_PAGES:
            if key in self._pages:
                _refresh(self._pages[key])

    def _expired(self) -> None:
        self._say_who()
        self.ask_sign_in(reason=self.tr("Inloggningen har gått ut. Logga in igen."))

    def _sign_button_clicked(self) -> None:
        if self.session.current is not None:
            self.session.sign_out()
            self._say_who()
        self.ask_sign_in()

    def _say_who(self) -> None:
        who = self.session.current
        for key in ADMIN_PAGES:
            self.nav.item(PAGES.index(key)).setHidden(who is None or not who.user.is_admin)
        if who is None:
            self.who.setText(self.tr("Inte inloggad"))
            self.sign_button.setText(self.tr("Logga in…"))
        else:
            self.who.setText(
                self.tr("Inloggad som {user} ({role}) på {server}").format(
                    user=who.user.name, role=self._role(who.user.role), server=who.server
                )
            )
            self.sign_button.setText(self.tr("Logga ut"))
        self.who.setAccessibleName(self.who.text())
        self.sign_button.setAccessibleName(self.sign_button.text())

    def _role(self, role: str) -> str:
        return self.tr("administratör") if role == "admin" else self.tr("samordnare")

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        area = next((a for a in self.oc.areas if a.id == self.oc.area_id), None)
        name = area.name if area is not None else self.oc.area_id
        self.setWindowTitle(self.tr("Kompassen kontor – {area}").format(area=name))
        for n, key in enumerate(PAGES):
            item = self.nav.item(n)
            item.setText(_TITLES[key]())
            item.setToolTip(f"{_TITLES[key]()} (Ctrl+{n + 1})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _TITLES[key]())
        self.nav.setAccessibleName(self.tr("Sidor"))
        self._say_who()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_error(self, err: KompassenError) -> None:
        self.statusBar().showMessage(err.message(self.oc.lang), 15_000)

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_workers()
        super().closeEvent(event)

    def close_workers(self) -> None:
        """Stop the page workers and the network worker (each after its running call)."""
        if self._closed:
            return
        self._closed = True
        for page in self._pages.values():
            for name in ("close_worker", "close_workers", "shutdown"):
                closer = getattr(page, name, None)
                if callable(closer):
                    closer()
        self.session.close()


def _refresh(page: Any) -> None:
    refresh = getattr(page, "refresh", None)
    if callable(refresh):
        refresh()
