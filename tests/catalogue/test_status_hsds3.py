"""A service's status as HSDS 3 has it (#15 point 3b): active, inactive, defunct, temporarily
closed with its dates, the older ``closed``; notices ↔ HSDS ``alert``, both ways."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kompassen.catalogue.check.freshness import check_area
from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.pack.packdata import PackData, canonical
from kompassen.catalogue.pack.validate import validate
from kompassen.catalogue.search.model import SearchQuery
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.store.db import LATEST_VERSION, connect, migrate, schema_version
from kompassen.catalogue.store.loader import dump_area, install_pack
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from minipack import mini_documents, mini_pack
from oldschema import add_status_columns, drop_status_columns

NOW = datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
AREA = "testby"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CatalogueStore]:
    s = CatalogueStore(tmp_path / "catalogue.db", tmp_path / "backups", FixedClock(NOW)).open()
    yield s
    s.close()


def docs_with(**status: dict[str, Any]) -> dict[str, Any]:
    """The test pack with the given services' status fields replaced (key → fields)."""
    docs = mini_documents()
    for svc in docs["services.json"]["services"]:
        if svc["key"] in status:
            svc.update(status[svc["key"]])
    return docs


def dumped(store: CatalogueStore, doc: str | None = None) -> Any:
    """The installed area as its pack (canonical: ``None`` values and defaults left out)."""
    docs = canonical(dump_area(store.conn, AREA).documents)
    return docs if doc is None else docs[doc]


def problems(docs: dict[str, Any]) -> list[str]:
    return [p.describe("en") for p in validate(PackData(docs))]


# ------------------------------------------------------------------------------ validator


@pytest.mark.parametrize("word", ["active", "inactive", "defunct", "temporarily-closed", "closed"])
def test_every_hsds3_status_and_the_older_closed_are_valid(word: str) -> None:
    assert problems(docs_with(stodlinjen={"status": word})) == []


def test_a_temporary_closure_may_have_dates() -> None:
    fields = {"status": "temporarily-closed", "status_from": "2026-12-01"}
    assert problems(docs_with(stodlinjen={**fields, "status_until": "2026-12-24"})) == []
    assert problems(docs_with(stodlinjen=fields)) == []


def test_status_dates_must_be_real_and_in_order() -> None:
    bad = {
        "status": "temporarily-closed",
        "status_from": "2026-12-24",
        "status_until": "2026-02-30",
    }
    [found] = problems(docs_with(stodlinjen=bad))
    assert found.startswith("services.json (/services/1/status_until)")
    assert "'stodlinjen'" in found and "2026-02-30" in found
    later = {**bad, "status_until": "2026-12-01"}
    [found] = problems(docs_with(stodlinjen=later))
    assert "/services/1/status_until" in found and "before status_from" in found
    malformed = problems(docs_with(stodlinjen={**bad, "status_until": "24 december"}))
    assert malformed and all("status_until" in p for p in malformed)


@pytest.mark.parametrize("word", ["active", "inactive", "defunct", "closed"])
def test_status_dates_only_with_a_temporary_closure(word: str) -> None:
    [found] = problems(docs_with(stodlinjen={"status": word, "status_until": "2026-12-24"}))
    assert found.startswith("services.json (/services/1/status_until)")
    assert "'stodlinjen'" in found and "temporarily-closed" in found and word in found


# ------------------------------------------------------------------------------ storage


def test_install_dump_gives_back_every_word_and_the_dates(store: CatalogueStore) -> None:
    docs = docs_with(
        nattharbarge={"status": "inactive"},
        stodlinjen={
            "status": "temporarily-closed",
            "status_from": "2026-12-01",
            "status_until": "2026-12-24",
        },
    )
    store.install(PackData(docs))
    assert dumped(store) == canonical(docs)
    rows = store.conn.execute(
        "SELECT key, status, status_detail, status_from, status_until FROM service ORDER BY key"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("nattharbarge", "closed", "inactive", None, None),  # the coarse state search reads
        ("stodlinjen", "temporarily-closed", None, "2026-12-01", "2026-12-24"),
    ]
    for word in ("defunct", "closed"):
        docs = docs_with(nattharbarge={"status": word})
        store.install(PackData(docs))
        assert dumped(store) == canonical(docs)  # closed stays closed


def test_reader_gives_the_detail_and_the_dates(store: CatalogueStore) -> None:
    store.install(
        PackData(
            docs_with(
                nattharbarge={"status": "defunct"},
                stodlinjen={"status": "temporarily-closed", "status_until": "2026-12-24"},
            )
        )
    )
    ended, paused = store.reader.services([f"{AREA}/nattharbarge", f"{AREA}/stodlinjen"])
    assert (ended.status, ended.status_detail) == ("closed", "defunct")
    assert (paused.status, paused.status_detail) == ("temporarily-closed", None)
    assert (paused.status_from, paused.status_until) == (None, date(2026, 12, 24))


def test_migration_9_upgrades_a_file_of_schema_8(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    conn = connect(path)
    migrate(conn, backup_dir=None, now=NOW, target=8)
    # today's loader writes the new columns: give them for the write, then take them away
    add_status_columns(conn)
    install_pack(conn, mini_pack(), now=NOW)
    drop_status_columns(conn)
    assert (
        "expires TEXT NOT NULL"
        in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'notice'").fetchone()[0]
    )
    conn.close()

    store = CatalogueStore(path, tmp_path / "backups", FixedClock(NOW)).open()
    try:
        assert schema_version(store.conn) == LATEST_VERSION
        assert store.migration is not None and store.migration.from_version == 8
        # the area and its notice survived
        assert dumped(store) == canonical(mini_pack().documents)
        docs = docs_with(nattharbarge={"status": "inactive"})
        del docs["notices.json"]["notices"][0]["expires"]  # possible only after migration 9
        store.install(PackData(docs))
        assert dumped(store) == canonical(docs)
        assert [n.expires for n in store.reader.notices(AREA, NOW)] == [""]  # shown, no end
    finally:
        store.close()


# ------------------------------------------------------------------------------ search


def test_inactive_and_defunct_are_hidden_like_closed_unless_named(store: CatalogueStore) -> None:
    store.install(
        PackData(docs_with(nattharbarge={"status": "inactive"}, stodlinjen={"status": "defunct"}))
    )
    ss = SearchService(store.conn, store.clock)
    for need, name, sid in (
        ("need.shelter-tonight", "Testhärbärget", "nattharbarge"),
        ("need.someone-to-talk-to", "Teststödlinjen", "stodlinjen"),
    ):
        chips = ss.search(SearchQuery(AREA, needs=(need,), limit=50))
        assert f"{AREA}/{sid}" not in [h.id for h in chips.hits]
        named = ss.search(SearchQuery(AREA, text=name, limit=50))
        hit = next(h for h in named.hits if h.id == f"{AREA}/{sid}")
        assert hit.status == "closed"


# ------------------------------------------------------------------------------ worklist


def test_a_temporary_closure_past_its_last_day_is_a_high_contradiction(
    store: CatalogueStore,
) -> None:
    paused = {"status": "temporarily-closed", "status_until": "2026-11-20"}
    store.install(PackData(docs_with(stodlinjen=paused)))
    found = [
        f
        for f in check_area(store.conn, AREA, FixedClock(NOW)).findings
        if f.field == "status_until"
    ]
    assert [(f.kind, f.severity, f.record) for f in found] == [
        ("contradiction", "high", "stodlinjen")
    ]
    assert "verify whether it has reopened" in found[0].fix.en.lower()
    # the day itself and later are not findings (the injected clock decides)
    for until in ("2026-11-23", "2026-12-24"):
        store.install(PackData(docs_with(stodlinjen={**paused, "status_until": until})))
        assert not [
            f
            for f in check_area(store.conn, AREA, FixedClock(NOW)).findings
            if f.field == "status_until"
        ]


@pytest.mark.parametrize("word", ["inactive", "defunct"])
def test_inactive_and_defunct_count_as_closed_in_the_worklist(
    store: CatalogueStore, word: str
) -> None:
    store.install(PackData(docs_with(stodlinjen={"status": word})))  # it has 24/7 hours
    found = check_area(store.conn, AREA, FixedClock(NOW)).findings
    assert ("contradiction", "high", "stodlinjen", "hours.always_open") in {
        (f.kind, f.severity, f.record, f.field) for f in found
    }


# ------------------------------------------------------------------------------ HSDS


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("word", "hsds"),
    [
        ("active", "active"),
        ("inactive", "inactive"),
        ("defunct", "defunct"),
        ("closed", "defunct"),
        ("temporarily-closed", "temporarily closed"),
    ],
)
def test_hsds_status_both_ways(store: CatalogueStore, tmp_path: Path, word: str, hsds: str) -> None:
    fields: dict[str, Any] = {"status": word}
    if word == "temporarily-closed":
        fields |= {"status_from": "2026-12-01", "status_until": "2026-12-24"}
    docs = docs_with(stodlinjen=fields)
    store.install(PackData(docs))
    export_hsds(store, AREA, tmp_path / "out", NOW)
    row = next(
        r for r in read_rows(tmp_path / "out" / "services.csv") if r["name"] == "Teststödlinjen"
    )
    assert row["status"] == hsds
    # Kompassen's own export comes back exactly, dates and the older word included
    import_hsds(store, tmp_path / "out", AREA)
    assert dumped(store, "services.json") == canonical(docs)["services.json"]
    # without the attribute (another tool's export), the HSDS word is read as HSDS 3 has it
    attrs = tmp_path / "out" / "attributes.csv"
    write_rows(attrs, [r for r in read_rows(attrs) if '"key":"stodlinjen"' not in r["value"]])
    import_hsds(store, tmp_path / "out", AREA, strict=False)
    back = {
        s["name"]: s for s in dump_area(store.conn, AREA).documents["services.json"]["services"]
    }
    assert back["Teststödlinjen"]["status"] == {"closed": "defunct"}.get(word, word)


def test_notices_travel_in_the_attribute_and_their_text_in_alert(
    store: CatalogueStore, tmp_path: Path
) -> None:
    docs = mini_documents()
    docs["notices.json"]["notices"] = [
        {
            "key": "fullt",
            "service": "nattharbarge",
            "text": {"sv": "Fullt i natt", "en": "Full tonight"},
            "starts": "2026-11-01",
            "expires": "2026-11-30",
        },
        {  # not in force at export time: kept, but not in alert
            "key": "gammalt",
            "service": "nattharbarge",
            "text": {"sv": "Stängt i somras"},
            "expires": "2026-08-31",
        },
    ]
    docs["services.json"]["services"][0]["status_note"] = "Ny ingång från gården."
    store.install(PackData(docs))
    out = tmp_path / "out"
    export_hsds(store, AREA, out, NOW)
    row = next(r for r in read_rows(out / "services.csv") if r["name"] == "Testhärbärget")
    assert row["alert"] == "Ny ingång från gården.\nFullt i natt"
    # the round trip keeps the notices with their expiry even without kompassen/notices.json
    shutil.rmtree(out / "kompassen")
    store.install(
        PackData(mini_documents() | {"notices.json": {"format_version": 1, "notices": []}})
    )
    result = import_hsds(store, out, AREA)
    back = dump_area(store.conn, AREA).documents
    assert back["notices.json"] == docs["notices.json"]
    assert back["services.json"]["services"][0]["status_note"] == "Ny ingång från gården."
    assert result.report is None or not [e for e in result.report.entries if e.field == "alert"]


def test_a_foreign_alert_becomes_a_notice_without_expiry_and_is_reported(
    store: CatalogueStore, tmp_path: Path
) -> None:
    store.install(mini_pack())
    out = tmp_path / "out"
    export_hsds(store, AREA, out, NOW)
    shutil.rmtree(out / "kompassen")
    # another tool: no Kompassen attribute for the service, an alert of its own
    attrs = out / "attributes.csv"
    write_rows(attrs, [r for r in read_rows(attrs) if '"key":"stodlinjen"' not in r["value"]])
    rows = read_rows(out / "services.csv")
    for r in rows:
        if r["name"] == "Teststödlinjen":
            r["alert"] = "Stängt under julen"
    write_rows(out / "services.csv", rows)
    store.install(
        PackData(mini_documents() | {"notices.json": {"format_version": 1, "notices": []}})
    )
    result = import_hsds(store, out, AREA, strict=False)
    notices = dump_area(store.conn, AREA).documents["notices.json"]["notices"]
    [notice] = [n for n in notices if n.get("service") == "stodlinjen"]
    assert notice["text"] == {"sv": "Stängt under julen"} and "expires" not in notice
    assert result.report is not None
    [entry] = [e for e in result.report.entries if e.field == "alert"]
    assert entry.file == "services.csv" and entry.row is not None and entry.action == "note"
    assert "without an end date" in entry.en
    # it shows (no end) and the worklist asks for an end date
    shown = [n for n in store.reader.notices(AREA, NOW) if n.service_id == f"{AREA}/stodlinjen"]
    assert [n.text.sv for n in shown] == ["Stängt under julen"]
    found = check_area(store.conn, AREA, FixedClock(NOW)).findings
    assert any(f.record_type == "notice" and f.field == "expires" for f in found)
    json.dumps(result.report.as_json() if hasattr(result.report, "as_json") else {})
