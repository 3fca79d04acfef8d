"""write_atomic: 0600 whatever the umask, the old file or the new one, no temporary left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kompassen.device.files import write_atomic


def test_mode_and_replace_and_nothing_left(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "secret.json"
    old = os.umask(0)
    try:
        write_atomic(target, b"one")
        write_atomic(target, b"two")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["secret.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    write_atomic(target, b"old")
    (tmp_path / "blocker").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "blocker", b"new")  # renaming a file over a folder fails
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "secret.json"]
