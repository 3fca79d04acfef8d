"""Files: written so they are never half-written, read so a huge one is never read at all.

Writing (key files, the device token, fetched reports): a temporary file with the mode set on
the descriptor (the umask cannot widen it), fsynced, renamed over the target, and the folder
fsynced, so a power cut leaves either the old file or the new one.

Reading what someone else made (area packs, HSDS imports, settings, key and token files,
server answers): one size-capped UTF-8 reader, so a wrong file given by mistake (a 5 GB dump,
a FIFO, /dev/zero) is refused in words instead of filling the memory, and one JSON parser
(:func:`parse_json`) that refuses what would crash or poison the program later: nesting deeper
than :data:`MAX_JSON_DEPTH` (json recurses: a RecursionError), integers longer than
:data:`MAX_INT_DIGITS` (Python refuses 4,300+ digits with a ValueError), NaN/Infinity (a
number column in SQLite stores NaN as NULL) and lone UTF-16 surrogates (they cannot be written
as UTF-8: not to SQLite, not to a CSV export).
"""

from __future__ import annotations

import contextlib
import json
import math
import operator
import os
import re
import stat
from itertools import accumulate, count
from pathlib import Path
from typing import Any

from kompassen.core.errors import KompassenError

_MB = 1024 * 1024

# The deepest JSON the program expects is a release answer (≈ 12 levels: answer → documents →
# services.json → services → service → hours → weekly → rule → days); packs and HSDS files
# are ≤ 7. 64 leaves a wide margin and stays far below Python's recursion limit (1,000),
# also for code that walks a parsed document recursively (the schema validators).
MAX_JSON_DEPTH = 64
MAX_INT_DIGITS = 40  # no integer the program reads is near this (ages, versions, row ids)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` in one step; OSError (for the caller to word) on failure."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            os.fchmod(fd, mode)
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if hasattr(os, "O_DIRECTORY"):
            dfd = os.open(path.parent, os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# ------------------------------------------------------------------------------ reading


class TextFileError(KompassenError):
    """A file that could not be read as UTF-8 text (or JSON); names the file.

    ``problem_sv``/``problem_en`` say what is wrong without the place, and ``line``/``column``
    (1-based) where, so a caller with its own problem list (pack, HSDS) can file it there.
    """

    def __init__(
        self,
        *,
        file: str,
        problem_sv: str,
        problem_en: str,
        line: int | None = None,
        column: int | None = None,
        missing: bool = False,
    ) -> None:
        self.file = file
        self.missing = missing  # the file does not exist (callers with a default use that)
        self.problem_sv = problem_sv
        self.problem_en = problem_en
        self.line = line
        self.column = column
        where_sv, where_en = file, file
        if line is not None:
            where_sv += f" rad {line}"
            where_en += f" line {line}"
            if column is not None:
                where_sv += f", kolumn {column}"
                where_en += f", column {column}"
        super().__init__(sv=f"{where_sv}: {problem_sv}", en=f"{where_en}: {problem_en}")


def _size(n: int, unit_sv: str = "byte", unit_en: str = "bytes") -> tuple[str, str]:
    if n >= _MB and n % _MB == 0:
        return f"{n // _MB} MB", f"{n // _MB} MB"
    return f"{n} {unit_sv}", f"{n} {unit_en}"


def _too_large(display: str, size: int | None, max_bytes: int) -> TextFileError:
    limit_sv, limit_en = _size(max_bytes)
    got_sv = f" ({size} byte)" if size is not None else ""
    got_en = f" ({size} bytes)" if size is not None else ""
    return TextFileError(
        file=display,
        problem_sv=f"Filen är större än {limit_sv}{got_sv}; den lästes inte.",
        problem_en=f"The file is larger than {limit_en}{got_en}; it was not read.",
    )


def open_regular(path: Path, display: str) -> tuple[int, int]:
    """An open descriptor on a regular file, and its size; anything else refused in words.

    ``O_NONBLOCK``: opening a FIFO must not wait for a writer (regular files ignore it). The
    caller closes the descriptor.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise TextFileError(
            file=display,
            problem_sv="Filen finns inte.",
            problem_en="The file does not exist.",
            missing=True,
        ) from None
    except IsADirectoryError:
        raise _a_folder(display) from None
    except OSError as exc:
        raise TextFileError(
            file=display,
            problem_sv=f"Filen kunde inte öppnas ({exc.strerror}).",
            problem_en=f"The file could not be opened ({exc.strerror}).",
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _a_folder(display)
        if not stat.S_ISREG(info.st_mode):
            raise TextFileError(
                file=display,
                problem_sv="Det är ingen vanlig fil (en enhet eller ett rör?).",
                problem_en="It is not a regular file (a device or a pipe?).",
            )
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def _a_folder(display: str) -> TextFileError:
    return TextFileError(
        file=display,
        problem_sv="Det är en mapp, inte en fil.",
        problem_en="It is a folder, not a file.",
    )


def _read_bytes_limited(path: Path, display: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file; the size is checked before and while reading."""
    fd, size = open_regular(path, display)
    try:
        if size > max_bytes:
            raise _too_large(display, size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # one byte more than allowed: a file that grew, or reports size 0 (/proc), is caught
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise TextFileError(
            file=display,
            problem_sv=f"Filen kunde inte läsas ({exc.strerror}).",
            problem_en=f"The file could not be read ({exc.strerror}).",
        ) from None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise _too_large(display, None, max_bytes)
    return raw


def read_text_limited(
    path: Path, max_bytes: int, *, display: str | None = None, strip_bom: bool = False
) -> str:
    """The file as UTF-8 text, refused unread when larger than ``max_bytes``.

    ``display`` is the name the user knows the file by (default: its name). ``strip_bom``
    accepts a leading UTF-8 byte order mark (spreadsheet exports write one); without it the
    mark stays in the text for the caller's parser to complain about.
    """
    name = display if display is not None else path.name
    raw = _read_bytes_limited(path, name, max_bytes)
    try:
        return raw.decode("utf-8-sig" if strip_bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(
            file=name,
            problem_sv="Filen är inte UTF-8-kodad (spara den som UTF-8).",
            problem_en="The file is not UTF-8 encoded (save it as UTF-8).",
            line=raw[: exc.start].count(b"\n") + 1,
        ) from None


_JSON_MSGS_SV = {
    "Expecting value": "ett värde väntades",
    "Expecting ',' delimiter": "ett kommatecken väntades",
    "Expecting ':' delimiter": "ett kolon väntades",
    "Expecting property name enclosed in double quotes": (
        "ett fältnamn inom dubbla citattecken väntades"
    ),
    "Extra data": "extra text efter slutet",
    "Unterminated string starting at": "en sträng avslutas aldrig",
    "Invalid control character at": "otillåtet kontrolltecken",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": "filen börjar med ett BOM-tecken",
}


class _Refused(Exception):
    """Raised from inside ``json.loads`` by a hook; ``token`` is looked up to say where."""

    def __init__(self, sv: str, en: str, token: str) -> None:
        super().__init__(en)
        self.sv, self.en, self.token = sv, en, token


def _refuse_constant(name: str) -> Any:
    raise _Refused(
        f"{name} är inget tal (skriv ett vanligt tal eller null)",
        f"{name} is not a number (write an ordinary number or null)",
        name,
    )


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(
            f"ett heltal med {len(digits.lstrip('-'))} siffror (högst {MAX_INT_DIGITS} tillåts)",
            f"an integer of {len(digits.lstrip('-'))} digits (at most {MAX_INT_DIGITS} allowed)",
            digits,
        )
    return int(digits)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(
            f"talet {text[:40]} är för stort", f"the number {text[:40]} is too large", text
        )
    return value


_KEEP = b'"[]{}'
_DELETE = bytes(c for c in range(256) if c not in _KEEP)
_QUOTED = re.compile(rb'"[^"]*"')
_DEPTH_STEP = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def _max_depth(raw: bytes) -> int:
    """The deepest nesting of ``[``/``{`` outside strings, without recursing (C-speed passes).

    Inside strings a backslash always starts a pair, so dropping ``\\\\`` then ``\\"`` leaves
    only real quotes; everything but quotes and brackets goes, then the quoted runs. For text
    that is not JSON the count may be too high (never too low before the point where json
    stops with a syntax error), so nothing json would recurse into escapes it.
    """
    raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _DELETE)
    brackets = _QUOTED.sub(b"", raw).replace(b'"', b"").translate(_DEPTH_STEP)
    # each opening adds 2, each closing 0: the depth after i brackets is sum - i
    return max(map(operator.sub, accumulate(brackets), count(1)), default=0)


def _too_deep_at(text: str, limit: int) -> int:
    """Offset of the first bracket that opens level ``limit + 1`` (slow: only on refusal)."""
    depth = 0
    for m in _TOKEN.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > limit:
                return m.start()
        elif c in "]}":
            depth -= 1
    return 0


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_AT = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_BROKEN_CHARACTER = (
    "en text innehåller ett trasigt tecken (en ensam \\ud800–\\udfff-kod)",
    "a text holds a broken character (a lone \\ud800–\\udfff escape)",
)


def _has_surrogates(doc: Any) -> bool:
    """Whether any string (key or value) in a parsed document holds a lone surrogate."""
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return True
        elif isinstance(node, dict):
            stack.extend(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class JsonRefused(TextFileError):
    """Well-formed JSON that is refused (too deep, a huge number, NaN, a broken character).

    ``reason_sv``/``reason_en``: the reason alone, for callers that word it their own way.
    """

    def __init__(
        self, *, file: str, reason_sv: str, reason_en: str, line: int | None, column: int | None
    ) -> None:
        self.reason_sv, self.reason_en = reason_sv, reason_en
        super().__init__(
            file=file,
            problem_sv=f"Ogiltig JSON: {reason_sv}.",
            problem_en=f"Invalid JSON: {reason_en}.",
            line=line,
            column=column,
        )


def _refusal(text: str, display: str, sv: str, en: str, offset: int | None) -> JsonRefused:
    line, column = _line_col(text, offset) if offset is not None and offset >= 0 else (None, None)
    return JsonRefused(file=display, reason_sv=sv, reason_en=en, line=line, column=column)


def parse_json(text: str, display: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON from text read by :func:`read_text_limited`; the one place JSON input is parsed.

    Refuses (TextFileError with line and column) what would crash or poison the program
    later: see the module docstring. The depth is checked before ``json.loads`` recurses.
    """
    try:
        raw = text.encode("utf-8")  # also the fast test for a lone surrogate in the text itself
    except UnicodeEncodeError as exc:
        raise _refusal(text, display, *_BROKEN_CHARACTER, exc.start) from None
    if text.count("[") + text.count("{") > max_depth and _max_depth(raw) > max_depth:
        raise _refusal(
            text,
            display,
            f"nästlad djupare än {max_depth} nivåer",
            f"nested deeper than {max_depth} levels",
            _too_deep_at(text, max_depth),
        )
    try:
        doc = json.loads(
            text, parse_constant=_refuse_constant, parse_int=_parse_int, parse_float=_parse_float
        )
    except json.JSONDecodeError as exc:
        raise TextFileError(
            file=display,
            problem_sv=f"Ogiltig eller avkortad JSON: {_JSON_MSGS_SV.get(exc.msg, exc.msg)}.",
            problem_en=f"Invalid or truncated JSON: {exc.msg}.",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except _Refused as exc:
        raise _refusal(text, display, exc.sv, exc.en, text.find(exc.token)) from None
    if _SURROGATE_ESCAPE.search(text) and _has_surrogates(doc):
        at = next((m.start() for m in _SURROGATE_AT.finditer(text) if len(m.group()) == 6), None)
        raise _refusal(text, display, *_BROKEN_CHARACTER, at)
    return doc


def parse_json_bytes(raw: bytes, display: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """:func:`parse_json` of UTF-8 bytes (a network answer, stdin): TextFileError if not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(
            file=display,
            problem_sv="Texten är inte UTF-8-kodad.",
            problem_en="The text is not UTF-8 encoded.",
            line=raw[: exc.start].count(b"\n") + 1,
        ) from None
    return parse_json(text, display, max_depth=max_depth)


def load_json_limited(
    path: Path, max_bytes: int, *, display: str | None = None, strip_bom: bool = False
) -> Any:
    """:func:`read_text_limited` then :func:`parse_json`."""
    name = display if display is not None else path.name
    return parse_json(read_text_limited(path, max_bytes, display=name, strip_bom=strip_bom), name)
