"""write_atomic: 0600 whatever the umask, the old file or the new one, no temporary left.

read_text_limited / load_json_limited: a file over the cap is refused without being read,
non-UTF-8 and broken JSON are refused in both languages naming the file and the line.

parse_json: the bounds every JSON input gets (depth before json recurses, huge integers,
NaN/Infinity, lone surrogates), each a clear TextFileError with line and column.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.core.errors import KompassenError
from kompassen.device.files import (
    MAX_INT_DIGITS,
    MAX_JSON_DEPTH,
    JsonRefused,
    TextFileError,
    _max_depth,
    load_json_limited,
    parse_json,
    parse_json_bytes,
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


# ------------------------------------------------------------------- bounded JSON (#12)


def _refused(text: str) -> TextFileError:
    with pytest.raises(TextFileError) as info:
        parse_json(text, "t.json")
    return info.value


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 500, 1000, 100_000])
def test_nesting_deeper_than_the_limit_is_refused_before_json_recurses(depth: int) -> None:
    for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        err = _refused(text)
        assert isinstance(err, JsonRefused)
        assert f"djupare än {MAX_JSON_DEPTH} nivåer" in err.sv
        assert f"deeper than {MAX_JSON_DEPTH} levels" in err.en
        assert err.line == 1 and err.column is not None
    # where: the bracket that opens the level one too many
    assert _refused("[" * depth + "]" * depth).column == MAX_JSON_DEPTH + 1


def test_nesting_at_the_limit_parses_and_brackets_in_strings_do_not_count() -> None:
    text = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert parse_json(text, "t.json") is not None
    in_strings = json.dumps(["[" * 500, '\\"[[[', "{" * 500, "\\", ["]]]]"]])
    assert parse_json(in_strings, "t.json")[0] == "[" * 500


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\n\u00e5'),
        lambda kids: st.lists(kids, max_size=3)
        | st.dictionaries(st.text(alphabet='[]{}"\\k', max_size=3), kids, max_size=3),
        max_leaves=40,
    ),
    st.sampled_from([None, 0, 2]),
)
def test_the_depth_prescan_agrees_with_the_real_depth(value: Any, indent: int | None) -> None:
    """The C-speed pre-scan of brackets outside strings gives exactly the nesting depth."""

    def depth(v: Any) -> int:
        if isinstance(v, dict):
            return 1 + max(map(depth, v.values()), default=0)
        if isinstance(v, list):
            return 1 + max(map(depth, v), default=0)
        return 0

    text = json.dumps(value, indent=indent, ensure_ascii=indent is None)
    assert _max_depth(text.encode("utf-8")) == depth(value)
    assert parse_json(text, "t.json") == value


def test_an_integer_of_4301_digits_is_a_clear_refusal() -> None:
    err = _refused('{"age_min": ' + "1" * 4301 + "}")
    assert "4301 siffror" in err.sv and "4301 digits" in err.en
    assert (err.line, err.column) == (1, 13)
    assert parse_json("9" * MAX_INT_DIGITS, "t.json") == int("9" * MAX_INT_DIGITS)
    assert isinstance(_refused("-" + "9" * (MAX_INT_DIGITS + 1)), JsonRefused)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_nan_and_infinite_numbers_are_refused(token: str) -> None:
    err = _refused('{\n  "lat": ' + token + "\n}")
    assert isinstance(err, JsonRefused) and err.line == 2
    assert "Ogiltig JSON" in err.sv and "Invalid JSON" in err.en


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\uD83D x", "x \\uDE00"])
def test_a_lone_surrogate_is_refused_and_a_pair_is_not(escape: str) -> None:
    text = '{"name": "a' + escape + '"}'
    err = _refused(text)
    assert "trasigt tecken" in err.sv and "broken character" in err.en
    assert err.column == text.index("\\u") + 1
    assert parse_json('["\\ud83d\\ude00"]', "t.json") == ["\U0001f600"]
    assert parse_json('["\\\\ud800"]', "t.json") == ["\\ud800"]  # an escaped backslash


def test_bytes_that_are_not_utf8_are_refused_in_words() -> None:
    with pytest.raises(TextFileError) as info:
        parse_json_bytes(b'{"a": "\xff"}', "answer")
    assert "UTF-8" in info.value.en and "UTF-8" in info.value.sv
    assert parse_json_bytes('{"å": 1}'.encode(), "answer") == {"å": 1}


def test_a_missing_file_says_so_for_callers_with_a_default(tmp_path: Path) -> None:
    with pytest.raises(TextFileError) as info:
        load_json_limited(tmp_path / "nope.json", 100)
    assert info.value.missing
    (tmp_path / "bad.json").write_text("{", "utf-8")
    with pytest.raises(TextFileError) as info:
        load_json_limited(tmp_path / "bad.json", 100)
    assert not info.value.missing


def test_every_shipped_json_parses_with_a_wide_margin_below_the_limit() -> None:
    repo = Path(__file__).resolve().parents[1]
    files = [*(repo / "data").rglob("*.json"), *(repo / "tests" / "fixtures").rglob("*.json")]
    assert len(files) > 10
    for path in files:
        text = path.read_text("utf-8")
        parse_json(text, path.name)
        assert _max_depth(text.encode("utf-8")) <= MAX_JSON_DEPTH // 4, path


def test_a_lone_surrogate_already_in_the_text_is_refused_too() -> None:
    """Text that did not come from strict UTF-8 (a keyring, a caller's string)."""
    assert isinstance(_refused('["a\ud800"]'), JsonRefused)
