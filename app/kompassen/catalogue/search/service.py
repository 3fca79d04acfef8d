"""The search engine: who the worker met + what the person needs → ranked partners.

No Qt, no I/O beyond the catalogue connection. :class:`SearchService` only orchestrates: per
area an :class:`~kompassen.catalogue.search.area_index.AreaIndex` keeps what a keystroke needs
in memory; ``text`` turns the words into chips and an FTS5 query, ``ranking`` scores,
``hits`` builds what is shown, ``guides`` and ``alternatives`` add the rest. Ranking is
explained in docs/SEARCH.md.
"""

from __future__ import annotations

import gc
import logging
import re
import sqlite3
import time
from datetime import datetime, timedelta
from functools import cached_property

from kompassen.catalogue.search import bitset
from kompassen.catalogue.search.alternatives import alternatives as zero_result_alternatives
from kompassen.catalogue.search.analyzer import Analyzer, fold
from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.guides import guide_bonuses, match_guides
from kompassen.catalogue.search.hits import build_hit, mode_labels
from kompassen.catalogue.search.model import Alternative, SearchQuery, SearchResult, ServiceHit
from kompassen.catalogue.search.ranking import rank, text_scores
from kompassen.catalogue.search.text import analyse_text
from kompassen.catalogue.store.errors import AreaNotInstalled
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.core.hours import TZ
from kompassen.core.text import Text

log = logging.getLogger(__name__)


class UnknownPlace(KompassenError):
    def __init__(self, spec: str, area_id: str) -> None:
        super().__init__(
            sv=f"Hittar ingen plats ”{spec}” i området {area_id}. Ange ett landmärke eller lat,lon.",
            en=f"No place '{spec}' in the area {area_id}. Give a landmark or lat,lon.",
        )


class SearchService:
    """Searches the catalogue; one instance per catalogue connection (read-only use)."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock
        self._analyzer = Analyzer()
        self._indexes: dict[str, AreaIndex] = {}

    def close(self) -> None:
        """Close the connection this service was given (it owns it from then on)."""
        self._indexes.clear()
        self._conn.close()

    # ------------------------------------------------------------------ index management

    def index(self, area_id: str) -> AreaIndex:
        """The in-memory index of an area, rebuilt when the catalogue version changed."""
        row = self._conn.execute(
            "SELECT catalogue_version FROM area WHERE id = ?", (area_id,)
        ).fetchone()
        if row is None:
            raise AreaNotInstalled(area_id)
        idx = self._indexes.get(area_id)
        if idx is None or idx.version != row[0]:
            started = time.perf_counter()  # logged: a slow tablet is diagnosed from its log
            idx = AreaIndex(self._conn, area_id, row[0], self._analyzer)
            secs = time.perf_counter() - started
            log.info("built search index %s (%d services) in %.2f s", area_id, idx.size, secs)
            self._indexes[area_id] = idx
            # The index is large and long-lived: keep the cyclic garbage collector from
            # re-scanning it (a full collection over 100k services stalled keystrokes ~100 ms).
            # Frozen objects are still freed by reference counting when the index is replaced.
            gc.freeze()
        return idx

    def resolve_near(self, area_id: str, spec: str) -> tuple[float, float, str]:
        """A landmark name (accent/case-insensitive, prefix ok) or "lat,lon" → coordinates."""
        m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", spec)
        if m:
            lat, lon = float(m[1]), float(m[2])
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                return lat, lon, f"{lat:.5f},{lon:.5f}"
            raise UnknownPlace(spec, area_id)
        want = fold(spec.strip())
        if not want:
            raise UnknownPlace(spec, area_id)
        idx = self.index(area_id)
        candidates = []
        for key, name, aliases, lat, lon in idx.landmarks:
            names = [name, key, *aliases]
            folded = [fold(x) for x in names]
            if want in folded:
                return lat, lon, name
            if any(f.startswith(want) for f in folded) or any(want in f for f in folded):
                candidates.append((lat, lon, name))
        if candidates:
            return candidates[0]
        raise UnknownPlace(spec, area_id)

    # --------------------------------------------------------------------------- search

    def search(self, q: SearchQuery) -> SearchResult:
        """Chips filter, text ranks and widens, time and place rank (docs/SEARCH.md)."""
        idx = self.index(q.area_id)
        at = q.at or self._clock.now()
        if at.tzinfo is None:
            at = at.replace(tzinfo=TZ)
        text = analyse_text(idx, self._analyzer, q.text, q.lang)

        text_pos, text_val = text_scores(self._conn, idx, text.fts)
        soft_mask = 0
        for code in text.soft:
            soft_mask |= idx.masks.get(code, 0)
        if text.fts or text.soft or text.ignored:
            text_hit_mask = bitset.from_array(text_pos, idx.size)
            text_mask = text_hit_mask | soft_mask
            # closed services appear only when the text names them
            text_mask &= idx.active | text_hit_mask
        else:
            text_mask = idx.active

        chip_codes = [*q.groups, *q.needs]
        chip_mask = idx.all
        for code in chip_codes:
            chip_mask &= idx.masks.get(code, 0)

        open_mask = self._open_mask(idx, q, at)
        time_mask = open_mask if (q.only_open and open_mask is not None) else idx.all
        base = text_mask & chip_mask & time_mask
        total = base.bit_count()

        facets = {}
        for code in idx.terms:
            facets[code] = (
                total if code in chip_codes else (base & idx.masks.get(code, 0)).bit_count()
            )

        guides = match_guides(
            self._conn, idx.guides, q, at, text.guide_fts, text.soft, chip_codes, idx.phrases
        )
        takes_over = guide_bonuses(guides, idx.guide_by_id)
        page, scores = rank(idx, q, base, total, text, text_pos, text_val, open_mask, takes_over)
        hits: tuple[ServiceHit, ...] = ()
        ids: tuple[str, ...] = ()
        if q.ids_only:
            ids = tuple(idx.rows.ids(page.tolist()))
        else:
            modes = self._mode_labels
            idx.rows.fetch(page.tolist())  # the page's rows in one query per table
            hits = tuple(
                build_hit(idx, q, at, int(p), float(s), text, self._analyzer, modes)
                for p, s in zip(page, scores, strict=True)
            )
        alternatives: tuple[Alternative, ...] = ()
        if total == 0:
            alternatives = zero_result_alternatives(idx, q, text_mask, chip_codes, time_mask)
        return SearchResult(
            query=q,
            total=total,
            hits=hits,
            guides=tuple(guides),
            facets=facets,
            recognized=tuple(text.recognized),
            alternatives=alternatives,
            report_suggested=total == 0,
            ignored_words=tuple(text.ignored),
            ids=ids,
        )

    @cached_property
    def _mode_labels(self) -> dict[str, Text]:
        return mode_labels(self._conn)

    def _open_mask(self, idx: AreaIndex, q: SearchQuery, at: datetime) -> int | None:
        if q.time_mode == "any":
            return None
        if q.time_mode == "tonight":
            local = at.astimezone(TZ)
            evening = local.replace(hour=18, minute=0, second=0, microsecond=0)
            if local.hour < 8:  # after midnight "tonight" is the night we are in
                evening -= timedelta(days=1)
            start = max(local, evening)
            end = (evening + timedelta(days=1)).replace(hour=8)
            return idx.open.open_between(start, end)
        return idx.open.open_at(at)
