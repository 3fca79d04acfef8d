"""Switching the user interface language at runtime with Qt's translation system.

Source strings in the code are Swedish (the users' language). ``resources/translations``
holds the ``.ts`` sources (Swedish for plural forms, English for everything); the package build
(``pip install``/``pip wheel``, setup.py) compiles the ``.qm`` files, found as package data. Installing a translator makes Qt post ``LanguageChange`` to every widget, which then calls
its ``retranslate()`` when the event loop delivers it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from kompassen.device.paths import resources_dir

log = logging.getLogger(__name__)

LANGS = ("sv", "en")


def translations_dir() -> Path:
    """The .qm files: package data (``kompassen.resources``), from source, wheel or bundle."""
    return resources_dir() / "translations"


class Translations(QObject):
    """Owns the installed translators; ``changed`` fires after a switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = "sv"
        self._installed: list[QTranslator] = []

    def uninstall(self) -> None:
        """Remove this object's translators from the application (back to the Swedish source)."""
        if QCoreApplication.instance() is not None:
            for t in self._installed:
                QCoreApplication.removeTranslator(t)
                t.deleteLater()
        self._installed.clear()

    def set_language(self, lang: str) -> bool:
        """Install ``lang``; False (and Swedish) when its .qm file is missing."""
        lang = lang if lang in LANGS else "sv"
        self.uninstall()
        ok = True
        for name, folder in (
            (f"kompassen_{lang}", translations_dir()),
            (f"qtbase_{lang}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
        ):
            # owned by the application, like the installation itself (findChildren finds them)
            t = QTranslator(QCoreApplication.instance())
            if t.load(name, str(folder)):
                QCoreApplication.installTranslator(t)
                self._installed.append(t)
            elif name.startswith("kompassen"):
                log.warning("translation %s not found in %s (the build makes it)", name, folder)
                ok = lang == "sv"
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Swedish if lang == "sv" else QLocale.Language.English,
                QLocale.Country.Sweden,
            )
        )
        self.lang = lang if ok else "sv"
        self.changed.emit(self.lang)
        return ok
