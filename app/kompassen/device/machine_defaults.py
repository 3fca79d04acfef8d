"""Defaults an installer sets for every user of a machine (a kiosk tablet, an office desktop).

An installer (the .deb, the Windows installer, an MDM script) writes a small JSON file; the app
reads it at start and uses it where the user has not chosen for themselves:

    {"kiosk": true, "area": "klara"}

Searched in this order, the first file that exists wins:

1. ``$KOMPASSEN_DEFAULTS`` — when set, only this file (set it empty for "no machine defaults");
2. Linux and other Unix: ``/etc/kompassen/defaults.json``;
   Windows: ``%ProgramData%\\Kompassen\\defaults.json``;
3. ``defaults.json`` next to a frozen executable (``sys.frozen``: a PyInstaller bundle).

Keys: ``kiosk`` (bool: start in tablet mode), ``area`` (str: the area to open until the user
picks one). Unknown keys are ignored (a newer installer may write more), so is a key of the
wrong type. A file that cannot be read or is not a JSON object is ignored with one log line:
a bad file an administrator wrote must never stop a tablet from starting.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kompassen.device.files import TextFileError, load_json_limited

DEFAULTS_ENV = "KOMPASSEN_DEFAULTS"
FILE_NAME = "defaults.json"
MAX_DEFAULTS_BYTES = 64 * 1024  # a few dozen bytes in use

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MachineDefaults:
    """What the machine's installer chose; ``None``: it said nothing."""

    kiosk: bool | None = None
    area: str | None = None
    source: Path | None = None  # the file they came from (shown on the About page)


def candidates(
    environ: Mapping[str, str],
    *,
    platform: str | None = None,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[Path]:
    """The files to try, in order (the arguments stand in for ``sys`` in tests)."""
    if DEFAULTS_ENV in environ:
        value = environ[DEFAULTS_ENV]
        return [Path(value)] if value else []
    platform = sys.platform if platform is None else platform
    found: list[Path] = []
    if platform.startswith("win"):
        program_data = environ.get("ProgramData") or environ.get("PROGRAMDATA")
        if program_data:
            found.append(Path(program_data) / "Kompassen" / FILE_NAME)
    else:
        found.append(Path("/etc/kompassen") / FILE_NAME)
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        found.append(Path(executable or sys.executable).parent / FILE_NAME)
    return found


def parse(raw: object, source: Path | None = None) -> MachineDefaults:
    """The known keys of a parsed file; anything else (or of the wrong type) is left out."""
    if not isinstance(raw, dict):
        raise TypeError(f"a JSON object was expected, not {type(raw).__name__}")
    kiosk = raw.get("kiosk")
    area = raw.get("area")
    return MachineDefaults(
        kiosk=kiosk if isinstance(kiosk, bool) else None,
        area=area.strip() if isinstance(area, str) and area.strip() else None,
        source=source,
    )


def load(
    environ: Mapping[str, str],
    *,
    platform: str | None = None,
    executable: str | None = None,
    frozen: bool | None = None,
) -> MachineDefaults:
    """The machine's defaults from the first file found; empty defaults when there is none.

    Never raises for a bad file: it is logged and skipped (the next candidate is not tried —
    the administrator meant this one, and guessing on would hide the mistake).
    """
    where = candidates(environ, platform=platform, executable=executable, frozen=frozen)
    for path in where:
        try:
            raw = load_json_limited(path, MAX_DEFAULTS_BYTES)
            return parse(raw, path)
        except TextFileError as exc:
            if exc.missing:
                continue
            problem = exc.en
        except (ValueError, TypeError, RecursionError) as exc:
            problem = str(exc)
        log.warning("machine defaults %s ignored: %s", path, problem)
        return MachineDefaults()
    return MachineDefaults()


def resolve_kiosk(flag: bool | None, user: bool | None, machine: bool | None) -> bool:
    """Tablet mode: the command line (``--kiosk`` / ``--no-kiosk``) over the user's setting
    over the machine's default; off when nobody said."""
    for choice in (flag, user, machine):
        if choice is not None:
            return choice
    return False
