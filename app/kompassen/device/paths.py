"""Where Kompassen keeps its files: the one place that decides it.

platformdirs picks the per-user folders; ``KOMPASSEN_HOME`` overrides all of them (tests,
portable installs, scripts). Qt's QStandardPaths is deliberately not used: it disagrees with
platformdirs on Linux and we want one answer.
"""

from __future__ import annotations

import atexit
import os
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from kompassen.core.errors import KompassenError

APP_NAME = "Kompassen"
HOME_ENV = "KOMPASSEN_HOME"
# Another folder of area packs instead of the shipped ones (tests, packagers trying a pack).
BUNDLED_AREAS_ENV = "KOMPASSEN_BUNDLED_AREAS"
# Package data mapped from the top of the repository (pyproject.toml: data/, resources/).
BUNDLED_PACKAGE = "kompassen.bundled"
RESOURCES_PACKAGE = "kompassen.resources"

# as_file() may extract to a temporary folder (zip imports): keep it until the process ends.
_extracted = ExitStack()
atexit.register(_extracted.close)


class PackageDataMissing(KompassenError):
    """The installation lacks its own data: a broken install, never the user's doing."""


@dataclass(frozen=True, slots=True)
class Paths:
    """The folders and files of one installation (one user, or one KOMPASSEN_HOME)."""

    data_dir: Path
    log_dir: Path
    backup_dir: Path
    bundled_areas_dir: Path

    @property
    def catalogue_db(self) -> Path:
        """Replaceable: can always be rebuilt from the area packs or re-pulled."""
        return self.data_dir / "catalogue.db"

    @property
    def device_db(self) -> Path:
        """Precious: drafts, outbox, usage events, settings."""
        return self.data_dir / "device.db"

    @property
    def settings_file(self) -> Path:
        """The user's choices (area, language, theme, text size, server)."""
        return self.data_dir / "settings.json"

    @property
    def token_file(self) -> Path:
        """The device's sync token when no OS keyring is available (mode 0600)."""
        return self.data_dir / "device-token.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "kompassen.log"

    def ensure(self) -> Paths:
        """Create the folders (mode 0700: reports and logs are nobody else's business)."""
        for d in (self.data_dir, self.log_dir, self.backup_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


@cache
def package_dir(package: str) -> Path:
    """A package-data folder as a real path: the same lookup from source, wheel or bundle."""
    try:
        root = files(package)
    except ModuleNotFoundError as exc:
        raise PackageDataMissing(
            sv=f"Kompassen är inte fullständigt installerad: {package} saknas "
            "(installera om, eller kör pip install -e . i en utvecklingskopia).",
            en=f"Kompassen is not completely installed: {package} is missing "
            "(reinstall, or run pip install -e . in a development checkout).",
        ) from exc
    return _extracted.enter_context(as_file(root))


def bundled_areas_dir() -> Path:
    """The area packs shipped with the app (``data/areas`` in the repository)."""
    return package_dir(BUNDLED_PACKAGE) / "areas"


def resources_dir() -> Path:
    """Icons and translations (``.qm`` built from the ``.ts`` sources by the package build)."""
    return package_dir(RESOURCES_PACKAGE)


def resolve_paths(environ: os._Environ[str] | dict[str, str] | None = None) -> Paths:
    """Paths for this process: KOMPASSEN_HOME if set, the platform's user folders otherwise.

    ``KOMPASSEN_BUNDLED_AREAS`` names another folder of area packs to install at start-up.
    """
    env = os.environ if environ is None else environ
    other_packs = env.get(BUNDLED_AREAS_ENV)
    bundled = Path(other_packs).expanduser().resolve() if other_packs else bundled_areas_dir()
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(root / "data", root / "logs", root / "backups", bundled)
    import platformdirs  # ~2-7 ms: a script on a KOMPASSEN_HOME of its own does without

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    logs = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return Paths(data, logs, data / "backups", bundled)
