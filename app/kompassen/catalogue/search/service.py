"""The search engine: who the worker met + what the person needs → ranked partners.

No Qt, no I/O beyond the catalogue connection. Per area, an :class:`AreaIndex` keeps what a
keystroke needs in memory (term bitsets, open-hours index, names, coordinates), built once per
catalogue version; the text itself is matched by SQLite FTS5 over analysed (stemmed, folded)
text. Ranking is explained in docs/SEARCH.md.
"""

from __future__ import annotations

import gc
import json
import logging
import re
import sqlite3
import time
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from importlib import resources

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kompassen.catalogue.search import bitset
from kompassen.catalogue.search.analyzer import Analyzer, fold, words
from kompassen.catalogue.search.fts import split_compound
from kompassen.catalogue.search.model import (
    Alternative,
    GuideHit,
    GuideStepNow,
    RecognizedChip,
    SearchQuery,
    SearchResult,
    ServiceHit,
)
from kompassen.catalogue.search.open_index import OpenIndex
from kompassen.catalogue.store.loader import AreaNotInstalled, hours_dict, schedules_by_service
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.core.geo import describe, distance_m
from kompassen.core.hours import TZ, OpeningHours, OpenStatus, status
from kompassen.core.model import Text

log = logging.getLogger(__name__)

# ranking weights (docs/SEARCH.md explains them)
W_TEXT = 3.0
W_SOFT_NEED = 2.0  # the text names a need the service meets (what matters most)
W_SOFT_GROUP = 0.6  # the text names a group the service serves
W_OPEN = 1.5
W_UNKNOWN = 0.6
W_DIST = 1.0
DIST_HALF_M = 400.0  # distance at which the distance bonus is halved
NO_PLACE_DIST = 0.3  # phone lines and outreach teams: as if ~900 m away
CLOSED_PENALTY = 5.0
W_GUIDE = 0.5  # named in a step of one of the two best-matching guides
W_NOW = 2.0  # the current step of a matching guide names the service ("Socialjouren tar över")
W_CONFLICT = 2.5  # the text says "15 år" but the service is 18+: not for this person
AGE_CODES = frozenset(
    ("group.child", "group.youth", "group.young-adult", "group.adult", "group.older")
)
GENDER_CODES = frozenset(("group.female", "group.male"))
MINOR_CODES = frozenset(("group.child", "group.youth"))
FTS_WEIGHTS = (10.0, 4.0, 1.0, 3.0)  # name, organisation, body, taxonomy words
MAX_PHRASE = 4
BROAD_MATCHES = 2000  # more text matches than this: skip BM25 (chips, time, place still rank)
SHORT_PREFIX = re.compile(r'\("[^"]{1,3}"\*( OR "[^"]{1,3}"\*)*\)')  # one word, 1–3 letters typed

AGE_GROUPS = (
    (0, 12, "group.child"),
    (13, 17, "group.youth"),
    (18, 25, "group.young-adult"),
    (26, 64, "group.adult"),
    (65, 120, "group.older"),
)
AGE_WORDS = {"ar", "aring", "arig", "years", "year", "yo", "old"}


class UnknownPlace(KompassenError):
    def __init__(self, spec: str, area_id: str) -> None:
        super().__init__(
            sv=f"Hittar ingen plats ”{spec}” i området {area_id}. Ange ett landmärke eller lat,lon.",
            en=f"No place '{spec}' in the area {area_id}. Give a landmark or lat,lon.",
        )


def _extra_synonyms() -> dict[str, list[str]]:
    """Kompassen's own slang and street words for taxonomy codes (search_synonyms.json)."""
    text = (
        resources.files("kompassen.catalogue.search").joinpath("synonyms.json").read_text("utf-8")
    )
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass
class _Guide:
    rowid: int
    id: str
    title: Text
    problem: Text
    codes: frozenset[str]
    steps: list[tuple[Text, tuple[str, ...], tuple[tuple[int, ...], str, str] | None]]


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
        self.active_arr = np.array([st != "closed" for st in self.status], dtype=bool)
        self.status_penalty = np.array(
            [0.0 if st == "active" else -CLOSED_PENALTY for st in self.status]
        )
        ranks = np.empty(n)
        ranks[np.argsort(np.array([fold(x) for x in self.names], dtype=object), kind="stable")] = (
            np.arange(n)
        )
        self.name_rank = ranks
        self._mask_bytes: dict[str, bytes] = {}
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
        self.vocab = {r[0] for r in q("SELECT term FROM search_vocab")}  # "1177" included
        self.vocab_list = sorted(w for w in self.vocab if not w.isdigit())  # for typo matching
        self.guides = self._load_guides(conn)
        self.guide_by_id = {g.id: g for g in self.guides}
        self.landmarks = [
            (r["key"], r["name"], json.loads(r["aliases_json"]), r["lat"], r["lon"])
            for r in q("SELECT * FROM landmark WHERE area_id = ? ORDER BY position", (area_id,))
        ]
        self._cache: dict[tuple[object, ...], object] = {}
        self._status: dict[tuple[int, datetime, str], OpenStatus] = {}
        self._name_terms: dict[int, frozenset[str]] = {}

    def _load_guides(self, conn: sqlite3.Connection) -> list[_Guide]:
        guides = []
        for g in conn.execute(
            "SELECT rowid, * FROM guide WHERE area_id = ? ORDER BY position", (self.area_id,)
        ).fetchall():
            codes = frozenset(
                r[0]
                for r in conn.execute(
                    "SELECT term_code FROM guide_term WHERE guide_id = ?", (g["id"],)
                )
            )
            steps = []
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
                    days = tuple(
                        ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(d)
                        for d in (st["days"] or "").split(",")
                        if d
                    )
                    when = (days, st["from_time"], st["to_time"])
                steps.append((Text(st["text_sv"], st["text_en"]), services, when))
            guides.append(
                _Guide(
                    g["rowid"],
                    g["id"],
                    Text(g["title_sv"], g["title_en"]),
                    Text(g["problem_sv"], g["problem_en"]),
                    codes,
                    steps,
                )
            )
        return guides

    def mask_bytes(self, code: str) -> bytes:
        if code not in self._mask_bytes:
            self._mask_bytes[code] = bitset.to_bytes(self.masks.get(code, 0), self.size)
        return self._mask_bytes[code]

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

    def distances(self, near: tuple[float, float]) -> list[float | None]:
        """Straight-line metres from ``near`` to each service's place (None: no place)."""
        key = ("dist", near)
        if key not in self._cache:
            self._cache[key] = [None if c is None else distance_m(*near, *c) for c in self.coords]
        return self._cache[key]  # type: ignore[return-value]

    def static(self, open_mask: int | None, near: tuple[float, float] | None) -> np.ndarray:
        """Per-service score for being open at the time and near the place.

        Cached per (open mask, place): typing changes neither, so a keystroke pays nothing here.
        """
        key = ("static", open_mask, near)
        if key in self._cache:
            return self._cache[key]  # type: ignore[return-value]
        score = np.zeros(self.size)
        if near is not None:
            d = np.array([np.nan if x is None else x for x in self.distances(near)])
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


@dataclass
class _TextMatch:
    fts: str  # FTS5 MATCH expression for services ("" = no text)
    guide_fts: str  # the same for guides (no column filters)
    recognized: list[RecognizedChip]
    soft: list[str]
    words: list[str]
    ignored: list[str]


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
        idx = self.index(q.area_id)
        at = q.at or self._clock.now()
        if at.tzinfo is None:
            at = at.replace(tzinfo=TZ)
        text = self._analyse_text(idx, q.text, q.lang)

        text_pos, text_val = self._text_scores(idx, text.fts)
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

        guides = self._guides(idx, q, at, text, chip_codes)
        takes_over: dict[str, float] = {}
        for g in guides[:2]:  # the partner team's solutions for this problem name who helps
            for _, services, _ in idx.guide_by_id[g.id].steps:
                for sid in services:
                    takes_over[sid] = max(takes_over.get(sid, 0.0), W_GUIDE)
        for g in guides:
            for sid in g.step_now.service_ids if g.step_now else ():
                takes_over[sid] = W_NOW  # "Socialjouren tar över efter 24.00"
        hits = self._rank(idx, q, at, base, total, text, text_pos, text_val, open_mask, takes_over)
        alternatives: tuple[Alternative, ...] = ()
        if total == 0:
            alternatives = self._alternatives(idx, q, text_mask, chip_codes, time_mask)
        return SearchResult(
            query=q,
            total=total,
            hits=() if q.ids_only else tuple(hits),  # type: ignore[arg-type]
            guides=tuple(guides),
            facets=facets,
            recognized=tuple(text.recognized),
            alternatives=alternatives,
            report_suggested=total == 0,
            ignored_words=tuple(text.ignored),
            ids=tuple(hits) if q.ids_only else (),  # type: ignore[arg-type]
        )

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

    # ----------------------------------------------------------------------- text

    def _analyse_text(self, idx: AreaIndex, raw: str, lang: str) -> _TextMatch:
        ws = words(raw)
        if not ws:
            return _TextMatch("", "", [], [], [], [])
        partial = not raw[-1:].isspace() and raw[-1:] not in ".,!?;:"
        terms = [self._analyzer.term(w) for w in ws]
        recognized: list[RecognizedChip] = []
        soft: list[str] = []
        used = [False] * len(terms)

        def recognise(code: str, words_used: str) -> None:
            if code in idx.terms and code not in soft:
                kind, label = idx.terms[code]
                soft.append(code)
                recognized.append(RecognizedChip(code, kind, words_used, label.get(lang)))

        i = 0
        while i < len(terms):
            matched = False
            for length in range(min(MAX_PHRASE, len(terms) - i), 0, -1):
                last = i + length - 1
                if partial and last == len(terms) - 1 and len(ws[last]) < 3:
                    continue  # "tj" is not yet "tjej"
                key = tuple(terms[i : i + length])
                if key in idx.phrases:
                    for code in sorted(idx.phrases[key]):
                        recognise(code, " ".join(ws[i : i + length]))
                    for j in range(i, i + length):
                        used[j] = True
                    i += length
                    matched = True
                    break
            if not matched:
                i += 1
        for j, w in enumerate(ws):
            if w.isascii() and w.isdecimal() and len(w) <= 3 and int(w) <= 120:
                following = fold(ws[j + 1]) if j + 1 < len(ws) else ""  # "15 år"
                standalone = len(ws) > 1 or following in AGE_WORDS
                if following in AGE_WORDS or (standalone and 5 <= int(w) <= 99):
                    age = int(w)
                    for lo, hi, code in AGE_GROUPS:
                        if lo <= age <= hi:
                            recognise(code, w + (f" {ws[j + 1]}" if following in AGE_WORDS else ""))
                    used[j] = True

        groups = []
        plain: list[str] = []  # the same without column filters, for the guides' index
        ignored = []
        for j, (w, t) in enumerate(zip(ws, terms, strict=True)):
            if fold(w) in AGE_WORDS and j > 0 and ws[j - 1].isdigit():
                continue
            last_partial = partial and j == len(ws) - 1
            alts: list[str] = []
            prefixes: list[str] = []
            if last_partial and not used[j] and len(fold(w)) >= 2:
                prefixes = [
                    p for p in dict.fromkeys((fold(w), t)) if _has_prefix(idx.vocab_list, p)
                ]
            if t in idx.vocab and not any(t.startswith(p) for p in prefixes):
                alts.append(f'"{t}"')  # (a prefix of itself already covers it)
            alts.extend(f'"{p}"*' for p in prefixes)
            parts = () if w.isdigit() or used[j] else split_compound(t, idx.vocab)
            alts.extend(f'"{p}"' for p in parts[:1])  # "natthärbärge" also finds "härbärge"
            if not alts and not w.isdigit() and not used[j] and len(t) >= 4:
                # a typo; never "correct" a word we recognised ("packad" is not "park")
                cutoff = 1 if len(t) <= 5 else 2
                for cand, _, _ in process.extract(
                    t, idx.vocab_list, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=3
                ):
                    alts.append(f'"{cand}"')
            if not alts and last_partial and not used[j]:
                # no typo either: mid-compound while typing ("ungdomsmo…"): keep the longest known word it
                # starts with, so results do not vanish between "ungdom" and the whole word
                for end in range(len(t) - 1, 3, -1):
                    if t[:end] in idx.vocab:
                        alts.append(f'"{t[:end]}"')
                        break
            if alts:
                group = "(" + " OR ".join(dict.fromkeys(alts)) + ")"
                # A recognised word already counts through its chip; matching it again in the
                # taxonomy-words column would count it twice.
                groups.append("{name org body} : " + group if used[j] else group)
                plain.append(group)
            elif not used[j] and not (last_partial and len(fold(w)) < 2):
                ignored.append(w)  # (one letter typed so far is not yet a word)
        return _TextMatch(" OR ".join(groups), " OR ".join(plain), recognized, soft, ws, ignored)

    # ----------------------------------------------------------------------- ranking

    def _text_scores(self, idx: AreaIndex, fts: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions and BM25 relevance (higher is better) of the text matches in this area."""
        if not fts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        bounds = (idx.min_rowid, idx.max_rowid)
        broad = SHORT_PREFIX.fullmatch(fts) or (
            idx.size > BROAD_MATCHES
            and self._conn.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
                (fts, *bounds),
            ).fetchone()[0]
            > BROAD_MATCHES
        )
        if broad:
            # "ma"*, or thousands of matches: BM25 cannot tell them apart in a useful way and
            # computing it for every match is most of a keystroke's time; match, don't rank.
            # One comma-joined string instead of 100k Python tuples: ~6× faster to fetch.
            joined = self._conn.execute(
                "SELECT group_concat(rowid) FROM search_fts "
                "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?",
                (fts, *bounds),
            ).fetchone()[0]
            if not joined:
                return np.empty(0, dtype=np.int64), np.empty(0)
            rowids = np.fromstring(joined, dtype=np.int64, sep=",")
            scores = np.ones(len(rowids))
        else:
            rows = self._conn.execute(
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

    def _rank(
        self,
        idx: AreaIndex,
        q: SearchQuery,
        at: datetime,
        base: int,
        total: int,
        text: _TextMatch,
        text_pos: np.ndarray,
        text_val: np.ndarray,
        open_mask: int | None,
        takes_over: dict[str, float],
    ) -> list[ServiceHit] | list[str]:
        """Score every candidate at once (numpy), then take the best ``offset + limit``."""
        want = q.offset + q.limit
        if total == 0 or q.limit <= 0:
            return []
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
        if q.ids_only:
            return [idx.ids[int(candidates[i])] for i in order]
        return [
            self._hit(idx, q, at, int(candidates[i]), float(cand_scores[i]), text) for i in order
        ]

    def _hit(
        self,
        idx: AreaIndex,
        q: SearchQuery,
        at: datetime,
        pos: int,
        score: float,
        text: _TextMatch,
    ) -> ServiceHit:
        lang = q.lang
        st = idx.status_at(pos, at, lang)
        open_now = None if st.state == "unknown" else st.state in ("open", "always")
        dist = walk = None
        bearing = direction = ""
        if q.near is not None and idx.coords[pos] is not None:
            d = describe(*q.near, *idx.coords[pos], lang=lang)
            dist, walk, bearing, direction = round(d.distance_m), d.walking_minutes, d.word, d.text
        codes = set(idx.groups[pos]) | set(idx.needs[pos])
        matched_chips = tuple(c for c in (*q.groups, *q.needs, *text.soft) if c in codes)
        name_terms = idx.name_terms(pos, self._analyzer)
        matched_words = tuple(
            w
            for w in text.words
            if self._analyzer.term(w) in name_terms
            or any(t.startswith(fold(w)) for t in name_terms if len(w) >= 2)
        )
        verified = idx.verified[pos]
        year = int(verified[:4]) if verified[:4].isdigit() else None
        return ServiceHit(
            id=idx.ids[pos],
            name=idx.names[pos],
            organization=idx.orgs[pos],
            groups=idx.groups[pos],
            needs=idx.needs[pos],
            status=idx.status[pos],
            open_state=st.state,
            open_now=open_now,
            open_text=st.text,
            distance_m=dist,
            walking_minutes=walk,
            bearing=bearing,
            direction=direction,
            handover=self._handover_summary(idx, pos, lang),
            score=round(score, 4),
            matched_words=matched_words,
            matched_chips=matched_chips,
            verified_at=verified,
            stale=year is None or year < at.year - 1,
        )

    def _handover_summary(self, idx: AreaIndex, pos: int, lang: str) -> str:
        labels = []
        for code in idx.modes[pos]:
            row = self._mode_labels.get(code)
            if row:
                labels.append(row.get(lang))
        lo, hi = idx.ages[pos]
        if lo is not None and hi is not None:
            labels.append(f"{lo}–{hi} år" if lang == "sv" else f"ages {lo}–{hi}")
        elif lo is not None:
            labels.append(f"{lo}+")
        elif hi is not None:
            labels.append(f"under {hi + 1}" if lang == "en" else f"upp till {hi} år")
        return " · ".join(labels)

    @cached_property
    def _mode_labels(self) -> dict[str, Text]:
        return {
            r[0]: Text(r[1], r[2])
            for r in self._conn.execute(
                "SELECT code, label_sv, label_en FROM taxonomy_term WHERE kind = 'handover'"
            )
        }

    # ------------------------------------------------------------------ guides, zero results

    def _guides(
        self, idx: AreaIndex, q: SearchQuery, at: datetime, text: _TextMatch, chip_codes: list[str]
    ) -> list[GuideHit]:
        wanted = set(chip_codes) | set(text.soft)
        text_scores: dict[int, float] = {}
        if text.guide_fts:
            text_scores = {
                rowid: -score
                for rowid, score in self._conn.execute(
                    "SELECT rowid, bm25(guide_fts, 5.0, 1.0) FROM guide_fts WHERE guide_fts MATCH ?",
                    (text.guide_fts,),
                )
            }
        top = max(text_scores.values(), default=0.0) or 1.0
        hits = []
        for g in idx.guides:
            overlap = [c for c in (*chip_codes, *text.soft) if c in g.codes]
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
            score = (
                (2.0 if need_overlap else 0.0) + 0.5 * len(overlap) + group_fit + W_TEXT * text_fit
            )
            if score < 1.0:
                continue
            hits.append(
                GuideHit(
                    id=g.id,
                    title=g.title.get(q.lang),
                    problem=g.problem.get(q.lang),
                    score=round(score, 4),
                    matched_chips=tuple(dict.fromkeys(overlap)),
                    step_now=self._step_now(g, at, q.lang),
                )
            )
        hits.sort(key=lambda h: (-h.score, h.title))
        return hits[:5]

    @staticmethod
    def _step_now(g: _Guide, at: datetime, lang: str) -> GuideStepNow | None:
        local = at.astimezone(TZ)
        minute = local.hour * 60 + local.minute
        for i, (text, services, when) in enumerate(g.steps):
            if when is None:
                continue
            days, start, end = when
            s = int(start[:2]) * 60 + int(start[3:])
            e = int(end[:2]) * 60 + int(end[3:])
            if (
                e <= s
            ):  # past midnight: in the window if after start today, or before end (from yesterday)
                inside = (minute >= s and (not days or local.weekday() in days)) or (
                    minute < e and (not days or (local.weekday() - 1) % 7 in days)
                )
            else:
                inside = s <= minute < e and (not days or local.weekday() in days)
            if inside:
                return GuideStepNow(i, text.get(lang), services)
        return None

    def _alternatives(
        self, idx: AreaIndex, q: SearchQuery, text_mask: int, chip_codes: list[str], time_mask: int
    ) -> tuple[Alternative, ...]:
        out = []
        sv = q.lang != "en"
        for code in chip_codes:
            mask = text_mask & time_mask
            for other in chip_codes:
                if other != code:
                    mask &= idx.masks.get(other, 0)
            label = idx.terms[code][1].get(q.lang) if code in idx.terms else code
            out.append(
                Alternative(
                    code, (f"utan ”{label}”" if sv else f"without '{label}'"), mask.bit_count()
                )
            )
        if q.text.strip():
            mask = idx.active & time_mask
            for code in chip_codes:
                mask &= idx.masks.get(code, 0)
            out.append(
                Alternative(
                    "text", "utan sökorden" if sv else "without the search words", mask.bit_count()
                )
            )
        if q.only_open:
            mask = text_mask
            for code in chip_codes:
                mask &= idx.masks.get(code, 0)
            out.append(
                Alternative(
                    "only_open", "även stängda" if sv else "closed ones too", mask.bit_count()
                )
            )
        return tuple(sorted((a for a in out if a.count > 0), key=lambda a: -a.count))


def _has_prefix(sorted_words: list[str], prefix: str) -> bool:
    i = bisect_left(sorted_words, prefix)
    return i < len(sorted_words) and sorted_words[i].startswith(prefix)


def chips_in(codes: Iterable[str], kind: str) -> list[str]:
    """Codes of one kind ('group' or 'need'), area additions included."""
    return [c for c in codes if f".{kind}." in f".{c}"]
