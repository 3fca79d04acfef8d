"""A damaged device.db found at the window's start is repaired there; the window opens.

Before, the start ended in a modal box telling the worker to run ``kompassen device-db
recover`` from a terminal: at night, on a kiosk tablet, search included, nothing worked.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from kompassen.device.paths import resolve_paths
from kompassen.device.recovery import check, repair_at_start
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import Launch
from test_devicedb_damage import NOW, build_device_db, page_of, sealed_blobs, zero_page


def _start(qtbot: QtBot, home: Path) -> tuple[Launch, FieldWindow]:
    ready: list[FieldWindow] = []
    started = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    qtbot.waitUntil(lambda: bool(ready) or started.failed != 0, timeout=30_000)
    assert ready, "the window did not open"
    return started, ready[0]


def _device_db(home: Path) -> Path:
    return resolve_paths({"KOMPASSEN_HOME": str(home)}).device_db


def _searches(qtbot: QtBot, window: FieldWindow) -> None:
    page = window.search_page
    qtbot.keyClicks(page.filters.search, "harbarge")  # QTest types ASCII only
    qtbot.waitUntil(
        lambda: page.result is not None and page.result.query.text == "harbarge", timeout=20_000
    )
    assert page.result is not None and page.result.total > 0


def test_garbage_instead_of_device_db_starts_the_window_and_keeps_the_garbage(
    qtbot: QtBot, home: Path
) -> None:
    path = _device_db(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = bytes(range(256)) * 16
    path.write_bytes(garbage)
    started, window = _start(qtbot, home)
    try:
        box = started.device_repaired
        assert box is not None and box.isVisible() and not box.isModal()
        assert "gick inte att läsa" in box.text() and "device-damaged-" in box.text()
        copies = list(resolve_paths({"KOMPASSEN_HOME": str(home)}).backup_dir.glob("device-*"))
        assert [c.read_bytes() for c in copies] == [garbage]  # kept byte for byte
        assert check(path).ok  # a sound, empty device.db
        _searches(qtbot, window)
        box.accept()
    finally:
        started.close()


def test_a_damaged_page_is_repaired_with_the_outbox_saved(qtbot: QtBot, home: Path) -> None:
    path = _device_db(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    blobs = build_device_db(path, rows=40)
    pageno, _ = page_of(path, "usage_event", leaf=0)  # events lost, reports not
    zero_page(path, pageno)
    assert not check(path).ok
    started, window = _start(qtbot, home)
    try:
        box = started.device_repaired
        assert box is not None
        assert "är lagad: 40 rapporter i utkorgen och 40 utkast räddade" in box.text(), box.text()
        assert sealed_blobs(path) == blobs  # every sealed report, bit for bit
        assert check(path).ok
        _searches(qtbot, window)
    finally:
        started.close()


def test_a_sound_device_db_is_left_alone(qtbot: QtBot, home: Path) -> None:
    path = _device_db(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_device_db(path, rows=3)
    before = path.read_bytes()
    started, _window = _start(qtbot, home)
    try:
        assert started.device_repaired is None
        assert not list(resolve_paths({"KOMPASSEN_HOME": str(home)}).backup_dir.glob("device-*"))
    finally:
        started.close()
    assert len(path.read_bytes()) >= len(before)


def test_a_device_db_another_process_is_writing_is_not_taken_for_damage(tmp_path: Path) -> None:
    """A sync from the command line holding the write lock is not damage: nothing repaired."""
    path = tmp_path / "data" / "device.db"
    path.parent.mkdir()
    build_device_db(path, rows=2)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")  # a rollback journal: readers are locked out
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done: list[object] = []
        t = threading.Thread(
            target=lambda: done.append(repair_at_start(path, tmp_path / "backups", _now()))
        )
        t.start()
        t.join(30)
        assert done == [None]
        assert not (tmp_path / "backups").exists()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _now() -> datetime:
    return NOW
