"""Scoring: BM25 text relevance from FTS5, then every candidate scored at once with numpy.

Returns positions and scores, not hits: building a hit is the costly part and only the page
shown needs it (``ids_only`` needs none).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping

import numpy as np

from kompassen.catalogue.search import bitset
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
GROUP_CACHE = 64  # OR groups whose matches are kept (the words typed before the last one)


def or_groups(fts: str) -> list[str]:
    """The top-level OR operands of a MATCH expression built by ``text.analyse_text``."""
    out, depth, start, quoted = [], 0, 0, False
    for i, ch in enumerate(fts):
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif depth == 0 and fts.startswith(" OR ", i):
                out.append(fts[start:i])
                start = i + 4
    out.append(fts[start:])
    return out


def _group_mask(conn: sqlite3.Connection, idx: AreaIndex, group: str) -> int:
    """Rowids (as bits from ``idx.min_rowid``) matching one OR group; cached per index."""
    cache = idx.text_groups
    mask = cache.get(group)
    if mask is not None:
        cache.move_to_end(group)
        return mask
    joined = conn.execute(
        "SELECT group_concat(rowid) FROM search_fts "
        "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
        (group, idx.min_rowid, idx.max_rowid),
    ).fetchone()[0]
    offsets = (
        np.fromstring(joined, dtype=np.int64, sep=",") - idx.min_rowid
        if joined
        else np.empty(0, dtype=np.int64)
    )
    mask = cache[group] = bitset.from_array(offsets, len(idx.rowid_to_pos))
    if len(cache) > GROUP_CACHE:
        cache.popitem(last=False)
    return mask


def text_scores(
    conn: sqlite3.Connection, idx: AreaIndex, fts: str
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and BM25 relevance (higher is better) of the text matches in this area.

    The most services the text can match is the sum of its words' document counts
    (``search_vocab``, in memory). At most ``BROAD_MATCHES``: one BM25 query. More (or a
    1–3 letter prefix alone): the text is an OR of groups (one per word), and each group's
    matches are fetched once and kept as a bitset, so while typing only the group of the word
    being typed is new; their union is the match (no BM25), unless it turns out to be
    ``BROAD_MATCHES`` or fewer, and then the BM25 query follows. Before, a broad text ran
    ``count(*)`` and then fetched the same 36k–92k matches again, every keystroke.
    """
    if not fts:
        return np.empty(0, dtype=np.int64), np.empty(0)
    short = SHORT_PREFIX.fullmatch(fts)
    if short or (
        idx.size > BROAD_MATCHES
        and sum(idx.most_matches(t, bool(star)) for t, star in FTS_TERM.findall(fts))
        > BROAD_MATCHES
    ):
        # "ma"*, or maybe thousands of matches: BM25 cannot tell them apart in a useful way
        # and computing it for every match is most of a keystroke's time; match, don't rank.
        union = 0
        for group in or_groups(fts):
            union |= _group_mask(conn, idx, group)
        if short or union.bit_count() > BROAD_MATCHES:
            offsets = np.flatnonzero(
                np.unpackbits(
                    np.frombuffer(bitset.to_bytes(union, len(idx.rowid_to_pos)), np.uint8),
                    bitorder="little",
                )[: len(idx.rowid_to_pos)]
            )
            pos = idx.rowid_to_pos[offsets]
            pos = pos[pos >= 0]
            return pos, np.ones(len(pos))
    rows = conn.execute(
        "SELECT rowid, bm25(search_fts, ?, ?, ?, ?) FROM search_fts "
        "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
        (*FTS_WEIGHTS, fts, idx.min_rowid, idx.max_rowid),
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
    named = idx.positions(takes_over) if takes_over else {}
    for sid, bonus in takes_over.items():  # named by a matching guide (now: more)
        pos = named.get(sid)
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
