"""Starting the Qt application: the field window, and the offscreen self-test."""

from __future__ import annotations

import logging
import os
import time
import weakref
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QApplication

from kompassen.compose import AppContext
from kompassen.device.settings import DEFAULT_AREA
from kompassen.gui.crash import CrashGuard
from kompassen.gui.field.services import build_services
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.i18n import Translations
from kompassen.gui.qtapp import application, drop_source_cache
from kompassen.gui.theme import Theme

if TYPE_CHECKING:
    from kompassen.catalogue.store.store import CatalogueRebuilt

log = logging.getLogger(__name__)


def build_window(
    ctx: AppContext,
    area_id: str | None = None,
    *,
    synchronous: bool = False,
    theme: Theme | None = None,
) -> FieldWindow:
    """The field window on ``area_id`` (default: the area in the settings), themed and translated."""
    application()
    settings = ctx.settings.load()
    area = area_id or settings.area
    installed = {a.id for a in ctx.catalogue.reader.areas()}
    if area not in installed and area_id is None and installed:
        area = DEFAULT_AREA if DEFAULT_AREA in installed else sorted(installed)[0]
    theme = theme or Theme(settings.theme, settings.text_step)
    translations = Translations()
    translations.set_language(settings.lang)
    svc = build_services(ctx, area, synchronous=synchronous, theme=theme, translations=translations)
    svc.state.set_lang(translations.lang)
    theme.apply(ctx.clock.now(), force=True)
    window = FieldWindow(svc)
    drop_source_cache()
    if ctx.rebuilt:  # found damaged while opening (before there was a window to tell)
        window.show_catalogue_rebuilt(ctx.rebuilt[-1])
    ctx.catalogue.on_rebuilt(partial(_tell_rebuilt, weakref.ref(window)))  # a GUI-thread read
    return window


def _tell_rebuilt(window_ref: weakref.ref[FieldWindow], notice: CatalogueRebuilt) -> None:
    """The window says it, if it is still there (the context may outlive it)."""
    window = window_ref()
    if window is not None and shiboken6.isValid(window):
        window.show_catalogue_rebuilt(notice)


def selftest(ctx: AppContext, area_id: str = DEFAULT_AREA) -> int:
    """Open the field window offscreen, search for "härbärge", and check results arrived.

    With the app's crash handling: a packaged build's self-test shows what a start would log.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    guard = CrashGuard(ctx.paths.log_file, lambda: ctx.settings.load().lang).install()
    try:
        return _selftest(app, ctx, area_id)
    finally:
        guard.uninstall()


def _selftest(app: QApplication, ctx: AppContext, area_id: str) -> int:
    window = build_window(ctx, area_id)
    window.show()
    window.search_page.filters.search.setText("härbärge")
    window.svc.state.update(text="härbärge")
    deadline = time.monotonic() + 60
    page = window.search_page
    while time.monotonic() < deadline:
        app.processEvents()
        r = page.result
        if r is not None and r.query.text == "härbärge":
            break
        time.sleep(0.01)
    r = page.result
    rows = page.model.rowCount()
    ok = r is not None and r.query.text == "härbärge" and r.total > 0 and rows > 0
    print(
        f"selftest: {window.svc.state.area.name}: sökning ”härbärge”: "
        f"{r.total if r else 0} träffar, {rows} kort visade"
    )
    window.close()
    return 0 if ok else 1
