"""A lost tablet (issue #12, class 7): a sent or deleted draft leaves no readable text behind.

The real Drafts API saves several versions of a distinctive text, as the form's autosave
does; the draft is then sent (outbox submit) or deleted, and device.db, device.db-wal and
device.db-shm are read as raw bytes, with the connection still open and after closing.
Run with the SQLite build's ``secure_delete`` default both on and off (builds differ).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import kompassen.device.db as device_db
from kompassen.core.clock import FixedClock
from kompassen.device.db import DeviceDb
from kompassen.reports.drafts import Drafts
from kompassen.reports.outbox import Outbox

from .conftest import KEYS, NOW, make_report

# distinctive, ASCII (JSON keeps it as it is) and never produced by the sealing
VERSIONS = [f"Hemlig-anteckning-{n}-Zyxwvutsrq" for n in ("ett", "tva", "tre", "fyra", "fem")]


@pytest.fixture(params=["build default on", "build default off"])
def db(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DeviceDb]:
    if request.param == "build default off":
        real = device_db.connect

        def connect_default_off(*args: object, **kwargs: object) -> sqlite3.Connection:
            conn = real(*args, **kwargs)  # type: ignore[arg-type]
            conn.execute("PRAGMA secure_delete = OFF")
            return conn

        monkeypatch.setattr(device_db, "connect", connect_default_off)
    d = DeviceDb(tmp_path / "device.db", tmp_path / "backups", NOW)
    yield d
    d.close()


def files_on_disk(path: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        if p.exists()
    }


def leaked(path: Path) -> list[tuple[str, str]]:
    """(file, version) for every draft version still readable in the files."""
    return [
        (name, v)
        for name, data in files_on_disk(path).items()
        for v in VERSIONS
        if v.encode() in data
    ]


def autosave(drafts: Drafts, clock: FixedClock) -> str:
    """Save each version over the same draft, as the form does while the worker types."""
    from datetime import timedelta

    draft_id = drafts.save({"kind": "unsolved", "text": VERSIONS[0]})
    for text in VERSIONS[1:]:
        clock.advance(timedelta(seconds=20))
        drafts.save({"kind": "unsolved", "text": text, "place_text": text}, draft_id)
    return draft_id


def test_secure_delete_is_on_whatever_the_build(db: DeviceDb) -> None:
    assert db.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_the_versions_are_there_while_the_draft_lives(db: DeviceDb) -> None:
    """The check can fail: before sending, the autosaved versions are on disk."""
    clock = FixedClock(NOW)
    autosave(Drafts(db, clock), clock)
    assert leaked(db.path)


def test_a_sent_draft_leaves_no_version_readable(db: DeviceDb) -> None:
    clock = FixedClock(NOW)
    drafts = Drafts(db, clock)
    other = drafts.save({"kind": "unsolved", "text": "ett annat utkast som blir kvar"})
    draft_id = autosave(drafts, clock)
    report = make_report(text=VERSIONS[-1], place_text=VERSIONS[-1])
    Outbox(db, clock).submit(report, KEYS["sealing_public"], draft_id)
    assert drafts.get(draft_id) is None and drafts.get(other) is not None
    assert leaked(db.path) == []  # with the connection still open
    db.close()
    assert leaked(db.path) == []  # and after closing


def test_a_deleted_draft_leaves_no_version_readable(db: DeviceDb) -> None:
    clock = FixedClock(NOW)
    drafts = Drafts(db, clock)
    draft_id = autosave(drafts, clock)
    drafts.delete(draft_id)
    assert leaked(db.path) == []
    db.close()
    assert leaked(db.path) == []


def test_a_deleted_draft_on_a_file_with_many_pages_leaves_nothing(db: DeviceDb) -> None:
    """Enough rows that the draft table has leaf pages and the WAL was checkpointed before."""
    clock = FixedClock(NOW)
    drafts = Drafts(db, clock)
    for i in range(300):
        drafts.save({"kind": "unsolved", "text": f"fyllnad {i} " * 20})
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the versions reach the main file
    draft_id = autosave(drafts, clock)
    db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    drafts.save({"kind": "unsolved", "text": VERSIONS[-1] + " och lite till " * 30}, draft_id)
    drafts.delete(draft_id)
    assert leaked(db.path) == []
    db.close()
    assert leaked(db.path) == []


def test_page_splits_overflow_and_checkpoints_leave_nothing_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seeded stress: other drafts of random sizes change around the one being typed (page
    splits, overflow pages, checkpoints at random moments), on a build whose default is off."""
    import random
    from datetime import timedelta

    real = device_db.connect

    def connect_default_off(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(device_db, "connect", connect_default_off)
    rnd = random.Random(12)
    for trial in range(8):
        path = tmp_path / str(trial) / "device.db"
        db = DeviceDb(path, tmp_path / "backups", NOW)
        clock = FixedClock(NOW)
        drafts = Drafts(db, clock)
        others = [drafts.save({"text": "f" * rnd.randint(10, 3000)}) for _ in range(120)]
        texts = [f"Hemlig-{trial}-{n}-Zyxwvutsrq" for n in range(8)]
        target = drafts.save({"text": texts[0]})
        for text in texts[1:]:
            clock.advance(timedelta(seconds=5))
            for other in rnd.sample(others, 5):
                drafts.save({"text": "g" * rnd.randint(10, 5000)}, other)
            if rnd.random() < 0.3:
                db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            drafts.save({"text": (text + " ") * rnd.randint(1, 400)}, target)
        if trial % 2:
            drafts.delete(target)
        else:
            report = make_report(text=texts[-1])
            Outbox(db, clock).submit(report, KEYS["sealing_public"], target)
        found = [
            (n, t) for n, data in files_on_disk(path).items() for t in texts if t.encode() in data
        ]
        db.close()
        found += [
            (n, t) for n, data in files_on_disk(path).items() for t in texts if t.encode() in data
        ]
        assert found == [], trial


def test_versions_left_by_a_crash_before_the_wal_was_emptied_go_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app dies between the submit's commit and emptying the WAL: the crash image (the
    files as they are on disk, each commit fsynced) is opened by the next start."""
    live = tmp_path / "live" / "device.db"
    db = DeviceDb(live, tmp_path / "backups", NOW)
    clock = FixedClock(NOW)
    draft_id = autosave(Drafts(db, clock), clock)
    monkeypatch.setattr(db, "truncate_wal", lambda: None)  # "killed" right after the commit
    Outbox(db, clock).submit(make_report(text=VERSIONS[-1]), KEYS["sealing_public"], draft_id)
    crashed = tmp_path / "crashed" / "device.db"
    crashed.parent.mkdir()
    for name, data in files_on_disk(live).items():
        (crashed.parent / name).write_bytes(data)
    db.close()
    assert leaked(crashed)  # the crash image still holds the versions
    again = DeviceDb(crashed, tmp_path / "backups", NOW)
    try:
        assert leaked(crashed) == []
        assert Drafts(again, clock).get(draft_id) is None
    finally:
        again.close()
    assert leaked(crashed) == []
