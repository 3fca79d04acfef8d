"""The search index is kept in catalogue.db at install, so a fresh process does not rebuild it.

Issue #14: the first result of a fresh process took 0.8–1.2 s at 10k services and 7.6 s at
100k, all of it rebuilding the in-memory index from the tables. These tests check that an
install writes the snapshot, that a fresh search service answers from it without rebuilding,
that its answers are exactly those of an index built from the tables, and that a missing,
stale, damaged or hostile snapshot is rebuilt (never trusted, never unpickled, never a crash).
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kompassen.catalogue.search import phrases, snapshot
from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.store.db import connect, connect_readonly
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.testing.synthetic import generate_pack

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 23, 10, tzinfo=TZ)
N = 900
AREA = f"synthetic-{N}"
QUERIES = [
    SearchQuery(AREA, text="härbärge"),
    SearchQuery(AREA, text="sova ute", only_open=True),
    SearchQuery(AREA, text="tjej 15", groups=("group.youth",)),
    SearchQuery(AREA, text="", needs=("need.food",), limit=50),
    SearchQuery(AREA, text="akut psyk", near=(59.3326, 18.0649)),
    SearchQuery(AREA, text="ma", time_mode="tonight"),
    SearchQuery(AREA, text="dusch", ids_only=True, limit=200),
    SearchQuery(AREA, text="härbärge", lang="en", offset=5, limit=10),
]


def _answers(ss: SearchService) -> list[tuple[object, ...]]:
    out = []
    for q in QUERIES:
        r: SearchResult = ss.search(q)
        out.append((r.total, r.ids, r.hits, r.facets, [g.id for g in r.guides], r.recognized))
    return out


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("snapshot")
    store = CatalogueStore(folder / "catalogue.db", folder / "backups", FixedClock(NOW)).open()
    store.install(generate_pack(N, seed=3))
    store.close()
    yield folder / "catalogue.db"


@pytest.fixture
def db(catalogue: Path, tmp_path: Path) -> Path:
    """A private copy of the installed catalogue (tests damage it)."""
    src = sqlite3.connect(catalogue)
    dest = tmp_path / "catalogue.db"
    with sqlite3.connect(dest) as out:
        src.backup(out)
    src.close()
    return dest


def _service(path: Path) -> SearchService:
    return SearchService(connect(path), FixedClock(NOW))


def _from_tables(path: Path) -> list[tuple[object, ...]]:
    """Answers of an index built from the tables (every snapshot row deleted first)."""
    conn = connect(path)
    conn.execute("DELETE FROM search_snapshot")
    ss = SearchService(conn, FixedClock(NOW))
    try:
        return _answers(ss)
    finally:
        ss.close()


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the index was rebuilt from the tables")

    monkeypatch.setattr(snapshot, "build_area", refuse)
    monkeypatch.setattr(snapshot, "build_vocab", refuse)
    monkeypatch.setattr(phrases, "build", refuse)


def _stamps(path: Path) -> dict[str, set[str]]:
    with sqlite3.connect(path) as c:
        out: dict[str, set[str]] = {}
        for scope, stamp in c.execute("SELECT scope, stamp FROM search_snapshot"):
            out.setdefault(scope, set()).add(stamp)
        return out


def test_install_writes_the_snapshot_and_a_fresh_service_answers_from_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamps = _stamps(db)
    assert stamps[AREA] == {snapshot.area_stamp(1)}
    assert set(stamps) == {
        AREA,
        snapshot.VOCAB,
        phrases.scope(AREA),
        snapshot.places_scope(AREA),
    }
    want = _from_tables(db)  # rewrites the snapshot from the tables
    _no_build(monkeypatch)
    ss = _service(db)
    try:
        assert _answers(ss) == want
    finally:
        ss.close()


def test_the_snapshot_holds_exactly_what_a_build_from_the_tables_gives(db: Path) -> None:
    conn = connect(db)
    try:
        (version,) = conn.execute("SELECT catalogue_version FROM area").fetchone()
        kept = snapshot.load(conn, AREA, snapshot.area_stamp(version), snapshot.AREA_ARRAYS)
        assert kept is not None and snapshot.check_area(kept)
        built = snapshot.build_area(conn, AREA)
        assert set(kept) == set(built) == snapshot.AREA_ARRAYS
        for name, a in built.items():
            assert kept[name].dtype == a.dtype, name
            np.testing.assert_array_equal(kept[name], a, err_msg=name)
    finally:
        conn.close()


def _pickled() -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.array([{"evil": True}], dtype=object), allow_pickle=True)
    return buf.getvalue()


def _npy(a: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a)
    return buf.getvalue()


DAMAGE = {
    "garbage bytes": ("UPDATE search_snapshot SET data = x'00ff00ff' WHERE name = 'rule_pos'", ()),
    "an empty blob": ("UPDATE search_snapshot SET data = x'' WHERE name = 'status'", ()),
    "a pickled object": ("UPDATE search_snapshot SET data = ? WHERE name = 'known'", (_pickled(),)),
    "rowids of another length": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'rowids'",
        (_npy(np.arange(5, dtype=np.int64)),),
    ),
    "positions out of range": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'rule_pos'",
        (_npy(np.full(4, 10**6, dtype=np.int32)),),
    ),
    "weekday counts that do not add up": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'rule_days'",
        (_npy(np.array([1, 0, 0, 0, 0, 0, 0], dtype=np.int32)),),
    ),
    "minutes out of range": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'dated'",
        (_npy(np.array([[739000, 0, 5000, 9000]], dtype=np.int32)),),
    ),
    "a status code that does not exist": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'status'",
        (_npy(np.full(N, 9, dtype=np.int8)),),
    ),
    "members of the wrong shape": (
        "UPDATE search_snapshot SET data = ? WHERE name = 'members'",
        (_npy(np.zeros((2, 3), dtype=np.uint8)),),
    ),
    "a missing array": ("DELETE FROM search_snapshot WHERE name = 'lat'", ()),
    "a stale stamp": (f"UPDATE search_snapshot SET stamp = '{snapshot.FORMAT}:999'", ()),
    "an older format": ("UPDATE search_snapshot SET stamp = '0:1'", ()),
    "vocabulary terms and counts disagree": (
        "UPDATE search_snapshot SET data = ? WHERE scope = '*' AND name = 'docs'",
        (_npy(np.ones(3, dtype=np.int64)),),
    ),
    "no snapshot at all (a catalogue from before migration 6)": (
        "DELETE FROM search_snapshot",
        (),
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_or_stale_snapshot_is_rebuilt_and_kept_again(db: Path, damage: str) -> None:
    want = _from_tables(db)
    sql, args = DAMAGE[damage]
    with sqlite3.connect(db) as c:
        c.execute(sql, args)
    ss = _service(db)
    try:
        assert _answers(ss) == want
    finally:
        ss.close()
    conn = connect(db)
    try:
        kept = snapshot.load(conn, AREA, snapshot.area_stamp(1), snapshot.AREA_ARRAYS)
        assert kept is not None and snapshot.check_area(kept)  # written back whole
    finally:
        conn.close()


def test_a_read_only_catalogue_without_a_snapshot_still_searches(db: Path) -> None:
    want = _from_tables(db)
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM search_snapshot")
    ss = SearchService(connect_readonly(db), FixedClock(NOW))
    try:
        assert _answers(ss) == want
    finally:
        ss.close()
    assert _stamps(db) == {}  # nothing written


def test_a_reinstall_replaces_the_snapshot_and_another_area_renews_the_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CatalogueStore(tmp_path / "catalogue.db", tmp_path / "backups", FixedClock(NOW)).open()
    try:
        store.install(generate_pack(300, seed=5))
        store.install(generate_pack(300, seed=6))  # same area, new catalogue version
        store.install(generate_pack(200, seed=7))  # another area: more words in the vocabulary
        stamps = _stamps(store.path)
        assert stamps["synthetic-300"] == {snapshot.area_stamp(2)}
        assert stamps["synthetic-200"] == {snapshot.area_stamp(1)}
        with sqlite3.connect(store.path) as c:
            counted = dict(c.execute("SELECT term, doc FROM search_vocab"))
        _no_build(monkeypatch)
        ss = SearchService(connect(store.path), FixedClock(NOW))
        try:
            idx = ss.index("synthetic-300")
            assert idx.vocab == set(counted)
            for term in list(counted)[:: max(1, len(counted) // 50)]:
                assert idx.most_matches(term, prefix=False) == counted[term]
            r = ss.search(SearchQuery("synthetic-300", text="", limit=300, ids_only=True))
            assert 250 < r.total == len(r.ids) <= 300  # closed services are left out
            assert all(sid.startswith("synthetic-300/") for sid in r.ids)
        finally:
            ss.close()
    finally:
        store.close()


# ------------------------------------------------------------------ the chip phrases (#14)


def _phrases_built(path: Path) -> phrases.Phrases:
    conn = connect(path)
    try:
        from kompassen.catalogue.search.analyzer import Analyzer

        return phrases.build(conn, AREA, Analyzer(), phrases.synonyms_text())
    finally:
        conn.close()


def test_the_kept_phrases_are_exactly_what_analysing_the_taxonomy_gives(db: Path) -> None:
    conn = connect(db)
    try:
        kept = snapshot.load_phrases(conn, AREA, 1, phrases.synonyms_text())
    finally:
        conn.close()
    built = _phrases_built(db)
    assert kept == built
    assert len(built) > 50  # the taxonomy's synonyms and the street words
    assert any(len(t) > 1 for t in built)  # multi-word phrases too


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE search_snapshot SET data = x'00' WHERE scope LIKE '%/phrases'",
        "UPDATE search_snapshot SET stamp = 'old' WHERE scope LIKE '%/phrases'",
        "DELETE FROM search_snapshot WHERE scope LIKE '%/phrases'",
    ],
)
def test_damaged_or_stale_phrases_are_analysed_again_with_the_same_answers(
    db: Path, damage: str
) -> None:
    want = _from_tables(db)
    with sqlite3.connect(db) as c:
        c.execute(damage)
    ss = _service(db)
    try:
        assert _answers(ss) == want
    finally:
        ss.close()
    conn = connect(db)
    try:  # and kept again
        assert snapshot.load_phrases(conn, AREA, 1, phrases.synonyms_text()) is not None
    finally:
        conn.close()


@pytest.mark.parametrize(
    "line",
    [
        '{"a": 1}',
        "[[[], []]]",
        '[[["a","b","c","d","e"], ["need.x"]]]',
        '[[["a"], [1]]]',
        "[1]",
        "x",
    ],
)
def test_hostile_phrase_text_is_refused(db: Path, line: str) -> None:
    assert phrases.decode(line) is None
    conn = connect(db)
    try:
        snapshot.save(
            conn,
            phrases.scope(AREA),
            phrases.stamp(1, phrases.synonyms_text()),
            {"phrases": snapshot.texts_array([line])},
        )
        conn.commit()
        assert snapshot.load_phrases(conn, AREA, 1, phrases.synonyms_text()) is None
    finally:
        conn.close()


def test_other_synonyms_make_other_phrases(db: Path) -> None:
    """A changed synonyms file (a new app version) is never answered with old phrases."""
    text = phrases.synonyms_text()
    assert phrases.stamp(1, text) != phrases.stamp(1, text.replace("}", ', "x": ["y"]}', 1))
    assert phrases.stamp(1, text) != phrases.stamp(2, text)


# --------------------------------------------- Platser's points (#14: its first open at 100k)


def _points_by_sql(path: Path) -> list[tuple[object, ...]]:
    conn = connect(path)
    try:
        return [
            (r[0], r[1], r[2], f"{AREA}/{r[3]}" if r[3] else None)
            for r in conn.execute(snapshot.PLACE_POINTS_SQL, (AREA,))
        ]
    finally:
        conn.close()


def _reader_points(path: Path) -> list[tuple[object, ...]]:
    store = CatalogueStore(path, path.parent / "backups", FixedClock(NOW)).open()
    try:
        return list(store.reader.place_points(AREA))
    finally:
        store.close()


def test_platser_points_are_kept_at_install_and_equal_the_query(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = connect(db)
    try:  # a place without coordinates or landmark, and one with a landmark, kept again
        ids = [r[0] for r in conn.execute(snapshot.PLACE_POINTS_SQL, (AREA,))]
        conn.execute(
            "UPDATE location SET lat = NULL, lon = NULL, landmark_key = NULL WHERE id = ?",
            (ids[0],),
        )
        conn.execute("UPDATE location SET landmark_key = 'plattan' WHERE id = ?", (ids[1],))
        snapshot.write_places(conn, AREA, 1)
        conn.commit()
    finally:
        conn.close()
    want = _points_by_sql(db)
    assert len(want) > 100
    assert want[0][1:] == (None, None, None) and want[1][3] == f"{AREA}/plattan"
    conn = connect(db)
    try:
        assert snapshot.load_places(conn, AREA, 1) == want
    finally:
        conn.close()

    real_sql = snapshot.PLACE_POINTS_SQL
    monkeypatch.setattr(snapshot, "PLACE_POINTS_SQL", "SELECT no_such_column FROM location")
    assert _reader_points(db) == want  # from the snapshot: the query is never run
    monkeypatch.setattr(snapshot, "PLACE_POINTS_SQL", real_sql)


@pytest.mark.parametrize(
    "damage",
    [
        "DELETE FROM search_snapshot WHERE scope LIKE '%/places'",
        "UPDATE search_snapshot SET stamp = 'old' WHERE scope LIKE '%/places'",
        "UPDATE search_snapshot SET data = x'00' WHERE scope LIKE '%/places' AND name = 'lat'",
        "DELETE FROM search_snapshot WHERE scope LIKE '%/places' AND name = 'lon'",
    ],
)
def test_missing_or_damaged_points_are_read_with_the_query(db: Path, damage: str) -> None:
    want = _points_by_sql(db)
    with sqlite3.connect(db) as c:
        c.execute(damage)
    assert _reader_points(db) == want


def test_points_of_the_wrong_length_are_not_used(db: Path) -> None:
    want = _points_by_sql(db)
    conn = connect(db)
    try:
        kept = snapshot.build_places(conn, AREA)
        kept["lat"] = kept["lat"][:-1]
        snapshot.save(conn, snapshot.places_scope(AREA), snapshot.area_stamp(1), kept)
        conn.commit()
        assert snapshot.load_places(conn, AREA, 1) is None
    finally:
        conn.close()
    assert _reader_points(db) == want


def test_opening_a_catalogue_without_kept_points_keeps_them(db: Path) -> None:
    """A catalogue an older app installed gets its points at the next open for writing."""
    want = _points_by_sql(db)
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM search_snapshot WHERE scope LIKE '%/places'")
    store = CatalogueStore(db, db.parent / "backups", FixedClock(NOW)).open()
    store.close()
    conn = connect(db)
    try:
        assert snapshot.load_places(conn, AREA, 1) == want
    finally:
        conn.close()
