"""A full disk and a damaged file on each real database are told in words; bugs still raise.

SQLite's page limit (``PRAGMA max_page_count``) gives the same SQLITE_FULL as a full disk;
a damaged file is garbage written over one table's pages of the real file after it was
closed, or a file that is not a database at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.catalogue.store.db import CatalogueDbError, connect, transaction
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.errors import KompassenError
from kompassen.device.db import DeviceDb, DeviceDbError
from kompassen.server.db import SYSTEM, ServerDb, ServerDbError
from kompassen.sqlite import StorageError
from kompassen.testing.synthetic import generate_pack
from minipack import mini_pack

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)
GARBAGE = b"not a database " * 300


def _fill_disk(conn: sqlite3.Connection) -> None:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def _garble_table(path: Path, table: str) -> None:
    """Write garbage over the first page of ``table`` in the closed file."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    assert not Path(f"{path}-wal").exists()  # everything is in the main file
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _in_words(err: StorageError, kind: str, sv: str, en: str) -> None:
    assert isinstance(err, KompassenError)
    assert err.kind == kind
    assert sv in err.message("sv") and en in err.message("en")
    assert "Traceback" not in err.message("sv")


# ------------------------------------------------------------------------------ catalogue


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[CatalogueStore]:
    """A real catalogue.db with the test area in it."""
    s = CatalogueStore(tmp_path / "catalogue.db", tmp_path / "backups", FixedClock(NOW)).open()
    s.install(mini_pack())
    yield s
    s.close()


def test_catalogue_full_disk_is_in_words_and_rolled_back(installed: CatalogueStore) -> None:
    _fill_disk(installed.conn)
    with pytest.raises(CatalogueDbError) as info:
        installed.install(generate_pack(200, seed=1))
    _in_words(info.value, "full", "lagringsutrymmet är fullt", "the storage is full")
    assert not installed.conn.in_transaction
    assert [a.id for a in installed.reader.areas()] == ["testby"]


def test_catalogue_damaged_pages_are_a_corrupt_catalogue(installed: CatalogueStore) -> None:
    path = installed.path
    installed.close()
    _garble_table(path, "service")
    again = CatalogueStore(path, installed.backup_dir, FixedClock(NOW)).open()
    try:
        with pytest.raises(CatalogueDbError) as info:
            again.install(mini_pack())
        _in_words(info.value, "corrupt", "skadad", "damaged")
    finally:
        again.close()


def test_catalogue_that_is_not_a_database_is_corrupt_then_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    path.write_bytes(GARBAGE)
    with pytest.raises(CatalogueDbError) as info:
        connect(path)
    _in_words(info.value, "corrupt", "Katalogen kunde inte öppnas", "could not be opened")
    store = CatalogueStore(path, tmp_path / "backups", FixedClock(NOW)).open()
    try:
        assert store.healed_from is not None and store.healed_from.read_bytes() == GARBAGE
    finally:
        store.close()


def test_catalogue_bugs_are_not_storage_errors(installed: CatalogueStore) -> None:
    conn = installed.conn
    with pytest.raises(sqlite3.OperationalError, match="no such table"), transaction(conn):
        conn.execute("DELETE FROM no_such_table")
    with pytest.raises(sqlite3.OperationalError, match="syntax error"), transaction(conn):
        conn.execute("DELET FROM area")
    assert [a.id for a in installed.reader.areas()] == ["testby"]


# ------------------------------------------------------------------------------ device


def test_device_full_disk_is_in_words(tmp_path: Path) -> None:
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        _fill_disk(db.conn)
        with pytest.raises(DeviceDbError) as info, db.transaction() as conn:
            conn.execute("INSERT INTO sync_state VALUES ('big', ?)", ("x" * 200_000,))
        _in_words(info.value, "full", "frigör utrymme", "free some space")
    finally:
        db.close()


def test_device_damaged_pages_are_refused_in_words_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    db = DeviceDb(path, tmp_path / "b", NOW)
    with db.transaction() as conn:
        conn.execute("INSERT INTO draft VALUES ('d1', 'x', 'x', '{}')")
    db.set_state("kept", "1")
    db.close()
    _garble_table(path, "draft")
    damaged = path.read_bytes()
    db = DeviceDb(path, tmp_path / "b", NOW)
    try:
        with pytest.raises(DeviceDbError) as info:
            db.query("SELECT * FROM draft")
        _in_words(info.value, "corrupt", "skadad", "damaged")
        with pytest.raises(DeviceDbError) as info, db.transaction() as conn:
            conn.execute("INSERT INTO draft VALUES ('d2', 'x', 'x', '{}')")
        _in_words(info.value, "corrupt", "Kunde inte spara", "Could not save")
        assert db.get_state("kept") == "1"  # the rest of the file still reads
    finally:
        db.close()
    assert path.read_bytes() == damaged  # never deleted or rebuilt


def test_device_file_that_is_not_a_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    path.write_bytes(GARBAGE)
    with pytest.raises(DeviceDbError) as info:
        DeviceDb(path, tmp_path / "b", NOW)
    _in_words(info.value, "corrupt", "Inget har raderats", "Nothing was deleted")
    assert path.read_bytes() == GARBAGE


def test_device_bugs_are_not_storage_errors(tmp_path: Path) -> None:
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            db.query("SELECT * FROM no_such_table")
        with pytest.raises(sqlite3.OperationalError, match="syntax error"), db.transaction() as c:
            c.execute("INSRT INTO draft VALUES (1)")
        assert not db.conn.in_transaction
    finally:
        db.close()


# ------------------------------------------------------------------------------ server


def test_server_full_disk_is_in_words_and_rolled_back(tmp_path: Path) -> None:
    db = ServerDb(tmp_path / "server.db", now=NOW)
    try:
        with db.transaction(SYSTEM) as c:
            c.execute("INSERT INTO device (id, token_hash, enrolled_at) VALUES ('d', 'h', 'x')")
        _fill_disk(db.conn)
        with pytest.raises(ServerDbError) as info, db.transaction(SYSTEM) as c:
            c.execute(
                "INSERT INTO submission (device_id, uuid, area_id, created_at, received_at, "
                "sealed) VALUES ('d', 'u', 'klara', 'x', 'x', ?)",
                (b"\0" * 200_000,),
            )
        _in_words(info.value, "full", "lagringsutrymmet är fullt", "the storage is full")
        with db.read(SYSTEM) as c:
            assert c.execute("SELECT count(*) FROM submission").fetchone()[0] == 0
    finally:
        db.close()


def test_server_damaged_pages_are_in_words(tmp_path: Path) -> None:
    path = tmp_path / "server.db"
    db = ServerDb(path, now=NOW)
    with db.transaction(SYSTEM) as c:
        c.execute("INSERT INTO device (id, token_hash, enrolled_at) VALUES ('d', 'h', 'x')")
    db.close()
    _garble_table(path, "device")
    db = ServerDb(path, now=NOW)
    try:
        with pytest.raises(ServerDbError) as info, db.read(SYSTEM) as c:
            c.execute("SELECT * FROM device").fetchall()
        _in_words(info.value, "corrupt", "skadad", "damaged")
    finally:
        db.close()


def test_server_file_that_is_not_a_database_is_corrupt_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "server.db"
    path.write_bytes(GARBAGE)
    with pytest.raises(ServerDbError) as info:
        ServerDb(path, now=NOW)
    _in_words(info.value, "corrupt", "Serverns databas kunde inte öppnas", "could not be opened")
    assert path.read_bytes() == GARBAGE


def test_server_bugs_are_not_storage_errors(tmp_path: Path) -> None:
    db = ServerDb(tmp_path / "server.db", now=NOW)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"), db.read(SYSTEM) as c:
            c.execute("SELECT * FROM no_such_table")
        with pytest.raises(sqlite3.IntegrityError), db.transaction(SYSTEM) as c:
            c.execute("INSERT INTO submission (device_id) VALUES ('nobody')")
    finally:
        db.close()
