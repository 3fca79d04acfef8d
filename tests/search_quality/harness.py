"""Runs the quality rows against a real catalogue and scores them (shared by test and report)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.device.paths import bundled_areas_dir

from .queries import GUIDE_TOP, NOW, ROWS, Row


@contextmanager
def catalogue(tmp: Path) -> Iterator[SearchService]:
    """The shipped packs installed in a real SQLite catalogue, searched at Saturday 23:30."""
    clock = FixedClock(NOW)
    store = CatalogueStore(tmp / "catalogue.db", tmp / "backups", clock).open()
    try:
        store.install_bundled(bundled_areas_dir())
        yield SearchService(store.conn, clock)
    finally:
        store.close()


@dataclass(frozen=True)
class Outcome:
    row: Row
    result: SearchResult
    hits: tuple[str, ...]  # ids of the first 10 hits
    guides: tuple[str, ...]
    problems: tuple[str, ...]  # every expectation that failed, in words

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def precision3(self) -> float | None:
        rel = self.row.relevant
        if not rel:
            return None
        return sum(1 for h in self.hits[:3] if h in rel) / 3

    @property
    def recall10(self) -> float | None:
        rel = self.row.relevant
        if not rel:
            return None
        return sum(1 for s in rel if s in self.hits[:10]) / len(rel)

    @property
    def ideal_precision3(self) -> float | None:
        """The best precision@3 this row allows (fewer than 3 relevant services → below 1)."""
        rel = self.row.relevant
        return None if not rel else min(len(rel), 3) / 3


def _local(sid: str) -> str:
    """ "klara/socialjouren" → "socialjouren" (rows name services within their area)."""
    return sid.split("/", 1)[-1]


def query_of(ss: SearchService, row: Row) -> SearchQuery:
    near = None
    if row.near:
        lat, lon, _ = ss.resolve_near(row.area, row.near)
        near = (lat, lon)
    return SearchQuery(
        row.area,
        groups=row.groups,
        needs=row.needs,
        text=row.text,
        time_mode=row.time,
        at=row.at,
        near=near,
        lang=row.lang,
        limit=10,
    )


def run(ss: SearchService, row: Row) -> Outcome:
    r = ss.search(query_of(ss, row))
    hits = tuple(_local(h.id) for h in r.hits[:10])
    guides = tuple(_local(g.id) for g in r.guides)
    top3, top10 = hits[:3], hits
    problems: list[str] = []

    def missing(want: Iterable[str], got: tuple[str, ...], where: str) -> None:
        lost = [s for s in want if s not in got]
        if lost:
            problems.append(f"not in {where}: {', '.join(lost)}")

    missing(row.top3, top3, "top 3")
    missing(row.top10, top10, "top 10")
    if row.first and (not hits or hits[0] not in row.first):
        problems.append(f"first is {hits[0] if hits else 'nothing'}, want one of {row.first}")
    wrong = [s for s in row.not_top3 if s in top3]
    if wrong:
        problems.append(f"must not be in top 3: {', '.join(wrong)}")
    recognised = {c.code for c in r.recognized}
    lost = [c for c in row.recognised if c not in recognised]
    if lost:
        problems.append(f"not recognised: {', '.join(lost)} (got {sorted(recognised)})")
    if row.guide and row.guide not in guides[:GUIDE_TOP]:
        problems.append(f"guide {row.guide} not in the first {GUIDE_TOP} guides {guides}")
    if row.guide and row.guide_first and guides[:1] != (row.guide,):
        problems.append(f"first guide is {guides[0] if guides else 'none'}, want {row.guide}")
    offered = [g for g in row.not_guides if g in guides]
    if offered:
        problems.append(f"guides for other people or needs offered: {', '.join(offered)}")
    if row.guide and row.guide_step is not None and row.guide in guides:
        g = next(g for g in r.guides if _local(g.id) == row.guide)
        step = tuple(map(_local, g.step_now.service_ids)) if g.step_now else None
        if step != row.guide_step:
            problems.append(f"guide step now {step}, want {row.guide_step}")
    for h in r.hits[:3]:
        lacking = [c for c in row.top_groups if c not in h.groups]
        if lacking:
            problems.append(f"{_local(h.id)} in top 3 lacks {', '.join(lacking)}")
    if row.near:
        idx = ss.index(row.area)
        positions = idx.positions(h.id for h in r.hits)
        for h in r.hits:
            has_place = idx.rows.get(positions[h.id]).coords is not None
            if has_place and (h.distance_m is None or h.walking_minutes is None or not h.direction):
                problems.append(f"{h.id} has a place but no distance/direction")
            if not has_place and h.distance_m is not None:
                problems.append(f"{h.id} has no place but a distance")
    return Outcome(row, r, hits, guides, tuple(problems))


def run_all(ss: SearchService, rows: Iterable[Row] = ROWS) -> list[Outcome]:
    return [run(ss, row) for row in rows]


def means(outcomes: Iterable[Outcome]) -> tuple[float, float, int]:
    """Mean precision@3, mean recall@10 and the number of rows that list relevant services."""
    scored = [o for o in outcomes if o.precision3 is not None]
    p3 = mean(o.precision3 for o in scored if o.precision3 is not None) if scored else 0.0
    r10 = mean(o.recall10 for o in scored if o.recall10 is not None) if scored else 0.0
    return p3, r10, len(scored)
