"""The per-area in-memory index: what a keystroke needs without asking SQLite.

Built once per catalogue version (term bitsets, open-hours index, names, coordinates, phrases
that name a chip, guides, landmarks); caches what stays the same while the worker types.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections import OrderedDict
from datetime import datetime
from importlib import resources

import numpy as np

from kompassen.catalogue.search import bitset
from kompassen.catalogue.search.analyzer import Analyzer, fold
from kompassen.catalogue.search.guides import load_guides
from kompassen.catalogue.search.open_index import OpenIndex
from kompassen.catalogue.search.weights import (
    CLOSED_PENALTY,
    DIST_HALF_M,
    NO_PLACE_DIST,
    W_DIST,
    W_OPEN,
    W_UNKNOWN,
)
from kompassen.catalogue.store.loader import hours_dict, schedules_by_service
from kompassen.core.geo import distances_m
from kompassen.core.hours import OpeningHours, OpenStatus, status
from kompassen.core.model import Text

AGE_CODES = frozenset(
    ("group.child", "group.youth", "group.young-adult", "group.adult", "group.older")
)
GENDER_CODES = frozenset(("group.female", "group.male"))
MINOR_CODES = frozenset(("group.child", "group.youth"))
MAX_PHRASE = 4  # words in the longest synonym that names a chip
MAX_PLACES = 16  # distance arrays kept (one per place searched near)


def _extra_synonyms() -> dict[str, list[str]]:
    """Kompassen's own slang and street words for taxonomy codes (search_synonyms.json)."""
    text = (
        resources.files("kompassen.catalogue.search").joinpath("synonyms.json").read_text("utf-8")
    )
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


class AreaIndex:
    """Everything a keystroke needs about one area, in memory (positions 0..n-1)."""

    def __init__(
        self, conn: sqlite3.Connection, area_id: str, version: int, analyzer: Analyzer
    ) -> None:
        self.area_id = area_id
        self.version = version
        q = conn.execute
        rows = q(
            "SELECT s.rowid, s.id, s.name, o.name AS org, s.status, s.verified_at, s.hours_known, "
            "s.always_open, s.holiday_policy, s.eve_policy, s.hours_note, "
            "h.age_min, h.age_max FROM service s JOIN organization o ON o.id = s.organization_id "
            "LEFT JOIN handover h ON h.service_id = s.id WHERE s.area_id = ? ORDER BY s.position",
            (area_id,),
        ).fetchall()
        self.size = n = len(rows)
        self.ids = [r["id"] for r in rows]
        rowids = [r["rowid"] for r in rows]
        self.min_rowid = min(rowids, default=0)
        self.max_rowid = max(rowids, default=-1)
        self.rowid_to_pos = np.full(self.max_rowid - self.min_rowid + 1, -1, dtype=np.int64)
        self.rowid_to_pos[np.array(rowids, dtype=np.int64) - self.min_rowid] = np.arange(
            len(rowids)
        )
        self.names = [r["name"] for r in rows]
        self.orgs = [r["org"] for r in rows]
        self.status = [r["status"] for r in rows]
        self.verified = [r["verified_at"] for r in rows]
        self.ages = [(r["age_min"], r["age_max"]) for r in rows]
        self.id_pos = id_pos = {sid: i for i, sid in enumerate(self.ids)}

        kinds = {c: k for c, k in q("SELECT code, kind FROM taxonomy_term")}
        codes: list[list[str]] = [[] for _ in range(n)]
        members: dict[str, list[int]] = {}
        for sid, code in q(
            "SELECT st.service_id, st.term_code FROM service_term st JOIN service s "
            "ON s.id = st.service_id WHERE s.area_id = ? ORDER BY st.service_id, st.position",
            (area_id,),
        ):
            pos = id_pos[sid]
            codes[pos].append(code)
            members.setdefault(code, []).append(pos)
        self.groups = [tuple(c for c in cs if kinds.get(c) == "group") for cs in codes]
        self.needs = [tuple(c for c in cs if kinds.get(c) == "need") for cs in codes]
        self.modes = [tuple(c for c in cs if kinds.get(c) == "handover") for cs in codes]
        # A service that names no gender serves every gender: "tjej" must not hide Socialjouren.
        neutral = [
            p for p in range(n) if "group.female" not in codes[p] and "group.male" not in codes[p]
        ]
        for gender in ("group.female", "group.male"):
            members[gender] = sorted({*members.get(gender, ()), *neutral})
        self.masks = {code: bitset.from_positions(ps, n) for code, ps in members.items()}
        self.raw_masks = {
            c: bitset.from_positions((p for p in range(n) if c in codes[p]), n)
            for c in (*AGE_CODES, *GENDER_CODES)
        }
        self.lists_age = np.array([bool(AGE_CODES.intersection(cs)) for cs in codes])
        self.lists_gender = np.array([bool(GENDER_CODES.intersection(cs)) for cs in codes])
        self.adults_only = np.array([(lo or 0) >= 18 for lo, _ in self.ages])
        self.status_penalty = np.array(
            [0.0 if st == "active" else -CLOSED_PENALTY for st in self.status]
        )
        ranks = np.empty(n)
        ranks[np.argsort(np.array([fold(x) for x in self.names], dtype=object), kind="stable")] = (
            np.arange(n)
        )
        self.name_rank = ranks
        self.all = bitset.full(n)
        self.active = bitset.from_positions(
            (i for i, s in enumerate(self.status) if s != "closed"), n
        )

        sched = schedules_by_service(conn, area_id)
        self.hours: list[OpeningHours | None] = []
        for r in rows:
            d = hours_dict(r, sched.get(r["id"], []))
            self.hours.append(None if d is None else OpeningHours.from_dict(d))
        self.open = OpenIndex(self.hours)

        self.coords: list[tuple[float, float] | None] = [None] * n
        for sid, lat, lon in q(
            "SELECT sal.service_id, l.lat, l.lon FROM service_at_location sal "
            "JOIN location l ON l.id = sal.location_id WHERE l.area_id = ? AND l.lat IS NOT NULL "
            "ORDER BY sal.service_id, sal.position DESC",
            (area_id,),
        ):
            self.coords[id_pos[sid]] = (lat, lon)  # position DESC: the first location wins
        # the same places as arrays, for distances to any point at once
        self._located = np.array([c is not None for c in self.coords], dtype=bool)
        self._lat = np.array([c[0] for c in self.coords if c is not None], dtype=np.float64)
        self._lon = np.array([c[1] for c in self.coords if c is not None], dtype=np.float64)

        self.terms: dict[str, tuple[str, Text]] = {}  # code → (kind, label)
        self.phrases: dict[tuple[str, ...], set[str]] = {}
        extra = _extra_synonyms()
        for r in q(
            "SELECT code, kind, label_sv, label_en, synonyms_json FROM taxonomy_term "
            "WHERE (area_id IS NULL OR area_id = ?) AND kind IN ('group', 'need') "
            "ORDER BY kind, area_id IS NOT NULL, position",
            (area_id,),
        ):
            code = r["code"]
            self.terms[code] = (r["kind"], Text(r["label_sv"], r["label_en"]))
            for phrase in (*json.loads(r["synonyms_json"]), *extra.get(code, ())):
                toks = tuple(analyzer.terms(phrase))
                if toks and len(toks) <= MAX_PHRASE:
                    self.phrases.setdefault(toks, set()).add(code)
        # search_vocab: every indexed word with the number of services (of all areas) having
        # it, so the most a text can match is known without asking FTS5 (see text_scores)
        vocab_docs = sorted((t, d) for t, d in q("SELECT term, doc FROM search_vocab"))
        self.vocab = {t for t, _ in vocab_docs}  # "1177" included
        self.vocab_sorted = [t for t, _ in vocab_docs]
        self.vocab_docs = {t: d for t, d in vocab_docs}
        self.vocab_cum = np.concatenate([[0], np.cumsum([d for _, d in vocab_docs])])
        self.vocab_list = sorted(w for w in self.vocab if not w.isdigit())  # for typo matching
        self.guides = load_guides(conn, area_id)
        self.guide_by_id = {g.id: g for g in self.guides}
        self.landmarks = [
            (r["key"], r["name"], json.loads(r["aliases_json"]), r["lat"], r["lon"])
            for r in q("SELECT * FROM landmark WHERE area_id = ? ORDER BY position", (area_id,))
        ]
        self._cache: dict[tuple[object, ...], object] = {}
        # FTS5 OR group → matching rowids as a bitset (ranking.text_scores, broad texts)
        self.text_groups: OrderedDict[str, int] = OrderedDict()
        self._status: dict[tuple[int, datetime, str], OpenStatus] = {}
        self._name_terms: dict[int, frozenset[str]] = {}

    def most_matches(self, term: str, prefix: bool) -> int:
        """At most how many services have ``term`` (any word starting with it: ``prefix``)."""
        if not prefix:
            return self.vocab_docs.get(term, 0)
        lo = bisect_left(self.vocab_sorted, term)
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
            terms = frozenset(analyzer.terms(f"{self.names[pos]} {self.orgs[pos]}"))
            self._name_terms[pos] = terms
        return terms

    def status_at(self, pos: int, at: datetime, lang: str) -> OpenStatus:
        """Open status text of one service, cached per minute (the same hits repeat per keystroke)."""
        key = (pos, at.replace(second=0, microsecond=0), lang)
        st = self._status.get(key)
        if st is None:
            if len(self._status) > 5000:
                self._status.clear()
            st = self._status[key] = status(self.hours[pos], at, lang, horizon_days=8)
        return st
