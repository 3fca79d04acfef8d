"""Rows read straight from the pages of an SQLite file, for when SQLite cannot reach them.

A damaged root or interior page cuts a whole table off although its leaf pages, which hold
the rows, are intact (SQLite's ``.recover`` finds them the same way; tablets have no
``sqlite3`` shell, and Python's module has no recover API). This reads every table-leaf page
of a file that is on no freelist, decodes its cells (following overflow chains) and returns
the records by column count, so the caller can tell its tables apart and check each row by
inserting it under the real schema. Format: https://www.sqlite.org/fileformat2.html.

Only what device.db needs: UTF-8 text, no pointer maps walked, no WITHOUT ROWID tables.
Anything malformed is skipped, never raised: this runs on damaged files.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

Value = int | float | str | bytes | None
Record = tuple[int, tuple[Value, ...]]  # (rowid, column values)

_TABLE_LEAF = 0x0D


def leaf_records(path: Path, skip_pages: set[int] | None = None) -> Iterator[Record]:
    """Every decodable row on the table-leaf pages of ``path`` that are not free pages."""
    data = path.read_bytes()
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        return
    page_size = struct.unpack(">H", data[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return
    usable = page_size - data[20]
    if usable < 480:  # the file format's minimum: the header is damaged
        return
    pages = len(data) // page_size
    skip = _free_pages(data, page_size, pages) | set(skip_pages or ()) | {1}
    for pageno in range(2, pages + 1):
        if pageno in skip:
            continue
        page = data[(pageno - 1) * page_size : pageno * page_size]
        if page[0] != _TABLE_LEAF:
            continue
        yield from _cells(data, page, page_size, usable, pages)


def _free_pages(data: bytes, page_size: int, pages: int) -> set[int]:
    """The freelist's trunk and leaf pages (stale rows live there); as much as can be read."""
    free: set[int] = set()
    (trunk,) = struct.unpack(">I", data[32:36])
    while 1 < trunk <= pages and trunk not in free:
        free.add(trunk)
        base = (trunk - 1) * page_size
        nxt, count = struct.unpack(">II", data[base : base + 8])
        for (leaf,) in struct.iter_unpack(
            ">I", data[base + 8 : base + 8 + 4 * min(count, (page_size - 8) // 4)]
        ):
            if 1 < leaf <= pages:
                free.add(leaf)
        trunk = nxt
    return free


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    """SQLite's big-endian varint at ``pos``: (value, next position); IndexError past the end."""
    value = 0
    for i in range(8):
        byte = buf[pos + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    return (value << 8) | buf[pos + 8], pos + 9


def _cells(data: bytes, page: bytes, page_size: int, usable: int, pages: int) -> Iterator[Record]:
    (ncell,) = struct.unpack(">H", page[3:5])
    for i in range(min(ncell, (page_size - 8) // 2)):
        (ptr,) = struct.unpack(">H", page[8 + 2 * i : 10 + 2 * i])
        try:
            size, pos = _varint(page, ptr)
            rowid, pos = _varint(page, pos)
            payload = _payload(data, page, pos, size, page_size, usable, pages)
            values = _record(payload)
        except (IndexError, ValueError, struct.error):
            continue  # a damaged cell: skip it
        if rowid >= 1 << 63:
            rowid -= 1 << 64
        yield rowid, values


def _payload(
    data: bytes, page: bytes, pos: int, size: int, page_size: int, usable: int, pages: int
) -> bytes:
    """The cell's payload, its overflow pages followed (formulas of the file format)."""
    max_local = usable - 35
    if size <= max_local:
        return page[pos : pos + size]
    min_local = (usable - 12) * 32 // 255 - 23
    local = min_local + (size - min_local) % (usable - 4)
    if local > max_local:
        local = min_local
    out = bytearray(page[pos : pos + local])
    (nxt,) = struct.unpack(">I", page[pos + local : pos + local + 4])
    seen: set[int] = set()
    while len(out) < size:
        if not 1 < nxt <= pages or nxt in seen:
            raise ValueError("broken overflow chain")
        seen.add(nxt)
        base = (nxt - 1) * page_size
        (following,) = struct.unpack(">I", data[base : base + 4])
        out += data[base + 4 : base + min(usable, 4 + size - len(out))]
        nxt = following
    return bytes(out)


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _record(payload: bytes) -> tuple[Value, ...]:
    """The values of one record (header of serial types, then the bodies)."""
    header_size, pos = _varint(payload, 0)
    if not 0 < header_size <= len(payload):
        raise ValueError("bad record header")
    types = []
    while pos < header_size:
        t, pos = _varint(payload, pos)
        types.append(t)
    body = header_size
    values: list[Value] = []
    for t in types:
        if t == 0:
            values.append(None)
        elif t in _INT_SIZES:
            n = _INT_SIZES[t]
            raw = payload[body : body + n]
            if len(raw) != n:
                raise ValueError("short integer")
            values.append(int.from_bytes(raw, "big", signed=True))
            body += n
        elif t == 7:
            raw = payload[body : body + 8]
            if len(raw) != 8:
                raise ValueError("short float")
            values.append(struct.unpack(">d", raw)[0])
            body += 8
        elif t in (8, 9):
            values.append(t - 8)
        elif t >= 12:
            n = (t - 12) // 2
            raw = payload[body : body + n]
            if len(raw) != n:
                raise ValueError("short text or blob")
            values.append(raw.decode("utf-8") if t % 2 else bytes(raw))
            body += n
        else:
            raise ValueError("reserved serial type")
    return tuple(values)
