"""Installing packs: atomic, versioned, and exactly reversible."""

from __future__ import annotations

import sqlite3

import pytest

from kompassen.catalogue.pack.packdata import PackData, canonical_documents
from kompassen.catalogue.pack.validate import PackError
from kompassen.catalogue.store.loader import dump_area, install_pack
from kompassen.catalogue.store.store import CatalogueStore
from minipack import mini_documents, mini_pack


def _snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_install_then_dump_is_identical(store: CatalogueStore) -> None:
    pack = mini_pack()
    store.install(pack)
    assert canonical_documents(dump_area(store.conn, "testby")) == canonical_documents(pack)


def test_reinstall_bumps_catalogue_version_and_logs_it(store: CatalogueStore) -> None:
    assert store.install(mini_pack()) == 1
    assert store.install(mini_pack()) == 2
    rows = store.conn.execute(
        "SELECT catalogue_version, service_count FROM area_release"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(1, 2), (2, 2)]


def test_reinstall_replaces_removed_records(store: CatalogueStore) -> None:
    store.install(mini_pack())
    docs = mini_documents()
    docs["services.json"]["services"].pop(1)
    docs["guides.json"]["guides"][0]["steps"][0]["services"] = []
    docs["taxonomy.json"]["groups"] = []
    store.install(PackData(docs))
    assert store.reader.service_ids("testby") == ["testby/nattharbarge"]
    assert (
        store.conn.execute(
            "SELECT count(*) FROM taxonomy_term WHERE area_id = 'testby'"
        ).fetchone()[0]
        == 0
    )


def test_bad_pack_changes_nothing(store: CatalogueStore) -> None:
    store.install(mini_pack())
    before = _snapshot(store.conn)
    docs = mini_documents()
    docs["services.json"]["services"][0]["needs"] = ["need.nonsense"]
    docs["services.json"]["services"][1]["name"] = "Ändrat namn"
    with pytest.raises(PackError):
        store.install(PackData(docs))
    assert _snapshot(store.conn) == before


def test_failure_half_way_rolls_back(
    store: CatalogueStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a failure after validation (disk full, a bug) leaves the old catalogue intact."""
    from kompassen.catalogue.store import loader

    store.install(mini_pack())
    before = _snapshot(store.conn)
    original = loader._insert_area

    def insert_then_fail(conn: sqlite3.Connection, *args: object) -> None:
        original(conn, *args)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(loader, "_insert_area", insert_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        install_pack(store.conn, mini_pack(), now=store.clock.now())
    assert _snapshot(store.conn) == before


def test_two_areas_may_share_keys(store: CatalogueStore) -> None:
    store.install(mini_pack())
    docs = mini_documents()
    docs["area.json"]["id"] = "annanby"
    docs["taxonomy.json"]["groups"][0]["code"] = "annanby.group.nattvandrare"
    docs["services.json"]["services"][1]["groups"] = ["group.youth", "annanby.group.nattvandrare"]
    store.install(PackData(docs))
    assert {a.id: a.service_count for a in store.reader.areas()} == {"annanby": 2, "testby": 2}


def test_rows_are_stored_in_the_form_dump_area_reads(store: CatalogueStore) -> None:
    """JSON as UTF-8 text (no \\u escapes) and flags as integers 0/1, in every table."""
    store.install(mini_pack())
    q = store.conn.execute
    for table in ("guide", "organization", "service"):
        assert {r[0] for r in q(f"SELECT sources_json FROM {table}")} == {'["fiktiv källa"]'}
    assert q("SELECT aliases_json FROM landmark WHERE key = 'torget'").fetchone()[0] == '["Torget"]'
    for table, column in (("landmark", "approximate"), ("service", "mobile")):
        kinds = {r[0] for r in q(f"SELECT DISTINCT typeof({column}) FROM {table}")}
        assert kinds == {"integer"}
