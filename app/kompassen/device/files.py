"""Files: written so they are never half-written, read so a huge one is never read at all.

Writing (key files, the device token, fetched reports): a temporary file with the mode set on
the descriptor (the umask cannot widen it), fsynced, renamed over the target, and the folder
fsynced, so a power cut leaves either the old file or the new one.

Reading what someone else made (area packs, HSDS imports): one size-capped UTF-8 reader, so a
wrong file given by mistake (a 5 GB dump, a FIFO, /dev/zero) is refused in words instead of
filling the memory, and every caller words a broken file the same way.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from kompassen.core.errors import KompassenError

_MB = 1024 * 1024


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
    ) -> None:
        self.file = file
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


def _read_bytes_limited(path: Path, display: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file; the size is checked before and while reading."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise TextFileError(
            file=display, problem_sv="Filen finns inte.", problem_en="The file does not exist."
        ) from None
    except IsADirectoryError:
        raise TextFileError(
            file=display,
            problem_sv="Det är en mapp, inte en fil.",
            problem_en="It is a folder, not a file.",
        ) from None
    except OSError as exc:
        raise TextFileError(
            file=display,
            problem_sv=f"Filen kunde inte öppnas ({exc.strerror}).",
            problem_en=f"The file could not be opened ({exc.strerror}).",
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TextFileError(
                file=display,
                problem_sv="Det är en mapp, inte en fil.",
                problem_en="It is a folder, not a file.",
            )
        if not stat.S_ISREG(info.st_mode):
            raise TextFileError(
                file=display,
                problem_sv="Det är ingen vanlig fil (en enhet eller ett rör?).",
                problem_en="It is not a regular file (a device or a pipe?).",
            )
        if info.st_size > max_bytes:
            raise _too_large(display, info.st_size, max_bytes)
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


def parse_json(text: str, display: str) -> Any:
    """JSON from text read by :func:`read_text_limited`; the one place JSON input is parsed.

    Why one place: a limit on nesting depth (or any other guard on untrusted JSON) belongs
    here, so packs and HSDS imports get it together.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TextFileError(
            file=display,
            problem_sv=f"Ogiltig eller avkortad JSON: {_JSON_MSGS_SV.get(exc.msg, exc.msg)}.",
            problem_en=f"Invalid or truncated JSON: {exc.msg}.",
            line=exc.lineno,
            column=exc.colno,
        ) from None


def load_json_limited(
    path: Path, max_bytes: int, *, display: str | None = None, strip_bom: bool = False
) -> Any:
    """:func:`read_text_limited` then :func:`parse_json`."""
    name = display if display is not None else path.name
    return parse_json(read_text_limited(path, max_bytes, display=name, strip_bom=strip_bom), name)
