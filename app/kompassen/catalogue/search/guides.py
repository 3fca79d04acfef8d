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
from kompassen.core.text import Text

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


# Chosen chips outweigh everything the text adds (at most ~7): they say who the person is and
# what they need, and a guide is written for exactly that.
W_CHIP_NEED = 10.0  # share of the chosen needs the guide is about (named only in words: half)
W_CHIP_GROUP = 4.0  # share of the chosen groups the guide is written for
W_SPECIFIC = 1.0  # share of the guide's groups that were chosen: "15-åring" beats "anyone 13+"
WORDED = 0.5  # a chosen need the guide's own words name but its codes lack


def _is(kind: str, code: str) -> bool:
    """``group.youth`` and an area's ``klara.group.x`` are groups (likewise needs)."""
    return f".{kind}." in f".{code}"


def _worded(
    conn: sqlite3.Connection,
    needs: Iterable[str],
    phrases: Mapping[tuple[str, ...], Iterable[str]],
) -> dict[str, set[int]]:
    """Chosen need → rowids of the guides whose title or problem (not steps) uses its words.

    A guide's codes can miss a need its own text is about ("15-åring ensam ute på natten" is
    coded youth-at-risk, not shelter-tonight): its words still tell the worker it fits.
    """
    out: dict[str, set[int]] = {}
    for code in needs:
        terms = [
            '"' + " ".join(t.replace('"', "") for t in toks) + '"'
            for toks, codes in phrases.items()
            if code in codes
        ]
        out[code] = set()
        if terms:
            out[code] = {
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM guide_fts WHERE guide_fts MATCH ?",
                    ("title : (" + " OR ".join(terms) + ")",),  # not the steps: who else helps
                )
            }
    return out


def match_guides(
    conn: sqlite3.Connection,
    guides: Iterable[Guide],
    q: SearchQuery,
    at: datetime,
    guide_fts: str,
    soft: list[str],
    chip_codes: list[str],
    phrases: Mapping[tuple[str, ...], Iterable[str]] | None = None,
) -> list[GuideHit]:
    """The (at most five) guides for what the worker chose and the text names, best first.

    Chips are who the person is and what they need: a guide written for none of the chosen
    groups, or about none of the chosen needs (neither in its codes nor in its own words), is
    not offered; among the rest, the more of the chosen needs and groups a guide is for, and the
    more exactly it is for the chosen groups, the higher. Text and the chips it suggests rank on
    top of that (and alone, without chips, as they always have).
    """
    chip_groups = {c for c in chip_codes if _is("group", c)}
    chip_needs = {c for c in chip_codes if _is("need", c)}
    worded = _worded(conn, sorted(chip_needs), phrases or {}) if chip_needs else {}
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
        guide_groups = {c for c in g.codes if _is("group", c)}
        chip_fit = 0.0
        if chip_groups and guide_groups:
            shared = chip_groups & guide_groups
            if not shared:
                continue  # written for other people
            chip_fit += W_CHIP_GROUP * len(shared) / len(chip_groups)
            chip_fit += W_SPECIFIC * len(shared) / len(guide_groups)
        if chip_needs:
            coded = chip_needs & g.codes
            named = {c for c in chip_needs - coded if g.rowid in worded.get(c, ())}
            if not coded and not named:
                continue  # about other needs
            chip_fit += W_CHIP_NEED * (len(coded) + WORDED * len(named)) / len(chip_needs)
        # what the text says, and the chips it suggests (the only signal without chips)
        overlap = [c for c in soft if c in g.codes]
        soft_need = any(_is("need", c) for c in overlap)
        asked_groups = [c for c in soft if _is("group", c)]
        group_fit = 0.0
        if asked_groups and guide_groups:
            group_fit = 1.0 if any(c in g.codes for c in asked_groups) else -1.5
        text_fit = text_scores.get(g.rowid, 0.0) / top
        text_part = (2.0 if soft_need else 0.0) + 0.5 * len(overlap) + group_fit
        text_part += W_TEXT * text_fit
        if not chip_needs:
            if not soft_need and text_fit < 0.5:
                continue  # a guide is about a need: sharing only a group is not enough
            if chip_fit + text_part < 1.0:
                continue
        score = chip_fit + text_part
        hits.append(
            GuideHit(
                id=g.id,
                title=g.title.get(q.lang),
                problem=g.problem.get(q.lang),
                score=round(score, 4),
                matched_chips=tuple(dict.fromkeys(c for c in (*chip_codes, *soft) if c in g.codes)),
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
