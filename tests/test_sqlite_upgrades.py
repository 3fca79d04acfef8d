"""Every older schema of the three databases is upgraded by the real class, rows kept, backup made.

Each file is built at version N by running that database's own migrations up to N (or, for
the files older than numbered migrations, the layout those versions wrote), rows are put in,
and the real class opens it. The result must be the latest schema, exactly as a fresh file has
it, with the rows still there, and a copy at version N in the backup folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.store import db as catalogue_db
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.device import db as device_db
from kompassen.device.db import DeviceDb
from kompassen.reports.drafts import Drafts
from kompassen.reports.outbox import Outbox
from kompassen.server import db as server_db
from kompassen.server.db import SYSTEM, ServerDb
from kompassen.sqlite import Migration, StorageError, connect, migrate, statements, user_version
from minipack import mini_pack

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)
STAMP = "20261123T120000"


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(
            conn.execute(
                "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%'"
            ).fetchall()
        )
    finally:
        conn.close()


def _build(path: Path, migrations: list[Migration], version: int) -> sqlite3.Connection:
    """A file at ``version``, written by the migrations of that time."""
    conn = connect(path, synchronous="FULL", busy_timeout_ms=1000)
    if version:
        migrate(
            conn,
            migrations,
            name="old",
            backup_dir=None,
            now=NOW,
            error_cls=StorageError,
            target=version,
        )
    assert user_version(conn) == version
    return conn


def _only_backup(folder: Path, name: str, version: int) -> sqlite3.Connection:
    backups = sorted(p.name for p in folder.iterdir())
    assert backups == [f"{name}-v{version}-{STAMP}.db"]
    old = sqlite3.connect(folder / backups[0])
    assert user_version(old) == version
    return old


def _fresh_schema(tmp_path: Path, open_fresh: Callable[[Path], Any]) -> list[tuple[str, str, str]]:
    """The schema a brand-new file gets from the real class."""
    fresh = tmp_path / "fresh" / "fresh.db"
    fresh.parent.mkdir()
    open_fresh(fresh).close()
    return _schema(fresh)


# ------------------------------------------------------------------------------ catalogue


@pytest.mark.parametrize("version", range(catalogue_db.LATEST_VERSION))
def test_catalogue_is_upgraded_from_every_older_version(tmp_path: Path, version: int) -> None:
    path, backups = tmp_path / "catalogue.db", tmp_path / "backups"
    conn = _build(path, catalogue_db.MIGRATIONS, version)
    if version >= 1:
        conn.execute(
            "INSERT INTO area (id, name, title, colour, center_lat, center_lon, "
            "sealing_public_key, signing_public_key, format_version, pack_version, loaded_at) "
            "VALUES ('gamla', 'Gamla', 'Gammalt område', '#000000', 59, 18, 'k', 'k', 1, "
            "'2025.01.01', 'x')"
        )
    if version >= 2:
        conn.execute(
            "INSERT INTO area_release (area_id, catalogue_version, pack_version, origin, "
            "applied_at, service_count) VALUES ('gamla', 1, '2025.01.01', 'bundled', 'x', 0)"
        )
    conn.close()

    store = CatalogueStore(path, backups, FixedClock(NOW)).open()
    try:
        assert catalogue_db.schema_version(store.conn) == catalogue_db.LATEST_VERSION
        assert store.migration is not None and store.migration.from_version == version
        if version >= 1:
            assert [a.id for a in store.reader.areas()] == ["gamla"]
        if version >= 2:
            row = store.conn.execute("SELECT origin, release_version FROM area_release").fetchone()
            assert tuple(row) == ("bundled", None)
        store.install(mini_pack())  # the upgraded file takes a pack like a new one
        assert dump_area(store.conn, "testby").area["id"] == "testby"
    finally:
        store.close()
    assert _schema(path) == _fresh_schema(
        tmp_path, lambda p: CatalogueStore(p, tmp_path / "fb", FixedClock(NOW)).open()
    )
    if version == 0:
        assert not backups.exists()  # a file without tables has nothing to keep
        return
    old = _only_backup(backups, "catalogue", version)
    assert old.execute("SELECT name FROM area").fetchall() == [("Gamla",)]
    old.close()


# ------------------------------------------------------------------------------ device


def _device_v0(path: Path) -> sqlite3.Connection:
    """device.db as 0.1 wrote it: the usage_event table, no schema version."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements(device_db.MIGRATIONS[0].script):
        conn.execute(statement)
    return conn


@pytest.mark.parametrize("version", range(device_db.LATEST_VERSION))
def test_device_db_is_upgraded_from_every_older_version(tmp_path: Path, version: int) -> None:
    path, backups = tmp_path / "device.db", tmp_path / "backups"
    conn = _device_v0(path) if version == 0 else _build(path, device_db.MIGRATIONS, version)
    conn.execute(
        "INSERT INTO usage_event (id, kind, at, area_id) VALUES ('e1', 'handover', 'x', 'klara')"
    )
    if version >= 2:
        conn.execute(
            "INSERT INTO draft VALUES ('d1', '2026-11-23T11:00:00+01:00', "
            "'2026-11-23T11:05:00+01:00', '{\"text\": \"kvar\"}')"
        )
        conn.execute(
            "INSERT INTO outbox (uuid, area_id, kind, created_at, sealed, last_error) "
            "VALUES ('u1', 'klara', 'report', '2026-11-23T11:00:00+01:00', x'00', 'nätet borta')"
        )
        conn.execute("INSERT INTO sync_state VALUES ('server', 'https://example.invalid')")
    conn.close()

    db = DeviceDb(path, backups, NOW)
    try:
        assert db.schema_version == device_db.LATEST_VERSION
        assert db.query("SELECT id FROM usage_event")[0][0] == "e1"
        if version >= 2:
            clock = FixedClock(NOW)
            assert [d.id for d in Drafts(db, clock).list()] == ["d1"]
            [item] = Outbox(db, clock).items()
            assert (item.uuid, item.error("sv"), item.error("en")) == (
                "u1",
                "nätet borta",
                "nätet borta",  # no English text before v3: the Swedish one stands in
            )
            assert db.get_state("server") == "https://example.invalid"
        db.set_state("after", "1")  # and it takes writes
    finally:
        db.close()
    assert _schema(path) == _fresh_schema(tmp_path, lambda p: DeviceDb(p, tmp_path / "fb", NOW))
    old = _only_backup(backups, "device", version)
    assert old.execute("SELECT id FROM usage_event").fetchall() == [("e1",)]
    old.close()


# ------------------------------------------------------------------------------ server


def _server_v0(path: Path) -> sqlite3.Connection:
    """server.db before numbered migrations: only its meta table (migration 1 keeps it)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    return conn


@pytest.mark.parametrize("version", range(server_db.LATEST_VERSION))
def test_server_db_is_upgraded_from_every_older_version(tmp_path: Path, version: int) -> None:
    path, backups = tmp_path / "server.db", tmp_path / "backups"
    conn = _server_v0(path) if version == 0 else _build(path, server_db.MIGRATIONS, version)
    conn.execute("INSERT INTO server_meta VALUES ('created_by', '0.0.1')")
    if version >= 1:
        conn.execute("INSERT INTO device (id, token_hash, enrolled_at) VALUES ('dev1', 'h', 'x')")
    conn.close()

    db = ServerDb(path, backups, NOW)
    try:
        with db.read(SYSTEM) as c:
            assert user_version(c) == server_db.LATEST_VERSION
            meta = dict(c.execute("SELECT key, value FROM server_meta").fetchall())
            assert meta["created_by"] == "0.0.1"  # the first server that wrote it
            if version >= 1:
                assert [tuple(r) for r in c.execute("SELECT id FROM device")] == [("dev1",)]
        with db.transaction(SYSTEM) as c:
            c.execute("INSERT INTO device (id, token_hash, enrolled_at) VALUES ('dev2', 'h2', 'x')")
    finally:
        db.close()
    assert _schema(path) == _fresh_schema(tmp_path, lambda p: ServerDb(p, tmp_path / "fb", NOW))
    old = _only_backup(backups, "server", version)
    assert old.execute("SELECT value FROM server_meta").fetchall() == [("0.0.1",)]
    old.close()


def test_a_new_server_db_needs_no_backup(tmp_path: Path) -> None:
    ServerDb(tmp_path / "server.db").close()
    assert not (tmp_path / "backups").exists()
