"""Guides (the partner team's solutions for a problem): loading, matching a search, the step now.

Takes plain lists rather than the area index so the index can load guides without a cycle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from kompassen.catalogue.search.model import GuideHit, GuideStepNow, SearchQuery
from kompassen.catalogue.search.weights import W_GUIDE, W_NOW, W_TEXT
from kompassen.core.hours import TZ
from kompassen.core.model import Text

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# one step: its text, the services it names, and when it applies (weekdays, from, to) or None
Step = tuple[Text, tuple[str, ...], tuple[tuple[int, ...], str, str] | None]


@dataclass
class Guide:
    rowid: int
    id: str
    title: Text
    problem: Text
    codes: frozenset[str]
    steps: list[Step]


def load_guides(conn: sqlite3.Connection, area_id: str) -> list[Guide]:
    """Every guide of an area with its codes and steps, in the pack's order."""
    guides = []
    for g in conn.execute(
        "SELECT rowid, * FROM guide WHERE area_id = ? ORDER BY position", (area_id,)
    ).fetchall():
        codes = frozenset(
            r[0]
            for r in conn.execute("SELECT term_code FROM guide_term WHERE guide_id = ?", (g["id"],))
        )
        steps: list[Step] = []
        for st in conn.execute(
            "SELECT * FROM guide_step WHERE guide_id = ? ORDER BY position", (g["id"],)
        ).fetchall():
            services = tuple(
                r[0]
                for r in conn.execute(
                    "SELECT service_id FROM guide_step_service WHERE step_id = ? ORDER BY position",
                    (st["id"],),
                )
            )
            when = None
            if st["from_time"] is not None:
                days = tuple(_DAYS.index(d) for d in (st["days"] or "").split(",") if d)
                when = (days, st["from_time"], st["to_time"])
            steps.append((Text(st["text_sv"], st["text_en"]), services, when))
        guides.append(
            Guide(
                g["rowid"],
                g["id"],
                Text(g["title_sv"], g["title_en"]),
                Text(g["problem_sv"], g["problem_en"]),
                codes,
                steps,
            )
        )
    return guides


def match_guides(
    conn: sqlite3.Connection,
    guides: Iterable[Guide],
    q: SearchQuery,
    at: datetime,
    guide_fts: str,
    soft: list[str],
    chip_codes: list[str],
) -> list[GuideHit]:
    """The (at most five) guides for what the worker chose and the text names, best first."""
    wanted = set(chip_codes) | set(soft)
    text_scores: dict[int, float] = {}
    if guide_fts:
        text_scores = {
            rowid: -score
            for rowid, score in conn.execute(
                "SELECT rowid, bm25(guide_fts, 5.0, 1.0) FROM guide_fts WHERE guide_fts MATCH ?",
                (guide_fts,),
            )
        }
    top = max(text_scores.values(), default=0.0) or 1.0
    hits = []
    for g in guides:
        overlap = [c for c in (*chip_codes, *soft) if c in g.codes]
        need_overlap = any(c in g.codes for c in wanted if ".need." in f".{c}")
        chosen_needs = [c for c in q.needs if c not in g.codes]
        if chosen_needs:
            continue  # a guide must cover every need the worker chose
        asked_groups = [c for c in wanted if ".group." in f".{c}"]
        guide_groups = [c for c in g.codes if ".group." in f".{c}"]
        group_fit = 0.0
        if asked_groups and guide_groups:
            group_fit = 1.0 if any(c in g.codes for c in asked_groups) else -1.5
        text_fit = text_scores.get(g.rowid, 0.0) / top
        if not need_overlap and text_fit < 0.5:
            continue  # a guide is about a need: sharing only a group is not enough
        score = (2.0 if need_overlap else 0.0) + 0.5 * len(overlap) + group_fit + W_TEXT * text_fit
        if score < 1.0:
            continue
        hits.append(
            GuideHit(
                id=g.id,
                title=g.title.get(q.lang),
                problem=g.problem.get(q.lang),
                score=round(score, 4),
                matched_chips=tuple(dict.fromkeys(overlap)),
                step_now=step_now(g, at, q.lang),
            )
        )
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:5]


def step_now(g: Guide, at: datetime, lang: str) -> GuideStepNow | None:
    """The first step whose time window contains ``at`` (windows may run past midnight)."""
    local = at.astimezone(TZ)
    minute = local.hour * 60 + local.minute
    for i, (text, services, when) in enumerate(g.steps):
        if when is None:
            continue
        days, start, end = when
        s = int(start[:2]) * 60 + int(start[3:])
        e = int(end[:2]) * 60 + int(end[3:])
        # past midnight: in the window if after start today, or before end (from yesterday)
        if e <= s:
            inside = (minute >= s and (not days or local.weekday() in days)) or (
                minute < e and (not days or (local.weekday() - 1) % 7 in days)
            )
        else:
            inside = s <= minute < e and (not days or local.weekday() in days)
        if inside:
            return GuideStepNow(i, text.get(lang), services)
    return None


def guide_bonuses(hits: list[GuideHit], by_id: Mapping[str, Guide]) -> dict[str, float]:
    """Service id → ranking bonus for being named by a matching guide (more: by its step now)."""
    takes_over: dict[str, float] = {}
    for g in hits[:2]:  # the partner team's solutions for this problem name who helps
        for _, services, _ in by_id[g.id].steps:
            for sid in services:
                takes_over[sid] = max(takes_over.get(sid, 0.0), W_GUIDE)
    for g in hits:
        for sid in g.step_now.service_ids if g.step_now else ():
            takes_over[sid] = W_NOW  # "Socialjouren tar över efter 24.00"
    return takes_over
