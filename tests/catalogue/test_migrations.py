"""Schema migrations: an old catalogue is upgraded in place and a backup of it is kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.catalogue.store.db import (
    LATEST_VERSION,
    CatalogueDbError,
    connect,
    migrate,
    schema_version,
)
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.sqlite import Migration

NOW = datetime(2026, 11, 23, 12, 0)


def _v1_catalogue(path: Path) -> None:
    """A catalogue as the first release wrote it: schema v1 with one area in it."""
    conn = connect(path)
    migrate(conn, backup_dir=None, now=NOW, target=1)
    conn.execute(
        "INSERT INTO area (id, name, title, colour, center_lat, center_lon, sealing_public_key, "
        "signing_public_key, format_version, pack_version, loaded_at) "
        "VALUES ('gamla', 'Gamla', 'Gammalt område', '#000000', 59, 18, 'k', 'k', 1, '2025.01.01', 'x')"
    )
    conn.close()


def test_fresh_database_gets_latest_schema_without_backup(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.db")
    result = migrate(conn, backup_dir=tmp_path / "b", now=NOW)
    assert (result.from_version, result.to_version) == (0, LATEST_VERSION)
    assert result.backup is None
    assert not (tmp_path / "b").exists()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_old_schema_is_upgraded_and_backup_kept(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    _v1_catalogue(db)
    conn = connect(db)
    result = migrate(conn, backup_dir=tmp_path / "backups", now=NOW)
    assert result.from_version == 1 and result.to_version == LATEST_VERSION
    assert schema_version(conn) == LATEST_VERSION
    # data survived, and the new table from migration 2 exists
    assert conn.execute("SELECT name FROM area").fetchone()[0] == "Gamla"
    conn.execute("SELECT count(*) FROM area_release").fetchone()
    # the backup is a readable v1 database with the same data
    assert result.backup is not None and result.backup.exists()
    old = sqlite3.connect(result.backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT name FROM area").fetchone()[0] == "Gamla"
    assert "area_release" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    old.close()


def test_migrating_twice_is_a_no_op(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.db")
    migrate(conn, backup_dir=tmp_path, now=NOW)
    again = migrate(conn, backup_dir=tmp_path, now=NOW)
    assert again.from_version == again.to_version == LATEST_VERSION
    assert again.backup is None


def test_newer_schema_is_refused_not_destroyed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    conn = connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    with pytest.raises(CatalogueDbError, match=r"nyare|Uppdatera"):
        migrate(conn, backup_dir=tmp_path, now=NOW)
    conn.close()
    store = CatalogueStore(db, tmp_path / "b", FixedClock(NOW))
    with pytest.raises(CatalogueDbError) as info:
        store.open()
    assert info.value.kind == "newer"
    assert db.exists() and store.healed_from is None


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kompassen.catalogue.store import db as dbmod

    broken = [
        *dbmod.MIGRATIONS[:1],
        Migration(2, "broken", "CREATE TABLE ok_one (x);\nCREATE TABLE area (x);\n"),
    ]
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    conn = connect(tmp_path / "c.db")
    with pytest.raises(sqlite3.OperationalError):
        dbmod.migrate(conn, backup_dir=tmp_path, now=NOW, target=2)
    assert schema_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "ok_one" not in names


def test_unreadable_catalogue_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    db.write_bytes(b"this is not a database at all" * 100)
    store = CatalogueStore(db, tmp_path / "backups", FixedClock(NOW)).open()
    try:
        assert store.healed_from is not None and store.healed_from.exists()
        assert schema_version(store.conn) == LATEST_VERSION
        assert store.reader.areas() == []
    finally:
        store.close()


def test_a_bug_in_a_migration_is_raised_not_healed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a corrupt file is moved aside: rebuilding cannot fix a bug, and would hide it."""
    from kompassen.catalogue.store import db as dbmod

    db = tmp_path / "catalogue.db"
    _v1_catalogue(db)
    broken = [*dbmod.MIGRATIONS[:1], Migration(2, "broken", "CREATE TABLE area (x);\n")]
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    store = CatalogueStore(db, tmp_path / "backups", FixedClock(NOW))
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        store.open()
    assert store.healed_from is None
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM area").fetchall() == [("Gamla",)]
    conn.close()
