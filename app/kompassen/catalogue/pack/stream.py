"""Reading a big ``services.json`` record by record, in bounded memory.

Why not ``json.load``: a 100k-service pack is ~160 MB of text, ~1 GB as Python objects, and
installing it from the command line took 900 MB. Here the file is read in 1 MiB chunks and
each record of ``organizations``, ``locations`` and ``services`` is decoded on its own by
the same C scanner with the same guards as :func:`kompassen.device.files.parse_json` (no
NaN/Infinity, no integer over ``MAX_INT_DIGITS`` digits, nesting at most ``MAX_JSON_DEPTH``,
no lone surrogate, UTF-8 only), so a record is refused for exactly the reasons the whole
file would be, with its line and column. Only the current chunk and record are held.

Why not ijson: its C backend builds records of one prefix only (three lists mean three
passes or a Python loop over every event), its errors carry no line, and it would be a new
dependency of the tablet app for what the standard scanner already does.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kompassen.device.files import (  # parse_json's own guards, so both paths refuse alike
    _JSON_MSGS_SV,
    _SURROGATE_AT,
    MAX_JSON_DEPTH,
    TextFileError,
    _has_surrogates,
    _max_depth,
    _parse_float,
    _parse_int,
    _refuse_constant,
    _Refused,
    _too_deep_at,
    open_regular,
)

_GiB = 1024 * 1024 * 1024
MAX_STREAM_BYTES = 2 * _GiB  # services.json: larger is refused unread (100k services ≈ 160 MB)
MAX_RECORD_CHARS = 16 * 1024 * 1024  # one organisation, location or service
CHUNK_BYTES = 1024 * 1024
STREAMED_LISTS = ("organizations", "locations", "services")

Progress = Callable[[int, int], None]
"""``progress(done, total)``: bytes of services.json read so far and its size; monotonic,
called at least once with ``done == total`` when the whole file was read."""

_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_DECODER = json.JSONDecoder(
    parse_constant=_refuse_constant, parse_int=_parse_int, parse_float=_parse_float
)


@dataclass(frozen=True, slots=True)
class Record:
    """One value of services.json: a record of a streamed list (``index`` ≥ 0) or a top-level
    value (``index`` -1), with its text (for locating problems inside it) and its place."""

    section: str
    index: int
    value: Any
    text: str
    line: int
    column: int


class _Buffer:
    """Decoded text of the file from ``pos`` on, refilled chunk by chunk."""

    def __init__(self, fh: Any, display: str, total: int, progress: Progress | None) -> None:
        self.fh, self.display, self.total, self.progress = fh, display, total, progress
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.buf = ""
        self.pos = 0
        self.read_bytes = 0
        self.eof = False
        self.lines_before = 0  # newlines in text already dropped from the buffer
        self.col_before = 0  # characters after the last dropped newline
        self._seen = 0  # where() counted lines up to this offset: ...
        self._seen_line = 0  # ... newlines before it
        self._seen_col = 0  # ... characters since the last newline before it

    def more(self) -> bool:
        """Append one chunk; False at the end of the file."""
        if self.eof:
            return False
        raw = self.fh.read(CHUNK_BYTES)
        self.read_bytes += len(raw)
        if self.read_bytes > self.total:  # the file grew while being read
            self.fail(
                "Filen växte medan den lästes.", "The file grew while it was read.", at_end=True
            )
        try:
            text = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            line = self.where(len(self.buf))[0] + raw[: max(exc.start, 0)].count(b"\n")
            raise TextFileError(
                file=self.display,
                problem_sv="Filen är inte UTF-8-kodad (spara den som UTF-8).",
                problem_en="The file is not UTF-8 encoded (save it as UTF-8).",
                line=line,
            ) from None
        if not raw:
            self.eof = True
        self._drop_consumed()
        self.buf += text
        if self.progress is not None:
            self.progress(self.read_bytes, self.total)
        return bool(raw)

    def _drop_consumed(self) -> None:
        if self.pos < CHUNK_BYTES:
            return
        self.lines_before, self.col_before = self._count_to(self.pos)
        self.lines_before -= 1
        self.col_before -= 1
        self.buf = self.buf[self.pos :]
        self.pos = self._seen = 0

    def _count_to(self, at: int) -> tuple[int, int]:
        """Line and column at ``at``, counting only from the last place asked (records come in
        order: counting from the buffer's start each time made streaming quadratic)."""
        if at < self._seen:
            self._seen, self._seen_line, self._seen_col = 0, self.lines_before, self.col_before
        newlines = self.buf.count("\n", self._seen, at)
        if newlines:
            self._seen_line += newlines
            self._seen_col = at - self.buf.rfind("\n", self._seen, at) - 1
        else:
            self._seen_col += at - self._seen
        self._seen = at
        return self._seen_line + 1, self._seen_col + 1

    def where(self, at: int) -> tuple[int, int]:
        """1-based line and column of buffer offset ``at``."""
        return self._count_to(at)

    def fail(self, sv: str, en: str, at: int | None = None, *, at_end: bool = False) -> None:
        line, column = self.where(len(self.buf) if at_end or at is None else at)
        raise TextFileError(
            file=self.display, problem_sv=sv, problem_en=en, line=line, column=column
        )

    def skip_ws(self) -> str:
        """The next character after white space ("" at the end of the file)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]  # always
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, chars: str) -> str:
        c = self.skip_ws()
        if not c or c not in chars:
            want = " eller ".join(f"”{x}”" for x in chars)
            want_en = " or ".join(f"'{x}'" for x in chars)
            self.fail(
                f"Ogiltig eller avkortad JSON: {want} väntades.",
                f"Invalid or truncated JSON: expected {want_en}.",
                self.pos,
                at_end=not c,
            )
        self.pos += 1
        return c

    def value(self, depth: int) -> tuple[Any, str, int]:
        """Decode the value at ``pos`` (``depth`` levels down): (value, its text, its start)."""
        self.skip_ws()
        start = self.pos
        last: tuple[str, int] | None = None
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, start)
            except json.JSONDecodeError as exc:
                error = (exc.msg, exc.pos - start)  # relative: more() may drop what is read
                cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - 1
                too_long = len(self.buf) - start > MAX_RECORD_CHARS
                if (error == last and not cut) or self.eof or too_long:
                    self._too_large(start)
                    self.fail(
                        f"Ogiltig eller avkortad JSON: {_JSON_MSGS_SV.get(exc.msg, exc.msg)}.",
                        f"Invalid or truncated JSON: {exc.msg}.",
                        exc.pos,
                    )
                last = error
                self.more()
                start = self.pos
                continue
            except _Refused as exc:  # a longer number in the next chunk is refused too
                at = self.buf.find(exc.token, start)
                self.fail(f"Ogiltig JSON: {exc.sv}.", f"Invalid JSON: {exc.en}.", at)
            except RecursionError:
                self._too_deep(start, MAX_JSON_DEPTH - depth)
                raise  # pragma: no cover  # _too_deep always raises
            if end >= len(self.buf) and not self.eof:
                self.more()  # a number at the very end may go on in the next chunk
                start = self.pos
                continue
            break
        text = self.buf[start:end]
        self.pos = end
        return value, text, start

    def _too_large(self, start: int) -> None:
        if len(self.buf) - start > MAX_RECORD_CHARS:
            self.fail(
                f"En post är längre än {MAX_RECORD_CHARS // (1024 * 1024)} MB.",
                f"A record is longer than {MAX_RECORD_CHARS // (1024 * 1024)} MB.",
                start,
            )

    def _too_deep(self, start: int, limit: int) -> None:
        """Refuse at the bracket that opens one level too many, as ``parse_json`` does."""
        depth = MAX_JSON_DEPTH
        self.fail(
            f"Ogiltig JSON: nästlad djupare än {depth} nivåer.",
            f"Invalid JSON: nested deeper than {depth} levels.",
            start + _too_deep_at(self.buf[start:], limit),
        )

    def check(self, value: Any, text: str, start: int, depth: int) -> None:
        """What ``parse_json`` refuses after parsing: too deep, a lone surrogate."""
        limit = MAX_JSON_DEPTH - depth
        if text.count("[") + text.count("{") > limit and _max_depth(text.encode()) > limit:
            self._too_deep(start, limit)
        if _SURROGATE_ESCAPE.search(text) and _has_surrogates(value):
            lone = (m.start() for m in _SURROGATE_AT.finditer(text) if len(m.group()) == 6)
            self.fail(
                "Ogiltig JSON: en text innehåller ett trasigt tecken "
                "(en ensam \\ud800–\\udfff-kod).",
                "Invalid JSON: a text holds a broken character (a lone \\ud800–\\udfff escape).",
                start + next(lone, 0),
            )


def open_limited(path: Path, display: str, max_bytes: int | None = None) -> tuple[Any, int]:
    """A binary handle on a regular file of at most ``max_bytes`` (:data:`MAX_STREAM_BYTES`),
    and its size."""
    if max_bytes is None:
        max_bytes = MAX_STREAM_BYTES
    fd, size = open_regular(path, display)
    if size > max_bytes:
        os.close(fd)
        limit = f"{max_bytes / _GiB:g} GB" if max_bytes >= _GiB else f"{max_bytes} byte"
        limit_en = limit.replace("byte", "bytes")
        raise TextFileError(
            file=display,
            problem_sv=f"Filen är större än {limit} ({size} byte); den lästes inte. "
            "Dela upp området i flera paket.",
            problem_en=f"The file is larger than {limit_en} ({size} bytes); it was "
            "not read. Split the area into several packs.",
        )
    return os.fdopen(fd, "rb"), size


def stream_records(
    path: Path, *, display: str = "services.json", progress: Progress | None = None
) -> Iterator[Record]:
    """Every top-level value of the JSON object in ``path``; the streamed lists item by item.

    Raises TextFileError (with line and column) on the first syntax error or refused value;
    the records before it have been yielded.
    """
    fh, total = open_limited(path, display)
    with fh:
        b = _Buffer(fh, display, total, progress)
        if b.skip_ws() == "\ufeff":
            b.fail(
                "Ogiltig eller avkortad JSON: filen börjar med ett BOM-tecken.",
                "Invalid or truncated JSON: Unexpected UTF-8 BOM (decode using utf-8-sig).",
                b.pos,
            )
        b.expect("{")
        if b.skip_ws() == "}":
            b.pos += 1
        else:
            while True:
                key, _, _ = _key(b)
                b.expect(":")
                if key in STREAMED_LISTS and b.skip_ws() == "[":
                    yield from _items(b, key)
                else:
                    value, text, start = b.value(1)
                    b.check(value, text, start, 1)
                    yield Record(key, -1, value, text, *b.where(start))
                if b.expect(",}") == "}":
                    break
        if b.skip_ws():
            b.fail(
                "Ogiltig eller avkortad JSON: extra text efter slutet.",
                "Invalid or truncated JSON: Extra data.",
                b.pos,
            )
        if b.progress is not None:
            b.progress(total, total)


def _key(b: _Buffer) -> tuple[str, str, int]:
    if b.skip_ws() != '"':
        b.fail(
            "Ogiltig eller avkortad JSON: ett fältnamn inom dubbla citattecken väntades.",
            "Invalid or truncated JSON: Expecting property name enclosed in double quotes.",
            b.pos,
            at_end=not b.skip_ws(),
        )
    key, text, start = b.value(1)
    b.check(key, text, start, 1)
    return key, text, start


def _items(b: _Buffer, section: str) -> Iterator[Record]:
    """The records of one list; an empty list as one top-level value (so it is seen)."""
    where = b.where(b.pos)
    b.expect("[")
    if b.skip_ws() == "]":
        b.pos += 1
        yield Record(section, -1, [], "[]", *where)
        return
    index = 0
    while True:
        value, text, start = b.value(2)
        b.check(value, text, start, 2)
        yield Record(section, index, value, text, *b.where(start))
        index += 1
        if b.expect(",]") == "]":
            return
