"""The in-memory search index kept on disk, so a fresh process searches at once.

Building an area's index from the catalogue's tables cost ~75 ms per 1,000 services (7.6 s at
100k): every opening-hours rule parsed, every name folded, the FTS5 vocabulary scanned. What
that build produces is a handful of flat numpy arrays; they are written at install, in the
install's transaction, into ``search_snapshot`` (one row per array, ``.npy`` bytes, no
pickle), and read back in milliseconds. A row whose ``stamp`` is not the area's catalogue
version and this module's ``FORMAT`` is ignored and rebuilt, so a catalogue written by another
version of the code, or a damaged row, costs one rebuild and never a wrong answer.

The vocabulary (every indexed word and how many services have it) spans all areas, so it is
kept under the scope ``*`` with the list of installed areas and versions it was counted from.
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping

import numpy as np

from kompassen.catalogue.search import phrases
from kompassen.catalogue.search.analyzer import Analyzer, fold
from kompassen.catalogue.search.fts import index_area
from kompassen.catalogue.search.open_index import compile_hours
from kompassen.catalogue.store.hours_rows import hours_dict, schedules_by_service
from kompassen.core.hours import OpeningHours

log = logging.getLogger(__name__)

FORMAT = 2  # raise when what an array means changes: old snapshots are then rebuilt
VOCAB = "*"
STATUS = ("active", "temporarily-closed", "closed")  # status code = index
AREA_ARRAYS = frozenset(
    (
        "rowids",
        "name_rank",
        "status",
        "adults_only",
        "codes",
        "members",
        "lat",
        "lon",
        "rule_days",
        "rule_pos",
        "rule_span",
        "always",
        "holiday",
        "eve",
        "known",
        "dated",
    )
)
VOCAB_ARRAYS = frozenset(("terms", "docs"))
PHRASE_ARRAYS = frozenset(("phrases",))
PLACE_ARRAYS = frozenset(("ids", "lat", "lon", "landmarks"))
# Platser's first read: each location with a service, in catalogue order (reader.place_points)
PLACE_POINTS_SQL = (
    "SELECT id, lat, lon, landmark_key FROM location WHERE area_id = ? AND id IN "
    "(SELECT location_id FROM service_at_location) ORDER BY position"
)

Arrays = dict[str, np.ndarray]


def texts_array(items: Iterable[str]) -> np.ndarray:
    """Strings without newlines as one UTF-8 byte array (read back by :func:`array_texts`)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def array_texts(a: np.ndarray) -> list[str]:
    return a.tobytes().decode("utf-8").split("\n") if len(a) else []


def area_stamp(version: int) -> str:
    return f"{FORMAT}:{version}"


def vocab_stamp(conn: sqlite3.Connection) -> str:
    """Which catalogue the vocabulary belongs to: every area with its catalogue version."""
    areas = conn.execute("SELECT id, catalogue_version FROM area ORDER BY id").fetchall()
    return f"{FORMAT}:{json.dumps([[a, v] for a, v in areas])}"


# ------------------------------------------------------------------------------- building


def build_area(conn: sqlite3.Connection, area_id: str) -> Arrays:
    """The area's arrays, from its tables (positions = services in pack order)."""
    q = conn.execute
    rows = q(
        "SELECT s.rowid, s.id, s.name, s.status, s.hours_known, s.always_open, "
        "s.holiday_policy, s.eve_policy, s.hours_note, h.age_min FROM service s "
        "LEFT JOIN handover h ON h.service_id = s.id WHERE s.area_id = ? ORDER BY s.position",
        (area_id,),
    ).fetchall()
    n = len(rows)
    rowids = np.array([r["rowid"] for r in rows], dtype=np.int64)
    pos_of = {r["rowid"]: i for i, r in enumerate(rows)}
    ranks = np.empty(n, dtype=np.int32)
    ranks[np.argsort(np.array([fold(r["name"]) for r in rows], dtype=object), kind="stable")] = (
        np.arange(n, dtype=np.int32)
    )
    status = np.array([STATUS.index(r["status"]) for r in rows], dtype=np.int8)
    adults_only = np.array([(r["age_min"] or 0) >= 18 for r in rows], dtype=bool)

    members: dict[str, list[int]] = {}
    for rowid, code in q(
        "SELECT s.rowid, j.value FROM service s, json_each(s.term_codes_json) j "
        "WHERE s.area_id = ?",
        (area_id,),
    ):
        members.setdefault(code, []).append(pos_of[rowid])
    codes = sorted(members)
    bits = np.zeros((len(codes), n), dtype=bool)
    for k, code in enumerate(codes):
        bits[k, members[code]] = True

    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    for rowid, la, lo in q(
        "SELECT s.rowid, l.lat, l.lon FROM service s "
        "JOIN service_at_location sal ON sal.service_id = s.id "
        "JOIN location l ON l.id = sal.location_id WHERE s.area_id = ? AND l.lat IS NOT NULL "
        "ORDER BY s.rowid, sal.position DESC",
        (area_id,),
    ):
        lat[pos_of[rowid]], lon[pos_of[rowid]] = la, lo  # position DESC: the first one wins

    sched = schedules_by_service(conn, area_id)
    hours: list[OpeningHours | None] = []
    for r in rows:
        d = hours_dict(r, sched.get(r["id"], []))
        hours.append(None if d is None else OpeningHours.from_dict(d))
    return {
        "rowids": rowids,
        "name_rank": ranks,
        "status": status,
        "adults_only": adults_only,
        "codes": texts_array(codes),
        "members": np.packbits(bits, axis=1, bitorder="little").reshape(len(codes), (n + 7) // 8),
        "lat": lat,
        "lon": lon,
        **compile_hours(hours),
    }


def build_vocab(conn: sqlite3.Connection) -> Arrays:
    """Every indexed word (sorted) and the number of services of all areas that have it."""
    pairs = sorted((t, d) for t, d in conn.execute("SELECT term, doc FROM search_vocab"))
    return {
        "terms": texts_array(t for t, _ in pairs),
        "docs": np.array([d for _, d in pairs], dtype=np.int32),
    }


# ------------------------------------------------------------------------- storing, reading


def _encode(a: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.ascontiguousarray(a), allow_pickle=False)
    return buf.getvalue()


def _decode(blob: bytes) -> np.ndarray:
    return np.lib.format.read_array(io.BytesIO(blob), allow_pickle=False)


def save(
    conn: sqlite3.Connection, scope: str, stamp: str, arrays: Mapping[str, np.ndarray]
) -> None:
    """Replace a scope's arrays (inside the caller's transaction)."""
    conn.execute("DELETE FROM search_snapshot WHERE scope = ?", (scope,))
    conn.executemany(
        "INSERT INTO search_snapshot (scope, name, stamp, data) VALUES (?, ?, ?, ?)",
        ((scope, name, stamp, _encode(a)) for name, a in arrays.items()),
    )


def load(conn: sqlite3.Connection, scope: str, stamp: str, names: frozenset[str]) -> Arrays | None:
    """A scope's arrays if every one is there and was made for ``stamp``; else None."""
    try:
        got = {
            name: data
            for name, st, data in conn.execute(
                "SELECT name, stamp, data FROM search_snapshot WHERE scope = ?", (scope,)
            )
            if st == stamp
        }
        if set(got) != names:
            return None
        return {name: _decode(data) for name, data in got.items()}
    except (ValueError, TypeError, EOFError, OSError, UnicodeError) as exc:
        log.warning("search snapshot %s unreadable, rebuilt: %s", scope, exc)
        return None


def check_area(a: Arrays) -> bool:
    """The arrays fit together (a damaged or hand-edited snapshot is rebuilt, not used)."""
    try:
        n = len(a["rowids"])
        per_service = ("name_rank", "status", "adults_only", "lat", "lon", "holiday", "eve")
        codes = array_texts(a["codes"])
        days, rule_pos, span, dated = a["rule_days"], a["rule_pos"], a["rule_span"], a["dated"]
        return (
            all(a[k].ndim == 1 and len(a[k]) == n for k in (*per_service, "known"))
            and a["members"].shape == (len(codes), (n + 7) // 8)
            and days.shape == (7,)
            and bool(np.all(days >= 0))
            and rule_pos.ndim == 1
            and int(days.sum()) == len(rule_pos)
            and span.shape == (len(rule_pos), 2)
            and dated.ndim == 2
            and dated.shape[1] == 4
            and bool(np.all((rule_pos >= 0) & (rule_pos < n)))
            and bool(np.all((dated[:, 1] >= 0) & (dated[:, 1] < n)))
            and bool(np.all((a["always"] >= 0) & (a["always"] < n)))
            and bool(np.all((a["status"] >= 0) & (a["status"] < len(STATUS))))
            and bool(np.all((span >= 0) & (span < 1440)))
            and bool(np.all((dated[:, 2:] >= -1) & (dated[:, 2:] < 1440)))
        )
    except (KeyError, ValueError, TypeError, IndexError, UnicodeError):
        return False


def write_area(conn: sqlite3.Connection, area_id: str) -> int:
    """Snapshot an area and the shared vocabulary (call in the install's transaction)."""
    (version,) = conn.execute(
        "SELECT catalogue_version FROM area WHERE id = ?", (area_id,)
    ).fetchone()
    save(conn, area_id, area_stamp(version), build_area(conn, area_id))
    write_vocab(conn)
    return int(version)


def write_vocab(conn: sqlite3.Connection) -> None:
    save(conn, VOCAB, vocab_stamp(conn), build_vocab(conn))


def phrase_arrays(p: phrases.Phrases) -> Arrays:
    return {"phrases": texts_array([phrases.encode(p)])}


def write_phrases(
    conn: sqlite3.Connection, area_id: str, version: int, analyzer: Analyzer, text: str
) -> phrases.Phrases:
    """Analyse the area's chip phrases and keep them (``text``: the synonyms file)."""
    p = phrases.build(conn, area_id, analyzer, text)
    save(conn, phrases.scope(area_id), phrases.stamp(version, text), phrase_arrays(p))
    return p


def load_phrases(
    conn: sqlite3.Connection, area_id: str, version: int, text: str
) -> phrases.Phrases | None:
    """The kept phrases if they were made from this catalogue, synonyms file and analyser."""
    got = load(conn, phrases.scope(area_id), phrases.stamp(version, text), PHRASE_ARRAYS)
    if got is None or got["phrases"].ndim != 1 or got["phrases"].dtype != np.uint8:
        return None
    lines = array_texts(got["phrases"])
    return phrases.decode(lines[0]) if len(lines) == 1 else None


def build_places(conn: sqlite3.Connection, area_id: str) -> Arrays:
    """Where the area's places with a service are (Platser sorts them before reading names).

    The query scans every location row and every service link: ~0.2 s at 100,000 services,
    most of Platser's first open; the arrays read back in a few milliseconds.
    """
    rows = conn.execute(PLACE_POINTS_SQL, (area_id,)).fetchall()
    return {
        "ids": texts_array(r[0] for r in rows),
        "lat": np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64),
        "lon": np.array([np.nan if r[2] is None else r[2] for r in rows], dtype=np.float64),
        "landmarks": texts_array(r[3] or "" for r in rows),
    }


def places_scope(area_id: str) -> str:
    return f"{area_id}/places"


def write_places(conn: sqlite3.Connection, area_id: str, version: int) -> None:
    save(conn, places_scope(area_id), area_stamp(version), build_places(conn, area_id))


def ensure_places(conn: sqlite3.Connection) -> None:
    """Keep the points of every area that has none for its version (a catalogue installed by
    an older app); the store calls it when it opens the catalogue for writing."""
    for area_id, version in conn.execute("SELECT id, catalogue_version FROM area").fetchall():
        (kept,) = conn.execute(
            "SELECT count(*) FROM search_snapshot WHERE scope = ? AND stamp = ?",
            (places_scope(area_id), area_stamp(version)),
        ).fetchone()
        if kept != len(PLACE_ARRAYS):
            write_places(conn, area_id, version)


def load_places(
    conn: sqlite3.Connection, area_id: str, version: int
) -> list[tuple[str, float | None, float | None, str | None]] | None:
    """The kept points as ``reader.place_points`` gives them, or None (not kept, stale, damaged)."""
    got = load(conn, places_scope(area_id), area_stamp(version), PLACE_ARRAYS)
    if got is None:
        return None
    try:
        ids, marks = array_texts(got["ids"]), array_texts(got["landmarks"])
        lat, lon = got["lat"], got["lon"]
        if not (
            lat.dtype == lon.dtype == np.float64
            and lat.ndim == lon.ndim == 1
            and len(ids) == len(marks) == len(lat) == len(lon)
        ):
            return None
    except (KeyError, UnicodeError, AttributeError):
        return None
    return [
        (i, None if la != la else la, None if lo != lo else lo, f"{area_id}/{m}" if m else None)
        for i, la, lo, m in zip(ids, lat.tolist(), lon.tolist(), marks, strict=True)
    ]


def index_for_search(conn: sqlite3.Connection, area_id: str, analyzer: Analyzer) -> None:
    """Everything search needs after an area's rows changed: the FTS5 rows, then the snapshot."""
    index_area(conn, area_id, analyzer)
    version = write_area(conn, area_id)
    write_phrases(conn, area_id, version, analyzer, phrases.synonyms_text())
    write_places(conn, area_id, version)
