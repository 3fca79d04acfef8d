"""The one SQLite layer on real files: pragmas, atomic(), the migration runner, the error split."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.core.errors import KompassenError
from kompassen.sqlite import (
    Migration,
    StorageError,
    atomic,
    classify,
    connect,
    migrate,
    statements,
    storage_errors,
    user_version,
)

NOW = datetime(2026, 11, 23, 12, 0)


class ExampleDbError(StorageError):
    """Stands in for CatalogueDbError, DeviceDbError and ServerDbError."""


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    c.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    yield c
    c.close()


def _fill_disk(conn: sqlite3.Connection) -> None:
    """SQLite's page limit gives the same error as a full disk (SQLITE_FULL)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def _error(conn: sqlite3.Connection, sql: str, args: tuple[object, ...] = ()) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        conn.execute(sql, args)
    return info.value


def test_connect_sets_the_pragmas_each_file_asks_for(tmp_path: Path) -> None:
    full = connect(tmp_path / "a.db", synchronous="FULL", busy_timeout_ms=10000)
    normal = connect(
        tmp_path / "b.db", synchronous="NORMAL", busy_timeout_ms=5000, cache_mb=4, mmap_mb=0
    )
    try:
        for c in (full, normal):
            assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert c.isolation_level is None  # autocommit: transactions are explicit
        assert full.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert normal.execute("PRAGMA synchronous").fetchone()[0] == 1
        assert full.execute("PRAGMA busy_timeout").fetchone()[0] == 10000
        assert normal.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert normal.execute("PRAGMA cache_size").fetchone()[0] == -4096
        assert normal.execute("PRAGMA mmap_size").fetchone()[0] == 0
        assert isinstance(normal.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)
    finally:
        full.close()
        normal.close()


def test_storage_problems_are_classified_by_sqlite_error_code(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    conn.execute("INSERT INTO t VALUES ('a', '1')")
    _fill_disk(conn)
    assert classify(_error(conn, "INSERT INTO t VALUES ('b', ?)", ("x" * 100_000,))) == "full"

    (tmp_path / "junk.db").write_bytes(b"not a database " * 500)
    junk = sqlite3.connect(tmp_path / "junk.db")
    assert classify(_error(junk, "SELECT * FROM sqlite_master")) == "corrupt"
    junk.close()

    ro = sqlite3.connect(f"file:{tmp_path / 'x.db'}?mode=ro", uri=True)
    assert classify(_error(ro, "DELETE FROM t")) == "readonly"
    ro.close()


def test_a_cannot_open_is_an_io_problem(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.Error) as info:
        sqlite3.connect(tmp_path / "no" / "such" / "folder" / "x.db")
    assert classify(info.value) == "io"


def test_programming_errors_are_bugs_not_storage_problems(conn: sqlite3.Connection) -> None:
    assert classify(_error(conn, "SELEC 1")) is None
    assert classify(_error(conn, "SELECT * FROM no_such_table")) is None
    conn.execute("INSERT INTO t VALUES ('a', '1')")
    assert classify(_error(conn, "INSERT INTO t VALUES ('a', '2')")) is None  # constraint
    assert classify(_error(conn, "SELECT ?", ())) is None  # wrong bindings: the module's own
    assert classify(ValueError("not sqlite")) is None


def test_storage_errors_speaks_both_languages_and_keeps_the_cause(
    conn: sqlite3.Connection,
) -> None:
    _fill_disk(conn)
    with (
        pytest.raises(ExampleDbError) as info,
        storage_errors(
            ExampleDbError, "Kunde inte spara", "Could not save", then_sv="Sv.", then_en="En."
        ),
    ):
        conn.execute("INSERT INTO t VALUES ('b', ?)", ("x" * 100_000,))
    err = info.value
    assert isinstance(err, KompassenError)
    assert err.kind == "full" and err.errorname == "SQLITE_FULL"
    assert err.message("sv").startswith("Kunde inte spara: lagringsutrymmet är fullt")
    assert "frigör utrymme" in err.message("sv") and "Sv." in err.message("sv")
    assert err.message("en").startswith("Could not save: the storage is full")
    assert "En." in err.message("en")
    assert isinstance(err.__cause__, sqlite3.OperationalError)


def test_storage_errors_lets_bugs_through_unchanged(conn: sqlite3.Connection) -> None:
    for sql, message in (
        ("INSERT INTO no_such_table VALUES (1)", "no such table"),
        ("INSERT INTO t VALUES (1, 2", "incomplete input"),
        ("INSERT INTO t VALUES (1, 2, 3)", "2 columns but 3 values"),
    ):
        with pytest.raises(sqlite3.OperationalError, match=message) as info:  # noqa: SIM117
            with storage_errors(ExampleDbError, "x", "x"):
                conn.execute(sql)
        assert not isinstance(info.value, KompassenError)


def test_busy_after_the_timeout_is_a_storage_problem(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE takes the write lock up front: a second writer waits, then gives up."""
    first = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    second = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    try:
        with atomic(first), pytest.raises(ExampleDbError) as info:  # noqa: SIM117
            with storage_errors(ExampleDbError, "Upptagen", "Busy"), atomic(second):
                pass  # never reached: the lock is taken before the block runs
        assert info.value.kind == "busy"
        assert not second.in_transaction
    finally:
        first.close()
        second.close()


def test_atomic_commits_or_rolls_back_everything(conn: sqlite3.Connection) -> None:
    with atomic(conn) as c:
        c.execute("INSERT INTO t VALUES ('kept', '1')")
    with pytest.raises(RuntimeError), atomic(conn) as c:
        c.execute("INSERT INTO t VALUES ('lost', '1')")
        raise RuntimeError("boom")
    assert not conn.in_transaction
    assert [r[0] for r in conn.execute("SELECT k FROM t")] == ["kept"]


def test_nested_atomic_is_a_savepoint(conn: sqlite3.Connection) -> None:
    with atomic(conn):
        conn.execute("INSERT INTO t VALUES ('outer', '1')")
        with pytest.raises(RuntimeError), atomic(conn):
            conn.execute("INSERT INTO t VALUES ('inner', '1')")
            raise RuntimeError("boom")
        with atomic(conn):
            conn.execute("INSERT INTO t VALUES ('inner2', '1')")
    assert sorted(r[0] for r in conn.execute("SELECT k FROM t")) == ["inner2", "outer"]


def test_a_full_disk_at_commit_rolls_back(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO t VALUES ('kept', '1')")
    _fill_disk(conn)
    with pytest.raises(sqlite3.OperationalError), atomic(conn):
        conn.execute("INSERT INTO t VALUES ('big', ?)", ("x" * 100_000,))
    assert not conn.in_transaction
    assert [r[0] for r in conn.execute("SELECT k FROM t")] == ["kept"]


def test_statements_are_split_where_sqlite_says_they_end() -> None:
    script = """
CREATE TABLE a (x TEXT DEFAULT 'semi;colon');
-- a comment; with a semicolon
CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN
    UPDATE a SET x = x || ';' WHERE rowid = new.rowid;
END;
"""
    parts = list(statements(script))
    assert len(parts) == 2
    assert parts[1].startswith("-- a comment") and parts[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        list(statements("CREATE TABLE b (x"))


STEPS = [
    Migration(1, "a", "CREATE TABLE a (x TEXT DEFAULT 'semi;colon');"),
    Migration(
        2,
        "b with a trigger",
        "CREATE TABLE b (y);\n"
        "CREATE TRIGGER b_ins AFTER INSERT ON b BEGIN\n"
        "    INSERT INTO a (x) VALUES ('from b; trigger');\n"
        "END;\n",
    ),
]


def test_migrate_runs_steps_in_order_with_a_backup_first(tmp_path: Path) -> None:
    c = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    first = migrate(
        c, STEPS, name="x", backup_dir=tmp_path / "b", now=NOW, error_cls=ExampleDbError, target=1
    )
    assert (first.from_version, first.to_version, first.backup) == (0, 1, None)  # empty: no copy
    c.execute("INSERT INTO a DEFAULT VALUES")
    result = migrate(
        c, STEPS, name="x", backup_dir=tmp_path / "b", now=NOW, error_cls=ExampleDbError
    )
    assert (result.from_version, result.to_version) == (1, 2)
    assert result.backup == tmp_path / "b" / "x-v1-20261123T120000.db"
    c.execute("INSERT INTO b VALUES (1)")
    assert [r[0] for r in c.execute("SELECT x FROM a ORDER BY rowid")] == [
        "semi;colon",
        "from b; trigger",
    ]
    old = sqlite3.connect(result.backup)
    assert user_version(old) == 1
    assert old.execute("SELECT count(*) FROM a").fetchone()[0] == 1
    old.close()
    c.close()


def test_migrate_refuses_a_newer_file_and_leaves_it_alone(tmp_path: Path) -> None:
    c = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    c.execute("PRAGMA user_version = 9")
    with pytest.raises(ExampleDbError) as info:
        migrate(c, STEPS, name="x", backup_dir=tmp_path / "b", now=NOW, error_cls=ExampleDbError)
    assert info.value.kind == "newer"
    assert "nyare version" in info.value.sv and "newer version" in info.value.en
    assert user_version(c) == 9 and not (tmp_path / "b").exists()
    c.close()


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path) -> None:
    c = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    broken = [*STEPS[:1], Migration(2, "broken", "CREATE TABLE ok (x);\nCREATE TABLE a (x);")]
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrate(c, broken, name="x", backup_dir=None, now=NOW, error_cls=ExampleDbError)
    assert user_version(c) == 1
    assert "ok" not in {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    c.close()


def test_a_full_disk_while_migrating_is_a_storage_error(tmp_path: Path) -> None:
    c = connect(tmp_path / "x.db", synchronous="FULL", busy_timeout_ms=50)
    migrate(c, STEPS, name="x", backup_dir=None, now=NOW, error_cls=ExampleDbError, target=1)
    _fill_disk(c)
    with pytest.raises(ExampleDbError) as info, storage_errors(ExampleDbError, "x", "x"):
        migrate(c, STEPS, name="x", backup_dir=None, now=NOW, error_cls=ExampleDbError)
    assert info.value.kind == "full"
    assert user_version(c) == 1
    c.close()
