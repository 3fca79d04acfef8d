"""write_atomic: 0600 whatever the umask, the old file or the new one, no temporary left.

read_text_limited / load_json_limited: a file over the cap is refused without being read,
non-UTF-8 and broken JSON are refused in both languages naming the file and the line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kompassen.core.errors import KompassenError
from kompassen.device.files import (
    TextFileError,
    load_json_limited,
    read_text_limited,
    write_atomic,
)


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


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"x" * 100)
    assert read_text_limited(path, 100) == "x" * 100
    with pytest.raises(TextFileError) as info:
        read_text_limited(path, 99)
    err = info.value
    assert isinstance(err, KompassenError)
    assert err.message("sv") == "data.csv: Filen är större än 99 byte (100 byte); den lästes inte."
    assert err.message("en") == (
        "data.csv: The file is larger than 99 bytes (100 bytes); it was not read."
    )


def test_a_huge_sparse_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # sparse: no disk used; reading it would take 4 GiB of memory
        fh.truncate(4 * 1024**3)
    with pytest.raises(TextFileError) as info:
        load_json_limited(path, 200 * 1024 * 1024, display="paket/huge.json")
    assert info.value.file == "paket/huge.json"
    assert "större än 200 MB" in info.value.sv and "larger than 200 MB" in info.value.en


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_that_says_it_is_empty_is_still_capped() -> None:
    """/proc files report size 0: the cap must hold while reading, not only by stat."""
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0 and len(path.read_bytes()) > 50
    with pytest.raises(TextFileError) as info:
        read_text_limited(path, 50)
    assert "den lästes inte" in info.value.sv


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(TextFileError) as info:
        read_text_limited(fifo, 1000)
    assert "ingen vanlig fil" in info.value.sv and "not a regular file" in info.value.en


def test_missing_file_and_folder_are_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(TextFileError) as info:
        read_text_limited(tmp_path / "nej.json", 1000)
    assert info.value.message("sv") == "nej.json: Filen finns inte."
    assert info.value.message("en") == "nej.json: The file does not exist."
    with pytest.raises(TextFileError) as info:
        read_text_limited(tmp_path, 1000)
    assert "mapp" in info.value.sv and "folder" in info.value.en


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,name\n1,ok\n2,Föreningen\n".encode("latin-1"))
    with pytest.raises(TextFileError) as info:
        read_text_limited(path, 1000)
    assert info.value.line == 3
    assert info.value.message("sv").startswith("latin1.csv rad 3: Filen är inte UTF-8-kodad")
    assert info.value.message("en").startswith("latin1.csv line 3: The file is not UTF-8")


def test_a_byte_order_mark_is_dropped_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"a": 1}')
    assert load_json_limited(path, 1000, strip_bom=True) == {"a": 1}
    assert read_text_limited(path, 1000).startswith("\ufeff")
    with pytest.raises(TextFileError) as info:
        load_json_limited(path, 1000)
    assert "BOM" in info.value.sv


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "a": 1\n  "b": 2\n}', encoding="utf-8")
    with pytest.raises(TextFileError) as info:
        load_json_limited(path, 1000)
    err = info.value
    assert (err.line, err.column) == (3, 3)
    assert err.message("sv") == (
        "broken.json rad 3, kolumn 3: Ogiltig eller avkortad JSON: ett kommatecken väntades."
    )
    assert err.message("en") == (
        "broken.json line 3, column 3: Invalid or truncated JSON: Expecting ',' delimiter."
    )
