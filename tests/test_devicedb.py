"""device.db: migrations with a backup, the writer lock, rollback on error, newer schema refused."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.core.clock import STOCKHOLM
from kompassen.device.db import LATEST_VERSION, DeviceDb, DeviceDbError

NOW = datetime(2026, 11, 23, 22, 0, tzinfo=STOCKHOLM)


def test_fresh_database_is_wal_full_and_latest(tmp_path: Path) -> None:
    db = DeviceDb(tmp_path / "device.db", tmp_path / "backups", NOW)
    try:
        assert db.schema_version == LATEST_VERSION
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"usage_event", "draft", "outbox", "sync_state"} <= tables
    finally:
        db.close()
    assert not (tmp_path / "backups").exists()  # nothing to back up in a new file


def test_events_from_before_migrations_survive_with_a_backup(tmp_path: Path) -> None:
    """A device.db written by version 0.1 (usage_event only, user_version 0) is upgraded."""
    path = tmp_path / "device.db"
    old = sqlite3.connect(path)
    old.executescript(
        """CREATE TABLE usage_event (id TEXT PRIMARY KEY, kind TEXT NOT NULL, at TEXT NOT NULL,
        area_id TEXT NOT NULL, service_id TEXT, landmark_id TEXT,
        detail TEXT NOT NULL DEFAULT '{}', synced INTEGER NOT NULL DEFAULT 0);
        INSERT INTO usage_event (id, kind, at, area_id) VALUES ('e1', 'handover', 'x', 'klara');"""
    )
    old.commit()
    old.close()
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        assert db.schema_version == LATEST_VERSION
        assert [r[0] for r in db.query("SELECT id FROM usage_event")] == ["e1"]
    finally:
        db.close()
    backups = list((tmp_path / "backups").iterdir())
    assert [b.name for b in backups] == ["device-v0-20261123T220000.db"]
    kept = sqlite3.connect(backups[0])
    assert kept.execute("SELECT count(*) FROM usage_event").fetchone()[0] == 1
    kept.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        with pytest.raises(RuntimeError), db.transaction() as conn:
            conn.execute("INSERT INTO sync_state VALUES ('a', '1')")
            raise RuntimeError("boom")
        assert db.get_state("a") is None
        db.set_state("a", "2")
        assert db.get_state("a") == "2"
        db.set_state("a", None)
        assert db.get_state("a") is None
    finally:
        db.close()


def test_writers_on_two_threads_are_serialised(tmp_path: Path) -> None:
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    errors: list[BaseException] = []

    def work(prefix: str) -> None:
        try:
            for i in range(200):
                db.set_state(f"{prefix}{i}", str(i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in "abc"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert db.query("SELECT count(*) FROM sync_state")[0][0] == 600
    finally:
        db.close()


def test_a_newer_schema_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(DeviceDbError) as info:
        DeviceDb(path, tmp_path / "b", NOW)
    assert "nyare version" in info.value.message("sv")
    assert info.value.kind == "newer"


def test_a_file_that_is_not_a_database_is_kept_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DeviceDbError) as info:
        DeviceDb(path, tmp_path / "b", NOW)
    assert "Inget har raderats" in info.value.message("sv")
    assert info.value.kind == "corrupt"
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_a_full_disk_is_said_in_words_and_rolls_back(tmp_path: Path) -> None:
    """SQLite's page limit stands in for a full disk: same error (SQLITE_FULL), same path."""
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        db.set_state("kept", "1")
        pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
        db.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DeviceDbError) as info, db.transaction() as conn:
            conn.execute("INSERT INTO sync_state VALUES ('big', ?)", ("x" * 200_000,))
        assert "frigör utrymme" in info.value.message("sv")
        assert "free some space" in info.value.message("en")
        assert info.value.kind == "full"
        assert not db.conn.in_transaction
        assert db.get_state("kept") == "1" and db.get_state("big") is None
    finally:
        db.close()
