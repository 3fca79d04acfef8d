"""One ranked service as the worker sees it: open status, direction, handover, what matched."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime

from kompassen.catalogue.search.analyzer import Analyzer, fold
from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.model import SearchQuery, ServiceHit
from kompassen.catalogue.search.text import TextMatch
from kompassen.core.geo import describe
from kompassen.core.text import Text


def mode_labels(conn: sqlite3.Connection) -> dict[str, Text]:
    """Handover mode code → label ("Ring först"); the same for every area."""
    return {
        r[0]: Text(r[1], r[2])
        for r in conn.execute(
            "SELECT code, label_sv, label_en FROM taxonomy_term WHERE kind = 'handover'"
        )
    }


def build_hit(
    idx: AreaIndex,
    q: SearchQuery,
    at: datetime,
    pos: int,
    score: float,
    text: TextMatch,
    analyzer: Analyzer,
    modes: Mapping[str, Text],
) -> ServiceHit:
    """The hit for the service at ``pos`` (``modes``: see :func:`mode_labels`)."""
    lang = q.lang
    st = idx.status_at(pos, at, lang)
    open_now = None if st.state == "unknown" else st.state in ("open", "always")
    dist = walk = None
    bearing = direction = ""
    row = idx.rows.get(pos)
    place = row.coords
    if q.near is not None and place is not None:
        d = describe(q.near[0], q.near[1], place[0], place[1], lang=lang)
        dist, walk, bearing, direction = round(d.distance_m), d.walking_minutes, d.word, d.text
    codes = set(row.groups) | set(row.needs)
    matched_chips = tuple(c for c in (*q.groups, *q.needs, *text.soft) if c in codes)
    name_terms = idx.name_terms(pos, analyzer)
    matched_words = tuple(w for w in text.words if _in_name(w, name_terms, analyzer))
    verified = row.verified_at
    year = int(verified[:4]) if verified[:4].isdigit() else None
    return ServiceHit(
        id=row.id,
        name=row.name,
        organization=row.organization,
        groups=row.groups,
        needs=row.needs,
        status=row.status,
        open_state=st.state,
        open_now=open_now,
        open_text=st.text,
        distance_m=dist,
        walking_minutes=walk,
        bearing=bearing,
        direction=direction,
        handover=handover_summary(idx, pos, lang, modes),
        score=round(score, 4),
        matched_words=matched_words,
        matched_chips=matched_chips,
        verified_at=verified,
        stale=year is None or year < at.year - 1,
        status_detail=row.status_detail,
        status_from=row.status_from,
        status_until=row.status_until,
    )


def _in_name(word: str, name_terms: frozenset[str], analyzer: Analyzer) -> bool:
    """The word is a word of the name, or (2+ letters) the start of one; folded once."""
    if analyzer.term(word) in name_terms:
        return True
    if len(word) < 2:
        return False
    folded = fold(word)
    return any(t.startswith(folded) for t in name_terms)


def handover_summary(idx: AreaIndex, pos: int, lang: str, modes: Mapping[str, Text]) -> str:
    """How to hand the person over, short: "Ring först · 18–25 år"."""
    labels = []
    row = idx.rows.get(pos)
    for code in row.modes:
        label = modes.get(code)
        if label:
            labels.append(label.get(lang))
    lo, hi = row.age_min, row.age_max
    if lo is not None and hi is not None:
        labels.append(f"{lo}–{hi} år" if lang == "sv" else f"ages {lo}–{hi}")
    elif lo is not None:
        labels.append(f"{lo}+")
    elif hi is not None:
        labels.append(f"under {hi + 1}" if lang == "en" else f"upp till {hi} år")
    return " · ".join(labels)
