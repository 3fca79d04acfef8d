"""The page reader of the device.db recovery: on a sound file it finds exactly SQLite's rows.

Property test: random rows of every storage class (integers of each size, floats, text,
blobs long enough to spill into overflow chains, NULL), some of them deleted again (free
pages must not give rows back), at two page sizes; the rows read from the pages are the rows
SQLite returns. Garbage is skipped, never raised.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.device.pagescan import leaf_records

values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, 1, -1, 127, 128, 32767, 2**23, 2**31, 2**47, 2**62]),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.integers(min_value=0, max_value=12_000).map(lambda n: bytes(i % 251 for i in range(n))),
    st.integers(min_value=0, max_value=6_000).map(lambda n: "åäö" * n),
)
rows = st.lists(st.tuples(values, values, values), min_size=0, max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    rows=rows,
    deleted=st.sets(st.integers(min_value=1, max_value=60), max_size=30),
    page_size=st.sampled_from([1024, 4096]),
)
def test_pages_give_back_exactly_the_live_rows(
    rows: list[tuple[object, object, object]], deleted: set[int], page_size: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("CREATE TABLE t (a, b, c)")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
        conn.executemany("DELETE FROM t WHERE rowid = ?", [(d,) for d in sorted(deleted)])
        live = {(r[0], (r[1], r[2], r[3])) for r in conn.execute("SELECT rowid, a, b, c FROM t")}
        schema = {r[0] for r in conn.execute("SELECT count(*) FROM sqlite_master")}
        conn.close()
        found = {(rowid, vals) for rowid, vals in leaf_records(path) if len(vals) == 3}
        assert schema == {1}
        assert found == {(rowid, tuple(_norm(v) for v in vals)) for rowid, vals in live}


def _norm(v: object) -> object:
    return bytes(v) if isinstance(v, memoryview) else v


@settings(max_examples=40, deadline=None)
@given(garbage=st.binary(min_size=0, max_size=9000), at=st.integers(min_value=0, max_value=8000))
def test_garbage_anywhere_is_skipped_not_raised(garbage: bytes, at: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("CREATE TABLE t (a, b)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, "x" * (i * 50)) for i in range(40)])
        conn.close()
        data = bytearray(path.read_bytes())
        data[at : at + len(garbage)] = garbage
        path.write_bytes(bytes(data))
        list(leaf_records(path))  # must not raise
