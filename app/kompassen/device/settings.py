"""The user's settings: a small JSON file next to the databases, written atomically.

Kept out of Qt (no QSettings) so that ``KOMPASSEN_HOME`` isolates it like every other file
and the CLI can read it too. A damaged file falls back to defaults and is kept aside.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from kompassen.device.files import TextFileError, load_json_limited, write_atomic

LANGS = ("sv", "en")
THEMES = ("day", "night", "auto")
DEFAULT_AREA = "klara"  # the area the app opens on until the user picks one
MAX_SETTINGS_BYTES = 1024 * 1024  # a few hundred bytes in use; anything near this is not ours


@dataclass(frozen=True, slots=True)
class Settings:
    """What the Settings screen edits."""

    area: str = DEFAULT_AREA
    lang: str = "sv"
    theme: str = "auto"  # day | night | auto (follow the clock)
    text_step: int = 0  # 0, 1, 2: normal, large, larger
    server_url: str = ""
    landmarks: dict[str, str] = field(default_factory=dict)  # area → chosen landmark id
    # the desktop window's normal geometry [x, y, width, height]; empty: start maximised
    window: list[int] = field(default_factory=list)
    # "Starta i surfplatteläge": None until the user chooses (then the machine default decides)
    kiosk: bool | None = None

    def landmark_for(self, area: str) -> str | None:
        return self.landmarks.get(area)

    def with_landmark(self, area: str, landmark_id: str) -> Settings:
        return replace(self, landmarks={**self.landmarks, area: landmark_id})

    def clean(self) -> Settings:
        """Out-of-range values (a hand-edited file) become the defaults."""
        d = Settings()
        marks = self.landmarks if isinstance(self.landmarks, dict) else {}
        return replace(
            self,
            lang=self.lang if isinstance(self.lang, str) and self.lang in LANGS else d.lang,
            theme=self.theme if isinstance(self.theme, str) and self.theme in THEMES else d.theme,
            text_step=(
                self.text_step
                if type(self.text_step) is int and self.text_step in (0, 1, 2)
                else d.text_step
            ),
            area=self.area if isinstance(self.area, str) and self.area else d.area,
            server_url=self.server_url if isinstance(self.server_url, str) else "",
            landmarks={k: v for k, v in marks.items() if isinstance(v, str) and k and v},
            window=(
                list(self.window)
                if isinstance(self.window, list)
                and len(self.window) == 4
                and all(type(v) is int for v in self.window)
                and self.window[2] > 0
                and self.window[3] > 0
                else []
            ),
            kiosk=self.kiosk if isinstance(self.kiosk, bool) else None,
        )


class SettingsStore:
    """Loads and saves :class:`Settings` at one path; never raises on a bad file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        """The saved settings; defaults when there are none or the file is damaged.

        Read like any file someone else may have made (size-capped, bounded JSON), because a
        hand edit or a bad disk must not stop the app from starting.
        """
        try:
            raw = load_json_limited(self.path, MAX_SETTINGS_BYTES)
            if not isinstance(raw, dict):
                raise TypeError(f"a JSON object was expected, not {type(raw).__name__}")
            known = {f.name for f in fields(Settings)}
            return Settings(**{k: v for k, v in raw.items() if k in known}).clean()
        except TextFileError as exc:
            if exc.missing:
                return Settings()
            problem = exc.en
        except (ValueError, TypeError) as exc:
            problem = str(exc)
        import logging  # only when something is wrong: not on every start

        logging.getLogger(__name__).warning(
            "settings file %s unreadable (%s); using defaults", self.path, problem
        )
        with contextlib.suppress(OSError):
            self.path.replace(self.path.with_suffix(".damaged"))
        return Settings()

    def save(self, settings: Settings) -> None:
        """Atomically, like every file the app writes: a crash leaves the old or the new file."""
        data = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
        write_atomic(self.path, data)
