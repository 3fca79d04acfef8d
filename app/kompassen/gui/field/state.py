"""What the worker has chosen right now: area, place, language, filters.

One object shared by the pages of the field window, so the search page, the location list
and the detail view agree on "where am I" and "who did I meet". Pages change it through its
setters and listen to its signals; nothing else holds this state.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from kompassen.catalogue.search.model import SearchQuery
from kompassen.core.model import Area, Landmark

PAGE = 15  # cards per search: a screenful and a half; scrolling fetches the next page


class FieldState(QObject):
    area_changed = Signal()
    place_changed = Signal()  # landmark or typed coordinates
    language_changed = Signal()
    filters_changed = Signal()

    def __init__(self, area: Area, landmarks: list[Landmark], lang: str = "sv") -> None:
        super().__init__()
        self.area = area
        self.landmarks = landmarks
        self.lang = lang
        self.landmark: Landmark | None = None
        self.coords: tuple[float, float] | None = None  # typed "lat,lon" instead of a landmark
        self.query = SearchQuery(area.id, lang=lang, limit=PAGE)
        self.set_landmark(area.default_landmark_id, quiet=True)

    # ---------------------------------------------------------------- place

    @property
    def near(self) -> tuple[float, float] | None:
        if self.coords is not None:
            return self.coords
        if self.landmark is not None:
            return (self.landmark.lat, self.landmark.lon)
        return None

    @property
    def place_name(self) -> str:
        if self.coords is not None:
            return f"{self.coords[0]:.5f}, {self.coords[1]:.5f}"
        return self.landmark.name if self.landmark else ""

    def landmark_by_id(self, landmark_id: str | None) -> Landmark | None:
        return next((lm for lm in self.landmarks if lm.id == landmark_id), None)

    def set_landmark(self, landmark_id: str | None, quiet: bool = False) -> None:
        lm = self.landmark_by_id(landmark_id) or (self.landmarks[0] if self.landmarks else None)
        self.landmark = lm
        self.coords = None
        self.query = replace(self.query, near=self.near, offset=0)
        if not quiet:
            self.place_changed.emit()
            self.filters_changed.emit()

    def set_coords(self, lat: float, lon: float) -> None:
        self.coords = (lat, lon)
        self.query = replace(self.query, near=self.near, offset=0)
        self.place_changed.emit()
        self.filters_changed.emit()

    # ---------------------------------------------------------------- area and language

    def set_area(self, area: Area, landmarks: list[Landmark], landmark_id: str | None) -> None:
        self.area = area
        self.landmarks = landmarks
        self.query = SearchQuery(area.id, lang=self.lang, limit=self.query.limit)
        self.set_landmark(landmark_id or area.default_landmark_id, quiet=True)
        self.area_changed.emit()
        self.place_changed.emit()
        self.filters_changed.emit()

    def set_lang(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self.query = replace(self.query, lang=lang)
        self.language_changed.emit()
        self.filters_changed.emit()

    # ---------------------------------------------------------------- filters

    def update(self, **changes: object) -> None:
        """Change filters (text, groups, needs, time_mode, at, only_open) and tell the pages."""
        new = replace(self.query, offset=0, **changes)  # type: ignore[arg-type]
        if new != self.query:
            self.query = new
            self.filters_changed.emit()

    def toggle_chip(self, code: str, kind: str) -> None:
        current = self.query.groups if kind == "group" else self.query.needs
        chosen = tuple(c for c in current if c != code) if code in current else (*current, code)
        self.update(**{"groups" if kind == "group" else "needs": chosen})

    def clear(self) -> None:
        """ "Rensa allt": text, chips and time back to the start; the place stays."""
        self.update(text="", groups=(), needs=(), time_mode="now", at=None, only_open=False)

    def set_time(self, mode: str, at: datetime | None = None) -> None:
        self.update(time_mode=mode, at=at if mode in ("at", "tonight") else None)
