"""Scoring: BM25 text relevance from FTS5, then every candidate scored at once with numpy.

Returns positions and scores, not hits: building a hit is the costly part and only the page
shown needs it (``ids_only`` needs none).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping

import numpy as np

from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.model import SearchQuery
from kompassen.catalogue.search.text import TextMatch
from kompassen.catalogue.search.weights import (
    FTS_WEIGHTS,
    W_CONFLICT,
    W_SOFT_GROUP,
    W_SOFT_NEED,
    W_TEXT,
)

BROAD_MATCHES = 2000  # more text matches than this: skip BM25 (chips, time, place still rank)
SHORT_PREFIX = re.compile(r'\("[^"]{1,3}"\*( OR "[^"]{1,3}"\*)*\)')  # one word, 1–3 letters typed


FTS_TERM = re.compile(r'"([^"]*)"(\*?)')


def text_scores(
    conn: sqlite3.Connection, idx: AreaIndex, fts: str
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and BM25 relevance (higher is better) of the text matches in this area.

    One FTS5 statement in the usual case. The most services the text can match is the sum of
    its words' document counts (``search_vocab``, in memory): when that is at most
    ``BROAD_MATCHES`` the BM25 query runs at once; otherwise the matching rowids are fetched
    (no BM25), and only when they turn out to be few after all does the BM25 query follow. The
    broad case used to run ``count(*)`` and then fetch the same 36k–92k matches again.
    """
    if not fts:
        return np.empty(0, dtype=np.int64), np.empty(0)
    bounds = (idx.min_rowid, idx.max_rowid)
    rowids: np.ndarray | None = None
    short = SHORT_PREFIX.fullmatch(fts)
    if short or (
        idx.size > BROAD_MATCHES
        and sum(idx.most_matches(t, bool(star)) for t, star in FTS_TERM.findall(fts))
        > BROAD_MATCHES
    ):
        # "ma"*, or maybe thousands of matches: BM25 cannot tell them apart in a useful way
        # and computing it for every match is most of a keystroke's time; match, don't rank.
        # One comma-joined string instead of 100k Python tuples: ~6× faster to fetch.
        joined = conn.execute(
            "SELECT group_concat(rowid) FROM search_fts "
            "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (fts, *bounds),
        ).fetchone()[0]
        if not joined:
            return np.empty(0, dtype=np.int64), np.empty(0)
        rowids = np.fromstring(joined, dtype=np.int64, sep=",")
    if rowids is not None and (short or len(rowids) > BROAD_MATCHES):
        scores = np.ones(len(rowids))
    else:
        rows = conn.execute(
            "SELECT rowid, bm25(search_fts, ?, ?, ?, ?) FROM search_fts "
            "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (*FTS_WEIGHTS, fts, *bounds),
        ).fetchall()
        if not rows:
            return np.empty(0, dtype=np.int64), np.empty(0)
        ids, bm25 = zip(*rows, strict=True)
        rowids = np.array(ids, dtype=np.int64)
        scores = -np.array(bm25, dtype=np.float64)  # FTS5's bm25 is "lower is better"
    pos = idx.rowid_to_pos[rowids - idx.min_rowid]
    keep = pos >= 0
    return pos[keep], scores[keep]


def rank(
    idx: AreaIndex,
    q: SearchQuery,
    base: int,
    total: int,
    text: TextMatch,
    text_pos: np.ndarray,
    text_val: np.ndarray,
    open_mask: int | None,
    takes_over: Mapping[str, float],
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and scores of the page asked for (``offset``, ``limit``), best first."""
    want = q.offset + q.limit
    if total == 0 or q.limit <= 0:
        return np.empty(0, dtype=np.int64), np.empty(0)
    soft_needs = [c for c in text.soft if idx.terms[c][0] == "need"]
    soft_groups = [c for c in text.soft if idx.terms[c][0] == "group"]
    when_where = idx.static(open_mask, q.near)
    if soft_needs:
        need_share = sum(idx.member(c) for c in soft_needs) / len(soft_needs)
        # Being open and near counts for what the person needs: a 24/7 line that shares
        # only "15 år" with the text must not outrank the service that meets the need.
        score = idx.status_penalty + when_where * (0.25 + 0.75 * need_share)
        score += W_SOFT_NEED * need_share
    else:
        score = idx.status_penalty + when_where
    if len(text_pos):
        score[text_pos] += W_TEXT * text_val / (text_val.max() or 1.0)
    if soft_groups:
        score += W_SOFT_GROUP * sum(idx.member(c) for c in soft_groups) / len(soft_groups)
        score -= W_CONFLICT * idx.conflicts(frozenset(soft_groups))
    for sid, bonus in takes_over.items():  # named by a matching guide (now: more)
        pos = idx.id_pos.get(sid)
        if pos is not None:
            score[pos] += bonus
    score -= idx.name_rank * 1e-9  # equal scores: alphabetical, and stable across pages
    candidates = np.flatnonzero(idx.bools(base))
    cand_scores = score[candidates]
    if len(candidates) > want:
        best = np.argpartition(-cand_scores, want - 1)[:want]
        candidates, cand_scores = candidates[best], cand_scores[best]
    order = np.argsort(-cand_scores, kind="stable")[q.offset : want]
    return candidates[order], cand_scores[order]
