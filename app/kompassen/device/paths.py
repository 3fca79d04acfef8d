"""Where Kompassen keeps its files: the one place that decides it.

platformdirs picks the per-user folders; ``KOMPASSEN_HOME`` overrides all of them (tests,
portable installs, scripts). Qt's QStandardPaths is deliberately not used: it disagrees with
platformdirs on Linux and we want one answer.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Kompassen"
HOME_ENV = "KOMPASSEN_HOME"


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


def bundled_areas_dir() -> Path:
    """The area packs shipped with the app: next to the sources, or inside a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "data" / "areas"
    return Path(__file__).resolve().parents[3] / "data" / "areas"


def resources_dir() -> Path:
    """Icons, style and translations (.ts sources, .qm built by ``make``): source or bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def resolve_paths(environ: os._Environ[str] | dict[str, str] | None = None) -> Paths:
    """Paths for this process: KOMPASSEN_HOME if set, the platform's user folders otherwise."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(root / "data", root / "logs", root / "backups", bundled_areas_dir())
    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    logs = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return Paths(data, logs, data / "backups", bundled_areas_dir())
