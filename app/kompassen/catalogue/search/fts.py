"""The full-text index behind search: analysed text of every service and guide in FTS5.

Rows are keyed by the service's (guide's) SQLite rowid. The text stored is already stemmed and
folded by :class:`Analyzer`, so FTS5's own tokenizer only splits on spaces. Compound words are
indexed with their parts ("natthärbärge" also as "härbärge") when the part is a word of the
catalogue or the taxonomy, so a search for the part finds the compound.

``search_fts`` is contentless (``content=''``, schema migration 7): FTS5 keeps no copy of the
analysed text (it was 17 % of catalogue.db, and nothing reads it back: no snippets, no
highlights). SQLite 3.40 deletes a contentless row only when given the very text it was
indexed with. That text is not kept, only its SHA-256 per area (``search_fts_digest``): to
drop an area its text is computed again from the tables and, if the digest still matches,
its rows are deleted exactly. If not (a taxonomy label synced since, a file indexed before
the digest existed), or when the area is the larger part of the index, the index is emptied
with ``'delete-all'`` and the other areas are indexed again: never a wrong delete, which
would corrupt the index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from kompassen.catalogue.search.analyzer import Analyzer

MIN_PART = 4  # shortest compound part worth indexing ("natt", "dusch", "mat" is too short)


def drop_area_index(conn: sqlite3.Connection, area_id: str) -> None:
    """Remove an area's rows from the index (before its services are deleted).

    Exactly, when its text computes to the digest stored at indexing and the area is the
    smaller part of the index; otherwise by emptying the index and indexing the other areas
    again (see the module doc). The guide index keeps its text and deletes by rowid.
    """
    n_area, n_all = conn.execute(
        "SELECT count(*) FILTER (WHERE area_id = ?), count(*) FROM service", (area_id,)
    ).fetchone()
    if n_area and not (2 * n_area <= n_all and _delete_exactly(conn, area_id)):
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        if _has_digests(conn):
            conn.execute("DELETE FROM search_fts_digest")
        others = conn.execute(
            "SELECT DISTINCT area_id FROM service WHERE area_id != ? ORDER BY area_id", (area_id,)
        ).fetchall()
        analyzer = Analyzer()
        for (other,) in others:
            _index_services(conn, other, analyzer)
    conn.execute(
        "DELETE FROM guide_fts WHERE rowid IN (SELECT rowid FROM guide WHERE area_id = ?)",
        (area_id,),
    )


def _delete_exactly(conn: sqlite3.Connection, area_id: str) -> bool:
    """Delete the area's rows with the text they were indexed with, if that is certain."""
    if not _has_digests(conn):
        return False
    stored = conn.execute(
        "SELECT digest FROM search_fts_digest WHERE area_id = ?", (area_id,)
    ).fetchone()
    if stored is None:
        return False
    rows, _ = _service_rows(conn, area_id, Analyzer())
    if _digest(rows) != stored[0]:
        return False
    conn.executemany(
        "INSERT INTO search_fts (search_fts, rowid, name, org, body, terms) "
        "VALUES ('delete', ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("DELETE FROM search_fts_digest WHERE area_id = ?", (area_id,))
    return True


def _has_digests(conn: sqlite3.Connection) -> bool:
    # a file migrated to 7 while migration 7 had no digest table yet (development only)
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts_digest'").fetchone()
        is not None
    )


def _digest(rows: list[tuple[int, str, str, str, str]]) -> str:
    import hashlib  # OpenSSL: loaded when an area is indexed, not by every search

    h = hashlib.sha256()
    for row in sorted(rows):
        h.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
    return h.hexdigest()


def _term_texts(conn: sqlite3.Connection, area_id: str) -> dict[str, str]:
    """Label and synonyms of every term the area can use, as one text per code."""
    out = {}
    for r in conn.execute(
        "SELECT code, label_sv, label_en, synonyms_json FROM taxonomy_term "
        "WHERE area_id IS NULL OR area_id = ?",
        (area_id,),
    ):
        out[r[0]] = " ".join([r[1], r[2], *json.loads(r[3])])
    return out


def index_area(conn: sqlite3.Connection, area_id: str, analyzer: Analyzer) -> None:
    """(Re)build the index rows of one area; call inside the install transaction."""
    parts = _index_services(conn, area_id, analyzer)
    _index_guides(conn, area_id, analyzer, parts)


def _index_services(
    conn: sqlite3.Connection, area_id: str, analyzer: Analyzer
) -> dict[str, tuple[str, ...]]:
    """Insert the area's services into search_fts; returns the compound parts it used."""
    rows, parts = _service_rows(conn, area_id, analyzer)
    conn.executemany(
        "INSERT INTO search_fts (rowid, name, org, body, terms) VALUES (?, ?, ?, ?, ?)", rows
    )
    if _has_digests(conn):
        conn.execute(
            "INSERT OR REPLACE INTO search_fts_digest (area_id, digest) VALUES (?, ?)",
            (area_id, _digest(rows)),
        )
    return parts


def _service_rows(
    conn: sqlite3.Connection, area_id: str, analyzer: Analyzer
) -> tuple[list[tuple[int, str, str, str, str]], dict[str, tuple[str, ...]]]:
    """The area's search_fts rows (rowid, name, org, body, terms) and the compound parts."""
    term_text = _term_texts(conn, area_id)
    codes: dict[int, list[str]] = {}
    for rowid, code in conn.execute(
        "SELECT s.rowid, j.value FROM service s, json_each(s.term_codes_json) j "
        "WHERE s.area_id = ?",
        (area_id,),
    ):
        codes.setdefault(rowid, []).append(code)
    places: dict[int, list[str]] = {}
    for rowid, name, street, lm_name in conn.execute(
        "SELECT s.rowid, l.name, a.address_1, lm.name FROM service s "
        "JOIN service_at_location sal ON sal.service_id = s.id "
        "JOIN location l ON l.id = sal.location_id "
        "LEFT JOIN address a ON a.location_id = l.id "
        "LEFT JOIN landmark lm ON lm.area_id = l.area_id AND lm.key = l.landmark_key "
        "WHERE s.area_id = ?",
        (area_id,),
    ):
        places.setdefault(rowid, []).extend(x for x in (name, street, lm_name) if x)

    docs: list[tuple[int, list[str], list[str], list[str], list[str]]] = []
    vocab: set[str] = set()
    for text in term_text.values():
        vocab.update(analyzer.terms(text))
    for r in conn.execute(
        "SELECT s.rowid, s.name, s.alternate_name, o.name, s.description_sv, s.description_en, "
        "s.area_note, s.status_note, h.instructions_sv, h.instructions_en "
        "FROM service s JOIN organization o ON o.id = s.organization_id "
        "LEFT JOIN handover h ON h.service_id = s.id WHERE s.area_id = ?",
        (area_id,),
    ):
        rowid = r[0]
        name = analyzer.terms(f"{r[1]} {r[2]}")
        org = analyzer.terms(r[3])
        body = analyzer.terms(
            " ".join(x or "" for x in (r[4], r[5], r[6], r[7], r[8], r[9], *places.get(rowid, ())))
        )
        terms = analyzer.terms(" ".join(term_text.get(c, "") for c in codes.get(rowid, ())))
        vocab.update(name)
        vocab.update(org)
        vocab.update(body)
        docs.append((rowid, name, org, body, terms))

    parts = _compound_parts(vocab)
    rows = [
        (
            rowid,
            _with_parts(name, parts),
            _with_parts(org, parts),
            _with_parts(body, parts),
            " ".join(terms),
        )
        for rowid, name, org, body, terms in docs
    ]
    return rows, parts


def _index_guides(
    conn: sqlite3.Connection, area_id: str, analyzer: Analyzer, parts: dict[str, tuple[str, ...]]
) -> None:
    """Insert the area's guides into guide_fts, split with the services' compound parts."""
    guides: list[tuple[int, str, str]] = []
    step_text: dict[str, list[str]] = {}
    for gid, sv, en in conn.execute(
        "SELECT st.guide_id, st.text_sv, st.text_en FROM guide_step st JOIN guide g ON g.id = st.guide_id "
        "WHERE g.area_id = ?",
        (area_id,),
    ):
        step_text.setdefault(gid, []).extend((sv, en))
    for rowid, gid, tsv, ten, psv, pen in conn.execute(
        "SELECT rowid, id, title_sv, title_en, problem_sv, problem_en FROM guide WHERE area_id = ?",
        (area_id,),
    ):
        title = analyzer.terms(f"{tsv} {ten} {psv} {pen}")
        body = analyzer.terms(" ".join(step_text.get(gid, [])))
        guides.append((rowid, _with_parts(title, parts), _with_parts(body, parts)))
    conn.executemany("INSERT INTO guide_fts (rowid, title, body) VALUES (?, ?, ?)", guides)


def _compound_parts(vocab: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each long word, the known words it ends or starts with ("nattharbarg" → harbarg, natt)."""
    known = {w for w in vocab if len(w) >= MIN_PART and not w.isdigit()}
    parts: dict[str, tuple[str, ...]] = {}
    for w in known:
        if len(w) < 2 * MIN_PART - 1:
            continue
        found = []
        for i in range(MIN_PART - 1, len(w) - MIN_PART + 1):
            head, tail = w[:i], w[i:]
            if tail in known:
                found.append(tail)
                if head in known:
                    found.append(head)
                break
        if found:
            parts[w] = tuple(found)
    return parts


def _with_parts(tokens: list[str], parts: dict[str, tuple[str, ...]]) -> str:
    extra = [p for t in tokens for p in parts.get(t, ())]
    return " ".join(tokens + extra)


def split_compound(word: str, vocab: set[str]) -> tuple[str, ...]:
    """Query side: the known parts of an unknown compound ("natthärbärge" → härbärge)."""
    for i in range(MIN_PART - 1, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if tail in vocab:
            return (tail, head) if head in vocab else (tail,)
    return ()
