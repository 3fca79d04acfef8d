"""The user's settings: a small JSON file next to the databases, written atomically.

Kept out of Qt (no QSettings) so that ``KOMPASSEN_HOME`` isolates it like every other file
and the CLI can read it too. A damaged file falls back to defaults and is kept aside.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from kompassen.device.files import write_atomic

LANGS = ("sv", "en")
THEMES = ("day", "night", "auto")
DEFAULT_AREA = "klara"  # the area the app opens on until the user picks one


@dataclass(frozen=True, slots=True)
class Settings:
    """What the Settings screen edits."""

    area: str = DEFAULT_AREA
    lang: str = "sv"
    theme: str = "auto"  # day | night | auto (follow the clock)
    text_step: int = 0  # 0, 1, 2: normal, large, larger
    server_url: str = ""
    landmarks: dict[str, str] = field(default_factory=dict)  # area → chosen landmark id

    def landmark_for(self, area: str) -> str | None:
        return self.landmarks.get(area)

    def with_landmark(self, area: str, landmark_id: str) -> Settings:
        return replace(self, landmarks={**self.landmarks, area: landmark_id})

    def clean(self) -> Settings:
        """Out-of-range values (a hand-edited file) become the defaults."""
        d = Settings()
        return replace(
            self,
            lang=self.lang if self.lang in LANGS else d.lang,
            theme=self.theme if self.theme in THEMES else d.theme,
            text_step=self.text_step if self.text_step in (0, 1, 2) else d.text_step,
            area=self.area if isinstance(self.area, str) and self.area else d.area,
            server_url=self.server_url if isinstance(self.server_url, str) else "",
            landmarks={str(k): str(v) for k, v in dict(self.landmarks or {}).items() if k and v},
        )


class SettingsStore:
    """Loads and saves :class:`Settings` at one path; never raises on a bad file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            known = {f.name for f in fields(Settings)}
            return Settings(**{k: v for k, v in raw.items() if k in known}).clean()
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            import logging  # only when something is wrong: not on every start

            logging.getLogger(__name__).warning(
                "settings file %s unreadable (%s); using defaults", self.path, exc
            )
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".damaged"))
            return Settings()

    def save(self, settings: Settings) -> None:
        """Atomically, like every file the app writes: a crash leaves the old or the new file."""
        data = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
        write_atomic(self.path, data)
