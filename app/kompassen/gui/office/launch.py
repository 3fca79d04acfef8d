"""``kompassen --office``: the office window on the same composition root as the field app.

The office starts on a desktop, so it has no start window of its own as the tablet has
(gui/launch.py): the crash handling first, then the context, the theme and the language from
the settings, the window maximised, and the sign-in (the kept token, else the dialog). It
imports nothing of the field window (an import-linter contract).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from kompassen.compose import AppContext, build
from kompassen.core.errors import KompassenError
from kompassen.device.settings import DEFAULT_AREA
from kompassen.gui.crash import CrashGuard
from kompassen.gui.i18n import Translations
from kompassen.gui.office.first_run import attach_first_run, offer_first_run
from kompassen.gui.office.session import OfficeSession
from kompassen.gui.office.window import OfficeContext, OfficeWindow
from kompassen.gui.qtapp import application
from kompassen.gui.theme import Theme
from kompassen.office.credentials import credentials_file

log = logging.getLogger(__name__)


def build_office_window(
    ctx: AppContext,
    area_id: str | None = None,
    *,
    synchronous: bool = False,
    theme: Theme | None = None,
    lang: str | None = None,
    transport: Any = None,
) -> OfficeWindow:
    """The office window on ``area_id`` (default: the settings' area, else the first
    installed), themed and translated as the settings say (``lang`` overrides)."""
    application()
    settings = ctx.settings.load()
    areas = ctx.catalogue.reader.areas()
    installed = [a.id for a in areas]
    area = area_id or settings.area
    if area not in installed and installed:
        area = DEFAULT_AREA if DEFAULT_AREA in installed else installed[0]
    theme = theme or Theme(settings.theme, settings.text_step)
    translations = Translations()
    translations.set_language(lang or settings.lang)
    theme.apply(ctx.clock.now(), force=True)
    session = OfficeSession(
        credentials_file(ctx.paths.data_dir),
        ctx.clock,
        synchronous=synchronous,
        transport=transport,
    )
    oc = OfficeContext(ctx, session, area, areas, translations.lang, synchronous=synchronous)
    window = OfficeWindow(oc, theme=theme, translations=translations)
    session.setParent(window)
    translations.setParent(window)
    attach_first_run(window)  # "Ny driftsättning…" in the status bar
    return window


def launch_office(
    environ: dict[str, str],
    area_id: str | None = None,
    *,
    ready: Callable[[OfficeWindow], None] | None = None,
) -> int:
    """Run the office window until it is closed; ``ready`` gets it once it is shown (tests)."""
    from kompassen.device.logs import setup_logging

    app = application()
    ctx: AppContext | None = None
    guard: CrashGuard | None = None
    window: OfficeWindow | None = None
    try:
        ctx = build(environ)
        context = ctx
        setup_logging(context.paths.log_file)
        guard = CrashGuard(context.paths.log_file, lambda: context.settings.load().lang).install()
        try:
            window = build_office_window(context, area_id)
        except KompassenError as err:
            QMessageBox.critical(None, "Kompassen", err.message(context.settings.load().lang))
            return 2
        window.resize(1920, 1080)
        window.showMaximized()
        window.start()
        offer_first_run(window)  # placeholder keys or no key file known: the wizard
        log.info("office window ready")
        if ready is not None:
            ready(window)
        return app.exec()
    finally:
        if window is not None:
            window.close_workers()
            window.deleteLater()
        if ctx is not None:
            ctx.close()
        if guard is not None:
            guard.uninstall()
