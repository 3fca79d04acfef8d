"""The per-area in-memory index: what a keystroke needs without asking SQLite.

Built once per catalogue version (term bitsets, open-hours index, names, coordinates, phrases
that name a chip, guides, landmarks); caches what stays the same while the worker types.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime

import numpy as np

from kompassen.catalogue.search import bitset, phrases, snapshot
from kompassen.catalogue.search.analyzer import Analyzer
from kompassen.catalogue.search.guides import load_guides
from kompassen.catalogue.search.open_index import OpenIndex
from kompassen.catalogue.search.rows import ServiceRows
from kompassen.catalogue.search.weights import (
    CLOSED_PENALTY,
    DIST_HALF_M,
    NO_PLACE_DIST,
    W_DIST,
    W_OPEN,
    W_UNKNOWN,
)
from kompassen.core.geo import distances_m
from kompassen.core.hours import OpenStatus, status
from kompassen.core.text import Text
from kompassen.sqlite import atomic

AGE_CODES = frozenset(
    ("group.child", "group.youth", "group.young-adult", "group.adult", "group.older")
)
GENDER_CODES = frozenset(("group.female", "group.male"))
MINOR_CODES = frozenset(("group.child", "group.youth"))
MAX_PLACES = 16  # distance arrays kept (one per place searched near)
CLOSED = snapshot.STATUS.index("closed")

log = logging.getLogger(__name__)


def _keep(conn: sqlite3.Connection, scope: str, stamp: str, arrays: snapshot.Arrays) -> None:
    """Store a snapshot built at search time (an old catalogue); read-only or busy: skip it."""
    try:
        with atomic(conn):
            snapshot.save(conn, scope, stamp, arrays)
    except sqlite3.Error as exc:
        log.info("search snapshot %s not kept: %s", scope, exc)


def _phrases(
    conn: sqlite3.Connection, area_id: str, version: int, analyzer: Analyzer
) -> phrases.Phrases:
    """The chip phrases from the snapshot, else analysed now and kept."""
    text = phrases.synonyms_text()
    got = snapshot.load_phrases(conn, area_id, version, text)
    if got is None:
        got = phrases.build(conn, area_id, analyzer, text)
        _keep(
            conn, phrases.scope(area_id), phrases.stamp(version, text), snapshot.phrase_arrays(got)
        )
    return got


def _vocab(conn: sqlite3.Connection) -> snapshot.Arrays:
    stamp = snapshot.vocab_stamp(conn)
    v = snapshot.load(conn, snapshot.VOCAB, stamp, snapshot.VOCAB_ARRAYS)
    if v is None or v["docs"].ndim != 1 or len(v["docs"]) != len(snapshot.array_texts(v["terms"])):
        v = snapshot.build_vocab(conn)
        _keep(conn, snapshot.VOCAB, stamp, v)
    return v


class AreaIndex:
    """Everything a keystroke needs about one area, in memory (positions 0..n-1)."""

    def __init__(
        self, conn: sqlite3.Connection, area_id: str, version: int, analyzer: Analyzer
    ) -> None:
        self.area_id = area_id
        self.version = version
        q = conn.execute
        a = snapshot.load(conn, area_id, snapshot.area_stamp(version), snapshot.AREA_ARRAYS)
        if a is None or not snapshot.check_area(a):
            a = snapshot.build_area(conn, area_id)
            _keep(conn, area_id, snapshot.area_stamp(version), a)
        rowids = a["rowids"]
        self.size = n = len(rowids)
        self.min_rowid = int(rowids.min()) if n else 0
        self.max_rowid = int(rowids.max()) if n else -1
        self.rowid_to_pos = np.full(self.max_rowid - self.min_rowid + 1, -1, dtype=np.int64)
        self.rowid_to_pos[rowids - self.min_rowid] = np.arange(n)

        kinds = {c: k for c, k in q("SELECT code, kind FROM taxonomy_term")}
        self.rows = ServiceRows(conn, rowids, kinds)
        codes = snapshot.array_texts(a["codes"])
        member_bits = a["members"]
        raw = {c: int.from_bytes(member_bits[k].tobytes(), "little") for k, c in enumerate(codes)}
        # A service that names no gender serves every gender: "tjej" must not hide Socialjouren.
        self.all = bitset.full(n)
        neutral = self.all & ~(raw.get("group.female", 0) | raw.get("group.male", 0))
        self.masks = dict(raw)
        for gender in GENDER_CODES:
            self.masks[gender] = raw.get(gender, 0) | neutral
        self.raw_masks = {c: raw.get(c, 0) for c in (*AGE_CODES, *GENDER_CODES)}
        lists_age = lists_gender = 0
        for c in AGE_CODES:
            lists_age |= self.raw_masks[c]
        for c in GENDER_CODES:
            lists_gender |= self.raw_masks[c]
        self.lists_age = self.bools(lists_age)
        self.lists_gender = self.bools(lists_gender)
        self.adults_only = np.asarray(a["adults_only"], dtype=bool)
        status = a["status"]
        self.status_penalty = np.where(status == 0, 0.0, -CLOSED_PENALTY)
        self.name_rank = a["name_rank"].astype(np.float64)
        self.active = bitset.from_array(np.flatnonzero(status != CLOSED), n)
        self.open = OpenIndex.from_arrays(a)
        # the places as arrays, for distances to any point at once
        self._located = ~np.isnan(a["lat"])
        self._lat = a["lat"][self._located]
        self._lon = a["lon"][self._located]

        self.terms: dict[str, tuple[str, Text]] = {}  # code → (kind, label)
        for r in q(
            "SELECT code, kind, label_sv, label_en FROM taxonomy_term "
            "WHERE (area_id IS NULL OR area_id = ?) AND kind IN ('group', 'need') "
            "ORDER BY kind, area_id IS NOT NULL, position",
            (area_id,),
        ):
            self.terms[r["code"]] = (r["kind"], Text(r["label_sv"], r["label_en"]))
        self.phrases = _phrases(conn, area_id, version, analyzer)
        # every indexed word with the number of services (of all areas) having it, so the
        # most a text can match is known without asking FTS5 (see ranking.text_scores)
        v = _vocab(conn)
        self.vocab_sorted = snapshot.array_texts(v["terms"])  # "1177" included
        self.vocab = set(self.vocab_sorted)
        self._vocab_docs = v["docs"]
        self.vocab_cum = np.concatenate([[0], np.cumsum(self._vocab_docs)])
        self.vocab_list = [w for w in self.vocab_sorted if not w.isdigit()]  # for typo matching
        self.guides = load_guides(conn, area_id)
        self.guide_by_id = {g.id: g for g in self.guides}
        self.landmarks = [
            (r["key"], r["name"], json.loads(r["aliases_json"]), r["lat"], r["lon"])
            for r in q("SELECT * FROM landmark WHERE area_id = ? ORDER BY position", (area_id,))
        ]
        self._conn = conn
        self._positions: dict[str, int] = {}
        self._cache: dict[tuple[object, ...], object] = {}
        # FTS5 OR group → matching rowids as a bitset (ranking.text_scores, broad texts)
        self.text_groups: OrderedDict[str, int] = OrderedDict()
        self._status: dict[tuple[int, datetime, str], OpenStatus] = {}
        self._name_terms: dict[int, frozenset[str]] = {}

    def positions(self, ids: Iterable[str]) -> dict[str, int]:
        """Catalogue positions of service ids of this area (the unknown ones left out).

        A primary-key lookup per id not asked before (guides name the same few services on
        every keystroke, so the answers are kept).
        """
        asked = list(dict.fromkeys(ids))
        known = self._positions
        if len(known) > 10_000:
            known.clear()
        want = [sid for sid in asked if sid not in known]
        for start in range(0, len(want), 500):
            part = want[start : start + 500]
            found = dict.fromkeys(part, -1)
            marks = ",".join("?" * len(part))
            for sid, rowid in self._conn.execute(
                f"SELECT id, rowid FROM service WHERE id IN ({marks})", part
            ):
                offset = rowid - self.min_rowid
                if 0 <= offset < len(self.rowid_to_pos):
                    found[sid] = int(self.rowid_to_pos[offset])  # -1: another area's
            known.update(found)
        return {sid: p for sid in asked if (p := known[sid]) >= 0}

    def most_matches(self, term: str, prefix: bool) -> int:
        """At most how many services have ``term`` (any word starting with it: ``prefix``)."""
        lo = bisect_left(self.vocab_sorted, term)
        if not prefix:
            found = lo < len(self.vocab_sorted) and self.vocab_sorted[lo] == term
            return int(self._vocab_docs[lo]) if found else 0
        hi = bisect_left(self.vocab_sorted, term[:-1] + chr(ord(term[-1]) + 1)) if term else lo
        return int(self.vocab_cum[hi] - self.vocab_cum[lo])

    def bools(self, mask: int) -> np.ndarray:
        """A bitset as a numpy bool array of length ``size``."""
        raw = np.frombuffer(bitset.to_bytes(mask, self.size), dtype=np.uint8)
        return np.unpackbits(raw, bitorder="little")[: self.size].astype(bool)

    def member(self, code: str) -> np.ndarray:
        """Bool array: which services have ``code`` (gender: or name no gender at all)."""
        key = ("member", code)
        if key not in self._cache:
            self._cache[key] = self.bools(self.masks.get(code, 0))
        return self._cache[key]  # type: ignore[return-value]

    def conflicts(self, soft_groups: frozenset[str]) -> np.ndarray:
        """Per service, how many of the recognised age/gender groups it says it does not serve."""
        key = ("conflicts", soft_groups)
        if key in self._cache:
            return self._cache[key]  # type: ignore[return-value]
        out = np.zeros(self.size)
        ages = AGE_CODES & soft_groups
        if ages:
            serves = np.zeros(self.size, dtype=bool)
            for code in ages:
                serves |= self.bools(self.raw_masks.get(code, 0))
            out += self.lists_age & ~serves
            if ages <= MINOR_CODES:  # "15 år" and the service is 18+ without saying so in groups
                out += ~self.lists_age & self.adults_only
        genders = GENDER_CODES & soft_groups
        if genders:
            serves = np.zeros(self.size, dtype=bool)
            for code in genders:
                serves |= self.bools(self.raw_masks.get(code, 0))
            out += self.lists_gender & ~serves
        self._cache[key] = out
        return out

    def distances(self, near: tuple[float, float]) -> np.ndarray:
        """Straight-line metres from ``near`` to each service's place (NaN: no place).

        ``core.geo.distances_m`` over all located services at once (100k Python calls
        took 250–320 ms, the first search near each new landmark); cached for the last few
        places, since the worker's position moves.
        """
        key = ("dist", near)
        got = self._cache.get(key)
        if got is None:
            got = np.full(self.size, np.nan)
            got[self._located] = distances_m(near[0], near[1], self._lat, self._lon)
            self._cache[key] = got
            places = [k for k in self._cache if k[0] == "dist"]
            for old in places[:-MAX_PLACES]:
                del self._cache[old]
        return got  # type: ignore[return-value]

    def static(self, open_mask: int | None, near: tuple[float, float] | None) -> np.ndarray:
        """Per-service score for being open at the time and near the place.

        Cached per (open mask, place): typing changes neither, so a keystroke pays nothing here.
        """
        key = ("static", open_mask, near)
        if key in self._cache:
            return self._cache[key]  # type: ignore[return-value]
        score = np.zeros(self.size)
        if near is not None:
            d = self.distances(near)
            score += W_DIST * np.where(np.isnan(d), NO_PLACE_DIST, 1 / (1 + d / DIST_HALF_M))
        if open_mask is not None:
            score += W_OPEN * self.bools(open_mask)
            score += W_UNKNOWN * self.bools(self.open.unknown & ~open_mask)
        if len(self._cache) > 64:
            self._cache = {k: v for k, v in self._cache.items() if k[0] in ("dist", "member")}
        self._cache[key] = score
        return score

    def name_terms(self, pos: int, analyzer: Analyzer) -> frozenset[str]:
        """Analysed words of a service's name and organisation (to say which words matched)."""
        terms = self._name_terms.get(pos)
        if terms is None:
            row = self.rows.get(pos)
            terms = frozenset(analyzer.terms(f"{row.name} {row.organization}"))
            self._name_terms[pos] = terms
        return terms

    def status_at(self, pos: int, at: datetime, lang: str) -> OpenStatus:
        """Open status text of one service, cached per minute (the same hits repeat per keystroke)."""
        key = (pos, at.replace(second=0, microsecond=0), lang)
        st = self._status.get(key)
        if st is None:
            if len(self._status) > 5000:
                self._status.clear()
            st = self._status[key] = status(self.rows.get(pos).hours, at, lang, horizon_days=8)
        return st
