"""A damaged device.db (issue #12, class 2): told in words, kept, never written, recoverable.

The file is built by the real classes (drafts, outbox, usage events; enough rows that every
index has several pages), then one page found with ``dbstat`` is overwritten with zeros, as
``dd`` would, and the real ``kompassen`` command runs in a subprocess on it.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.report import Report
from kompassen.device.db import RECOVER_COMMAND, DeviceDb, DeviceDbDamaged
from kompassen.device.events import EventLog
from kompassen.device.recovery import RecoveryError, check, recover
from kompassen.reports.drafts import Drafts
from kompassen.reports.outbox import Outbox

REPO = Path(__file__).resolve().parents[1]
KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
NOW = datetime(2026, 11, 23, 22, 0, tzinfo=STOCKHOLM)
ROWS = 200
REPORT = {
    "kind": "unsolved",
    "area_id": "klara",
    "occurred_at": "2026-11-23T22:10:00+01:00",
    "landmark_id": "sergels-torg",
    "needs": ["need.shelter-tonight"],
    "groups": ["group.youth"],
    "text": "Påhittad: ung person utan sovplats i natt.",
}


def build_device_db(path: Path, rows: int = ROWS) -> dict[str, bytes]:
    """A real device.db with ``rows`` drafts, outbox items and events; uuid -> sealed blob."""
    clock = FixedClock(NOW)
    db = DeviceDb(path, path.parent.parent / "backups", NOW)
    try:
        drafts, outbox, events = Drafts(db, clock), Outbox(db, clock), EventLog(db, clock)
        report = Report.from_dict(REPORT)
        for i in range(rows):
            drafts.save({"kind": "unsolved", "text": f"utkast {i} " * 5})
            outbox.submit(report, KEYS["sealing_public"])
            events.record("search", "klara", detail={"hits": i})
        db.set_state("last_sync", "2026-11-23T21:00:00+01:00")
    finally:
        db.close()
    return sealed_blobs(path)


def sealed_blobs(path: Path) -> dict[str, bytes]:
    conn = sqlite3.connect(path)
    try:
        return {str(u): bytes(b) for u, b in conn.execute("SELECT uuid, sealed FROM outbox")}
    finally:
        conn.close()


def page_of(path: Path, btree: str, *, leaf: int | None = None) -> tuple[int, int]:
    """(page number, cells) of ``btree``'s root, or of its ``leaf``-th leaf page (dbstat)."""
    conn = sqlite3.connect(path)
    try:
        if leaf is None:
            (root,) = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = ?", (btree,)
            ).fetchone()
            return int(root), 0
        row = conn.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
            " ORDER BY pageno LIMIT 1 OFFSET ?",
            (btree, leaf),
        ).fetchone()
        return int(row[0]), int(row[1])
    finally:
        conn.close()


def zero_page(path: Path, pageno: int, *, wal_ok: bool = False) -> None:
    """``dd if=/dev/zero`` over one whole page of the closed file."""
    assert wal_ok or not Path(f"{path}-wal").exists()
    with path.open("r+b") as f:
        f.seek((pageno - 1) * 4096)
        f.write(bytes(4096))


def run(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
        check=False,
    )


def one_line_in_words(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kompassen: "), done.stderr
    return lines[0]


@pytest.fixture
def damaged_home(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    home = tmp_path / "home"
    path = home / "data" / "device.db"
    path.parent.mkdir(parents=True)
    return home, path, build_device_db(path)


# ------------------------------------------------------------------ the reproductions


def test_damaged_uuid_index_then_report_submit_is_refused_in_words_and_recovered(
    damaged_home: tuple[Path, Path, dict[str, bytes]],
) -> None:
    """Issue: ``dd`` at byte 28672 (the root of the outbox's uuid index), ``report submit``."""
    home, path, blobs = damaged_home
    zero_page(path, page_of(path, "sqlite_autoindex_outbox_1")[0])
    damaged = path.read_bytes()

    line = one_line_in_words(run("report", "submit", "-", home=home, stdin=json.dumps(REPORT)))
    assert "skadad" in line and str(path) in line
    assert "Inget har raderats" in line and RECOVER_COMMAND in line
    assert path.read_bytes() == damaged  # kept, not rebuilt, nothing written
    assert sealed_blobs_of_copy(path) == blobs  # still all readable for the recovery

    done = run("device-db", "check", home=home)
    assert done.returncode == 1 and "skadad" in done.stdout

    done = run("device-db", "recover", "--json", home=home)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["tables"]["outbox"] == {"saved": ROWS, "lost": 0, "unreadable_ranges": 0}
    assert result["tables"]["draft"]["saved"] == ROWS
    assert result["tables"]["usage_event"]["saved"] == ROWS
    assert result["tables"]["sync_state"]["saved"] == 1
    copy = Path(result["damaged_copy"])
    assert copy.parent == home / "backups" and copy.read_bytes() == damaged

    assert sealed_blobs(path) == blobs  # every sealed report, byte for byte
    assert check(path).ok
    listed = run("outbox", "--json", home=home)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == ROWS
    sent = run("report", "submit", "-", home=home, stdin=json.dumps(REPORT))
    assert sent.returncode == 0, sent.stderr
    assert len(sealed_blobs(path)) == ROWS + 1


@pytest.mark.parametrize("btree", ["outbox", "outbox_status"])
def test_damaged_outbox_page_then_outbox_is_told_in_words_and_recovered(
    damaged_home: tuple[Path, Path, dict[str, bytes]], btree: str
) -> None:
    """Issue: ``dd`` at 24576 (the outbox table's root) or 32768 (its status index), ``outbox``."""
    home, path, blobs = damaged_home
    zero_page(path, page_of(path, btree)[0])

    done = run("outbox", home=home)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "skadad" in done.stderr and RECOVER_COMMAND in done.stderr
    if btree == "outbox_status":  # the table itself reads: the list is shown, then the warning
        assert len(done.stdout.strip().splitlines()) == ROWS
        assert "ofullständig" in done.stderr

    recovered = run("device-db", "recover", home=home)
    assert recovered.returncode == 0, recovered.stderr
    assert f"utkorgen: {ROWS} räddade, 0 förlorade" in recovered.stdout
    # a cut-off root: the rows are read from the table's leaf pages themselves
    assert sealed_blobs(path) == blobs
    listed = run("outbox", home=home)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    assert f"{ROWS} i kö" in listed.stdout


def test_damaged_table_leaf_loses_only_its_rows_and_says_how_many(tmp_path: Path) -> None:
    path = tmp_path / "data" / "device.db"
    path.parent.mkdir(parents=True)
    blobs = build_device_db(path)
    pageno, cells = page_of(path, "outbox", leaf=3)
    on_page = rows_on_page(path, pageno)
    assert len(on_page) == cells > 0
    zero_page(path, pageno)

    result = recover(path, tmp_path / "backups", NOW)
    outbox = next(t for t in result.tables if t.table == "outbox")
    assert (outbox.saved, outbox.lost, outbox.unreadable_ranges) == (ROWS - cells, cells, 1)
    after = sealed_blobs(path)
    assert set(after) == set(blobs) - on_page
    assert all(after[u] == blobs[u] for u in after)
    db = DeviceDb(path, tmp_path / "backups", NOW)  # the fresh file is whole and writable
    try:
        assert not db.damaged
        Outbox(db, FixedClock(NOW)).submit(Report.from_dict(REPORT), KEYS["sealing_public"])
    finally:
        db.close()


def rows_on_page(path: Path, pageno: int) -> set[str]:
    """The outbox uuids on one leaf page, before it is damaged (its cells, decoded)."""
    from kompassen.device.pagescan import leaf_records

    return {str(values[0]) for _, values in leaf_records(path, skip_pages=_all_but(path, pageno))}


def _all_but(path: Path, pageno: int) -> set[int]:
    pages = path.stat().st_size // 4096
    return set(range(1, pages + 1)) - {pageno}


def sealed_blobs_of_copy(path: Path) -> dict[str, bytes]:
    """The sealed blobs of a copy of ``path`` (read without touching the original)."""
    copy = path.with_name("peek.db")
    copy.write_bytes(path.read_bytes())
    try:
        return sealed_blobs(copy)
    finally:
        copy.unlink()


# ------------------------------------------------------------------ DeviceDb itself


def test_a_damaged_file_found_at_open_refuses_writes_and_keeps_reading(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=50)
    zero_page(path, page_of(path, "sqlite_autoindex_outbox_1")[0])
    before = path.read_bytes()
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        assert db.damaged
        drafts = Drafts(db, FixedClock(NOW))
        assert len(drafts.list()) == 50  # reads that work go on
        with pytest.raises(DeviceDbDamaged) as info:
            drafts.save({"text": "nytt"})
        err = info.value
        assert err.kind == "corrupt" and err.path == path
        for lang, words in (("sv", "Inget har raderats"), ("en", "Nothing was deleted")):
            assert words in err.message(lang) and RECOVER_COMMAND in err.message(lang)
            assert str(path) in err.message(lang)
        assert Outbox(db, FixedClock(NOW)).recover() == 0  # start-up housekeeping: skipped
        db.truncate_wal()  # nothing written, nothing raised
    finally:
        db.close()
    assert path.read_bytes() == before


def test_damage_found_by_a_write_refuses_every_later_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage quick_check does not see at open: the first "corrupt" marks the file for good."""
    path = tmp_path / "device.db"
    build_device_db(path, rows=50)
    zero_page(path, page_of(path, "sqlite_autoindex_outbox_1")[0])
    monkeypatch.setattr(DeviceDb, "_quick_check", lambda self: None)
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        assert not db.damaged
        outbox = Outbox(db, FixedClock(NOW))
        with pytest.raises(DeviceDbDamaged):
            outbox.submit(Report.from_dict(REPORT), KEYS["sealing_public"])
        assert db.damaged
        with pytest.raises(DeviceDbDamaged) as info:
            db.set_state("other", "table")  # would work: refused all the same
        assert "Kunde inte spara" in info.value.message("sv")
        assert db.get_state("other") is None
    finally:
        db.close()


def test_quick_check_at_open_finds_a_damaged_index(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=50)
    db = DeviceDb(path, tmp_path / "b", NOW)
    assert not db.damaged
    db.close()
    zero_page(path, page_of(path, "outbox_status")[0])
    db = DeviceDb(path, tmp_path / "b", NOW)
    try:
        assert db.damaged and db.damage and "Page" in db.damage
    finally:
        db.close()


# ------------------------------------------------------------------ the recover command


def test_recover_never_overwrites_a_copy_and_refuses_a_sound_file(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=20)
    with pytest.raises(RecoveryError) as info:
        recover(path, tmp_path / "backups", NOW)
    assert "inte skadad" in info.value.message("sv")
    first = recover(path, tmp_path / "backups", NOW, force=True)
    second = recover(path, tmp_path / "backups", NOW, force=True)  # the same second
    assert first.damaged_copy != second.damaged_copy
    assert first.damaged_copy.exists() and second.damaged_copy.exists()
    assert len(sealed_blobs(path)) == 20


def test_recover_refuses_while_the_app_has_the_file_open(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=20)
    zero_page(path, page_of(path, "outbox_status")[0])
    before = path.read_bytes()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('SELECT count(*) FROM draft').fetchall(); print('open', flush=True);"
            " sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(RecoveryError) as info:
            recover(path, tmp_path / "backups", NOW)
        assert "Stäng appen" in info.value.message("sv")
        assert "Close the app" in info.value.message("en")
    finally:
        holder.communicate("", timeout=30)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_nothing_readable_keeps_the_file_in_place(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=5)
    with path.open("r+b") as f:  # the schema page, after the 100-byte header
        f.seek(100)
        f.write(bytes(3996))
    before = path.read_bytes()
    with pytest.raises(RecoveryError) as info:
        recover(path, tmp_path / "backups", NOW)
    assert "Inget gick att läsa" in info.value.message("sv")
    assert path.read_bytes() == before


def test_check_and_recover_on_a_missing_file(tmp_path: Path) -> None:
    assert check(tmp_path / "device.db") == check(tmp_path / "device.db")
    assert not check(tmp_path / "device.db").exists
    with pytest.raises(RecoveryError):
        recover(tmp_path / "device.db", tmp_path / "backups", NOW)


def test_rows_only_in_the_wal_of_a_crashed_app_are_recovered(tmp_path: Path) -> None:
    """The app died (kill -9) with its last reports only in device.db-wal; then damage."""
    live = tmp_path / "live" / "device.db"
    live.parent.mkdir()
    build_device_db(live, rows=50)
    usage_index = page_of(live, "usage_event_kind_at")[0]
    db = DeviceDb(live, tmp_path / "backups", NOW)
    db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    outbox = Outbox(db, FixedClock(NOW))
    for _ in range(10):
        outbox.submit(Report.from_dict(REPORT), KEYS["sealing_public"])
    crashed = tmp_path / "crashed" / "device.db"
    crashed.parent.mkdir()
    crashed.write_bytes(live.read_bytes())  # each commit is fsynced: a consistent crash image
    Path(f"{crashed}-wal").write_bytes(Path(f"{live}-wal").read_bytes())
    in_wal = sealed_blobs_of_live(db)
    db.close()
    assert len(in_wal) == 60
    zero_page(crashed, usage_index, wal_ok=True)

    result = recover(crashed, tmp_path / "backups", NOW)
    assert sealed_blobs(crashed) == in_wal
    assert next(t for t in result.tables if t.table == "outbox").lost == 0
    kept = result.damaged_copy
    assert Path(f"{kept}-wal").read_bytes()  # the copy aside keeps the WAL with it


def sealed_blobs_of_live(db: DeviceDb) -> dict[str, bytes]:
    return {str(u): bytes(b) for u, b in db.query("SELECT uuid, sealed FROM outbox")}


# ------------------------------------------------------------------ fuzz: any page, any garbage


@functools.cache
def pristine() -> tuple[bytes, dict[str, bytes]]:
    """One real device.db image for every example (a fixture would be printed with each)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data" / "device.db"
        path.parent.mkdir()
        blobs = build_device_db(path, rows=120)
        return path.read_bytes(), blobs


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    derandomize=os.environ.get("FUZZ_EXAMPLES") is None,
    database=None,
)
@given(
    page=st.integers(min_value=2, max_value=10_000),
    garbage=st.one_of(st.none(), st.binary(min_size=1, max_size=4096)),
    offset=st.integers(min_value=0, max_value=4095),
)
def test_any_damaged_page_recovers_without_a_traceback_and_keeps_blobs_intact(
    page: int, garbage: bytes | None, offset: int
) -> None:
    """Zeros or garbage over any page but the first: recover never raises anything but
    words, the new file is whole, and after a zeroed page every sealed blob it keeps is the
    original's."""
    image, blobs = pristine()
    pageno = 2 + (page - 2) % (len(image) // 4096 - 1)
    whole_page = garbage is None
    garbage = bytes(4096) if garbage is None else garbage
    offset = min(offset, 4096 - len(garbage))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "device.db"
        damaged = bytearray(image)
        start = (pageno - 1) * 4096 + offset
        damaged[start : start + len(garbage)] = garbage
        path.write_bytes(bytes(damaged))
        try:
            result = recover(path, Path(tmp) / "backups", NOW, force=True)
        except RecoveryError:
            assert path.read_bytes() == bytes(damaged)  # refused: left exactly as it was
            return
        assert check(path).ok
        after = sealed_blobs(path)
        if whole_page:  # a page is there or gone; garbage inside a row cannot be seen on
            # the device (only the office's key checks a sealed box), so it is not asserted
            assert all(blobs.get(u) == b for u, b in after.items())
        outbox = next(t for t in result.tables if t.table == "outbox")
        assert outbox.saved == len(after)
        assert outbox.lost is None or outbox.saved + outbox.lost >= len(blobs) - 0


def test_garbled_rows_sqlite_still_reads_are_left_out_and_mark_the_file(tmp_path: Path) -> None:
    """Damage inside a row (no SQLite error): the other drafts and items are still shown."""
    path = tmp_path / "device.db"
    build_device_db(path, rows=3)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE draft SET fields = '{not json' WHERE rowid = 1")
    raw.execute("UPDATE outbox SET attempts = 'x' WHERE rowid = 2")
    raw.execute("UPDATE usage_event SET detail = '{' WHERE rowid = 3")
    raw.commit()
    raw.close()
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        assert not db.damaged
        assert len(Drafts(db, FixedClock(NOW)).list()) == 2
        assert db.damaged
        assert len(Outbox(db, FixedClock(NOW)).items()) == 2
        assert len(EventLog(db, FixedClock(NOW)).events()) == 2
        with pytest.raises(DeviceDbDamaged):
            db.set_state("x", "y")
    finally:
        db.close()


def test_text_that_is_not_utf8_is_damage_in_words(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    build_device_db(path, rows=3)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE outbox SET kind = CAST(x'ff00fe' AS TEXT) WHERE rowid = 1")
    raw.commit()
    raw.close()
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        with pytest.raises(DeviceDbDamaged) as info:
            Outbox(db, FixedClock(NOW)).items()
        assert RECOVER_COMMAND in info.value.message("en")
    finally:
        db.close()
    result = recover(path, tmp_path / "backups", NOW, force=True)
    outbox = next(t for t in result.tables if t.table == "outbox")
    assert (outbox.saved, outbox.lost) == (2, 1)


def test_a_garbled_schema_or_version_is_damage_in_words(tmp_path: Path) -> None:
    """Page 1 holds the schema's SQL text and the version: garbage there that still parses
    ("no such column", "table already exists") is damage, not a traceback."""
    path = tmp_path / "device.db"
    build_device_db(path, rows=3)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'sent_at', 'sent_xx') WHERE name = 'outbox'"
    )
    raw.close()
    db = DeviceDb(path, tmp_path / "backups", NOW)
    try:
        assert db.damaged
        with pytest.raises(DeviceDbDamaged):
            Outbox(db, FixedClock(NOW)).items()
    finally:
        db.close()

    other = tmp_path / "other.db"
    build_device_db(other, rows=3)
    raw = sqlite3.connect(other, isolation_level=None)
    raw.execute("PRAGMA user_version = 1")  # as if the header's version bytes were hit
    raw.close()
    with pytest.raises(DeviceDbDamaged) as info:
        DeviceDb(other, tmp_path / "backups", NOW)
    assert RECOVER_COMMAND in info.value.message("sv")
